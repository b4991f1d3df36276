"""The one wiring of the stages: load -> validate -> tailor -> plan -> render -> write.

``hrdeck build``, ``hrdeck plan``, ``hrdeck validate`` and ``hrdeck watch`` all go
through these functions; each stage stays a plain function of its inputs, and this
module is the only place that knows their order.

- :func:`validate`: the curriculum or project checked (schema, cross-file checks) plus
  the language linter's findings as warnings;
- :func:`prepare`: what every audience of a build shares: the valid curriculum, the
  audiences asked for, the theme with its checks and the text boxes the plan fits into;
- :func:`plan_audience`: tailor and plan one audience;
- :func:`outputs_for`: the files of one audience (deck, guides, the training kit's
  documents), in memory;
- :func:`run_build`: all of it for every audience, PDFs when asked, then one atomic write.

Long-lived callers (``hrdeck watch``) pass :class:`Sources` holding their caches;
nothing is cached behind a caller's back.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from hrdeck.atomic import MAX_NAME_BYTES, temporary_name_bytes, write_atomically
from hrdeck.curriculum.layers import project_settings
from hrdeck.curriculum.load import DocumentReader, read_document
from hrdeck.curriculum.model import Curriculum
from hrdeck.curriculum.names import resolve_name, split_names
from hrdeck.curriculum.trainer import NO_TRAINER, TrainerOverrides, apply_trainer
from hrdeck.curriculum.usage import (
    builtin_hints,
    curriculum_sources,
    root_causes_first,
    tree_sources,
    unused_modules,
)
from hrdeck.curriculum.validate import ValidDocuments, validate_project
from hrdeck.diagnostics import Diagnostic, Loc, error, has_errors, sort_diagnostics
from hrdeck.errors import ContentError, UsageError
from hrdeck.kinds import SLIDE_KINDS
from hrdeck.outputs.bundle import DEFAULT_CHOICE, OutputChoice, audience_files, flat_names
from hrdeck.plan.types import DeckPlan, SlidePlan
from hrdeck.tailor import DEFAULT_SESSION, SessionOptions
from hrdeck.textfit.measure import DEFAULT_RULES, FitRules, LineMemo
from hrdeck.theme.model import Theme

if TYPE_CHECKING:
    from hrdeck.lint.walk import LintMemo
    from hrdeck.render.deck import RenderMemo

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Sources:
    """Where a run reads its documents: from disk, or through a long-lived process's cache.

    ``read`` loads one YAML file; ``valid`` remembers documents already found
    schema-valid, and ``lint`` their language findings, so an unchanged file is not
    checked again.
    """

    read: DocumentReader = read_document
    valid: ValidDocuments | None = None
    lint: LintMemo | None = None  # language findings of unchanged files


FROM_DISK = Sources()


# -- validate ------------------------------------------------------------------------


def validate_and_lint(
    root: Path, sources: Sources = FROM_DISK
) -> tuple[Curriculum | None, list[Diagnostic]]:
    """Check the curriculum or project at ``root``; the model only when it has no error.

    Language-linter findings come back as warnings beside the validation diagnostics,
    so editors see both at once (``hrdeck lint`` treats them as errors), with a
    warning for each of the folder's own modules no audience uses.  Files that could
    not be read come first; a warning in a built-in file says how to change a copy.
    """
    from hrdeck.lint.walk import lint_tree

    checked = validate_project(root, sources.read, sources.valid)
    if checked.curriculum is None:
        found = builtin_hints(checked.diagnostics, tree_sources(checked.tree))
        return None, root_causes_first(found)
    findings = [_as_warning(d) for d in lint_tree(checked.tree, memo=sources.lint)]
    unused = unused_modules(checked.tree, checked.curriculum, root)
    found = sort_diagnostics([*checked.diagnostics, *findings, *unused])
    return checked.curriculum, builtin_hints(found, curriculum_sources(checked.curriculum))


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
    """The audience ids to build, in the order asked, each once.

    ``wanted`` is one id, several separated by commas (``court,peer``), ``all``, or
    ``None``: the project's default list (hrdeck.yaml ``audiences``), else all.  Case
    does not matter (``Court``); an unknown id is a usage error with a suggestion.
    """
    known = [a.id for a in curriculum.audiences]
    asked = split_names([wanted]) if wanted is not None else list(defaults)
    if wanted is not None and not asked:
        raise UsageError(
            f"--audience needs an audience id; known audiences: {', '.join(known)}, all"
        )
    if not asked or any(name.casefold() == "all" for name in asked):
        return known
    return list(dict.fromkeys(resolve_name(n, known, "audience", ("all",)) for n in asked))


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

    theme = load_theme(theme_spec(spec, project_dir), project_dir)
    found = check_theme_full(theme)
    if has_errors(found):
        raise ContentError(f"theme {theme.name} cannot be used: fix it first", found)
    return BuildTheme(theme, tuple(found), fit_rules(theme))


def theme_spec(spec: str | None, project_dir: Path) -> str | None:
    """A theme name as typed, matched to a known theme regardless of case (``Default``);
    a name close to a known one is a usage error saying which (``defualt``).  Paths,
    and folders of that name here, are left to the theme loader."""
    from hrdeck.theme.load import list_themes

    if spec is None or "/" in spec or os.sep in spec or spec.endswith((".yaml", ".yml")):
        return spec
    known = list(dict.fromkeys(name for name, _path, _origin in list_themes(project_dir)))
    if spec in known or Path(spec).is_dir() or (project_dir / spec).is_dir():
        return spec
    try:
        return resolve_name(spec, known, "theme")
    except UsageError as unknown:
        paths = " (or give the path of a folder holding a theme.yaml)"
        raise UsageError(unknown.message + paths) from None


def check_theme_full(theme: Theme, needed_kinds: tuple[str, ...] = SLIDE_KINDS) -> list[Diagnostic]:
    """The theme's own checks plus, with a template, its layouts, placeholders and notes.

    A template layout that several slide kinds name is checked once, at the first
    line naming it, so a missing or faulty layout is reported once.
    """
    from hrdeck.theme.checks import check_theme, file_diagnostics

    found = check_theme(theme)
    if theme.template is not None and not has_errors(file_diagnostics(theme)):
        from hrdeck.render.template import check_theme_template

        found += check_theme_template(_one_loc_per_layout(theme), needed_kinds)
    return found


def _one_loc_per_layout(theme: Theme) -> Theme:
    """The theme with every ``layouts.<kind>`` naming one layout placed where the first
    of them is written (the template check reports each (layout, place) once)."""
    first: dict[str, Loc] = {}
    for kind in SLIDE_KINDS:
        loc = theme.locs.get(f"layouts.{kind}")
        name = theme.layout_name(kind)
        if loc is not None and (name not in first or loc < first[name]):
            first[name] = loc
    locs = dict(theme.locs)
    for kind in SLIDE_KINDS:
        if f"layouts.{kind}" in locs:
            locs[f"layouts.{kind}"] = first[theme.layout_name(kind)]
    return dataclasses.replace(theme, locs=locs)


# -- one audience --------------------------------------------------------------------


@dataclass(frozen=True)
class AudiencePlan:
    """One audience's deck plan, what planning it reported, and what tailoring dropped;
    `lines`, the line breaks its fitting measured, for the renderer to reuse (it checks
    the plan's sizes in the same boxes: 4% of the 1000-slide bench build's work)."""

    plan: DeckPlan
    diagnostics: list[Diagnostic]
    dropped: list[str]
    lines: LineMemo = field(default_factory=LineMemo, repr=False, compare=False)


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
    lines = LineMemo()
    deck_plan = build_plan(tailored, diagnostics, rules, lines)
    diagnostics = builtin_hints(diagnostics, curriculum_sources(curriculum))
    return AudiencePlan(deck_plan, diagnostics, [str(d) for d in tailored.dropped], lines)


def render_plan(
    plan: DeckPlan,
    theme: Theme,
    diagnostics: list[Diagnostic] | None = None,
    memo: RenderMemo | None = None,
    lines: LineMemo | None = None,
) -> bytes:
    """The .pptx bytes of `plan` in `theme`; a plan not yet fitted (one made by hand) is
    fitted to the theme's text boxes first, its shrink/split warnings added to `diagnostics`.
    `lines`: the line breaks the plan's fitting measured (``AudiencePlan.lines``)."""
    from hrdeck.plan.fit import fit_deck
    from hrdeck.render.deck import render_deck
    from hrdeck.render.probe import fit_rules

    lines = lines if lines is not None else LineMemo()
    if not plan.fitted:
        found = diagnostics if diagnostics is not None else []
        plan = fit_deck(plan, fit_rules(theme), found, lines)
    return render_deck(plan, theme, memo, lines)


def output_names(course_id: str, audience: str) -> tuple[str, str, str]:
    return flat_names(course_id, audience)


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


def outputs_for(
    plan: DeckPlan,
    theme: Theme,
    choice: OutputChoice = DEFAULT_CHOICE,
    memo: RenderMemo | None = None,
    lines: LineMemo | None = None,
) -> list[tuple[str, bytes]]:
    """Every file of one audience, as (name, bytes): by default the deck and its guides;
    `memo` is what a long-lived process keeps between renders, `lines` the line breaks
    the plan's fitting measured (``AudiencePlan.lines``)."""
    renderer = functools.partial(render_plan, memo=memo, lines=lines)
    return audience_files(plan, theme, choice, renderer).files


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
    choice: OutputChoice = DEFAULT_CHOICE,
) -> AudienceOutputs:
    """Tailor, plan and render one audience in memory."""
    planned = plan_audience(curriculum, audience, theme.rules, session)
    found = curriculum.audience(audience)
    where = found.loc if found is not None else None
    renderer = functools.partial(render_plan, lines=planned.lines)
    made = audience_files(planned.plan, theme.theme, choice, renderer, where)
    diagnostics = [*planned.diagnostics, *made.diagnostics]
    return AudienceOutputs(audience, made.files, diagnostics, planned.dropped)


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
    outputs: OutputChoice = DEFAULT_CHOICE  # --kit / --only / --pdf
    trainer: TrainerOverrides = NO_TRAINER  # --presenter, --org, --contact, --date
    themes_dir: Path | None = None  # where project themes are (default: root)
    quiz: bool = False  # --quiz: knowledge-check slides in every audience's deck


@dataclass(frozen=True)
class Prepared:
    """What every audience of a build shares."""

    curriculum: Curriculum
    audiences: list[str]
    theme: BuildTheme
    diagnostics: list[Diagnostic]
    session: SessionOptions = DEFAULT_SESSION
    outputs: OutputChoice = DEFAULT_CHOICE


def prepare(
    request: BuildRequest,
    sources: Sources = FROM_DISK,
    load_theme: ThemeLoader = load_build_theme,
) -> Prepared:
    """Validate once, choose the audiences, check each fits --minutes, load the theme."""
    session = session_options(request)
    if request.outputs.pdf:
        from hrdeck.outputs.pdf import require_soffice

        require_soffice()  # before building anything
    trainer = request.trainer.checked()  # a bad --date is a usage error before any work
    curriculum, diagnostics = load_valid(request.root, sources)
    curriculum = apply_trainer(curriculum, trainer)
    settings = project_settings(request.root)
    defaults = settings.audiences if settings else ()
    audiences = resolve_audiences(curriculum, request.audience, defaults)
    check_sessions_fit(curriculum, audiences, session)
    themes_dir = request.themes_dir or request.root
    theme = load_theme(request.theme or (settings.theme if settings else None), themes_dir)
    found = [*diagnostics, *theme.warnings]
    return Prepared(curriculum, audiences, theme, found, session, request.outputs)


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
    pdf_seconds: float | None = None  # the PDF step alone, when --pdf

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
    if request.outputs.pdf:
        files += add_pdfs(files, result, progress)
    result.written = write_atomically(request.out_dir, files)
    result.seconds = time.perf_counter() - started
    return result


def add_pdfs(
    files: list[tuple[str, bytes]], result: BuildResult, progress: Progress | None
) -> list[tuple[str, bytes]]:
    """The PDFs of ``files`` (LibreOffice), timed apart in ``result.pdf_seconds``; a note
    for what LibreOffice could not make goes to the diagnostics."""
    from hrdeck.diagnostics import Loc, warning
    from hrdeck.outputs.pdf import pdf_files, require_soffice

    started = time.perf_counter()
    outcome = pdf_files(files, require_soffice(), progress)
    result.pdf_seconds = time.perf_counter() - started
    result.diagnostics += [warning(Loc(name), "pdf-notes", note) for name, note in outcome.warnings]
    return outcome.files


def refuse_unwritable_names(prepared: Prepared) -> None:
    """ContentError before building when an output's file name would be too long."""
    problems = output_name_problems(prepared.curriculum, prepared.audiences)
    if problems:
        raise ContentError("the output file names would be too long; nothing was built", problems)


def plan_for(request: BuildRequest) -> tuple[DeckPlan, list[Diagnostic]]:
    """Validate, then plan the one audience `request` names, in the project's theme and
    for its session (--minutes, --start), as ``hrdeck build`` would (for ``hrdeck plan``)."""
    audience = request.audience or ""
    if audience.casefold() == "all" or len(split_names([audience])) > 1:
        curriculum, _ = load_valid(request.root)
        known = ", ".join(a.id for a in curriculum.audiences)
        raise UsageError(f"plan shows one audience at a time; choose one of: {known}")
    prepared = prepare(request)
    planned = plan_audience(
        prepared.curriculum, prepared.audiences[0], prepared.theme.rules, prepared.session
    )
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
                    prepared.curriculum,
                    audience,
                    prepared.theme,
                    prepared.session,
                    prepared.outputs,
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
    # imported once here, inherited by every worker (python-docx only for a kit)
    import hrdeck.outputs.guide
    import hrdeck.plan.build
    import hrdeck.render.deck
    from hrdeck.forked import run_forked

    if prepared.outputs.folders:
        import hrdeck.outputs.kit.writers
        import hrdeck.outputs.kitplan  # noqa: F401

    audiences: Sequence[str] = prepared.audiences
    if progress:
        progress(f"building {', '.join(audiences)} in {workers} processes ...")

    def build(audience: str) -> AudienceOutputs:
        return build_audience_outputs(
            prepared.curriculum, audience, prepared.theme, prepared.session, prepared.outputs
        )

    def built(audience: str) -> None:
        if progress:
            progress(f"built {audience}")

    return run_forked(build, audiences, workers, built)


def preview_examples() -> dict[str, SlidePlan]:
    """The first slide of each kind in the built-in court deck with its knowledge checks:
    real text for ``hrdeck theme preview`` (continued parts and agenda breaks aside)."""
    from hrdeck.paths import builtin_curriculum

    curriculum, _ = load_valid(builtin_curriculum())
    session = SessionOptions(knowledge_checks=True)
    plan = plan_audience(curriculum, "court", session=session).plan
    examples: dict[str, SlidePlan] = {}
    for slide in plan.slides:
        if "(cont." not in slide.title:
            examples.setdefault(slide.kind, slide)
    return examples
