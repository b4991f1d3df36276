"""Find text that runs past its box in a deck rendered to PDF (test helper).

Word boxes come from ``pdftotext -bbox-layout``; text boxes from the .pptx read back
with python-pptx (EMU -> points: 1 pt = 12700 EMU; the PDF page is the slide).  A
word must lie on its page, inside the box of a shape whose text contains it (a
fragment of a word broken across lines counts), and clear of the footer /
slide-number band unless it is that furniture's own text.  A native chart counts as
the box of its categories, series names and values.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pptx import Presentation

EMU_PER_PT = 12700
TOLERANCE_PT = 2.0
BAND_NAMES = ("Slide Number", "Footer", "Date")

WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
LIST_MARK = re.compile(r"\d{1,2}[.)]?")


@dataclass(frozen=True)
class Rect:
    left: float
    top: float
    right: float
    bottom: float

    def contains(self, other: Rect, tolerance: float = TOLERANCE_PT) -> bool:
        return (
            other.left >= self.left - tolerance
            and other.top >= self.top - tolerance
            and other.right <= self.right + tolerance
            and other.bottom <= self.bottom + tolerance
        )

    def overlaps(self, other: Rect, tolerance: float = TOLERANCE_PT) -> bool:
        return not (
            other.left >= self.right - tolerance
            or other.right <= self.left + tolerance
            or other.top >= self.bottom - tolerance
            or other.bottom <= self.top + tolerance
        )


@dataclass(frozen=True)
class Word:
    text: str
    rect: Rect


@dataclass(frozen=True)
class TextBox:
    name: str
    text: str  # normalised, without spaces
    rect: Rect

    @property
    def is_band(self) -> bool:
        return self.name.startswith(BAND_NAMES)


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: tuple[Word, ...]


def normalise(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def pdf_words(pdf: Path) -> list[Page]:
    """Every page's size and word boxes."""
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = []
    for chunk in html.split("<page ")[1:]:
        size = PAGE.search("<page " + chunk)
        assert size is not None
        words = tuple(
            Word(_unescape(t), Rect(float(a), float(b), float(c), float(d)))
            for a, b, c, d, t in WORD.findall(chunk)
        )
        pages.append(Page(float(size.group(1)), float(size.group(2)), words))
    return pages


def _unescape(text: str) -> str:
    return (
        text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&#39;", "'")
    )


def deck_boxes(deck: Path) -> list[list[TextBox]]:
    """The text-bearing shapes of every slide, in points (groups as one box)."""
    prs = Presentation(str(deck))
    return [[box for shape in slide.shapes for box in _boxes(shape)] for slide in prs.slides]


def _boxes(shape: Any) -> list[TextBox]:
    rect = Rect(
        shape.left / EMU_PER_PT,
        shape.top / EMU_PER_PT,
        (shape.left + shape.width) / EMU_PER_PT,
        (shape.top + shape.height) / EMU_PER_PT,
    )
    if shape.shape_type is not None and shape.shape_type == 6:  # MSO_SHAPE_TYPE.GROUP
        text = "".join(_group_text(shape))
        return [TextBox(shape.name, normalise(text), rect)]
    if getattr(shape, "has_chart", False):  # its labels, series names and values
        return [TextBox(shape.name, normalise(" ".join(_chart_text(shape.chart))), rect)]
    if not shape.has_text_frame or not shape.text_frame.text.strip():
        return []
    return [TextBox(shape.name, normalise(shape.text_frame.text), rect)]


def _chart_text(chart: Any) -> list[str]:
    """What a chart writes: categories, series names and values as labels show them
    (an axis's own numbers belong to the chart by position instead)."""
    texts = [str(c) for c in chart.plots[0].categories] if chart.plots else []
    for series in chart.series:
        texts.append(series.name)
        for value in series.values:
            if value is not None:
                texts += [f"{value:,.0f}", f"{value:,.1f}", f"{value:,.2f}", f"{value:g}"]
    return texts


def _group_text(group: Any) -> list[str]:
    texts = []
    for shape in group.shapes:
        if getattr(shape, "shape_type", None) == 6:
            texts += _group_text(shape)
        elif getattr(shape, "has_text_frame", False):
            texts.append(shape.text_frame.text)
    return texts


def overflow_findings(pages: list[Page], slides: list[list[TextBox]]) -> list[str]:
    """Every word off its page, outside its text box, or over the footer band."""
    findings = []
    if len(pages) != len(slides):
        findings.append(f"{len(pages)} PDF pages for {len(slides)} slides")
    for number, (page, boxes) in enumerate(zip(pages, slides, strict=False), start=1):
        findings += [f"slide {number}: {problem}" for problem in _page_findings(page, boxes)]
    return findings


def _page_findings(page: Page, boxes: list[TextBox]) -> list[str]:
    problems = []
    sheet = Rect(0, 0, page.width, page.height)
    band_top = min((b.rect.top for b in boxes if b.is_band), default=page.height)
    band = Rect(0, band_top, page.width, page.height)
    for word in page.words:
        if not sheet.contains(word.rect, 0.5):
            problems.append(f"{word.text!r} runs off the page")
            continue
        owners = _owners(word, boxes)
        if not any(box.rect.contains(word.rect) for box in owners):
            where = ", ".join(b.name for b in owners) or "no text box"
            problems.append(f"{word.text!r} runs outside its box ({where})")
        elif not any(b.is_band for b in owners) and band.overlaps(word.rect):
            problems.append(f"{word.text!r} overlaps the footer / slide-number band")
    return problems


def _owners(word: Word, boxes: list[TextBox]) -> list[TextBox]:
    """Shapes whose text contains the word; else the shapes under its centre (bullets,
    numbers and other generated marks are in no shape's text).  A number that could be
    a generated list mark ("3", "2.") may also belong to the shape under it, even when
    some other shape's text happens to contain those digits."""
    text = normalise(word.text)
    owners = [b for b in boxes if text and text in b.text]
    x = (word.rect.left + word.rect.right) / 2
    y = (word.rect.top + word.rect.bottom) / 2
    under = [b for b in boxes if b.rect.contains(Rect(x, y, x, y), 0)]
    if owners and LIST_MARK.fullmatch(text):
        return owners + [b for b in under if b not in owners]
    return owners or under


def check_rendered(deck: Path, pdf: Path) -> list[str]:
    """Findings for `deck` rendered as `pdf`."""
    return overflow_findings(pdf_words(pdf), deck_boxes(deck))


# --- the grid's left edge ----------------------------------------------------------------

COVER_LAYOUTS = ("hrdeck Cover", "hrdeck Section")


def title_edges(pdf: Path, deck: Path) -> list[tuple[int, float]]:
    """(slide number, x of the title's first word) for every content slide: the slides
    not on a cover or section layout, whose title text is found on the page."""
    prs = Presentation(str(deck))
    edges = []
    for number, (page, slide) in enumerate(zip(pdf_words(pdf), prs.slides, strict=True), 1):
        title = slide.shapes.title
        if slide.slide_layout.name in COVER_LAYOUTS or title is None:
            continue
        first = normalise(title.text_frame.text.split()[0])
        top = title.top / EMU_PER_PT
        bottom = (title.top + title.height) / EMU_PER_PT
        found = [
            w.rect.left
            for w in page.words
            if normalise(w.text) == first and top - 4 <= w.rect.top <= bottom
        ]
        if found:
            edges.append((number, min(found)))
    return edges


def leftmost_words(pdf: Path, deck: Path) -> list[tuple[int, float, str]]:
    """(slide number, x, word) of the leftmost word on every content slide."""
    prs = Presentation(str(deck))
    found = []
    for number, (page, slide) in enumerate(zip(pdf_words(pdf), prs.slides, strict=True), 1):
        if slide.slide_layout.name in COVER_LAYOUTS or not page.words:
            continue
        word = min(page.words, key=lambda w: w.rect.left)
        found.append((number, word.rect.left, word.text))
    return found
