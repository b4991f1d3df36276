"""``hrdeck check`` takes several decks and folders; ``theme check`` says each gap once.

Each deck gets its own report and summary line; the exit code is 1 when any deck
has an error or cannot be read (the others are still checked).  A template layout
that several slide kinds name is reported once, naming all of them.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from hrdeck.cli import cli
from hrdeck.paths import builtin_themes
from tests.agency import AGENCY_LAYOUTS, agency_template
from tests.test_a11y import _small_text, clean_deck, save


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def decks(tmp_path: Path) -> tuple[Path, Path]:
    """A clean deck and one with an error, each in its own folder."""
    good_dir, bad_dir = tmp_path / "good", tmp_path / "bad"
    good_dir.mkdir()
    bad_dir.mkdir()
    good = save(clean_deck(tmp_path), good_dir)
    prs = clean_deck(tmp_path)
    _small_text(prs)
    bad = save(prs, bad_dir)
    return good, bad


def test_each_deck_gets_its_report_and_any_error_fails(decks: tuple[Path, Path]) -> None:
    good, bad = decks
    result = run("check", str(good), str(bad))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{good}: no accessibility problems found\n")
    assert "error[small-text]" in result.stdout
    assert result.stdout.endswith(f"{bad}: 1 error, 0 warnings on 1 slide\n")
    assert result.stderr == "2 decks checked, 1 with errors\n"


def test_clean_decks_pass_together(decks: tuple[Path, Path], tmp_path: Path) -> None:
    good, _ = decks
    other = shutil.copy(good, tmp_path / "other.pptx")
    result = run("check", str(good), str(other))
    assert result.exit_code == 0
    assert result.stdout.count("no accessibility problems found") == 2


def test_a_folder_stands_for_its_decks(tmp_path: Path) -> None:
    out = tmp_path / "build"
    assert run("build", "-a", "court,peer", "--out", str(out)).exit_code == 0
    result = run("check", str(out))
    summaries = [line for line in result.stdout.splitlines() if line.startswith(str(out))]
    assert [line.split(":")[0] for line in summaries if "accessibility" in line or "on " in line]
    for audience in ("court", "peer"):
        assert f"{out}/hr-mandated-clients-{audience}.pptx: " in result.stdout
    assert result.stderr.endswith("2 decks checked, 0 with errors\n")
    assert result.exit_code == 0


def test_a_deck_named_twice_is_checked_once(decks: tuple[Path, Path]) -> None:
    good, _ = decks
    result = run("check", str(good), str(good.parent), str(good))
    assert result.exit_code == 0
    assert result.stdout == f"{good}: no accessibility problems found\n"


def test_a_file_that_is_not_a_deck_fails_but_the_others_are_checked(
    decks: tuple[Path, Path], tmp_path: Path
) -> None:
    good, _ = decks
    junk = tmp_path / "junk.pptx"
    junk.write_bytes(b"not a deck")
    result = run("check", str(junk), str(good))
    assert result.exit_code == 1
    assert f"hrdeck: {junk}: not a .pptx file" in result.stderr
    assert result.stdout == f"{good}: no accessibility problems found\n"
    assert "Traceback" not in result.stderr


def test_a_folder_without_decks_is_a_usage_error(tmp_path: Path) -> None:
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert "holds no .pptx file" in result.stderr


def test_check_needs_a_deck() -> None:
    assert run("check").exit_code == 2


# -- theme check: one report per missing layout --------------------------------------------


def theme_with_layouts(folder: Path, layouts: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    agency_template(folder / "agency.pptx")
    text = (builtin_themes() / "default" / "theme.yaml").read_text(encoding="utf-8")
    text = text.replace("name: default", "name: agency").replace('slide_size: "16:9"\n', "")
    mapping = "".join(f"  {kind}: {name}\n" for kind, name in layouts.items())
    (folder / "theme.yaml").write_text(f"{text}template: agency.pptx\nlayouts:\n{mapping}")
    return folder


def test_a_layout_several_kinds_miss_is_reported_once(tmp_path: Path) -> None:
    mapping = {**AGENCY_LAYOUTS, "bullets": "Body", "agenda": "Body", "case": "Body"}
    folder = theme_with_layouts(tmp_path / "agency", mapping)
    result = run("theme", "check", str(folder))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "error[missing-layout]" in line]
    assert len(errors) == 1, result.stderr
    needed = re.search(r"no layout named 'Body' \(needed for ([a-z, ]+) slides\)", errors[0])
    assert needed is not None and sorted(needed.group(1).split(", ")) == [
        "agenda",
        "bullets",
        "case",
    ]
    assert f"{folder.name}/theme.yaml:" in errors[0]
    line = int(errors[0].split("theme.yaml:")[1].split(":")[0])
    theme_lines = (folder / "theme.yaml").read_text().splitlines()
    first = next(n for n, text in enumerate(theme_lines, 1) if text.endswith(": Body"))
    assert line == first  # the first line naming it
    assert result.stderr.endswith("theme agency: 1 error, 0 warnings\n")


def test_unmapped_kinds_are_given_the_template_s_best_layout(tmp_path: Path) -> None:
    """A theme that maps only the cover still checks clean and builds: every other kind
    gets the template's own layout that scores best for it, never a stock Office name."""
    from pptx import Presentation

    folder = theme_with_layouts(tmp_path / "agency", {"title": "Agency Title"})
    result = run("theme", "check", str(folder))
    assert result.exit_code == 0, result.stderr
    assert "missing-layout" not in result.stderr
    out = tmp_path / "decks"
    built = run("build", "-a", "court", "--theme", str(folder), "--out", str(out))
    assert built.exit_code == 0, built.stderr
    (deck,) = out.rglob("*.pptx")
    used = {slide.slide_layout.name for slide in Presentation(str(deck)).slides}
    assert used and used <= {
        "Agency Title",
        "Agency Content",
        "Agency Section",
        "Agency Two",
        "Agency Compare",
        "Agency Blank Title",
        "Blank",
    }, used
    assert "Agency Content" in used
