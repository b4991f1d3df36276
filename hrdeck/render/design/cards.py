"""Two-panel slides: myth and fact cards, and comparison (roles) columns.

Myth slides carry the fact as their title (the plan puts it there).  Below it, the
myth sits in the narrower left card: labelled MYTH in the myth colour, its text
smaller and muted on a grey panel, so it reads as what people say, not as the
message; the evidence sits in the wider right card, labelled FACT in the accent
colour at full body size.  The cards are drawn to the height of their text and
centred in the body area; the text boxes themselves keep the layout's full height
(the plan fitted the text into them).

Comparison columns: a head over each column, never smaller than the column's text
(up to four points larger, up to 32 pt; both heads at one size; a long head grows
upward, and only where there is no room is it set smaller, never under 18 pt) and
underlined by a short rule; the two columns at
one size, started at one height, and the pair centred in the body area.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from pptx.enum.text import MSO_ANCHOR
from pptx.shapes.autoshape import Shape

from hrdeck.plan.types import Block
from hrdeck.render import shapes
from hrdeck.render.design.colours import fact_colour, myth_colour, panel_fill
from hrdeck.render.design.context import (
    SlideContext,
    fitted,
    heading,
    placeholders,
    set_body,
    set_title,
)
from hrdeck.render.design.grid import GUTTER, pt, split_box
from hrdeck.render.layouts import Box, box_of, place, title_placeholder
from hrdeck.render.measure import area_of, text_height
from hrdeck.render.text import TextStyle
from hrdeck.richtext import Para
from hrdeck.textfit.measure import MIN_BODY_PT, TextArea, box_height, fits
from hrdeck.textfit.metrics import FontMetrics, metrics_for

LABEL_HEIGHT, LABEL_PT = 34, 20  # the MYTH / FACT labels above the cards
CARD_PAD, RULE_WIDTH = 18, 5  # inner padding; the coloured rule on each card's left
MYTH_STEP = 4  # the myth is set this much smaller than the fact (never under 18 pt)
HEAD_SIZES = (32, 28, 26, 24, 22, 20, 18)
HEAD_RULE = 3  # pt, the rule under a column head
HEAD_GAP = 8  # pt kept between the title and a head grown upward
MYTH_SPANS = (5, 7)


# --- myth and fact -----------------------------------------------------------------------


def myth_slide(ctx: SlideContext) -> None:
    """The fact as the title; the myth secondary in a grey card, the evidence beside it."""
    set_title(ctx)
    myth, fact = ctx.paras("myth"), ctx.paras("fact")
    found = placeholders(ctx, 2)
    if len(found) < 2:
        labelled = [heading("Myth"), *myth, heading("Fact"), *fact]
        if found:
            set_body(ctx, found[0], labelled, "none")
        return
    boxes = _myth_boxes(ctx, found)
    for shape, box in zip(found, boxes, strict=True):
        place(shape, box)
        _card_insets(shape)
    fact_size = set_body(ctx, found[1], fact, "none", role="fact")
    palette = ctx.theme.palette
    secondary = [max(MIN_BODY_PT, fact_size - MYTH_STEP), MIN_BODY_PT]
    myth_size = set_body(ctx, found[0], myth, "none", secondary, colour=palette.muted)
    heights = (
        _text_height(ctx, found[0], myth, myth_size),
        _text_height(ctx, found[1], fact, fact_size),
    )
    height = max(heights) + 2 * pt(CARD_PAD)
    sides = (
        ("MYTH", myth_colour(palette), panel_fill(palette, palette.muted, 0.1)),
        ("FACT", fact_colour(palette), panel_fill(palette, fact_colour(palette))),
    )
    for shape, box, (label, colour, fill) in zip(found, boxes, sides, strict=True):
        _card(ctx, shape, box, height, label, colour, fill)


def _myth_boxes(ctx: SlideContext, found: Sequence[Shape]) -> list[Box]:
    """The two text boxes: five and seven columns of the panels' area, below the labels."""
    first, second = (box_of(s, ctx.layouts) for s in found)
    top, bottom = min(first.top, second.top), max(first.bottom, second.bottom)
    top += pt(LABEL_HEIGHT)
    return split_box(Box(first.left, top, second.right - first.left, bottom - top), MYTH_SPANS)


def _card_insets(shape: Shape) -> None:
    frame = shape.text_frame
    frame.margin_left = pt(CARD_PAD + RULE_WIDTH)
    frame.margin_right = pt(CARD_PAD)
    frame.margin_top = frame.margin_bottom = pt(CARD_PAD)
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE


def _text_height(
    ctx: SlideContext, shape: Shape, paras: Sequence[Para], size: float, markers: str = "none"
) -> int:
    """The height `paras` take in `shape` at `size`, insets left out (EMU)."""
    area = area_of(shape, markers, ctx.prs, ctx.layouts)
    inner = text_height(paras, area, size, ctx.theme.body_font) - area.inset_top - area.inset_bottom
    return pt(inner)


def _card(
    ctx: SlideContext, shape: Shape, box: Box, height: int, label: str, colour: str, fill: str
) -> None:
    """A panel of `height` centred on the text box, a rule on its left, the label above;
    drawn behind the text, the label read first."""
    height = min(height, box.height)
    top = box.top + (box.height - height) // 2
    panel = shapes.add_decoration(
        ctx.slide, Box(box.left, top, box.width, height), fill, f"{label.title()} card"
    )
    rule = shapes.add_decoration(
        ctx.slide, Box(box.left, top, pt(RULE_WIDTH), height), colour, f"{label.title()} rule"
    )
    for drawn in (panel, rule):
        shape.element.addprevious(drawn)
    label_box = Box(box.left, top - pt(LABEL_HEIGHT), box.width, pt(LABEL_HEIGHT))
    style = TextStyle(
        lang=ctx.lang,
        size=LABEL_PT,
        bold=True,
        color=colour,
        font=ctx.theme.heading_font,
        markers="none",
    )
    name = f"{label.title()} label"
    text = shapes.add_text(ctx.slide, label_box, [heading(label)], style, name, MSO_ANCHOR.BOTTOM)
    text.text_frame.margin_left = 0
    shape.element.addprevious(text.element)


# --- comparison columns ------------------------------------------------------------------


def comparison_slide(ctx: SlideContext) -> None:
    """Two sides, each with a head: the layout's four placeholders (two on a template
    without heads: the head is then the column's first, bold line)."""
    set_title(ctx)
    sides = [ctx.spec.block("left"), ctx.spec.block("right")]
    found = placeholders(ctx, 4)
    if len(found) < 4:
        for shape, side in zip(found, sides, strict=False):
            first = [heading(side.heading)] if side and side.heading else []
            set_body(ctx, shape, [*first, *(side.paras if side else ())])
        return
    heads, bodies = found[0::2], found[1::2]
    size = min(
        set_body(ctx, body, side.paras if side else (), role=role)
        for body, side, role in zip(bodies, sides, ("left", "right"), strict=True)
    )
    _heads(ctx, heads, [(side.heading if side else "") or "" for side in sides], size)
    if fitted(ctx, "left", "right"):
        _centre_pair(ctx, heads, bodies, sides, size)


def _heads(ctx: SlideContext, heads: Sequence[Shape], texts: Sequence[str], body_pt: float) -> None:
    """The column heads: bold, in the accent colour, at one size (:func:`_head_size`).
    A head needing more lines than its box holds grows upward (it is set at the box's
    foot, over its column) into the room left under the title."""
    paras = [(heading(text),) for text in texts]
    metrics, _ = metrics_for(ctx.theme.body_font)
    own = [area_of(head, "none", ctx.prs, ctx.layouts) for head in heads]
    rooms = [_head_room(ctx, head) for head in heads]
    grown = [dataclasses.replace(a, height_pt=r.height_pt) for a, r in zip(own, rooms, strict=True)]
    size = _head_size(paras, (own, grown), body_pt, metrics)
    for head, room, text, area in zip(heads, rooms, paras, own, strict=True):
        box = box_of(head, ctx.layouts)
        needed = pt(box_height(text, area, size, metrics))
        if needed > box.height:
            height = min(needed, room.height)
            place(head, Box(box.left, box.bottom - height, box.width, height))
        set_body(ctx, head, text, "none", [size], colour=ctx.theme.palette.accent)
        head.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM


def _head_size(
    paras: Sequence[Sequence[Para]],
    areas: tuple[Sequence[TextArea], Sequence[TextArea]],
    body_pt: float,
    metrics: FontMetrics,
) -> float:
    """One size for all heads: the largest from the body's size up to four points more
    at which every head fits its own box; else at which every head fits its box grown
    upward; else smaller, down to 18 pt, in the grown boxes."""
    wanted: list[float] = [s for s in HEAD_SIZES if body_pt <= s <= body_pt + 4] or [body_pt]
    smaller: list[float] = [s for s in HEAD_SIZES if MIN_BODY_PT <= s < wanted[-1]]
    own, grown = areas
    for sizes, boxes in ((wanted, own), (wanted, grown), (smaller, grown)):
        for size in sizes:
            if all(fits(p, a, size, metrics) for p, a in zip(paras, boxes, strict=True)):
                return size
    return MIN_BODY_PT


def _head_room(ctx: SlideContext, head: Shape) -> Box:
    """The head's box grown upward to just under the title (its own box without a
    title, or when the title leaves no room)."""
    box = box_of(head, ctx.layouts)
    title = title_placeholder(ctx.slide)
    if title is None:
        return box
    top = box_of(title, ctx.layouts).bottom + pt(HEAD_GAP)
    return Box(box.left, min(top, box.top), box.width, box.bottom - min(top, box.top))


def _centre_pair(
    ctx: SlideContext,
    heads: Sequence[Shape],
    bodies: Sequence[Shape],
    sides: Sequence[Block | None],
    size: float,
) -> None:
    """Move heads and columns down together so the pair sits in the middle of the body
    area (each column keeps room for all its text), and rule each head."""
    tallest = max(
        _text_height(ctx, body, side.paras if side else (), size, "template")
        for body, side in zip(bodies, sides, strict=True)
    )
    first = box_of(bodies[0], ctx.layouts)
    area = area_of(bodies[0], "template", ctx.prs, ctx.layouts)
    room = first.height - pt(area.inset_top + area.inset_bottom)
    shift = max(0, (room - tallest) // 2)
    for shape in (*heads, *bodies):
        box = box_of(shape, ctx.layouts)
        height = box.height - (shift if shape in bodies else 0)
        place(shape, Box(box.left, box.top + shift, box.width, height))
    for head, body in zip(heads, bodies, strict=False):
        box, below = box_of(head, ctx.layouts), box_of(body, ctx.layouts)
        rule = Box(box.left, box.bottom + pt(GUTTER) // 6, pt(48), pt(HEAD_RULE))
        if rule.bottom <= below.top:  # a template may leave no gap for it
            shapes.add_decoration(ctx.slide, rule, ctx.theme.palette.accent, "Head rule")
