"""Agency-template slides made dependable: numbered placeholders, clear footers, stand-ins.

Templates saved by LibreOffice (and many made by hand) give their body placeholders no
``idx``, or the same one twice.  PowerPoint and LibreOffice place a slide placeholder
where the layout placeholder of the same idx is, so two such columns land on one spot
and a subtitle in the title.  :func:`number_placeholders` gives every placeholder of
every layout (titles aside, which are matched by type) an idx of its own in hrdeck's
in-memory copy, before any slide is made.

:func:`prepare_slide` runs on each new slide before its content is set: text
placeholders that reach into the footer band hrdeck fills are shortened to end above
it, and when the layout lacks a text placeholder the slide kind needs (a second column
for myth or comparison slides, a body, a subtitle), a text box named
:data:`~hrdeck.render.layouts.STAND_IN_NAME` stands in for it inside the layout's body
area, where the slide renderers find it with the placeholders.  Comparison columns on a
two-column layout get a heading box above each, as the Comparison layout has.

:func:`title_room` is how far a slide's title box may grow downward when its title
needs more lines than the template's box holds (:mod:`hrdeck.plan.titlefit`).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from pptx.presentation import Presentation
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from hrdeck.kinds import KINDS
from hrdeck.plan.types import SlidePlan
from hrdeck.render import oxml
from hrdeck.render.layouts import (
    STAND_IN_NAME,
    TITLE_KINDS,
    Box,
    LayoutCache,
    body_area,
    box_of,
    content_area,
    layout_boxes,
    place,
    slide_size,
    text_placeholders,
    title_placeholder,
)
from hrdeck.render.measure import area_of

COLUMN_GAP = int(Inches(0.3))
# Kinds whose two columns each have a heading over them (the Comparison layout's four
# placeholders); on a layout with two columns, a heading box goes above each.
HEADED_COLUMNS = frozenset({"comparison"})
HEAD_HEIGHT = int(Pt(2 * 18 * 1.2 + 8))  # a heading box: two lines at 18 pt, with insets
BAND_GAP = int(Inches(0.08))
MIN_KEPT = 0.5  # of a placeholder's height: shorten it above the band only if this remains


def number_placeholders(prs: Presentation) -> int:
    """Give each layout's placeholders distinct idx values; how many were renumbered."""
    changed = 0
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            changed += _number(oxml.shape_tree(layout))
    return changed


def _number(tree: Any) -> int:
    phs = [ph for ph in map(oxml.ph_element, tree.iterchildren()) if ph is not None]
    others = [ph for ph in phs if oxml.ph_kind(ph) not in TITLE_KINDS]
    written = [_idx(ph) for ph in others]
    following = max([0, *(i for i in written if i is not None)]) + 1
    seen: set[int] = {0}  # idx 0 is the title's, written or not
    changed = 0
    for ph, idx in zip(others, written, strict=True):
        if idx is not None and idx not in seen:
            seen.add(idx)
            continue
        ph.set("idx", str(following))
        seen.add(following)
        following += 1
        changed += 1
    return changed


def _idx(ph: Any) -> int | None:
    value = ph.get("idx")
    return int(value) if value is not None and value.isdigit() else None


def prepare_slide(
    prs: Presentation, slide: Slide, spec: SlidePlan, cache: LayoutCache, band: Collection[str]
) -> None:
    """Shorten text placeholders above the footer band (the chrome placeholder types in
    `band` that will be filled) and add stand-ins for the text placeholders `spec`'s kind
    needs and the layout lacks."""
    found = text_placeholders(slide, cache)
    band_top = _band_top(slide, cache, band)
    if band_top is not None:
        for shape in found:
            _clear_band(shape, cache, band_top)
    wanted = _wanted_text_areas(spec)
    if len(found) < wanted:
        _add_stand_ins(prs, slide, cache, found, wanted, band_top)
    if spec.kind in HEADED_COLUMNS:
        _add_column_heads(prs, slide, cache)


def _add_stand_ins(
    prs: Presentation,
    slide: Slide,
    cache: LayoutCache,
    found: list[Any],
    wanted: int,
    band_top: int | None,
) -> None:
    area = body_area(prs, slide, cache)
    if band_top is not None and area.bottom > band_top - BAND_GAP:
        area = Box(area.left, area.top, area.width, max(band_top - BAND_GAP - area.top, 0))
    if found:
        first = box_of(found[0], cache)
        left, right = _columns(first)
        insets = _insets_of(found[0], prs, cache)
        place(found[0], left)
        _stand_in(slide, right, "2", insets)
        return
    boxes = _columns(area) if wanted == 2 else (area,)
    for number, box in enumerate(boxes, start=1):
        _stand_in(slide, box, str(number))


def _add_column_heads(prs: Presentation, slide: Slide, cache: LayoutCache) -> None:
    """A heading box above each of two columns (as the Comparison layout has): the
    column keeps the rest of its height."""
    found = text_placeholders(slide, cache)
    if len(found) != 2:
        return
    height = HEAD_HEIGHT
    for number, shape in enumerate(found, start=1):
        box = box_of(shape, cache)
        if box.height < 3 * height:
            return
        insets = _insets_of(shape, prs, cache)
        place(shape, Box(box.left, box.top + height, box.width, box.height - height))
        _stand_in(slide, Box(box.left, box.top, box.width, height), f"head {number}", insets)


def _insets_of(shape: Any, prs: Presentation, cache: LayoutCache) -> tuple[float, float]:
    """The left and right text insets (pt) `shape` has, so a box beside or above it aligns."""
    area = area_of(shape, "none", prs, cache)
    return area.inset_left, area.inset_right


def _wanted_text_areas(spec: SlidePlan) -> int:
    """Text areas the kind fills: its placeholders, or one for a cover's subtitle lines."""
    row = KINDS[spec.kind]
    if row.text_placeholders:
        return row.text_placeholders
    has_lines = bool(spec.subtitle) or any(block.paras for block in spec.blocks)
    return 1 if row.subtitle and has_lines else 0


def _band_top(slide: Slide, cache: LayoutCache, band: Collection[str]) -> int | None:
    """The top of the footer / slide-number placeholders hrdeck fills on this layout."""
    boxes = layout_boxes(slide.slide_layout, cache)
    tops = [box.top for (key, kind), box in boxes.items() if key == "type" and kind in band]
    return min(tops) if tops else None


def _clear_band(shape: Any, cache: LayoutCache, band_top: int) -> None:
    box = box_of(shape, cache)
    bottom = band_top - BAND_GAP
    if box.bottom <= bottom or box.top >= bottom:
        return
    if bottom - box.top >= MIN_KEPT * box.height:
        place(shape, Box(box.left, box.top, box.width, bottom - box.top))


def _columns(box: Box) -> tuple[Box, Box]:
    width = (box.width - COLUMN_GAP) // 2
    left = Box(box.left, box.top, width, box.height)
    return left, Box(box.left + width + COLUMN_GAP, box.top, width, box.height)


def _stand_in(
    slide: Slide, box: Box, number: str, insets: tuple[float, float] | None = None
) -> None:
    shape = slide.shapes.add_textbox(Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height))
    shape.name = f"{STAND_IN_NAME} {number}"
    frame = shape.text_frame
    frame.word_wrap = True
    if insets is not None:
        frame.margin_left, frame.margin_right = (Pt(inset) for inset in insets)


# --- the room under a title -------------------------------------------------------------

BAND_KINDS = frozenset({"dt", "ftr", "sldNum"})
TITLE_GAP = 0.02  # of the slide's height, kept between a grown title and what is below it


def title_room(prs: Presentation, slide: Slide, cache: LayoutCache) -> Box | None:
    """The slide's title box grown down to the free room under it: to just above the
    first of its layout's placeholders (footer band aside) below the title and across
    from it, or, on a
    layout without one, above the area drawn content takes
    (:func:`~hrdeck.render.layouts.content_area`).  The title's own box when there is
    no room; None without a title.  Everything measured is the layout's, so probe
    slides and real slides find the same room."""
    title = title_placeholder(slide)
    if title is None:
        return None
    box = box_of(title, cache)
    gap = int(slide_size(prs)[1] * TITLE_GAP)
    boxes = layout_boxes(slide.slide_layout, cache)
    band = {found for (key, kind), found in boxes.items() if key == "type" and kind in BAND_KINDS}
    below = [
        other.top
        for other in boxes.values()
        if other not in band
        and other.top > box.top + box.height // 2
        and other.left < box.right
        and other.right > box.left
    ]
    limit = min(below) if below else content_area(prs, slide, cache).top
    return Box(box.left, box.top, box.width, max(box.height, limit - gap - box.top))
