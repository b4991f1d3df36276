"""Slide makers for the visual kinds: stat, chart, icons, quote, image and persona.

A slide of a ``slides:`` list (or a one-slide visual module) whose ``kind`` is not
``bullets`` comes here (:func:`visual_draft`); the block roles each kind fills are
listed in :mod:`hrdeck.plan.types`.  Every number shown carries its source and date
on the slide ("Binswanger et al., 2007 (as of January 2007)"); a chart gets alt text
that says what it shows and its data in the notes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from datetime import date
from typing import Protocol

from hrdeck.curriculum.model import Citation, Item, Module, Slide
from hrdeck.curriculum.visualmodel import Chart, Persona, Stat
from hrdeck.diagnostics import NOWHERE, Loc
from hrdeck.plan.citations import in_text
from hrdeck.plan.markup import plain
from hrdeck.plan.types import Block, PlanChart, PlanImage, PlanSeries, SlidePlan
from hrdeck.richtext import Para, Run

CHART_NAMES = {"column": "Column chart", "bar": "Bar chart", "line": "Line chart"}
MAX_LISTED_VALUES = 12  # values named one by one in a chart's alt text


class Context(Protocol):
    """What a maker needs of :class:`hrdeck.plan.makers.Context`."""

    citations: dict[str, Citation]

    def inline(self, text: str, loc: Loc) -> tuple[Run, ...]: ...

    def blocks(self, text: str, loc: Loc) -> tuple[Para, ...]: ...

    def sources(self, keys: Iterable[str]) -> tuple[Para, ...]: ...


def month_year(iso: str) -> str:
    """'2021-11-17' -> 'November 2021' (anything unparsable is shown as written)."""
    try:
        return date.fromisoformat(iso).strftime("%B %Y")
    except ValueError:
        return iso


def text_of(value: object) -> str:
    """A tailored Text is a str; ``None`` (an optional field left out) is ''."""
    return value if isinstance(value, str) else ""


def one(runs: Iterable[Run]) -> tuple[Para, ...]:
    found = tuple(runs)
    return (Para(found),) if found else ()


def plan_slide(module: Module, kind: str, slide: Slide, **fields: object) -> SlidePlan:
    source = module.loc if slide.loc == NOWHERE else slide.loc
    return SlidePlan(
        kind,
        plain(text_of(slide.title)),
        module.id,
        source,
        module_title=plain(text_of(module.title)),
        **fields,  # type: ignore[arg-type]
    )


def visual_slide(
    ctx: Context,
    module: Module,
    slide: Slide,
    image: PlanImage | None = None,
    module_notes: tuple[Para, ...] = (),
) -> tuple[SlidePlan, bool]:
    """One slide of a visual kind with its notes and sources, and whether an editor wrote
    its notes; `image` is the slide's picture, already found (image slides);
    `module_notes` are the module's own lines for this slide (its materials on the first
    slide, its attribution), set before the sources as on a bullet slide."""
    blocks, fields, extra_notes, cites = _MAKERS[slide.kind](ctx, slide)
    if slide.kind == "image" and image is not None:
        credit = plain(text_of(slide.image.credit)) if slide.image is not None else ""
        fields["image"] = PlanImage(image.path, image.alt, credit, slide.side)
    authored = ctx.blocks(text_of(slide.notes) or text_of(module.notes), slide.loc)
    if slide.kind != "persona" and slide.caption is not None:
        caption = ctx.inline(text_of(slide.caption), slide.loc)
        blocks += (Block("caption", one(caption)),) if caption else ()
    notes = authored + extra_notes + module_notes + ctx.sources([*slide.cite, *cites])
    spec = plan_slide(module, slide.kind, slide, blocks=blocks, notes=notes, **fields)
    return spec, bool(authored)


Made = tuple[tuple[Block, ...], dict[str, object], tuple[Para, ...], list[str]]


def source_line(ctx: Context, source: object, cites: Iterable[str], as_of: str) -> str:
    """'Source: NCHS (as of May 2025)': who, then when it was true, unless the source
    already says the year ('Source: Binswanger et al., 2007')."""
    who = text_of(source) or "; ".join(
        in_text(ctx.citations[k]) if k in ctx.citations else k for k in cites
    )
    when = f"as of {month_year(as_of)}"
    if not who:
        return when[0].upper() + when[1:]
    return f"Source: {who}" if as_of[:4] in who else f"Source: {who} ({when})"


# --- stat ----------------------------------------------------------------------------------


def _stat(ctx: Context, slide: Slide) -> Made:
    blocks: list[Block] = []
    for stat in slide.stats:
        blocks += _stat_blocks(ctx, stat)
    return tuple(blocks), {}, (), [k for s in slide.stats for k in s.cite]


def _stat_blocks(ctx: Context, stat: Stat) -> list[Block]:
    line = source_line(ctx, stat.source, stat.cite, stat.as_of)
    return [
        Block("value", (Para((Run(stat.value, bold=True),)),)),
        Block("label", one(ctx.inline(text_of(stat.label), stat.loc))),
        Block("source", (Para((Run(line),)),)),
    ]


# --- chart ---------------------------------------------------------------------------------


def _chart(ctx: Context, slide: Slide) -> Made:
    chart = slide.chart
    assert chart is not None  # the schema requires it
    line = source_line(ctx, chart.source, chart.cite, chart.as_of)
    planned = PlanChart(
        type=chart.type,
        categories=chart.categories,
        series=tuple(PlanSeries(s.name, s.values) for s in chart.series),
        alt=chart_alt(plain(text_of(slide.title)), chart, text_of(chart.alt)),
        units=chart.units,
        decimals=chart.decimals,
        labels=chart.labels,
    )
    blocks = (Block("source", (Para((Run(line),)),)),)
    data = Para((Run("Data shown: ", bold=True), Run(data_sentence(chart) + ".")))
    return blocks, {"chart": planned}, (data,), list(chart.cite)


def format_value(value: float | None, decimals: int) -> str:
    return "no value" if value is None else f"{value:,.{decimals}f}"


def data_sentence(chart: Chart) -> str:
    """'Overdose deaths: 70,630 in 2019, 91,799 in 2020, ...' for every series."""
    parts = []
    for series in chart.series:
        pairs = [
            f"{format_value(v, chart.decimals)} in {c}"
            for c, v in zip(chart.categories, series.values, strict=False)
        ]
        parts.append(f"{series.name}: {', '.join(pairs)}")
    return "; ".join(parts)


def chart_alt(title: str, chart: Chart, more: str) -> str:
    """Alt text: the kind of chart and its title, what it counts, then the data."""
    units = f" of {chart.units}" if chart.units else ""
    span = f"{chart.categories[0]} to {chart.categories[-1]}"
    head = f"{CHART_NAMES.get(chart.type, 'Chart')}{units}, {span}: {title}."
    if len(chart.categories) <= MAX_LISTED_VALUES:
        body = data_sentence(chart) + "."
    else:
        body = "; ".join(_range(s.name, s.values, chart.decimals) for s in chart.series) + "."
    return " ".join(part for part in (head, body, more) if part)


def _range(name: str, values: tuple[float | None, ...], decimals: int) -> str:
    known = [v for v in values if v is not None]
    if not known:
        return f"{name}: no values"
    low, high = format_value(min(known), decimals), format_value(max(known), decimals)
    return f"{name}: from {low} to {high}"


# --- icons, quote, image, persona ----------------------------------------------------------


def _icons(ctx: Context, slide: Slide) -> Made:
    blocks: list[Block] = []
    for item in slide.icons:
        label = (
            dataclasses.replace(r, bold=True) for r in ctx.inline(text_of(item.label), item.loc)
        )
        blocks.append(Block("label", one(label), icon=item.icon))
        blocks.append(Block("text", one(ctx.inline(text_of(item.text), item.loc))))
    return tuple(blocks), {}, (), []


def _quote(ctx: Context, slide: Slide) -> Made:
    quote = slide.quote
    assert quote is not None  # the schema requires it
    text = ctx.inline(text_of(quote.text), quote.loc)
    blocks = [Block("quote", one(text))]
    attribution = ctx.inline(text_of(quote.attribution), quote.loc)
    if attribution:
        blocks.append(Block("attribution", (Para((Run("— "), *attribution)),)))
    return tuple(blocks), {}, (), []


def _image(ctx: Context, slide: Slide) -> Made:
    body = _bullets(ctx, slide.items)
    return ((Block("body", body),) if body else ()), {}, (), []


def _bullets(ctx: Context, items: tuple[Item, ...], level: int = 0) -> tuple[Para, ...]:
    paras: list[Para] = []
    for item in items:
        paras.append(Para(ctx.inline(text_of(item.text), item.loc), level))
        paras.extend(_bullets(ctx, item.items, level + 1))
    return tuple(paras)


def persona_blocks(ctx: Context, persona: Persona) -> tuple[Block, ...]:
    """Name (with the card's icon), the age and role line, and the facts."""
    details = tuple(
        Para(ctx.inline(text_of(d), persona.loc)) for d in persona.details if text_of(d)
    )
    return (
        Block("name", (Para((Run(persona.name, bold=True),)),), icon=persona.icon),
        Block("role", one(ctx.inline(text_of(persona.role), persona.loc))),
        Block("details", details),
    )


def _persona(ctx: Context, slide: Slide) -> Made:
    assert slide.persona is not None  # the schema requires it
    return persona_blocks(ctx, slide.persona), {}, (), []


_MAKERS: dict[str, Callable[[Context, Slide], Made]] = {
    "stat": _stat,
    "chart": _chart,
    "icons": _icons,
    "quote": _quote,
    "image": _image,
    "persona": _persona,
}
