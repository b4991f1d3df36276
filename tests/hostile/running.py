"""Run hrdeck's command line as a user would, and list how a run broke the contract.

The contract of issue 14, for any input: exit 0, 1 or 2 as documented; no traceback
and no Python exception class name in what is printed; no raw control character
printed (a curriculum must not drive the terminal); a located
``file:line:col: error[code]`` where the input is at fault.  Two ways to run: in
this process with click's ``CliRunner`` (fast, most cases) or as ``python -m hrdeck``
in its own process group (signals, timeouts, lowered privileges).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from hrdeck.cli import cli

LOCATED = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<severity>error|warning|info)\[(?P<code>[a-z0-9-]+)\]: (?P<message>.*)$",
    re.MULTILINE,
)
PYTHON_INTERNALS = re.compile(
    r"Traceback|\b_?[A-Z][A-Za-z]*(?:Error|Exception|Interrupt|Exit|Iteration|Warning)\b"
    r"|\bBrokenProcessPool\b"
)
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all but tab and newline


@dataclass(frozen=True)
class Ran:
    """What one command did: exit code (None when stopped at the timeout), output, time."""

    args: tuple[str, ...]
    exit_code: int | None
    stdout: str
    stderr: str
    crash: str = ""  # an exception that escaped an in-process run, formatted
    seconds: float = 0.0

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def describe(self) -> str:
        shown = self.output if len(self.output) < 3000 else self.output[:3000] + "\n[...]"
        return f"hrdeck {' '.join(self.args)[:300]}\nexit {self.exit_code}\n{shown}{self.crash}"


@dataclass(frozen=True)
class Located:
    file: str
    line: int
    col: int
    severity: str
    code: str
    message: str


def run_cli(args: Sequence[str], cwd: Path | None = None) -> Ran:
    """``hrdeck ARGS`` in this process (stdin empty); an escaping exception is a crash.

    ``color=True`` keeps what a terminal would get: click strips ANSI sequences from
    output that is not a terminal, which would hide an escape a curriculum injects.
    """
    chdir = contextlib.chdir(cwd) if cwd is not None else contextlib.nullcontext()
    started = time.perf_counter()
    with chdir:
        result = CliRunner().invoke(cli, list(args), catch_exceptions=True, color=True)
    crash = ""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        crash = "".join(traceback.format_exception(result.exception))
    seconds = time.perf_counter() - started
    return Ran(tuple(args), result.exit_code, result.stdout, result.stderr, crash, seconds)


def hrdeck_command(args: Sequence[str]) -> list[str]:
    return [sys.executable, "-m", "hrdeck", *args]


@contextlib.contextmanager
def started(
    args: Sequence[str],
    cwd: Path | None = None,
    preexec: Callable[[], None] | None = None,
) -> Iterator[subprocess.Popen[str]]:
    """``python -m hrdeck ARGS`` in a new process group, killed (group and all) on exit."""
    process = subprocess.Popen(
        hrdeck_command(args),
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="backslashreplace",
        start_new_session=True,
        preexec_fn=preexec,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        yield process
    finally:
        kill_group(process)


def kill_group(process: subprocess.Popen[str]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired, ValueError):
        process.communicate(timeout=10)


def finish(process: subprocess.Popen[str], args: Sequence[str], timeout: float) -> Ran:
    """Wait for ``process``; past ``timeout`` kill its group and report exit None."""
    begun = time.perf_counter()
    try:
        stdout, stderr = process.communicate(timeout=timeout)
        code: int | None = process.returncode
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
        code = None
    return Ran(tuple(args), code, stdout, stderr, seconds=time.perf_counter() - begun)


def run_process(
    args: Sequence[str],
    timeout: float = 60,
    cwd: Path | None = None,
    preexec: Callable[[], None] | None = None,
) -> Ran:
    """``python -m hrdeck ARGS`` in its own process group, stopped after ``timeout`` s."""
    with started(args, cwd, preexec) as process:
        return finish(process, args, timeout)


# -- the contract -----------------------------------------------------------------------


def contract_problems(ran: Ran, exits: Sequence[int] = (0, 1, 2)) -> list[str]:
    """How ``ran`` broke the contract that holds for every input, if it did."""
    problems = []
    if ran.exit_code is None:
        problems.append(f"still running after {ran.seconds:.0f} s: stopped")
    elif ran.exit_code not in exits:
        problems.append(f"exit code {ran.exit_code}, expected one of {sorted(exits)}")
    if ran.crash:
        problems.append(f"an exception escaped: {ran.crash.strip().splitlines()[-1]}")
    if found := PYTHON_INTERNALS.search(ran.output):
        problems.append(f"Python internals printed: {found.group()!r}")
    if found := RAW_CONTROL.search(ran.output):
        problems.append(f"raw control character U+{ord(found.group()):04X} printed")
    return problems


def located(ran: Ran) -> list[Located]:
    """Every ``file:line:col: severity[code]: message`` line printed."""
    return [
        Located(m["file"], int(m["line"]), int(m["col"]), m["severity"], m["code"], m["message"])
        for m in LOCATED.finditer(ran.output)
    ]


def located_problems(
    ran: Ran, codes: Sequence[str], where: str, severity: str = "error", mentions: str = ""
) -> list[str]:
    """Problems unless a diagnostic of ``severity`` with one of ``codes`` is printed,
    located at line >= 1 of a file ending with ``where`` (and naming ``mentions``)."""
    wanted = f"{severity}[{'|'.join(codes)}]"
    found = [d for d in located(ran) if d.code in codes and d.severity == severity]
    if not found:
        return [f"no located {wanted} printed"]
    placed = [d for d in found if d.file.endswith(where) and d.line >= 1]
    if not placed:
        return [f"{wanted} not located in a file ending with {where!r} at a line >= 1"]
    if mentions and not any(mentions in d.message for d in placed):
        return [f"{wanted} does not name {mentions!r}"]
    return []
