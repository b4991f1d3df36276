"""Themes reach the built deck: palette and fonts everywhere, logo, agency templates by name.

Decks are built from the built-in curriculum and read back as XML: every colour hrdeck
writes on a slide comes from the palette (or a blend of two palette colours), every
font resolves to the theme's heading or body font, an agency template's renamed
layouts are used by name (as .pptx and as .potx), and a template that lacks what
hrdeck needs stops the build before anything is written.
"""

from __future__ import annotations

import io
import itertools
import re
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pptx
import pytest
from click.testing import CliRunner
from lxml import etree
from PIL import Image
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from hrdeck.cli import cli
from hrdeck.errors import ContentError
from hrdeck.paths import builtin_curriculum
from hrdeck.pipeline import BuildRequest, load_valid, plan_audience, run_build
from hrdeck.plan.types import DeckPlan
from hrdeck.render.deck import render_deck
from hrdeck.render.layouts import Box, LayoutCache, box_of, title_placeholder
from hrdeck.render.master import blend
from hrdeck.render.text import MONOSPACE
from hrdeck.theme.contrast import contrast_ratio
from hrdeck.theme.load import load_theme
from hrdeck.theme.model import Theme
from tests.agency import (
    AGENCY_LAYOUTS,
    AGENCY_NAMES,
    PRESENTATION_CT,
    TEMPLATE_CT,
    agency_template,
    as_potx,
)
from tests.lo import needs_soffice, pdf_pages, to_pdf

PALETTE = {
    "background": "#FFFFFF",
    "text": "#1F2937",
    "title": "#7C2D12",
    "accent": "#7C2D12",
    "accent2": "#1E3A8A",
    "muted": "#4B5563",
    "accent_text": "#FFFFFF",
}
LOGO_ALT = "Regional Harm Reduction Agency logo"
NO_LOGO_LAYOUTS = ("Agency Title", "Agency Section")


# -- making agency themes --------------------------------------------------------------


def logo_png(path: Path) -> Path:
    Image.new("RGB", (400, 120), (124, 45, 18)).save(path)
    return path


def write_theme(
    folder: Path,
    *,
    palette: dict[str, str] = PALETTE,
    fonts: tuple[str, str] = ("Georgia", "Verdana"),
    logo: bool = False,
    template: str | None = None,
    extra: str = "",
) -> Path:
    """A theme.yaml in ``folder`` (the logo and template files are made by the caller)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [f"name: {folder.name}", "palette:"]
    lines += [f'  {key}: "{value}"' for key, value in palette.items()]
    lines += ["fonts:", f"  heading: {fonts[0]}", f"  body: {fonts[1]}"]
    lines += ["footer: Regional Harm Reduction Agency"]
    if logo:
        logo_png(folder / "logo.png")
        lines += ["logo:", "  path: logo.png", f"  alt: {LOGO_ALT}", "  position: top-right"]
    if template:
        lines += [f"template: {template}", "layouts:"]
        lines += [f"  {kind}: {name}" for kind, name in AGENCY_LAYOUTS.items()]
    (folder / "theme.yaml").write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return folder


def agency_theme(folder: Path, suffix: str = ".pptx", **options: Any) -> Path:
    """A theme with the renamed template (as .pptx or .potx) and the mapping."""
    folder.mkdir(parents=True, exist_ok=True)
    template = agency_template(folder / "agency.pptx")
    if suffix == ".potx":
        as_potx(template, folder / "agency.potx")
        template.unlink()
    return write_theme(folder, template=f"agency{suffix}", **options)


# -- reading decks back ----------------------------------------------------------------


@pytest.fixture(scope="module")
def court_plan() -> DeckPlan:
    curriculum, _ = load_valid(builtin_curriculum())
    plan = plan_audience(curriculum, "court").plan
    return plan


def render(plan: DeckPlan, theme: Theme) -> Any:
    return pptx.Presentation(io.BytesIO(render_deck(plan, theme)))


def palette_of(theme: Theme) -> set[str]:
    return {value.upper() for value in vars(theme.palette).values()}


def from_palette(colour: str, palette: set[str]) -> bool:
    """A palette colour, or a blend of two (hrdeck tints panels and spectrum stages)."""
    if colour in palette:
        return True
    for start, end in itertools.permutations(palette, 2):
        a, b = bytes.fromhex(start), bytes.fromhex(end)
        span = max(range(3), key=lambda i: abs(b[i] - a[i]))
        if a[span] == b[span]:
            continue
        amount = (bytes.fromhex(colour)[span] - a[span]) / (b[span] - a[span])
        if not 0 < amount < 1:
            continue
        mixed = bytes.fromhex(blend(start, end, amount))
        if all(abs(x - y) <= 1 for x, y in zip(mixed, bytes.fromhex(colour), strict=True)):
            return True  # within rounding of a blend
    return False


def slide_colours(deck: Any) -> Iterator[tuple[int, str, str]]:
    """(slide number, element holding the colour, RRGGBB) for every explicit colour."""
    for number, slide in enumerate(deck.slides, start=1):
        for colour in slide._element.iter(qn("a:srgbClr")):
            holder = etree.QName(colour.getparent().getparent()).localname
            yield number, holder, colour.get("val")


def shape_fills(deck: Any) -> set[str]:
    return {c for _n, holder, c in slide_colours(deck) if holder == "spPr"}


def theme_fonts(deck: Any) -> dict[str, str]:
    """The theme part's major (+mj) and minor (+mn) latin typefaces."""
    part = deck.slide_masters[0].part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    scheme = root.find(f"{{{_A}}}themeElements/{{{_A}}}fontScheme")
    major = scheme.find(f"{{{_A}}}majorFont/{{{_A}}}latin").get("typeface")
    minor = scheme.find(f"{{{_A}}}minorFont/{{{_A}}}latin").get("typeface")
    return {"+mj-lt": major, "+mn-lt": minor}


_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def resolved(typeface: str, deck: Any) -> str:
    return theme_fonts(deck).get(typeface, typeface)


def explicit_typefaces(element: Any) -> set[str]:
    return {latin.get("typeface") for latin in element.iter(qn("a:latin"))}


def layout_kinds(plan: DeckPlan) -> dict[str, str]:
    return {slide.title: slide.kind for slide in plan.slides}


def kind_of(title: str, kinds: dict[str, str]) -> str:
    return kinds[title.removesuffix(" (cont.)")]


def slide_title(slide: Any) -> str:
    shape = title_placeholder(slide)
    return shape.text_frame.text if shape is not None else ""


# -- built-in themes -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["default", "high-contrast"])
def test_every_colour_on_a_builtin_theme_deck_comes_from_its_palette(
    name: str, court_plan: DeckPlan
) -> None:
    theme = load_theme(name)
    deck = render(court_plan, theme)
    palette = palette_of(theme)
    strays = [found for found in slide_colours(deck) if not from_palette(found[2], palette)]
    assert strays == []
    fills = shape_fills(deck)
    assert {theme.palette.accent, theme.palette.accent2} <= fills  # drawn shapes use them
    scheme_colours = [c for s in deck.slides for c in s._element.iter(qn("a:schemeClr"))]
    assert scheme_colours == []  # nothing left to the template's colour scheme


@pytest.mark.parametrize("name", ["default", "high-contrast"])
def test_every_font_on_a_builtin_theme_deck_resolves_to_the_theme_fonts(
    name: str, court_plan: DeckPlan
) -> None:
    theme = load_theme(name)
    deck = render(court_plan, theme)
    assert theme_fonts(deck) == {"+mj-lt": theme.heading_font, "+mn-lt": theme.body_font}
    allowed = {theme.heading_font, theme.body_font, MONOSPACE}
    for slide in deck.slides:
        assert {resolved(t, deck) for t in explicit_typefaces(slide._element)} <= allowed
    master = deck.slide_masters[0]._element
    styles = master.find(qn("p:txStyles"))
    assert explicit_typefaces(styles.find(qn("p:titleStyle"))) == {theme.heading_font}
    assert explicit_typefaces(styles.find(qn("p:bodyStyle"))) == {theme.body_font}
    for layout in deck.slide_layouts:
        assert {resolved(t, deck) for t in explicit_typefaces(layout._element)} <= allowed


def lightened_text_colours(element: Any) -> list[str]:
    """Text colours in list styles that lighten a dark scheme colour (tint, lumMod...)."""
    return [
        colour.get("val")
        for style in element.iter(qn("a:lstStyle"))
        for colour in style.iter(qn("a:schemeClr"))
        if colour.get("val") in ("tx1", "tx2", "dk1", "dk2") and len(colour)
    ]


@pytest.mark.parametrize("name", ["default", "high-contrast"])
def test_subtitles_are_in_a_readable_colour_not_a_pale_tint(
    name: str, court_plan: DeckPlan
) -> None:
    theme = load_theme(name)
    deck = render(court_plan, theme)
    for owner in [*deck.slide_masters, *deck.slide_layouts]:
        assert lightened_text_colours(owner._element) == [], owner.name
    section = next(s for s in deck.slides if s.slide_layout.name == "hrdeck Section")
    [subtitle] = [p for p in section.placeholders if p.placeholder_format.idx == 1]
    assert subtitle.text_frame.text  # the section's subtitle is there ...
    assert lightened_text_colours(subtitle._element) == []
    layout_ph = section.slide_layout.placeholders.get(idx=1)
    level1 = layout_ph._element.find(".//" + qn("a:lvl1pPr"))
    shown = level1.find(qn("a:defRPr")).find(".//" + qn("a:srgbClr")).get("val")
    field = section.slide_layout._element.find(".//" + qn("p:bg") + "//" + qn("a:srgbClr"))
    assert shown == theme.palette.accent_text  # ... in the text colour for the field ...
    target = 7.0 if name == "high-contrast" else 4.5
    assert contrast_ratio(shown, field.get("val")) >= target  # ... readable on it


@pytest.mark.parametrize("name", ["default", "high-contrast"])
def test_a_builtin_theme_builds_a_court_deck_and_guide(name: str, tmp_path: Path) -> None:
    result = run_build(BuildRequest(builtin_curriculum(), "court", name, tmp_path))
    deck = pptx.Presentation(str(tmp_path / "hr-mandated-clients-court.pptx"))
    assert len(result.written) == 3
    assert len(deck.slides) > 30
    assert deck.slide_width == 12192000  # 16:9 by default


# -- logo --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def logo_deck(court_plan: DeckPlan, tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = write_theme(tmp_path_factory.mktemp("themes") / "logo", logo=True)
    return render(court_plan, load_theme(folder))


def logos(slide: Any) -> list[Any]:
    return [shape for shape in slide.shapes if shape.name == "Logo"]


def test_the_logo_is_a_picture_with_its_alt_text_on_every_slide(
    logo_deck: Any, court_plan: DeckPlan
) -> None:
    kinds = layout_kinds(court_plan)
    for slide in logo_deck.slides:
        kind = kind_of(slide_title(slide), kinds)
        [logo] = logos(slide)
        assert logo.shape_type == 13  # MSO_SHAPE_TYPE.PICTURE
        assert logo._element[0].find(qn("p:cNvPr")).get("descr") == LOGO_ALT
        chips = [s for s in slide.shapes if s.name == "Logo chip"]
        # on the coloured field of a cover or divider it sits on a chip of the background
        assert len(chips) == (kind in ("title", "section", "closing")), slide_title(slide)


def test_the_logo_sits_top_right_clear_of_the_title(logo_deck: Any) -> None:
    width = logo_deck.slide_width
    for slide in logo_deck.slides:
        for logo in logos(slide):
            box = Box(logo.left, logo.top, logo.width, logo.height)
            assert box.left > width // 2 and box.top < logo_deck.slide_height // 4
            title = title_placeholder(slide)
            assert title is None or not box.intersects(box_of(title, LayoutCache())), slide_title(
                slide
            )


# -- agency templates --------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".pptx", ".potx"])
def test_an_agency_template_is_used_by_its_layout_names(
    suffix: str, court_plan: DeckPlan, tmp_path: Path
) -> None:
    theme = load_theme(agency_theme(tmp_path / "agency", suffix))
    deck = render(court_plan, theme)
    kinds = layout_kinds(court_plan)
    used = {}
    for slide in deck.slides:
        kind = kind_of(slide_title(slide), kinds)
        assert slide.slide_layout.name == AGENCY_LAYOUTS[kind], slide_title(slide)
        used[kind] = slide.slide_layout.name
    assert set(used.values()) == set(AGENCY_NAMES.values())
    assert all(slide.has_notes_slide for slide in deck.slides)


def test_a_potx_template_makes_an_ordinary_pptx_deck(tmp_path: Path) -> None:
    folder = agency_theme(tmp_path / "agency", ".potx")
    out = tmp_path / "out"
    run_build(BuildRequest(builtin_curriculum(), "peer", str(folder), out))
    with zipfile.ZipFile(out / "hr-mandated-clients-peer.pptx") as package:
        types = package.read("[Content_Types].xml")
    assert PRESENTATION_CT in types and TEMPLATE_CT not in types


def test_the_palette_and_fonts_reach_an_agency_template_deck(
    court_plan: DeckPlan, tmp_path: Path
) -> None:
    theme = load_theme(agency_theme(tmp_path / "agency"))
    deck = render(court_plan, theme)
    palette = palette_of(theme)
    assert all(from_palette(c, palette) for _n, _h, c in slide_colours(deck))
    assert {theme.palette.accent, theme.palette.accent2} <= shape_fills(deck)
    assert theme_fonts(deck) == {"+mj-lt": "Georgia", "+mn-lt": "Verdana"}
    background = deck.slide_masters[0]._element.find(qn("p:cSld")).find(qn("p:bg"))
    assert background.find(".//" + qn("a:srgbClr")).get("val") == "FFFFFF"


def test_a_4_3_template_keeps_its_size_unless_theme_yaml_names_one(
    court_plan: DeckPlan, tmp_path: Path
) -> None:
    kept = render(court_plan, load_theme(agency_theme(tmp_path / "kept")))
    assert (kept.slide_width, kept.slide_height) == (9144000, 6858000)
    wide = agency_theme(tmp_path / "wide", extra='slide_size: "16:9"\n')
    widened = render(court_plan, load_theme(wide))
    assert (widened.slide_width, widened.slide_height) == (12192000, 6858000)


def test_a_template_missing_a_layout_stops_the_build_before_anything_is_written(
    tmp_path: Path,
) -> None:
    folder = write_theme(tmp_path / "agency", template="agency.pptx")
    agency_template(folder / "agency.pptx", drop="Comparison")
    out = tmp_path / "out"
    out.mkdir()
    (out / "hr-mandated-clients-court.pptx").write_bytes(b"last good deck")
    with pytest.raises(ContentError) as caught:
        run_build(BuildRequest(builtin_curriculum(), "court", str(folder), out))
    [missing] = [d for d in caught.value.diagnostics if d.code == "missing-layout"]
    assert "'Agency Compare'" in missing.message and "comparison" in missing.message
    assert "'Agency Content'" in missing.message  # what the template does have
    assert missing.loc.file.endswith("theme.yaml") and missing.loc.line > 1
    assert [p.name for p in out.iterdir()] == ["hr-mandated-clients-court.pptx"]
    assert (out / "hr-mandated-clients-court.pptx").read_bytes() == b"last good deck"


def test_a_template_without_a_notes_placeholder_stops_the_build_and_the_cli_says_why(
    tmp_path: Path,
) -> None:
    folder = write_theme(tmp_path / "agency", template="agency.pptx")
    template = agency_template(folder / "agency.pptx")
    prs = pptx.Presentation(str(template))
    for shape in list(prs.notes_master.placeholders):
        if shape.placeholder_format.type == 2:  # PP_PLACEHOLDER.BODY
            shape._element.getparent().remove(shape._element)
    prs.save(str(template))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "-a", "court", "-t", str(folder), "--out", str(out)])
    assert result.exit_code == 1
    assert "no-notes-placeholder" in result.stderr and "notes master" in result.stderr
    assert not out.exists() or list(out.iterdir()) == []


# -- hrdeck theme check / inspect / themes -----------------------------------------------


def test_theme_check_fails_low_contrast_naming_both_colours_and_the_ratio(
    tmp_path: Path,
) -> None:
    palette = {**PALETTE, "text": "#9CA3AF"}  # gray 400 on white: 2.54:1
    folder = write_theme(tmp_path / "pale", palette=palette, fonts=("Calibri", "Calibri"))
    result = CliRunner().invoke(cli, ["theme", "check", str(folder)])
    assert result.exit_code == 1
    assert "low-contrast" in result.stderr
    assert "#9CA3AF" in result.stderr and "#FFFFFF" in result.stderr
    assert "2.54:1" in result.stderr and "4.5:1" in result.stderr


@pytest.mark.parametrize("name", ["default", "high-contrast"])
def test_theme_check_passes_the_builtin_themes(name: str) -> None:
    result = CliRunner().invoke(cli, ["theme", "check", name])
    assert result.exit_code == 0, result.stderr
    assert "0 errors, 0 warnings" in result.stderr


def test_theme_check_warns_of_an_uncommon_font_naming_a_fallback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("hrdeck.theme.checks.font_substitute", lambda font: None)  # installed
    folder = write_theme(tmp_path / "brand", fonts=("Montserrat", "Calibri"))
    result = CliRunner().invoke(cli, ["theme", "check", str(folder)])
    assert result.exit_code == 0
    assert "uncommon-font" in result.stderr and "Montserrat" in result.stderr
    assert "Calibri" in result.stderr.split("uncommon-font", 1)[1]


def test_theme_check_reports_a_logo_that_is_not_an_image(tmp_path: Path) -> None:
    folder = write_theme(tmp_path / "agency", logo=True)
    (folder / "logo.png").write_text("<svg/>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["theme", "check", str(folder)])
    assert result.exit_code == 1
    assert "logo-not-image" in result.stderr


def test_theme_check_reports_template_gaps(tmp_path: Path) -> None:
    folder = write_theme(tmp_path / "agency", template="agency.pptx")
    agency_template(folder / "agency.pptx", drop="Section Header")
    result = CliRunner().invoke(cli, ["theme", "check", str(folder)])
    assert result.exit_code == 1
    assert "missing-layout" in result.stderr and "'Agency Section'" in result.stderr


def test_theme_inspect_lists_the_templates_layouts_and_placeholders(tmp_path: Path) -> None:
    template = as_potx(agency_template(tmp_path / "agency.pptx"), tmp_path / "agency.potx")
    result = CliRunner().invoke(cli, ["theme", "inspect", str(template)])
    assert result.exit_code == 0
    for name in AGENCY_NAMES.values():
        assert f"layout {name!r}" in result.stdout
    assert "ctrTitle  idx -" in result.stdout and "subTitle  idx 1" in result.stdout
    assert '  comparison: "Agency Compare"' in result.stdout


def test_themes_lists_project_themes_then_builtins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_theme(tmp_path / "themes" / "agency")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["themes"])
    assert result.exit_code == 0
    names = [line.split()[:2] for line in result.stdout.splitlines()]
    assert names == [["agency", "project"], ["default", "built-in"], ["high-contrast", "built-in"]]


# -- through LibreOffice -----------------------------------------------------------------

WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


@pytest.mark.slow
@needs_soffice
def test_a_4_3_agency_template_deck_shows_every_word_above_the_footer(tmp_path: Path) -> None:
    folder = agency_theme(tmp_path / "agency", ".potx", logo=True, fonts=("Calibri", "Calibri"))
    run_build(BuildRequest(builtin_curriculum(), "court", str(folder), tmp_path))
    deck = tmp_path / "hr-mandated-clients-court.pptx"
    slides = len(pptx.Presentation(str(deck)).slides)
    pdf = to_pdf(deck, tmp_path)
    assert pdf_pages(pdf) == slides
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    footer_words = {"Regional", "Harm", "Reduction", "Agency"}
    for number, page in enumerate(html.split("<page ")[1:], start=1):
        size = PAGE.search("<page " + page)
        assert size is not None
        width, height = float(size.group(1)), float(size.group(2))
        assert abs(width / height - 4 / 3) < 0.01  # the template's 4:3, kept
        for x0, y0, x1, y1, word in WORD.findall(page):
            assert float(x0) >= 0 and float(x1) <= width + 0.5, f"page {number}: {word!r}"
            assert float(y0) >= 0 and float(y1) <= height + 0.5, f"page {number}: {word!r}"
            if float(y1) > height * 0.92:  # the footer band: footer text and number only
                assert word in footer_words | {str(number)}, f"page {number}: {word!r}"
