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
- duplicate titles are numbered, "Discussion questions (2)", so every title is unique.

Text goes through :mod:`hrdeck.plan.markup`; what it cannot show becomes a diagnostic.
"""

from __future__ import annotations

import dataclasses

from hrdeck.curriculum.model import Citation, Module
from hrdeck.diagnostics import Diagnostic, warning
from hrdeck.kinds import KINDS
from hrdeck.plan.fit import fit_slides, fit_titles
from hrdeck.plan.makers import Context, Draft, make_slides
from hrdeck.plan.people import presenter_line
from hrdeck.plan.timing import spread, timing_line
from hrdeck.plan.types import DeckPlan, SlidePlan
from hrdeck.tailor import Tailored
from hrdeck.textfit.measure import DEFAULT_RULES, FitRules

# --- whole-deck passes -----------------------------------------------------------------


def _timed(drafts: list[list[Draft]], minutes: list[float]) -> list[SlidePlan]:
    slides = []
    for module_drafts, module_minutes in zip(drafts, minutes, strict=True):
        shares = spread(module_minutes, [d.weight for d in module_drafts])
        for draft, share in zip(module_drafts, shares, strict=True):
            slides.append(dataclasses.replace(draft.slide, minutes=share))
    return slides


def _with_timing_lines(slides: list[SlidePlan], total: float) -> list[SlidePlan]:
    """Each slide's notes start with its minutes and clock span."""
    timed, start = [], 0.0
    for slide in slides:
        share = slide.minutes or 0.0
        notes = (timing_line(share, start, total), *slide.notes)
        timed.append(dataclasses.replace(slide, notes=notes))
        start += share
    return timed


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
) -> DeckPlan:
    """Plan every slide of the deck; problems are appended to ``diagnostics``.

    `rules` describes the theme's text boxes and fonts
    (``hrdeck.render.measure.fit_rules(theme)``); the default is the default theme's.
    """
    ctx = Context(tailored, diagnostics if diagnostics is not None else [], {})
    ctx.citations = _citation_index(tailored)
    drafts = []
    for tm in tailored.modules:
        module_drafts = make_slides(ctx, tm)
        _warn_missing_notes(ctx, tm.module, module_drafts)
        drafts.append(module_drafts)
    minutes = [tm.minutes for tm in tailored.modules]
    slides = fit_slides(_timed(drafts, minutes), rules, ctx.diagnostics)
    slides = unique_titles(_with_timing_lines(slides, tailored.total_minutes))
    slides = fit_titles(slides, rules, ctx.diagnostics)
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
    )
