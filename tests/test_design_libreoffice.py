"""hrdeck's own master as a person sees it: one left edge, rendered by LibreOffice.

The court deck is built in both built-in themes and converted to PDF once; word boxes
from ``pdftotext -bbox-layout`` (:mod:`tests.overflow`) show where text really lands.
Every content slide's title starts at the same x (the grid's margin, 54 pt), and no
word on a content slide starts left of it.  The closing slide's QR code, rendered,
scans to the evaluation address.
"""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pytest

from hrdeck.paths import builtin_curriculum
from hrdeck.pipeline import BuildRequest, load_valid, plan_audience, run_build
from hrdeck.render.deck import render_deck
from hrdeck.render.design.grid import MARGIN
from hrdeck.theme.load import load_theme
from tests.lo import needs_soffice, pdf_pages, to_pdf, to_pdfs
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


def test_the_closing_slides_qr_code_scans_to_the_evaluation_address(tmp_path: Path) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    address = "https://forms.example.org/hr-evaluation/court-2026"
    curriculum = load_valid(builtin_curriculum())[0]
    course = dataclasses.replace(curriculum.course, evaluation_url=address)
    plan = plan_audience(dataclasses.replace(curriculum, course=course), "court").plan
    deck = tmp_path / "closing.pptx"
    deck.write_bytes(render_deck(plan, load_theme("default")))
    pdf = to_pdf(deck, tmp_path)
    last = str(pdf_pages(pdf))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-f", last, "-l", last, str(pdf), str(tmp_path / "p")],
        check=True,
    )
    [page] = tmp_path.glob("p*.png")
    assert [code.text for code in zxingcpp.read_barcodes(Image.open(page))] == [address]
