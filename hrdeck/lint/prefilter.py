"""Literal keys of a regex: cheap substring tests that skip most text unmatched.

Python's ``re`` tries every alternative at every position; for a few dozen word
patterns over a whole curriculum that is too slow.  :func:`literal_keys` reads a
pattern's parse tree and returns a set of lower-case strings of which every match
must contain at least one (``'abuse'`` for ``(?:drug|substance)\\s+abuse``), so a
string without any of them is skipped with ``str.__contains__``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

try:  # Python 3.11+
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover
    import sre_constants as _c
    import sre_parse as _parser

Keys = frozenset[str]
_MIN_KEY = 2  # shorter keys filter too little to be worth it
# Letters re.IGNORECASE matches as ASCII letters that str.lower() leaves alone
# (dotless i, dotted capital I, long s): folded before any substring test.
_RE_FOLDS = str.maketrans({"\u0131": "i", "\u0130": "i", "\u017f": "s"})


def fold(text: str) -> str:
    """``text`` in the lower case the keys are in, folding as ``re.IGNORECASE`` does."""
    return text.translate(_RE_FOLDS).lower()


def literal_keys(regex: str) -> Keys | None:
    """Strings one of which every match of ``regex`` contains; None if unknown."""
    try:
        parsed = _parser.parse(regex, re.IGNORECASE)
    except re.error:
        return None
    keys = _sequence(list(parsed))
    if keys is None or min(map(len, keys), default=0) < _MIN_KEY:
        return None
    return keys


def _quality(keys: Keys | None) -> int:
    return min(map(len, keys), default=0) if keys else 0


def _sequence(items: list[tuple[Any, Any]]) -> Keys | None:
    """The best requirement among the mandatory parts of a sequence."""
    best: Keys | None = None
    run = ""
    for op, arg in items:
        if op is _c.LITERAL:
            run += fold(chr(arg))
            continue
        best = _better(best, frozenset({run}) if run else None)
        run = ""
        best = _better(best, _item(op, arg))
    return _better(best, frozenset({run}) if run else None)


def _item(op: Any, arg: Any) -> Keys | None:
    if op is _c.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op is _c.BRANCH:
        branches = [_sequence(list(branch)) for branch in arg[1]]
        if any(b is None for b in branches):
            return None
        return frozenset(k for b in branches for k in b or ())
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and arg[0] >= 1:
        return _sequence(list(arg[2]))
    return None


def _better(first: Keys | None, second: Keys | None) -> Keys | None:
    return second if _quality(second) > _quality(first) else first


@dataclass(frozen=True)
class KeyIndex:
    """The literal keys of a rule set, tested with ``str.__contains__``.

    Measured on the built-in curriculum, a loop of ``in`` tests is several times
    faster than one regex alternation of the same keys.
    """

    keys: tuple[str, ...]

    def present(self, lowered: str) -> Keys:
        """The keys that occur in ``lowered`` (text already through :func:`fold`)."""
        return frozenset(key for key in self.keys if key in lowered)

    def narrowed(self, lowered: str) -> KeyIndex:
        """Only the keys present in ``lowered`` (say, a whole file)."""
        return KeyIndex(tuple(key for key in self.keys if key in lowered))


def key_index(keys: Iterable[str]) -> KeyIndex:
    return KeyIndex(tuple(sorted(set(keys))))
