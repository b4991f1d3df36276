"""hrdeck's own master as a person sees it: one left edge, rendered by LibreOffice.

The court deck is built in both built-in themes and converted to PDF once; word boxes
from ``pdftotext -bbox-layout`` (:mod:`tests.overflow`) show where text really lands.
Every content slide's title starts at the same x (the grid's margin, 54 pt), and no
word on a content slide starts left of it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hrdeck.paths import builtin_curriculum
from hrdeck.pipeline import BuildRequest, run_build
from hrdeck.render.design.grid import MARGIN
from tests.lo import needs_soffice, to_pdfs
from tests.overflow import leftmost_words, title_edges

pytestmark = [pytest.mark.slow, needs_soffice]

THEMES = ("default", "high-contrast")
TOLERANCE = 1.5  # pt: glyph side bearings differ a little from letter to letter


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    decks = []
    for theme in THEMES:
        out = tmp_path_factory.mktemp(theme)
        request = BuildRequest(builtin_curriculum(), "court", theme, out)
        decks.append(next(p for p in run_build(request).written if p.suffix == ".pptx"))
    folder = tmp_path_factory.mktemp("pdf")
    copies = []
    for theme, deck in zip(THEMES, decks, strict=True):
        copy = folder / f"court-{theme}.pptx"
        copy.write_bytes(deck.read_bytes())
        copies.append(copy)
    pdfs = to_pdfs(copies, folder)
    return {theme: (deck, pdf) for theme, deck, pdf in zip(THEMES, copies, pdfs, strict=True)}


@pytest.mark.parametrize("theme", THEMES)
def test_every_content_title_starts_at_one_left_edge(
    rendered: dict[str, tuple[Path, Path]], theme: str
) -> None:
    deck, pdf = rendered[theme]
    edges = title_edges(pdf, deck)
    assert len(edges) > 30
    off = [(n, x) for n, x in edges if abs(x - MARGIN) > TOLERANCE]
    assert off == [], f"titles off the {MARGIN} pt edge: {off}"


@pytest.mark.parametrize("theme", THEMES)
def test_no_word_on_a_content_slide_starts_left_of_the_margin(
    rendered: dict[str, tuple[Path, Path]], theme: str
) -> None:
    deck, pdf = rendered[theme]
    stray = [(n, x, w) for n, x, w in leftmost_words(pdf, deck) if x < MARGIN - TOLERANCE]
    assert stray == []
