"""``hrdeck watch``: rebuild the decks whenever a curriculum, project or theme file changes.

:class:`Rebuilder` does one rebuild per call and keeps, between calls, what did not
change: parsed documents and the theme (:mod:`hrdeck.watch.cache`) and, per audience, the
DeckPlan its files were last written from, so an audience whose plan did not change
is not rendered or written again.  A rebuild runs the same checks as ``hrdeck
build`` and writes atomically, so invalid content keeps the last good deck.

The file watching (watchdog) lives in :mod:`hrdeck.watch.loop`; tests drive
:meth:`Rebuilder.rebuild` directly.  :func:`time_warm_rebuild` is what the
benchmark times: one real edit in a warm process.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from hrdeck.atomic import write_atomically
from hrdeck.curriculum.trainer import NO_TRAINER, TrainerOverrides
from hrdeck.curriculum.validate import ValidDocuments
from hrdeck.diagnostics import Diagnostic, shortened, sort_diagnostics
from hrdeck.errors import HrdeckError, UsageError
from hrdeck.lint.walk import LintMemo
from hrdeck.pipeline import (
    BuildRequest,
    Sources,
    outputs_for,
    plan_audience,
    prepare,
    refuse_unwritable_names,
)
from hrdeck.render.deck import RenderMemo
from hrdeck.watch.cache import DocumentCache, ThemeCache

if TYPE_CHECKING:
    from hrdeck.plan.types import DeckPlan

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class RebuildResult:
    """What one rebuild did: files written, or why the last good deck was kept."""

    ok: bool
    seconds: float
    written: list[Path] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # audiences already up to date
    diagnostics: list[Diagnostic] = field(default_factory=list)
    message: str | None = None  # why nothing was written, when not ok
    usage_error: UsageError | None = None  # the command line asks for what does not exist

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.is_error)

    def summary(self) -> str:
        """The one line printed per rebuild."""
        took = f"{self.seconds:.2f} s"
        if not self.ok:
            if not self.errors:  # no diagnostic to count: say what stopped the rebuild
                return f"{took}: kept the last good deck: {self.message or 'the rebuild failed'}"
            return f"{took}: kept the last good deck: {self.errors} error{'s' * (self.errors != 1)}"
        wrote = ", ".join(str(p) for p in self.written) or "nothing new to write"
        same = f" ({', '.join(self.unchanged)} unchanged)" if self.unchanged else ""
        return f"{took}: wrote {wrote}{same}"


@dataclass(frozen=True)
class _Written:
    plan: DeckPlan
    theme_generation: int
    files: tuple[Path, ...]


@dataclass(frozen=True)
class WatchSettings:
    """What ``hrdeck watch`` passes on to every rebuild, as ``build`` takes it: the
    session's slot and start, the trainer's settings, the project's themes folder."""

    minutes: float | None = None
    start: str | None = None
    trainer: TrainerOverrides = NO_TRAINER
    themes_dir: Path | None = None


class Rebuilder:
    """Rebuilds one curriculum's decks, reusing what did not change since the last call."""

    def __init__(
        self,
        root: Path,
        audience: str | None = None,
        theme: str | None = None,
        out_dir: Path = Path("build"),
        settings: WatchSettings = WatchSettings(),
    ) -> None:
        self.root = root
        self.audience = audience
        self.theme = theme
        self.out_dir = out_dir
        self.settings = settings
        self.documents = DocumentCache()
        self.sources = Sources(self.documents.load, ValidDocuments(), LintMemo())
        self.render_memo = RenderMemo()
        self.themes = ThemeCache()
        self._written: dict[str, _Written] = {}
        self.renders = 0  # decks rendered so far (the tests count work with it)

    def rebuild(self, changed: Iterable[Path] = ()) -> RebuildResult:
        """Rebuild after ``changed`` files changed; never raises for bad content."""
        started = time.perf_counter()
        self._forget(list(changed))
        try:
            result = self._build()
        except HrdeckError as exc:
            result = RebuildResult(False, 0.0, message=exc.message)
            result.diagnostics = list(exc.diagnostics)
            result.usage_error = exc if isinstance(exc, UsageError) else None
        except Exception as exc:  # a bug must not end the editor's session
            if os.environ.get("HRDECK_DEBUG"):
                traceback.print_exc()
            result = RebuildResult(False, 0.0, message=internal_error_message(exc))
        result.seconds = time.perf_counter() - started
        return result

    def folders(self) -> list[Path]:
        """The folders to watch: every curriculum layer and the theme's folder."""
        found = {self.root.absolute(), *self.documents.folders()}
        if self.themes.folder is not None:
            found.add(self.themes.folder)
        return sorted(f for f in found if not any(o in f.parents for o in found))

    def is_ignored(self, path: Path) -> bool:
        """Temporary, hidden and output files do not start a rebuild."""
        return is_scratch_file(path) or _is_under(path, self.out_dir)

    def _forget(self, changed: Sequence[Path]) -> None:
        self.documents.forget(changed)
        self.themes.forget_if_touched(changed, self.root)
        if any(p.suffix not in YAML_SUFFIXES for p in changed):
            self._written.clear()  # an image or template changed: render everything again

    def _build(self) -> RebuildResult:
        request = BuildRequest(
            self.root,
            self.audience,
            self.theme,
            self.out_dir,
            minutes=self.settings.minutes,
            start=self.settings.start,
            trainer=self.settings.trainer,
            themes_dir=self.settings.themes_dir,
        )
        prepared = prepare(request, self.sources, self.themes.get)
        refuse_unwritable_names(prepared)
        result = RebuildResult(True, 0.0, diagnostics=list(prepared.diagnostics))
        files: list[tuple[str, bytes]] = []
        pending: dict[str, _Written] = {}
        for audience in prepared.audiences:
            planned = plan_audience(
                prepared.curriculum, audience, prepared.theme.rules, prepared.session
            )
            plan = planned.plan
            result.diagnostics += planned.diagnostics
            if self._up_to_date(audience, plan):
                result.unchanged.append(audience)
                continue
            self.renders += 1
            theme = prepared.theme.theme
            outputs = outputs_for(plan, theme, memo=self.render_memo, lines=planned.lines)
            files += outputs
            paths = tuple(self.out_dir / name for name, _ in outputs)
            pending[audience] = _Written(plan, self.themes.generation, paths)
        result.written = write_atomically(self.out_dir, files) if files else []
        self._written.update(pending)
        result.diagnostics = sort_diagnostics(result.diagnostics)
        return result

    def _up_to_date(self, audience: str, plan: DeckPlan) -> bool:
        last = self._written.get(audience)
        if last is None or last.theme_generation != self.themes.generation or last.plan != plan:
            return False
        return all(path.is_file() for path in last.files)


def internal_error_message(exc: Exception) -> str:
    """What a bug that stopped a rebuild says: what happened, not Python's class names."""
    detail = shortened(str(exc).strip(), 200) or "no detail"
    return f"an internal error stopped the rebuild ({detail}); HRDECK_DEBUG=1 shows where"


class Reporter:
    """Prints one line per rebuild, then the diagnostics the editor should see now.

    Errors are shown every time the deck is kept (they are what to fix); other
    diagnostics only when they are new since the previous rebuild.
    """

    def __init__(self, line: Callable[[str], None], diagnostic: Callable[[str], None]) -> None:
        self._line = line
        self._diagnostic = diagnostic
        self._shown: set[Diagnostic] = set()

    def __call__(self, result: RebuildResult) -> None:
        self._line(f"{time.strftime('%H:%M:%S')} {result.summary()}")
        for found in self.to_show(result):
            self._diagnostic(found.format())
        self._shown = set(result.diagnostics)

    def to_show(self, result: RebuildResult) -> list[Diagnostic]:
        return [
            d
            for d in result.diagnostics
            if d.severity != "info" and (d not in self._shown or (d.is_error and not result.ok))
        ]


_SCRATCH = re.compile(r"^(\.|#|~)|(~|\.swp|\.swx|\.swo|\.tmp|\.bak|\.part|\.crdownload)$")


def is_scratch_file(path: Path) -> bool:
    """Editors' temporary files (vim's 4913 probe, '.#x', 'x~', '.x.swp', ...)."""
    if any(part.startswith(".") and part not in (".", "..") for part in path.parts[-3:]):
        return True
    return path.name == "4913" or "__pycache__" in path.parts or bool(_SCRATCH.search(path.name))


def _is_under(path: Path, folder: Path) -> bool:
    path, folder = path.absolute(), folder.absolute()
    return path == folder or folder in path.parents


def time_warm_rebuild(root: Path, audience: str | None = "court", rounds: int = 5) -> float:
    """Median seconds to rebuild after a one-file edit, in a warm process (for bench/).

    Works on a copy of the curriculum folder ``root`` (a plain curriculum, not a
    project): builds once, then ``rounds`` times changes the course title in
    course.yaml (which every audience's title slide shows, so nothing can be skipped)
    and times :meth:`Rebuilder.rebuild`.  ``audience=None`` rebuilds them all.
    """
    with tempfile.TemporaryDirectory(prefix="hrdeck-warm-") as temp:
        copy = Path(temp) / "curriculum"
        shutil.copytree(root, copy)
        rebuilder = Rebuilder(copy, audience or "all", out_dir=Path(temp) / "out")
        first = rebuilder.rebuild()
        if not first.ok:
            raise HrdeckError(f"{root}: cannot build: {first.message}", first.diagnostics)
        samples = [_timed_edit(rebuilder, copy / "course.yaml", n) for n in range(rounds + 1)]
    return statistics.median(samples[1:])  # the first edit warms the remaining caches


_TITLE = re.compile(r"^title: *(.*?)( \(draft \d+\))?$", re.MULTILINE)


def _timed_edit(rebuilder: Rebuilder, course: Path, number: int) -> float:
    text = course.read_text(encoding="utf-8")
    edited = _TITLE.sub(rf"title: \1 (draft {number})", text, count=1)
    course.write_text(edited, encoding="utf-8")
    result = rebuilder.rebuild([course])
    if not result.ok or not result.written:
        raise HrdeckError(f"warm rebuild did not write: {result.summary()}", result.diagnostics)
    return result.seconds
