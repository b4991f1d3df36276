"""Plan the deck: a tailored curriculum -> :class:`~hrdeck.plan.types.DeckPlan`.

Each module kind has one small slide maker (``hrdeck.plan.makers.MAKERS``) that turns the
module into draft slides with their authored notes.  Then, for the whole deck:

- each module's minutes are spread over its slides (by weight, rounded to half
  minutes so they still add up) and every slide's notes start with a timing line,
  e.g. "About 3 minutes (0:12–0:15 of 1:30).", so a trainer can pace against a clock;
- content slides without authored notes get a ``missing-notes`` warning;
- text is measured against the theme's boxes with its font metrics
  (:mod:`hrdeck.plan.fit`): sizes are chosen, slides that do not fit are split onto
  continuation slides (each split and shrink reported), before timing lines are
  written, so continuations get their share of the minutes;
- duplicate titles are numbered, "Discussion questions (2)", so every title is unique;
- the session's breaks (:mod:`hrdeck.timebox`) become "Break" slides between modules,
  and with a start time (``--start 13:30``) every clock span is a real time;
- the plain :class:`~hrdeck.plan.session.SessionPlan` the kit's writers read rides
  along as ``DeckPlan.session``.

Text goes through :mod:`hrdeck.plan.markup`; what it cannot show becomes a diagnostic.
"""

from __future__ import annotations

import dataclasses

from hrdeck.curriculum.model import Citation, Module
from hrdeck.diagnostics import Diagnostic, warning
from hrdeck.kinds import KINDS
from hrdeck.plan.agenda import BREAK_ID, schedule
from hrdeck.plan.fit import fit_slides, fit_titles
from hrdeck.plan.knowledge import knowledge_checks
from hrdeck.plan.makers import Context, Draft, break_draft, make_slides
from hrdeck.plan.makers_links import full_references
from hrdeck.plan.people import presenter_line
from hrdeck.plan.sessionbuild import credit_hour_warnings, session_plan
from hrdeck.plan.timing import SessionClock, break_line, minutes_label, spread, timing_line
from hrdeck.plan.types import DeckPlan, SlidePlan
from hrdeck.richtext import Para, Run
from hrdeck.tailor import Tailored, TailoredModule
from hrdeck.textfit.measure import DEFAULT_RULES, FitRules, LineMemo

# --- whole-deck passes -----------------------------------------------------------------


def _timed(drafts: list[list[Draft]], minutes: list[float]) -> list[SlidePlan]:
    slides = []
    for segment_drafts, segment_minutes in zip(drafts, minutes, strict=True):
        shares = spread(segment_minutes, [d.weight for d in segment_drafts])
        for draft, share in zip(segment_drafts, shares, strict=True):
            slides.append(dataclasses.replace(draft.slide, minutes=share))
    return slides


def _with_timing_lines(
    slides: list[SlidePlan], tailored: Tailored, clock: SessionClock
) -> list[SlidePlan]:
    """Each slide's notes start with its minutes and clock span; the first slide of a
    shortened module says so."""
    shortened = {m.module.id: m for m in tailored.modules if m.shortened}
    total = tailored.total_minutes
    timed, start, previous = [], 0.0, None
    for slide in slides:
        share = slide.minutes or 0.0
        if slide.module_id == BREAK_ID:
            first: tuple[Para, ...] = (break_line(share, start, total, clock),)
        else:
            first = (timing_line(share, start, total, clock),)
            cut = shortened.get(slide.module_id)
            if cut is not None and slide.module_id != previous:
                first += (_shortened_line(cut),)
        timed.append(dataclasses.replace(slide, notes=(*first, *slide.notes)))
        start += share
        previous = slide.module_id
    return timed


def _shortened_line(module: TailoredModule) -> Para:
    full = minutes_label(module.full_minutes or module.minutes)
    text = f"Shortened for this session: {module.minutes:g} of its {full}; keep to the main points."
    return Para((Run(text),))


ORDINALS = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth")


def _named_breaks(slides: list[SlidePlan]) -> list[SlidePlan]:
    """'Break' when a session has one; 'First break', 'Second break' ... when it has several
    (titles stay unique without a '(2)' on the screen)."""
    breaks = [i for i, slide in enumerate(slides) if slide.module_id == BREAK_ID]
    if len(breaks) < 2 or len(breaks) > len(ORDINALS):
        return slides
    named = list(slides)
    for ordinal, index in zip(ORDINALS, breaks, strict=False):
        slide = named[index]
        title = f"{ordinal} break"
        named[index] = dataclasses.replace(slide, title=title, module_title=title)
    return named


def unique_titles(slides: list[SlidePlan]) -> list[SlidePlan]:
    """Number repeated titles: 'Discussion questions', 'Discussion questions (2)'."""
    seen: set[str] = set()
    result = []
    for slide in slides:
        title, n = slide.title, 1
        while title in seen:
            n += 1
            title = f"{slide.title} ({n})"
        seen.add(title)
        result.append(slide if title == slide.title else dataclasses.replace(slide, title=title))
    return result


def _warn_missing_notes(ctx: Context, module: Module, drafts: list[Draft]) -> None:
    for draft in drafts:
        row = KINDS.get(draft.slide.kind)
        if row is not None and not row.content:
            continue
        if not draft.authored:
            ctx.diagnostics.append(
                warning(
                    draft.slide.source,
                    "missing-notes",
                    f"slide '{draft.slide.title}' has no speaker notes",
                    "add 'notes:' with what the trainer should say or ask",
                )
            )
            if module.kind == "case":
                break


def _citation_index(tailored: Tailored) -> dict[str, Citation]:
    return {c.key: c for m in tailored.curriculum.modules for c in m.citations}


def build_plan(
    tailored: Tailored,
    diagnostics: list[Diagnostic] | None = None,
    rules: FitRules = DEFAULT_RULES,
    memo: LineMemo | None = None,
) -> DeckPlan:
    """Plan every slide of the deck; problems are appended to ``diagnostics``.

    `rules` describes the theme's text boxes and fonts
    (``hrdeck.render.probe.fit_rules(theme)``); the default is the default theme's.
    The line breaks fitting measured are kept in `memo` when given (the renderer,
    checking the sizes chosen in the same boxes, then finds them there).
    """
    memo = memo if memo is not None else LineMemo()
    ctx = Context(tailored, diagnostics if diagnostics is not None else [], {})
    ctx.citations = _citation_index(tailored)
    ctx.clock = SessionClock(tailored.session.start)
    drafts, minutes = [], []
    for segment in schedule(tailored):
        if segment.module is None:
            drafts.append([break_draft(ctx, segment)])
        else:
            module_drafts = make_slides(ctx, segment.module)
            _warn_missing_notes(ctx, segment.module.module, module_drafts)
            drafts.append(module_drafts + knowledge_checks(ctx, segment.module))
        minutes.append(segment.minutes)
    slides = fit_slides(_timed(drafts, minutes), rules, ctx.diagnostics, memo)
    slides = unique_titles(_named_breaks(_with_timing_lines(slides, tailored, ctx.clock)))
    slides = fit_titles(slides, rules, ctx.diagnostics, memo)
    session = session_plan(tailored, ctx.clock)
    ctx.diagnostics += credit_hour_warnings(tailored, session)
    course, audience = tailored.course, tailored.audience
    return DeckPlan(
        course_id=course.id,
        course_title=course.title,
        audience=audience.id,
        audience_label=audience.label,
        language=course.language,
        date=course.date,
        presenter=presenter_line(course),
        objectives=tuple(o.text for o in audience.objectives),
        slides=tuple(slides),
        fitted=True,
        session=session,
        references=full_references(tailored),
        venue=course.venue or "",
    )
