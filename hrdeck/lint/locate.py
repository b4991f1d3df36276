"""Where a finding sits in the YAML file: an offset in a decoded string -> line and column.

The loader records where each scalar starts (its first character, quote or block
indicator).  :class:`SourceText` maps an offset inside the decoded string back to a
line and column by walking the raw text alongside the decoded one: indentation,
folded line breaks, quotes and escapes are skipped, so plain, quoted, multi-line and
block scalars (``|`` and ``>``) are all located to the word.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from hrdeck.diagnostics import Loc

_LOOKAHEAD = 12  # raw characters searched for a decoded one (escapes like \u2014)


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
