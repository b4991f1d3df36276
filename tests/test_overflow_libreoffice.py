"""No text runs past its box: built decks rendered by LibreOffice, word by word.

Each deck is built with ``hrdeck build``, converted to PDF by LibreOffice, and every
word's box (``pdftotext -bbox-layout``) is checked against the slide's text boxes
read back with python-pptx (:mod:`tests.overflow`): on the page, inside the box of
the shape it belongs to, clear of the footer / slide-number band.  The built-in
curriculum is checked for every audience (and one in the high-contrast theme's
wider Arial; the session's builds and PDFs, ``conftest.builtin_pdfs``), the synthetic
long-content curriculum in ``fixtures/long`` too (both themes converted in one
LibreOffice start), and a deliberately overflowing deck proves the check can fail.
"""

from __future__ import annotations

from pathlib import Path

import pptx
import pytest
from pptx.util import Pt

from hrdeck.pipeline import BuildRequest, run_build
from tests.helpers import once_per_run, run_dir
from tests.lo import needs_soffice, to_pdf, to_pdfs_named
from tests.overflow import check_rendered

pytestmark = [pytest.mark.slow, needs_soffice]

LONG = Path(__file__).parent / "fixtures" / "long"
DECKS = [
    ("builtin", "court", "default"),
    ("builtin", "clinician", "default"),
    ("builtin", "peer", "default"),
    ("builtin", "peer", "high-contrast"),
    ("long", "trainers", "default"),
    ("long", "trainers", "high-contrast"),
]
THEMES = ("default", "high-contrast")


def _build_long(out: Path, theme: str) -> Path:
    request = BuildRequest(root=LONG, audience="trainers", theme=theme, out_dir=out)
    (deck,) = [p for p in run_build(request).written if p.suffix == ".pptx"]
    return deck


def _build_and_convert_long(folder: Path) -> Path:
    decks = {theme: _build_long(folder / "build" / theme, theme) for theme in THEMES}
    to_pdfs_named(decks, folder)
    return folder


@pytest.fixture(scope="module")
def long_decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """The long-content curriculum built in each theme, with its PDF: once per run, in
    one LibreOffice start, whichever xdist workers run these tests."""
    shared = run_dir(tmp_path_factory.getbasetemp())
    folder = once_per_run(shared, "long-pdfs", _build_and_convert_long)
    return {theme: (folder / f"{theme}.pptx", folder / f"{theme}.pdf") for theme in THEMES}


@pytest.fixture
def rendered(
    builtin_pdfs: dict[tuple[str, str], Path],
    long_decks: dict[str, tuple[Path, Path]],
) -> dict[tuple[str, str, str], tuple[Path, Path]]:
    """(deck, PDF) by (source, audience, theme): the built-in decks as the session built them."""
    found = {("long", "trainers", theme): pair for theme, pair in long_decks.items()}
    for (theme, audience), pdf in builtin_pdfs.items():
        found["builtin", audience, theme] = (pdf.with_suffix(".pptx"), pdf)
    return found


@pytest.mark.parametrize(("source", "audience", "theme"), DECKS)
def test_no_word_runs_past_its_box(
    rendered: dict[tuple[str, str, str], tuple[Path, Path]], source: str, audience: str, theme: str
) -> None:
    deck, pdf = rendered[source, audience, theme]
    findings = check_rendered(deck, pdf)
    assert findings == [], "\n".join(findings[:30])


def test_long_content_deck_has_continuation_slides_and_no_body_text_under_18_pt(
    long_decks: dict[str, tuple[Path, Path]],
) -> None:
    deck = pptx.Presentation(str(long_decks["default"][0]))
    titles = [s.shapes.title.text_frame.text for s in deck.slides if s.shapes.title is not None]
    assert len(set(titles)) == len(titles)
    assert any("(cont.)" in t for t in titles) and any("(cont., 3 of 3)" in t for t in titles)
    sizes = [
        run.font.size.pt
        for slide in deck.slides
        for shape in slide.placeholders
        if shape.has_text_frame and not shape.name.startswith(("Slide Number", "Footer"))
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
        if run.font.size is not None
    ]
    assert sizes and min(sizes) >= 18


def test_the_check_reports_a_deck_whose_text_overflows(tmp_path: Path) -> None:
    prs = pptx.Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Too much text"
    frame = slide.placeholders[1].text_frame
    frame.text = "\n".join(f"Line {n} of a list that runs past its box" for n in range(30))
    frame._txBody.bodyPr.append(
        frame._txBody.bodyPr.makeelement(
            "{http://schemas.openxmlformats.org/drawingml/2006/main}noAutofit", {}
        )
    )
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(28)
    deck = tmp_path / "overflowing.pptx"
    prs.save(str(deck))
    findings = check_rendered(deck, to_pdf(deck, tmp_path))
    assert any("runs outside its box" in f or "off the page" in f for f in findings)
