"""Text that may differ by audience: :class:`Variants` and the ``Text`` type.

A field typed ``Text`` is a plain string or a :class:`Variants` mapping from audience
id (or ``default``) to a string.  :mod:`hrdeck.curriculum.model` and
:mod:`hrdeck.curriculum.visualmodel` both use it; :func:`hrdeck.tailor.tailor`
resolves every one for an audience.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from hrdeck.diagnostics import NOWHERE, Loc

T = TypeVar("T")


@dataclass(frozen=True)
class Variants(Generic[T]):
    """A value that differs by audience: ``default`` plus per-audience overrides."""

    default: T | None
    by_audience: tuple[tuple[str, T], ...]
    loc: Loc = NOWHERE

    def for_audience(self, audience: str) -> T | None:
        for name, value in self.by_audience:
            if name == audience:
                return value
        return self.default


Text = str | Variants[str]
