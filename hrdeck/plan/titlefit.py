"""The size of a slide title, and on an agency template how far its box must grow.

One rule, used by the plan (:mod:`hrdeck.plan.fit`, with the boxes the renderer's probe
slides measured) and by the renderer (with the real boxes of each slide), so both
choose the same size:

* on hrdeck's own master, the largest of the kind's sizes that fits the title box
  (its boxes are drawn for them); a title that fits at none of them (a long
  unbreakable address wraps onto a third line) the largest smaller size that fits,
  down to :data:`SMALLEST_TITLE_PT`;
* on an agency template, whose title box is often one line high, the largest of the
  kind's sizes that fits the template's own box; else the largest size from the
  smallest of those down to :data:`SMALLEST_TITLE_PT` that fits the box grown
  downward into the free room the layout leaves under it (``room``: the box as tall as
  it may grow; when it leaves no room, that is the box itself).  A title is set
  smaller before it wraps and grows, and grows only as far as its lines need.

Titles are measured bold and a little narrower than drawn (:func:`title_area`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from hrdeck.richtext import Para
from hrdeck.textfit.measure import LineMemo, TextArea, box_height, fit_size
from hrdeck.textfit.metrics import FontMetrics

TITLE_SIZES = (36, 32, 28)
COVER_TITLE_SIZES = (44, 40, 36)
TITLE_STEPS = (44, 40, 36, 32, 28, 24, 20)  # every size a title may take
SMALLEST_TITLE_PT = 20
TITLE_WIDTH_SAFETY = 0.01
ROOM_ROLE = "title-room"  # FitRules key of the box a template's title may grow to


@dataclass(frozen=True)
class TitleFit:
    """A title's size, and the height (pt) its box needs when that is more than it has."""

    size: float
    height_pt: float | None = None


def title_area(area: TextArea) -> TextArea:
    """A title's box as measured: 1% narrower than drawn.  Titles are bold and large,
    and an unbreakable word (an address) that the metrics put just inside the line
    can land just outside it in a renderer, pushing a last letter onto a third line."""
    return dataclasses.replace(area, width_pt=area.width_pt - TITLE_WIDTH_SAFETY * area.text_width)


def fit_title(
    title: Para,
    box: TextArea,
    room: TextArea | None,
    sizes: Sequence[float],
    metrics: FontMetrics,
    memo: LineMemo | None = None,
) -> TitleFit | None:
    """The title's size by the rule in the module doc (`room` None: hrdeck's own
    master); None when it does not fit even at the smallest size allowed.  `memo`: line
    breaks already measured (the plan's, when the renderer checks its choice)."""
    measured = title_area(box)
    size = fit_size((title,), measured, sizes, metrics, memo)
    if size is not None:
        return TitleFit(size)
    if room is None:
        size = fit_size((title,), measured, smaller_titles(sizes)[1:], metrics, memo)
        return TitleFit(size) if size is not None else None
    size = fit_size((title,), title_area(room), smaller_titles(sizes), metrics, memo)
    if size is None:
        return None
    needed = box_height((title,), measured, size, metrics, memo)
    return TitleFit(size, needed if needed > box.height_pt else None)


def smaller_titles(sizes: Sequence[float]) -> tuple[float, ...]:
    """The smallest of `sizes`, then every smaller title step down to the floor."""
    least = min(sizes)
    return (least, *(s for s in TITLE_STEPS if SMALLEST_TITLE_PT <= s < least))
