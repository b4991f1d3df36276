"""``hrdeck init``: a ready agency project that builds every audience at once.

The project overrides the built-in resources module with local entries, names its
own theme folder, and says who presents; ``hrdeck build`` inside it needs no edits.
"""

from __future__ import annotations

from pathlib import Path

import pptx
import pytest
from click.testing import CliRunner, Result

from hrdeck.cli import cli
from hrdeck.curriculum.layers import project_settings
from hrdeck.pipeline import check_theme_full
from hrdeck.theme.load import load_theme

AUDIENCES = ("court", "clinician", "peer")
LOCAL_ENTRIES = ("Your syringe services program", "Your local overdose or crisis line")
WRITTEN = ("hrdeck.yaml", "modules/24-resources.yaml", "themes/agency/theme.yaml", "README.md")
SCHEMAS = ("audience", "course", "module", "project", "questions", "rules", "theme")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project made by ``hrdeck init`` and built with a bare ``hrdeck build``."""
    root = tmp_path_factory.mktemp("init") / "agency"
    assert run("init", str(root)).exit_code == 0
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        result = run("build")
    assert result.exit_code == 0, result.stderr
    return root


def slide_text(slide: object) -> str:
    shapes = slide.shapes  # type: ignore[attr-defined]
    return "\n".join(s.text_frame.text for s in shapes if s.has_text_frame)


def deck(root: Path, audience: str) -> pptx.presentation.Presentation:
    return pptx.Presentation(str(root / "build" / f"hr-mandated-clients-{audience}.pptx"))


def test_init_writes_a_project_and_lists_its_files(tmp_path: Path) -> None:
    result = run("init", str(tmp_path / "agency"))
    assert result.exit_code == 0
    schemas = [f"schemas/{name}.schema.json" for name in SCHEMAS]
    expected = [str(tmp_path / "agency" / name) for name in (*WRITTEN, *schemas)]
    assert result.stdout.splitlines() == expected
    assert "hrdeck build" in result.stderr
    assert (tmp_path / "agency" / "audiences").is_dir()


def test_the_new_project_names_its_theme_and_every_audience(tmp_path: Path) -> None:
    run("init", str(tmp_path / "agency"))
    settings = project_settings(tmp_path / "agency")
    assert settings is not None
    assert settings.theme == "agency"
    assert settings.audiences == AUDIENCES


def test_the_new_projects_theme_loads_by_name_and_passes_its_check(tmp_path: Path) -> None:
    root = tmp_path / "agency"
    run("init", str(root))
    theme = load_theme("agency", root)
    assert theme.folder == root / "themes" / "agency"
    assert check_theme_full(theme) == []


def test_a_bare_build_in_the_new_project_makes_every_audience(built: Path) -> None:
    names = sorted(p.name for p in (built / "build").iterdir())
    expected = sorted(
        f"hr-mandated-clients-{a}{suffix}"
        for a in AUDIENCES
        for suffix in (".pptx", "-guide.md", "-guide.html")
    )
    assert names == expected


@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_resources_slide_shows_the_local_entries(built: Path, audience: str) -> None:
    [resources] = [
        s
        for s in deck(built, audience).slides
        if "Harm reduction resources near you" in slide_text(s)
    ]
    text = slide_text(resources)
    assert all(entry in text for entry in LOCAL_ENTRIES)
    assert "Harm Reduction International" not in text  # a built-in entry the local list drops
    assert ("All Rise" in text) == (audience == "court")  # audience-only entries still work
    notes = resources.notes_slide.notes_text_frame.text
    assert "local services" in notes


@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_cover_and_closing_show_the_projects_presenter(built: Path, audience: str) -> None:
    slides = list(deck(built, audience).slides)
    for slide in (slides[0], slides[-1]):
        text = slide_text(slide)
        assert "you@your-agency.example" in text
        # the seed author is credited as the curriculum's author, never as the presenter
        assert "Curriculum by Dr. Delores Blackwell, LCSW" in text
        assert text.count("Blackwell") == 1


def test_the_guides_carry_the_local_resources(built: Path) -> None:
    guide = (built / "build" / "hr-mandated-clients-peer-guide.md").read_text(encoding="utf-8")
    assert all(entry in guide for entry in LOCAL_ENTRIES)


def test_validate_in_the_new_project_finds_no_errors(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(built)
    result = run("validate")
    assert result.exit_code == 0, result.stderr
    assert "0 errors" in result.stdout


def test_the_readme_says_how_to_build_and_what_to_change(tmp_path: Path) -> None:
    run("init", str(tmp_path / "agency"))
    readme = (tmp_path / "agency" / "README.md").read_text(encoding="utf-8")
    for words in ("hrdeck build", "modules/24-resources.yaml", "hrdeck theme inspect"):
        assert words in readme


def test_init_into_an_empty_folder_is_fine(tmp_path: Path) -> None:
    (tmp_path / "agency").mkdir()
    assert run("init", str(tmp_path / "agency")).exit_code == 0
    assert (tmp_path / "agency" / "hrdeck.yaml").is_file()


def test_init_into_a_non_empty_folder_is_a_usage_error_that_changes_nothing(
    tmp_path: Path,
) -> None:
    root = tmp_path / "agency"
    root.mkdir()
    (root / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("init", str(root))
    assert result.exit_code == 2
    assert "not empty" in result.stderr
    assert [p.name for p in root.iterdir()] == ["notes.txt"]


def test_init_onto_a_file_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "agency"
    target.write_text("a file", encoding="utf-8")
    result = run("init", str(target))
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == "a file"


def test_each_audience_keeps_its_own_cover_subtitle(built: Path) -> None:
    court = slide_text(deck(built, "court").slides[0])
    peer = slide_text(deck(built, "peer").slides[0])
    assert "A training for courts" in court
    assert "A training for peer specialists" in peer


def test_init_points_each_file_at_a_schema_it_wrote(tmp_path: Path) -> None:
    run("init", str(tmp_path / "agency"))
    for name in WRITTEN[:3]:
        path = tmp_path / "agency" / name
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=")
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema.is_file(), f"{name} names {schema}, which init did not write"
