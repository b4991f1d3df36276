"""The one diagnostic type: a located, coded message for a curriculum editor.

:class:`Loc` (a file, line and column) lives here too: every stage reports against
the source, so the place type belongs to no single stage.
"""

from __future__ import annotations

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
        text = f"{self.loc}: {self.severity}[{self.code}]: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
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
