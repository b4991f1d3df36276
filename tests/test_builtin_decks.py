"""The three built-in decks, read back as a trainer and a screen reader would meet them.

Built once per session from the built-in curriculum (``conftest.builtin_decks``);
python-pptx reads them back, and LibreOffice's rendering of all three
(``conftest.builtin_pdfs``) shows one page per slide.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

from tests.helpers import BuiltDecks
from tests.lo import needs_soffice, pdf_pages

AUDIENCES = ("court", "clinician", "peer")
NOT_CONTENT_LAYOUTS = frozenset({"Title Slide", "Section Header"})
TITLE_TYPES = frozenset({PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE})


@pytest.fixture(scope="module")
def decks(builtin_decks: BuiltDecks) -> dict[str, Path]:
    return {audience: builtin_decks.deck(audience) for audience in AUDIENCES}


@pytest.fixture(scope="module")
def presentations(builtin_decks: BuiltDecks) -> dict[str, Any]:
    return {audience: builtin_decks.presentation(audience) for audience in AUDIENCES}


def shape_texts(shapes: Any) -> Iterator[str]:
    """Text of every shape, groups included (diagrams are groups of native shapes)."""
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from shape_texts(shape.shapes)
        elif shape.has_text_frame:
            yield shape.text_frame.text


def notes_of(slide: Any) -> str:
    if not slide.has_notes_slide:
        return ""
    return str(slide.notes_slide.notes_text_frame.text)


def slide_by_title(presentation: Any, title: str) -> Any:
    for slide in presentation.slides:
        if slide.shapes.title is not None and slide.shapes.title.text == title:
            return slide
    raise AssertionError(f"no slide titled {title!r}")


def deck_text(presentation: Any) -> str:
    return " ".join(t for slide in presentation.slides for t in shape_texts(slide.shapes)).lower()


def deck_notes(presentation: Any) -> str:
    return " ".join(notes_of(slide) for slide in presentation.slides).lower()


@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_slide_has_a_title_in_a_real_title_placeholder(
    presentations: dict[str, Any], audience: str
) -> None:
    for number, slide in enumerate(presentations[audience].slides, start=1):
        title = slide.shapes.title
        assert title is not None, f"{audience} slide {number} has no title placeholder"
        assert title.is_placeholder and title.placeholder_format.type in TITLE_TYPES
        assert title.text.strip(), f"{audience} slide {number}: empty title"


@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_slide_uses_a_named_layout_and_puts_text_in_placeholders(
    presentations: dict[str, Any], audience: str
) -> None:
    presentation = presentations[audience]
    layout_names = {layout.name for layout in presentation.slide_layouts}
    for number, slide in enumerate(presentation.slides, start=1):
        assert slide.slide_layout.name in layout_names
        assert not slide.slide_layout.name.startswith("Layout"), "unnamed layout"
        filled = [s for s in slide.placeholders if s.has_text_frame and s.text_frame.text.strip()]
        assert len(filled) >= 1, f"{audience} slide {number}: no text in any placeholder"


@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_content_slide_has_speaker_notes(
    presentations: dict[str, Any], audience: str
) -> None:
    for number, slide in enumerate(presentations[audience].slides, start=1):
        if slide.slide_layout.name in NOT_CONTENT_LAYOUTS:
            continue
        assert notes_of(slide).strip(), (
            f"{audience} slide {number} ({slide.shapes.title.text!r}) has no speaker notes"
        )


@pytest.mark.parametrize("audience", AUDIENCES)
def test_resources_are_real_web_links(presentations: dict[str, Any], audience: str) -> None:
    slides = [
        slide
        for slide in presentations[audience].slides
        if slide.shapes.title is not None
        and slide.shapes.title.text.startswith("Harm reduction resources")
    ]
    assert len(slides) >= 1
    links = [
        (run.text, run.hyperlink.address)
        for slide in slides
        for shape in slide.shapes
        if shape.has_text_frame
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
        if run.hyperlink.address
    ]
    assert len(links) >= 5
    for text, address in links:
        assert address.startswith(("https://", "http://")), f"{text!r} links to {address!r}"
        assert text.strip(), f"a link to {address} has no visible text"


def test_case_slide_notes_differ_for_every_audience(presentations: dict[str, Any]) -> None:
    notes = {
        a: notes_of(slide_by_title(p, "Case scenario: Anthony")) for a, p in presentations.items()
    }
    assert all(notes.values())
    assert len(set(notes.values())) == len(AUDIENCES)


def test_discussion_questions_differ_for_every_audience(presentations: dict[str, Any]) -> None:
    questions = {
        audience: " ".join(shape_texts(slide_by_title(p, "Discussion questions").shapes))
        for audience, p in presentations.items()
    }
    assert len(set(questions.values())) == len(AUDIENCES)


def test_court_deck_speaks_to_the_bench(presentations: dict[str, Any]) -> None:
    court = deck_text(presentations["court"]) + deck_notes(presentations["court"])
    for phrase in ("consent", "moud", "treatment court", "sanction"):
        assert phrase in court
    assert "bench" in deck_notes(presentations["court"])
    assert "bench" not in deck_notes(presentations["clinician"])
    assert "All Rise (formerly NADCP)" in " ".join(
        shape_texts(slide_by_title(presentations["court"], "Harm reduction resources").shapes)
    )


def test_clinician_deck_speaks_to_treatment_providers(presentations: dict[str, Any]) -> None:
    clinician = deck_text(presentations["clinician"]) + deck_notes(presentations["clinician"])
    for phrase in ("motivational interviewing", "safety plan", "change talk", "42 cfr part 2"):
        assert phrase in clinician
    for other in ("court", "peer"):
        assert "change talk" not in deck_notes(presentations[other])
    titles = [s.shapes.title.text for s in presentations["clinician"].slides]
    assert "The stigma tree: roots, trunk, branches" in titles
    court_titles = [s.shapes.title.text for s in presentations["court"].slides]
    assert "The stigma tree: roots, trunk, branches" not in court_titles
    assert "The stigma tree: from messages to court practice" in court_titles  # its own tree


def test_peer_deck_speaks_to_peers(presentations: dict[str, Any]) -> None:
    peer = deck_text(presentations["peer"]) + deck_notes(presentations["peer"])
    for phrase in ("your role", "lived experience", "overdose", "naloxone"):
        assert phrase in peer
    assert "role strain when peers are pulled into monitoring" in deck_text(presentations["peer"])
    for other in ("court", "clinician"):
        assert "lived experience" not in deck_notes(presentations[other])
        assert "role strain" not in deck_text(presentations[other])


def test_title_slide_names_the_audience(presentations: dict[str, Any]) -> None:
    subtitles = {
        audience: " ".join(shape_texts(p.slides[0].shapes)) for audience, p in presentations.items()
    }
    assert "courts" in subtitles["court"]
    assert "treatment providers" in subtitles["clinician"]
    assert "peer specialists" in subtitles["peer"]


@pytest.mark.slow
@needs_soffice
def test_libreoffice_renders_one_page_per_slide(
    builtin_pdfs: dict[tuple[str, str], Path], presentations: dict[str, Any]
) -> None:
    for audience in AUDIENCES:
        pdf = builtin_pdfs["default", audience]
        assert pdf_pages(pdf) == len(presentations[audience].slides), audience
