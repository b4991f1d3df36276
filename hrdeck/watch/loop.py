"""The file-watching side of ``hrdeck watch``: watchdog events, debounced, to rebuilds.

Editors save in bursts (a temporary file, a rename, a modify, a close), so a
:class:`Debouncer` gathers the paths of a burst and calls the rebuild once the
folder has been quiet for a moment, on its own thread, one rebuild at a time.
:class:`ChangeHandler` turns watchdog events into paths, dropping editors' scratch
files and anything in the output folder, so writing the deck never starts a loop.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from hrdeck.watch.rebuild import Rebuilder, RebuildResult

DEBOUNCE_SECONDS = 0.1
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
    """Passes the paths of relevant file changes to ``on_change``."""

    def __init__(
        self, on_change: Callable[[list[Path]], None], ignored: Callable[[Path], bool]
    ) -> None:
        super().__init__()
        self._on_change = on_change
        self._ignored = ignored

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in CHANGE_EVENTS:
            return
        if event.is_directory and event.event_type in ("modified", "created", "closed"):
            return  # a folder's own timestamp; the files inside report themselves
        paths = [Path(os.fsdecode(event.src_path))]
        if event.dest_path:
            paths.append(Path(os.fsdecode(event.dest_path)))
        wanted = [p for p in paths if not self._ignored(p)]
        if wanted:
            self._on_change(wanted)


class Watch:
    """An observer over the rebuilder's folders, feeding a debounced rebuild."""

    def __init__(
        self,
        rebuilder: Rebuilder,
        report: Callable[[RebuildResult], None],
        delay: float = DEBOUNCE_SECONDS,
    ) -> None:
        self.rebuilder = rebuilder
        self._report = report
        self._debouncer = Debouncer(self._rebuild, delay)
        self._handler = ChangeHandler(self._debouncer.add, rebuilder.is_ignored)
        self._observer: BaseObserver = Observer()
        self._watched: set[Path] = set()

    def start(self) -> list[Path]:
        """Start watching; returns the folders watched."""
        self._schedule_new_folders()
        self._debouncer.start()
        self._observer.start()
        return sorted(self._watched)

    def stop(self) -> None:
        self._observer.stop()
        self._debouncer.stop()
        if self._observer.is_alive():
            self._observer.join(5.0)

    def serve(self) -> None:
        """Watch until Ctrl-C, then stop the threads and return normally."""
        try:
            while self._observer.is_alive():
                self._observer.join(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()

    def _rebuild(self, changed: frozenset[Path]) -> None:
        result = self.rebuilder.rebuild(sorted(changed))
        self._schedule_new_folders()  # hrdeck.yaml may now extend another curriculum
        self._report(result)

    def _schedule_new_folders(self) -> None:
        for folder in self.rebuilder.folders():
            if folder not in self._watched and folder.is_dir():
                self._observer.schedule(self._handler, str(folder), recursive=True)
                self._watched.add(folder)
