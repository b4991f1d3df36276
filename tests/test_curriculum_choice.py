"""Which curriculum a command uses, and that it says so (issue 11, projects and editing).

The folder named on the command line wins; else the current folder's project
(hrdeck.yaml), curriculum (course.yaml) or source checkout (curriculum/course.yaml);
else the built-in curriculum.  Every command that reads a curriculum names it on its
first line of stderr, and diagnostics name built-in files ``<builtin>/...``, never
the folder hrdeck is installed in.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from hrdeck import __version__
from hrdeck.cli import cli
from hrdeck.curriculum.layers import choose_curriculum, shown_folder
from hrdeck.diagnostics import Diagnostic, Loc
from hrdeck.paths import builtin_curriculum, builtin_label, builtin_themes
from hrdeck.pipeline import load_valid, plan_audience
from hrdeck.textfit.measure import DEFAULT_RULES, FitRules

BUILTIN_LINE = f"using the built-in curriculum (hrdeck {__version__})"
EDITED_TITLE = "Who plays what role, edited here"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def first_line(result: Result) -> str:
    return result.stderr.splitlines()[0]


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A source checkout's layout (curriculum/ and themes/), one module edited; the cwd."""
    root = tmp_path / "hrdeck-src"
    shutil.copytree(builtin_curriculum(), root / "curriculum")
    shutil.copytree(builtin_themes(), root / "themes")
    roles = root / "curriculum" / "modules" / "16-roles.yaml"
    text = roles.read_text(encoding="utf-8")
    roles.write_text(text.replace("title: ", f"title: {EDITED_TITLE}\n# was: ", 1), "utf-8")
    monkeypatch.chdir(root)
    return root


# -- choosing ---------------------------------------------------------------------------


def test_the_folder_given_wins(tmp_path: Path) -> None:
    (tmp_path / "course.yaml").write_text("id: x\n")
    choice = choose_curriculum(tmp_path / "elsewhere", tmp_path)
    assert (choice.root, choice.how) == (tmp_path / "elsewhere", "given")


def test_a_project_here_comes_before_a_course_here(tmp_path: Path) -> None:
    (tmp_path / "hrdeck.yaml").write_text("extends: builtin\n")
    (tmp_path / "course.yaml").write_text("id: x\n")
    (tmp_path / "curriculum").mkdir()
    (tmp_path / "curriculum" / "course.yaml").write_text("id: y\n")
    choice = choose_curriculum(None, tmp_path)
    assert (choice.root, choice.how) == (tmp_path, "here")
    assert choice.describe(tmp_path) == (
        f"using project . (found here), on the built-in curriculum (hrdeck {__version__})"
    )


def test_a_course_here_is_a_curriculum(tmp_path: Path) -> None:
    (tmp_path / "course.yaml").write_text("id: x\n")
    choice = choose_curriculum(None, tmp_path)
    assert choice.root == tmp_path
    assert choice.describe(tmp_path) == "using curriculum . (found here)"


def test_a_source_checkout_uses_its_curriculum_folder_and_themes(tmp_path: Path) -> None:
    (tmp_path / "curriculum").mkdir()
    (tmp_path / "curriculum" / "course.yaml").write_text("id: x\n")
    choice = choose_curriculum(None, tmp_path)
    assert choice.root == tmp_path / "curriculum"
    assert choice.themes_dir == tmp_path  # ./themes next to ./curriculum
    assert choice.describe(tmp_path) == "using curriculum ./curriculum (found here)"


def test_a_source_checkout_given_uses_its_curriculum_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "src" / "curriculum").mkdir(parents=True)
    (tmp_path / "src" / "curriculum" / "course.yaml").write_text("id: x\n")
    choice = choose_curriculum(Path("src"), tmp_path)
    assert (choice.root, choice.themes_dir) == (Path("src/curriculum"), Path("src"))
    assert choice.describe(tmp_path) == "using curriculum ./src/curriculum"


def test_an_empty_folder_uses_the_builtin_curriculum(tmp_path: Path) -> None:
    choice = choose_curriculum(None, tmp_path)
    assert (choice.root, choice.how) == (builtin_curriculum(), "builtin")
    assert choice.describe(tmp_path) == BUILTIN_LINE


def test_a_project_given_by_name_and_its_base_are_described(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    project = tmp_path / "lakeside-training"
    project.mkdir()
    (project / "hrdeck.yaml").write_text("extends: ../base\n")
    choice = choose_curriculum(Path("lakeside-training"), tmp_path)
    assert choice.describe(tmp_path) == ("using project ./lakeside-training, on curriculum ./base")


def test_folders_are_shown_as_typed_relative_or_absolute(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    assert shown_folder(tmp_path, tmp_path) == "."
    assert shown_folder(tmp_path / "a", tmp_path) == "./a"
    assert shown_folder(tmp_path / "a", tmp_path / "a" / "b") == ".."
    assert shown_folder(tmp_path / "x", tmp_path / "a") == "../x"  # a sibling
    assert shown_folder(tmp_path / "x", tmp_path / "a" / "b") == str(tmp_path / "x")
    assert shown_folder(builtin_curriculum(), tmp_path) == "<builtin>"


# -- the source checkout, through the command line ------------------------------------------


def test_build_in_a_source_checkout_uses_its_edited_curriculum(checkout: Path) -> None:
    result = run("build", "-a", "court")
    assert result.exit_code == 0, result.stderr
    assert first_line(result) == "using curriculum ./curriculum (found here)"
    guide = (checkout / "build" / "hr-mandated-clients-court-guide.md").read_text("utf-8")
    assert EDITED_TITLE in guide


def test_plan_validate_and_lint_name_the_checkout_first(checkout: Path) -> None:
    for args in (["plan", "-a", "court"], ["validate"], ["lint"]):
        result = run(*args)
        assert first_line(result) == "using curriculum ./curriculum (found here)", args
    plan = run("plan", "-a", "court")
    assert EDITED_TITLE in plan.stdout
    assert re.fullmatch(
        r"\./curriculum: valid \(0 errors, \d+ warnings\)\n", run("validate").stdout
    )


def test_watch_names_the_curriculum_before_anything_else(checkout: Path) -> None:
    result = run("watch", "-a", "jury")  # stops at once: no such audience
    assert result.exit_code == 2
    assert first_line(result) == "using curriculum ./curriculum (found here)"


def test_a_checkout_theme_is_found_by_name(checkout: Path) -> None:
    mine = checkout / "themes" / "mine"
    shutil.copytree(checkout / "themes" / "default", mine)
    theme = mine / "theme.yaml"
    theme.write_text(theme.read_text("utf-8").replace("name: default", "name: mine"), "utf-8")
    result = run("build", "-a", "court", "--theme", "mine")
    assert result.exit_code == 0, result.stderr


# -- built-in files in diagnostics ------------------------------------------------------------


def test_diagnostics_name_builtin_files_without_the_install_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("validate")
    assert result.exit_code == 0
    assert first_line(result) == BUILTIN_LINE
    assert re.fullmatch(r"<builtin>: valid \(0 errors, \d+ warnings\)\n", result.stdout)
    assert "<builtin>/audiences/court.yaml:" in result.stderr
    assert "<builtin>/modules/04-why-it-matters.yaml:" in result.stderr
    assert str(builtin_curriculum()) not in result.stderr


def test_warnings_in_builtin_files_say_to_copy_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("validate")
    review = next(
        block
        for block in result.stderr.split("\n<")
        if "review-due" in block and "04-why-it-matters" in block
    )
    assert (
        "hint: built-in file: 'hrdeck copy module why-it-matters' copies it into your project;"
        in (review)
    )
    assert "in the copy: check it against its source" in review
    course = next(b for b in result.stderr.split("\n<") if b.startswith("builtin>/course.yaml"))
    assert "set this under 'course:' in your project's hrdeck.yaml" in course


def test_shrunk_text_on_a_builtin_module_says_copy_it_not_shorten_it_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    curriculum, _ = load_valid(builtin_curriculum())
    half = {
        key: dataclasses.replace(area, height_pt=area.height_pt / 2)
        for key, area in DEFAULT_RULES.areas.items()
    }
    planned = plan_audience(curriculum, "court", FitRules(half))
    shrunk = [d for d in planned.diagnostics if d.code in ("text-shrunk", "text-split")]
    assert shrunk
    for found in shrunk:
        assert found.loc.file.startswith("<builtin>/modules/"), found
        module = next(m for m in curriculum.modules if m.file == found.loc.file)
        assert found.hint is not None
        assert found.hint.startswith(f"built-in file: 'hrdeck copy module {module.id}'")
        assert "in the copy: shorten the text" in found.hint


def test_a_project_file_keeps_its_own_hint(tmp_path: Path) -> None:
    from hrdeck.curriculum.usage import builtin_hints

    mine = Diagnostic(Loc("modules/06-myths.yaml", 3, 1), "warning", "text-shrunk", "m", "h")
    sources = {"<builtin>/modules/06-myths.yaml": ("module", "myths")}
    assert builtin_hints([mine], sources) == [mine]


def test_builtin_labels_cover_curriculum_and_themes(tmp_path: Path) -> None:
    assert builtin_label(builtin_curriculum() / "modules" / "06-myths.yaml") == (
        "<builtin>/modules/06-myths.yaml"
    )
    assert builtin_label(builtin_themes() / "default" / "theme.yaml") == (
        "<builtin>/themes/default/theme.yaml"
    )
    assert builtin_label(tmp_path / "modules" / "06-myths.yaml") is None


def test_themes_are_listed_where_they_are_without_the_install_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("init", "agency").exit_code == 0
    monkeypatch.chdir(tmp_path / "agency")
    result = run("themes")
    assert result.stdout.splitlines() == [
        "agency               project   ./themes/agency",
        "default              built-in  <builtin>/themes/default",
        "high-contrast        built-in  <builtin>/themes/high-contrast",
    ]
