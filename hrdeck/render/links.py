"""Links the room takes away: resource cards, the Sources slide, the evaluation QR code.

Every link is shown twice: as a QR code (:mod:`hrdeck.render.qr`) for phones, and as
a short address a person can read and note (``samhsa.gov/…/framework``), never as
an underlined name or a 250-character URL.  The closing slide is drawn by its own
renderer; :func:`with_link_panel` wraps it so that an evaluation link gets a QR
panel at the right, the closing text making room for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu

from hrdeck.plan import fitvisual as sizes
from hrdeck.plan import visualgrid as grid
from hrdeck.plan.links import shorter_addresses
from hrdeck.plan.types import Block
from hrdeck.plan.visualgrid import Rect
from hrdeck.render.drawn import EMU_PER_PT, SlideCtx, emu_box, icon_disc, size_in, start, text
from hrdeck.render.layouts import (
    Box,
    box_of,
    place,
    slide_size,
    text_placeholders,
    title_placeholder,
)
from hrdeck.render.qr import add_qr
from hrdeck.render.text import rgb
from hrdeck.textfit.metrics import metrics_for

NO_LINK_ICON = "book-open"
PANEL_SHARE = 0.34  # of the slide's width: the closing slide's QR panel and its address
PANEL_GAP = 24.0  # points between the closing text and the panel


def resources_slide(ctx: SlideCtx) -> None:
    """A card per resource: its QR code, then its name, line and short address."""
    area = start(ctx)
    blocks = ctx.spec.blocks_with("resource")
    for index, (block, card) in enumerate(
        zip(blocks, grid.resource_cards(area, max(1, len(blocks))), strict=False)
    ):
        if block.link is not None:
            add_qr(ctx, card.qr, block.link)
        _card_text(ctx, block, card.text, f"Resource {index + 1}")


def _card_text(ctx: SlideCtx, block: Block, rect: Rect, name: str) -> None:
    palette = ctx.theme.palette
    size = size_in(rect, block.paras, block.size_pt, sizes.CARD_SIZES, ctx.theme.body_font)
    style = ctx.style(size=size, markers="none", color=palette.text)
    shape = text(ctx, rect, block.paras, style, name, MSO_ANCHOR.MIDDLE)
    for run in shape.text_frame.paragraphs[-1].runs:  # the short address, in the accent
        run.font.color.rgb = rgb(palette.accent)


def sources_slide(ctx: SlideCtx) -> None:
    """The short list of cited works; where the full list is (a QR code when online)."""
    area = start(ctx)
    boxes = grid.sources_boxes(area)
    palette = ctx.theme.palette
    listing = ctx.spec.block("body")
    if listing is not None and listing.paras:
        font = ctx.theme.body_font
        size = size_in(
            boxes.listing, listing.paras, listing.size_pt, sizes.LIST_SIZES, font, spaced=True
        )
        space = size * sizes.PARA_SPACE * 1.2  # points: a share of the line, as measured
        style = ctx.style(size=size, markers="none", color=palette.text, space_before=space)
        text(ctx, boxes.listing, listing.paras, style, "Sources list", MSO_ANCHOR.TOP)
    where = ctx.spec.block("link")
    if where is None:
        return
    mark = boxes.qr
    if where.link is not None:
        add_qr(ctx, boxes.qr, where.link)
    else:  # not online: a book for the handout, the note right under it
        mark = Rect(boxes.qr.left, boxes.qr.top, boxes.qr.width * 0.5, boxes.qr.width * 0.5)
        icon_disc(ctx, NO_LINK_ICON, mark)
    size = size_in(boxes.note, where.paras, where.size_pt, sizes.TEXT_SIZES, ctx.theme.body_font)
    style = ctx.style(size=size, markers="none", color=palette.text)
    top = mark.bottom + 12
    note_box = Rect(boxes.note.left, top, boxes.note.width, boxes.note.bottom - top)
    note = text(ctx, note_box, where.paras, style, "Full list", MSO_ANCHOR.TOP)
    if where.link is not None:
        for run in note.text_frame.paragraphs[-1].runs:
            run.font.color.rgb = rgb(palette.accent)


# --- the closing slide's evaluation link ---------------------------------------------------


Ctx = TypeVar("Ctx", bound=SlideCtx)


def with_link_panel(render: Callable[[Ctx], None]) -> Callable[[Ctx], None]:
    """`render` (a cover-like slide), plus a QR panel at the right for the slide's link
    on an agency template (hrdeck's own closing slide places it itself)."""

    def closing_with_link(ctx: Ctx) -> None:
        block = ctx.spec.block("link")
        if block is None or block.link is None or ctx.own_master:
            render(ctx)  # hrdeck's own closing draws the link as its call to action
            return
        panel = _panel_area(ctx)
        _make_room(ctx, panel)
        render(ctx)
        _centre_rules_under_the_title(ctx)
        boxes = grid.link_panel(panel)
        add_qr(ctx, boxes.qr, block.link)
        block = _fitting_address(ctx, block, boxes.text)
        size = size_in(
            boxes.text, block.paras, block.size_pt, sizes.TEXT_SIZES, ctx.theme.body_font
        )
        palette = ctx.theme.palette
        style = ctx.style(size=size, markers="none", color=palette.text, align=PP_ALIGN.LEFT)
        shape = text(ctx, boxes.text, block.paras, style, "Evaluation link")
        for run in shape.text_frame.paragraphs[-1].runs:
            run.font.color.rgb = rgb(palette.accent)

    closing_with_link.__doc__ = render.__doc__
    return closing_with_link


def _centre_rules_under_the_title(ctx: SlideCtx) -> None:
    """A cover's accent rule, centred on the slide, follows its narrowed title."""
    title = title_placeholder(ctx.slide)
    if title is None:
        return
    box = box_of(title, ctx.layouts)
    for shape in ctx.slide.shapes:
        if shape.name == "Accent rule":
            shape.left = Emu(box.left + (box.width - int(shape.width)) // 2)


def _fitting_address(ctx: SlideCtx, block: Block, rect: Rect) -> Block:
    """`block` with its address shortened if, even at the smallest size, it would not
    fit the panel's line (the QR code holds the whole link)."""
    area, metrics = sizes.text_area(rect), metrics_for(ctx.theme.body_font)[0]
    if sizes.fit_words(block.paras, area, sizes.TEXT_SIZES, metrics) is not None:
        return block
    return shorter_addresses(block, area, sizes.TEXT_SIZES[-1], metrics)


def _panel_area(ctx: SlideCtx) -> Rect:
    """The right-hand column of the slide, around its middle (where a cover's text is)."""
    width, height = (v / EMU_PER_PT for v in slide_size(ctx.prs))
    margin = width * 0.045
    panel_width = width * PANEL_SHARE
    return Rect(width - margin - panel_width, height * 0.26, panel_width, height * 0.56)


def _make_room(ctx: SlideCtx, panel: Rect) -> None:
    """Narrow the title and text placeholders that reach into the panel's column."""
    edge = round((panel.left - PANEL_GAP) * EMU_PER_PT)
    shapes = [*text_placeholders(ctx.slide, ctx.layouts)]
    title = title_placeholder(ctx.slide)
    if title is not None:
        shapes.append(title)
    panel_box = emu_box(panel)
    for shape in shapes:
        box = box_of(shape, ctx.layouts)
        if (
            box.right > edge
            and box.left < edge
            and box.intersects(Box(panel_box.left, 0, panel_box.width, slide_size(ctx.prs)[1]))
        ):
            place(shape, Box(box.left, box.top, edge - box.left, box.height))
