"""Measure rich text against the boxes it will be set in; pick sizes; split what will not fit.

The renderer knows the template; the plan must not import python-pptx.  So the
renderer describes each text box as pure data (:class:`TextArea`: size, insets, list
markers, per-level indents, spacing), keyed ``"<kind>/<role>"`` in a
:class:`FitRules` (``hrdeck.render.probe.fit_rules(theme)`` derives it from the
theme's template), and this module measures paragraphs in those boxes with the
theme's font metrics (:mod:`hrdeck.textfit.metrics`), line by line with wrapping.

:data:`DEFAULT_RULES` is the default theme's table (python-pptx's template at
16:9, Calibri), used when a caller has no theme; a test keeps it equal to what the
renderer derives.  :mod:`hrdeck.plan.fit` applies all this to slides.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from hrdeck.diagnostics import NOWHERE, Loc
from hrdeck.richtext import Para, Run
from hrdeck.textfit.metrics import FontMetrics, Piece, line_breaks

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
    the caller creates it and passes it down, so nothing outlives the run.
    """

    def __init__(self) -> None:
        self._breaks: dict[tuple[Para, float, float, float, int], list[int]] = {}
        self._metrics: dict[int, FontMetrics] = {}  # keeps each id() in a key alive

    def breaks(
        self, para: Para, widths: tuple[float, float], size: float, metrics: FontMetrics
    ) -> list[int]:
        key = (para, widths[0], widths[1], size, id(metrics))
        found = self._breaks.get(key)
        if found is None:
            self._metrics[id(metrics)] = metrics
            found = self._breaks[key] = line_breaks(pieces(para), metrics, size, *widths)
        return found


def para_breaks(
    para: Para, area: TextArea, size: float, metrics: FontMetrics, memo: LineMemo | None = None
) -> list[int]:
    """Where each line of `para` starts, set at `size` in `area` (see ``line_breaks``).

    The caller must not change the list (a `memo` hands the same one out again).
    """
    first, rest = area.line_widths(para.level)
    widths = (max(first, size), max(rest, size))
    if memo is not None:
        return memo.breaks(para, widths, size, metrics)
    return line_breaks(pieces(para), metrics, size, *widths)


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
    """Height in points of `paras` set at `size` in `area` (insets excluded)."""
    return sum(para_height(p, area, size, metrics, memo) for p in paras)


def fits(
    paras: Sequence[Para],
    area: TextArea,
    size: float,
    metrics: FontMetrics,
    memo: LineMemo | None = None,
) -> bool:
    return paras_height(paras, area, size, metrics, memo) <= area.text_height


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
) -> list[tuple[Para, ...]]:
    """Consecutive chunks of `paras` that each fit `area` at `size`.

    Paragraphs move whole to the next chunk; one too tall for an empty box is cut
    between words at the last line that fits, or at the end of a sentence a little
    before it (its rest starts the next chunk).
    """
    chunks: list[tuple[Para, ...]] = []
    current: list[Para] = []
    queue = list(paras)
    while queue:
        para = queue.pop(0)
        if fits([*current, para], area, size, metrics, memo):
            current.append(para)
            continue
        if current:
            chunks.append(tuple(current))
            current = []
            queue.insert(0, para)
            continue
        head, tail = cut_to_fit(para, area, size, metrics, memo)
        chunks.append((head,))
        if tail is not None:
            queue.insert(0, tail)
    if current or not chunks:
        chunks.append(tuple(current))
    return chunks


def cut_to_fit(
    para: Para, area: TextArea, size: float, metrics: FontMetrics, memo: LineMemo | None = None
) -> tuple[Para, Para | None]:
    """`para` cut after the last line that fits an empty `area` (at least one word)."""
    pitch = line_pitch(metrics, area, size)
    room = int(area.text_height // pitch - area.space_before)
    starts = para_breaks(para, area, size, metrics, memo)
    later = [s for s in starts[max(1, room) :] if s > 0]
    if not later:
        return para, None
    return cut_para(para, _sentence_end(para.text.split(), later[0]))


def _sentence_end(words: list[str], cut: int) -> int:
    """Cut after the last sentence that ends in the second half of what fits, if any."""
    ends = [i for i in range(cut // 2 + 1, cut + 1) if words[i - 1].endswith(SENTENCE_ENDS)]
    return ends[-1] if ends else cut


def cut_para(para: Para, word_index: int) -> tuple[Para, Para]:
    """`para` split before its `word_index`-th word (words are separated by spaces)."""
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
    count, in_word = -1, False
    for offset, char in enumerate(text):
        if char.isspace():
            in_word = False
        elif not in_word:
            in_word, count = True, count + 1
            if count == word_index:
                return offset
    return len(text)


def _with_text(run: Run, text: str) -> Run:
    return Run(text, run.bold, run.italic, run.code, run.link)


def _strip(runs: list[Run], right: bool) -> tuple[Run, ...]:
    kept = [r for r in runs if r.text]
    if kept:
        edge = -1 if right else 0
        text = kept[edge].text.rstrip() if right else kept[edge].text.lstrip()
        kept[edge] = _with_text(kept[edge], text)
    return tuple(r for r in kept if r.text)


# --- the default theme's boxes (python-pptx's template at 16:9; see the module doc) -----


def _pt(emu: int) -> float:
    """Points from EMU, computed as the renderer does (so the table equals its own)."""
    return emu / 12700


def _default_areas() -> dict[str, TextArea]:
    body_h = _pt(4525963)  # the default template's body placeholder, in EMU
    wide = TextArea(864.0, body_h)
    title = TextArea(864.0, 90.0, markers="none")
    panel = TextArea(424.0, _pt(3977323), 14.4, 14.4, 10.8, 3.6, markers="none")
    cover_lines = TextArea(672.0, 138.0, markers="none")
    areas = {f"{kind}/title": title for kind in TITLED.split()}
    areas.update(
        {
            "title/title": TextArea(816.0, 115.75, markers="none"),
            "closing/title": TextArea(816.0, 115.75, markers="none"),
            "section/title": TextArea(816.0, 107.25, markers="none"),
            "title/presenter": cover_lines,
            "closing/body": cover_lines,
            "agenda/body": wide,
            "bullets/body": wide,
            "bullets/body+image": TextArea(864.0 * 0.56, body_h),
            "image/body": TextArea(864.0 * 0.5, body_h),
            "check-question/body": TextArea(864.0, body_h, markers="none"),
            "check-answer/body": TextArea(864.0, body_h, markers="none"),
            "questions/body": TextArea(864.0, body_h, markers="number"),
            "case/narrative": TextArea(864.0, body_h, markers="none"),
            "references/citation": TextArea(864.0, body_h, markers="hanging"),
            "myth/myth": panel,
            "myth/fact": panel,
            "comparison/left": TextArea(_pt(5386917), _pt(3951288)),
            "comparison/right": TextArea(_pt(5389033), _pt(3951288)),
        }
    )
    content = TextArea(_pt(11094720), _pt(4571682), markers="none")  # under the title
    areas.update({f"{kind}/content": content for kind in DRAWN.split()})
    return areas


TITLED = "agenda bullets case comparison diagram myth questions references resources spectrum"
TITLED += " stat chart icons quote image persona sources check-question check-answer"
DRAWN = "resources stat chart icons quote persona sources"  # kinds drawn under the title
DEFAULT_RULES = FitRules(_default_areas())
