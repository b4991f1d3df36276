"""Located problems found in an agency template: one small value type for every check.

A problem names the package part it is about (``ppt/theme/theme1.xml``), and where
known the line in that part, so a user can find it; ``master``/``layout`` name the
slide master (1-based) and layout a geometry finding is about.  The lead's
``Diagnostic`` type can be built from these fields; this package depends on nothing
else in hrdeck.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]

BAD_TEMPLATE = "bad-template"
REPAIRED = "template-repaired"
RESAVE_HINT = "open the template in PowerPoint or LibreOffice and save it again as .pptx or .potx"


@dataclass(frozen=True)
class Problem:
    """One finding: what is wrong, where, and what to do about it."""

    severity: Severity
    code: str
    part: str
    message: str
    hint: str = ""
    line: int = 0
    master: int | None = None
    layout: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def where(self) -> str:
        """``part:line`` or the master and layout, for messages."""
        if self.master is not None:
            layout = f", layout {self.layout!r}" if self.layout is not None else ""
            return f"master {self.master}{layout}"
        return f"{self.part}:{self.line}" if self.line else self.part

    def format(self) -> str:
        text = f"{self.where or 'template'}: {self.severity}[{self.code}]: {self.message}"
        return text + (f"\n  hint: {self.hint}" if self.hint else "")


def bad(part: str, message: str, hint: str = RESAVE_HINT, line: int = 0) -> Problem:
    """A ``bad-template`` error: hrdeck cannot use the template as it is."""
    return Problem("error", BAD_TEMPLATE, part, message, hint, line)


def repaired(part: str, message: str) -> Problem:
    """A repair hrdeck made on its in-memory copy (the user's file is untouched)."""
    return Problem("info", REPAIRED, part, message)


def has_errors(problems: tuple[Problem, ...] | list[Problem]) -> bool:
    return any(p.is_error for p in problems)
