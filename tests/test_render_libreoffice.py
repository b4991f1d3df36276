"""The sample deck through LibreOffice: one page per slide, no text off the page."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from hrdeck.kinds import KINDS
from hrdeck.pipeline import render_plan
from hrdeck.theme.model import Logo
from tests.lo import needs_soffice, pdf_pages, to_pdf
from tests.plan_samples import sample_plan
from tests.test_render import expanded_kinds, make_theme

pytestmark = [pytest.mark.slow, needs_soffice]

WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lo")
    logo = folder / "logo.png"
    Image.new("RGB", (300, 100), (15, 118, 110)).save(logo)
    theme = make_theme(logo=Logo(logo, "Agency logo"))
    deck = folder / "sample.pptx"
    deck.write_bytes(render_plan(sample_plan(image_path=str(logo)), theme))
    return to_pdf(deck, folder)


def test_one_page_per_slide(pdf: Path) -> None:
    assert pdf_pages(pdf) == len(expanded_kinds())


def test_every_word_is_inside_its_page(pdf: Path) -> None:
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = html.split("<page ")[1:]
    assert len(pages) == len(expanded_kinds())
    for number, page in enumerate(pages, start=1):
        size = PAGE.search("<page " + page)
        assert size is not None
        width, height = float(size.group(1)), float(size.group(2))
        words = WORD.findall(page)
        assert words, f"page {number} has no text"
        for x0, y0, x1, y1, word in words:
            inside = float(x0) >= 0 and float(y0) >= 0
            inside = inside and float(x1) <= width + 0.5 and float(y1) <= height + 0.5
            assert inside, f"page {number}: {word!r} runs off the page"


def test_body_text_stays_above_the_footer_band(pdf: Path) -> None:
    """Overflowing placeholders spill downwards over the footer: nothing may reach it.
    Slide kinds without chrome (the cover) have no footer band: their foot is theirs."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = html.split("<page ")[1:]
    for number, (page, kind) in enumerate(zip(pages, expanded_kinds(), strict=True), start=1):
        if not KINDS[kind].chrome:
            continue
        height = float(PAGE.search("<page " + page).group(2))  # type: ignore[union-attr]
        footer_top = height * 0.92
        low = [w for *box, w in WORD.findall(page) if float(box[3]) > footer_top]
        # only the footer line and the slide number live down there
        allowed = {"Regional", "Training", "Collaborative"} | {str(number)}
        assert set(low) <= allowed, f"page {number}: {sorted(set(low) - allowed)}"
