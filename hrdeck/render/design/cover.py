"""The title and closing slides: covers with one clear hierarchy.

On hrdeck's own master a cover is the accent field: the course title large and bold
at the foot of its box, a short rule, the subtitle, then the people (presenters, or
the curriculum's author) with the audience and date on a full-width strip of the
background colour, all on the grid's left edge; the logo sits in its theme corner
(on a chip of the background colour when that corner is on the field).  The closing
slide adds its call to action on the right of the strip: the QR code
(:func:`draw_qr`) beside "Evaluation" and the link as a short visible address.

On an agency template the same text goes into the template's title-slide
placeholders, coloured from the palette (its subtitle may be a pale tint).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

from pptx.enum.text import MSO_ANCHOR
from pptx.shapes.autoshape import Shape
from pptx.util import Emu, Inches

from hrdeck.kinds import KINDS
from hrdeck.plan.links import short_address
from hrdeck.render import shapes
from hrdeck.render.chrome import logo_on_field
from hrdeck.render.design.context import (
    COVER_TITLE_SIZES,
    SlideContext,
    kicker,
    placeholders,
    set_body,
    set_title,
)
from hrdeck.render.design.grid import BAR_TOP, COVER_STRIP_PAD, FOOTER_TOP, GUTTER, PT, pt
from hrdeck.render.layouts import Box, box_of
from hrdeck.render.text import TextStyle, plain, rgb
from hrdeck.richtext import Para, Run

SUBTITLE_SIZES = (24, 22, 20, 18)
LINE_SIZES = (22, 20, 18)
ACTION_COLUMNS = 7  # the call to action's width, in grid columns
QR_SIDE = 112  # pt
TOP_KICKER_HEIGHT = 60  # pt: two lines of 20 pt, above the title's box


def title_slide(ctx: SlideContext) -> None:
    """Course title, subtitle, then the people with the audience and date."""
    set_title(ctx, COVER_TITLE_SIZES)
    subtitle = [plain(ctx.spec.subtitle)] if ctx.spec.subtitle else []
    if ctx.own_master:
        _top_kicker(ctx, ctx.plan.audience_label)
        when_where = [long_date(ctx.plan.date, ctx.lang), ctx.plan.venue]
        lines = [*ctx.paras("presenter"), plain(" · ".join(p for p in when_where if p))]
    else:
        lines = [*ctx.paras("presenter"), _audience_and_date(ctx)]
    _cover_text(ctx, subtitle, lines)
    logo_on_field(ctx)


def closing_slide(ctx: SlideContext) -> None:
    """Closing title and subtitle, contact lines, and the evaluation as a call to action."""
    set_title(ctx, COVER_TITLE_SIZES)
    url = evaluation_url(ctx) if ctx.own_master else None
    subtitle = [plain(ctx.spec.subtitle)] if ctx.spec.subtitle else []
    lines = [p for p in ctx.paras("body") if not _links_to(p, url)]
    room = 0
    if url:
        action = _action_box(ctx)
        call_to_action(ctx, url, action)
        room = ctx.grid.width - action.left + pt(GUTTER)
    _cover_text(ctx, subtitle, lines, room_right=room)
    if ctx.own_master:
        covers = (s.title for s in ctx.plan.slides if s.kind == "title")
        _top_kicker(ctx, next(covers, ctx.plan.course_title))
    logo_on_field(ctx)


def _cover_text(
    ctx: SlideContext, subtitle: list[Para], lines: list[Para], room_right: int = 0
) -> None:
    """Subtitle and lines into the layout's two text placeholders (one, on a template
    whose title slide has only a subtitle: then everything goes there).  `room_right`
    keeps the lines clear of a call to action on the right of the strip."""
    found = placeholders(ctx, 2)
    if len(found) < 2:
        if found and (subtitle or lines):
            _template_lines(ctx, found[0], [*subtitle, *lines])
        return
    subtitle_box, lines_box = sorted(found, key=lambda s: box_of(s, ctx.layouts).top)
    if subtitle:
        set_body(ctx, subtitle_box, subtitle, "none", SUBTITLE_SIZES)
    else:
        subtitle_box.element.getparent().remove(subtitle_box.element)
    if room_right:
        lines_box.text_frame.margin_right = room_right
    if ctx.own_master and _has_footer_band(ctx):  # keep the people clear of the footer
        lines_box.text_frame.margin_bottom = ctx.grid.height - pt(FOOTER_TOP) + pt(4)
    if lines:
        set_body(ctx, lines_box, lines, "none", LINE_SIZES)
        _bold_first(lines_box)
    if ctx.own_master:  # the strip's colour on the slide itself, as checkers read it
        lines_box.fill.solid()
        lines_box.fill.fore_color.rgb = rgb(ctx.theme.palette.background)
    else:
        _recolour_all(found, ctx.theme.palette.text)


def _has_footer_band(ctx: SlideContext) -> bool:
    """Whether the kind carries the footer band.  The band's room is kept whether or not
    the theme shows a footer or numbers, so text boxes do not move with those settings
    (the plan's default boxes hold for every footer choice)."""
    return KINDS[ctx.spec.kind].chrome


def _template_lines(ctx: SlideContext, shape: Shape, lines: Sequence[Para]) -> None:
    """Everything in one subtitle placeholder: the first line in the text colour, the
    rest smaller (never under 18 pt) in the muted colour."""
    size = set_body(ctx, shape, lines, "none", (26, 24, 22, 20, 18))
    secondary = Emu(int(Inches(max(18, size * 0.8) / 72)))
    palette = ctx.theme.palette
    for index, paragraph in enumerate(shape.text_frame.paragraphs):
        for run in paragraph.runs:
            run.font.color.rgb = rgb(palette.text if index == 0 else palette.muted)
            if index:
                run.font.size = secondary


def _bold_first(shape: Shape) -> None:
    for run in shape.text_frame.paragraphs[0].runs:
        run.font.bold = True


def _recolour_all(found: Sequence[Shape], colour: str) -> None:
    for shape in found:
        for paragraph in shape.text_frame.paragraphs:
            for run in paragraph.runs:
                run.font.color.rgb = rgb(colour)


def _top_kicker(ctx: SlideContext, text: str) -> None:
    """A kicker across the top of the field: who the session is for (the title slide),
    or the course (the closing slide); it stops short of a logo in a top corner."""
    if not text:
        return
    grid = ctx.grid
    box = Box(grid.margin, pt(BAR_TOP), grid.span(0, 8).width, pt(TOP_KICKER_HEIGHT))
    kicker(ctx, text, box, MSO_ANCHOR.TOP)


def _audience_and_date(ctx: SlideContext) -> Para:
    """'Courts and mandating entities · November 1, 2026 · Room 4'."""
    parts = [ctx.plan.audience_label, long_date(ctx.plan.date, ctx.lang), ctx.plan.venue]
    return plain(" · ".join(p for p in parts if p))


def long_date(iso: str, lang: str) -> str:
    """'2026-11-01' -> 'November 1, 2026' in US English, '1 November 2026' in other
    English, the ISO date in other languages (and anything unparsable as written)."""
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    if lang.lower() == "en-us":
        return f"{day:%B} {day.day}, {day.year}"
    return f"{day.day} {day:%B} {day.year}" if lang.lower().startswith("en") else day.isoformat()


# --- the call to action --------------------------------------------------------------


def evaluation_url(ctx: SlideContext) -> str | None:
    """The course's evaluation address, as the plan carries it."""
    link = ctx.spec.block("link")
    if link is not None and link.link is not None:
        return link.link.url
    session = ctx.plan.session
    if session is not None and session.evaluation_url:
        return session.evaluation_url
    for para in ctx.paras("body"):
        if para.text.startswith("Evaluation:"):
            return next((run.link for run in para.runs if run.link), None)
    return None


def _links_to(para: Para, url: str | None) -> bool:
    return url is not None and any(run.link == url for run in para.runs)


def _action_box(ctx: SlideContext) -> Box:
    """The call to action's place: the right of the strip, inside the margins and
    above the footer band."""
    strip = ctx.grid.cover_strip
    column = ctx.grid.span(12 - ACTION_COLUMNS, ACTION_COLUMNS)
    pad = pt(COVER_STRIP_PAD)
    bottom = pt(FOOTER_TOP) - pt(4) if _has_footer_band(ctx) else strip.bottom - pad
    return Box(column.left, strip.top + pad, column.width, bottom - strip.top - pad)


def call_to_action(ctx: SlideContext, url: str, box: Box) -> None:
    """The QR code, and beside it what it is ('Evaluation', or the take-away link's
    name) over the short address (a live link)."""
    palette = ctx.theme.palette
    side = min(box.height, pt(QR_SIDE))
    draw_qr(ctx, url, Box(box.left, box.top + (box.height - side) // 2, side, side))
    text_box = Box(box.left + side + pt(12), box.top, box.width - side - pt(12), box.height)
    planned = ctx.spec.block("link")
    if planned is not None and planned.link is not None and planned.link.url == url:
        head, link = planned.paras[0], planned.paras[-1]
        head = Para(tuple(dataclasses.replace(run, bold=True) for run in head.runs))
    else:
        head = Para((Run("Evaluation", bold=True),))
        link = Para((Run(short_address(url), link=url),))
    style = TextStyle(lang=ctx.lang, size=18, color=palette.text, markers="none")
    text = shapes.add_text(ctx.slide, text_box, [head, link], style, "Call to action")
    text.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    text.text_frame.margin_left = 0
    for run in text.text_frame.paragraphs[0].runs:
        run.font.color.rgb = rgb(palette.accent)


def draw_qr(ctx: SlideContext, url: str, box: Box) -> None:
    """The QR code of `url` in `box` (vertically centred), drawn as every QR code in a
    deck is (:func:`hrdeck.render.qr.add_qr`: one path, a light backing, a live link)."""
    from hrdeck.plan.types import PlanLink
    from hrdeck.plan.visualgrid import Rect
    from hrdeck.render.qr import add_qr

    planned = ctx.spec.block("link")
    link = planned.link if planned is not None and planned.link is not None else None
    if link is None or link.url != url:
        link = PlanLink(url, short_address(url), "the session evaluation form")
    add_qr(ctx, Rect(box.left / PT, box.top / PT, box.width / PT, box.height / PT), link)
