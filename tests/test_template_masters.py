"""LibreOffice templates with several masters: masters chosen per kind, inspect, check, preview.

Uses LibreOffice's bundled templates converted once per session (tests/lotemplates.py)
and LibreOffice itself for .otp conversion and preview pictures; skipped without it.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pptx
import pytest
from click.testing import CliRunner

from hrdeck.cli import cli
from hrdeck.errors import ContentError
from hrdeck.kinds import SLIDE_KINDS
from hrdeck.pipeline import check_theme_full
from hrdeck.render.preview import preview_bytes
from hrdeck.template.loading import forget_templates
from hrdeck.theme.load import load_theme
from tests.lo import needs_soffice, to_pdf
from tests.lotemplates import bundled_templates, lo_templates  # noqa: F401 -- a fixture
from tests.overflow import deck_boxes, pdf_words
from tests.test_template_decks import overlapping_text

pytestmark = [pytest.mark.slow, needs_soffice]
KIND_SLIDE = {kind: number for number, kind in enumerate(SLIDE_KINDS)}


def theme_with(folder: Path, template: Path, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, folder / template.name)
    (folder / "theme.yaml").write_text(f"name: t\ntemplate: {template.name}\n{body}")
    forget_templates()
    return folder


def master_numbers(deck: pptx.presentation.Presentation) -> list[int]:
    masters = list(deck.slide_masters)
    return [masters.index(slide.slide_layout.slide_master) + 1 for slide in deck.slides]


def test_a_two_master_template_with_a_master_chosen_per_kind(
    tmp_path: Path,
    lo_templates: dict[str, Path],  # noqa: F811
) -> None:
    body = (
        "layouts:\n"
        '  title: {master: 1, layout: "Title Slide"}\n'
        '  closing: {master: 1, layout: "Title Slide"}\n'
        '  bullets: {master: 2, layout: "Title, Content"}\n'
        '  case: {master: 2, layout: "Title, Content"}\n'
    )
    theme = load_theme(theme_with(tmp_path / "t", lo_templates["Blue_Curve"], body))
    assert not [d for d in check_theme_full(theme) if d.code == "duplicate-layout"]
    numbers = master_numbers(pptx.Presentation(io.BytesIO(preview_bytes(theme))))
    assert numbers[KIND_SLIDE["title"]] == numbers[KIND_SLIDE["closing"]] == 1
    assert numbers[KIND_SLIDE["bullets"]] == numbers[KIND_SLIDE["case"]] == 2


def test_a_master_name_several_masters_share_must_become_a_number(
    tmp_path: Path,
    lo_templates: dict[str, Path],  # noqa: F811
) -> None:
    body = 'layouts:\n  bullets: {master: "Office Theme", layout: "Title, Content"}\n'
    theme = load_theme(theme_with(tmp_path / "t", lo_templates["Vivid"], body))
    [found] = [d for d in check_theme_full(theme) if d.is_error]
    assert found.code == "ambiguous-master" and "masters 1, 2, 3" in found.message
    assert "master: 2" in (found.hint or "")
    with pytest.raises(ContentError):
        preview_bytes(theme)


def test_inspect_lists_masters_scores_and_a_mapping_with_masters(
    lo_templates: dict[str, Path],  # noqa: F811
) -> None:
    result = CliRunner().invoke(cli, ["theme", "inspect", str(lo_templates["Vivid"])])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "3 masters" in text and "master 3: 'Office Theme'" in text
    assert "obj       idx -" in text  # LibreOffice's columns have no idx
    assert "scores out of 100" in text and "(* = proposed)" in text
    assert '  bullets: {master: 3, layout: "Title, Content"}' in text
    assert '  myth: {master: 3, layout: "Title, 2 Content"}' in text


def test_write_keeps_comments_and_replaces_only_the_layouts(
    tmp_path: Path,
    lo_templates: dict[str, Path],  # noqa: F811
) -> None:
    folder = tmp_path / "agency"
    folder.mkdir()
    (folder / "theme.yaml").write_text(
        '# our brand\nname: agency\npalette:\n  accent: "#7C2D12"  # brand red\n'
        'layouts:\n  bullets: "Old"\n  # old comment\n\n# after the layouts\nfooter: Agency\n'
    )
    result = CliRunner().invoke(
        cli, ["theme", "inspect", str(lo_templates["Vivid"]), "--write", str(folder)]
    )
    assert result.exit_code == 0, result.output
    text = (folder / "theme.yaml").read_text()
    assert text.startswith("# our brand\nname: agency\n")
    assert 'accent: "#7C2D12"  # brand red' in text
    assert '"Old"' not in text and "# after the layouts\nfooter: Agency" in text
    assert 'template: "Vivid.pptx"' in text and (folder / "Vivid.pptx").is_file()
    check = CliRunner().invoke(cli, ["theme", "check", str(folder)])
    assert check.exit_code == 0, check.output


def test_a_named_colour_is_checked_against_a_photo_background_with_a_shade_to_use(
    tmp_path: Path,
    lo_templates: dict[str, Path],  # noqa: F811
) -> None:
    body = 'palette:\n  text: "#203040"\n'
    theme = load_theme(theme_with(tmp_path / "t", lo_templates["Metropolis"], body))
    found = [d for d in check_theme_full(theme) if d.code == "low-contrast" and d.is_error]
    on_layout = [d for d in found if "of layout 'Title, Content' of master 1" in d.message]
    assert on_layout, [d.message for d in found]
    assert "text #203040 on #" in on_layout[0].message
    assert on_layout[0].loc.line == 4
    assert (on_layout[0].hint or "").startswith("use #")


def test_an_otp_template_is_converted_once_and_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    otp = bundled_templates().get("Vivid")
    if otp is None:
        pytest.skip("LibreOffice's Vivid.otp is not installed")
    monkeypatch.setenv("HRDECK_CACHE", str(tmp_path / "cache"))
    folder = theme_with(tmp_path / "t", otp, "")
    theme = load_theme(folder)
    converted = list((tmp_path / "cache" / "converted").glob("Vivid-*.pptx"))
    assert len(converted) == 1
    assert [d for d in check_theme_full(theme) if d.is_error] == []
    forget_templates()
    load_theme(folder)  # from the cache: no second conversion
    assert list((tmp_path / "cache" / "converted").glob("*.pptx")) == converted
    assert len(pptx.Presentation(io.BytesIO(preview_bytes(theme))).slides) == len(SLIDE_KINDS)


def test_preview_makes_a_deck_of_every_kind_and_a_picture_of_each(
    tmp_path: Path,
    lo_templates: dict[str, Path],  # noqa: F811
) -> None:
    folder = theme_with(tmp_path / "t", lo_templates["Vivid"], "")
    out = tmp_path / "preview"
    result = CliRunner().invoke(cli, ["theme", "preview", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    deck = out / "preview-t.pptx"
    slides = list(pptx.Presentation(str(deck)).slides)
    assert len(slides) >= len(SLIDE_KINDS)  # a long example may continue on a second slide
    pictures = sorted(out.glob("preview-t-*.png"))
    assert len(pictures) == len(slides)
    assert str(pictures[0]) in result.stdout


def test_the_overlap_check_finds_text_drawn_over_text(tmp_path: Path) -> None:
    prs = pptx.Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    for name, text in (("Myth", "Naloxone encourages use"), ("Fact", "Studies find no increase")):
        box = slide.shapes.add_textbox(914400, 914400, 5486400, 914400)
        box.name, box.text_frame.text = name, text
    deck = tmp_path / "stacked.pptx"
    prs.save(str(deck))
    findings = overlapping_text(pdf_words(to_pdf(deck, tmp_path)), deck_boxes(deck))
    assert findings == ["slide 1: 'Myth' and 'Fact' overlap"]
