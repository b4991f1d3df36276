"""``hrdeck copy module|audience|theme``: a built-in file into a project, to change there.

The copy replaces the built-in one (same module id, audience file name, theme name),
its ``$schema`` line points at the project's schemas/ (written when missing), and an
existing copy is kept unless --force is given.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from hrdeck.cli import cli
from hrdeck.paths import builtin_curriculum, builtin_themes
from hrdeck.pipeline import BuildRequest, plan_for, validate_and_lint

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "lakeside"
    assert run("init", str(root)).exit_code == 0
    monkeypatch.chdir(root)
    return root


def schema_target(path: Path) -> Path:
    """The file a copy's $schema line names, resolved from the copy's folder."""
    found = SCHEMA_LINE.search(path.read_text(encoding="utf-8"))
    assert found is not None, path
    return (path.parent / found.group(1)).resolve()


def without_schema_line(text: str) -> str:
    return SCHEMA_LINE.sub("", text, count=1)


def test_copy_module_writes_the_file_with_a_schema_line_for_the_project(project: Path) -> None:
    result = run("copy", "module", "myths")
    assert result.exit_code == 0, result.stderr
    copy = project / "modules" / "06-myths.yaml"
    assert result.stdout == "modules/06-myths.yaml\n"  # relative to the project here
    assert "copied module myths from <builtin>/modules/06-myths.yaml" in result.stderr
    assert schema_target(copy) == (project / "schemas" / "module.schema.json").resolve()
    text = copy.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/module.schema.json\n")
    builtin = (builtin_curriculum() / "modules" / "06-myths.yaml").read_text(encoding="utf-8")
    assert without_schema_line(text) == without_schema_line(builtin)


def test_the_copy_replaces_the_builtin_module_when_edited(project: Path) -> None:
    run("copy", "module", "Myths")  # any case
    copy = project / "modules" / "06-myths.yaml"
    text = copy.read_text(encoding="utf-8")
    copy.write_text(text.replace("title: ", "title: Myths we hear in Lakeside\n# ", 1), "utf-8")
    curriculum, diagnostics = validate_and_lint(project)
    assert curriculum is not None, diagnostics
    assert not [d for d in diagnostics if d.severity == "error"]
    plan, _ = plan_for(BuildRequest(project, "court"))
    assert any(s.module_title == "Myths we hear in Lakeside" for s in plan.slides)
    assert sum(m.id == "myths" for m in curriculum.modules) == 1


def test_an_existing_copy_is_kept_without_force(project: Path) -> None:
    run("copy", "module", "myths")
    copy = project / "modules" / "06-myths.yaml"
    copy.write_text(copy.read_text("utf-8") + "# my edits\n", encoding="utf-8")
    again = run("copy", "module", "myths")
    assert again.exit_code == 2
    assert "already holds the project's module 'myths'" in again.stderr
    assert "--force" in again.stderr
    assert copy.read_text("utf-8").endswith("# my edits\n")
    forced = run("copy", "module", "myths", "--force")
    assert forced.exit_code == 0, forced.stderr
    assert not copy.read_text("utf-8").endswith("# my edits\n")


def test_a_module_the_project_holds_under_another_name_counts_as_its_copy(project: Path) -> None:
    result = run("copy", "module", "resources")  # init wrote modules/24-resources.yaml
    assert result.exit_code == 2
    assert "modules/24-resources.yaml already holds the project's module 'resources'" in (
        result.stderr
    )


def test_a_file_of_the_same_name_holding_something_else_is_never_overwritten(
    project: Path,
) -> None:
    other = project / "modules" / "06-myths.yaml"
    other.write_text("id: our-myths\nkind: section\ntitle: Ours\n", encoding="utf-8")
    for args in (["copy", "module", "myths"], ["copy", "module", "myths", "--force"]):
        result = run(*args)
        assert result.exit_code == 2
        assert "holds something else" in result.stderr
    assert other.read_text(encoding="utf-8").startswith("id: our-myths")


def test_copy_audience_into_a_project_folder_given(tmp_path: Path) -> None:
    root = tmp_path / "lakeside"
    run("init", str(root))
    result = run("copy", "audience", "court", str(root))
    assert result.exit_code == 0, result.stderr
    copy = root / "audiences" / "court.yaml"
    assert schema_target(copy) == (root / "schemas" / "audience.schema.json").resolve()
    curriculum, _ = validate_and_lint(root)
    assert curriculum is not None


def test_copy_theme_renamed_checks_and_builds(project: Path) -> None:
    result = run("copy", "theme", "high-contrast", "--as", "ours")
    assert result.exit_code == 0, result.stderr
    theme = project / "themes" / "ours" / "theme.yaml"
    assert schema_target(theme) == (project / "schemas" / "theme.schema.json").resolve()
    assert "\nname: ours\n" in theme.read_text(encoding="utf-8")
    source = builtin_themes() / "high-contrast"
    assert sorted(p.name for p in theme.parent.iterdir()) == sorted(
        p.name for p in source.iterdir()
    )
    checked = run("theme", "check", "ours")
    assert checked.exit_code == 0, checked.stderr
    built = run("build", "-a", "peer", "--theme", "ours", "--out", "out")
    assert built.exit_code == 0, built.stderr
    again = run("copy", "theme", "high-contrast", "--as", "ours")
    assert again.exit_code == 2 and "--force" in again.stderr


def test_missing_schemas_are_written_with_the_copy(project: Path) -> None:
    for schema in (project / "schemas").iterdir():
        schema.unlink()
    (project / "schemas").rmdir()
    result = run("copy", "module", "roles")
    assert result.exit_code == 0, result.stderr
    copy = project / "modules" / "16-roles.yaml"
    assert schema_target(copy).is_file()
    assert "schemas/module.schema.json" in result.stdout.splitlines()


def test_copy_into_a_curriculum_of_ones_own_comes_from_the_builtin_one(tmp_path: Path) -> None:
    root = tmp_path / "mine"
    assert run("new", str(root)).exit_code == 0
    result = run("copy", "module", "myths", str(root))
    assert result.exit_code == 0, result.stderr
    assert (root / "modules" / "06-myths.yaml").is_file()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["copy", "module", "mths"], "unknown module 'mths'; did you mean 'myths'?"),
        (["copy", "audience", "judges"], "unknown audience 'judges'; known audiences: "),
        (["copy", "theme", "defualt"], "unknown theme 'defualt'; did you mean 'default'?"),
        (["copy", "module", "myths", "--as", "x"], "--as renames a copied theme"),
    ],
)
def test_unknown_names_are_usage_errors(project: Path, args: list[str], expected: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert expected in result.stderr


def test_copy_outside_any_project_says_how_to_start_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("copy", "module", "myths")
    assert result.exit_code == 2
    assert "hrdeck init FOLDER" in result.stderr and "hrdeck new FOLDER" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_help_lists_copy_and_new_with_examples() -> None:
    result = run("--help")
    assert "hrdeck copy module myths" in result.stdout
    assert "hrdeck new my-course" in result.stdout
    assert "hrdeck build -a court -a peer" in result.stdout
    listed = result.stdout.split("Commands:")[1].split("Examples:")[0]
    assert "copy " in listed and "new " in listed
    copy_help = run("copy", "--help").stdout
    assert "hrdeck copy theme default --as agency" in copy_help
