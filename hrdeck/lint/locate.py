"""Where a finding sits in the YAML file, and the ``# hrdeck: allow`` waiver comments.

The loader records where each scalar starts (its first character, quote or block
indicator).  :class:`SourceText` maps an offset inside the decoded string back to a
line and column by walking the raw text alongside the decoded one: indentation,
folded line breaks, quotes and escapes are skipped, so plain, quoted, multi-line and
block scalars (``|`` and ``>``) are all located to the word.

A waiver is a YAML comment on the same line as the finding or on the line above::

    # hrdeck: allow L13 -- quoting the statute's title
    title: The MAT Act  # hrdeck: allow L13, L21 -- statutory language

The reason after ``--`` is required.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from hrdeck.diagnostics import Loc

_LOOKAHEAD = 12  # raw characters searched for a decoded one (escapes like \u2014)
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


class SourceText:
    """The raw text of one YAML file, for locating offsets and reading comments."""

    def __init__(self, text: str, display: str) -> None:
        self.text = text
        self.display = display
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def index(self, line: int, col: int) -> int:
        """The character index of a 1-based line and column."""
        if not 1 <= line <= len(self.line_starts):
            return len(self.text)
        return min(self.line_starts[line - 1] + col - 1, len(self.text))

    def loc_at(self, index: int) -> Loc:
        line = bisect_right(self.line_starts, index)
        return Loc(self.display, line, index - self.line_starts[line - 1] + 1)

    def locate(self, start: Loc, decoded: str, offset: int) -> Loc:
        """The file location of ``decoded[offset]`` for a scalar starting at ``start``."""
        if start.line < 1:
            return start
        raw = self._content_start(self.index(start.line, start.col))
        for position, char in enumerate(decoded):
            if char.isspace():
                continue
            raw = self._find(char, raw)
            if position == offset:
                return self.loc_at(raw)
            raw += 1
        return self.loc_at(raw)

    def _content_start(self, index: int) -> int:
        """Skip a quote, or a block scalar's header line (``|-``, ``>2`` ...)."""
        char = self.text[index : index + 1]
        if char in ("'", '"'):
            return index + 1
        if char in ("|", ">"):
            newline = self.text.find("\n", index)
            return len(self.text) if newline < 0 else newline + 1
        return index

    def _find(self, char: str, index: int) -> int:
        """The raw index of ``char`` at or shortly after ``index`` (else ``index``)."""
        text = self.text
        while index < len(text) and text[index].isspace():
            index += 1
        found = text.find(char, index, index + _LOOKAHEAD)
        return index if found < 0 else found

    def waivers(self, known_rules: frozenset[str]) -> list[Waiver]:
        """Every ``# hrdeck: allow`` comment, with the line it applies to."""
        found = []
        lines = self.text.split("\n")
        for number, line in enumerate(lines, start=1):
            if "hrdeck" not in line:
                continue
            match = _WAIVER.search(line)
            if match is not None:
                found.append(self._waiver(match, line, number, known_rules))
        return found

    def _waiver(
        self, match: re.Match[str], line: str, number: int, known: frozenset[str]
    ) -> Waiver:
        ids = [rid.upper() for rid in _RULE_ID.findall(match.group("rules") or "")]
        standalone = line.lstrip().startswith("#")
        col = line.index("#", match.start()) + 1
        return Waiver(
            loc=Loc(self.display, number, col),
            rules=frozenset(i for i in ids if i in known),
            reason=(match.group("reason") or "").strip(),
            target_line=number + 1 if standalone else number,
            unknown=tuple(i for i in ids if i not in known),
        )
