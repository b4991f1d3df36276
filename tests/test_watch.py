"""hrdeck watch: rebuilds reuse what did not change, keep the last good deck, report.

The Rebuilder is driven directly (edit a file, call rebuild); one test runs a real
watchdog observer and waits, bounded, for the rebuild it starts.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation

from hrdeck.cli import cli
from hrdeck.diagnostics import Loc, warning
from hrdeck.watch.cache import DocumentCache
from hrdeck.watch.loop import ChangeHandler, Debouncer, Watch
from hrdeck.watch.rebuild import (
    Rebuilder,
    RebuildResult,
    Reporter,
    is_scratch_file,
    time_warm_rebuild,
)

FIXTURES = Path(__file__).parent / "fixtures"
DECK = "fixture-course-court.pptx"
WAIT = 20.0  # upper bound for anything threaded; the usual wait is well under a second


@pytest.fixture
def root(tmp_path: Path) -> Path:
    copy = tmp_path / "curriculum"
    shutil.copytree(FIXTURES / "valid", copy)
    return copy


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "out"


def edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def deck_titles(deck: Path) -> list[str]:
    prs = Presentation(str(deck))
    return [s.shapes.title.text_frame.text for s in prs.slides if s.shapes.title is not None]


# -- the Rebuilder -------------------------------------------------------------------


def test_first_rebuild_writes_the_deck_and_guides(root: Path, out: Path) -> None:
    result = Rebuilder(root, "court", out_dir=out).rebuild()
    assert result.ok, result.message
    assert sorted(p.name for p in result.written) == [
        "fixture-course-court-guide.html",
        "fixture-course-court-guide.md",
        DECK,
    ]
    assert "A Small Complete Course" in deck_titles(out / DECK)


def test_after_one_file_changes_only_that_file_is_parsed_again(root: Path, out: Path) -> None:
    rebuilder = Rebuilder(root, "court", out_dir=out)
    rebuilder.rebuild()
    parsed_before = rebuilder.documents.parsed
    changed = edit(root / "modules" / "02-agenda.yaml", "title: Agenda", "title: Today's plan")
    result = rebuilder.rebuild([changed])
    assert result.ok, result.message
    assert rebuilder.documents.parsed - parsed_before == 1
    assert "Today's plan" in deck_titles(out / DECK)


def test_a_changed_stamp_is_noticed_even_without_the_watcher_naming_the_file(
    root: Path, out: Path
) -> None:
    rebuilder = Rebuilder(root, "court", out_dir=out)
    rebuilder.rebuild()
    edit(root / "modules" / "02-agenda.yaml", "title: Agenda", "title: The whole agenda")
    result = rebuilder.rebuild()
    assert result.ok
    assert "The whole agenda" in deck_titles(out / DECK)


def test_an_invalid_edit_keeps_the_last_good_deck_and_reports_located_errors(
    root: Path, out: Path
) -> None:
    rebuilder = Rebuilder(root, "court", out_dir=out)
    rebuilder.rebuild()
    good = (out / DECK).read_bytes()
    broken = edit(root / "modules" / "02-agenda.yaml", "title: Agenda", "titel: Agenda")
    result = rebuilder.rebuild([broken])
    assert not result.ok
    assert result.written == []
    assert (out / DECK).read_bytes() == good
    assert "kept the last good deck: 2 errors" in result.summary()
    unknown = next(d for d in result.diagnostics if d.code == "unknown-key")
    assert unknown.loc.file.endswith("modules/02-agenda.yaml")
    assert (unknown.loc.line, unknown.hint) == (3, "did you mean 'title'?")


def test_fixing_the_error_builds_again(root: Path, out: Path) -> None:
    rebuilder = Rebuilder(root, "court", out_dir=out)
    rebuilder.rebuild()
    agenda = edit(root / "modules" / "02-agenda.yaml", "title: Agenda", "titel: Agenda")
    assert not rebuilder.rebuild([agenda]).ok
    edit(agenda, "titel: Agenda", "title: Agenda, fixed")
    result = rebuilder.rebuild([agenda])
    assert result.ok, result.diagnostics
    assert "Agenda, fixed" in deck_titles(out / DECK)


def test_yaml_syntax_errors_are_reported_not_raised(root: Path, out: Path) -> None:
    rebuilder = Rebuilder(root, "court", out_dir=out)
    rebuilder.rebuild()
    agenda = root / "modules" / "02-agenda.yaml"
    agenda.write_text("id: agenda\nkind: [agenda\n", encoding="utf-8")
    result = rebuilder.rebuild([agenda])
    assert not result.ok
    assert [d.code for d in result.diagnostics] == ["yaml-syntax"]


def test_an_audience_whose_plan_did_not_change_is_not_rendered_again(root: Path, out: Path) -> None:
    rebuilder = Rebuilder(root, "all", out_dir=out)
    rebuilder.rebuild()
    renders = rebuilder.renders
    notes = edit(root / "modules" / "04-basics.yaml", "peer: Peer notes.", "peer: New peer notes.")
    result = rebuilder.rebuild([notes])
    assert result.ok
    assert result.unchanged == ["court"]
    assert [p.name for p in result.written if p.suffix == ".pptx"] == ["fixture-course-peer.pptx"]
    assert rebuilder.renders - renders == 1


def test_a_deleted_output_is_written_again_even_when_nothing_changed(root: Path, out: Path) -> None:
    rebuilder = Rebuilder(root, "court", out_dir=out)
    rebuilder.rebuild()
    (out / DECK).unlink()
    result = rebuilder.rebuild()
    assert result.ok and (out / DECK).is_file()


def test_a_theme_change_reloads_the_theme_and_renders_again(
    root: Path, out: Path, tmp_path: Path
) -> None:
    theme = tmp_path / "agency"
    shutil.copytree(Path(__file__).parents[1] / "themes" / "default", theme)
    rebuilder = Rebuilder(root, "court", theme=str(theme), out_dir=out)
    rebuilder.rebuild()
    renders = rebuilder.renders
    theme_file = theme / "theme.yaml"
    edit(theme_file, "footer: null", "footer: Agency footer")
    result = rebuilder.rebuild([theme_file])
    assert result.ok, result.diagnostics
    assert rebuilder.renders - renders == 1
    prs = Presentation(str(out / DECK))
    texts = {
        shape.text_frame.text for s in prs.slides for shape in s.shapes if shape.has_text_frame
    }
    assert "Agency footer" in texts


def test_an_unknown_audience_is_a_usage_error(root: Path, out: Path) -> None:
    result = Rebuilder(root, "jury", out_dir=out).rebuild()
    assert not result.ok
    assert result.usage_error is not None
    assert "unknown audience 'jury'" in result.usage_error.message


def test_rebuilder_watches_the_curriculum_and_the_theme_folder(root: Path, out: Path) -> None:
    rebuilder = Rebuilder(root, "court", out_dir=out)
    rebuilder.rebuild()
    folders = rebuilder.folders()
    assert root.absolute() in folders
    assert any((f / "theme.yaml").is_file() for f in folders)


@pytest.mark.parametrize(
    ("name", "ignored"),
    [
        ("modules/04-basics.yaml", False),
        ("images/logo.png", False),
        ("modules/.04-basics.yaml.swp", True),
        ("modules/04-basics.yaml~", True),
        ("modules/4913", True),
        ("modules/.#04-basics.yaml", True),
        ("modules/#04-basics.yaml#", True),
        (".git/index", True),
        ("modules/.goutputstream-ABC123", True),
    ],
)
def test_editor_scratch_files_do_not_start_a_rebuild(name: str, ignored: bool) -> None:
    assert is_scratch_file(Path("/work/curriculum") / name) is ignored


def test_files_in_the_output_folder_do_not_start_a_rebuild(root: Path) -> None:
    rebuilder = Rebuilder(root, "court", out_dir=root / "build")
    assert rebuilder.is_ignored(root / "build" / DECK)
    assert not rebuilder.is_ignored(root / "modules" / "02-agenda.yaml")


def test_document_cache_forgets_a_folder_and_everything_below(root: Path) -> None:
    cache = DocumentCache()
    agenda = root / "modules" / "02-agenda.yaml"
    cache.load(agenda, None)
    cache.load(agenda, None)
    assert cache.parsed == 1
    cache.forget([root / "modules"])
    cache.load(agenda, None)
    assert cache.parsed == 2


def test_time_warm_rebuild_times_a_real_edit(root: Path) -> None:
    assert time_warm_rebuild(root, "court", rounds=1) > 0


# -- reporting -----------------------------------------------------------------------


def _result(ok: bool, *diagnostics: object) -> RebuildResult:
    return RebuildResult(ok, 0.1, diagnostics=list(diagnostics))  # type: ignore[arg-type]


def test_reporter_prints_one_line_per_rebuild_and_new_warnings_once() -> None:
    lines: list[str] = []
    shown: list[str] = []
    report = Reporter(lines.append, shown.append)
    tip = warning(Loc("modules/a.yaml", 3, 5), "lang-L1", "say 'person who uses drugs'")
    report(_result(True, tip))
    report(_result(True, tip))
    assert len(lines) == 2
    assert lines[0].endswith("0.10 s: wrote nothing new to write")
    assert shown == [tip.format()]


def test_reporter_repeats_errors_while_the_deck_is_kept() -> None:
    from hrdeck.diagnostics import error

    lines: list[str] = []
    shown: list[str] = []
    report = Reporter(lines.append, shown.append)
    problem = error(Loc("modules/a.yaml", 3, 1), "unknown-key", "'titel' is not a field")
    report(_result(False, problem))
    report(_result(False, problem))
    assert shown == [problem.format(), problem.format()]
    assert all("kept the last good deck: 1 error" in line for line in lines)


# -- watching ------------------------------------------------------------------------


def test_debouncer_turns_a_burst_of_saves_into_one_rebuild() -> None:
    batches: list[frozenset[Path]] = []
    done = threading.Event()

    def action(paths: frozenset[Path]) -> None:
        batches.append(paths)
        done.set()

    debouncer = Debouncer(action, delay=0.2)
    debouncer.start()
    try:
        for name in ("a.yaml", "b.yaml", "a.yaml"):
            debouncer.add([Path(name)])
        assert done.wait(WAIT)
    finally:
        debouncer.stop()
    assert batches == [frozenset({Path("a.yaml"), Path("b.yaml")})]


def test_change_handler_reports_a_rename_onto_a_module_and_skips_scratch() -> None:
    from watchdog.events import FileModifiedEvent, FileMovedEvent

    seen: list[list[Path]] = []
    handler = ChangeHandler(seen.append, is_scratch_file)
    handler.dispatch(FileMovedEvent("/c/modules/.goutputstream-X", "/c/modules/a.yaml"))
    handler.dispatch(FileModifiedEvent("/c/modules/.a.yaml.swp"))
    assert seen == [[Path("/c/modules/a.yaml")]]


def test_a_real_watcher_rebuilds_after_a_save(root: Path, out: Path) -> None:
    rebuilder = Rebuilder(root, "court", out_dir=out)
    assert rebuilder.rebuild().ok
    results: list[RebuildResult] = []
    rebuilt = threading.Event()

    def report(result: RebuildResult) -> None:
        results.append(result)
        if result.ok and result.written:
            rebuilt.set()

    watch = Watch(rebuilder, report, delay=0.05)
    watch.start()
    try:
        edit(root / "modules" / "02-agenda.yaml", "title: Agenda", "title: Saved in an editor")
        assert rebuilt.wait(WAIT), results
    finally:
        watch.stop()
    assert "Saved in an editor" in deck_titles(out / DECK)


def test_watch_with_an_unknown_audience_exits_2_without_watching(root: Path, out: Path) -> None:
    result = CliRunner().invoke(cli, ["watch", "-a", "jury", "--out", str(out), str(root)])
    assert result.exit_code == 2
    assert "unknown audience 'jury'" in result.stderr
    assert not any(line.startswith("watching") for line in result.stderr.splitlines())


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
def test_ctrl_c_stops_watching_with_exit_0_and_no_traceback(root: Path, out: Path) -> None:
    command = [sys.executable, "-m", "hrdeck", "watch", "-a", "court", "--out", str(out)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    child = subprocess.Popen(
        [*command, str(root)], stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
    )
    watching = threading.Event()
    seen: list[str] = []

    def read_stderr() -> None:
        assert child.stderr is not None
        for line in child.stderr:
            seen.append(line)
            if line.startswith("watching"):  # not the 'using ...' line naming the tmp path
                watching.set()

    reader = threading.Thread(target=read_stderr, daemon=True)
    reader.start()
    try:
        assert watching.wait(WAIT), seen
        child.send_signal(signal.SIGINT)
        stdout, _ = child.communicate(timeout=WAIT)
        reader.join(WAIT)
    finally:
        child.kill()
    stderr = "".join(seen)
    assert child.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert DECK in stdout


def test_watch_rebuilds_with_builds_session_and_trainer_settings(tmp_path: Path) -> None:
    """`hrdeck watch --minutes 60 --venue ...` rebuilds what `hrdeck build` would."""
    from hrdeck.curriculum.trainer import TrainerOverrides
    from hrdeck.paths import builtin_curriculum
    from hrdeck.watch.rebuild import WatchSettings

    venue = "Lakeside Library"
    settings = WatchSettings(minutes=60, trainer=TrainerOverrides(venue=venue))
    short = Rebuilder(builtin_curriculum(), "court", None, tmp_path / "short", settings)
    full = Rebuilder(builtin_curriculum(), "court", None, tmp_path / "full")
    assert short.rebuild().ok and full.rebuild().ok
    (short_deck,) = (tmp_path / "short").glob("*.pptx")
    (full_deck,) = (tmp_path / "full").glob("*.pptx")
    short_slides = list(Presentation(str(short_deck)).slides)
    assert len(short_slides) < len(Presentation(str(full_deck)).slides)
    cover = " ".join(s.text_frame.text for s in short_slides[0].shapes if s.has_text_frame)
    assert venue in cover


def test_watch_takes_builds_session_and_trainer_options() -> None:
    shown = CliRunner().invoke(cli, ["watch", "--help"]).output
    for option in ("--minutes", "--start", "--presenter", "--date", "--venue"):
        assert option in shown, option


def test_a_warm_rebuild_lints_only_the_changed_file_and_encodes_no_qr_code_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hrdeck.lint.walk as walk
    import hrdeck.render.qr as qr
    from hrdeck.paths import builtin_curriculum

    copy = tmp_path / "curriculum"
    shutil.copytree(builtin_curriculum(), copy)
    rebuilder = Rebuilder(copy, "court", out_dir=tmp_path / "out")
    assert rebuilder.rebuild().ok
    first = sorted(p.name for p in (tmp_path / "out").iterdir())
    linted: list[str] = []
    encoded: list[str] = []
    lint_document, encode = walk._lint_document, qr.qr_matrix
    monkeypatch.setattr(
        walk,
        "_lint_document",
        lambda state, *rest: linted.append(state.doc.path.name) or lint_document(state, *rest),
    )
    monkeypatch.setattr(qr, "qr_matrix", lambda url: encoded.append(url) or encode(url))
    edit(copy / "course.yaml", "title: ", "title: Draft 2 of ")
    result = rebuilder.rebuild([copy / "course.yaml"])
    assert result.ok and result.written
    assert linted == ["course.yaml"]  # every other file's findings are remembered
    assert encoded == []  # the resources' and closing's codes are kept from the first build
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == first


def test_the_render_memo_changes_no_byte_of_the_deck(tmp_path: Path) -> None:
    from hrdeck.paths import builtin_curriculum
    from hrdeck.pipeline import load_valid, plan_audience
    from hrdeck.render.deck import RenderMemo, render_deck
    from hrdeck.theme.load import load_theme

    curriculum, _ = load_valid(builtin_curriculum())
    plan = plan_audience(curriculum, "peer").plan
    theme = load_theme("default")
    memo = RenderMemo()
    plain = render_deck(plan, theme)
    assert render_deck(plan, theme, memo) == plain
    assert memo.qr_codes  # filled by the first render ...
    assert render_deck(plan, theme, memo) == plain  # ... and used by the second
