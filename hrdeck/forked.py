"""Run a function over items in forked worker processes; on Ctrl-C, stop them all at once.

``hrdeck build --audience all`` builds its audiences this way (:func:`run_forked`):

- workers are forked (Linux), so they inherit what the parent has loaded (the
  validated curriculum, the imported renderer) instead of a pickled copy;
- a terminal's Ctrl-C reaches the whole process group, but workers ignore it: only
  the parent decides.  It kills its workers (SIGKILL: they hold nothing but results
  in memory, and write no file) and waits for them before the KeyboardInterrupt goes
  on, so no worker prints a traceback or outlives the command.  The signals are
  blocked across each fork, so no worker can be interrupted before it ignores them;
- a result comes back pickled through a pipe; an exception raised in a worker is
  raised again in the parent (an HrdeckError with its diagnostics); a worker that
  ends without a result is a BuildError naming its item.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import selectors
import signal
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NoReturn, TypeVar, cast

from hrdeck.errors import BuildError, HrdeckError

T = TypeVar("T")
R = TypeVar("R")

CHUNK = 1 << 20  # bytes read from a worker's pipe at a time
_STOPPING = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n))
_BLOCKED = {signal.SIGINT, *_STOPPING}


@dataclass
class _Worker:
    index: int
    pid: int
    fd: int
    chunks: list[bytes] = field(default_factory=list)


def run_forked(
    work: Callable[[T], R],
    items: Sequence[T],
    workers: int,
    done: Callable[[T], None] | None = None,
) -> list[R]:
    """``[work(item) for item in items]``, each in a forked process, ``workers`` at a time.

    ``done(item)`` is called in the parent as each result arrives.  When items fail,
    the exception of the first failing item (in ``items`` order, as a plain loop
    would raise) is raised; a KeyboardInterrupt in the parent goes on at once.  Either
    way every worker still running is stopped first.
    """
    results: dict[int, R] = {}
    failed: tuple[int, Exception] | None = None
    waiting = list(enumerate(items))[::-1]
    running: dict[int, _Worker] = {}
    try:
        with selectors.DefaultSelector() as selector:
            while waiting or running:
                while waiting and len(running) < workers and failed is None:
                    worker = _start(work, *waiting.pop())
                    running[worker.fd] = worker
                    selector.register(worker.fd, selectors.EVENT_READ, worker)
                if failed is not None and all(w.index > failed[0] for w in running.values()):
                    break  # nothing earlier can fail any more
                for key, _ in selector.select():
                    worker = key.data
                    if _read(worker):
                        continue
                    selector.unregister(worker.fd)
                    del running[worker.fd]
                    item = items[worker.index]
                    try:
                        results[worker.index] = cast(R, _finish(worker, item))
                    except Exception as exc:
                        if failed is None or worker.index < failed[0]:
                            failed = (worker.index, exc)
                        continue
                    if done is not None:
                        done(item)
    finally:
        _stop(running.values())
    if failed is not None:
        raise failed[1]
    return [results[index] for index in range(len(items))]


def _read(worker: _Worker) -> bool:
    """Read what the worker sent so far; False at the end of its pipe."""
    chunk = os.read(worker.fd, CHUNK)
    worker.chunks.append(chunk)
    return bool(chunk)


# -- the parent's side ---------------------------------------------------------------


@contextlib.contextmanager
def _signals_blocked() -> Iterator[None]:
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _BLOCKED)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _start(work: Callable[[T], R], index: int, item: T) -> _Worker:
    read_fd, write_fd = os.pipe()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()  # a worker must not inherit half a line to print again
    with _signals_blocked():
        try:
            pid = os.fork()
        except OSError as exc:
            os.close(read_fd)
            os.close(write_fd)
            raise BuildError(f"cannot start a build process: {exc.strerror}") from exc
        if pid == 0:
            _worker_main(work, item, read_fd, write_fd)
    os.close(write_fd)
    return _Worker(index, pid, read_fd)


def _finish(worker: _Worker, item: object) -> object:
    """The result a worker sent, or its exception raised here."""
    os.close(worker.fd)
    _, status = os.waitpid(worker.pid, 0)
    payload = b"".join(worker.chunks)
    if not payload:
        raise BuildError(f"the process building {item} ended without a result ({_how(status)})")
    kind, value, remote = pickle.loads(payload)
    if kind == "ok":
        return value
    if isinstance(value, BaseException):
        if not isinstance(value, HrdeckError):
            value.add_note(f"raised in the process building {item}:\n{remote}")
        raise value
    raise BuildError(f"the process building {item} failed: {remote.strip().splitlines()[-1]}")


def _how(status: int) -> str:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        with contextlib.suppress(ValueError):
            return f"stopped by {signal.Signals(number).name}"
        return f"stopped by signal {number}"
    return f"exit status {os.waitstatus_to_exitcode(status)}"


def _stop(workers: Iterable[_Worker]) -> None:
    """Kill every worker still running and wait for each, so none outlives the parent."""
    left = list(workers)
    for worker in left:
        with contextlib.suppress(ProcessLookupError):
            os.kill(worker.pid, signal.SIGKILL)
    for worker in left:
        with contextlib.suppress(OSError):
            os.close(worker.fd)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(worker.pid, 0)


# -- the worker's side ---------------------------------------------------------------


def _worker_main(work: Callable[[T], R], item: T, read_fd: int, write_fd: int) -> NoReturn:
    """In the forked child: ignore Ctrl-C, do the work, send the outcome, exit.

    Never returns into the parent's code (``os._exit``: no atexit handlers, no
    flushing of buffers inherited from the parent).
    """
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        for number in _STOPPING:
            signal.signal(number, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _BLOCKED)
        os.close(read_fd)
        payload = _outcome(work, item)
        with os.fdopen(write_fd, "wb") as pipe:
            pipe.write(payload)
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _outcome(work: Callable[[T], R], item: T) -> bytes:
    try:
        return pickle.dumps(("ok", work(item), ""))
    except BaseException as exc:
        remote = "".join(traceback.format_exception(exc))
        try:
            sent = pickle.dumps(("error", exc, remote))
            pickle.loads(sent)  # some exceptions pickle but cannot be rebuilt
        except Exception:
            sent = pickle.dumps(("error", None, remote))  # then only its text goes
        return sent
