"""One function per slide kind, and the dispatch table that picks it.

Each function receives a :class:`SlideContext` (the new slide, already built from
its named layout, plus the plan slide and theme) and puts the plan's text into the
layout's real placeholders: titles into the title placeholder, body text into body
placeholders, so outline view, screen readers and restyling work.  Drawn content
(spectrum, diagram, myth/fact panels) uses the theme's palette explicitly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR
from pptx.presentation import Presentation
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide
from pptx.util import Emu, Inches

from hrdeck.plan.types import DeckPlan, SlidePlan
from hrdeck.render import charts, imagetext, links, oxml, shapes, visuals
from hrdeck.render import diagram as diagrams
from hrdeck.render.layouts import (
    Box,
    LayoutCache,
    box_of,
    content_area,
    place,
    remove_unused,
    set_alt,
    slide_size,
    text_placeholders,
    title_placeholder,
)
from hrdeck.render.measure import area_of, fit_in
from hrdeck.render.package import PartFactory
from hrdeck.render.text import TextStyle, fill, plain, rgb
from hrdeck.richtext import Para, Run
from hrdeck.textfit.measure import BODY_SIZES
from hrdeck.theme.model import Theme

TITLE_SIZES = (36, 32, 28)
COVER_TITLE_SIZES = (40, 36, 32)
CAPTION_HEIGHT = Inches(0.6)
REFERENCE_PT = 20  # every reference slide uses this size; the plan splits lists to fit it
IMAGE_TEXT_SHARE = 0.56  # the text's share of the width on a bullets slide with an image


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

    def style(self, **changes: object) -> TextStyle:
        return TextStyle(lang=self.lang).with_(**changes)

    def paras(self, role: str) -> tuple[Para, ...]:
        return tuple(p for block in self.spec.blocks_with(role) for p in block.paras)

    def size(self, role: str | None) -> float | None:
        """The size the plan chose for `role`'s text, if it chose one."""
        block = self.spec.block(role) if role else None
        return block.size_pt if block is not None else None


def _at_most(sizes: Sequence[float], planned: float | None) -> list[float]:
    """`sizes` capped at the plan's choice (the plan's size is kept when it fits)."""
    if planned is None:
        return list(sizes)
    return [planned, *(s for s in sizes if s < planned)]


def set_title(ctx: SlideContext, sizes: Sequence[int] = TITLE_SIZES) -> None:
    """The plan title in the title placeholder, at the largest size that fits."""
    shape = title_placeholder(ctx.slide)
    if shape is None:
        return
    title = (plain(ctx.spec.title),)
    area = area_of(shape, "none", ctx.prs, ctx.layouts)
    size = fit_in(area, title, _at_most(sizes, ctx.spec.title_pt), ctx.theme.heading_font)
    fill(shape.text_frame, title, ctx.style(size=size, markers="none"))


def set_body(
    ctx: SlideContext,
    shape: Shape,
    paras: Sequence[Para],
    markers: str = "template",
    sizes: Sequence[float] = BODY_SIZES,
    role: str | None = None,
) -> float:
    """Fill a body placeholder with `paras` at the plan's size for `role` (checked
    against the real box) or the largest of `sizes` that fits; return the size."""
    area = area_of(shape, markers, ctx.prs, ctx.layouts)
    size = fit_in(area, paras, _at_most(sizes, ctx.size(role)), ctx.theme.body_font)
    fill(shape.text_frame, paras, ctx.style(size=size, markers=markers))
    return size


def _placeholders(ctx: SlideContext, count: int) -> list[Shape]:
    found = text_placeholders(ctx.slide, ctx.layouts)[:count]
    remove_unused(ctx.slide, found)
    return found


def _single_body(
    ctx: SlideContext, paras: Sequence[Para], markers: str = "template", role: str = "body"
) -> None:
    set_title(ctx)
    found = _placeholders(ctx, 1)
    if found:
        set_body(ctx, found[0], paras, markers, role=role)
    elif paras:
        area = content_area(ctx.prs, ctx.slide, ctx.layouts)
        shapes.add_text(ctx.slide, area, paras, ctx.style(size=24, markers="none"), "Body")


def title_slide(ctx: SlideContext) -> None:
    """Title, then subtitle and presenter lines in the subtitle placeholder."""
    set_title(ctx, COVER_TITLE_SIZES)
    lines = ([plain(ctx.spec.subtitle)] if ctx.spec.subtitle else []) + list(ctx.paras("presenter"))
    _cover_lines(ctx, lines)


def _cover_lines(ctx: SlideContext, lines: Sequence[Para]) -> None:
    found = _placeholders(ctx, 1)
    if not found or not lines:
        return
    _accent_rule(ctx, box_of(found[0], ctx.layouts))
    size = set_body(ctx, found[0], lines, "none", (26, 24, 22, 20, 18))
    # Colours set explicitly: the default template's subtitle is a pale grey tint.
    # Contact lines are smaller, but never under 18pt (PowerPoint's accessibility floor).
    secondary = Emu(int(Inches(max(18, size * 0.8) / 72)))
    for index, paragraph in enumerate(found[0].text_frame.paragraphs):
        colour = rgb(ctx.theme.palette.text if index == 0 else ctx.theme.palette.muted)
        for run in paragraph.runs:
            run.font.color.rgb = colour
            if index:
                run.font.size = secondary


def _accent_rule(ctx: SlideContext, below: Box) -> None:
    """A short accent bar centred just above the subtitle: the cover's one flourish."""
    title = title_placeholder(ctx.slide)
    if title is None:
        return
    width, height = int(Inches(1.6)), int(Inches(0.07))
    top = (box_of(title, ctx.layouts).bottom + below.top) // 2 - height // 2
    left = slide_size(ctx.prs)[0] // 2 - width // 2
    bar = Box(left, top, width, height)
    rule = shapes.add_box(
        ctx.slide, MSO_SHAPE.RECTANGLE, bar, ctx.theme.palette.accent, "Accent rule"
    )
    shapes.mark_decorative(rule)


def closing_slide(ctx: SlideContext) -> None:
    """Closing title, subtitle, and contact lines."""
    set_title(ctx, COVER_TITLE_SIZES)
    lines = ([plain(ctx.spec.subtitle)] if ctx.spec.subtitle else []) + list(ctx.paras("body"))
    _cover_lines(ctx, lines)


def agenda_slide(ctx: SlideContext) -> None:
    """Module lines with minutes, then the total."""
    paras = list(ctx.paras("body"))
    if not any(p.text.lower().startswith("total") for p in paras):
        total = ctx.plan.total_minutes
        shown = f"{total:g}"
        paras.append(Para(runs=(Run(text=f"Total: {shown} minutes", bold=True),)))
    _single_body(ctx, paras)


def section_slide(ctx: SlideContext) -> None:
    """Section title with its subtitle in the layout's text placeholder."""
    set_title(ctx, COVER_TITLE_SIZES)
    found = _placeholders(ctx, 1 if ctx.spec.subtitle else 0)
    if found and ctx.spec.subtitle:
        set_body(ctx, found[0], [plain(ctx.spec.subtitle)], "none", (28, 24, 20, 18))


def bullets_slide(ctx: SlideContext) -> None:
    """Nested bullets; an image, when there is one, sits to the right of the text."""
    if ctx.spec.image is None:
        _single_body(ctx, ctx.paras("body"))
        return
    set_title(ctx)
    found = _placeholders(ctx, 1)
    area = box_of(found[0], ctx.layouts) if found else content_area(ctx.prs, ctx.slide, ctx.layouts)
    text_w = int(area.width * IMAGE_TEXT_SHARE)
    if found:
        place(found[0], Box(area.left, area.top, text_w, area.height))
        set_body(ctx, found[0], ctx.paras("body"), role="body")
    gap = int(Inches(0.3))
    _picture(ctx, Box(area.left + text_w + gap, area.top, area.width - text_w - gap, area.height))


def _picture(ctx: SlideContext, box: Box) -> None:
    image = ctx.spec.image
    assert image is not None
    px_w, px_h = oxml.image_pixel_size(image.path)
    scale = min(box.width / px_w, box.height / px_h)
    width, height = int(px_w * scale), int(px_h * scale)
    left = box.left + (box.width - width) // 2
    top = box.top + (box.height - height) // 2
    picture = ctx.parts.picture(
        ctx.slide, Path(image.path), Emu(left), Emu(top), Emu(width), Emu(height)
    )
    picture.name = "Image"
    set_alt(picture, image.alt)


def myth_slide(ctx: SlideContext) -> None:
    """Myth and fact side by side in labelled panels (MYTH in accent 2, FACT in accent)."""
    set_title(ctx)
    myth, fact = ctx.paras("myth"), ctx.paras("fact")
    found = _placeholders(ctx, 2)
    palette = ctx.theme.palette
    if len(found) < 2:
        labelled = [_heading("Myth"), *myth, _heading("Fact"), *fact]
        if found:
            set_body(ctx, found[0], labelled, "none")
        return
    for shape, label, paras, colour, role in (
        (found[0], "MYTH", myth, palette.accent2, "myth"),
        (found[1], "FACT", fact, palette.accent, "fact"),
    ):
        shapes.panel(ctx.slide, shape, label, colour, ctx.theme, ctx.lang, ctx.layouts)
        set_body(ctx, shape, paras, "none", role=role)


def _heading(text: str) -> Para:
    return Para(runs=(Run(text=text, bold=True),))


def comparison_slide(ctx: SlideContext) -> None:
    """Two sides, each with a heading: the Comparison layout's four placeholders."""
    set_title(ctx)
    sides = [ctx.spec.block("left"), ctx.spec.block("right")]
    found = _placeholders(ctx, 4)
    if len(found) == 4:
        for (head, body), side, role in zip(
            ((found[0], found[1]), (found[2], found[3])), sides, ("left", "right"), strict=True
        ):
            head_text = (side.heading if side else "") or ""
            set_body(ctx, head, [_heading(head_text)], "none", (26, 24, 22, 20, 18))
            _recolour(head, ctx.theme.palette.accent)
            head.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
            set_body(ctx, body, side.paras if side else (), role=role)
        return
    for shape, side in zip(found, sides, strict=False):
        paras = side.paras if side else ()
        heading_paras = [_heading(side.heading)] if side and side.heading else []
        set_body(ctx, shape, [*heading_paras, *paras])


def _recolour(shape: Shape, colour: str) -> None:
    for paragraph in shape.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.color.rgb = rgb(colour)


def _caption_area(ctx: SlideContext) -> tuple[Box, Box | None]:
    area = content_area(ctx.prs, ctx.slide, ctx.layouts)
    caption = ctx.paras("caption")
    if not caption:
        return area, None
    height = int(CAPTION_HEIGHT)
    drawing = Box(area.left, area.top, area.width, area.height - height)
    return drawing, Box(area.left, drawing.bottom, area.width, height)


def _caption(ctx: SlideContext, box: Box | None) -> None:
    if box is None:
        return
    palette = ctx.theme.palette
    style = ctx.style(size=18, color=palette.muted, markers="none")
    shapes.add_text(ctx.slide, box, ctx.paras("caption"), style, "Caption", MSO_ANCHOR.BOTTOM)


def spectrum_slide(ctx: SlideContext) -> None:
    """Stages as native chevrons, left to right, with descriptions and a caption."""
    set_title(ctx)
    drawing, caption = _caption_area(ctx)
    shapes.spectrum(ctx.slide, drawing, ctx.spec.blocks_with("stage"), ctx.theme, ctx.lang)
    _caption(ctx, caption)


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
    found = _placeholders(ctx, 1)
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
