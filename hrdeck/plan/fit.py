"""Fit every slide's text: choose a size per block, split what won't fit, report both.

For each slide whose text boxes :class:`~hrdeck.textfit.measure.FitRules` describes:

1. the body is set at the largest size that fits (28 pt down to 18 pt, never less;
   reference lists always at 20 pt); below 20 pt the slide is reported
   (``warning[text-shrunk]``) with the YAML location of the slide;
2. if it does not fit even at 18 pt, it is split onto continuation slides,
   "<title> (cont.)" or "<title> (cont., 2 of 3)", at the largest size that needs no
   more slides than 18 pt would, balanced so the parts are of even length, and
   reported (``warning[text-split]``).  The first
   part keeps the notes; each continuation gets a short note saying what it
   continues; the slide's minutes are shared out in half minutes.  Myth and
   comparison slides split panel by panel (the myth is repeated beside the rest of
   its fact).  Reference lists paginate by design and are not reported;
3. sibling slides (one kind from one module) are set
   at one size, the smallest any of them needed within the usual range
   (:func:`harmonise`);
4. titles get the largest title size that fits (on an agency template, smaller sizes
   and a box grown into the room below it: :mod:`hrdeck.plan.titlefit`); one too long
   even at the smallest size is reported (``warning[title-too-long]``).

``--strict`` turns these warnings into a failed build, like every other warning.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from hrdeck.diagnostics import Diagnostic, warning
from hrdeck.kinds import KINDS
from hrdeck.plan.fitvisual import fit_visual
from hrdeck.plan.timing import spread
from hrdeck.plan.titlefit import (
    COVER_TITLE_SIZES,
    ROOM_ROLE,
    TITLE_SIZES,
    fit_title,
    smaller_titles,
)
from hrdeck.plan.types import DeckPlan, SlidePlan
from hrdeck.richtext import Para, Run
from hrdeck.textfit.measure import (
    BODY_SIZES,
    MIN_BODY_PT,
    FitRules,
    LineMemo,
    TextArea,
    fit_size,
    split_paras,
)
from hrdeck.textfit.metrics import FontMetrics, metrics_for

QUIET_PT = 20  # 28 down to 20 pt is the normal range (the master's levels run 28/24/20)
REFERENCE_SIZES = (20,)


def fit_slides(
    slides: Sequence[SlidePlan],
    rules: FitRules,
    diagnostics: list[Diagnostic],
    memo: LineMemo | None = None,
) -> list[SlidePlan]:
    """Every slide with block sizes chosen, long ones split into continuations; the
    line breaks measured are kept in `memo` (a new one when not given)."""
    metrics = _body_metrics(rules, diagnostics)
    memo = memo if memo is not None else LineMemo()
    fitted: list[SlidePlan] = []
    for slide in slides:
        fitted.extend(fit_slide(slide, rules, metrics, diagnostics, memo))
    return harmonise(fitted)


# --- siblings at one size ----------------------------------------------------------------


def harmonise(slides: Sequence[SlidePlan]) -> list[SlidePlan]:
    """Sibling slides at one body size: each is set at the smallest size any of them
    needed, so the type does not jump from slide to slide.  Siblings are the slides of
    one kind from one module (the myths, a module's bullet slides, the parts of a long
    two-column slide); two-column slides of different modules each keep the largest size
    that fits them (a short list is not set small because a long one ten slides earlier
    was).  A slide shrunk below the usual range (under 20 pt) keeps its size and does not
    pull the others down."""
    groups: dict[tuple[object, ...], list[int]] = {}
    for index, key in enumerate(_sibling_keys(slides)):
        if key is not None:
            groups.setdefault(key, []).append(index)
    result = list(slides)
    for members in groups.values():
        sizes = [_body_size(slides[i]) for i in members]
        usual = [s for s in sizes if s is not None and s >= QUIET_PT]
        if len(usual) < 2:
            continue
        for index, size in zip(members, sizes, strict=True):
            if size is not None and size > min(usual):
                result[index] = _sized(slides[index], _roles(slides[index]), min(usual))
    return result


def _sibling_keys(slides: Sequence[SlidePlan]) -> list[tuple[object, ...] | None]:
    """Each slide's sibling group (None for slides without a fitted body)."""
    keys: list[tuple[object, ...] | None] = []
    for slide in slides:
        row = KINDS.get(slide.kind)
        if row is None or row.cover or row.paginated or _body_size(slide) is None:
            keys.append(None)
        else:
            keys.append(("module", slide.module_id, slide.kind))
    return keys


def _body_size(slide: SlidePlan) -> float | None:
    """The size the plan chose for the slide's fitted text, if any."""
    roles = set(_roles(slide))
    return next((b.size_pt for b in slide.blocks if b.role in roles and b.size_pt), None)


def fit_deck(
    plan: DeckPlan,
    rules: FitRules,
    diagnostics: list[Diagnostic],
    memo: LineMemo | None = None,
) -> DeckPlan:
    """A whole plan fitted (for plans not made by ``build_plan``, e.g. by hand); the
    line breaks measured are kept in `memo` when given."""
    memo = memo if memo is not None else LineMemo()
    slides = fit_slides(plan.slides, rules, diagnostics, memo)
    slides = fit_titles(slides, rules, diagnostics, memo)
    return dataclasses.replace(plan, slides=tuple(slides), fitted=True)


def _body_metrics(rules: FitRules, diagnostics: list[Diagnostic]) -> FontMetrics:
    metrics, exact = metrics_for(rules.body_font)
    if not exact:
        diagnostics.append(_stand_in(rules, rules.body_font, metrics))
    return metrics


def _stand_in(rules: FitRules, font: str, metrics: FontMetrics) -> Diagnostic:
    return Diagnostic(
        rules.font_loc,
        "info",
        "font-metrics",
        f"no metrics for font {font!r}; text is fitted with {metrics.family}'s, a little widened",
        "use a font hrdeck knows (Calibri, Arial, Times New Roman, Verdana ...) for an exact fit",
    )


def fit_slide(
    slide: SlidePlan,
    rules: FitRules,
    metrics: FontMetrics,
    diagnostics: list[Diagnostic],
    memo: LineMemo | None = None,
) -> list[SlidePlan]:
    row = KINDS.get(slide.kind)
    if row is not None and row.drawn:  # cards, icons, QR codes: laid out and fitted there
        return fit_visual(slide, rules, diagnostics, memo)
    roles = _roles(slide)
    key = "body+image" if slide.kind == "bullets" and slide.image is not None else None
    areas = [rules.area(slide.kind, key or role) for role in roles]
    if not roles or any(a is None for a in areas) or not any(_paras(slide, r) for r in roles):
        return [slide]
    sizes = REFERENCE_SIZES if KINDS[slide.kind].paginated else BODY_SIZES
    together = [(_paras(slide, r), a) for r, a in zip(roles, areas, strict=True) if a]
    size = min((fit_size(p, a, sizes, metrics, memo) or 0 for p, a in together), default=0)
    if size:
        if size < QUIET_PT and not KINDS[slide.kind].paginated:
            diagnostics.append(_shrunk(slide, size))
        return [_sized(slide, roles, size)]
    return _split(slide, roles, together, sizes, _Measure(metrics, memo), diagnostics)


def _roles(slide: SlidePlan) -> tuple[str, ...]:
    """The roles fitted together: the single text block, or the panel pair."""
    row = KINDS.get(slide.kind)
    if row is None or row.cover:
        return ()
    return row.placeholder_roles


def _paras(slide: SlidePlan, role: str) -> tuple[Para, ...]:
    return tuple(p for b in slide.blocks_with(role) for p in b.paras)


def _sized(slide: SlidePlan, roles: Sequence[str], size: float) -> SlidePlan:
    blocks = tuple(
        dataclasses.replace(b, size_pt=size) if b.role in roles else b for b in slide.blocks
    )
    return dataclasses.replace(slide, blocks=blocks)


def _split(
    slide: SlidePlan,
    roles: Sequence[str],
    together: list[tuple[tuple[Para, ...], TextArea]],
    sizes: Sequence[float],
    measure: _Measure,
    diagnostics: list[Diagnostic],
) -> list[SlidePlan]:
    def parts(size: float, most: int | None = None) -> int:
        return max(len(measure.split(p, a, size, most)) for p, a in together)

    count = parts(sizes[-1])
    size = next(s for s in sizes if parts(s, count) <= count)  # stops past `count` slides
    count = parts(size, count)
    chunks = [
        balanced(p, a, size, measure, _own_count(p, a, size, measure) if repeat else count)
        for (p, a), repeat in zip(together, (_repeated(slide, r) for r in roles), strict=True)
    ]
    count = max(len(c) for c in chunks)
    if not KINDS[slide.kind].paginated:
        diagnostics.append(_split_warning(slide, count))
    return [
        _part(
            slide,
            roles,
            [_chunk(c, i, _repeated(slide, role)) for c, role in zip(chunks, roles, strict=True)],
            size,
            (i, count),
        )
        for i in range(count)
    ]


@dataclasses.dataclass(frozen=True)
class _Measure:
    """The body font's metrics and the plan's line memo, for splitting."""

    metrics: FontMetrics
    memo: LineMemo | None

    def split(
        self, paras: Sequence[Para], area: TextArea, size: float, most: int | None = None
    ) -> list[tuple[Para, ...]]:
        return split_paras(paras, area, size, self.metrics, self.memo, most)


def balanced(
    paras: Sequence[Para], area: TextArea, size: float, measure: _Measure, count: int
) -> list[tuple[Para, ...]]:
    """`paras` split into at most `count` chunks of even height: the box is made
    shorter while the split still needs no more chunks (no lone item on the last)."""
    best = measure.split(paras, area, size)
    for step in range(1, 10):
        shorter = dataclasses.replace(area, height_pt=area.height_pt * (1 - step * 0.05))
        chunks = measure.split(paras, shorter, size, count)
        if len(chunks) > count:
            break
        best = chunks
    return best


def _own_count(paras: Sequence[Para], area: TextArea, size: float, measure: _Measure) -> int:
    """The parts a panel needs of itself (a repeated panel is never split further to
    even it out: the myth stays whole beside each part of a long fact)."""
    return len(measure.split(paras, area, size))


def _repeated(slide: SlidePlan, role: str) -> bool:
    """Whether `role` is the panel shown again beside every part of the other."""
    row = KINDS[slide.kind]
    return row.repeat_panel and role == row.panels[0]


def _chunk(chunks: list[tuple[Para, ...]], index: int, repeated: bool) -> tuple[Para, ...]:
    if index < len(chunks):
        return chunks[index]
    return chunks[-1] if repeated else ()


def _part(
    slide: SlidePlan,
    roles: Sequence[str],
    parts: list[tuple[Para, ...]],
    size: float,
    position: tuple[int, int],
) -> SlidePlan:
    index, count = position
    by_role = dict(zip(roles, parts, strict=True))
    blocks, done = [], set()
    for block in slide.blocks:
        if block.role not in by_role:
            blocks.append(block)
        elif block.role not in done:
            done.add(block.role)
            blocks.append(dataclasses.replace(block, paras=by_role[block.role], size_pt=size))
    minutes = None if slide.minutes is None else _shares(slide, count)[index]
    if index == 0:
        return dataclasses.replace(slide, blocks=tuple(blocks), minutes=minutes)
    return dataclasses.replace(
        slide,
        title=continued_title(slide.title, index, count),
        blocks=tuple(blocks),
        minutes=minutes,
        notes=(_continued_note(slide.title, index, count),),
    )


def _shares(slide: SlidePlan, count: int) -> list[float]:
    """The slide's minutes in half minutes over `count` parts, the larger shares first
    (a paginated reference list keeps its time on its first slide)."""
    weights = [1.0] + [0.0 if KINDS[slide.kind].paginated else 1.0] * (count - 1)
    return sorted(spread(slide.minutes or 0.0, weights), reverse=True)


def continued_title(title: str, index: int, count: int) -> str:
    """'References (cont.)' for the second of two; 'References (cont., 3 of 4)'."""
    return f"{title} (cont.)" if count == 2 else f"{title} (cont., {index + 1} of {count})"


def _continued_note(title: str, index: int, count: int) -> Para:
    text = (
        f"Continued from the previous slide: “{title}”, part {index + 1} of {count}. "
        "The notes on the first part cover this slide too."
    )
    return Para((Run(text),))


def _shrunk(slide: SlidePlan, size: float) -> Diagnostic:
    return warning(
        slide.source,
        "text-shrunk",
        f"the text of slide '{slide.title}' is set at {size:g} pt to fit "
        f"(usually {BODY_SIZES[0]}–{QUIET_PT} pt)",
        "shorten the text, or move some of it to a slide of its own",
    )


def _split_warning(slide: SlidePlan, count: int) -> Diagnostic:
    more = (
        f"it continues on {count - 1} more slide{'s' if count > 2 else ''}"
        if count > 1
        else "it cannot be split between words, so it runs past the bottom of its box"
    )
    return warning(
        slide.source,
        "text-split",
        f"the text of slide '{slide.title}' does not fit even at {MIN_BODY_PT} pt; {more}",
        "shorten the text, or split it into slides of its own in the YAML",
    )


# --- titles ------------------------------------------------------------------------------


def fit_titles(
    slides: Sequence[SlidePlan],
    rules: FitRules,
    diagnostics: list[Diagnostic],
    memo: LineMemo | None = None,
) -> list[SlidePlan]:
    """Every slide with its title size chosen (the largest that fits its title box)."""
    metrics, _ = metrics_for(rules.heading_font)
    return [_fit_title(s, rules, metrics, diagnostics, memo) for s in slides]


def _fit_title(
    slide: SlidePlan,
    rules: FitRules,
    metrics: FontMetrics,
    diagnostics: list[Diagnostic],
    memo: LineMemo | None,
) -> SlidePlan:
    area = rules.area(slide.kind, "title")
    if area is None:
        return slide
    room = rules.area(slide.kind, ROOM_ROLE)  # on an agency template: the room to grow into
    sizes = COVER_TITLE_SIZES if _is_cover(slide.kind) else TITLE_SIZES
    title = Para((Run(slide.title, bold=True),))  # titles are bold in hrdeck's master
    found = fit_title(title, area, room, sizes, metrics, memo)
    if found is not None:
        return dataclasses.replace(slide, title_pt=found.size)
    size = smaller_titles(sizes)[-1]
    diagnostics.append(
        warning(
            slide.source,
            "title-too-long",
            f"the title '{slide.title}' does not fit its box even at {size} pt",
            "shorten the title to two lines at most",
        )
    )
    return dataclasses.replace(slide, title_pt=size)


def _is_cover(kind: str) -> bool:
    row = KINDS.get(kind)
    return row is not None and row.cover
