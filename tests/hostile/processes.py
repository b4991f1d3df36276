"""Process-level hostility: Ctrl-C, a full disk, no permission, a watched folder deleted.

Everything here drives a real ``python -m hrdeck`` process: signals go to its whole
process group (as a terminal's Ctrl-C does), limits are set in the child before it
starts, and every wait has a deadline.  Running as root, permission checks are
simulated by dropping the capabilities that let root ignore file modes
(CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) from the child's bounding set: it still runs
as root but a folder with mode 000 is then closed to it, as to anyone.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import queue
import resource
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE = 1
CAP_DAC_READ_SEARCH = 2


def group_members(pgid: int) -> list[int]:
    """Process ids whose process group is ``pgid`` (from /proc)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(entry.name))
    return members


def wait_for(condition: Callable[[], bool], timeout: float, step: float = 0.005) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


# -- privileges and limits, applied in the child before it runs hrdeck -----------------


def _drop_capability(cap: int) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def honour_file_modes() -> None:
    """preexec: make root subject to file modes, as every other user is."""
    if os.geteuid() == 0:
        _drop_capability(CAP_DAC_OVERRIDE)
        _drop_capability(CAP_DAC_READ_SEARCH)


def file_modes_can_be_honoured() -> bool:
    """Whether :func:`honour_file_modes` works here (not root, or root allowed to drop)."""
    if os.geteuid() != 0:
        return True
    probe = subprocess.run(["true"], preexec_fn=honour_file_modes, check=False)
    return probe.returncode == 0


def disk_full_after(limit: int) -> Callable[[], None]:
    """preexec: writes past ``limit`` bytes per file fail with EFBIG, like a full disk."""

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return limit_file_size


@contextlib.contextmanager
def closed(folder: Path, mode: int = 0) -> Iterator[Path]:
    """``folder`` with ``mode`` (default: no access at all) for the duration."""
    before = folder.stat().st_mode & 0o7777
    folder.chmod(mode)
    try:
        yield folder
    finally:
        folder.chmod(before)


@contextlib.contextmanager
def immutable(path: Path) -> Iterator[Path]:
    """``path`` made immutable (chattr +i): even root cannot replace or rename over it."""
    made = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if made.returncode != 0:
        raise OSError(made.stderr.decode(errors="replace").strip() or "chattr +i failed")
    try:
        yield path
    finally:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=False)


# -- reading a running process's output line by line ---------------------------------


class LineReader:
    """Collects a pipe's lines on a thread, so a test can wait for one with a deadline."""

    def __init__(self, stream: object) -> None:
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._thread = threading.Thread(target=self._pump, args=(stream,), daemon=True)
        self._thread.start()

    def _pump(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            self._queue.put(line)
        self._queue.put(None)

    def wait_for(self, predicate: Callable[[str], bool], timeout: float) -> str | None:
        """The first new line matching ``predicate`` within ``timeout`` s, else None."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._queue.get(timeout=left)
            except queue.Empty:
                return None
            if line is None:
                return None
            self.lines.append(line)
            if predicate(line):
                return line
        return None

    def rest(self, timeout: float = 2.0) -> str:
        """Everything still to come, until the stream ends or ``timeout`` passes."""
        self.wait_for(lambda _: False, timeout)
        return "".join(self.lines)
