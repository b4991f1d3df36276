"""The ``hrdeck`` command line: Click commands only.

Each command parses its options, calls one function of a pipeline stage, prints what
it returns, and turns :class:`hrdeck.errors.HrdeckError` into a message and an exit
code: 0 ok, 1 invalid content, a failed build or a file that cannot be read or
written, 2 usage error, 130 interrupted (Ctrl-C; ``watch`` ends with 0, since Ctrl-C
is how it is stopped).  Everything printed goes through
:func:`hrdeck.diagnostics.printable`, so a curriculum or an argument cannot drive the
terminal.  Stage modules are imported inside the commands so that ``hrdeck --help``
starts fast.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from hrdeck import __version__
from hrdeck.diagnostics import printable
from hrdeck.errors import EXIT_CONTENT, EXIT_INTERRUPTED, HrdeckError, UsageError

if TYPE_CHECKING:
    from hrdeck.curriculum.layers import CurriculumChoice
    from hrdeck.curriculum.trainer import TrainerOverrides
    from hrdeck.diagnostics import Diagnostic
    from hrdeck.pipeline import BuildRequest, BuildResult

F = TypeVar("F", bound=Callable[..., Any])

EPILOG = """\b
Examples:
  hrdeck build --audience court            deck + guide for a court audience, in build/
  hrdeck build -a court -a peer --theme high-contrast   two audiences (or -a court,peer)
  hrdeck build -a court --presenter "Sam Rivera" --org "Lakeside HR" --date 2027-03-04
  hrdeck build -a court --minutes 60 --start 13:30   a 60-minute session, clock times
  hrdeck build -a court --kit --pdf        the whole training kit in build/court/, with PDFs
  hrdeck build -a court --only handout,evaluation    just those, in build/court/
  hrdeck validate my-curriculum/           every problem at once, file:line:col
  hrdeck plan --audience peer              the tailored outline, slide by slide
  hrdeck lint                              non-stigmatizing language check
  hrdeck init lakeside-training            a project over the built-in curriculum
  hrdeck copy module myths                 a built-in module into the project, to change
  hrdeck new my-course                     a curriculum of your own, with an example
  hrdeck theme check themes/agency         contrast, logo, fonts, template layouts
  hrdeck theme inspect agency.potx --write themes/agency   propose the layouts: mapping
  hrdeck theme preview themes/agency       one slide of every kind, as .pptx and PNGs
  hrdeck check build/                      accessibility of every deck in a folder
  hrdeck watch --audience court            rebuild on every save, keep the last good deck

\b
Which curriculum: the folder named on the command line, else the project or
curriculum in the current folder (hrdeck.yaml, course.yaml or curriculum/course.yaml),
else the built-in one; each command says which on its first line of output.

\b
Exit codes: 0 success; 1 invalid content, a failed build, a file that cannot be
read or written; 2 usage error; 130 interrupted by Ctrl-C (watch exits 0: Ctrl-C
is how it stops).

Shell completion (bash): eval "$(_HRDECK_COMPLETE=bash_source hrdeck)"
"""

CURRICULUM_ARG = click.argument(
    "curriculum",
    required=False,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)


def output_options(command: F) -> F:
    """--audience, --theme and --out, the same for build and watch."""
    command = click.option(
        "--out",
        "out_dir",
        default=Path("build"),
        show_default=True,
        type=click.Path(file_okay=False, path_type=Path),
        help="Output folder.",
    )(command)
    command = click.option(
        "--theme", "-t", default=None, help="Built-in theme name or a theme folder."
    )(command)
    return click.option(
        "--audience",
        "-a",
        "audiences",
        multiple=True,
        help="Audience id (court, clinician, peer, ...) or 'all'; repeat it or separate "
        "ids with commas for several (default: the project's list, else all).",
    )(command)


def session_options(command: F) -> F:
    """--minutes and --start: the slot a session must fit, and its real clock times."""
    command = click.option(
        "--start", default=None, help="Start time, e.g. 13:30 or 1:30pm: real clock times."
    )(command)
    return click.option(
        "--minutes",
        type=click.FloatRange(min=1),
        default=None,
        help="Fit each session into this many minutes, breaks included: optional modules "
        "are left out and core ones shortened as needed.",
    )(command)


KIT_PARTS_HELP = (
    "deck, guide, runsheet, signin, pretest, handout, posttest, evaluation, certificate, "
    "key (answer key), lms (GIFT and QTI 1.2)"
)


def kit_options(command: F) -> F:
    """--kit, --only and --pdf: which files a build writes (default: deck and guide)."""
    command = click.option(
        "--pdf",
        is_flag=True,
        help="Also write PDFs of the deck (slides and notes pages) and documents, "
        "with LibreOffice (libreoffice-impress, libreoffice-writer).",
    )(command)
    command = click.option(
        "--only",
        metavar="PARTS",
        default=None,
        help=f"Build only these comma-separated parts, into OUT/<audience>/: {KIT_PARTS_HELP}.",
    )(command)
    return click.option(
        "--kit",
        is_flag=True,
        help="Build the whole training kit, one folder per audience: OUT/<audience>/ "
        "(slides, guide, run sheet, sign-in, tests, handout, evaluation, certificate, LMS).",
    )(command)


def trainer_options(command: F) -> F:
    """--presenter, --org, --contact, --date and --venue: who presents, when and where,
    passed to the command as one ``trainer`` (checked: a bad value is a usage error
    before any work)."""

    @wraps(command)
    def with_trainer(
        *args: Any,
        presenter: str | None,
        org: str | None,
        contact: tuple[str, ...],
        date: str | None,
        venue: str | None,
        **kwargs: Any,
    ) -> Any:
        from hrdeck.curriculum.trainer import TrainerOverrides

        trainer = TrainerOverrides(presenter, org, contact, date, venue).checked()
        return command(*args, trainer=trainer, **kwargs)

    options = [
        click.option(
            "--venue", default=None, help="Where the session is held: on the cover and the kit."
        ),
        click.option("--date", default=None, help="Session date, YYYY-MM-DD."),
        click.option(
            "--contact",
            multiple=True,
            help="The presenter's email address (repeat for several).",
        ),
        click.option("--org", default=None, help="The presenter's organization."),
        click.option(
            "--presenter",
            default=None,
            help="Who presents: on the cover and closing slides (wins over hrdeck.yaml).",
        ),
    ]
    for option in options:
        with_trainer = option(with_trainer)
    return with_trainer  # type: ignore[return-value]


def _joined(audiences: tuple[str, ...]) -> str | None:
    """Repeated --audience values as the pipeline takes them: one comma-separated text."""
    return ",".join(audiences) if audiences else None


def _choose(path: Path | None) -> CurriculumChoice:
    """The curriculum to use (the one given, the project or curriculum here, or the
    built-in one), said on the first line of output."""
    from hrdeck.curriculum.layers import choose_curriculum

    cwd = Path.cwd()
    choice = choose_curriculum(path, cwd)
    say(choice.describe(cwd), err=True)
    return choice


def say(text: str, err: bool = False) -> None:
    """Print a message, each of its lines made safe (hrdeck.diagnostics.printable)."""
    click.echo("\n".join(printable(line) for line in text.split("\n")), err=err)


def show(document: str) -> None:
    """Print a document whole (an outline, an export, a report), its controls escaped."""
    click.echo(printable(document, multiline=True), nl=False)


def print_diagnostics(diagnostics: Iterable[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        say(diagnostic.format(), err=True)


def _summary(diagnostics: Iterable[Diagnostic]) -> str:
    items = list(diagnostics)
    errors = sum(1 for d in items if d.severity == "error")
    warnings = sum(1 for d in items if d.severity == "warning")
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def handles_errors(command: F) -> F:
    """Print an HrdeckError's diagnostics and message, and exit with its code.

    A file-system error no stage turned into a diagnostic (a folder that cannot be
    read, a disk that fills up) is a one-line message and exit 1, not a traceback.
    """

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            _require_working_folder()
            return command(*args, **kwargs)
        except HrdeckError as exc:
            print_diagnostics(exc.diagnostics)
            say(f"hrdeck: {exc.message}", err=True)
            sys.exit(exc.exit_code)
        except BrokenPipeError:  # 'hrdeck plan ... | head': the reader has all it wants
            _stop_writing_to_stdout()
            sys.exit(EXIT_CONTENT)
        except OSError as exc:
            say(f"hrdeck: {_os_error(exc)}", err=True)
            sys.exit(EXIT_CONTENT)

    return wrapper  # type: ignore[return-value]


def _require_working_folder() -> None:
    try:
        os.getcwd()
    except FileNotFoundError:
        message = "the current folder no longer exists (deleted or moved); cd to one that does"
        raise HrdeckError(message) from None


def _os_error(exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    return f"{exc.filename}: {reason}" if exc.filename else reason


def _stop_writing_to_stdout() -> None:
    """Send what is left for stdout nowhere, so exiting does not fail on the closed pipe."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


@contextlib.contextmanager
def _plain_errors() -> Iterator[None]:
    """Click's own errors with the user's text escaped; Ctrl-C as one line and exit 130."""
    try:
        yield
    except click.ClickException as exc:
        # "No such option: --<what was typed>", "Path '<typed>' does not exist": click
        # quotes the command line, which may hold escape sequences ('message' is Final
        # for typing only)
        exc.message = printable(exc.message)  # type: ignore[misc]
        raise
    except KeyboardInterrupt:
        say("hrdeck: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)


class HrdeckGroup(click.Group):
    """The command group, with :func:`_plain_errors` around parsing and every command."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        with _plain_errors():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        with _plain_errors():
            return super().invoke(ctx)


@click.group(
    cls=HrdeckGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.version_option(__version__, prog_name="hrdeck")
def cli() -> None:
    """Harm-reduction training curriculum as code.

    YAML modules in, tailored PowerPoint decks, speaker notes and facilitator
    guides out, for courts, clinicians and peers.
    """


@cli.command()
@CURRICULUM_ARG
@handles_errors
def validate(curriculum: Path | None) -> None:
    """Check a curriculum and report every problem at once.

    CURRICULUM is a folder (default: the project or curriculum here, else the
    built-in one; the first line of output says which).  Exit 0 when valid, 1 when
    there are errors.
    """
    from hrdeck.pipeline import validate_and_lint

    choice = _choose(curriculum)
    result, diagnostics = validate_and_lint(choice.root)
    print_diagnostics(diagnostics)
    shown = choice.shown(Path.cwd())
    if result is None:
        say(f"{shown}: invalid ({_summary(diagnostics)})", err=True)
        sys.exit(1)
    say(f"{shown}: valid ({_summary(diagnostics)})")


@cli.command()
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the JSON Schema files to.",
)
@handles_errors
def schema(out_dir: Path) -> None:
    """Write the JSON Schemas (course, audience, module, theme) for editors.

    All of them or none: a full or read-only disk leaves no partial file.
    """
    from hrdeck.atomic import write_atomically
    from hrdeck.paths import schemas_dir

    schemas = sorted(schemas_dir().glob("*.schema.json"))
    for path in write_atomically(out_dir, [(s.name, s.read_bytes()) for s in schemas]):
        say(str(path))


@cli.command()
@click.option("--audience", "-a", required=True, help="Audience id, e.g. court.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["outline", "json", "markdown"]),
    default="outline",
    show_default=True,
    help="outline for people, json for tools, markdown for pandoc/Quarto/Marp.",
)
@click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
@session_options
@CURRICULUM_ARG
@handles_errors
@trainer_options  # inside handles_errors: a bad value is a usage error, not a traceback
def plan(
    audience: str,
    fmt: str,
    as_json: bool,
    minutes: float | None,
    start: str | None,
    trainer: TrainerOverrides,
    curriculum: Path | None,
) -> None:
    """Print the tailored deck plan: each slide with its kind, content, notes, minutes."""
    from hrdeck.outputs.markdown import plan_markdown
    from hrdeck.outputs.outline import plan_json, plan_outline
    from hrdeck.pipeline import BuildRequest, plan_for

    choice = _choose(curriculum)
    request = BuildRequest(
        choice.root,
        audience,
        minutes=minutes,
        start=start,
        trainer=trainer,
        themes_dir=choice.themes_dir,
    )
    deck_plan, diagnostics = plan_for(request)
    print_diagnostics(d for d in diagnostics if d.severity != "info")
    writers = {"outline": plan_outline, "json": plan_json, "markdown": plan_markdown}
    show(writers["json" if as_json else fmt](deck_plan))


@cli.command()
@output_options
@click.option("--verbose", "-v", is_flag=True, help="Say what was dropped for each audience.")
@click.option("--strict", is_flag=True, help="Treat warnings (shrunk or split text) as errors.")
@session_options
@kit_options
@click.option(
    "--quiz",
    is_flag=True,
    help="Add knowledge checks from the question bank: a question slide, then its answer, "
    "after the module that teaches it.",
)
@CURRICULUM_ARG
@handles_errors
@trainer_options  # inside handles_errors: a bad value is a usage error, not a traceback
def build(
    audiences: tuple[str, ...],
    theme: str | None,
    out_dir: Path,
    verbose: bool,
    strict: bool,
    minutes: float | None,
    start: str | None,
    kit: bool,
    only: str | None,
    pdf: bool,
    trainer: TrainerOverrides,
    quiz: bool,
    curriculum: Path | None,
) -> None:
    """Build decks (.pptx) and facilitator guides (.md, .html) for one audience or all;
    with --kit or --only, the training kit's documents too, in one folder per audience.

    Validation runs first; a build with errors writes nothing.  The files of a build
    are replaced as one set: each is written to a temporary name, then all are
    renamed into place, and if one rename fails the previous files are put back, so
    a failed or interrupted build (Ctrl-C: exit 130) leaves the last good set.
    """
    from hrdeck.outputs.bundle import output_choice
    from hrdeck.pipeline import BuildRequest, run_build

    choice = _choose(curriculum)
    request = BuildRequest(
        root=choice.root,
        audience=_joined(audiences),
        theme=theme,
        out_dir=out_dir,
        strict=strict,
        minutes=minutes,
        start=start,
        outputs=output_choice(kit, only, pdf),
        trainer=trainer,
        themes_dir=choice.themes_dir,
        quiz=quiz,
    )
    result = run_build(request, progress=_progress if sys.stderr.isatty() else None)
    print_diagnostics(result.diagnostics)
    if verbose:
        for line in result.dropped_lines():
            say(line, err=True)
    for written in result.written:
        say(str(written))
    say(_built_line(result, request), err=True)


def _progress(message: str) -> None:
    say(message, err=True)


def _built_line(result: BuildResult, request: BuildRequest) -> str:
    """'built 1 audience(s) in 3.10 s (PDF 2.40 s); the kit is in build/court/'."""
    line = f"built {len(result.audiences)} audience(s) in {result.seconds:.2f} s"
    if result.pdf_seconds is not None:
        line += f" (PDF {result.pdf_seconds:.2f} s)"
    if request.outputs.folders:
        folders = ", ".join(f"{request.out_dir / audience}/" for audience in result.audiences)
        line += f"; the kit is in {folders}"
    return line


@cli.command()
@output_options
@session_options
@CURRICULUM_ARG
@handles_errors
@trainer_options  # inside handles_errors: a bad value is a usage error, not a traceback
def watch(
    audiences: tuple[str, ...],
    theme: str | None,
    out_dir: Path,
    minutes: float | None,
    start: str | None,
    trainer: TrainerOverrides,
    curriculum: Path | None,
) -> None:
    """Build, then rebuild whenever a curriculum, project or theme file changes.

    Takes build's options for the session (--minutes, --start) and the trainer
    (--presenter, --org, --contact, --date, --venue).  Prints one line per rebuild and
    the diagnostics as they appear.  Invalid content keeps the last good deck.
    Ctrl-C stops watching.
    """
    from hrdeck.watch.loop import Watch
    from hrdeck.watch.rebuild import Rebuilder, Reporter, WatchSettings

    choice = _choose(curriculum)
    settings = WatchSettings(minutes, start, trainer, choice.themes_dir)
    rebuilder = Rebuilder(choice.root, _joined(audiences), theme, out_dir, settings)
    report = Reporter(say, lambda text: say(text, err=True))
    try:
        first = rebuilder.rebuild()
        if first.usage_error is not None:
            raise first.usage_error  # a misspelt audience or theme: nothing to watch for
        report(first)
        running = Watch(rebuilder, report, notice=lambda text: say(text, err=True))
        folders = running.start()
        say(f"watching {', '.join(map(str, folders))} (Ctrl-C to stop)", err=True)
        running.serve()
    except KeyboardInterrupt:
        pass  # Ctrl-C before watching began: as clean as after


@cli.command()
@click.option("--audience", "-a", default=None, help="Lint as this audience sees it.")
@CURRICULUM_ARG
@handles_errors
def lint(audience: str | None, curriculum: Path | None) -> None:
    """Check the curriculum's language against the non-stigmatizing language table."""
    from hrdeck.lint.walk import lint_curriculum

    findings = lint_curriculum(_choose(curriculum).root, audience=audience)
    print_diagnostics(findings)
    blocking = [d for d in findings if d.severity in ("error", "warning")]
    say(f"{len(findings)} finding(s)", err=True)
    sys.exit(1 if blocking else 0)


@cli.command()
@handles_errors
def themes() -> None:
    """List the built-in themes and those found in the project here."""
    from hrdeck.curriculum.layers import shown_folder
    from hrdeck.theme.load import list_themes

    cwd = Path.cwd()
    for name, path, origin in list_themes(cwd):
        say(f"{name:<20} {origin:<9} {shown_folder(path, cwd)}")


@cli.group(name="theme")
def theme_group() -> None:
    """Check a theme, or inspect an agency's PowerPoint template."""


@theme_group.command(name="check")
@click.argument("theme", required=False)
@handles_errors
def theme_check(theme: str | None) -> None:
    """Report contrast below WCAG AA, logo problems, uncommon fonts, template gaps."""
    from hrdeck.pipeline import check_theme_full, theme_spec
    from hrdeck.theme.load import load_theme

    loaded = load_theme(theme_spec(theme, Path.cwd()), Path.cwd())
    diagnostics = check_theme_full(loaded)
    print_diagnostics(diagnostics)
    errors = [d for d in diagnostics if d.severity == "error"]
    say(f"theme {loaded.name}: {_summary(diagnostics)}", err=True)
    sys.exit(1 if errors else 0)


@theme_group.command(name="inspect")
@click.argument("template", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--write",
    "write_to",
    type=click.Path(path_type=Path),
    default=None,
    help="Write the proposed layouts into this theme.yaml (or theme folder): a new theme, "
    "or only the layouts: block of an existing one.",
)
@handles_errors
def theme_inspect(template: Path, write_to: Path | None) -> None:
    """List a template's masters, layouts and placeholders, score every layout for every
    slide kind, and propose a layouts: mapping (.pptx, .potx, or .otp/.odp with LibreOffice)."""
    from hrdeck.template.inspect import describe
    from hrdeck.theme.mapping import proposed_yaml, write_theme_file
    from hrdeck.theme.templated import usable_template

    loaded = usable_template(template)
    show(describe(loaded) + "\n" + proposed_yaml(loaded))
    if write_to is not None:
        written = write_theme_file(loaded, write_to)
        if written.copied is not None:
            say(f"copied the template to {written.copied}", err=True)
        what = "wrote" if written.created else "updated the layouts of"
        say(f"{what} {written.theme_file}; next: hrdeck theme check {written.theme_file}", err=True)


@theme_group.command(name="preview")
@click.argument("theme", required=False)
@click.option(
    "--out",
    "out_dir",
    default=Path("build/preview"),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder.",
)
@handles_errors
def theme_preview(theme: str | None, out_dir: Path) -> None:
    """Build one slide of every kind with sample text in THEME (and PNGs of them when
    LibreOffice is installed), to see a template at work."""
    from hrdeck.pipeline import load_build_theme, preview_examples
    from hrdeck.render.preview import write_preview

    built = load_build_theme(theme, Path.cwd())
    print_diagnostics(built.warnings)
    preview = write_preview(built.theme, out_dir, preview_examples())
    for path in (preview.deck, *preview.pictures):
        say(str(path))
    if preview.note:
        say(preview.note, err=True)


@cli.command()
@click.argument("decks", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@handles_errors
def check(decks: tuple[Path, ...]) -> None:
    """Check .pptx files the way PowerPoint's accessibility checker does.

    DECKS are .pptx files or folders (every .pptx in them, not below).  Lists titles,
    alt text, reading order, text size, language, contrast, notes, links and table
    headers that fail, per slide, and a summary per deck.  Exit 1 when any deck has
    an error.
    """
    from hrdeck.a11y.check import check_deck, format_findings

    failed = 0
    paths = _decks_in(decks)
    for deck in paths:
        try:
            findings = check_deck(deck)
        except HrdeckError as exc:  # not a deck, or unsafe: say so and check the others
            print_diagnostics(exc.diagnostics)
            say(f"hrdeck: {exc.message}", err=True)
            failed += 1
            continue
        show(format_findings(findings, deck))
        failed += any(f.severity == "error" for f in findings)
    if len(paths) > 1:
        say(f"{len(paths)} decks checked, {failed} with errors", err=True)
    sys.exit(1 if failed else 0)


def _decks_in(given: Iterable[Path]) -> list[Path]:
    """The decks named, a folder standing for the .pptx files in it; each once."""
    decks: list[Path] = []
    for path in given:
        if path.is_dir():
            found = sorted(p for p in path.glob("*.pptx") if p.is_file())
            if not found:
                raise UsageError(f"{path} holds no .pptx file")
            decks += found
        else:
            decks.append(path)
    return list(dict.fromkeys(decks))


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@handles_errors
def init(folder: Path) -> None:
    """Start an agency project in FOLDER: hrdeck.yaml, local resources, a theme to edit.

    The project builds on the built-in curriculum; 'hrdeck build' works in it at once.
    """
    from hrdeck.scaffold import init_project

    for path in init_project(folder):
        say(str(path))
    say(f"next: cd {folder} && hrdeck build", err=True)


@cli.command(name="new")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", default=None, help="The course title (default: from FOLDER's name).")
@click.option("--author", default=None, help="Who writes the curriculum (credited on the cover).")
@handles_errors
def new(folder: Path, title: str | None, author: str | None) -> None:
    """Start a curriculum of your own in FOLDER, not layered on the built-in one.

    A small example that validates and builds: course.yaml, an audience with two
    objectives, title, agenda, content and closing modules, a question per
    objective, the JSON Schemas, FORMAT.md and a README.
    """
    from hrdeck.scaffold.starter import new_curriculum

    for path in new_curriculum(folder, title, author):
        say(str(path))
    say(f"next: cd {folder} && hrdeck build -a general", err=True)


@cli.command(name="copy")
@click.argument("what", type=click.Choice(["module", "audience", "theme"]))
@click.argument("name")
@click.argument(
    "project", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option("--force", is_flag=True, help="Replace the project's own copy if it has one.")
@click.option("--as", "new_name", default=None, help="A new name for a copied theme.")
@handles_errors
def copy(what: str, name: str, project: Path | None, force: bool, new_name: str | None) -> None:
    """Copy a built-in module, audience or theme into a project, to change it there.

    NAME is a module id (myths), an audience (court) or a theme (default).  PROJECT
    is the project or curriculum folder (default: the current folder).  The copy
    replaces the built-in one (same module id, audience file name or theme name) and
    its $schema line points at the project's schemas/.  An existing copy is kept
    unless --force is given.

    \b
    Examples:
      hrdeck copy module myths               modules/06-myths.yaml
      hrdeck copy audience court lakeside    lakeside/audiences/court.yaml
      hrdeck copy theme default --as agency  themes/agency/theme.yaml
    """
    from hrdeck.scaffold.copying import copy_builtin

    copied = copy_builtin(what, name, project or Path("."), force, new_name)
    for path in copied.written:
        say(str(path))
    say(f"copied {copied.what} {copied.name} from {copied.source}", err=True)
