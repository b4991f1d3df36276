"""Fit the text of the drawn slide kinds into the boxes :mod:`hrdeck.plan.visualgrid` gives.

:func:`hrdeck.plan.fit.fit_slide` hands every drawn slide (stat, chart, icons, quote,
persona, resources, sources) to :func:`fit_visual`.  The theme's probe measured the
area under the title (``<kind>/content``); the same layout function the renderer
draws with cuts it into boxes, and each text role gets the largest of its sizes at
which every block of that role fits its box (siblings share one size).  Nothing is
set under 18 pt; text that does not fit even then is reported (``text-overflow``,
at the slide's YAML) so an editor shortens it.  Two kinds change shape to fit:

- **resources** go onto as few slides as keep every card readable, in balanced parts
  ("Harm reduction resources (cont.)"), like the reference list used to;
- **sources** keep the short list that fits (alphabetical when all of it does, else
  the most-cited works first) and end with "… and 22 more": the full list is in the
  handout and guide, or behind the slide's QR code.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Sequence
from typing import TypeVar

from hrdeck.diagnostics import Diagnostic, warning
from hrdeck.plan import visualgrid as grid
from hrdeck.plan.links import linked_runs, shorter_addresses
from hrdeck.plan.timing import spread
from hrdeck.plan.types import Block, SlidePlan
from hrdeck.plan.visualgrid import Rect
from hrdeck.richtext import Para, Run
from hrdeck.textfit.measure import FitRules, LineMemo, TextArea, fit_size, para_breaks
from hrdeck.textfit.metrics import FontMetrics, metrics_for

MIN_PT = 18
VALUE_SIZES = (96, 88, 80, 72, 64, 56, 48, 40)
WIDE_VALUE_SIZES = (144, 128, 112, *VALUE_SIZES)
LABEL_SIZES = (28, 26, 24, 22, 20, 18)
TEXT_SIZES = (24, 22, 20, 18)
ICON_LABEL_SIZES = (28, 26, 24, 22, 20, 18)
QUOTE_SIZES = (40, 36, 32, 28, 24)
NAME_SIZES = (44, 40, 36, 32, 28)
CARD_SIZES = (22, 20, 18)
LIST_SIZES = (24, 22, 20)
SOURCE_SIZES = (18,)
PARA_SPACE = 0.2  # space before a paragraph of a spaced list, as a share of its line
HEADING_SLACK = 1.1  # numbers, names and quotes in the heading font: room for tall lines


@dataclasses.dataclass(frozen=True)
class Fonts:
    body: FontMetrics
    heading: FontMetrics
    memo: LineMemo | None


T = TypeVar("T")


def area_box(rules: FitRules, kind: str) -> Rect | None:
    """The area under the title of `kind` slides, from the theme's probe, at (0, 0)."""
    area = rules.area(kind, "content")
    return None if area is None else Rect(0.0, 0.0, area.width_pt, area.height_pt)


def words_fit(paras: Sequence[Para], area: TextArea, size: float, metrics: FontMetrics) -> bool:
    """Whether every word fits on a line of `area` at `size` (a word too long for its
    line would be broken between letters: an address, a long name)."""
    for para in paras:
        room = min(area.line_widths(para.level))
        for run in para.runs:
            words = [run.text] if run.link else run.text.split()  # a link is one piece
            if any(metrics.width(w, size, run.bold) > room for w in words):
                return False
    return True


def fit_words(
    paras: Sequence[Para],
    area: TextArea,
    sizes: Sequence[float],
    metrics: FontMetrics,
    memo: LineMemo | None = None,
) -> float | None:
    """The largest of `sizes` at which `paras` fit `area` without breaking a word."""
    return next(
        (
            s
            for s in sizes
            if words_fit(paras, area, s, metrics) and fit_size(paras, area, (s,), metrics, memo)
        ),
        None,
    )


def text_area(box: Rect, space_before: float = 0.0, heading: bool = False) -> TextArea:
    """A drawn text box: python-pptx's default insets, no list markers, and no space
    before paragraphs unless the renderer sets it (a share of a line).  Large heading
    text is measured with some slack: LibreOffice sets big bold lines about 7% taller
    than the font's line height (``HEADING_SLACK``)."""
    spacing = HEADING_SLACK if heading else 1.0
    return TextArea(
        box.width, box.height, markers="none", space_before=space_before, line_spacing=spacing
    )


def fit_visual(
    slide: SlidePlan, rules: FitRules, diagnostics: list[Diagnostic], memo: LineMemo | None
) -> list[SlidePlan]:
    """`slide` with its sizes chosen (resources perhaps on several slides)."""
    area = area_box(rules, slide.kind)
    fitter = FITTERS.get(slide.kind)
    if area is None or fitter is None:
        return [slide]
    fonts = Fonts(metrics_for(rules.body_font)[0], metrics_for(rules.heading_font)[0], memo)
    return fitter(slide, area, fonts, diagnostics)


# --- choosing sizes ------------------------------------------------------------------------


class _Sizer:
    """Chooses one size per role for a slide and collects what does not fit."""

    def __init__(self, slide: SlidePlan, fonts: Fonts) -> None:
        self.slide, self.fonts = slide, fonts
        self.sizes: dict[str, float] = {}
        self.too_long: list[str] = []

    def role(
        self,
        role: str,
        boxes: Sequence[Rect],
        sizes: Sequence[float],
        heading: bool = False,
        one_line: bool = False,
        spaced: bool = False,
    ) -> None:
        """The largest of `sizes` at which each block of `role` fits its box (in order);
        `spaced`: paragraphs are set apart by a fifth of a line (PARA_SPACE)."""
        blocks = self.slide.blocks_with(role)
        if not blocks:
            return
        metrics = self.fonts.heading if heading else self.fonts.body
        space = PARA_SPACE if spaced else 0.0
        chosen = min(
            (self._size(b.paras, text_area(box, space, heading), sizes, metrics, one_line) or 0)
            for b, box in zip(blocks, boxes, strict=False)
        )
        if not chosen:
            self.too_long.append(role)
        self.sizes[role] = chosen or sizes[-1]

    def _size(
        self,
        paras: Sequence[Para],
        area: TextArea,
        sizes: Sequence[float],
        metrics: FontMetrics,
        one_line: bool,
    ) -> float | None:
        if not paras:
            return sizes[0]
        memo = self.fonts.memo
        if not one_line:
            return fit_words(paras, area, sizes, metrics, memo)
        return next(
            (
                s
                for s in sizes
                if fit_size(paras, area, (s,), metrics, memo)
                and all(len(para_breaks(p, area, s, metrics, memo)) == 1 for p in paras)
            ),
            None,
        )

    def done(self, diagnostics: list[Diagnostic]) -> SlidePlan:
        for role in self.too_long:
            diagnostics.append(_overflow(self.slide, role))
        return sized(self.slide, self.sizes)


def sized(slide: SlidePlan, sizes: dict[str, float]) -> SlidePlan:
    blocks = tuple(
        dataclasses.replace(b, size_pt=sizes[b.role]) if b.role in sizes else b
        for b in slide.blocks
    )
    return dataclasses.replace(slide, blocks=blocks)


def _overflow(slide: SlidePlan, role: str) -> Diagnostic:
    return warning(
        slide.source,
        "text-overflow",
        f"the {role} text of slide '{slide.title}' does not fit its box even at {MIN_PT} pt",
        "shorten it: drawn slides keep their layout, so long text runs out of its box",
    )


# --- one function per kind -----------------------------------------------------------------

Fitter = Callable[[SlidePlan, Rect, Fonts, list[Diagnostic]], list[SlidePlan]]


def _fit_stat(
    slide: SlidePlan, area: Rect, fonts: Fonts, found: list[Diagnostic]
) -> list[SlidePlan]:
    """Every number on one slide when the cards fit; else one number per slide (a narrow
    agency template has no room for two cards side by side), the caption on each."""
    numbers = list(
        zip(
            slide.blocks_with("value"),
            slide.blocks_with("label"),
            slide.blocks_with("source"),
            strict=False,
        )
    )
    others = tuple(b for b in slide.blocks if b.role not in ("value", "label", "source"))
    fitted: list[tuple[SlidePlan, list[Diagnostic]]] = []
    for per_slide in dict.fromkeys((max(1, len(numbers)), 1)):  # all together, else one each
        parts = balanced_parts(numbers, per_slide)
        fitted = [_stat_part(slide, part, others, area, fonts) for part in parts]
        if not any(problems for _, problems in fitted):
            break
    found += fitted[0][1]
    return _continued(slide, [part for part, _ in fitted])


def _stat_part(
    slide: SlidePlan,
    numbers: Sequence[tuple[Block, ...]],
    others: tuple[Block, ...],
    area: Rect,
    fonts: Fonts,
) -> tuple[SlidePlan, list[Diagnostic]]:
    part = dataclasses.replace(slide, blocks=(*(b for n in numbers for b in n), *others))
    count = len(numbers)
    cards, caption = grid.stat_cards(area, max(1, count), bool(part.blocks_with("caption")))
    sizer = _Sizer(part, fonts)
    values = WIDE_VALUE_SIZES if count == 1 else VALUE_SIZES
    sizer.role("value", [c.value for c in cards], values, heading=True, one_line=True)
    sizer.role("label", [c.label for c in cards], LABEL_SIZES)
    sizer.role("source", [c.source for c in cards], SOURCE_SIZES)
    sizer.role("caption", [caption] if caption else [], TEXT_SIZES)
    problems: list[Diagnostic] = []
    return sizer.done(problems), problems


def _fit_chart(
    slide: SlidePlan, area: Rect, fonts: Fonts, found: list[Diagnostic]
) -> list[SlidePlan]:
    boxes = grid.chart_boxes(area, bool(slide.blocks_with("caption")))
    sizer = _Sizer(slide, fonts)
    sizer.role("source", [boxes.source], SOURCE_SIZES)
    sizer.role("caption", [boxes.caption] if boxes.caption else [], TEXT_SIZES)
    return [sizer.done(found)]


def _fit_icons(
    slide: SlidePlan, area: Rect, fonts: Fonts, found: list[Diagnostic]
) -> list[SlidePlan]:
    """All items on one slide when they fit at 18 pt or more; else on as few slides as
    keep them readable (a narrow agency template can hold fewer per row)."""
    items = list(zip(slide.blocks_with("label"), slide.blocks_with("text"), strict=False))
    others = tuple(b for b in slide.blocks if b.role not in ("label", "text"))
    fitted: list[tuple[SlidePlan, list[Diagnostic]]] = []
    for per_slide in range(max(1, len(items)), 0, -1):
        parts = balanced_parts(items, per_slide)
        fitted = [_icon_part(slide, part, others, area, fonts) for part in parts]
        if not any(problems for _, problems in fitted) or per_slide <= 2:
            break
    found += fitted[0][1]  # what does not fit even so: said once
    return _continued(slide, [part for part, _ in fitted])


def _icon_part(
    slide: SlidePlan,
    items: Sequence[tuple[Block, Block]],
    others: tuple[Block, ...],
    area: Rect,
    fonts: Fonts,
) -> tuple[SlidePlan, list[Diagnostic]]:
    part = dataclasses.replace(slide, blocks=(*others, *(b for item in items for b in item)))
    cells = grid.icon_cells(area, max(1, len(items)))
    sizer = _Sizer(part, fonts)
    sizer.role("label", [c.label for c in cells], ICON_LABEL_SIZES, heading=True)
    sizer.role("text", [c.text for c in cells], TEXT_SIZES)
    problems: list[Diagnostic] = []
    return sizer.done(problems), problems


def _fit_quote(
    slide: SlidePlan, area: Rect, fonts: Fonts, found: list[Diagnostic]
) -> list[SlidePlan]:
    boxes = grid.quote_boxes(area)
    sizer = _Sizer(slide, fonts)
    sizer.role("quote", [boxes.text], QUOTE_SIZES, heading=True)
    sizer.role("attribution", [boxes.attribution], TEXT_SIZES)
    return [sizer.done(found)]


def _fit_persona(
    slide: SlidePlan, area: Rect, fonts: Fonts, found: list[Diagnostic]
) -> list[SlidePlan]:
    """The card with all its facts when they fit; else the facts over as few cards as
    keep them at 18 pt or more, the name and role on each."""
    details = slide.block("details")
    facts = details.paras if details is not None else ()
    fitted: list[tuple[SlidePlan, list[Diagnostic]]] = []
    for per_slide in range(max(1, len(facts)), 0, -1):
        parts = balanced_parts(facts, per_slide)
        fitted = [_persona_part(slide, part, area, fonts) for part in parts]
        if not any(problems for _, problems in fitted) or per_slide <= 2:
            break
    found += fitted[0][1]
    return _continued(slide, [part for part, _ in fitted])


def _persona_part(
    slide: SlidePlan, facts: Sequence[Para], area: Rect, fonts: Fonts
) -> tuple[SlidePlan, list[Diagnostic]]:
    blocks = tuple(
        dataclasses.replace(b, paras=tuple(facts)) if b.role == "details" else b
        for b in slide.blocks
    )
    part = dataclasses.replace(slide, blocks=blocks)
    boxes = grid.persona_boxes(area)
    sizer = _Sizer(part, fonts)
    sizer.role("name", [boxes.name], NAME_SIZES, heading=True)
    sizer.role("role", [boxes.role], TEXT_SIZES)
    sizer.role("details", [boxes.details], TEXT_SIZES, spaced=True)
    problems: list[Diagnostic] = []
    return sizer.done(problems), problems


# --- resources: as many slides as keep the cards readable ---------------------------------


def _fit_resources(
    slide: SlidePlan, area: Rect, fonts: Fonts, found: list[Diagnostic]
) -> list[SlidePlan]:
    cards = slide.blocks_with("resource")
    if not cards:
        return [slide]
    fitted: list[tuple[SlidePlan, float | None]] = []
    for per_slide in range(len(cards), 0, -1):
        parts = balanced_parts(cards, per_slide)
        fitted = [_resource_part(slide, part, area, fonts) for part in parts]
        if all(size is not None for _, size in fitted) or per_slide == 1:
            break
    size = min((s for _, s in fitted if s is not None), default=CARD_SIZES[-1])
    if any(s is None for _, s in fitted):
        found.append(_overflow(slide, "resource"))
    return _continued(slide, [sized(part, {"resource": size}) for part, _ in fitted])


def balanced_parts(blocks: Sequence[T], most: int) -> list[tuple[T, ...]]:
    """`blocks` in as few parts of at most `most` as possible, of even length."""
    count = max(1, math.ceil(len(blocks) / most))
    base, extra = divmod(len(blocks), count)
    parts, start = [], 0
    for index in range(count):
        end = start + base + (1 if index < extra else 0)
        parts.append(tuple(blocks[start:end]))
        start = end
    return parts


def _resource_part(
    slide: SlidePlan, part: tuple[Block, ...], area: Rect, fonts: Fonts
) -> tuple[SlidePlan, float | None]:
    cards = grid.resource_cards(area, len(part))
    fitted = [
        _fit_block(b, text_area(c.text), CARD_SIZES, fonts)
        for b, c in zip(part, cards, strict=True)
    ]
    sizes = [size for _, size in fitted]
    size = None if any(s is None for s in sizes) else min(s for s in sizes if s is not None)
    others = tuple(b for b in slide.blocks if b.role != "resource")
    return dataclasses.replace(slide, blocks=tuple(b for b, _ in fitted) + others), size


def _fit_block(
    block: Block, area: TextArea, sizes: Sequence[float], fonts: Fonts
) -> tuple[Block, float | None]:
    """The largest size at which `block` fits `area`; an address too long for its line
    even at the smallest size is shortened (the QR code keeps the whole link)."""
    size = fit_words(block.paras, area, sizes, fonts.body, fonts.memo)
    if size is not None or not linked_runs(block.paras):
        return block, size
    shorter = shorter_addresses(block, area, sizes[-1], fonts.body)
    return shorter, fit_words(shorter.paras, area, sizes, fonts.body, fonts.memo)


def _continued(slide: SlidePlan, parts: list[SlidePlan]) -> list[SlidePlan]:
    """The parts of a slide as slides: '(cont.)' titles, a note, the minutes shared."""
    if len(parts) == 1:
        return parts
    count = len(parts)
    shares = sorted(spread(slide.minutes or 0.0, [1.0] * count), reverse=True)
    found = []
    for index, part in enumerate(parts):
        minutes = None if slide.minutes is None else shares[index]
        if index == 0:
            found.append(dataclasses.replace(part, minutes=minutes))
            continue
        title = f"{slide.title} (cont.)"
        if count > 2:
            title = f"{slide.title} (cont., {index + 1} of {count})"
        note = Para((Run(f"Continued from “{slide.title}”; its notes cover this slide too."),))
        found.append(dataclasses.replace(part, title=title, notes=(note,), minutes=minutes))
    return found


# --- sources: the short list that fits -----------------------------------------------------


def _fit_sources(
    slide: SlidePlan, area: Rect, fonts: Fonts, found: list[Diagnostic]
) -> list[SlidePlan]:
    boxes = grid.sources_boxes(area)
    listing = slide.block("body")
    entries = listing.paras if listing is not None else ()
    box, memo = text_area(boxes.listing, PARA_SPACE), fonts.memo
    alphabetical = tuple(sorted(entries, key=lambda p: p.text.casefold()))
    size = fit_size(alphabetical, box, LIST_SIZES, fonts.body, memo)
    shown = alphabetical
    if size is None:
        size = LIST_SIZES[-1]
        shown = _what_fits(entries, box, size, fonts)
    slide = _with_listing(slide, shown)
    sizes: dict[str, float] = {"body": size}
    where = slide.block("link")
    if where is not None:
        where, fits = _fit_block(where, text_area(boxes.note), TEXT_SIZES, fonts)
        blocks = tuple(where if b.role == "link" else b for b in slide.blocks)
        slide = dataclasses.replace(slide, blocks=blocks)
        if fits is None:
            found.append(_overflow(slide, "link"))
        sizes["link"] = fits or TEXT_SIZES[-1]
    return [sized(slide, sizes)]


def _what_fits(
    entries: Sequence[Para], box: TextArea, size: float, fonts: Fonts
) -> tuple[Para, ...]:
    """The most-cited entries that fit with a last line saying how many more there are."""
    for keep in range(len(entries) - 1, -1, -1):
        more = len(entries) - keep
        shown = (*entries[:keep], Para((Run(f"… and {more} more", bold=True),)))
        if fit_size(shown, box, (size,), fonts.body, fonts.memo):
            return shown
    return (Para((Run(f"{len(entries)} works", bold=True),)),)


def _with_listing(slide: SlidePlan, paras: tuple[Para, ...]) -> SlidePlan:
    blocks = tuple(
        dataclasses.replace(b, paras=paras) if b.role == "body" else b for b in slide.blocks
    )
    return dataclasses.replace(slide, blocks=blocks)


FITTERS: dict[str, Fitter] = {
    "stat": _fit_stat,
    "chart": _fit_chart,
    "icons": _fit_icons,
    "quote": _fit_quote,
    "persona": _fit_persona,
    "resources": _fit_resources,
    "sources": _fit_sources,
}
