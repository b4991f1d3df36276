"""Measure rich text against the boxes it will be set in; pick sizes; split what will not fit.

The renderer knows the template; the plan must not import python-pptx.  So the
renderer describes each text box as pure data (:class:`TextArea`: size, insets, list
markers, per-level indents, spacing), keyed ``"<kind>/<role>"`` in a
:class:`FitRules` (``hrdeck.render.probe.fit_rules(theme)`` derives it from the
theme's template), and this module measures paragraphs in those boxes with the
theme's font metrics (:mod:`hrdeck.textfit.metrics`), line by line with wrapping.

:data:`DEFAULT_RULES` is the default theme's table (hrdeck's own master at 16:9,
Calibri), used when a caller has no theme; a test keeps it equal to what the
renderer derives.  :mod:`hrdeck.plan.fit` applies all this to slides.
"""

from __future__ import annotations

import itertools
import math
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from hrdeck.diagnostics import NOWHERE, Loc
from hrdeck.richtext import Para, Run
from hrdeck.textfit.metrics import WORD, WORD_BREAKS, FontMetrics, Piece, line_breaks

BODY_SIZES = (28, 26, 24, 22, 20, 18)
MIN_BODY_PT = 18  # no body text under this
TEMPLATE_INDENTS = (27.0, 58.5, 90.0, 126.0, 162.0, 198.0, 234.0, 270.0, 306.0)
MIN_LINE_PITCH = 1.2  # line spacing never measured tighter than 1.2 x size
SENTENCE_ENDS = (".", "!", "?", ";", ":")
SAFETY = 0.98  # use 98% of the box height: renderers round differently


@dataclass(frozen=True)
class TextArea:
    """A text box as the renderer will fill it (points).

    `markers`: template (the template's bullets, hanging at `level_indents`), none,
    number (hanging numbers) or hanging (first line out-dented, later lines in).
    `space_before` is the space before each paragraph as a fraction of a line.
    """

    width_pt: float
    height_pt: float
    inset_left: float = 7.2
    inset_right: float = 7.2
    inset_top: float = 3.6
    inset_bottom: float = 3.6
    markers: str = "template"
    level_indents: tuple[float, ...] = TEMPLATE_INDENTS
    line_spacing: float = 1.0
    space_before: float = 0.2

    @property
    def text_width(self) -> float:
        return self.width_pt - self.inset_left - self.inset_right

    @property
    def text_height(self) -> float:
        return (self.height_pt - self.inset_top - self.inset_bottom) * SAFETY

    def line_widths(self, level: int) -> tuple[float, float]:
        """Width of the first and of later lines of a paragraph at `level`."""
        width = self.text_width
        if self.markers == "template":
            indents = self.level_indents or (0.0,)
            indent = indents[min(level, len(indents) - 1)]
            return width - indent, width - indent
        if self.markers == "number":
            indent = 36.0 + 27.0 * level
            return width - indent, width - indent
        if self.markers == "hanging":
            return width, width - 36.0
        return width, width


@dataclass(frozen=True)
class FitRules:
    """What the plan needs to know of the theme to fit text: boxes and fonts."""

    areas: Mapping[str, TextArea]
    body_font: str = "Calibri"
    heading_font: str = "Calibri"
    font_loc: Loc = NOWHERE

    def area(self, kind: str, role: str) -> TextArea | None:
        return self.areas.get(f"{kind}/{role}")


# --- measuring ---------------------------------------------------------------------------


def pieces(para: Para) -> list[Piece]:
    return [Piece(run.text, run.bold, run.code) for run in para.runs]


def line_pitch(metrics: FontMetrics, area: TextArea, size: float) -> float:
    return max(MIN_LINE_PITCH, metrics.line_height) * area.line_spacing * size


class LineMemo:
    """Line breaks already worked out, kept by one caller for one run (a plan's fitting
    tries several sizes and splits of the same paragraphs in the same boxes).

    Measured with valgrind on the benchmark, it saves 6-7% of a build's instructions;
    the caller creates it and passes it down, so nothing outlives the run.  Only
    complete wrappings are kept (one stopped after a number of lines is not).
    """

    def __init__(self) -> None:
        self._breaks: dict[tuple[Para, float, float, float, int], list[int]] = {}
        self._metrics: dict[int, FontMetrics] = {}  # keeps each id() in a key alive

    def breaks(
        self,
        para: Para,
        widths: tuple[float, float],
        size: float,
        metrics: FontMetrics,
        max_lines: int | None = None,
    ) -> list[int]:
        key = (para, widths[0], widths[1], size, id(metrics))
        found = self._breaks.get(key)
        if found is None:
            found = line_breaks(pieces(para), metrics, size, *widths, max_lines=max_lines)
            if max_lines is None or len(found) <= max_lines:  # complete: worth keeping
                self._metrics[id(metrics)] = metrics
                self._breaks[key] = found
        return found


def para_breaks(
    para: Para,
    area: TextArea,
    size: float,
    metrics: FontMetrics,
    memo: LineMemo | None = None,
    max_lines: int | None = None,
) -> list[int]:
    """Where each line of `para` starts, set at `size` in `area` (see ``line_breaks``;
    with `max_lines`, only as far as needed to tell that it takes more lines).

    The caller must not change the list (a `memo` hands the same one out again).
    """
    first, rest = area.line_widths(para.level)
    widths = (max(first, size), max(rest, size))
    if memo is not None:
        return memo.breaks(para, widths, size, metrics, max_lines)
    return line_breaks(pieces(para), metrics, size, *widths, max_lines=max_lines)


def para_height(
    para: Para, area: TextArea, size: float, metrics: FontMetrics, memo: LineMemo | None = None
) -> float:
    pitch = line_pitch(metrics, area, size)
    lines = len(para_breaks(para, area, size, metrics, memo))
    return pitch * (lines + area.space_before)


def paras_height(
    paras: Sequence[Para],
    area: TextArea,
    size: float,
    metrics: FontMetrics,
    memo: LineMemo | None = None,
) -> float:
    """Height in points of `paras` set at `size` in `area` (insets excluded).

    The space before the first paragraph is not counted: PowerPoint and LibreOffice
    both ignore it at the top of a text box.
    """
    if not paras:
        return 0.0
    total = sum(para_height(p, area, size, metrics, memo) for p in paras)
    return total - line_pitch(metrics, area, size) * area.space_before


def fits(
    paras: Sequence[Para],
    area: TextArea,
    size: float,
    metrics: FontMetrics,
    memo: LineMemo | None = None,
) -> bool:
    """Whether ``paras_height(...) <= area.text_height``, wrapping each paragraph only
    as far as the room left could hold (so a very long text costs one box of lines)."""
    pitch = line_pitch(metrics, area, size)
    room = area.text_height
    used = 0.0
    for para in paras:
        could_fit = max(int((room - used) / pitch - area.space_before), 0)
        lines = len(para_breaks(para, area, size, metrics, memo, max_lines=could_fit + 2))
        used += pitch * (lines + area.space_before)
        if used > room:
            return False
    return True


def box_height(
    paras: Sequence[Para],
    area: TextArea,
    size: float,
    metrics: FontMetrics,
    memo: LineMemo | None = None,
) -> float:
    """The height (pt, rounded up) of a box as wide as `area` that `paras` fit at `size`
    (insets included, measured as :func:`fits` measures)."""
    inner = paras_height(paras, area, size, metrics, memo)
    return math.ceil(inner / SAFETY + area.inset_top + area.inset_bottom)


def fit_size(
    paras: Sequence[Para],
    area: TextArea,
    sizes: Sequence[float],
    metrics: FontMetrics,
    memo: LineMemo | None = None,
) -> float | None:
    """The largest of `sizes` at which `paras` fit `area`, or None if none does."""
    return next((s for s in sizes if fits(paras, area, s, metrics, memo)), None)


# --- splitting ---------------------------------------------------------------------------


def split_paras(
    paras: Sequence[Para],
    area: TextArea,
    size: float,
    metrics: FontMetrics,
    memo: LineMemo | None = None,
    max_chunks: int | None = None,
) -> list[tuple[Para, ...]]:
    """Consecutive chunks of `paras` that each fit `area` at `size`.

    Paragraphs move whole to the next chunk; one too tall for an empty box is cut
    between words at the last line that fits, or at the end of a sentence a little
    before it (its rest starts the next chunk).  With `max_chunks`, splitting stops
    once there are more chunks than that (the rest is not returned): enough to tell
    that a size needs more slides than another.
    """
    chunks: list[tuple[Para, ...]] = []
    current: list[Para] = []
    queue = deque(paras)
    while queue and (max_chunks is None or len(chunks) <= max_chunks):
        para = queue.popleft()
        if fits([*current, para], area, size, metrics, memo):
            current.append(para)
            continue
        if current:
            chunks.append(tuple(current))
            current = []
            queue.appendleft(para)
            continue
        head, tail = cut_to_fit(para, area, size, metrics, memo)
        chunks.append((head,))
        if tail is not None:
            queue.appendleft(tail)
    if current or not chunks:
        chunks.append(tuple(current))
    return chunks


def cut_to_fit(
    para: Para, area: TextArea, size: float, metrics: FontMetrics, memo: LineMemo | None = None
) -> tuple[Para, Para | None]:
    """`para` cut after the last line that fits an empty `area` (at least one word)."""
    pitch = line_pitch(metrics, area, size)
    room = max(1, int(area.text_height // pitch))  # the first paragraph has no space before it
    starts = para_breaks(para, area, size, metrics, memo, max_lines=room + 1)
    later = [s for s in starts[room:] if s > 0]
    if not later and len(starts) > room + 1:  # one word spans the box: wrap it all
        later = [s for s in para_breaks(para, area, size, metrics, memo)[room:] if s > 0]
    if not later:
        return para, None
    return cut_para(para, _sentence_end(para.text, later[0]))


def _sentence_end(text: str, cut: int) -> int:
    """Cut after the last sentence that ends in the second half of what fits, if any."""
    words = [match.group() for match in itertools.islice(WORD.finditer(text), cut)]
    ends = [i for i in range(cut // 2 + 1, cut + 1) if words[i - 1].endswith(SENTENCE_ENDS)]
    return ends[-1] if ends else cut


def cut_para(para: Para, word_index: int) -> tuple[Para, Para]:
    """`para` split before its `word_index`-th word (words are separated as
    :func:`~hrdeck.textfit.metrics.line_breaks` separates them)."""
    offset = _word_offset(para.text, word_index)
    head: list[Run] = []
    tail: list[Run] = []
    seen = 0
    for run in para.runs:
        start, end = seen, seen + len(run.text)
        seen = end
        if end <= offset:
            head.append(run)
        elif start >= offset:
            tail.append(run)
        else:
            head.append(_with_text(run, run.text[: offset - start]))
            tail.append(_with_text(run, run.text[offset - start :]))
    return Para(_strip(head, right=True), para.level), Para(_strip(tail, right=False), para.level)


def _word_offset(text: str, word_index: int) -> int:
    found = next(itertools.islice(WORD.finditer(text), word_index, None), None)
    return len(text) if found is None else found.start()


def _with_text(run: Run, text: str) -> Run:
    return Run(text, run.bold, run.italic, run.code, run.link)


def _strip(runs: list[Run], right: bool) -> tuple[Run, ...]:
    kept = [r for r in runs if r.text]
    if kept:
        edge = -1 if right else 0
        text = kept[edge].text.rstrip(WORD_BREAKS) if right else kept[edge].text.lstrip(WORD_BREAKS)
        kept[edge] = _with_text(kept[edge], text)
    return tuple(r for r in kept if r.text)


# --- the default theme's boxes (hrdeck's own master at 16:9; see the module doc) -------

OWN_INDENTS = tuple(27.0 * level for level in range(1, 10))  # 27 pt per list level
OWN_SPACE_BEFORE = 0.4  # of a line, before each paragraph but the first


def _own(
    width: float,
    height: float,
    markers: str = "template",
    insets: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0),
) -> TextArea:
    """A text box of hrdeck's own master (points): no insets unless given, its indents
    and spacing."""
    left, right, top, bottom = insets
    return TextArea(
        width, height, left, right, top, bottom, markers, OWN_INDENTS, 1.0, OWN_SPACE_BEFORE
    )


def _default_areas() -> dict[str, TextArea]:
    """The grid of :mod:`hrdeck.render.design.grid` as text areas: a 852 pt wide content
    column (54 pt margins), a 92 pt title, a 328 pt body, covers' 176 pt titles."""
    body = _own(852.0, 328.0)
    areas = {f"{kind}/title": _own(852.0, 92.0, "none") for kind in TITLED.split()}
    cover_title = _own(852.0, 176.0, "none", (0.0, 0.0, 0.0, 8.0))  # set at its foot
    strip = _own(960.0, 148.0, "none", (54.0, 54.0, 16.0, 16.0))
    closing_strip = _own(960.0, 148.0, "none", (54.0, 54.0, 16.0, 44.0))  # clear of the footer
    card = (23.0, 18.0, 18.0, 18.0)  # a myth card: its rule and padding
    areas.update(
        {
            "title/title": cover_title,
            "closing/title": cover_title,
            "section/title": cover_title,
            "title/presenter": strip,
            "closing/body": closing_strip,
            "agenda/title": _own(268.0, 92.0, "none"),
            "agenda/body": _own(560.0, 432.0),
            "bullets/body": body,
            "bullets/body+image": _own(852.0 * 0.56, 328.0),
            "questions/body": _own(852.0, 328.0, "number"),
            "case/narrative": _own(852.0, 328.0, "none"),
            "references/citation": _own(852.0, 328.0, "hanging"),
            "myth/myth": _own(341.0, 294.0, "none", card),
            "myth/fact": _own(487.0, 294.0, "none", card),
            "comparison/left": _own(414.0, 276.0),
            "comparison/right": _own(414.0, 276.0),
            "image/body": _own(852.0 * 0.5, 328.0),
            "check-question/body": _own(852.0, 328.0, "none"),
            "check-answer/body": _own(852.0, 328.0, "none"),
        }
    )
    content = TextArea(852.0, 328.0, markers="none")  # the grid's body area, under the title
    areas.update({f"{kind}/content": content for kind in DRAWN.split()})
    return areas


TITLED = "bullets case comparison diagram myth questions references resources spectrum"
TITLED += " stat chart icons quote image persona sources check-question check-answer"
DRAWN = "resources stat chart icons quote persona sources"  # kinds drawn under the title
DEFAULT_RULES = FitRules(_default_areas())
