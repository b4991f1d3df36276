"""Section dividers and the agenda, numbered alike: "Part 2 of 5" is row 2 of the agenda.

The parts of a deck are its section slides (a break is not a part).  A divider on
hrdeck's own master is a deep accent field: a "PART 2 OF 5" kicker right above the
title's first line, the title large and bold, the subtitle, and a progress bar of one
segment per part (the parts done, this one, the ones to come).  A break divider shows
the bar without a number.  The agenda numbers the same parts: each section row gets
its part number as its bullet, in the accent colour; other rows (introductions,
breaks) get a muted dot, and the minutes are set in the muted colour.  The total
moves under the title, beside the list.
"""

from __future__ import annotations

import re

from lxml import etree
from pptx.enum.text import MSO_ANCHOR
from pptx.shapes.autoshape import Shape

from hrdeck.plan.agenda import BREAK_ID
from hrdeck.plan.types import DeckPlan, SlidePlan
from hrdeck.render import oxml, shapes
from hrdeck.render.chrome import logo_on_field
from hrdeck.render.design.context import (
    COVER_TITLE_SIZES,
    SlideContext,
    bold_title,
    kicker,
    placeholders,
    set_body,
    set_title,
)
from hrdeck.render.design.grid import BODY_TOP, KICKER_HEIGHT, pt
from hrdeck.render.layouts import Box, box_of, title_placeholder
from hrdeck.render.measure import area_of, text_height
from hrdeck.render.oxml import clark
from hrdeck.render.text import plain
from hrdeck.richtext import Para, Run
from hrdeck.theme.model import mix

_MINUTES = re.compile(r"^\s*\((\d+(\.\d+)?|\d+–\d+) minutes?\)$")
_CLOCK = re.compile(r"^\d{1,2}:\d{2}$")


def parts(plan: DeckPlan) -> list[SlidePlan]:
    """The deck's parts: its section slides, breaks left out."""
    return [s for s in plan.slides if s.kind == "section" and s.module_id != BREAK_ID]


def part_numbers(plan: DeckPlan) -> dict[str, int]:
    """Section title -> its part number (from 1)."""
    return {s.title: n for n, s in enumerate(parts(plan), start=1)}


# --- section dividers ------------------------------------------------------------------


def section_slide(ctx: SlideContext) -> None:
    """Section title with its subtitle; on hrdeck's master, the part kicker and progress."""
    size = set_title(ctx, COVER_TITLE_SIZES)
    found = placeholders(ctx, 1 if ctx.spec.subtitle else 0)
    if found and ctx.spec.subtitle:
        set_body(ctx, found[0], [plain(ctx.spec.subtitle)], "none", (24, 22, 20, 18))
    if not ctx.own_master:
        return
    done, current, total = _position(ctx)
    if current is not None:
        _kicker(ctx, f"Part {current} of {total}", size)
    _progress(ctx, done, current, total)
    logo_on_field(ctx)


def _position(ctx: SlideContext) -> tuple[int, int | None, int]:
    """(parts before this slide, this part's number or None for a break, parts in all)."""
    listed = {id(s) for s in parts(ctx.plan)}
    before = 0
    for slide in ctx.plan.slides:
        if slide is ctx.spec:
            break
        before += id(slide) in listed
    current = before + 1 if id(ctx.spec) in listed else None
    return before, current, len(listed)


def _kicker(ctx: SlideContext, text: str, title_pt: float) -> None:
    """The kicker just above the title's first line (the title sits at the foot of its
    box)."""
    title = title_placeholder(ctx.slide)
    if title is None:
        return
    box = box_of(title, ctx.layouts)
    area = area_of(title, "none", ctx.prs, ctx.layouts)
    lines = text_height([bold_title(ctx)], area, title_pt, ctx.theme.heading_font)
    top = max(pt(BODY_TOP / 3), box.bottom - pt(lines) - pt(KICKER_HEIGHT))
    kicker(ctx, text, Box(box.left, top, box.width, pt(KICKER_HEIGHT)), MSO_ANCHOR.BOTTOM)


def _progress(ctx: SlideContext, done: int, current: int | None, total: int) -> None:
    """One segment per part on the deep field: this one in the text colour, the parts
    done half way to it, the ones to come in the plain accent."""
    if total < 2:
        return
    palette = ctx.theme.palette
    for index, box in enumerate(ctx.grid.progress(total)):
        number = index + 1
        if number == current:
            colour = palette.accent_text
        elif number <= done:
            colour = mix(palette.accent, palette.accent_text, 0.55)
        else:
            colour = palette.accent
        shapes.add_decoration(ctx.slide, box, colour, f"Progress {number}")


# --- the agenda ------------------------------------------------------------------------


def agenda_slide(ctx: SlideContext) -> None:
    """The agenda rows, part rows numbered as the dividers are; the total beside them."""
    paras = list(ctx.paras("body"))
    total = [p for p in paras if p.text.lower().startswith("total")]
    rows = [p for p in paras if p not in total]
    if not total:
        shown = f"{ctx.plan.total_minutes:g}"
        total = [Para(runs=(Run(text=f"Total: {shown} minutes", bold=True),))]
    set_title(ctx)
    found = placeholders(ctx, 1)
    if not found:
        return
    side = ctx.own_master and _total_beside_title(ctx, total)
    shown_rows = rows if side else [*rows, *total]
    set_body(ctx, found[0], shown_rows, role="body")
    numbers = part_numbers(ctx.plan)
    accent, muted = ctx.theme.palette.accent, ctx.theme.palette.muted
    for para, element in zip(shown_rows, _paragraphs(found[0]), strict=False):
        _mark_row(element, numbers.get(_row_title(para)), accent, muted)


def _total_beside_title(ctx: SlideContext, total: list[Para]) -> bool:
    """The total in the left column under the title (the agenda layout's free space)."""
    title = title_placeholder(ctx.slide)
    if title is None:
        return False
    box = box_of(title, ctx.layouts)
    if box.width > ctx.grid.content_width // 2:
        return False  # a full-width title: no column beside the list
    area = Box(box.left, box.bottom + pt(12), box.width, pt(120))
    style = ctx.style(
        size=20, color=ctx.theme.palette.muted, font=ctx.theme.body_font, markers="none"
    )
    shape = shapes.add_text(ctx.slide, area, total, style, "Agenda total")
    shape.text_frame.margin_left = 0
    title.element.addnext(shape.element)  # read after the title, before the list
    return True


def _row_title(para: Para) -> str:
    """A row's title: without its clock time and minutes, or '(continued)'."""
    runs = [r.text for r in para.runs if not _CLOCK.match(r.text.strip()) and r.text.strip()]
    runs = [t for t in runs if not _MINUTES.match(t)]
    return "".join(runs).strip().removesuffix(" (continued)")


def _paragraphs(shape: Shape) -> list[object]:
    return [oxml.paragraph_element(p) for p in shape.text_frame.paragraphs]


def _mark_row(element: object, number: int | None, accent: str, muted: str) -> None:
    """Part rows: the number as the bullet, in the accent colour; other rows a muted dot;
    minutes in the muted colour."""
    p_pr = element.find(clark("a:pPr"))  # type: ignore[attr-defined]
    colour = etree.SubElement(p_pr, clark("a:buClr"))
    etree.SubElement(colour, clark("a:srgbClr"), val=(muted if number is None else accent)[-6:])
    etree.SubElement(p_pr, clark("a:buFont"), typeface="+mj-lt")
    etree.SubElement(p_pr, clark("a:buChar"), char="·" if number is None else str(number))
    for run in element.iter(clark("a:r")):  # type: ignore[attr-defined]
        if _MINUTES.match(run.findtext(clark("a:t")) or ""):
            _recolour(run, muted)


def _recolour(run: object, colour: str) -> None:
    r_pr = run.find(clark("a:rPr"))  # type: ignore[attr-defined]
    for old in r_pr.findall(clark("a:solidFill")):
        r_pr.remove(old)
    fill = etree.Element(clark("a:solidFill"))
    etree.SubElement(fill, clark("a:srgbClr"), val=colour.lstrip("#").upper())
    r_pr.insert(0, fill)
