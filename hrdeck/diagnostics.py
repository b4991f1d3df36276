"""The one diagnostic type: a located, coded message for a curriculum editor.

:class:`Loc` (a file, line and column) lives here too: every stage reports against
the source, so the place type belongs to no single stage.

:func:`printable` is how anything reaches a terminal: a curriculum's keys, values and
file names, or a command-line argument, can hold escape sequences that would
retitle, recolour or clear the editor's terminal, so control characters are shown
as escapes (``\\x1b``) and very long values are shortened.  Diagnostic.format and
every message of the command line go through it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, order=True)
class Loc:
    """A place in a source file (1-based line and column)."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


NOWHERE = Loc("<generated>", 0, 0)


Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    loc: Loc
    severity: Severity
    code: str
    message: str
    hint: str | None = None

    def format(self) -> str:
        """``file:line:col: severity[code]: message``, and the hint on a second line,
        safe to print (see :func:`printable`)."""
        text = printable(f"{self.loc}: {self.severity}[{self.code}]: {self.message}")
        if self.hint:
            text += "\n  hint: " + printable(self.hint)
        return text

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def error(loc: Loc, code: str, message: str, hint: str | None = None) -> Diagnostic:
    return Diagnostic(loc, "error", code, message, hint)


def warning(loc: Loc, code: str, message: str, hint: str | None = None) -> Diagnostic:
    return Diagnostic(loc, "warning", code, message, hint)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Order by file, line, column, then code, so output is stable."""
    return sorted(diagnostics, key=lambda d: (d.loc.file, d.loc.line, d.loc.col, d.code))


# -- printing safely ------------------------------------------------------------------

MAX_QUOTED = 120  # characters of a quoted value a message shows
MAX_LINE = 1000  # characters of one printed line

# C0 and C1 controls and DEL (escape sequences, a bell, a carriage return that
# overwrites the line) and lone surrogates (a file name that is not UTF-8), which
# cannot even be encoded; in a message also the bidirectional controls and line
# separators that reorder or split what a line seems to say.
_TERMINAL_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff"
_IN_A_DOCUMENT = re.compile(f"[{_TERMINAL_CONTROLS}]")
_IN_A_MESSAGE = re.compile(
    f"[\t\n{_TERMINAL_CONTROLS}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_QUOTED = re.compile("'([^'\n]{" + str(MAX_QUOTED + 1) + ",})'")


def printable(text: str, multiline: bool = False) -> str:
    """``text`` safe to print to a terminal.

    A message (the default) becomes one line: every control character, line break
    and bidirectional control is escaped (``\\x1b``, ``\\n``, ``\\u202e``), a quoted
    value of over MAX_QUOTED characters keeps its start and end around a note of
    how many were left out, and so does a line of over MAX_LINE.

    ``multiline`` is for a document printed whole (an outline, a Markdown export, a
    report): only what drives a terminal is escaped (C0 controls but line feed and
    tab, DEL, C1) and nothing is shortened, so the document stays what it was.
    """
    if multiline:
        return _IN_A_DOCUMENT.sub(lambda m: _escape(m.group()), text)
    text = _QUOTED.sub(lambda m: "'" + shortened(m.group(1), MAX_QUOTED) + "'", text)
    return shortened(_IN_A_MESSAGE.sub(lambda m: _escape(m.group()), text), MAX_LINE)


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shortened(text: str, limit: int) -> str:
    """``text`` when at most ``limit`` characters, else its start and end around a
    note of how many characters were left out, ``limit`` characters in all."""
    if len(text) <= limit:
        return text
    keep = limit - len(f"[... {len(text):,} more characters ...]")
    tail = keep // 5
    head = keep - tail
    left_out = len(text) - head - tail
    return f"{text[:head]}[... {left_out:,} more characters ...]{text[len(text) - tail :]}"
