"""Slide makers: one small function per module kind, tailored module -> draft slides.

Each maker returns :class:`Draft` slides carrying their authored notes (no timing yet)
and a weight (its share of the module's minutes); :mod:`hrdeck.plan.build` then times,
numbers and checks the whole deck.  The ``MAKERS`` table maps kind -> maker.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hrdeck.curriculum.model import Citation, Image, Item, Module, Side, Slide
from hrdeck.diagnostics import NOWHERE, Diagnostic, Loc, warning
from hrdeck.plan.agenda import (
    BREAK_ID,
    BREAK_KIND,
    BREAK_TITLE,
    AgendaEntry,
    Segment,
    agenda_entries,
)
from hrdeck.plan.citations import format_citation, in_text
from hrdeck.plan.headline import fact_headline
from hrdeck.plan.makers_links import (
    SOURCES_TITLE,
    cited_citations,
    evaluation_block,
    references_mode,
    resource_blocks,
    sources_blocks,
    sources_notes,
    take_away_blocks,
)
from hrdeck.plan.makers_visual import month_year, persona_blocks, visual_slide
from hrdeck.plan.markup import parse_blocks, parse_inline, plain
from hrdeck.plan.people import people_paras
from hrdeck.plan.timing import SessionClock, breaks_phrase, minutes_label
from hrdeck.plan.types import Block, PlanDiagram, PlanEdge, PlanImage, PlanNode, SlidePlan
from hrdeck.richtext import Para, Run
from hrdeck.tailor import Tailored, TailoredModule


@dataclass(frozen=True)
class Draft:
    slide: SlidePlan
    weight: float = 1.0  # share of the module's minutes
    authored: bool = True  # has notes written by an editor


@dataclass
class Context:
    tailored: Tailored
    diagnostics: list[Diagnostic]
    citations: dict[str, Citation]
    clock: SessionClock = field(default_factory=SessionClock)

    def inline(self, text: str, loc: Loc) -> tuple[Run, ...]:
        return parse_inline(text, loc, self.diagnostics)

    def blocks(self, text: str, loc: Loc) -> tuple[Para, ...]:
        return parse_blocks(text, loc, self.diagnostics)

    def sources(self, keys: Iterable[str]) -> tuple[Para, ...]:
        """A 'Sources:' line naming the cited works in APA in-text form."""
        keys = list(dict.fromkeys(keys))
        if not keys:
            return ()
        names = "; ".join(in_text(self.citations[k]) if k in self.citations else k for k in keys)
        ending = "" if names.endswith(".") else "."  # 'n.d.' already ends the sentence
        return (Para((Run("Sources: ", bold=True), Run(names + ending))),)


def _str(value: object) -> str:
    """A tailored Text is a str; ``None`` (an optional field left out) is ''."""
    return value if isinstance(value, str) else ""


def _labelled(label: str, paras: tuple[Para, ...]) -> tuple[Para, ...]:
    return (Para((Run(label, bold=True),)), *paras) if paras else ()


def _list(ctx: Context, texts: object, loc: Loc) -> tuple[Para, ...]:
    """Level-1 paragraphs from a tailored list of Text (a tuple of str)."""
    if not isinstance(texts, tuple):
        return ()
    return tuple(Para(ctx.inline(_str(t), loc), 1) for t in texts if _str(t))


def _items(ctx: Context, items: tuple[Item, ...], level: int = 0) -> tuple[Para, ...]:
    paras: list[Para] = []
    for item in items:
        paras.append(Para(ctx.inline(_str(item.text), item.loc), level))
        paras.extend(_items(ctx, item.items, level + 1))
    return tuple(paras)


def _facts(ctx: Context, slide: Slide) -> tuple[Para, ...]:
    return tuple(
        Para((*ctx.inline(_str(f.claim), f.loc), Run(f" (as of {month_year(f.as_of)})")))
        for f in slide.facts
    )


def plan_image(ctx: Context, image: Image | None) -> PlanImage | None:
    if image is None:
        return None
    path = Path(image.path)
    if not path.is_absolute():
        path = Path(ctx.tailored.root) / path
    if not path.is_file():
        ctx.diagnostics.append(
            warning(
                image.loc,
                "missing-image",
                f"image '{image.path}' not found; slide shown without it",
                "paths are relative to the curriculum folder, e.g. images/kit.png",
            )
        )
        return None
    return PlanImage(str(path.resolve()), plain(_str(image.alt)))


def _slide(module: Module, kind: str, title: object, loc: Loc, **fields: Any) -> SlidePlan:
    source = module.loc if loc == NOWHERE else loc
    module_title = plain(_str(module.title))
    return SlidePlan(
        kind, plain(_str(title)), module.id, source, module_title=module_title, **fields
    )


def _module_notes(ctx: Context, module: Module) -> tuple[Para, ...]:
    return ctx.blocks(_str(module.notes), module.loc) + ctx.sources(module.cite)


# --- slide makers, one per module kind ---------------------------------------------------


def _title(ctx: Context, tm: TailoredModule) -> list[Draft]:
    m, course = tm.module, ctx.tailored.course
    subtitle = _str(m.subtitle) or course.subtitle
    block = Block("presenter", people_paras(course))
    slide = _slide(
        m,
        "title",
        _str(m.title) or course.title,
        m.loc,
        subtitle=subtitle,
        blocks=(block,),
        notes=_module_notes(ctx, m),
    )
    return [Draft(slide, authored=bool(slide.notes))]


def _agenda(ctx: Context, tm: TailoredModule) -> list[Draft]:
    m = tm.module
    listed = agenda_entries(ctx.tailored)
    paras = [_agenda_para(ctx, entry) for entry in listed]
    total = ctx.tailored.total_minutes
    paras.append(_agenda_total(ctx, total))
    parts = sum(1 for entry in listed if not entry.is_break)
    notes = _module_notes(ctx, m) or (
        Para((Run(f"Walk through today's plan: {parts} parts, {minutes_label(total)}."),)),
    )
    slide = _slide(m, "agenda", m.title, m.loc, blocks=(Block("body", tuple(paras)),), notes=notes)
    return [Draft(slide)]


def _objectives(ctx: Context, tm: TailoredModule) -> list[Draft]:
    """The audience's learning objectives, word for word from its file (credit bodies
    want them shown as stated), one bullet each: no copy to keep in step."""
    m = tm.module
    stated = tuple(Para(ctx.inline(o.text, m.loc)) for o in ctx.tailored.audience.objectives)
    notes = _module_notes(ctx, m)
    slide = _slide(m, "bullets", m.title, m.loc, blocks=(Block("body", stated),), notes=notes)
    return [Draft(slide, authored=bool(notes))]


def _agenda_para(ctx: Context, entry: AgendaEntry) -> Para:
    """'Myths (10 minutes)', or with a start time '13:42  Myths (10 minutes)'."""
    runs = (Run(entry.title), Run(f" ({minutes_label(entry.minutes)})"))
    if ctx.tailored.session.start is None:
        return Para(runs)
    return Para((Run(ctx.clock.at(entry.start), bold=True), Run("  "), *runs))


def _agenda_total(ctx: Context, total: float) -> Para:
    """'Total: 129 minutes, including a 10-minute break' (with a start: its span first)."""
    length = minutes_label(total)
    including = breaks_phrase([b.minutes for b in ctx.tailored.breaks])
    text = f"{length}, {including}" if including else length
    if ctx.tailored.session.start is not None:
        text = f"{ctx.clock.whole(total)} ({text})"
    return Para((Run("Total: ", bold=True), Run(text)))


def break_draft(ctx: Context, segment: Segment) -> Draft:
    """A break: 'Break', and the time to be back (or its length, without a start time)."""
    brk = segment.brk
    assert brk is not None
    if ctx.tailored.session.start is not None:
        subtitle = f"Back at {ctx.clock.at(segment.end)}"
    else:
        subtitle = minutes_label(segment.minutes)
    notes = (
        Para((Run("Say when to be back, and where water and restrooms are."),)),
        Para((Run("Start again on time: people plan their day around the agenda."),)),
    )
    slide = SlidePlan(
        BREAK_KIND,
        BREAK_TITLE,
        BREAK_ID,
        brk.loc,
        notes=notes,
        subtitle=subtitle,
        module_title=BREAK_TITLE,
    )
    return Draft(slide)


def _section(ctx: Context, tm: TailoredModule) -> list[Draft]:
    m = tm.module
    notes = _module_notes(ctx, m)
    slide = _slide(m, "section", m.title, m.loc, subtitle=_str(m.subtitle) or None, notes=notes)
    return [Draft(slide, authored=bool(notes))]


def _bullets(ctx: Context, tm: TailoredModule) -> list[Draft]:
    m = tm.module
    extra = _labelled("Source:", ctx.blocks(_str(m.attribution), m.loc))
    materials = _labelled("Materials:", _list(ctx, m.materials, m.loc))
    drafts = []
    for index, s in enumerate(m.slides):
        own = (materials if index == 0 else ()) + extra  # the module's, on any kind
        if s.kind != "bullets":
            spec, written = visual_slide(ctx, m, s, plan_image(ctx, s.image), own)
            drafts.append(Draft(spec, authored=written))
            continue
        authored = ctx.blocks(_str(s.notes) or _str(m.notes), s.loc)
        cited = ctx.sources([*s.cite, *(k for f in s.facts for k in f.cite)])
        notes = authored + own + cited
        body = _items(ctx, s.items) + _facts(ctx, s)
        slide = _slide(
            m,
            "bullets",
            s.title,
            s.loc,
            blocks=(Block("body", body),) if body else (),
            notes=notes,
            subtitle=_str(s.subtitle) or None,
            image=plan_image(ctx, s.image),
        )
        drafts.append(Draft(slide, authored=bool(authored)))
    return drafts


def _myths(ctx: Context, tm: TailoredModule) -> list[Draft]:
    """One slide per myth, titled with the fact's first sentence (the message a room
    should leave with); the myth and the rest of the fact are its two panels."""
    m = tm.module
    drafts = []
    for n, myth in enumerate(m.myths, start=1):
        fact = ctx.blocks(_str(myth.fact), myth.loc)
        headline, evidence = fact_headline(fact)
        numbered = plain(_str(m.title)) + (f" #{n}" if len(m.myths) > 1 else "")
        title = headline or numbered
        blocks = (
            Block("myth", (Para(ctx.inline(_str(myth.myth), myth.loc)),), heading="Myth"),
            Block("fact", evidence if headline else fact, heading="Fact"),
        )
        authored = ctx.blocks(_str(myth.notes), myth.loc)
        notes = authored + ctx.sources(myth.cite)
        slide = _slide(m, "myth", title, myth.loc, blocks=blocks, notes=notes)
        drafts.append(Draft(slide, authored=bool(authored)))
    return drafts


def _caption(ctx: Context, m: Module) -> tuple[Block, ...]:
    caption = _str(m.caption)
    return (Block("caption", (Para(ctx.inline(caption, m.loc)),)),) if caption else ()


def _spectrum(ctx: Context, tm: TailoredModule) -> list[Draft]:
    m = tm.module
    stages = tuple(
        Block("stage", ctx.blocks(_str(s.description), s.loc), heading=plain(_str(s.label)))
        for s in m.stages
    )
    return _module_slide(ctx, m, "spectrum", stages + _caption(ctx, m))


def _side(ctx: Context, role: str, side: Side | None) -> tuple[Block, ...]:
    if side is None:
        return ()
    return (Block(role, _items(ctx, side.items), heading=plain(_str(side.heading))),)


def _comparison(ctx: Context, tm: TailoredModule) -> list[Draft]:
    m = tm.module
    blocks = _side(ctx, "left", m.left) + _side(ctx, "right", m.right)
    return _module_slide(ctx, m, "comparison", blocks)


def _diagram(ctx: Context, tm: TailoredModule) -> list[Draft]:
    m = tm.module
    d = m.diagram
    diagram = None
    if d is not None:
        nodes = tuple(PlanNode(n.id, plain(_str(n.label))) for n in d.nodes)
        edges = tuple(
            PlanEdge(e.source, e.target, plain(_str(e.label)), e.both_ways) for e in d.edges
        )
        diagram = PlanDiagram(nodes, edges, plain(_str(d.alt)))
    return _module_slide(ctx, m, "diagram", _caption(ctx, m), diagram=diagram)


def _module_slide(
    ctx: Context, m: Module, kind: str, blocks: tuple[Block, ...], **fields: Any
) -> list[Draft]:
    notes = _module_notes(ctx, m)
    slide = _slide(m, kind, m.title, m.loc, blocks=blocks, notes=notes, **fields)
    return [Draft(slide, authored=bool(_str(m.notes)))]


def _case(ctx: Context, tm: TailoredModule) -> list[Draft]:
    m = tm.module
    questions = _list(ctx, m.questions, m.loc)
    facilitation = _labelled("Facilitation:", ctx.blocks(_str(m.facilitation), m.loc))
    part2 = _labelled("42 CFR Part 2 points:", _list(ctx, m.part2, m.loc))
    asked = _labelled("Discussion questions:", questions)
    authored = _module_notes(ctx, m)
    narrative = Block("narrative", ctx.blocks(_str(m.narrative), m.loc))
    case = _slide(
        m,
        "case",
        m.title,
        m.loc,
        blocks=(narrative,),
        notes=authored + facilitation + asked + part2,
    )
    if m.persona is not None:
        # the card on the slide, the story in the notes to read aloud; the facilitation
        # and the questions stay with the questions slide that follows, so the card's
        # notes are what the trainer reads out, not a repeat of the next slide's
        story = _labelled("Read the scenario aloud:", narrative.paras)
        case = dataclasses.replace(
            case, kind="persona", blocks=persona_blocks(ctx, m.persona), notes=story + authored
        )
    body = Block("body", tuple(dataclasses.replace(q, level=0) for q in questions))
    ask = _slide(
        m,
        "questions",
        "Discussion questions",
        m.loc,
        blocks=(body,),
        notes=facilitation + part2 or authored,
    )
    has_notes = bool(_str(m.notes) or _str(m.facilitation))
    return [Draft(case, 1.0, has_notes), Draft(ask, 2.0, has_notes)]


def _resources(ctx: Context, tm: TailoredModule) -> list[Draft]:
    m = tm.module
    return _module_slide(ctx, m, "resources", resource_blocks(ctx, m.resources))


def _references(ctx: Context, tm: TailoredModule) -> list[Draft]:
    """One Sources slide (the default), or the full list on slides (references: slides);
    only the works the session cites, either way."""
    m = tm.module
    if references_mode(ctx.tailored) == "slides":
        citations = cited_citations(ctx.tailored, m.citations)
        paras = tuple(Para(format_citation(c)) for c in citations)
        return _module_slide(ctx, m, "references", (Block("citation", paras),))
    blocks = sources_blocks(ctx.tailored, m.citations)
    url = ctx.tailored.course.sources_url
    notes = _module_notes(ctx, m) or sources_notes(len(blocks[0].paras), url)
    slide = _slide(m, "sources", SOURCES_TITLE, m.loc, blocks=blocks, notes=notes)
    return [Draft(slide, authored=bool(notes))]


def _closing(ctx: Context, tm: TailoredModule) -> list[Draft]:
    m = tm.module
    lines = tuple(Para(ctx.inline(_str(t), m.loc)) for t in m.lines if _str(t))
    lines = lines or people_paras(ctx.tailored.course)
    url = ctx.tailored.course.evaluation_url
    links = (evaluation_block(url),) if url else take_away_blocks(ctx, m.resources[:1])
    notes = _module_notes(ctx, m)
    slide = _slide(
        m,
        "closing",
        m.title,
        m.loc,
        subtitle=_str(m.subtitle) or None,
        blocks=(Block("body", lines), *links),
        notes=notes,
    )
    return [Draft(slide, authored=bool(notes))]


def unknown(ctx: Context, tm: TailoredModule) -> list[Draft]:
    m = tm.module
    ctx.diagnostics.append(
        warning(
            m.loc, "unknown-kind", f"module kind '{m.kind}' has no slide plan; shown as a section"
        )
    )
    return _section(ctx, tm)


MAKERS: dict[str, Callable[[Context, TailoredModule], list[Draft]]] = {
    "title": _title,
    "agenda": _agenda,
    "objectives": _objectives,
    "section": _section,
    "bullets": _bullets,
    "concepts": _bullets,
    "strategies": _bullets,
    "exercise": _bullets,
    "myths": _myths,
    "spectrum": _spectrum,
    "roles": _comparison,
    "comparison": _comparison,
    "diagram": _diagram,
    "case": _case,
    "resources": _resources,
    "references": _references,
    "closing": _closing,
    **dict.fromkeys(("stat", "chart", "icons", "quote", "image", "persona"), _bullets),
}


def make_slides(ctx: Context, tm: TailoredModule) -> list[Draft]:
    """The draft slides of one module, by its kind."""
    return MAKERS.get(tm.module.kind, unknown)(ctx, tm)
