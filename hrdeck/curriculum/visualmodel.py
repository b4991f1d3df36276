"""The visual slide kinds of the curriculum model: stats, charts, icon grids, quotes, personas.

A slide of a ``slides:`` list, or a module of the same kind, is one of: ``bullets``
(the default), ``stat``, ``chart``, ``icons``, ``quote``, ``image`` or ``persona``
(:data:`SLIDE_KINDS`).  The fields each adds live on :class:`~hrdeck.curriculum.model.Slide`
as the dataclasses below.  Like the rest of the model they are frozen, carry the
``loc`` they were written at, and any ``Text`` in them may differ by audience until
:func:`hrdeck.tailor.tailor` resolves it.

How much text fits is the plan's to say (:mod:`hrdeck.plan.fitvisual` reports text
that does not fit its box even at 18 pt).
"""

from __future__ import annotations

from dataclasses import dataclass

from hrdeck.curriculum.variants import Text
from hrdeck.diagnostics import NOWHERE, Loc

VISUAL_KINDS = ("stat", "chart", "icons", "quote", "image", "persona")
SLIDE_KINDS = ("bullets", *VISUAL_KINDS)
DEFAULT_PERSONA_ICON = "user"


@dataclass(frozen=True)
class Stat:
    """A big number: the value as shown, what it is, and when it was true."""

    value: str
    label: Text
    as_of: str
    review_by: str
    kind: str = "statistic"
    source: Text | None = None  # the short source line; None: the cited works
    cite: tuple[str, ...] = ()
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Series:
    """One series of a chart: a name and one value per category (None: no value)."""

    name: str
    values: tuple[float | None, ...]
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Chart:
    """A native chart's data: ``type`` is column, bar or line."""

    type: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    as_of: str
    review_by: str
    units: str = ""
    decimals: int = 0
    labels: bool = True
    kind: str = "statistic"
    alt: Text | None = None  # more alt text after the generated description
    source: Text | None = None
    cite: tuple[str, ...] = ()
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class IconItem:
    """One cell of an icon grid: an icon of the set, a short label and a line."""

    icon: str
    label: Text
    text: Text = ""
    audiences: frozenset[str] | None = None
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Quote:
    text: Text
    attribution: Text | None = None
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Persona:
    """The person of a case: name, age and role line, a few facts, an icon."""

    name: str
    role: Text
    details: tuple[Text, ...] = ()
    icon: str = DEFAULT_PERSONA_ICON
    loc: Loc = NOWHERE
