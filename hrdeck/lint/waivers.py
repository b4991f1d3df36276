"""The ``# hrdeck: allow`` waiver comments that let an editor keep a flagged word.

A waiver is a YAML comment on the same line as the finding or on the line above::

    # hrdeck: allow L13 -- quoting the statute's title
    title: The MAT Act  # hrdeck: allow L13, L21 -- statutory language

The reason after ``--`` is required.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hrdeck.diagnostics import Loc
from hrdeck.lint.locate import SourceText

_WAIVER = re.compile(
    r"(?:^|\s)#\s*hrdeck:\s*allow\b(?P<rules>[^#]*?)"
    r"(?:\s*(?:--|—|–)\s*(?P<reason>.*?))?\s*$",
    re.IGNORECASE,
)
_RULE_ID = re.compile(r"[A-Za-z][0-9]{2}")


@dataclass
class Waiver:
    """One ``# hrdeck: allow`` comment."""

    loc: Loc
    rules: frozenset[str]
    reason: str
    target_line: int  # the line whose findings it waives
    unknown: tuple[str, ...] = ()
    used: set[str] = field(default_factory=set)

    @property
    def valid(self) -> bool:
        return bool(self.reason) and bool(self.rules)


def read_waivers(source: SourceText, known_rules: frozenset[str]) -> list[Waiver]:
    """Every ``# hrdeck: allow`` comment of a file, with the line it applies to."""
    found = []
    for number, line in enumerate(source.text.split("\n"), start=1):
        if "hrdeck" not in line:
            continue
        match = _WAIVER.search(line)
        if match is not None:
            found.append(_waiver(match, line, Loc(source.display, number, 1), known_rules))
    return found


def _waiver(match: re.Match[str], line: str, where: Loc, known: frozenset[str]) -> Waiver:
    ids = [rid.upper() for rid in _RULE_ID.findall(match.group("rules") or "")]
    standalone = line.lstrip().startswith("#")
    col = line.index("#", match.start()) + 1
    return Waiver(
        loc=Loc(where.file, where.line, col),
        rules=frozenset(i for i in ids if i in known),
        reason=(match.group("reason") or "").strip(),
        target_line=where.line + 1 if standalone else where.line,
        unknown=tuple(i for i in ids if i not in known),
    )
