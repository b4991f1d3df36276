"""One function per slide kind, and the dispatch table that picks it.

Each function receives a :class:`SlideContext` (the new slide, already built from
its named layout, plus the plan slide and theme) and puts the plan's text into the
layout's real placeholders: titles into the title placeholder, body text into body
placeholders, so outline view, screen readers and restyling work.  Drawn content
(spectrum, diagram, myth/fact panels) uses the theme's palette explicitly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pptx.enum.text import MSO_ANCHOR
from pptx.util import Emu, Inches, Pt

from hrdeck.render import charts, imagetext, links, shapes, visuals
from hrdeck.render import diagram as diagrams
from hrdeck.render.design.cards import comparison_slide, myth_slide
from hrdeck.render.design.context import (
    COVER_TITLE_SIZES,
    TITLE_SIZES,
    SlideContext,
    heading,
    placeholders,
    set_body,
    set_title,
)
from hrdeck.render.design.cover import closing_slide, title_slide
from hrdeck.render.design.section import agenda_slide, section_slide
from hrdeck.render.layouts import Box, box_of, content_area, place
from hrdeck.render.measure import box_area, text_height
from hrdeck.richtext import Para

__all__ = [
    "COVER_TITLE_SIZES",
    "RENDERERS",
    "TITLE_SIZES",
    "SlideContext",
    "heading",
    "set_body",
    "set_title",
]

CAPTION_HEIGHT = Inches(0.6)
CAPTION_PT = 20
CAPTION_GAP = 10  # pt between a drawing and its caption
REFERENCE_PT = 20  # every reference slide uses this size; the plan splits lists to fit it
IMAGE_TEXT_SHARE = 0.56  # the text's share of the width on a bullets slide with an image


def _single_body(
    ctx: SlideContext, paras: Sequence[Para], markers: str = "template", role: str = "body"
) -> None:
    set_title(ctx)
    found = placeholders(ctx, 1)
    if found:
        set_body(ctx, found[0], paras, markers, role=role)
    elif paras:
        area = content_area(ctx.prs, ctx.slide, ctx.layouts)
        shapes.add_text(ctx.slide, area, paras, ctx.style(size=24, markers="none"), "Body")


def bullets_slide(ctx: SlideContext) -> None:
    """Nested bullets; an image, when there is one, sits to the right of the text."""
    if ctx.spec.image is None:
        _single_body(ctx, ctx.paras("body"))
        return
    set_title(ctx)
    found = placeholders(ctx, 1)
    area = box_of(found[0], ctx.layouts) if found else content_area(ctx.prs, ctx.slide, ctx.layouts)
    text_w = int(area.width * IMAGE_TEXT_SHARE)
    if found:
        place(found[0], Box(area.left, area.top, text_w, area.height))
        set_body(ctx, found[0], ctx.paras("body"), role="body")
    gap = int(Inches(0.3))
    imagetext.place_picture(
        ctx, Box(area.left + text_w + gap, area.top, area.width - text_w - gap, area.height)
    )


def drawing_area(ctx: SlideContext) -> Box:
    """Where a drawing goes: the grid's body area (on an agency template, the free area
    between its title and its footer band)."""
    if ctx.own_master:
        return ctx.grid.body
    return content_area(ctx.prs, ctx.slide, ctx.layouts)


def _caption_area(ctx: SlideContext) -> tuple[Box, Box | None]:
    area = drawing_area(ctx)
    caption = ctx.paras("caption")
    if not caption:
        return area, None
    column = box_area(Emu(area.width).pt, 0.0, indented=False)
    needed = text_height(caption, column, CAPTION_PT, ctx.theme.body_font)
    height = max(int(CAPTION_HEIGHT), int(Pt(needed)) + int(Pt(CAPTION_GAP)))
    drawing = Box(area.left, area.top, area.width, area.height - height)
    return drawing, Box(area.left, drawing.bottom, area.width, height)


def _caption(ctx: SlideContext, box: Box | None) -> None:
    if box is None:
        return
    palette = ctx.theme.palette
    style = ctx.style(size=CAPTION_PT, color=palette.muted, markers="none")
    caption = shapes.add_text(ctx.slide, box, ctx.paras("caption"), style, "Caption")
    caption.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
    caption.text_frame.margin_left = 0  # on the grid's left edge


def spectrum_slide(ctx: SlideContext) -> None:
    """The stages as a two-way continuum with the caption on its arrow."""
    set_title(ctx)
    stages, caption = ctx.spec.blocks_with("stage"), ctx.paras("caption")
    shapes.spectrum(ctx.slide, drawing_area(ctx), stages, caption, ctx.theme, ctx.lang)


def diagram_slide(ctx: SlideContext) -> None:
    """Nodes and connectors in one group carrying the diagram's alt text."""
    set_title(ctx)
    drawing, caption = _caption_area(ctx)
    if ctx.spec.diagram is not None:
        diagrams.draw_diagram(ctx.slide, drawing, ctx.spec.diagram, ctx.theme, ctx.lang)
    _caption(ctx, caption)


def case_slide(ctx: SlideContext) -> None:
    """The case narrative as plain paragraphs."""
    _single_body(ctx, ctx.paras("narrative"), "none", role="narrative")


def questions_slide(ctx: SlideContext) -> None:
    """Numbered discussion questions."""
    _single_body(ctx, ctx.paras("body"), "number")


def references_slide(ctx: SlideContext) -> None:
    """Citations with a hanging indent, all at one size (the plan split the list to fit it)."""
    set_title(ctx)
    found = placeholders(ctx, 1)
    if found:
        set_body(ctx, found[0], ctx.paras("citation"), "hanging", (REFERENCE_PT,), "citation")


def with_title(draw: Callable[[SlideContext], None]) -> Callable[[SlideContext], None]:
    """`draw` (a renderer of the newer kinds, which draws only the content) after the title."""

    def render(ctx: SlideContext) -> None:
        set_title(ctx)
        draw(ctx)

    render.__doc__ = draw.__doc__
    return render


RENDERERS: dict[str, Callable[[SlideContext], None]] = {
    "title": title_slide,
    "agenda": agenda_slide,
    "section": section_slide,
    "bullets": bullets_slide,
    "myth": myth_slide,
    "comparison": comparison_slide,
    "spectrum": spectrum_slide,
    "diagram": diagram_slide,
    "case": case_slide,
    "questions": questions_slide,
    "references": references_slide,
    "resources": with_title(links.resources_slide),
    "closing": links.with_link_panel(closing_slide),
    "stat": with_title(visuals.stat_slide),
    "chart": with_title(charts.chart_slide),
    "icons": with_title(visuals.icons_slide),
    "quote": with_title(visuals.quote_slide),
    "image": with_title(imagetext.image_slide),
    "persona": with_title(visuals.persona_slide),
    "sources": with_title(links.sources_slide),
    "check-question": with_title(imagetext.check_question_slide),
    "check-answer": with_title(imagetext.check_answer_slide),
}
