"""``hrdeck new DIR``: a curriculum of one's own, not layered on the built-in one.

The example validates and lints without a single finding, builds in its folder with
a bare ``hrdeck build``, holds none of the built-in modules, and every file's
``$schema`` line names a schema the folder holds.
"""

from __future__ import annotations

import re
from pathlib import Path

import pptx
import pytest
from click.testing import CliRunner, Result

from hrdeck.cli import cli
from hrdeck.scaffold.starter import course_id
from tests.lo import needs_soffice, pdf_pages, to_pdf
from tests.overflow import check_rendered

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)
WRITTEN = (
    "course.yaml",
    "audiences/general.yaml",
    "modules/01-title.yaml",
    "modules/02-agenda.yaml",
    "modules/03-how-it-works.yaml",
    "modules/04-closing.yaml",
    "questions/how-it-works.yaml",
    "README.md",
    "FORMAT.md",
)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A curriculum made by ``hrdeck new`` and built inside it with ``hrdeck build``."""
    root = tmp_path_factory.mktemp("new") / "naloxone-basics"
    made = run("new", str(root))
    assert made.exit_code == 0, made.stderr
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        result = run("build")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == "using curriculum . (found here)"
    return root


def deck_texts(root: Path) -> list[str]:
    prs = pptx.Presentation(str(root / "build" / "naloxone-basics-general.pptx"))
    return [
        "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        for slide in prs.slides
    ]


def test_new_lists_what_it_wrote_and_what_to_do_next(tmp_path: Path) -> None:
    result = run("new", str(tmp_path / "mine"))
    assert result.exit_code == 0
    listed = result.stdout.splitlines()
    assert listed[: len(WRITTEN)] == [str(tmp_path / "mine" / name) for name in WRITTEN]
    assert all("/schemas/" in line for line in listed[len(WRITTEN) :])
    assert "hrdeck build -a general" in result.stderr
    assert not (tmp_path / "mine" / "hrdeck.yaml").exists()  # not a project: its own


def test_the_example_validates_and_lints_clean(built: Path) -> None:
    validated = run("validate", str(built))
    assert validated.exit_code == 0, validated.stderr
    assert validated.stdout == f"{built}: valid (0 errors, 0 warnings)\n"
    assert validated.stderr == f"using curriculum {built}\n"
    linted = run("lint", str(built))
    assert linted.exit_code == 0
    assert linted.stderr.splitlines()[1:] == ["0 finding(s)"]


def test_the_example_builds_a_deck_of_its_own_modules_only(built: Path) -> None:
    texts = deck_texts(built)
    assert "Naloxone basics" in texts[0]  # the title, from the folder name
    assert "Curriculum by Your Name" in texts[0] and "Curriculum by Your Name" in texts[-1]
    assert any("What a curriculum holds" in text for text in texts)
    assert not any("Blackwell" in text or "Myth" in text for text in texts)
    assert (built / "build" / "naloxone-basics-general-guide.html").is_file()


def test_every_schema_line_names_a_schema_the_folder_holds(built: Path) -> None:
    for path in sorted(built.rglob("*.yaml")):
        found = SCHEMA_LINE.search(path.read_text(encoding="utf-8"))
        assert found is not None, path
        assert (path.parent / found.group(1)).resolve().is_file(), path


def test_title_and_author_may_hold_any_text(tmp_path: Path) -> None:
    root = tmp_path / "course"
    title = 'Naloxone: a "quick" course # for #1 \\ teams'
    result = run("new", str(root), "--title", title, "--author", "Sam Rivera: LCSW")
    assert result.exit_code == 0, result.stderr
    plan = run("plan", "-a", "general", str(root))
    assert plan.exit_code == 0, plan.stderr
    assert title in plan.stdout and "Curriculum by Sam Rivera: LCSW" in plan.stdout
    assert (root / "README.md").read_text(encoding="utf-8").startswith(f"# {title}\n")


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = run("new", str(tmp_path))
    assert result.exit_code == 2
    assert "not empty" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Naloxone Basics!", "naloxone-basics"), ("__", "my-course"), ("Über 2", "ber-2")],
)
def test_course_ids_come_from_the_folder_name(name: str, expected: str) -> None:
    assert course_id(name) == expected


@pytest.mark.slow
@needs_soffice
def test_the_example_deck_renders_without_overflow(built: Path, tmp_path: Path) -> None:
    deck = built / "build" / "naloxone-basics-general.pptx"
    pdf = to_pdf(deck, tmp_path)
    assert pdf_pages(pdf) == len(deck_texts(built))
    assert check_rendered(deck, pdf) == []
