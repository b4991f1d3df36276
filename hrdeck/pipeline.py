"""The one wiring of the stages: load -> validate -> tailor -> plan -> render -> write.

``hrdeck build``, ``hrdeck plan``, ``hrdeck validate`` and ``hrdeck watch`` all go
through these functions; each stage stays a plain function of its inputs, and this
module is the only place that knows their order.

- :func:`validate`: the curriculum or project checked (schema, cross-file checks) plus
  the language linter's findings as warnings;
- :func:`prepare`: what every audience of a build shares: the valid curriculum, the
  audiences asked for, the theme with its checks and the text boxes the plan fits into;
- :func:`plan_audience`: tailor and plan one audience;
- :func:`outputs_for`: the files of one audience (deck, guides), in memory;
- :func:`run_build`: all of it for every audience, then one atomic write.

Long-lived callers (``hrdeck watch``) pass :class:`Sources` holding their caches;
nothing is cached behind a caller's back.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hrdeck.atomic import MAX_NAME_BYTES, temporary_name_bytes, write_atomically
from hrdeck.curriculum.layers import project_settings
from hrdeck.curriculum.load import DocumentReader, read_document
from hrdeck.curriculum.model import Curriculum
from hrdeck.curriculum.validate import ValidDocuments, validate_project
from hrdeck.diagnostics import Diagnostic, error, has_errors, sort_diagnostics
from hrdeck.errors import ContentError, UsageError
from hrdeck.kinds import SLIDE_KINDS
from hrdeck.plan.types import DeckPlan
from hrdeck.tailor import DEFAULT_SESSION, SessionOptions
from hrdeck.textfit.measure import DEFAULT_RULES, FitRules
from hrdeck.theme.model import Theme

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Sources:
    """Where a run reads its documents: from disk, or through a long-lived process's cache.

    ``read`` loads one YAML file; ``valid`` remembers documents already found
    schema-valid, so an unchanged file is not checked again.
    """

    read: DocumentReader = read_document
    valid: ValidDocuments | None = None


FROM_DISK = Sources()


# -- validate ------------------------------------------------------------------------


def validate_and_lint(
    root: Path, sources: Sources = FROM_DISK
) -> tuple[Curriculum | None, list[Diagnostic]]:
    """Check the curriculum or project at ``root``; the model only when it has no error.

    Language-linter findings come back as warnings beside the validation diagnostics,
    so editors see both at once (``hrdeck lint`` treats them as errors).
    """
    from hrdeck.lint.walk import lint_tree

    checked = validate_project(root, sources.read, sources.valid)
    if checked.curriculum is None:
        return None, checked.diagnostics
    findings = [_as_warning(d) for d in lint_tree(checked.tree)]
    return checked.curriculum, sort_diagnostics([*checked.diagnostics, *findings])


def _as_warning(finding: Diagnostic) -> Diagnostic:
    """Language errors block lint, not a build: validate reports them as warnings."""
    severity = "warning" if finding.severity == "error" else finding.severity
    return dataclasses.replace(finding, severity=severity)


def load_valid(root: Path, sources: Sources = FROM_DISK) -> tuple[Curriculum, list[Diagnostic]]:
    """Validate the curriculum; raise ContentError with every diagnostic when invalid."""
    curriculum, diagnostics = validate_and_lint(root, sources)
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


# -- the theme -----------------------------------------------------------------------


@dataclass(frozen=True)
class BuildTheme:
    """A theme ready to build with: its warnings and the text boxes the plan fits into."""

    theme: Theme
    warnings: tuple[Diagnostic, ...]
    rules: FitRules


ThemeLoader = Callable[[str | None, Path], BuildTheme]


def load_build_theme(spec: str | None, project_dir: Path) -> BuildTheme:
    """Find, load and check a theme; ContentError when it cannot make a good deck."""
    from hrdeck.render.probe import fit_rules
    from hrdeck.theme.load import load_theme

    theme = load_theme(spec, project_dir)
    found = check_theme_full(theme)
    if has_errors(found):
        raise ContentError(f"theme {theme.name} cannot be used: fix it first", found)
    return BuildTheme(theme, tuple(found), fit_rules(theme))


def check_theme_full(theme: Theme, needed_kinds: tuple[str, ...] = SLIDE_KINDS) -> list[Diagnostic]:
    """The theme's own checks plus, with a template, its layouts, placeholders and notes."""
    from hrdeck.theme.checks import check_theme, file_diagnostics

    found = check_theme(theme)
    if theme.template is not None and not has_errors(file_diagnostics(theme)):
        from hrdeck.render.template import check_theme_template

        found += check_theme_template(theme, needed_kinds)
    return found


# -- one audience --------------------------------------------------------------------


@dataclass(frozen=True)
class AudiencePlan:
    """One audience's deck plan, what planning it reported, and what tailoring dropped."""

    plan: DeckPlan
    diagnostics: list[Diagnostic]
    dropped: list[str]


def plan_audience(
    curriculum: Curriculum,
    audience: str,
    rules: FitRules = DEFAULT_RULES,
    session: SessionOptions = DEFAULT_SESSION,
) -> AudiencePlan:
    """Tailor and plan one audience, fitted to `rules` (a theme's text boxes and fonts),
    for a session of `session.minutes` starting at `session.start` (when given)."""
    from hrdeck.plan.build import build_plan
    from hrdeck.tailor import tailor

    tailored = tailor(curriculum, audience, session)
    diagnostics: list[Diagnostic] = []
    deck_plan = build_plan(tailored, diagnostics, rules)
    return AudiencePlan(deck_plan, diagnostics, [str(d) for d in tailored.dropped])


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


def output_name_problems(curriculum: Curriculum, audiences: Sequence[str]) -> list[Diagnostic]:
    """Errors for ids that make output file names longer than file systems allow.

    The names are checked with the temporary suffix they get while being written
    (see :mod:`hrdeck.atomic`), before anything is built.
    """
    course = curriculum.course
    too_long = [
        a
        for a in audiences
        if max(map(temporary_name_bytes, output_names(course.id, a))) > MAX_NAME_BYTES
    ]
    if not too_long:
        return []
    hint = "an id names the output files; keep the course id under about 100 characters"
    if len(course.id) >= max(map(len, too_long)):
        message = (
            f"the course id '{course.id}' ({len(course.id)} characters) makes output file "
            f"names longer than the {MAX_NAME_BYTES} bytes file systems allow"
        )
        return [error(course.loc, "file-name-too-long", message, hint)]
    problems = []
    for audience_id in too_long:
        audience = curriculum.audience(audience_id)
        message = (
            f"the audience id '{audience_id}' with the course id makes output file names "
            f"longer than the {MAX_NAME_BYTES} bytes file systems allow"
        )
        loc = audience.loc if audience is not None else course.loc
        problems.append(error(loc, "file-name-too-long", message, hint))
    return problems


def outputs_for(plan: DeckPlan, theme: Theme) -> list[tuple[str, bytes]]:
    """Every file of one audience, as (name, bytes): the deck and its guides."""
    from hrdeck.outputs.guide import guide_html, guide_markdown

    deck_name, md_name, html_name = output_names(plan.course_id, plan.audience)
    return [
        (deck_name, render_plan(plan, theme)),
        (md_name, guide_markdown(plan).encode("utf-8")),
        (html_name, guide_html(plan).encode("utf-8")),
    ]


@dataclass(frozen=True)
class AudienceOutputs:
    """One audience's files (name, bytes) and what planning it reported."""

    audience: str
    files: list[tuple[str, bytes]]
    diagnostics: list[Diagnostic]
    dropped: list[str]


def build_audience_outputs(
    curriculum: Curriculum,
    audience: str,
    theme: BuildTheme,
    session: SessionOptions = DEFAULT_SESSION,
) -> AudienceOutputs:
    """Tailor, plan and render one audience in memory."""
    planned = plan_audience(curriculum, audience, theme.rules, session)
    files = outputs_for(planned.plan, theme.theme)
    return AudienceOutputs(audience, files, planned.diagnostics, planned.dropped)


# -- a whole build -------------------------------------------------------------------


@dataclass(frozen=True)
class BuildRequest:
    root: Path
    audience: str | None = None  # an id, "all", or None (the project's list, else all)
    theme: str | None = None
    out_dir: Path = Path("build")
    strict: bool = False
    minutes: float | None = None  # --minutes: time-box each audience's session
    start: str | None = None  # --start: clock times from this time of day, e.g. "13:30"
    quiz: bool = False  # --quiz: knowledge-check slides in every audience's deck


@dataclass(frozen=True)
class Prepared:
    """What every audience of a build shares."""

    curriculum: Curriculum
    audiences: list[str]
    theme: BuildTheme
    diagnostics: list[Diagnostic]
    session: SessionOptions = DEFAULT_SESSION


def prepare(
    request: BuildRequest,
    sources: Sources = FROM_DISK,
    load_theme: ThemeLoader = load_build_theme,
) -> Prepared:
    """Validate once, choose the audiences, check each fits --minutes, load the theme."""
    session = session_options(request)
    curriculum, diagnostics = load_valid(request.root, sources)
    settings = project_settings(request.root)
    defaults = settings.audiences if settings else ()
    audiences = resolve_audiences(curriculum, request.audience, defaults)
    check_sessions_fit(curriculum, audiences, session)
    theme = load_theme(request.theme or (settings.theme if settings else None), request.root)
    return Prepared(curriculum, audiences, theme, [*diagnostics, *theme.warnings], session)


def session_options(request: BuildRequest) -> SessionOptions:
    """--minutes and --start as session options; a usage error for a bad value."""
    from hrdeck.timebox import parse_start

    if request.minutes is not None and request.minutes <= 0:
        raise UsageError(f"--minutes must be more than 0, not {request.minutes:g}")
    start = parse_start(request.start) if request.start is not None else None
    return SessionOptions(request.minutes, start, knowledge_checks=request.quiz)


def check_sessions_fit(
    curriculum: Curriculum, audiences: Sequence[str], session: SessionOptions
) -> None:
    """Before building anything: every audience's core fits --minutes, or a ContentError
    names each audience's minimum."""
    if session.minutes is None:
        return
    from hrdeck.tailor import fit_session, session_slots

    problems: list[Diagnostic] = []
    for audience_id in audiences:
        audience = curriculum.audience(audience_id)
        assert audience is not None  # resolve_audiences checked the name
        try:
            fit_session(audience, session_slots(curriculum, audience_id), session)
        except ContentError as too_short:
            problems += too_short.diagnostics
    if problems:
        raise ContentError(
            problems[0].message if len(problems) == 1 else _too_short(problems), problems
        )


def _too_short(problems: list[Diagnostic]) -> str:
    return f"--minutes is too short for {len(problems)} audiences; nothing was built"


@dataclass
class BuildResult:
    audiences: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    dropped: dict[str, list[str]] = field(default_factory=dict)
    seconds: float = 0.0

    def dropped_lines(self) -> list[str]:
        return [f"{audience}: {line}" for audience, lines in self.dropped.items() for line in lines]


def run_build(request: BuildRequest, progress: Progress | None = None) -> BuildResult:
    """Validate once, build every requested audience in memory, then write atomically."""
    started = time.perf_counter()
    prepared = prepare(request)
    result = BuildResult(audiences=prepared.audiences, diagnostics=list(prepared.diagnostics))
    refuse_unwritable_names(prepared)
    files: list[tuple[str, bytes]] = []
    for built in build_audiences(prepared, progress):
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


def refuse_unwritable_names(prepared: Prepared) -> None:
    """ContentError before building when an output's file name would be too long."""
    problems = output_name_problems(prepared.curriculum, prepared.audiences)
    if problems:
        raise ContentError("the output file names would be too long; nothing was built", problems)


def plan_for(root: Path, audience: str) -> tuple[DeckPlan, list[Diagnostic]]:
    """Validate, then plan one audience in the project's theme (for ``hrdeck plan``)."""
    if audience == "all":
        curriculum, _ = load_valid(root)
        known = ", ".join(a.id for a in curriculum.audiences)
        raise UsageError(f"plan shows one audience at a time; choose one of: {known}")
    prepared = prepare(BuildRequest(root, audience))
    planned = plan_audience(prepared.curriculum, prepared.audiences[0], prepared.theme.rules)
    return planned.plan, sort_diagnostics([*prepared.diagnostics, *planned.diagnostics])


# -- audiences in parallel -----------------------------------------------------------


def build_audiences(prepared: Prepared, progress: Progress | None = None) -> list[AudienceOutputs]:
    """Every audience's outputs, in order; in parallel processes when that can help.

    The curriculum is loaded and validated once, before; forked workers inherit it
    (and the imported renderer) instead of receiving a pickled copy.
    """
    workers = _worker_count(len(prepared.audiences))
    if workers < 2:
        built = []
        for audience in prepared.audiences:
            if progress:
                progress(f"building {audience} ...")
            built.append(
                build_audience_outputs(
                    prepared.curriculum, audience, prepared.theme, prepared.session
                )
            )
        return built
    return _build_in_processes(prepared, workers, progress)


def _worker_count(audiences: int) -> int:
    """Processes worth starting: one per audience, at most one per usable core; forking
    only where it is safe and cheap (Linux)."""
    if audiences < 2 or not sys.platform.startswith("linux"):
        return 1
    return min(audiences, len(os.sched_getaffinity(0)))


def _build_in_processes(
    prepared: Prepared, workers: int, progress: Progress | None
) -> list[AudienceOutputs]:
    """Build each audience in a forked worker, at most ``workers`` at a time."""
    import hrdeck.outputs.guide
    import hrdeck.plan.build
    import hrdeck.render.deck  # noqa: F401  (imported once here, inherited by every worker)
    from hrdeck.forked import run_forked

    audiences: Sequence[str] = prepared.audiences
    if progress:
        progress(f"building {', '.join(audiences)} in {workers} processes ...")

    def build(audience: str) -> AudienceOutputs:
        return build_audience_outputs(
            prepared.curriculum, audience, prepared.theme, prepared.session
        )

    def built(audience: str) -> None:
        if progress:
            progress(f"built {audience}")

    return run_forked(build, audiences, workers, built)
