"""Rich text as every stage after the curriculum sees it: runs of one formatting in paragraphs.

The plan builds these from inline Markdown; text fitting measures them; the renderer,
the guide and the exports write them.  Plain frozen data, importing nothing of hrdeck.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: str | None = None


@dataclass(frozen=True)
class Para:
    """A paragraph: runs at an indent level (0 = top level bullet)."""

    runs: tuple[Run, ...]
    level: int = 0

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)
