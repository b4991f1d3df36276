"""The build: validate once, then tailor, plan, render and write each audience's outputs.

Everything is produced in memory first; only when every output of every audience is
ready are the files written, each to a temporary name in the output folder and then
renamed into place.  A failed build therefore never leaves a truncated deck and never
replaces the last good one.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from hrdeck.curriculum.model import Curriculum
from hrdeck.diagnostics import Diagnostic, has_errors, sort_diagnostics
from hrdeck.errors import BuildError, ContentError, UsageError
from hrdeck.plan.types import DeckPlan
from hrdeck.textfit.measure import FitRules

if TYPE_CHECKING:
    from hrdeck.theme.load import Theme

Progress = Callable[[str], None]


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


# mkstemp makes private files; outputs get the usual mode (0644 under umask 022).
_FILE_MODE = 0o666 & ~_umask()


@dataclass(frozen=True)
class BuildRequest:
    root: Path
    audience: str | None = None  # an id, "all", or None (all)
    theme: str | None = None
    out_dir: Path = Path("build")
    strict: bool = False


@dataclass
class BuildResult:
    audiences: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    dropped: dict[str, list[str]] = field(default_factory=dict)
    seconds: float = 0.0

    def dropped_lines(self) -> list[str]:
        return [f"{audience}: {line}" for audience, lines in self.dropped.items() for line in lines]


def load_valid(root: Path) -> tuple[Curriculum, list[Diagnostic]]:
    """Validate the curriculum; raise ContentError with every diagnostic when invalid."""
    from hrdeck.curriculum.layers import validate_project

    curriculum, diagnostics = validate_project(root)
    if curriculum is None or has_errors(diagnostics):
        raise ContentError(f"{root}: the curriculum has errors; nothing was built", diagnostics)
    return curriculum, diagnostics


def resolve_audiences(
    curriculum: Curriculum, wanted: str | None, defaults: tuple[str, ...] = ()
) -> list[str]:
    """The audience ids to build; an unknown one is a usage error listing the known ones.

    ``None`` means the project's default list (hrdeck.yaml ``audiences``), else all.
    """
    known = [a.id for a in curriculum.audiences]
    if wanted == "all" or (wanted is None and not defaults):
        return known
    asked = [wanted] if wanted is not None else list(defaults)
    for name in asked:
        if name not in known:
            raise UsageError(f"unknown audience '{name}'; known audiences: {', '.join(known)}, all")
    return asked


def plan_audience(
    curriculum: Curriculum, audience: str, rules: FitRules | None = None
) -> tuple[DeckPlan, list[Diagnostic], list[str]]:
    """Tailor and plan one audience: the plan, its diagnostics, what was dropped.

    `rules` are the theme's text boxes and fonts (``hrdeck.render.probe.fit_rules``);
    without them the plan is fitted to the default theme.
    """
    from hrdeck.plan.build import build_plan
    from hrdeck.tailor import tailor
    from hrdeck.textfit.measure import DEFAULT_RULES

    tailored = tailor(curriculum, audience)
    diagnostics: list[Diagnostic] = []
    deck_plan = build_plan(tailored, diagnostics, rules or DEFAULT_RULES)
    dropped = [str(d) for d in tailored.dropped]
    return deck_plan, diagnostics, dropped


def plan_for(root: Path, audience: str) -> tuple[DeckPlan, list[Diagnostic]]:
    """Validate, then plan one audience in the project's theme (for ``hrdeck plan``)."""
    from hrdeck.curriculum.layers import project_settings
    from hrdeck.render.probe import fit_rules
    from hrdeck.theme.load import load_theme

    curriculum, diagnostics = load_valid(root)
    if audience == "all":
        known = ", ".join(a.id for a in curriculum.audiences)
        raise UsageError(f"plan shows one audience at a time; choose one of: {known}")
    (audience_id,) = resolve_audiences(curriculum, audience)
    settings = project_settings(root)
    rules = fit_rules(load_theme(settings.theme if settings else None, root))
    deck_plan, plan_diagnostics, _ = plan_audience(curriculum, audience_id, rules)
    return deck_plan, sort_diagnostics([*diagnostics, *plan_diagnostics])


def render_plan(plan: DeckPlan, theme: Theme, diagnostics: list[Diagnostic] | None = None) -> bytes:
    """The .pptx bytes of `plan` in `theme`; a plan not yet fitted (one made by hand) is
    fitted to the theme's text boxes first, its shrink/split warnings added to `diagnostics`."""
    from hrdeck.plan.fit import fit_deck
    from hrdeck.render.deck import render_deck
    from hrdeck.render.probe import fit_rules

    if not plan.fitted:
        plan = fit_deck(plan, fit_rules(theme), diagnostics if diagnostics is not None else [])
    return render_deck(plan, theme)


def output_names(course_id: str, audience: str) -> tuple[str, str, str]:
    stem = f"{course_id}-{audience}"
    return f"{stem}.pptx", f"{stem}-guide.md", f"{stem}-guide.html"


def _outputs_for(plan: DeckPlan, theme: object) -> list[tuple[str, bytes]]:
    from hrdeck.outputs.guide import guide_html, guide_markdown
    from hrdeck.render.deck import render_deck

    deck_name, md_name, html_name = output_names(plan.course_id, plan.audience)
    return [
        (deck_name, render_deck(plan, theme)),  # type: ignore[arg-type]
        (md_name, guide_markdown(plan).encode("utf-8")),
        (html_name, guide_html(plan).encode("utf-8")),
    ]


@dataclass(frozen=True)
class AudienceBuild:
    """One audience's outputs (file name, bytes) and what planning it reported."""

    audience: str
    files: list[tuple[str, bytes]]
    diagnostics: list[Diagnostic]
    dropped: list[str]


def build_audience(
    curriculum: Curriculum, audience: str, rules: FitRules, theme: object
) -> AudienceBuild:
    """Tailor, plan and render one audience in memory."""
    deck_plan, diagnostics, dropped = plan_audience(curriculum, audience, rules)
    return AudienceBuild(audience, _outputs_for(deck_plan, theme), diagnostics, dropped)


def build_audiences(
    curriculum: Curriculum,
    audiences: Sequence[str],
    rules: FitRules,
    theme: object,
    progress: Progress | None = None,
) -> list[AudienceBuild]:
    """Every audience's outputs, in order; in parallel processes when that can help.

    The curriculum is loaded and validated once, before; forked workers inherit it
    (and the imported renderer) instead of receiving a pickled copy.
    """
    workers = _worker_count(len(audiences))
    if workers < 2:
        built = []
        for audience in audiences:
            if progress:
                progress(f"building {audience} ...")
            built.append(build_audience(curriculum, audience, rules, theme))
        return built
    return _build_in_processes(curriculum, audiences, rules, theme, workers, progress)


def _worker_count(audiences: int) -> int:
    """Processes worth starting: one per audience, at most one per usable core; forking
    only where it is safe and cheap (Linux)."""
    if audiences < 2 or not sys.platform.startswith("linux"):
        return 1
    return min(audiences, len(os.sched_getaffinity(0)))


# (curriculum, rules, theme) for forked workers: set only while a pool is running
_FORKED: tuple[Curriculum, FitRules, object] | None = None


def _forked_build(audience: str) -> AudienceBuild:
    assert _FORKED is not None
    curriculum, rules, theme = _FORKED
    return build_audience(curriculum, audience, rules, theme)


def _build_in_processes(
    curriculum: Curriculum,
    audiences: Sequence[str],
    rules: FitRules,
    theme: object,
    workers: int,
    progress: Progress | None,
) -> list[AudienceBuild]:
    global _FORKED
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import hrdeck.outputs.guide
    import hrdeck.plan.build
    import hrdeck.render.deck  # noqa: F401  (imported once here, inherited by every worker)

    if progress:
        progress(f"building {', '.join(audiences)} in {workers} processes ...")
    _FORKED = (curriculum, rules, theme)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            futures = [pool.submit(_forked_build, audience) for audience in audiences]
            built = []
            for audience, future in zip(audiences, futures, strict=True):
                built.append(future.result())
                if progress:
                    progress(f"built {audience}")
            return built
    finally:
        _FORKED = None


def write_atomically(out_dir: Path, files: Sequence[tuple[str, bytes]]) -> list[Path]:
    """Write each file to a temporary name in ``out_dir``, then rename all into place."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"cannot create output folder {out_dir}: {exc.strerror}") from exc
    _refuse_folders_in_the_way(out_dir, [name for name, _ in files])
    staged: list[tuple[str, Path]] = []
    try:
        for name, data in files:
            staged.append((name, _stage(out_dir, name, data)))
    except OSError as exc:
        for _, temp in staged:
            temp.unlink(missing_ok=True)
        raise BuildError(f"cannot write to {out_dir}: {exc.strerror}; nothing was changed") from exc
    return _rename_into_place(out_dir, staged)


def _refuse_folders_in_the_way(out_dir: Path, names: Sequence[str]) -> None:
    """A folder where an output belongs would stop a rename halfway: refuse before writing."""
    blocked = [name for name in names if (out_dir / name).is_dir()]
    if blocked:
        raise BuildError(
            f"{out_dir / blocked[0]} is a folder where an output belongs; nothing was changed"
        )


def _rename_into_place(out_dir: Path, staged: Sequence[tuple[str, Path]]) -> list[Path]:
    """Rename each staged file to its final name; on failure remove the staged leftovers."""
    written: list[Path] = []
    try:
        for name, temp in staged:
            os.replace(temp, out_dir / name)
            written.append(out_dir / name)
    except OSError as exc:
        for _, temp in staged:
            temp.unlink(missing_ok=True)
        done = ", ".join(path.name for path in written) or "none"
        raise BuildError(
            f"cannot replace files in {out_dir}: {exc.strerror}; already replaced: {done}"
        ) from exc
    return written


def _stage(out_dir: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to a hidden temporary file beside its final name.

    The rename that follows is what makes a build atomic for readers and against an
    interrupted process; no fsync, since surviving a power cut is not worth seconds
    on every build of a deck that can be rebuilt.
    """
    handle, temp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out_dir)
    temp = Path(temp_name)
    try:
        os.fchmod(handle, _FILE_MODE)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def run_build(request: BuildRequest, progress: Progress | None = None) -> BuildResult:
    """Validate once, build every requested audience in memory, then write atomically."""
    from hrdeck.curriculum.layers import project_settings
    from hrdeck.render.probe import fit_rules
    from hrdeck.theme.load import check_theme_for_build, load_theme

    started = time.perf_counter()
    curriculum, diagnostics = load_valid(request.root)
    settings = project_settings(request.root)
    defaults = settings.audiences if settings else ()
    audiences = resolve_audiences(curriculum, request.audience, defaults)
    theme = load_theme(request.theme or (settings.theme if settings else None), request.root)
    theme_warnings = check_theme_for_build(theme)
    rules = fit_rules(theme)
    result = BuildResult(audiences=audiences, diagnostics=[*diagnostics, *theme_warnings])
    files: list[tuple[str, bytes]] = []
    for built in build_audiences(curriculum, audiences, rules, theme, progress):
        result.diagnostics.extend(built.diagnostics)
        result.dropped[built.audience] = built.dropped
        files.extend(built.files)
    result.diagnostics = sort_diagnostics(result.diagnostics)
    if request.strict and result.diagnostics:
        raise ContentError(
            "--strict: warnings count as errors; nothing was built", result.diagnostics
        )
    result.written = write_atomically(request.out_dir, files)
    result.seconds = time.perf_counter() - started
    return result
