"""The designed slides of hrdeck's own master, read back from built court decks.

The built-in court plan is rendered in both built-in themes (and once more with an
evaluation address, as a project sets it) and read back with python-pptx: section
dividers are numbered as the agenda numbers its parts, the spectrum is a two-way
continuum in one colour family, myth slides are titled with their facts, the closing
slide carries its call to action, and the high-contrast deck passes the accessibility
checker held to 7:1 instead of WCAG AA.
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path
from typing import Any

import pptx
import pytest
from pptx.oxml.ns import qn

from hrdeck.a11y import text as a11y_text
from hrdeck.a11y.check import check_deck, format_findings
from hrdeck.curriculum.model import Curriculum
from hrdeck.paths import builtin_curriculum
from hrdeck.pipeline import load_valid, plan_audience
from hrdeck.plan.links import short_address
from hrdeck.plan.types import DeckPlan
from hrdeck.render.deck import render_deck
from hrdeck.render.design.colours import deep_accent
from hrdeck.theme.contrast import AAA_BODY, contrast_ratio, relative_luminance
from hrdeck.theme.load import load_theme
from hrdeck.theme.model import mix

EVALUATION = "https://forms.example.org/hr-evaluation/court-2026"


@pytest.fixture(scope="module")
def curriculum() -> Curriculum:
    return load_valid(builtin_curriculum())[0]


@pytest.fixture(scope="module")
def court_plan(curriculum: Curriculum) -> DeckPlan:
    return plan_audience(curriculum, "court").plan


@pytest.fixture(scope="module")
def decks(court_plan: DeckPlan) -> dict[str, bytes]:
    return {
        name: render_deck(court_plan, load_theme(name)) for name in ("default", "high-contrast")
    }


def opened(data: bytes) -> Any:
    return pptx.Presentation(io.BytesIO(data))


def on_layout(deck: Any, name: str) -> list[Any]:
    return [s for s in deck.slides if s.slide_layout.name == name]


def named(slide: Any, prefix: str) -> list[Any]:
    return [s for s in slide.shapes if s.name.startswith(prefix)]


# --- parts: dividers and agenda ----------------------------------------------------------


def test_section_dividers_are_numbered_parts_with_a_progress_bar(decks: dict[str, bytes]) -> None:
    deck = opened(decks["default"])
    dividers = [s for s in on_layout(deck, "hrdeck Section") if named(s, "Kicker")]
    kickers = [named(s, "Kicker")[0].text_frame.text for s in dividers]
    total = len(dividers)
    assert kickers == [f"PART {n} OF {total}" for n in range(1, total + 1)]
    accent_text = load_theme("default").palette.accent_text
    for number, slide in enumerate(dividers, start=1):
        segments = named(slide, "Progress")
        assert len(segments) == total
        lit = [i for i, s in enumerate(segments, 1) if str(s.fill.fore_color.rgb) == accent_text]
        assert lit == [number]


def test_the_agenda_numbers_the_same_parts_as_the_dividers(decks: dict[str, bytes]) -> None:
    deck = opened(decks["default"])
    [agenda] = on_layout(deck, "hrdeck Agenda")
    body = next(s for s in agenda.placeholders if s.placeholder_format.idx == 1)
    numbered = {}
    for paragraph in body.text_frame.paragraphs:
        char = paragraph._p.find(qn("a:pPr") + "/" + qn("a:buChar")).get("char")
        if char.isdigit():
            numbered[int(char)] = paragraph.text.rsplit(" (", 1)[0]
    dividers = [s for s in on_layout(deck, "hrdeck Section") if named(s, "Kicker")]
    titles = [s.shapes.title.text_frame.text for s in dividers]
    assert [numbered[n] for n in sorted(numbered)] == titles
    assert sorted(numbered) == list(range(1, len(titles) + 1))


# --- the spectrum ------------------------------------------------------------------------


def test_the_spectrum_is_a_two_way_continuum_in_one_deepening_colour_family(
    decks: dict[str, bytes],
) -> None:
    theme = load_theme("default")
    deck = opened(decks["default"])
    [slide] = [s for s in on_layout(deck, "hrdeck Drawing") if named(s, "Continuum")]
    [arrow] = named(slide, "Continuum")
    geometry = arrow._element.find(".//" + qn("a:prstGeom")).get("prst")
    assert geometry == "leftRightArrow"  # arrowheads at both ends
    assert "every step" in arrow.text_frame.text  # the caption sits on the graphic
    stages = [s for s in named(slide, "Stage") if ":" in s.name]
    fills = [str(s.fill.fore_color.rgb) for s in stages]
    assert theme.palette.accent2 not in fills  # never the myth colour
    lightness = [relative_luminance(f) for f in fills]
    assert lightness == sorted(lightness, reverse=True)  # deepening left to right
    palette = theme.palette
    for fill in fills:  # tints of the accent, or the accent deepened towards the title
        assert on_segment(fill, palette.background, palette.accent) or on_segment(
            fill, palette.accent, palette.title
        ), fill


def on_segment(colour: str, start: str, end: str) -> bool:
    """`colour` is a blend of `start` and `end` (within rounding)."""
    return any(
        all(
            abs(x - y) <= 1
            for x, y in zip(
                bytes.fromhex(mix(start, end, i / 1000)), bytes.fromhex(colour), strict=True
            )
        )
        for i in range(1001)
    )


# --- myths -------------------------------------------------------------------------------


def test_myth_slides_are_titled_with_the_facts(
    decks: dict[str, bytes], court_plan: DeckPlan
) -> None:
    deck = opened(decks["default"])
    titles = [s.shapes.title.text_frame.text for s in on_layout(deck, "hrdeck Two columns")]
    assert titles[:2] == ["It reaches far beyond drugs", "Accepting is not endorsing"]
    myths = [s for s in court_plan.slides if s.kind == "myth"]
    for slide in myths:  # the rest of the fact is the evidence beside the myth
        fact = slide.block("fact")
        assert fact is not None and fact.paras
        assert not fact.paras[0].text.startswith(slide.title)


# --- covers ------------------------------------------------------------------------------


def test_the_title_slide_names_the_audience_author_and_date(decks: dict[str, bytes]) -> None:
    deck = opened(decks["default"])
    cover = on_layout(deck, "hrdeck Cover")[0]
    texts = [s.text_frame.text for s in cover.shapes if s.has_text_frame]
    assert "COURTS AND MANDATING ENTITIES" in texts
    assert "Curriculum by Dr. Delores Blackwell, LCSW\nNovember 1, 2026" in texts
    sizes = {r.font.size.pt for p in cover.shapes.title.text_frame.paragraphs for r in p.runs}
    assert sizes == {44.0}
    layout_title = cover.slide_layout.placeholders[0]._element
    assert layout_title.find(".//" + qn("a:defRPr")).get("b") == "1"  # bold


def test_content_titles_are_bold_and_left_aligned_in_the_master(decks: dict[str, bytes]) -> None:
    master = opened(decks["default"]).slide_master._element
    level = master.find(".//" + qn("p:titleStyle") + "/" + qn("a:lvl1pPr"))
    assert level.get("algn") == "l"
    assert level.find(qn("a:defRPr")).get("b") == "1"


def test_the_closing_slide_calls_to_evaluate_with_a_short_visible_address(
    curriculum: Curriculum,
) -> None:
    course = dataclasses.replace(curriculum.course, evaluation_url=EVALUATION)
    plan = plan_audience(dataclasses.replace(curriculum, course=course), "court").plan
    deck = opened(render_deck(plan, load_theme("default")))
    closing = on_layout(deck, "hrdeck Cover")[-1]
    [action] = named(closing, "Call to action")
    assert action.text_frame.text == f"Evaluation\n{short_address(EVALUATION)}"
    link = action.text_frame.paragraphs[1].runs[0].hyperlink.address
    assert link == EVALUATION
    strip = next(s for s in closing.placeholders if s.placeholder_format.idx == 2)
    assert "forms.example.org" not in strip.text_frame.text  # said once, in the action
    assert strip.left + strip.width - strip.text_frame.margin_right <= action.left


# --- high contrast -----------------------------------------------------------------------


def test_the_high_contrast_deck_passes_the_checker_held_to_seven_to_one(
    decks: dict[str, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "court-high-contrast.pptx"
    path.write_bytes(decks["high-contrast"])
    monkeypatch.setattr(a11y_text, "required_ratio", lambda size, bold: AAA_BODY)
    findings = check_deck(path)
    assert findings == [], format_findings(findings, path)


def test_the_check_held_to_seven_to_one_fails_the_default_theme(
    decks: dict[str, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "court-default.pptx"
    path.write_bytes(decks["default"])
    monkeypatch.setattr(a11y_text, "required_ratio", lambda size, bold: AAA_BODY)
    assert any(f.code == "low-contrast" for f in check_deck(path))  # the check can fail


@pytest.mark.parametrize("name", ["default", "high-contrast"])
def test_every_theme_accent_reads_on_the_background_and_under_its_text(name: str) -> None:
    palette = load_theme(name).palette
    target = AAA_BODY if name == "high-contrast" else 4.5
    for colour in (*palette.accents, deep_accent(palette)):
        assert contrast_ratio(colour, palette.background) >= target, colour
        assert contrast_ratio(palette.accent_text, colour) >= target, colour


def test_without_an_evaluation_link_the_closing_offers_the_modules_take_away(
    curriculum: Curriculum,
) -> None:
    assert curriculum.course.evaluation_url is None  # the built-in course has none
    plan = plan_audience(curriculum, "peer").plan
    deck = opened(render_deck(plan, load_theme("default")))
    closing = on_layout(deck, "hrdeck Cover")[-1]
    [action] = named(closing, "Call to action")
    assert action.text_frame.text == "Find treatment near you\nfindtreatment.gov"
    [code] = [s for s in closing.shapes if s.name.startswith("QR code")]
    assert code.click_action.hyperlink.address == "https://findtreatment.gov"
