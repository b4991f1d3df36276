"""What a curriculum folder lists (issue 14 #10, #19): nothing named *.yaml is skipped
in silence, nothing blocks, and an unreadable folder is a located error."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from hrdeck.curriculum.listing import list_yaml
from hrdeck.curriculum.load import load_tree
from hrdeck.diagnostics import Diagnostic
from hrdeck.paths import builtin_curriculum


def problems_by_name(found: list[Diagnostic]) -> dict[str, tuple[str, str]]:
    return {d.loc.file.rsplit("/", 1)[-1]: (d.code, d.message) for d in found}


@pytest.fixture
def modules(tmp_path: Path) -> Path:
    folder = tmp_path / "modules"
    folder.mkdir()
    (folder / "10-plain.yaml").write_text("id: plain\n")
    (folder / "11-short.yml").write_text("id: short\n")
    (folder / ".hidden.yaml").write_text("id: hidden\n")
    (folder / "notes.txt").write_text("not a module\n")
    return folder


def test_regular_files_and_links_to_them_are_listed_by_name(modules: Path) -> None:
    (modules / "12-linked.yaml").symlink_to(modules / "10-plain.yaml")
    found, problems = list_yaml(modules, "modules")
    assert [p.name for p in found] == ["10-plain.yaml", "11-short.yml", "12-linked.yaml"]
    assert problems == []


def test_whatever_else_is_named_like_a_module_is_reported_at_its_name(modules: Path) -> None:
    os.mkfifo(modules / "50-pipe.yaml")
    (modules / "51-zero.yaml").symlink_to("/dev/zero")
    (modules / "52-loop.yaml").symlink_to("52-loop.yaml")
    (modules / "53-dangling.yml").symlink_to("/nonexistent/module.yaml")
    (modules / "54-folder.yaml").mkdir()
    found, problems = list_yaml(modules, "cur/modules")
    assert [p.name for p in found] == ["10-plain.yaml", "11-short.yml"]
    odd = ["50-pipe.yaml", "51-zero.yaml", "52-loop.yaml", "53-dangling.yml", "54-folder.yaml"]
    assert [(d.loc.file, d.loc.line, d.loc.col) for d in problems] == [
        (f"cur/modules/{name}", 1, 1) for name in odd
    ]
    said = problems_by_name(problems)
    assert said["50-pipe.yaml"] == ("not-a-file", "this is a named pipe (FIFO), not a YAML file")
    assert said["51-zero.yaml"][1] == (
        "this is a device (the link points to '/dev/zero'), not a YAML file"
    )
    assert "loop" in said["52-loop.yaml"][1]
    assert "'/nonexistent/module.yaml', which does not exist" in said["53-dangling.yml"][1]
    assert said["54-folder.yaml"][1] == "this is a folder, not a YAML file"
    assert {code for code, _ in said.values()} == {"not-a-file"}


def test_a_folder_that_cannot_be_listed_is_a_read_error_at_the_folder(
    modules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_scandir = os.scandir

    def refuse(path: object) -> object:
        if Path(str(path)) == modules:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", refuse)
    found, problems = list_yaml(modules, "cur/modules")
    assert found == []
    assert [(d.loc.file, d.loc.line, d.code) for d in problems] == [
        ("cur/modules", 1, "read-error")
    ]
    assert problems[0].message == "cannot read the folder: Permission denied"


def test_a_missing_folder_or_a_file_in_its_place_is_no_error_here(tmp_path: Path) -> None:
    (tmp_path / "modules").write_text("a file, not a folder")
    assert list_yaml(tmp_path / "absent", "absent") == ([], [])
    assert list_yaml(tmp_path / "modules", "modules") == ([], [])


def test_load_tree_reports_a_pipe_instead_of_blocking_on_it(tmp_path: Path) -> None:
    root = tmp_path / "cur"
    shutil.copytree(builtin_curriculum(), root)
    os.mkfifo(root / "modules" / "50-odd.yaml")
    os.mkfifo(root / "audiences" / "odd.yaml")
    tree, problems = load_tree(root, display_base=tmp_path)
    odd = [d for d in problems if d.code == "not-a-file"]
    assert [d.loc.file for d in odd] == ["cur/audiences/odd.yaml", "cur/modules/50-odd.yaml"]
    assert tree.course is not None and len(tree.modules) > 5


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda p: p.symlink_to("course.yaml"), "not-a-file"),
        (os.mkfifo, "not-a-file"),
        (lambda p: None, "missing-file"),
    ],
    ids=["loop", "pipe", "missing"],
)
def test_course_yaml_that_cannot_be_read_says_why(tmp_path: Path, make: object, code: str) -> None:
    make(tmp_path / "course.yaml")  # type: ignore[operator]
    _, problems = load_tree(tmp_path, display_base=tmp_path)
    assert [(d.loc.file, d.code) for d in problems] == [("course.yaml", code)]


# -- the same file twice, and links out of the curriculum (issue 14 #15, #16) ----------


def test_a_yml_beside_a_yaml_of_the_same_name_is_one_error_naming_both(modules: Path) -> None:
    (modules / "10-plain.yml").write_text("id: plain\n")
    found, problems = list_yaml(modules, "modules")
    assert [p.name for p in found] == ["10-plain.yaml", "11-short.yml"]
    assert [(d.loc.file, d.code) for d in problems] == [("modules/10-plain.yml", "duplicate-file")]
    assert "'10-plain.yml' and '10-plain.yaml'" in problems[0].message


def test_an_audience_written_twice_is_read_once(tmp_path: Path) -> None:
    root = tmp_path / "cur"
    shutil.copytree(builtin_curriculum(), root)
    shutil.copyfile(root / "audiences" / "court.yaml", root / "audiences" / "court.yml")
    tree, problems = load_tree(root, display_base=tmp_path)
    assert [doc.path.stem for doc in tree.audiences].count("court") == 1
    assert [(d.loc.file, d.code) for d in problems] == [
        ("cur/audiences/court.yml", "duplicate-file")
    ]


@pytest.mark.parametrize(
    ("moved", "code", "where"),
    [
        ("course.yaml", "course-outside", "cur/course.yaml"),
        ("modules/10-intro.yaml", "module-outside", "cur/modules/10-intro.yaml"),
        ("audiences", "audience-outside", "cur/audiences"),
        ("modules", "module-outside", "cur/modules"),
        ("questions", "file-outside", "cur/questions"),
    ],
)
def test_a_link_out_of_the_curriculum_is_refused_where_it_is(
    tmp_path: Path, moved: str, code: str, where: str
) -> None:
    root = tmp_path / "cur"
    shutil.copytree(builtin_curriculum(), root)
    (root / "modules" / "10-intro.yaml").write_text("id: intro\nkind: section\ntitle: I\n")
    inside, outside = root / moved, tmp_path / "elsewhere" / Path(moved).name
    outside.parent.mkdir()
    shutil.move(inside, outside)
    inside.symlink_to(outside, target_is_directory=outside.is_dir())
    tree, problems = load_tree(root, display_base=tmp_path)
    assert [(d.loc.file, d.code) for d in problems] == [(where, code)]
    assert str(outside) in problems[0].message
    assert all(not doc.path.is_relative_to(outside) for doc in tree.modules + tree.audiences)


def test_links_inside_the_curriculum_are_followed(tmp_path: Path) -> None:
    root = tmp_path / "cur"
    shutil.copytree(builtin_curriculum(), root)
    (root / "shared").mkdir()
    (root / "shared" / "10-intro.yaml").write_text("id: intro\nkind: section\ntitle: I\n")
    (root / "modules" / "10-intro.yaml").symlink_to(root / "shared" / "10-intro.yaml")
    tree, problems = load_tree(root, display_base=tmp_path)
    assert problems == []
    assert "10-intro.yaml" in [doc.path.name for doc in tree.modules]


def test_an_upper_case_suffix_is_not_read_and_a_warning_says_so(modules: Path) -> None:
    (modules / "50-x.YAML").write_text("id: x\n")
    found, problems = list_yaml(modules, "modules")
    assert "50-x.YAML" not in [p.name for p in found]
    assert [(d.loc.file, d.severity, d.code) for d in problems] == [
        ("modules/50-x.YAML", "warning", "ignored-file")
    ]
    assert problems[0].hint == "rename it to '50-x.yaml'"
