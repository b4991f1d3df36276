"""Text areas of the real boxes the renderer fills, and the size text fits them at.

PowerPoint ignores autofit flags until someone edits the text, so sizes are fixed at
build time from font metrics (:mod:`hrdeck.textfit`).  This module turns a shape or a
box into a :class:`~hrdeck.textfit.measure.TextArea` (size, insets, list markers,
indents, spacing, read from the slide, its layout and its master) and asks
:mod:`hrdeck.textfit.measure` what fits: :func:`area_of` for a placeholder or text
box, :func:`box_area` for a box about to be drawn, :func:`fit_in` for the largest size
that fits, :func:`text_height` for the height text needs.  The probe slides that tell
the plan a theme's boxes are in :mod:`hrdeck.render.probe`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pptx.presentation import Presentation

from hrdeck.render import oxml
from hrdeck.render.layouts import LayoutCache, box_of, layout_of
from hrdeck.render.oxml import clark, own_xfrm, ph_element, ph_kind
from hrdeck.richtext import Para
from hrdeck.textfit import measure as textfit
from hrdeck.textfit.measure import LineMemo, TextArea
from hrdeck.textfit.metrics import metrics_for

EMU_PER_PT = 12700
DEFAULT_INSETS = (91440, 91440, 45720, 45720)  # left, right, top, bottom
_INSET_NAMES = ("lIns", "rIns", "tIns", "bIns")
_BODY_PR = f"{clark('p:txBody')}/{clark('a:bodyPr')}"


# --- measuring in a box ----------------------------------------------------------------


def box_area(width_pt: float, height_pt: float, indented: bool) -> TextArea:
    """A text box of python-pptx's default insets, indented for bullets or not."""
    return TextArea(width_pt, height_pt, markers="template" if indented else "none")


def text_height(paras: Sequence[Para], area: TextArea, size_pt: float, font: str) -> float:
    """Height in points of `paras` at `size_pt` in `area`, insets included."""
    metrics, _ = metrics_for(font)
    inner = textfit.paras_height(paras, area, size_pt, metrics)
    return inner + area.inset_top + area.inset_bottom


def fit_in(
    area: TextArea,
    paras: Sequence[Para],
    sizes: Sequence[float],
    font: str,
    memo: LineMemo | None = None,
) -> float:
    """The largest of `sizes` at which `paras` fit `area`; the smallest if none do
    (`memo`: line breaks already measured, e.g. the plan's: ``LayoutCache.lines``)."""
    metrics, _ = metrics_for(font)
    found = textfit.fit_size(paras, area, sizes, metrics, memo)
    return found if found is not None else sizes[-1]


def area_of(shape: Any, markers: str, prs: Presentation, cache: LayoutCache) -> TextArea:
    """The text area of a placeholder or text box as the renderer fills it.

    A slide placeholder that still inherits its layout's position and insets has the
    same area on every slide of that layout: that answer is kept in `cache`.
    """
    key = _inherited_key(shape, markers)
    if key is None:
        return _measure_area(shape, markers, prs, cache)
    layout_key = (layout_of(shape.part, cache).part, *key)
    area = cache.areas.get(layout_key)
    if area is None:
        area = cache.areas[layout_key] = _measure_area(shape, markers, prs, cache)
    return area


def _inherited_key(shape: Any, markers: str) -> tuple[str, str, str] | None:
    """(idx, type, markers) of a slide placeholder with no position or insets of its
    own; None for anything else (its area depends on the shape itself)."""
    element = shape.element
    ph = ph_element(element)
    if ph is None or not oxml.on_slide(shape) or own_xfrm(element) is not None:
        return None
    body_pr = element.find(_BODY_PR)
    if body_pr is not None and any(body_pr.get(name) is not None for name in _INSET_NAMES):
        return None
    return (ph.get("idx", "0"), ph_kind(ph), markers)


def _measure_area(shape: Any, markers: str, prs: Presentation, cache: LayoutCache) -> TextArea:
    box = box_of(shape, cache)
    left, right, top, bottom = _insets(shape)
    indents, line_spacing, space_before = body_spacing(prs, _master_of(shape))
    return TextArea(
        width_pt=box.width / EMU_PER_PT,
        height_pt=box.height / EMU_PER_PT,
        inset_left=left / EMU_PER_PT,
        inset_right=right / EMU_PER_PT,
        inset_top=top / EMU_PER_PT,
        inset_bottom=bottom / EMU_PER_PT,
        markers=markers,
        level_indents=indents,
        line_spacing=line_spacing,
        space_before=space_before,
    )


def _insets(shape: Any) -> tuple[int, int, int, int]:
    """lIns, rIns, tIns, bIns: the shape's own, else its layout placeholder's, else 0.1in/0.05in."""
    found: list[int | None] = [None] * 4
    for body_pr in _body_prs(shape):
        for index, name in enumerate(_INSET_NAMES):
            value = body_pr.get(name)
            if found[index] is None and value is not None:
                found[index] = int(value)
    return tuple(  # type: ignore[return-value]
        value if value is not None else default
        for value, default in zip(found, DEFAULT_INSETS, strict=True)
    )


def _body_prs(shape: Any) -> list[Any]:
    elements = [shape.element]
    base = oxml.inherited_placeholder(shape)
    if base is not None:
        elements.append(base.element)
    found = []
    for element in elements:
        body_pr = element.find(_BODY_PR)
        if body_pr is not None:
            found.append(body_pr)
    return found


def _master_of(shape: Any) -> Any:
    """The slide master of the slide `shape` is on (None for a layout's or master's own)."""
    return shape.part.slide_layout.slide_master if oxml.on_slide(shape) else None


def body_spacing(
    prs: Presentation, master_of: Any = None
) -> tuple[tuple[float, ...], float, float]:
    """Per-level left margins (pt), line spacing (x single) and the space between
    paragraphs (x line: space before plus space after, as LibreOffice's templates set
    the latter) of the body text style of `master_of` (a slide master; by default the
    first: an agency template's masters may indent differently)."""
    master = (master_of or prs.slide_masters[0]).element
    style = master.find(f"{clark('p:txStyles')}/{clark('p:bodyStyle')}")
    if style is None:
        return textfit.TEMPLATE_INDENTS, 1.0, 0.2
    levels = [style.find(clark(f"a:lvl{n}pPr")) for n in range(1, 10)]
    indents = tuple(
        int(lvl.get("marL", "0")) / EMU_PER_PT if lvl is not None else 0.0 for lvl in levels
    )
    first = levels[0]
    if first is None:
        return indents, 1.0, 0.2
    between = _percent(first, "a:spcBef", 0.0) + _percent(first, "a:spcAft", 0.0)
    return indents, _percent(first, "a:lnSpc", 1.0), between


def _percent(level: Any, tag: str, default: float) -> float:
    spacing = level.find(clark(tag))
    if spacing is None:
        return default
    pct = spacing.find(clark("a:spcPct"))
    if pct is not None:
        return int(pct.get("val", "100000")) / 100000
    pts = spacing.find(clark("a:spcPts"))
    if pts is not None:  # points (x100): as a share of a 24 pt line
        return int(pts.get("val", "0")) / 100 / (24 * 1.2)
    return default
