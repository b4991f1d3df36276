"""One hostile-input case: how to make the input, the command, and what must hold after.

A :class:`Case` is data, so the corpus reads as a table (``tests/test_hostile_corpus.py``).
:func:`case_problems` checks, for any case, everything the contract of issue 14
promises, and returns what broke (an empty list when the case holds):

* the exit code is one the case allows (and 0, 1 or 2 at most); no traceback, no
  exception class name, no raw control character printed;
* when the input is rejected, a located ``file:line:col: error[code]`` names it;
* no temporary file of hrdeck's naming is left anywhere in the workspace;
* a failed command leaves the last good outputs byte for byte as they were;
* every .pptx in the output folder is well-formed (no DTD, no broken part);
* no output file name holds a control character (a newline in a slug, say).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.hostile.running import Ran, contract_problems, located_problems, run_cli
from tests.hostile.workspace import (
    PROBE,
    Workspace,
    deck_problems,
    probe_slides,
    snapshot,
    stray_temp_files,
)

Check = Callable[[Workspace, Ran], list[str]]
Make = Callable[[Workspace], list[str]]  # builds the input, returns hrdeck's arguments
Codes = tuple[str, ...]


@dataclass(frozen=True)
class Case:
    """A hostile input and what must hold after hrdeck saw it."""

    name: str
    make: Make
    exits: tuple[int, ...] = (0, 1)
    codes: Codes = ()  # a located diagnostic with one of these codes ...
    where: str = ""  # ... in a file (or folder) whose path ends with this ...
    mentions: str = ""  # ... whose message names this (e.g. the template part)
    severity: str = "error"  # a warning is required whatever the exit code
    check: Check | None = None  # more that must hold, for this case only
    failing: str = ""  # why it fails today: a strict xfail until fixed
    process: bool = False  # run as a child process with a timeout (it might hang)

    def param(self) -> object:
        marks = [pytest.mark.xfail(strict=True, reason=self.failing)] if self.failing else []
        return pytest.param(self, id=self.name, marks=marks)


def params(cases: Sequence[Case]) -> list[object]:
    names = [case.name for case in cases]
    assert len(names) == len(set(names)), "case names must be unique"
    return [case.param() for case in cases]


def good_build(base: Path, audience: str = PROBE) -> Path:
    """The output folder of a good build (of the plain probe module, for the probe
    audience): the "last good outputs" a failed run must leave alone."""
    ws = Workspace(base)
    if audience == PROBE:
        ws.probe(probe_slides())
    ran = run_cli(ws.build(audience))
    assert ran.exit_code == 0, ran.describe()
    return ws.out


def case_problems(case: Case, ws: Workspace, ran: Ran, before: dict[str, bytes]) -> list[str]:
    """Everything the contract promises for ``case``, and what of it broke."""
    problems = contract_problems(ran, case.exits)
    if case.codes and (case.severity == "warning" or ran.exit_code not in (0, None)):
        problems += located_problems(ran, case.codes, case.where, case.severity, case.mentions)
    if case.codes and case.severity == "error" and 0 not in case.exits and ran.exit_code == 0:
        problems.append("the input was accepted")
    problems += output_problems(ws, ran, before)
    if case.check is not None:
        problems += case.check(ws, ran)
    return problems


def output_problems(ws: Workspace, ran: Ran, before: dict[str, bytes]) -> list[str]:
    problems = [f"temporary file left: {name}" for name in stray_temp_files(ws.base)]
    after = snapshot(ws.out)
    if ran.exit_code != 0 and after != before:
        changed = sorted(k for k in {*before, *after} if before.get(k) != after.get(k))
        problems.append(f"a failed run changed the last good outputs: {', '.join(changed)}")
    for name in after:
        if any(ord(c) < 32 or 127 <= ord(c) < 160 for c in name):
            problems.append(f"an output file name holds a control character: {name!r}")
    for deck in sorted(ws.out.rglob("*.pptx")) if ws.out.is_dir() else []:
        problems += [f"{deck.name}: {problem}" for problem in deck_problems(deck)]
    return problems
