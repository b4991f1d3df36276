"""Checks a case can add to the common contract (``Case.check``): each returns problems.

``errors_only`` (no spurious errors beside the expected ones), ``error_at_line`` (a
diagnostic at a given line, not a character position), ``never_says``,
``lines_shorter_than`` (no diagnostic floods the terminal), ``long_token_handled``
(item 18: a long token is broken or shortened on the slide).
"""

from __future__ import annotations

from tests.hostile.cases import Check
from tests.hostile.exports import longest_unbreakable, slide_paragraphs
from tests.hostile.running import Ran, located
from tests.hostile.workspace import Workspace

UNBREAKABLE = 100  # characters: a longer token cannot fit one line of a slide at 18 pt


def errors_only(codes: tuple[str, ...]) -> Check:
    def check(ws: Workspace, ran: Ran) -> list[str]:
        others = sorted(
            {d.code for d in located(ran) if d.severity == "error" and d.code not in codes}
        )
        return [f"spurious errors beside {codes}: {others}"] if others else []

    return check


def error_at_line(file: str, line: int) -> Check:
    def check(ws: Workspace, ran: Ran) -> list[str]:
        problems = []
        if not any(d.file.endswith(file) and d.line == line for d in located(ran)):
            problems.append(f"no diagnostic located at {file}:{line}")
        if "position" in ran.output:
            problems.append("the message gives a character position, not line:col")
        return problems

    return check


def never_says(text: str) -> Check:
    def check(ws: Workspace, ran: Ran) -> list[str]:
        return [f"says {text!r}"] if text in ran.output else []

    return check


def lines_shorter_than(limit: int) -> Check:
    def check(ws: Workspace, ran: Ran) -> list[str]:
        longest = max((len(line) for line in ran.output.splitlines()), default=0)
        return [f"prints a line of {longest} characters"] if longest >= limit else []

    return check


def long_token_handled(ws: Workspace, ran: Ran) -> list[str]:
    """A long token is broken or shortened on the slide, and the warning counts right."""
    problems = never_says("continues on 0 more slide")(ws, ran)
    for deck in sorted(ws.out.glob("*-probe.pptx")):
        for part, text in slide_paragraphs(deck):
            if (longest := longest_unbreakable(text)) > UNBREAKABLE:
                problems.append(f"{part}: a run of {longest} characters with no line break")
    return problems
