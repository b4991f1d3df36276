"""What a text box sits on: the layout background with every filled shape over it.

The colour behind a point is the background's dominant colour with each decoration
that covers the point blended over it (by its opacity), master shapes first, as they
are drawn.  A box is judged by a grid of such points: the most common colour behind
it, how much of it is that colour (a band across a text box makes it uneven), and how
much of it gives a text colour enough contrast.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from hrdeck.template.colors import contrast_ratio, mix, rgb
from hrdeck.template.model import Box, Decoration, Layout
from hrdeck.template.outline import inside
from hrdeck.template.pictures import grid_color

GRID_COLUMNS = 8
GRID_ROWS = 6


@dataclass(frozen=True)
class Backdrop:
    """The colours behind a box, summarised."""

    color: str | None  # the most common colour, None when it cannot be known
    even: float  # share of the box on (nearly) that colour, 0..1
    unknown: float  # share of the box whose colour cannot be known (an undecodable picture)
    colors: tuple[str | None, ...]  # every sample, row by row

    def legible(self, text_color: str, ratio: float) -> float:
        """Share of the box where ``text_color`` reaches ``ratio`` (unknown counts as legible)."""
        if not self.colors:
            return 1.0
        good = sum(1 for c in self.colors if c is None or contrast_ratio(text_color, c) >= ratio)
        return good / len(self.colors)


def color_at(layout: Layout, slide: Box, x: float, y: float) -> str | None:
    """The colour a viewer sees at (x, y) on an empty slide of ``layout``."""
    background = layout.background
    color = grid_color(background.grid, slide, x, y) or background.color
    for decoration in layout.decorations:
        if not covers(decoration, x, y):
            continue
        if decoration.grid:
            cell = grid_color(decoration.grid, decoration.box, x, y)
            if cell is None:
                continue  # a see-through part of the picture
            decoration = dataclasses.replace(decoration, color=cell)
        if decoration.color is None:
            color = None if decoration.opacity >= 0.5 else color
        elif color is None:
            color = decoration.color if decoration.opacity >= 0.5 else None
        else:
            top = (decoration.color, decoration.opacity)
            color = mix([top, (color, 1 - decoration.opacity)])
    return color


def covers(decoration: Decoration, x: float, y: float) -> bool:
    """Whether a decoration covers (x, y): its outline where known, else its box."""
    if decoration.outlines:
        return inside(decoration.outlines, x, y)
    box = decoration.box
    return box.x <= x <= box.right and box.y <= y <= box.bottom


def sample_points(box: Box) -> list[tuple[float, float]]:
    """The centres of a GRID_COLUMNS x GRID_ROWS grid over ``box``."""
    return [
        (box.x + box.cx * (col + 0.5) / GRID_COLUMNS, box.y + box.cy * (row + 0.5) / GRID_ROWS)
        for row in range(GRID_ROWS)
        for col in range(GRID_COLUMNS)
    ]


@lru_cache(maxsize=2048)
def backdrop(layout: Layout, box: Box, slide: Box) -> Backdrop:
    """The colours behind ``box`` on ``layout`` (cached: kinds ask about the same boxes)."""
    colors = tuple(color_at(layout, slide, x, y) for x, y in sample_points(box))
    known = [c for c in colors if c is not None]
    unknown = 1 - len(known) / len(colors)
    if not known:
        return Backdrop(None, 0.0, unknown, colors)
    buckets = Counter(_bucket(c) for c in known)
    top, count = buckets.most_common(1)[0]
    dominant = mix([(c, 1.0) for c in known if _bucket(c) == top])
    return Backdrop(dominant, count / len(colors), unknown, colors)


def _bucket(color: str) -> tuple[int, int, int]:
    red, green, blue = rgb(color)
    return red // 32, green // 32, blue // 32
