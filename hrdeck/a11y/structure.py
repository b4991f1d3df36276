"""Slide-structure accessibility checks: titles, alt text, reading order, notes, tables.

Each check is a function of one :class:`SlideView` (or all of them, for
duplicate titles) returning :class:`A11yFinding` values with a stable code.  They read
the slide XML through lxml, so they work on any .pptx, not only hrdeck's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from hrdeck.a11y.style import NS, Element, SlideStyle, ph_type, placeholder_of

A11ySeverity = Literal["error", "warning"]

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"
CHROME_PLACEHOLDERS = {"dt", "ftr", "sldNum", "hdr"}
ROW_TOLERANCE = 1 / 20  # of the slide size: how far shapes may overlap and still be in order
_IMAGE_FILE = re.compile(r"(?i)\.(png|jpe?g|gif|bmp|tiff?|svg|emf|wmf|webp|heic)$")
_AUTO_NAME = re.compile(r"(?i)^(picture|image|graphic|chart|table|group|diagram|content)\s*\d*$")
_GRAPHIC_KINDS = {
    "http://schemas.openxmlformats.org/drawingml/2006/chart": "chart",
    "http://schemas.openxmlformats.org/drawingml/2006/table": "table",
    "http://schemas.openxmlformats.org/drawingml/2006/diagram": "SmartArt graphic",
}


@dataclass(frozen=True)
class A11yFinding:
    """One accessibility problem: where (slide 0 is the whole deck), what, how bad."""

    slide: int
    code: str
    message: str
    shape: str | None = None
    severity: A11ySeverity = "error"

    def format(self, deck: str) -> str:
        where = f"{deck}: slide {self.slide}" if self.slide else deck
        shape = f" (shape '{self.shape}')" if self.shape else ""
        return f"{where}: {self.severity}[{self.code}]: {self.message}{shape}"


@dataclass
class SlideView:
    """One slide with what the checks share: its style resolver and title."""

    number: int
    slide: Any  # pptx.slide.Slide
    style: SlideStyle
    width: int
    height: int

    @property
    def tree(self) -> Element:
        return self.slide.shapes._spTree

    @property
    def title_shape(self) -> Element | None:
        for shape_el in self.tree.iterchildren(f"{{{NS['p']}}}sp"):
            ph = placeholder_of(shape_el)
            if ph is not None and ph_type(ph) in ("title", "ctrTitle"):
                return shape_el
        return None

    @property
    def title(self) -> str:
        shape_el = self.title_shape
        return "" if shape_el is None else shape_text(shape_el)


def shape_name(shape_el: Element) -> str:
    c_nv_pr = shape_el.find("./*/p:cNvPr", NS)
    return "" if c_nv_pr is None else str(c_nv_pr.get("name", ""))


def shape_text(shape_el: Element) -> str:
    """All the text of a shape (and its children), whitespace collapsed."""
    texts = (t.text or "" for t in shape_el.iterfind(".//a:t", NS))
    return " ".join(" ".join(texts).split())


def is_chrome(shape_el: Element) -> bool:
    """Date, footer, slide number and header placeholders: not slide content."""
    ph = placeholder_of(shape_el)
    return ph is not None and ph_type(ph) in CHROME_PLACEHOLDERS


def is_decorative(shape_el: Element) -> bool:
    marker = shape_el.find(f"./*/p:cNvPr//{{{ADEC}}}decorative", NS)
    return marker is not None and marker.get("val", "1") in ("1", "true")


def check_title(ctx: SlideView) -> list[A11yFinding]:
    shape_el = ctx.title_shape
    if shape_el is None:
        return [A11yFinding(ctx.number, "missing-title", "the slide has no title")]
    if not ctx.title:
        return [
            A11yFinding(
                ctx.number, "missing-title", "the slide's title is empty", shape_name(shape_el)
            )
        ]
    return []


def check_duplicate_titles(contexts: list[SlideView]) -> list[A11yFinding]:
    first_seen: dict[str, int] = {}
    findings = []
    for ctx in contexts:
        key = ctx.title.casefold()
        if not key:
            continue
        if key in first_seen:
            message = (
                f"the title '{ctx.title}' repeats slide {first_seen[key]}'s; "
                "number continuations, e.g. '(2 of 3)'"
            )
            findings.append(A11yFinding(ctx.number, "duplicate-title", message))
        first_seen.setdefault(key, ctx.number)
    return findings


def _alt_kind(shape_el: Element) -> str | None:
    """What kind of object this is, when it needs alt text; else None."""
    local = shape_el.tag.rsplit("}", 1)[-1]
    if local == "pic":
        return "picture"
    if local == "graphicFrame":
        data = shape_el.find(".//a:graphicData", NS)
        uri = "" if data is None else str(data.get("uri", ""))
        return _GRAPHIC_KINDS.get(uri, "embedded object")
    if shape_text(shape_el) or placeholder_of(shape_el) is not None:
        return None
    if local == "grpSp":
        return "group"
    is_text_box = shape_el.find("p:nvSpPr/p:cNvSpPr[@txBox='1']", NS) is not None
    return "shape" if local == "sp" and not is_text_box else None


def _image_file_name(ctx: SlideView, shape_el: Element) -> str | None:
    blip = shape_el.find(".//a:blip", NS)
    rid = None if blip is None else blip.get(f"{{{_R}}}embed")
    try:
        return str(ctx.slide.part.related_part(rid).partname).rsplit("/", 1)[-1] if rid else None
    except KeyError:
        return None


def _bad_alt_reason(ctx: SlideView, shape_el: Element, alt: str) -> str | None:
    if _IMAGE_FILE.search(alt) or alt == _image_file_name(ctx, shape_el):
        return "is a file name"
    if _AUTO_NAME.match(alt):
        return "is a generic word"
    if ctx.title and alt.casefold() == ctx.title.casefold():
        return "repeats the slide title"
    return None


def check_alt_text(ctx: SlideView) -> list[A11yFinding]:
    findings = []
    for shape_el in ctx.tree.iterchildren():
        kind = _alt_kind(shape_el)
        if kind is None or is_decorative(shape_el):
            continue
        name = shape_name(shape_el)
        c_nv_pr = shape_el.find("./*/p:cNvPr", NS)
        alt = " ".join(str(c_nv_pr.get("descr", "")).split())
        if not alt:
            message = f"the {kind} has no alt text; describe it, or mark it decorative"
            findings.append(A11yFinding(ctx.number, "missing-alt-text", message, name))
        elif reason := _bad_alt_reason(ctx, shape_el, alt):
            message = f"the {kind}'s alt text '{alt}' {reason}; say what it shows"
            findings.append(A11yFinding(ctx.number, "bad-alt-text", message, name))
    return findings


def _text_shapes(ctx: SlideView) -> Iterator[Any]:
    """Top-level python-pptx shapes with text and a known position, in tree order."""
    for shape in ctx.slide.shapes:
        if is_chrome(shape._element) or not shape_text(shape._element):
            continue
        if shape.top is not None and shape.left is not None:
            yield shape


@dataclass(frozen=True)
class ShapeBox:
    """A shape's name and extent on the slide, in EMU."""

    name: str
    left: int
    top: int
    right: int
    bottom: int

    @classmethod
    def of(cls, shape: Any) -> ShapeBox:
        width, height = shape.width or 0, shape.height or 0
        return cls(shape.name, shape.left, shape.top, shape.left + width, shape.top + height)


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return min(a_end, b_end) - max(a_start, b_start)


def must_precede(a: ShapeBox, b: ShapeBox, tol_x: float, tol_y: float) -> str | None:
    """Why ``a`` should be read before ``b``: it is above it or left of it, else None."""
    if a.bottom <= b.top + tol_y and _overlap(a.left, a.right, b.left, b.right) > 0:
        return "above"
    if a.right <= b.left + tol_x and _overlap(a.top, a.bottom, b.top, b.bottom) > 0:
        return "to the left of"
    return None


def first_out_of_order(
    boxes: list[ShapeBox], tol_x: float, tol_y: float
) -> tuple[ShapeBox, ShapeBox, str] | None:
    """The first (read, skipped, relation) where a box is read before one above or left of it.

    Only pairs that overlap across or along are compared, so both row-by-row and
    column-by-column reading of a multi-column slide are accepted.
    """
    for i, read in enumerate(boxes):
        for later in boxes[i + 1 :]:
            relation = must_precede(later, read, tol_x, tol_y)
            if relation and not must_precede(read, later, tol_x, tol_y):
                return read, later, relation
    return None


def check_reading_order(ctx: SlideView) -> list[A11yFinding]:
    shapes = list(_text_shapes(ctx))
    title = ctx.title_shape
    has_title = any(s._element is title for s in shapes)
    if has_title and shapes[0]._element is not title:
        message = f"screen readers read '{shapes[0].name}' before the title"
        return [_order_finding(ctx, message, shapes[0].name)]
    boxes = [ShapeBox.of(s) for s in shapes if s._element is not title]
    tolerance = ROW_TOLERANCE * ctx.width, ROW_TOLERANCE * ctx.height
    wrong = first_out_of_order(boxes, *tolerance)
    if wrong is None:
        return []
    read, skipped, relation = wrong
    message = f"screen readers read '{read.name}' before '{skipped.name}', {relation} it"
    return [_order_finding(ctx, message, read.name)]


def _order_finding(ctx: SlideView, message: str, shape: str) -> A11yFinding:
    message += "; reorder in the Selection Pane"
    return A11yFinding(ctx.number, "reading-order", message, shape, "warning")


def _notes_text(slide: Any) -> str:
    if not slide.has_notes_slide:
        return ""
    frame = slide.notes_slide.notes_text_frame
    return "" if frame is None else str(frame.text).strip()


def check_notes(ctx: SlideView) -> list[A11yFinding]:
    has_content = any(not is_chrome(el) for el in ctx.tree.iterchildren() if _is_shape(el))
    if not has_content or _notes_text(ctx.slide):
        return []
    message = "the slide has no speaker notes; add what the trainer should say"
    return [A11yFinding(ctx.number, "missing-notes", message, None, "warning")]


def _is_shape(el: Element) -> bool:
    return el.tag.rsplit("}", 1)[-1] in ("sp", "pic", "graphicFrame", "grpSp", "cxnSp")


def check_tables(ctx: SlideView) -> list[A11yFinding]:
    findings = []
    for frame in ctx.tree.iterfind(".//p:graphicFrame", NS):
        tbl_pr = frame.find(".//a:tbl/a:tblPr", NS)
        if frame.find(".//a:tbl", NS) is None:
            continue
        if tbl_pr is None or tbl_pr.get("firstRow") not in ("1", "true"):
            message = "the table has no header row; turn on 'Header Row' in Table Design"
            findings.append(
                A11yFinding(ctx.number, "table-header", message, shape_name(frame), "warning")
            )
    return findings
