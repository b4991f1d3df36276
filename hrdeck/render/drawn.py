"""What the new slide kinds share: the slide they draw on, text boxes, cards, icons.

The layout of every drawn kind comes from :mod:`hrdeck.plan.visualgrid` (the plan
fitted its text with the same boxes); this module turns those point boxes into
native shapes: text boxes set at the plan's size (checked against the real box),
tinted cards and accent bars marked decorative, and icons of the set drawn as custom
geometry in theme colours.  One :class:`~hrdeck.render.icons.IconLibrary` is made per
render, on first use, and kept in the render's LayoutCache.

The renderers take a :class:`SlideCtx` (what :class:`hrdeck.render.slides.SlideCtx`
offers) and leave the title to the renderer table: ``slides.with_title`` sets it
first, so every kind's title is set one way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR
from pptx.presentation import Presentation
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide

from hrdeck.plan.fitvisual import PARA_SPACE, fit_words, text_area
from hrdeck.plan.types import DeckPlan, SlidePlan
from hrdeck.plan.visualgrid import Rect
from hrdeck.render import oxml, shapes
from hrdeck.render.design.grid import Grid
from hrdeck.render.icons import IconLibrary
from hrdeck.render.layouts import Box, LayoutCache, content_area, remove_unused
from hrdeck.render.master import blend
from hrdeck.render.measure import area_of, fit_in
from hrdeck.render.oxml import clark
from hrdeck.render.package import PartFactory
from hrdeck.render.text import TextStyle, fill
from hrdeck.richtext import Para
from hrdeck.textfit.measure import BODY_SIZES
from hrdeck.textfit.metrics import metrics_for
from hrdeck.theme.model import Theme

EMU_PER_PT = 12700
TINT = 0.08  # a card's fill: the background moved this far towards the accent
DISC_TINT = 0.14
ICON_SHARE = 0.58  # an icon's size against the disc it sits on


class SlideCtx(Protocol):
    """A slide being rendered (:class:`hrdeck.render.slides.SlideCtx`)."""

    @property
    def prs(self) -> Presentation: ...
    @property
    def slide(self) -> Slide: ...
    @property
    def spec(self) -> SlidePlan: ...
    @property
    def plan(self) -> DeckPlan: ...
    @property
    def theme(self) -> Theme: ...
    @property
    def parts(self) -> PartFactory: ...
    @property
    def layouts(self) -> LayoutCache: ...
    @property
    def own_master(self) -> bool: ...
    @property
    def grid(self) -> Grid: ...
    def style(self, **changes: object) -> TextStyle: ...
    def paras(self, role: str) -> tuple[Para, ...]: ...
    def size(self, role: str | None) -> float | None: ...


def area_of_content(ctx: SlideCtx) -> Rect:
    """The area under the title, in points: what the plan laid out and fitted."""
    box = ctx.grid.body if ctx.own_master else content_area(ctx.prs, ctx.slide, ctx.layouts)
    return Rect(box.left / EMU_PER_PT, box.top / EMU_PER_PT, box.width_pt, box.height_pt)


def emu_box(rect: Rect) -> Box:
    return Box(
        round(rect.left * EMU_PER_PT),
        round(rect.top * EMU_PER_PT),
        round(rect.width * EMU_PER_PT),
        round(rect.height * EMU_PER_PT),
    )


def start(ctx: SlideCtx) -> Rect:
    """Clear the layout's unused placeholders (the title is set); the content area."""
    remove_unused(ctx.slide, [])
    return area_of_content(ctx)


def body_text(ctx: SlideCtx, shape: Shape, paras: Sequence[Para], markers: str, role: str) -> float:
    """`paras` in a body placeholder at the plan's size for `role`, checked against the
    real box (as the other kinds' body text is set); the size."""
    area = area_of(shape, markers, ctx.prs, ctx.layouts)
    planned = ctx.size(role)
    candidates = [s for s in BODY_SIZES if planned is None or s <= planned] or [BODY_SIZES[-1]]
    size = fit_in(area, paras, candidates, ctx.theme.body_font, ctx.layouts.lines)
    fill(shape.text_frame, paras, ctx.style(size=size, markers=markers))
    return size


def size_in(
    rect: Rect,
    paras: Sequence[Para],
    planned: float | None,
    sizes: Sequence[float],
    font: str,
    spaced: bool = False,
    heading: bool = False,
) -> float:
    """The plan's size for `paras`, unless the real box needs a smaller one of `sizes`
    (measured as the plan measured: `spaced` lists, `heading` text with its slack)."""
    candidates = [s for s in sizes if planned is None or s <= planned] or [sizes[-1]]
    area = text_area(rect, PARA_SPACE if spaced else 0.0, heading)
    found = fit_words(paras, area, candidates, metrics_for(font)[0])
    return found if found is not None else candidates[-1]


def text(
    ctx: SlideCtx,
    rect: Rect,
    paras: Sequence[Para],
    style: TextStyle,
    name: str,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
) -> Shape:
    """A text box at `rect` holding `paras` in `style` (whose size is already chosen);
    paragraphs get no space before unless `style` says (the plan measured them so)."""
    if style.space_before is None:
        style = style.with_(space_before=0)
    return shapes.add_text(ctx.slide, emu_box(rect), paras, style, name, anchor)


def card(ctx: SlideCtx, rect: Rect, colour: str, name: str, rounded: bool = True) -> Shape:
    """A filled panel behind text, marked decorative (its text says everything)."""
    kind = MSO_SHAPE.ROUNDED_RECTANGLE if rounded else MSO_SHAPE.RECTANGLE
    shape = shapes.add_box(ctx.slide, kind, emu_box(rect), colour, name)
    if rounded:
        shape.adjustments[0] = 0.06
    shapes.mark_decorative(shape)
    return shape


def tint(ctx: SlideCtx, amount: float = TINT) -> str:
    palette = ctx.theme.palette
    return blend(palette.background, palette.accent, amount)


def accent_bar(ctx: SlideCtx, rect: Rect, name: str = "Accent bar") -> Shape:
    return card(ctx, rect, ctx.theme.palette.accent, name, rounded=False)


def icon_library(ctx: SlideCtx) -> IconLibrary:
    """The render's icon set, read on first use and kept for the rest of the render."""
    if ctx.layouts.icons is None:
        ctx.layouts.icons = IconLibrary()
    library: IconLibrary = ctx.layouts.icons
    return library


def next_shape_id(ctx: SlideCtx) -> int:
    """An id no shape of the slide has yet."""
    tree = oxml.shape_tree(ctx.slide)
    ids = [int(e.get("id", "0")) for e in tree.iter(clark("p:cNvPr"))]
    return max([1, *ids]) + 1


def icon(
    ctx: SlideCtx, name: str, rect: Rect, colour: str | None = None, alt: str | None = None
) -> None:
    """Icon `name` centred in `rect`, in `colour` (default: the palette's accent, written
    out like every colour hrdeck draws, so an agency template's scheme cannot change it);
    decorative unless given `alt` (beside a label saying the same, it adds nothing)."""
    side = min(rect.width, rect.height)
    left = rect.left + (rect.width - side) / 2
    top = rect.top + (rect.height - side) / 2
    icon_library(ctx).element(
        name,
        shape_id=next_shape_id(ctx),
        left=round(left * EMU_PER_PT),
        top=round(top * EMU_PER_PT),
        size=round(side * EMU_PER_PT),
        colour=colour or ctx.theme.palette.accent,
        alt=alt,
        decorative=alt is None,
        parent=oxml.shape_tree(ctx.slide),
    )


def icon_disc(
    ctx: SlideCtx,
    name: str,
    rect: Rect,
    fill_colour: str | None = None,
    colour: str | None = None,
) -> None:
    """An icon on a tinted circle (both decorative: a label always goes with it)."""
    disc = shapes.add_box(
        ctx.slide, MSO_SHAPE.OVAL, emu_box(rect), fill_colour or tint(ctx, DISC_TINT), "Icon disc"
    )
    shapes.mark_decorative(disc)
    inner = rect.inset(rect.width * (1 - ICON_SHARE) / 2, rect.height * (1 - ICON_SHARE) / 2)
    icon(ctx, name, inner, colour)
