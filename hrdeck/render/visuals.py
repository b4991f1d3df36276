"""Big numbers, pull quotes, persona cards and icon grids, drawn as native shapes.

Each renderer lays its slide out with :mod:`hrdeck.plan.visualgrid` (the boxes the
plan fitted its text into) and sets each text at the plan's size.  Cards and accent
bars are decorative (their text says it all); icons beside a label are decorative
too, for the same reason.  Colours: the palette's accent for numbers, icons and
bars, a light tint of it for cards, text and muted for words; never the myth colour.
"""

from __future__ import annotations

from collections.abc import Sequence

from pptx.enum.text import MSO_ANCHOR

from hrdeck.plan import fitvisual as sizes
from hrdeck.plan import visualgrid as grid
from hrdeck.plan.fitvisual import text_area
from hrdeck.plan.types import Block
from hrdeck.plan.visualgrid import Rect
from hrdeck.render.drawn import (
    SlideCtx,
    accent_bar,
    card,
    icon,
    icon_disc,
    size_in,
    start,
    text,
    tint,
)
from hrdeck.render.measure import text_height
from hrdeck.render.text import TextStyle
from hrdeck.richtext import Para

QUOTE_ICON = "quote"
QUOTE_GAP = 10.0  # points between a quote and who said it


def _set(
    ctx: SlideCtx,
    block: Block,
    rect: Rect,
    choices: Sequence[float],
    name: str,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
    **style: object,
) -> None:
    """`block`'s text in a box at `rect`, at the plan's size (or the largest that fits)."""
    heading = bool(style.pop("heading", False))
    font = ctx.theme.heading_font if heading else ctx.theme.body_font
    size = size_in(rect, block.paras, block.size_pt, choices, font, heading=heading)
    look: TextStyle = ctx.style(size=size, markers="none", font=font if heading else None)
    text(ctx, rect, block.paras, look.with_(**style), name, anchor)


# --- stat --------------------------------------------------------------------------------


def stat_slide(ctx: SlideCtx) -> None:
    """One to three big numbers on tinted cards, each with its label and source."""
    area = start(ctx)
    spec = ctx.spec
    values = spec.blocks_with("value")
    cards, caption = grid.stat_cards(area, max(1, len(values)), bool(spec.blocks_with("caption")))
    parts = zip(cards, values, spec.blocks_with("label"), spec.blocks_with("source"), strict=False)
    for number, (boxes, value, label, source) in enumerate(parts, start=1):
        _stat_card(ctx, f"Stat {number}", boxes, (value, label, source), wide=len(values) == 1)
    _caption(ctx, caption)


def _stat_card(
    ctx: SlideCtx, name: str, boxes: grid.StatCard, blocks: tuple[Block, ...], wide: bool
) -> None:
    """A tinted card with an accent bar: the number, its label, its source and date."""
    value, label, source = blocks
    palette, c = ctx.theme.palette, boxes.card
    card(ctx, c, tint(ctx), f"{name} card", rounded=False)
    accent_bar(ctx, Rect(c.left, c.top, grid.BAR, c.height), f"{name} bar")
    value_sizes = sizes.WIDE_VALUE_SIZES if wide else sizes.VALUE_SIZES
    # big numbers hang from the top of their box: LibreOffice sets them lower than
    # their line height, so one anchored at the bottom would drop out of its box
    value_anchor = MSO_ANCHOR.MIDDLE if wide else MSO_ANCHOR.TOP
    label_anchor = MSO_ANCHOR.BOTTOM if wide else MSO_ANCHOR.TOP
    _set(ctx, value, boxes.value, value_sizes, f"{name} value", value_anchor,
         heading=True, color=palette.accent, bold=True)  # fmt: skip
    _set(ctx, label, boxes.label, sizes.LABEL_SIZES, f"{name} label", label_anchor,
         color=palette.text)  # fmt: skip
    _set(ctx, source, boxes.source, sizes.SOURCE_SIZES, f"{name} source", MSO_ANCHOR.BOTTOM,
         color=palette.muted)  # fmt: skip


def _caption(ctx: SlideCtx, rect: Rect | None) -> None:
    block = ctx.spec.block("caption")
    if block is None or rect is None:
        return
    _set(
        ctx,
        block,
        rect,
        sizes.TEXT_SIZES,
        "Caption",
        MSO_ANCHOR.MIDDLE,
        color=ctx.theme.palette.text,
    )


# --- icon grid ---------------------------------------------------------------------------


def icons_slide(ctx: SlideCtx) -> None:
    """Three to six icons on tinted discs, each with a bold label and a line."""
    area = start(ctx)
    labels, lines = ctx.spec.blocks_with("label"), ctx.spec.blocks_with("text")
    title_colour, text_colour = ctx.theme.palette.title, ctx.theme.palette.text
    cells = grid.icon_cells(area, max(1, len(labels)))
    for number, (cell, label, line) in enumerate(zip(cells, labels, lines, strict=False), 1):
        icon_disc(ctx, label.icon or "check-circle", cell.disc)
        _set(ctx, label, cell.label, sizes.ICON_LABEL_SIZES, f"Item {number} label",
             MSO_ANCHOR.BOTTOM, heading=True, bold=True, color=title_colour)  # fmt: skip
        if line.paras:
            _set(ctx, line, cell.text, sizes.TEXT_SIZES, f"Item {number} text",
                 color=text_colour)  # fmt: skip


# --- quote -------------------------------------------------------------------------------


def quote_slide(ctx: SlideCtx) -> None:
    """A pull quote beside a large quotation mark, who said it underneath; the three
    kept together and centred in the area (each box as tall as its text)."""
    area = start(ctx)
    boxes = grid.quote_boxes(area)
    palette = ctx.theme.palette
    quote, attribution = ctx.spec.block("quote"), ctx.spec.block("attribution")
    if quote is None:
        return
    heading, body = ctx.theme.heading_font, ctx.theme.body_font
    quote_size = size_in(
        boxes.text, quote.paras, quote.size_pt, sizes.QUOTE_SIZES, heading, heading=True
    )
    quote_height = _height(boxes.text, quote.paras, quote_size, heading, tall=True)
    by: tuple[Block, float, float] | None = None
    if attribution is not None:
        by_size = size_in(
            boxes.attribution, attribution.paras, attribution.size_pt, sizes.TEXT_SIZES, body
        )
        by = (attribution, by_size, _height(boxes.attribution, attribution.paras, by_size, body))
    group = quote_height + (QUOTE_GAP + by[2] if by else 0.0)
    height = boxes.attribution.bottom - boxes.text.top
    column = Rect(boxes.text.left, boxes.text.top, boxes.text.width, height)
    top = column.top + (column.height - group) / 2
    icon(ctx, QUOTE_ICON, Rect(boxes.mark.left, top + 6, boxes.mark.width, boxes.mark.height))
    style = ctx.style(size=quote_size, markers="none", font=heading, color=palette.title)
    text(ctx, Rect(column.left, top, column.width, quote_height), quote.paras, style, "Quote")
    if by is not None:
        block, size, height = by
        rect = Rect(column.left, top + quote_height + QUOTE_GAP, column.width, height)
        text(ctx, rect, block.paras, ctx.style(size=size, markers="none", color=palette.muted),
             "Attribution")  # fmt: skip


def _height(
    rect: Rect, paras: tuple[Para, ...], size: float, font: str, tall: bool = False
) -> float:
    """The height `paras` need at `size` in a box as wide as `rect` (insets included;
    `tall`: heading text, measured with its slack)."""
    needed = text_height(paras, text_area(rect, heading=tall), size, font) + 4.0
    return min(rect.height, needed)


# --- persona -----------------------------------------------------------------------------


def _who(ctx: SlideCtx, boxes: grid.PersonaBoxes, name: Block | None, role: Block | None) -> None:
    """The name and the role line at the foot of the coloured panel, each box as tall
    as its text (big text hung from the top: no part of it can drop out of its box);
    laid out from the bottom up, drawn in reading order."""
    heading, body = ctx.theme.heading_font, ctx.theme.body_font
    on_accent = ctx.theme.palette.accent_text
    drawn: list[tuple[Block, Rect, TextStyle, str]] = []
    bottom = boxes.role.bottom
    if role is not None:
        size = size_in(boxes.role, role.paras, role.size_pt, sizes.TEXT_SIZES, body)
        height = _height(boxes.role, role.paras, size, body)
        rect = Rect(boxes.role.left, bottom - height, boxes.role.width, height)
        style = ctx.style(size=size, markers="none", color=on_accent)
        drawn.append((role, rect, style, "Persona role"))
        bottom = rect.top
    if name is not None:
        size = size_in(boxes.name, name.paras, name.size_pt, sizes.NAME_SIZES, heading,
                       heading=True)  # fmt: skip
        height = _height(boxes.name, name.paras, size, heading, tall=True)
        rect = Rect(boxes.name.left, bottom - height, boxes.name.width, height)
        style = ctx.style(size=size, markers="none", font=heading, bold=True, color=on_accent)
        drawn.append((name, rect, style, "Persona name"))
    for block, rect, style, label in reversed(drawn):
        text(ctx, rect, block.paras, style, label)


def persona_slide(ctx: SlideCtx) -> None:
    """A persona card: icon, name and role on the accent, the facts beside them."""
    area = start(ctx)
    boxes = grid.persona_boxes(area)
    palette = ctx.theme.palette
    card(ctx, boxes.panel, palette.accent, "Persona panel", rounded=False)
    card(ctx, boxes.details_panel, tint(ctx), "Persona facts panel", rounded=False)
    name = ctx.spec.block("name")
    icon_disc(ctx, (name.icon if name else None) or "user", boxes.disc, palette.background)
    _who(ctx, boxes, name, ctx.spec.block("role"))
    details = ctx.spec.block("details")
    if details is not None and details.paras:
        size = size_in(
            boxes.details,
            details.paras,
            details.size_pt,
            sizes.TEXT_SIZES,
            ctx.theme.body_font,
            spaced=True,
        )
        space = size * sizes.PARA_SPACE * 1.2  # points: a share of the line, as measured
        style = ctx.style(size=size, markers="none", color=palette.text, space_before=space)
        text(ctx, boxes.details, details.paras, style, "Persona facts", MSO_ANCHOR.MIDDLE)
