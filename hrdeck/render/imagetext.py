"""An image beside text, and the knowledge-check question and answer slides.

These keep their text in the layout's body placeholder (outline view, screen readers
and an agency's text styles all see it), fitted by the plan like any body text.  The
image slide narrows the placeholder to make room for the picture, on the side the
slide asks for, with the credit line under the picture.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pptx.enum.text import MSO_ANCHOR
from pptx.util import Emu, Inches

from hrdeck.plan import fitvisual as sizes
from hrdeck.plan.visualgrid import Rect
from hrdeck.render import oxml
from hrdeck.render.drawn import EMU_PER_PT, SlideCtx, body_text, size_in, text
from hrdeck.render.layouts import (
    Box,
    box_of,
    content_area,
    place,
    remove_unused,
    set_alt,
    text_placeholders,
)
from hrdeck.render.text import plain, rgb

TEXT_SHARE = 0.5  # the text's share of the width beside a picture
GAP = int(Inches(0.35))
CREDIT_HEIGHT = int(Inches(0.45))


def image_slide(ctx: SlideCtx) -> None:
    """The picture on one side (right unless the slide says left), bullets beside it."""
    found = text_placeholders(ctx.slide, ctx.layouts)[:1]
    remove_unused(ctx.slide, found)
    area = box_of(found[0], ctx.layouts) if found else content_area(ctx.prs, ctx.slide, ctx.layouts)
    text_width = int(area.width * TEXT_SHARE)
    picture_width = area.width - text_width - GAP
    image = ctx.spec.image
    on_left = image is not None and image.side == "left"
    text_left = area.left + picture_width + GAP if on_left else area.left
    picture_left = area.left if on_left else area.left + text_width + GAP
    if found:
        place(found[0], Box(text_left, area.top, text_width, area.height))
        body_text(ctx, found[0], ctx.paras("body"), "template", "body")
        found[0].text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE  # balanced beside the picture
    if image is not None:
        drawn = place_picture(ctx, Box(picture_left, area.top, picture_width, area.height))
        if on_left and found:  # read the picture and its credit first, as they are seen
            for shape in drawn:
                found[0].element.addprevious(shape.element)


def place_picture(ctx: SlideCtx, box: Box) -> list[Any]:
    """The picture fitted into `box` with its credit line under it; the shapes drawn."""
    image = ctx.spec.image
    assert image is not None
    room = Box(box.left, box.top, box.width, box.height - (CREDIT_HEIGHT if image.credit else 0))
    px_w, px_h = oxml.image_pixel_size(image.path)
    scale = min(room.width / px_w, room.height / px_h)
    width, height = int(px_w * scale), int(px_h * scale)
    left = room.left + (room.width - width) // 2
    top = room.top + (room.height - height) // 2
    picture = ctx.parts.picture(
        ctx.slide, Path(image.path), Emu(left), Emu(top), Emu(width), Emu(height)
    )
    picture.name = "Image"
    set_alt(picture, image.alt)
    if not image.credit:
        return [picture]
    credit = Rect(
        left / EMU_PER_PT,
        (top + height) / EMU_PER_PT + 2,
        max(width, box.width // 2) / EMU_PER_PT,
        CREDIT_HEIGHT / EMU_PER_PT,
    )
    paras = (plain(image.credit),)
    size = size_in(credit, paras, None, sizes.SOURCE_SIZES, ctx.theme.body_font)
    style = ctx.style(size=size, markers="none", color=ctx.theme.palette.muted)
    return [picture, text(ctx, credit, paras, style, "Image credit", MSO_ANCHOR.TOP)]


# --- knowledge checks ----------------------------------------------------------------------


def check_question_slide(ctx: SlideCtx) -> None:
    """The question and its lettered options."""
    _check(ctx, highlight=False)


def check_answer_slide(ctx: SlideCtx) -> None:
    """The answer (in the accent) and the reason."""
    _check(ctx, highlight=True)


def _check(ctx: SlideCtx, highlight: bool) -> None:
    found = text_placeholders(ctx.slide, ctx.layouts)[:1]
    remove_unused(ctx.slide, found)
    if not found:
        return
    body_text(ctx, found[0], ctx.paras("body"), "none", "body")
    found[0].text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    if highlight:
        for run in found[0].text_frame.paragraphs[0].runs:
            run.font.color.rgb = rgb(ctx.theme.palette.accent)
