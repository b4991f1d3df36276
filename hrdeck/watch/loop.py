"""The file-watching side of ``hrdeck watch``: watchdog events, debounced, to rebuilds.

Editors save in bursts (a temporary file, a rename, a modify, a close), so a
:class:`Debouncer` gathers the paths of a burst and calls the rebuild once the
folder has been quiet for a moment, on its own thread, one rebuild at a time.
:class:`ChangeHandler` turns watchdog events into paths, dropping editors' scratch
files and anything in the output folder, so writing the deck never starts a loop.

A watched folder can go away under the watch: deleted, or moved aside and a new
one put in its place (a ``git checkout``, a sync tool, an editor's "save all").
The operating system's watch then follows the old folder or ends, and would stay
deaf to the new one.  :class:`Watch` checks every folder it watches a few times a
second (is it still there, is it still the same folder?), says when one is gone,
and when it is back watches the new folder and rebuilds.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch

from hrdeck.errors import HrdeckError
from hrdeck.watch.rebuild import Rebuilder, RebuildResult

DEBOUNCE_SECONDS = 0.1
CHECK_SECONDS = 0.25  # how often watched folders are checked for being replaced
# closed_no_write and opened fire when a file is only read (by the rebuild itself).
CHANGE_EVENTS = frozenset({"created", "deleted", "modified", "moved", "closed"})


class Debouncer:
    """Calls ``action(paths)`` on a worker thread once ``delay`` passes without a new path."""

    def __init__(self, action: Callable[[frozenset[Path]], object], delay: float) -> None:
        self._action = action
        self._delay = delay
        self._paths: set[Path] = set()
        self._last = 0.0
        self._stopped = False
        self._ready = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="hrdeck-rebuild", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def add(self, paths: Iterable[Path]) -> None:
        with self._ready:
            self._paths.update(paths)
            self._last = time.monotonic()
            self._ready.notify()

    def stop(self, timeout: float = 5.0) -> None:
        with self._ready:
            self._stopped = True
            self._ready.notify()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while (batch := self._next_batch()) is not None:
            self._action(batch)

    def _next_batch(self) -> frozenset[Path] | None:
        with self._ready:
            while not self._paths and not self._stopped:
                self._ready.wait()
            while not self._stopped:
                quiet_for = time.monotonic() - self._last
                if quiet_for >= self._delay:
                    break
                self._ready.wait(self._delay - quiet_for)
            if self._stopped:
                return None
            batch = frozenset(self._paths)
            self._paths.clear()
            return batch


class ChangeHandler(FileSystemEventHandler):
    """Passes the paths of relevant file changes to ``on_change``, and the folders
    deleted or moved away to ``on_folder_gone``."""

    def __init__(
        self,
        on_change: Callable[[list[Path]], None],
        ignored: Callable[[Path], bool],
        on_folder_gone: Callable[[Path], None] = lambda _: None,
    ) -> None:
        super().__init__()
        self._on_change = on_change
        self._ignored = ignored
        self._on_folder_gone = on_folder_gone

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in CHANGE_EVENTS:
            return
        if event.is_directory and event.event_type in ("deleted", "moved"):
            self._on_folder_gone(Path(os.fsdecode(event.src_path)))
        if event.is_directory and event.event_type in ("modified", "created", "closed"):
            return  # a folder's own timestamp; the files inside report themselves
        paths = [Path(os.fsdecode(event.src_path))]
        if event.dest_path:
            paths.append(Path(os.fsdecode(event.dest_path)))
        wanted = [p for p in paths if not self._ignored(p)]
        if wanted:
            self._on_change(wanted)


@dataclass
class _Watched:
    """One watched folder: watchdog's watch, which folder it was, and whether it left."""

    watch: ObservedWatch
    identity: tuple[int, int] | None  # (device, inode) when it was scheduled
    gone: bool = False  # deleted or moved away since
    told: bool = False  # the user was told it is gone


def folder_identity(folder: Path) -> tuple[int, int] | None:
    """(device, inode) of the folder at ``folder`` now; None when there is none."""
    try:
        st = os.stat(folder)
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if os.path.isdir(folder) else None


class Watch:
    """An observer over the rebuilder's folders, feeding a debounced rebuild."""

    def __init__(
        self,
        rebuilder: Rebuilder,
        report: Callable[[RebuildResult], None],
        delay: float = DEBOUNCE_SECONDS,
        notice: Callable[[str], None] = lambda _: None,
    ) -> None:
        self.rebuilder = rebuilder
        self._report = report
        self._notice = notice
        self._debouncer = Debouncer(self._rebuild, delay)
        self._handler = ChangeHandler(self._debouncer.add, rebuilder.is_ignored, self._folder_gone)
        self._observer: BaseObserver = Observer()
        self._watched: dict[Path, _Watched] = {}
        self._lock = threading.Lock()  # the rebuild thread adds folders, serve() checks them
        self._stopping = False

    def start(self) -> list[Path]:
        """Start watching; returns the folders watched."""
        self._schedule_new_folders()
        self._debouncer.start()
        self._observer.start()
        return sorted(self._watched)

    def stop(self) -> None:
        self._stopping = True
        self._observer.stop()
        self._debouncer.stop()
        if self._observer.is_alive():
            self._observer.join(5.0)

    def serve(self) -> None:
        """Watch until Ctrl-C, then stop the threads and return normally.

        Raises HrdeckError if the watching itself stops (it must never go deaf
        without saying so).
        """
        try:
            while self._observer.is_alive():
                self._observer.join(CHECK_SECONDS)
                self.check_folders()
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()
        if not self._stopping:
            raise HrdeckError("watching stopped unexpectedly; start 'hrdeck watch' again")

    def check_folders(self) -> None:
        """Say when a watched folder is gone; watch it again (and rebuild) once it is back."""
        with self._lock:
            for folder, watched in list(self._watched.items()):
                now = folder_identity(folder)
                if now is None:
                    watched.gone = True
                    if not watched.told:
                        watched.told = True
                        self._notice(f"watch: {folder} is gone; waiting for it to come back")
                elif watched.gone or now != watched.identity:
                    self._watch_again(folder, watched)

    def _watch_again(self, folder: Path, old: _Watched) -> None:
        with contextlib.suppress(Exception):  # its watch may have ended with the folder
            self._observer.unschedule(old.watch)
        try:
            self._schedule(folder)
        except OSError:
            old.gone = True  # gone again already: try on the next check
            return
        self._notice(f"watch: {folder} was replaced; watching the new one")
        self._debouncer.add([folder])  # its files may all be new: rebuild from them

    def _folder_gone(self, path: Path) -> None:
        """From the observer's thread: a deleted or moved folder may be one we watch."""
        with self._lock:
            watched = self._watched.get(path)
            if watched is not None and not watched.gone:
                watched.gone = folder_identity(path) in (None, watched.identity)

    def _rebuild(self, changed: frozenset[Path]) -> None:
        result = self.rebuilder.rebuild(sorted(changed))
        self._schedule_new_folders()  # hrdeck.yaml may now extend another curriculum
        self._report(result)

    def _schedule_new_folders(self) -> None:
        with self._lock:
            for folder in self.rebuilder.folders():
                if folder not in self._watched and folder.is_dir():
                    self._schedule(folder)

    def _schedule(self, folder: Path) -> None:
        identity = folder_identity(folder)
        watch = self._observer.schedule(self._handler, str(folder), recursive=True)
        self._watched[folder] = _Watched(watch, identity)
