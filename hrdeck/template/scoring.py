"""Score every layout of a template for every slide kind, and propose a mapping.

A layout is scored out of 100: how well its placeholders fit what the kind needs
(types, counts, sizes and positions: 40), how legible text is where the kind puts it
(the colours behind each text box, see :mod:`.backdrop`: 40), and its name (in several
languages) or layout type (20).  Zero means it cannot hold the kind.  The proposal
puts every kind that is not a cover on one "content master" (the master of the best
layout for bullets) unless another master is clearly better, so a template's title
master, with its big band, is used only where it wins.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from hrdeck.kinds import KINDS, SLIDE_KINDS, SlideKind
from hrdeck.template.backdrop import backdrop
from hrdeck.template.model import Box, Layout, Placeholder, Template
from hrdeck.template.names import name_match


@dataclass(frozen=True)
class KindNeeds:
    """What a slide kind needs from a layout (data for now; the kinds registry later)."""

    shape: str  # cover, content, pair, section, free
    names: tuple[str, ...]  # name families from names.NAME_FAMILIES, best first
    layout_types: tuple[str, ...]  # OOXML layout types that fit


COVER = KindNeeds("cover", ("cover",), ("title",))
CONTENT = KindNeeds("content", ("content",), ("obj", "tx"))
FREE = KindNeeds("free", ("title only",), ("titleOnly",))
SECTION = KindNeeds("section", ("section",), ("secHead",))
TWO = KindNeeds("pair", ("two", "comparison"), ("twoObj", "twoTxTwoObj"))
HEADED = KindNeeds("pair", ("comparison", "two"), ("twoTxTwoObj", "twoObj"))
# What each stock Office layout name in the kinds registry asks of a template's layout.
NEEDS_BY_OFFICE_LAYOUT: Mapping[str, KindNeeds] = {
    "Title Slide": COVER,
    "Title and Content": CONTENT,
    "Section Header": SECTION,
    "Two Content": TWO,
    "Comparison": HEADED,
    "Title Only": FREE,
}


def kind_needs(row: SlideKind) -> KindNeeds:
    """What slide kind `row` needs, from its registry row: a kind added to
    :data:`hrdeck.kinds.KINDS` is scored with no change here."""
    return NEEDS_BY_OFFICE_LAYOUT.get(row.layout, CONTENT)


KIND_NEEDS: Mapping[str, KindNeeds] = {name: kind_needs(KINDS[name]) for name in SLIDE_KINDS}
COVER_SHAPES = ("cover", "section")
TITLE_RATIO = 3.0  # WCAG large text
BODY_RATIO = 4.5
MASTER_MARGIN = 10  # points another master must win by to leave the content master
OVERLAP_PENALTY = 40  # points per pair of the kind's text boxes drawn over each other
OFF_SLIDE_PENALTY = 15  # points per text box of the kind that reaches off the slide
MAIN_SHARE = 0.08  # of the slide: a text placeholder this large holds content, not a head


@dataclass(frozen=True)
class LayoutScore:
    kind: str
    master: int
    layout_index: int
    layout: str
    score: int  # 0..100; 0 = the layout cannot hold this kind
    reasons: tuple[str, ...]

    @property
    def usable(self) -> bool:
        return self.score > 0


@dataclass(frozen=True)
class LayoutChoice:
    master: int
    layout: str


@dataclass(frozen=True)
class Proposal:
    """A layout per kind, every layout's score per kind (best first), and what is missing."""

    mapping: Mapping[str, LayoutChoice]
    scores: Mapping[str, tuple[LayoutScore, ...]]
    content_master: int | None
    missing: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class _Fit:
    points: float  # 0..40
    reasons: tuple[str, ...]
    text_boxes: tuple[tuple[Box, str, float], ...]  # box, text colour, contrast needed


# -- proposing --------------------------------------------------------------------------


def propose(template: Template, kinds: Mapping[str, KindNeeds] = KIND_NEEDS) -> Proposal:
    """Scores for every kind and layout, and the mapping that builds best."""
    scores = {kind: score_kind(template, needs, kind) for kind, needs in kinds.items()}
    bullets = scores.get("bullets", ())
    content_master = bullets[0].master if bullets and bullets[0].usable else None
    mapping: dict[str, LayoutChoice] = {}
    missing = []
    for kind, ranked in scores.items():
        best = _choose(ranked, content_master, kinds[kind].shape in COVER_SHAPES)
        if best is None:
            missing.append(kind)
        else:
            mapping[kind] = LayoutChoice(best.master, best.layout)
    return Proposal(mapping, scores, content_master, tuple(missing))


def _choose(
    ranked: tuple[LayoutScore, ...], content_master: int | None, cover: bool
) -> LayoutScore | None:
    if not ranked or not ranked[0].usable:
        return None
    best = ranked[0]
    if cover or content_master is None:
        return best
    on_master = next((s for s in ranked if s.master == content_master and s.usable), None)
    if on_master is not None and on_master.score >= best.score - MASTER_MARGIN:
        return on_master
    return best


def score_kind(template: Template, needs: KindNeeds, kind: str) -> tuple[LayoutScore, ...]:
    """Every layout scored for one kind, best first (ties: earlier master and layout)."""
    found = [score_layout(template, layout, needs, kind) for layout in template.layouts()]
    return tuple(sorted(found, key=lambda s: (-s.score, s.master, s.layout_index)))


def score_layout(template: Template, layout: Layout, needs: KindNeeds, kind: str) -> LayoutScore:
    fit = _fit(template, layout, needs.shape)
    if isinstance(fit, str):
        return LayoutScore(kind, layout.master, layout.index, layout.name, 0, (fit,))
    legibility, legible_reason = _legibility(template, layout, fit)
    names, name_reason = _name_points(layout, needs)
    crossing, outside = _crossing(fit), _outside(template, fit)
    penalty = OVERLAP_PENALTY * crossing + OFF_SLIDE_PENALTY * outside
    total = max(1, round(fit.points + legibility + names - penalty))
    reasons = (*fit.reasons, legible_reason, *((name_reason,) if name_reason else ()))
    reasons += (f"{crossing} pair(s) of its text boxes overlap",) if crossing else ()
    reasons += (f"{outside} of its text boxes reach off the slide",) if outside else ()
    return LayoutScore(kind, layout.master, layout.index, layout.name, min(total, 100), reasons)


def _crossing(fit: _Fit) -> int:
    """Pairs of the kind's text boxes that overlap (more than a shared edge)."""
    boxes = [box for box, _color, _ratio in fit.text_boxes]
    return sum(
        1
        for i, first in enumerate(boxes)
        for second in boxes[i + 1 :]
        if first.overlap(second) > 0.05 * (min(first.area, second.area) or 1)
    )


def _outside(template: Template, fit: _Fit) -> int:
    """The kind's text boxes that reach beyond the slide by more than 1% of its size."""
    slack_x, slack_y = template.width // 100, template.height // 100
    return sum(
        1
        for box, _color, _ratio in fit.text_boxes
        if box.x < -slack_x
        or box.y < -slack_y
        or box.right > template.width + slack_x
        or box.bottom > template.height + slack_y
    )


# -- fit: placeholder types, counts, sizes, positions ------------------------------------


def _placed(layout: Layout) -> tuple[Placeholder | None, list[Placeholder]]:
    """The title and the text placeholders that have a position, largest text first."""
    horizontal = [p for p in layout.placeholders if p.box is not None and not p.vertical]
    title = next((p for p in horizontal if p.is_title), None)
    texts = [p for p in horizontal if p.is_text]
    texts.sort(key=lambda p: (p.type == "subTitle", -_area(p)))
    return title, texts


def _area(placeholder: Placeholder) -> int:
    return placeholder.box.area if placeholder.box is not None else 0


def _fit(template: Template, layout: Layout, shape: str) -> _Fit | str:
    """Points for structure, or the reason the layout cannot hold the kind."""
    title, texts = _placed(layout)
    if title is None or title.box is None:
        return "no title placeholder"
    slide = template.slide_box.area or 1
    if shape == "content":
        return _content_fit(title, texts, slide)
    if shape == "pair":
        return _pair_fit(title, texts, slide)
    if shape == "cover":
        return _cover_fit(title, texts)
    if shape == "section":
        return _section_fit(title, texts)
    return _free_fit(template, layout, title, texts)


def _text(placeholder: Placeholder, ratio: float) -> tuple[Box, str, float]:
    assert placeholder.box is not None
    return placeholder.box, placeholder.text_color or "000000", ratio


def _content_fit(title: Placeholder, texts: list[Placeholder], slide: int) -> _Fit | str:
    if not texts:
        return "no body or content placeholder"
    body = texts[0]
    share = _area(body) / slide
    if share < 0.15:
        return f"its largest text area covers only {share:.0%} of the slide"
    points = 40 * min(share / 0.45, 1) - 10 * (len(texts) - 1)
    points -= 10 if body.type == "subTitle" else 0
    reasons: tuple[str, ...] = (f"body {body.name!r} covers {share:.0%} of the slide",)
    if len(texts) > 1:
        reasons += (f"{len(texts) - 1} more text placeholder(s) would stay empty",)
    boxes = (_text(title, TITLE_RATIO), _text(body, BODY_RATIO))
    return _Fit(max(points, 1), reasons, boxes)


def side_by_side(first: Box, second: Box) -> bool:
    """Two boxes next to each other: sharing most of their height, not their width."""
    shared = min(first.bottom, second.bottom) - max(first.y, second.y)
    apart = first.right <= second.x + first.cx * 0.05 or second.right <= first.x + second.cx * 0.05
    return apart and shared >= 0.5 * min(first.cy, second.cy)


def _pair_fit(title: Placeholder, texts: list[Placeholder], slide: int) -> _Fit | str:
    pairs = [
        (min(_area(a), _area(b)), a, b)
        for i, a in enumerate(texts)
        for b in texts[i + 1 :]
        if a.box is not None and b.box is not None and side_by_side(a.box, b.box)
    ]
    if not pairs:
        return "no two text placeholders side by side"
    smaller, left, right = max(pairs, key=lambda p: p[0])
    share = smaller / slide
    others = [t for t in texts if t not in (left, right) and _area(t) >= MAIN_SHARE * slide]
    points = 40 * min(share / 0.2, 1) - 10 * len(others)
    reason = f"two columns {left.name!r} and {right.name!r}, each at least {share:.0%}"
    boxes = (_text(title, TITLE_RATIO), _text(left, BODY_RATIO), _text(right, BODY_RATIO))
    return _Fit(max(points, 1), (reason,), boxes)


def _cover_fit(title: Placeholder, texts: list[Placeholder]) -> _Fit | str:
    if not texts:
        return "no subtitle placeholder"
    points = 20 + (10 if title.type == "ctrTitle" else 0)
    points += 10 if any(t.type == "subTitle" for t in texts) else 0
    points -= 10 * (len(texts) - 1)
    reason = f"title and {texts[0].type} {texts[0].name!r}"
    boxes = (_text(title, TITLE_RATIO), _text(texts[0], BODY_RATIO))
    return _Fit(max(points, 1), (reason,), boxes)


def _section_fit(title: Placeholder, texts: list[Placeholder]) -> _Fit:
    points = 25 + (10 if len(texts) <= 1 else 0) - 10 * max(len(texts) - 1, 0)
    points += 5 if texts and texts[0].type in ("body", "subTitle") else 0
    boxes = (_text(title, TITLE_RATIO), *(_text(t, BODY_RATIO) for t in texts[:1]))
    reason = f"title and {len(texts)} text placeholder(s)"
    return _Fit(max(points, 1), (reason,), boxes)


def _free_fit(
    template: Template, layout: Layout, title: Placeholder, texts: list[Placeholder]
) -> _Fit | str:
    assert title.box is not None
    bottom = _band_top(template, layout)
    below = Box(0, title.box.bottom, template.width, max(bottom - title.box.bottom, 0))
    taken = sum(p.box.overlap(below) for p in texts if p.box is not None)
    share = max(below.area - taken, 0) / (template.slide_box.area or 1)
    if share < 0.3:
        return f"only {share:.0%} of the slide is free below the title"
    reasons: tuple[str, ...] = (f"{share:.0%} of the slide free below the title",)
    if texts:
        reasons += (f"{len(texts)} text placeholder(s) in the way",)
    boxes = (_text(title, TITLE_RATIO), (below, title.text_color or "000000", BODY_RATIO))
    return _Fit(max(40 * min(share / 0.55, 1) - 10 * len(texts), 1), reasons, boxes)


def _band_top(template: Template, layout: Layout) -> int:
    """The top of the date, footer and slide-number placeholders in the slide's lower half
    (drawn content stays above them), else the slide's bottom."""
    tops = [
        p.box.y
        for p in layout.placeholders
        if p.is_chrome and p.box is not None and p.box.y > template.height // 2
    ]
    return min([template.height, *tops])


# -- legibility and names ----------------------------------------------------------------


def _legibility(template: Template, layout: Layout, fit: _Fit) -> tuple[float, str]:
    """Up to 40 points: text boxes on even colours that give their text enough contrast."""
    qualities = []
    for box, color, ratio in fit.text_boxes:
        behind = backdrop(layout, box, template.slide_box)
        qualities.append(behind.even * behind.legible(color, ratio))
    quality = sum(qualities) / len(qualities)
    worst = min(qualities)
    return 40 * (quality + worst) / 2, f"worst text box {worst:.0%} on one legible colour"


def _name_points(layout: Layout, needs: KindNeeds) -> tuple[float, str | None]:
    for rank, family in enumerate(needs.names):
        match = name_match(layout.name, family)
        if match == "exact":
            return 20 - 6 * rank, f"named like a {family!r} layout"
        if match == "partial":
            return 8 - 2 * rank, f"name mentions {family!r}"
    if layout.type in needs.layout_types:
        rank = needs.layout_types.index(layout.type)
        return 8 - 3 * rank, f"layout type {layout.type!r}"
    return 0, None
