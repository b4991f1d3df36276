"""What every slide renderer works with, and the text helpers they share.

:class:`SlideContext` is the new slide (already on its named layout) with the plan
slide it shows, the whole plan and theme, and the render's part factory and layout
cache.  :func:`set_title` and :func:`set_body` put plan text into the layout's real
placeholders at the plan's size (checked against the real box); :func:`placeholders`
takes the text placeholders a renderer uses and removes the rest.

:func:`fitted` says whether a block's size was chosen by the plan: only then may a
renderer move boxes to suit the text (centre a pair of columns, say).  A probe slide
(:mod:`hrdeck.render.probe`) carries unfitted marker text, so the boxes it measures
are always the layout's own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from pptx.enum.text import MSO_ANCHOR
from pptx.presentation import Presentation
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide
from pptx.util import Emu, Pt

from hrdeck.plan.titlefit import COVER_TITLE_SIZES as COVER_TITLE_SIZES
from hrdeck.plan.titlefit import TITLE_SIZES as TITLE_SIZES
from hrdeck.plan.titlefit import fit_title, smaller_titles
from hrdeck.plan.types import DeckPlan, SlidePlan
from hrdeck.render.design.grid import Grid
from hrdeck.render.layouts import (
    Box,
    LayoutCache,
    place,
    remove_unused,
    slide_size,
    text_placeholders,
    title_placeholder,
)
from hrdeck.render.measure import area_of, fit_in
from hrdeck.render.package import PartFactory
from hrdeck.render.placement import title_room
from hrdeck.render.text import TextStyle, fill, plain
from hrdeck.richtext import Para, Run
from hrdeck.textfit.measure import BODY_SIZES, TextArea, fit_size
from hrdeck.textfit.metrics import metrics_for
from hrdeck.theme.model import Theme


@dataclass(frozen=True)
class SlideContext:
    """What a slide renderer works with: the new slide (already on its layout), the plan
    slide it shows, the whole plan and theme, and the render's part factory and layout
    cache."""

    prs: Presentation
    slide: Slide
    spec: SlidePlan
    plan: DeckPlan
    theme: Theme
    parts: PartFactory
    layouts: LayoutCache

    @property
    def lang(self) -> str:
        return self.plan.language

    @property
    def own_master(self) -> bool:
        """True when the slide is on hrdeck's own master (the theme has no template)."""
        return self.theme.template is None

    @property
    def grid(self) -> Grid:
        return Grid(*slide_size(self.prs))

    def style(self, **changes: object) -> TextStyle:
        return TextStyle(lang=self.lang).with_(**changes)

    def paras(self, role: str) -> tuple[Para, ...]:
        return tuple(p for block in self.spec.blocks_with(role) for p in block.paras)

    def size(self, role: str | None) -> float | None:
        """The size the plan chose for `role`'s text, if it chose one."""
        block = self.spec.block(role) if role else None
        return block.size_pt if block is not None else None


def fitted(ctx: SlideContext, *roles: str) -> bool:
    """True when the plan chose the size of every one of `roles` (see the module doc)."""
    return all(ctx.size(role) is not None for role in roles)


def at_most(sizes: Sequence[float], planned: float | None) -> list[float]:
    """`sizes` capped at the plan's choice (the plan's size is kept when it fits)."""
    if planned is None:
        return list(sizes)
    return [planned, *(s for s in sizes if s < planned)]


def set_title(ctx: SlideContext, sizes: Sequence[int] = TITLE_SIZES) -> float:
    """The plan title in the title placeholder, at the largest size that fits (measured
    bold; the weight itself is the layout's); the size.  A title fitting at none of
    `sizes` is set smaller, and on an agency template its box may grow into the room
    below it (:mod:`hrdeck.plan.titlefit`)."""
    shape = title_placeholder(ctx.slide)
    if shape is None:
        return 0.0
    area = area_of(shape, "none", ctx.prs, ctx.layouts)
    room = None if ctx.own_master else title_room(ctx.prs, ctx.slide, ctx.layouts)
    grown = None if room is None else dataclasses.replace(area, height_pt=room.height_pt)
    planned = at_most(sizes, ctx.spec.title_pt)
    metrics, _ = metrics_for(ctx.theme.heading_font)
    found = fit_title(bold_title(ctx), area, grown, planned, metrics, ctx.layouts.lines)
    if found is None:
        size = smaller_titles(planned)[-1]
        height = None if room is None else room.height
    else:
        size, height = found.size, None if found.height_pt is None else int(Pt(found.height_pt))
    if room is not None and height is not None:
        place(shape, Box(room.left, room.top, room.width, min(height, room.height)))
    fill(shape.text_frame, (plain(ctx.spec.title),), ctx.style(size=size, markers="none"))
    return size


def bold_title(ctx: SlideContext) -> Para:
    """The slide's title as one bold paragraph (titles are bold on hrdeck's master, and
    measured bold everywhere: a template's regular-weight title then fits with room)."""
    return Para((Run(ctx.spec.title, bold=True),))


def set_body(
    ctx: SlideContext,
    shape: Shape,
    paras: Sequence[Para],
    markers: str = "template",
    sizes: Sequence[float] = BODY_SIZES,
    role: str | None = None,
    colour: str | None = None,
) -> float:
    """Fill a body placeholder with `paras` at the plan's size for `role` (checked
    against the real box) or the largest of `sizes` that fits, in `colour` if given
    (else the layout's); return the size."""
    area = area_of(shape, markers, ctx.prs, ctx.layouts)
    planned = at_most(sizes, ctx.size(role))
    size = fit_in(area, paras, planned, ctx.theme.body_font, ctx.layouts.lines)
    fill(shape.text_frame, paras, ctx.style(size=size, markers=markers, color=colour))
    return size


def placeholders(ctx: SlideContext, count: int) -> list[Shape]:
    """The first `count` text placeholders in reading order; the others are removed."""
    found = text_placeholders(ctx.slide, ctx.layouts)[:count]
    remove_unused(ctx.slide, found)
    return found


def heading(text: str) -> Para:
    return Para(runs=(Run(text=text, bold=True),))


KICKER_SIZES = (20, 18)
KICKER_INSET = 6 * 12700  # glyph boxes reach a little past the line: room above and below


def kicker(ctx: SlideContext, text: str, box: Box, anchor: MSO_ANCHOR) -> Shape | None:
    """A small bold capitalised line on a coloured field ("PART 2 OF 5"), on the grid's
    edge, read right after the title; 20 pt, or 18 pt when that fits the box and 20 does
    not; left out when neither fits (it only repeats what the deck says elsewhere)."""
    words = (Para((Run(text.upper(), bold=True),)),)
    inset = KICKER_INSET / 12700
    area = TextArea(box.width / 12700, box.height / 12700, 0.0, 0.0, inset, inset, "none")
    metrics, _ = metrics_for(ctx.theme.heading_font)
    size = fit_size(words, area, KICKER_SIZES, metrics)
    if size is None:
        return None
    style = TextStyle(
        lang=ctx.lang,
        size=size,
        bold=True,
        color=ctx.theme.palette.accent_text,
        font=ctx.theme.heading_font,
        markers="none",
    )
    shape = ctx.slide.shapes.add_textbox(
        Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height)
    )
    shape.name = "Kicker"
    fill(shape.text_frame, [plain(text.upper())], style)
    frame = shape.text_frame
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = 0
    frame.margin_top = frame.margin_bottom = Emu(KICKER_INSET)
    title = title_placeholder(ctx.slide)
    if title is not None:
        title.element.addnext(shape.element)
    return shape
