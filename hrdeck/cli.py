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
from hrdeck.errors import EXIT_CONTENT, EXIT_INTERRUPTED, HrdeckError

if TYPE_CHECKING:
    from hrdeck.diagnostics import Diagnostic

F = TypeVar("F", bound=Callable[..., Any])

EPILOG = """\b
Examples:
  hrdeck build --audience court            deck + guide for a court audience, in build/
  hrdeck build --audience all --theme high-contrast
  hrdeck build -a court --minutes 60 --start 13:30   a 60-minute session, clock times
  hrdeck validate my-curriculum/           every problem at once, file:line:col
  hrdeck plan --audience peer              the tailored outline, slide by slide
  hrdeck lint                              non-stigmatizing language check
  hrdeck theme check themes/agency         contrast, logo, fonts, template layouts
  hrdeck check build/court.pptx            accessibility of any deck, slide by slide
  hrdeck watch --audience court            rebuild on every save, keep the last good deck

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
        default=None,
        help="Audience id (court, clinician, peer, ...) or 'all' "
        "(default: the project's list, else all).",
    )(command)


def _curriculum_root(path: Path | None) -> Path:
    """The curriculum folder to use: the one given, the project here, or the built-in one."""
    from hrdeck.curriculum.layers import find_curriculum

    return find_curriculum(path, Path.cwd())


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

    CURRICULUM is a folder (default: the project here, else the built-in one).
    Exit 0 when valid, 1 when there are errors.
    """
    from hrdeck.pipeline import validate_and_lint

    root = _curriculum_root(curriculum)
    result, diagnostics = validate_and_lint(root)
    print_diagnostics(diagnostics)
    if result is None:
        say(f"{root}: invalid ({_summary(diagnostics)})", err=True)
        sys.exit(1)
    say(f"{root}: valid ({_summary(diagnostics)})")


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
@CURRICULUM_ARG
@handles_errors
def plan(audience: str, fmt: str, as_json: bool, curriculum: Path | None) -> None:
    """Print the tailored deck plan: each slide with its kind, content, notes, minutes."""
    from hrdeck.outputs.markdown import plan_markdown
    from hrdeck.outputs.outline import plan_json, plan_outline
    from hrdeck.pipeline import plan_for

    deck_plan, diagnostics = plan_for(_curriculum_root(curriculum), audience)
    print_diagnostics(d for d in diagnostics if d.severity != "info")
    writers = {"outline": plan_outline, "json": plan_json, "markdown": plan_markdown}
    show(writers["json" if as_json else fmt](deck_plan))


@cli.command()
@output_options
@click.option("--verbose", "-v", is_flag=True, help="Say what was dropped for each audience.")
@click.option("--strict", is_flag=True, help="Treat warnings (shrunk or split text) as errors.")
@click.option(
    "--minutes",
    type=click.FloatRange(min=1),
    default=None,
    help="Fit each session into this many minutes, breaks included: optional modules "
    "are left out and core ones shortened as needed.",
)
@click.option("--start", default=None, help="Start time, e.g. 13:30 or 1:30pm: real clock times.")
@click.option(
    "--quiz",
    is_flag=True,
    help="Add knowledge checks from the question bank: a question slide, then its answer, "
    "after the module that teaches it.",
)
@CURRICULUM_ARG
@handles_errors
def build(
    audience: str | None,
    theme: str | None,
    out_dir: Path,
    verbose: bool,
    strict: bool,
    minutes: float | None,
    start: str | None,
    quiz: bool,
    curriculum: Path | None,
) -> None:
    """Build decks (.pptx) and facilitator guides (.md, .html) for one audience or all.

    Validation runs first; a build with errors writes nothing.  The files of a build
    are replaced as one set: each is written to a temporary name, then all are
    renamed into place, and if one rename fails the previous files are put back, so
    a failed or interrupted build (Ctrl-C: exit 130) leaves the last good set.
    """
    from hrdeck.pipeline import BuildRequest, run_build

    request = BuildRequest(
        root=_curriculum_root(curriculum),
        audience=audience,
        theme=theme,
        out_dir=out_dir,
        strict=strict,
        minutes=minutes,
        start=start,
        quiz=quiz,
    )
    result = run_build(request, progress=_progress if sys.stderr.isatty() else None)
    print_diagnostics(result.diagnostics)
    if verbose:
        for line in result.dropped_lines():
            say(line, err=True)
    for written in result.written:
        say(str(written))
    say(f"built {len(result.audiences)} audience(s) in {result.seconds:.2f} s", err=True)


def _progress(message: str) -> None:
    say(message, err=True)


@cli.command()
@output_options
@CURRICULUM_ARG
@handles_errors
def watch(audience: str | None, theme: str | None, out_dir: Path, curriculum: Path | None) -> None:
    """Build, then rebuild whenever a curriculum, project or theme file changes.

    Prints one line per rebuild and the diagnostics as they appear.  Invalid
    content keeps the last good deck.  Ctrl-C stops watching.
    """
    from hrdeck.watch.loop import Watch
    from hrdeck.watch.rebuild import Rebuilder, Reporter

    rebuilder = Rebuilder(_curriculum_root(curriculum), audience, theme, out_dir)
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

    findings = lint_curriculum(_curriculum_root(curriculum), audience=audience)
    print_diagnostics(findings)
    blocking = [d for d in findings if d.severity in ("error", "warning")]
    say(f"{len(findings)} finding(s)", err=True)
    sys.exit(1 if blocking else 0)


@cli.command()
@handles_errors
def themes() -> None:
    """List the built-in themes and those found in the project here."""
    from hrdeck.theme.load import list_themes

    for name, path, origin in list_themes(Path.cwd()):
        say(f"{name:<20} {origin:<9} {path}")


@cli.group(name="theme")
def theme_group() -> None:
    """Check a theme, or inspect an agency's PowerPoint template."""


@theme_group.command(name="check")
@click.argument("theme", required=False)
@handles_errors
def theme_check(theme: str | None) -> None:
    """Report contrast below WCAG AA, logo problems, uncommon fonts, template gaps."""
    from hrdeck.pipeline import check_theme_full
    from hrdeck.theme.load import load_theme

    loaded = load_theme(theme, Path.cwd())
    diagnostics = check_theme_full(loaded)
    print_diagnostics(diagnostics)
    errors = [d for d in diagnostics if d.severity == "error"]
    say(f"theme {loaded.name}: {_summary(diagnostics)}", err=True)
    sys.exit(1 if errors else 0)


@theme_group.command(name="inspect")
@click.argument("template", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@handles_errors
def theme_inspect(template: Path) -> None:
    """List a .pptx/.potx template's layouts and placeholders, to write a mapping."""
    from hrdeck.render.template import inspect_template

    show(inspect_template(template))


@cli.command()
@click.argument("deck", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@handles_errors
def check(deck: Path) -> None:
    """Check any .pptx the way PowerPoint's accessibility checker does.

    Lists titles, alt text, reading order, text size, language, contrast, notes,
    links and table headers that fail, per slide.  Exit 1 when any is an error.
    """
    from hrdeck.a11y.check import check_deck, format_findings

    findings = check_deck(deck)
    show(format_findings(findings, deck))
    sys.exit(1 if any(f.severity == "error" for f in findings) else 0)


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
