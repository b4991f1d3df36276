"""Names typed on the command line (audiences, themes, module ids) matched to known ones.

A name matches exactly, else case-insensitively (``-a Court`` is ``court``); anything
else is a :class:`~hrdeck.errors.UsageError` (exit 2) with a "did you mean" hint,
itself case-insensitive (``--theme Defualt`` suggests ``default``).  Lists may be
given as repeated options or comma-separated (``-a court -a peer``, ``-a court,peer``).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from hrdeck.errors import UsageError


def split_names(values: Iterable[str]) -> list[str]:
    """``["court,peer", " clinician "]`` -> ``["court", "peer", "clinician"]``, each once,
    in order; empty pieces are dropped."""
    found: list[str] = []
    for value in values:
        for piece in value.split(","):
            name = piece.strip()
            if name and name not in found:
                found.append(name)
    return found


def match_name(asked: str, known: Sequence[str]) -> str | None:
    """The known name ``asked`` means (exact, else the only case-insensitive match)."""
    if asked in known:
        return asked
    folded = [name for name in known if name.casefold() == asked.casefold()]
    return folded[0] if len(folded) == 1 else None


def resolve_name(asked: str, known: Sequence[str], what: str, extra: Sequence[str] = ()) -> str:
    """The known ``what`` (e.g. "audience") ``asked`` means; UsageError with a hint if none.

    ``extra`` are words also accepted in place of a name (e.g. ``all``); they are listed
    in the error but never returned by case folding.
    """
    found = match_name(asked, known)
    if found is not None:
        return found
    raise UsageError(f"unknown {what} '{asked}'; {suggestion(asked, [*known, *extra], what)}")


def suggestion(asked: str, known: Sequence[str], what: str) -> str:
    """``did you mean 'court'?`` when one name is close, else the list of known names."""
    by_folded = {name.casefold(): name for name in known}
    close = difflib.get_close_matches(asked.casefold(), list(by_folded), n=1, cutoff=0.6)
    listing = ", ".join(known) if known else "none"
    if close:
        return f"did you mean '{by_folded[close[0]]}'? (known {what}s: {listing})"
    return f"known {what}s: {listing}"
