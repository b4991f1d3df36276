"""Issue 10's "done when", counted on the six built-in decks as PowerPoint reads them.

Every built-in deck (court, clinician and peer, in the default and the high-contrast
theme) is read back with python-pptx and its slides are counted by what is on them:

* a plain list is a slide on hrdeck's content layout with nothing but placeholders
  (title, list, number): bullets, objectives and discussion questions alike; at most
  40% of a deck's slides are plain lists;
* a chart is a graphic frame holding a native chart (at least one);
* an icon grid is a slide with three or more icons drawn by the icon renderer
  ("Icon: <name>"); at least three such slides;
* a stat callout is the big number the stat renderer names "Stat 1 value" (at least one);
* every resource card on the resources slides has its QR code ("QR code: <address>");
  the closing slide of every built-in deck has one (the closing module's take-away,
  findtreatment.gov, while the course has no evaluation form), and it becomes the
  evaluation form's once an agency sets ``evaluation_url`` (the built-in course leaves
  it unset on purpose: it must be a real form);
* no picture lacks alt text; the master and every layout are hrdeck's own; the theme's
  six accents are the palette's.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from typing import Any

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from hrdeck.paths import builtin_curriculum
from hrdeck.pipeline import load_valid, plan_audience
from hrdeck.render.deck import render_deck
from hrdeck.theme.load import load_theme
from tests.helpers import BuiltDecks

AUDIENCES = ("court", "clinician", "peer")
THEMES = ("default", "high-contrast")
MOST_PLAIN_LISTS = 0.40
FEWEST_CHARTS = 1
FEWEST_ICON_SLIDES = 3
FEWEST_STATS = 1
ICONS_IN_A_GRID = 3
CONTENT_LAYOUT = "hrdeck Content"
OWN_PREFIX = "hrdeck "
EVALUATION = "https://forms.example.org/hr-evaluation"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"


@pytest.fixture(scope="module")
def decks(
    builtin_decks: BuiltDecks, builtin_decks_high_contrast: BuiltDecks
) -> dict[tuple[str, str], Any]:
    built = {"default": builtin_decks, "high-contrast": builtin_decks_high_contrast}
    return {(t, a): built[t].presentation(a) for t in THEMES for a in AUDIENCES}


def every_shape(shapes: Any) -> Iterator[Any]:
    """Every shape, the members of groups included."""
    for shape in shapes:
        yield shape
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from every_shape(shape.shapes)


def named(slide: Any, prefix: str) -> list[Any]:
    return [shape for shape in every_shape(slide.shapes) if shape.name.startswith(prefix)]


def is_plain_list(slide: Any) -> bool:
    """Text in the content layout's placeholders and nothing drawn beside it."""
    on_content = slide.slide_layout.name == CONTENT_LAYOUT
    return on_content and all(shape.is_placeholder for shape in slide.shapes)


def has_chart(slide: Any) -> bool:
    return any(getattr(shape, "has_chart", False) for shape in every_shape(slide.shapes))


def is_icon_grid(slide: Any) -> bool:
    return len(named(slide, "Icon: ")) >= ICONS_IN_A_GRID


def is_stat(slide: Any) -> bool:
    return bool(named(slide, "Stat 1 value"))


def census(deck: Any) -> dict[str, int]:
    slides = list(deck.slides)
    return {
        "slides": len(slides),
        "plain lists": sum(map(is_plain_list, slides)),
        "charts": sum(map(has_chart, slides)),
        "icon grids": sum(map(is_icon_grid, slides)),
        "stats": sum(map(is_stat, slides)),
    }


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_deck_is_mostly_visual(
    decks: dict[tuple[str, str], Any], theme: str, audience: str
) -> None:
    counts = census(decks[theme, audience])
    assert counts["plain lists"] <= MOST_PLAIN_LISTS * counts["slides"], counts
    assert counts["charts"] >= FEWEST_CHARTS, counts
    assert counts["icon grids"] >= FEWEST_ICON_SLIDES, counts
    assert counts["stats"] >= FEWEST_STATS, counts


def resource_slides(deck: Any) -> list[Any]:
    return [slide for slide in deck.slides if named(slide, "Resource ")]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_resource_card_has_its_qr_code(
    decks: dict[tuple[str, str], Any], theme: str, audience: str
) -> None:
    slides = resource_slides(decks[theme, audience])
    assert slides, "no resources slide"
    for slide in slides:
        cards, codes = named(slide, "Resource "), named(slide, "QR code: ")
        assert len(codes) == len(cards) > 0, slide.shapes.title.text


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_builtin_closing_slide_has_a_qr_code(
    decks: dict[tuple[str, str], Any], theme: str, audience: str
) -> None:
    closing = list(decks[theme, audience].slides)[-1]
    assert [code.name for code in named(closing, "QR code: ")] == ["QR code: findtreatment.gov"]


@pytest.fixture(scope="module")
def with_evaluation() -> Any:
    """The built-in curriculum as an agency sets it up: with its evaluation form."""
    curriculum, _ = load_valid(builtin_curriculum())
    assert curriculum is not None
    course = dataclasses.replace(curriculum.course, evaluation_url=EVALUATION)
    return dataclasses.replace(curriculum, course=course)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_closing_slide_has_the_evaluation_qr_code(
    with_evaluation: Any, theme: str, audience: str
) -> None:
    plan = plan_audience(with_evaluation, audience).plan
    deck = Presentation(io.BytesIO(render_deck(plan, load_theme(theme))))
    closing = list(deck.slides)[-1]
    assert [code.name for code in named(closing, "QR code: ")] == [
        "QR code: forms.example.org/hr-evaluation"
    ]


def has_alt_text(picture: Any) -> bool:
    c_nv_pr = picture.element.find(".//{*}cNvPr")
    decorative = c_nv_pr.find(f".//{{{ADEC}}}decorative")
    return bool(c_nv_pr.get("descr", "").strip()) or (
        decorative is not None and decorative.get("val") == "1"
    )


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_no_picture_lacks_alt_text(
    decks: dict[tuple[str, str], Any], theme: str, audience: str
) -> None:
    missing = [
        (number, shape.name)
        for number, slide in enumerate(decks[theme, audience].slides, start=1)
        for shape in every_shape(slide.shapes)
        if shape.shape_type == MSO_SHAPE_TYPE.PICTURE and not has_alt_text(shape)
    ]
    assert missing == []


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_master_and_layouts_are_hrdecks_own(
    decks: dict[tuple[str, str], Any], theme: str, audience: str
) -> None:
    deck = decks[theme, audience]
    masters = list(deck.slide_masters)
    assert [m.name for m in masters] == [f"{OWN_PREFIX}{theme}"]
    layouts = {layout.name for layout in masters[0].slide_layouts}
    used = {slide.slide_layout.name for slide in deck.slides}
    assert used <= layouts
    assert all(name.startswith(OWN_PREFIX) for name in layouts), sorted(layouts)


def theme_accents(deck: Any) -> list[str]:
    part = deck.slide_master.part.part_related_by(RT.THEME)
    scheme = etree.fromstring(part.blob).find(f".//{{{A}}}clrScheme")
    return [scheme.find(f"{{{A}}}accent{n}/{{{A}}}srgbClr").get("val").upper() for n in range(1, 7)]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_all_six_theme_accents_come_from_the_palette(
    decks: dict[tuple[str, str], Any], theme: str, audience: str
) -> None:
    palette = load_theme(theme).palette
    assert theme_accents(decks[theme, audience]) == [c.upper() for c in palette.accents]
