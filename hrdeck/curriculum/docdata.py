"""Reading loaded documents defensively, and the "did you mean" hint.

The cross-file checks run even when a file broke its schema, so they read values
through these helpers, which answer ``None`` or ``[]`` for anything of the wrong shape.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from hrdeck.curriculum.load import Document


def get(doc: Document, key: str) -> object:
    """``doc.data[key]`` when the document is a mapping, else ``None``."""
    return doc.data.get(key) if isinstance(doc.data, dict) else None


def dicts(value: object) -> Iterable[dict[str, object]]:
    """The mappings of a list (nothing when ``value`` is not a list)."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def indexed_dicts(value: object) -> Iterable[tuple[int, dict[str, object]]]:
    """``(index, mapping)`` for the mappings of a list, so a check can locate them."""
    if not isinstance(value, list):
        return []
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)]


def did_you_mean(word: str, choices: Sequence[str], what: str) -> str:
    """A hint: the closest choice, else the list of choices."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if not choices:
        return f"there are no {what} yet"
    return f"the {what} are: {', '.join(choices)}"
