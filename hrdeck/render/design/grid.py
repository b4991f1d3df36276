"""The one grid of hrdeck's own master: every position on its slides, in EMU.

A content slide is laid out on one left edge: the accent bar, the title's first
letter, the body's bullets, the footer text and every drawing start at
``margin`` from the left and end ``margin`` from the right.  Vertically: the accent
bar, the title area (two lines of the largest title size), the body area, and the
footer band with the footer on the left and the slide number on the right.  Columns
are spans of a twelve-column grid with one gutter.  Covers (title and closing) set
the title on a coloured field above a full-width strip of the background colour
holding the people, with the same margins; section dividers are all field.

Numbers are points (1 pt = 12 700 EMU) on the 540 pt height both slide sizes share;
a 4:3 slide is narrower, so only the widths change.  This module is pure arithmetic:
the master generator (:mod:`hrdeck.render.design.masterxml`) and the slide renderers
read the same boxes, and :data:`hrdeck.textfit.measure.DEFAULT_RULES` repeats the
ones the plan fits text into (a test keeps them equal).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hrdeck.render.layouts import Box

PT = 12700  # EMU per point
COLUMNS = 12

# Content slides (points).
MARGIN = 54  # left and right, every slide
BAR_TOP, BAR_WIDTH, BAR_HEIGHT = 36, 54, 6  # the accent bar above each title
TITLE_TOP, TITLE_HEIGHT = 50, 92  # two lines of 36 pt bold
BODY_TOP, BODY_BOTTOM = 154, 482
GUTTER = 24
FOOTER_TOP, FOOTER_HEIGHT = 500, 24
NUMBER_WIDTH = 80

# Covers: title, closing (points).
COVER_TITLE_TOP, COVER_TITLE_HEIGHT = 96, 176  # anchored at its foot: three lines of 44 pt
COVER_RULE_TOP = 286
COVER_SUBTITLE_TOP, COVER_SUBTITLE_HEIGHT = 302, 66
COVER_STRIP_TOP, COVER_STRIP_PAD = 392, 16  # the white strip holding the people

# Section dividers (points).
SECTION_TITLE_TOP, SECTION_TITLE_HEIGHT = 112, 176  # anchored at its foot
SECTION_SUBTITLE_TOP, SECTION_SUBTITLE_HEIGHT = 304, 78
PROGRESS_TOP, PROGRESS_HEIGHT, PROGRESS_GAP = 448, 8, 8
KICKER_HEIGHT = 40

LOGO_HEIGHT = 40
LOGO_CHIP_PAD = 8  # the white chip behind a logo on a coloured field


def pt(points: float) -> int:
    """EMU of `points`."""
    return round(points * PT)


@dataclass(frozen=True)
class Grid:
    """The boxes of hrdeck's own layouts for a slide of `width` x `height` EMU."""

    width: int
    height: int

    @property
    def margin(self) -> int:
        return pt(MARGIN)

    @property
    def content_width(self) -> int:
        return self.width - 2 * self.margin

    def _row(self, top: float, height: float, width: int | None = None) -> Box:
        return Box(self.margin, pt(top), width or self.content_width, pt(height))

    # --- content slides -----------------------------------------------------------------

    @property
    def bar(self) -> Box:
        return Box(self.margin, pt(BAR_TOP), pt(BAR_WIDTH), pt(BAR_HEIGHT))

    @property
    def title(self) -> Box:
        return self._row(TITLE_TOP, TITLE_HEIGHT)

    @property
    def body(self) -> Box:
        return self._row(BODY_TOP, BODY_BOTTOM - BODY_TOP)

    @property
    def footer(self) -> Box:
        left = self.margin
        right = self.width - self.margin - pt(NUMBER_WIDTH) - pt(GUTTER)
        return Box(left, pt(FOOTER_TOP), right - left, pt(FOOTER_HEIGHT))

    @property
    def number(self) -> Box:
        left = self.width - self.margin - pt(NUMBER_WIDTH)
        return Box(left, pt(FOOTER_TOP), pt(NUMBER_WIDTH), pt(FOOTER_HEIGHT))

    def span(self, first: int, count: int, area: Box | None = None) -> Box:
        """Columns `first` .. `first + count - 1` (0-based, of twelve) of `area` (the body)."""
        return span_box(area or self.body, first, count)

    def split(self, spans: Sequence[int], area: Box | None = None) -> list[Box]:
        """`area` (the body) cut into side-by-side boxes of `spans` columns each."""
        return split_box(area or self.body, spans)

    # --- covers and section dividers ------------------------------------------------------

    @property
    def cover_title(self) -> Box:
        return self._row(COVER_TITLE_TOP, COVER_TITLE_HEIGHT)

    @property
    def cover_rule(self) -> Box:
        return Box(self.margin, pt(COVER_RULE_TOP), pt(BAR_WIDTH * 1.5), pt(BAR_HEIGHT))

    @property
    def cover_subtitle(self) -> Box:
        return self._row(COVER_SUBTITLE_TOP, COVER_SUBTITLE_HEIGHT)

    @property
    def cover_strip(self) -> Box:
        """The background-coloured strip across the foot of a cover (full bleed)."""
        return Box(0, pt(COVER_STRIP_TOP), self.width, self.height - pt(COVER_STRIP_TOP))

    @property
    def section_title(self) -> Box:
        return self._row(SECTION_TITLE_TOP, SECTION_TITLE_HEIGHT)

    @property
    def section_subtitle(self) -> Box:
        return self._row(SECTION_SUBTITLE_TOP, SECTION_SUBTITLE_HEIGHT)

    def progress(self, count: int) -> list[Box]:
        """`count` equal segments across the content width (a section divider's progress)."""
        count = max(1, count)
        gap = pt(PROGRESS_GAP)
        width = (self.content_width - gap * (count - 1)) // count
        return [
            Box(self.margin + i * (width + gap), pt(PROGRESS_TOP), width, pt(PROGRESS_HEIGHT))
            for i in range(count)
        ]

    def logo(self, position: str, aspect: float) -> Box:
        """The logo's box in the named corner: on the margins, level with the accent bar at
        the top or with the footer band at the bottom."""
        height = pt(LOGO_HEIGHT)
        width = round(height * aspect)
        left = self.width - self.margin - width if position.endswith("right") else self.margin
        if position.startswith("bottom"):
            top = pt(FOOTER_TOP + FOOTER_HEIGHT) - height
        else:
            top = pt(BAR_TOP)
        return Box(left, top, width, height)


def span_box(area: Box, first: int, count: int) -> Box:
    """Columns `first` .. `first + count - 1` (0-based) of twelve across `area`."""
    column = (area.width - (COLUMNS - 1) * pt(GUTTER)) / COLUMNS
    left = area.left + round(first * (column + pt(GUTTER)))
    width = round(count * column + (count - 1) * pt(GUTTER))
    return Box(left, area.top, width, area.height)


def split_box(area: Box, spans: Sequence[int]) -> list[Box]:
    """`area` cut into side-by-side boxes of `spans` columns each (of twelve)."""
    boxes, first = [], 0
    for count in spans:
        boxes.append(span_box(area, first, count))
        first += count
    return boxes
