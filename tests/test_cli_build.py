"""``hrdeck build``, ``hrdeck plan``, ``--version`` and ``--help`` through Click.

Each test checks the exit code, stdout and stderr apart: file names and plans go to
stdout, diagnostics and progress to stderr, and bad input never shows a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from hrdeck import __version__
from hrdeck.cli import cli
from hrdeck.errors import BuildError
from tests.helpers import copy_builtin, folder_listing, no_traceback

COURSE_ID = "hr-mandated-clients"


def test_version_prints_the_package_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"hrdeck, version {__version__}\n"
    assert result.stderr == ""


def test_help_lists_commands_and_examples(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in ("build", "validate", "plan", "lint"):
        assert command in result.stdout
    assert "Examples:" in result.stdout
    assert "hrdeck build --audience court" in result.stdout


def test_build_help_names_every_option(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["build", "--help"])
    assert result.exit_code == 0
    for option in ("--audience", "--theme", "--out", "--verbose", "[CURRICULUM]"):
        assert option in result.stdout


def test_build_court_writes_three_files_into_build_by_default(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["build", "--audience", "court"])
    assert result.exit_code == 0, result.stderr
    expected = [
        f"build/{COURSE_ID}-court.pptx",
        f"build/{COURSE_ID}-court-guide.md",
        f"build/{COURSE_ID}-court-guide.html",
    ]
    assert result.stdout.splitlines() == expected
    assert "built 1 audience(s)" in result.stderr
    assert sorted(p.name for p in (tmp_path / "build").iterdir()) == sorted(
        Path(name).name for name in expected
    )


def test_build_all_with_out_and_theme_writes_every_audience(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "decks"
    result = runner.invoke(cli, ["build", "-a", "all", "--theme", "default", "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 9
    assert len(list(out.glob("*.pptx"))) == 3
    assert len(list(out.glob("*-guide.*"))) == 6


def test_build_takes_a_theme_folder_path(runner: CliRunner, tmp_path: Path) -> None:
    from hrdeck.paths import builtin_themes

    theme = next(p for p in sorted(builtin_themes().iterdir()) if p.is_dir())
    result = runner.invoke(cli, ["build", "-a", "peer", "-t", str(theme), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / f"{COURSE_ID}-peer.pptx").is_file()


def test_unknown_audience_exits_2_listing_the_known_ones(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["build", "--audience", "jury", "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "unknown audience 'jury'" in result.stderr
    assert "clinician, court, peer, all" in result.stderr
    assert not (tmp_path / "o").exists()
    no_traceback(result)


def test_unknown_theme_is_reported_without_a_traceback(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        cli, ["build", "-a", "court", "-t", "no-such-theme", "--out", str(tmp_path)]
    )
    assert result.exit_code in (1, 2)
    assert "no-such-theme" in result.stderr
    assert not list(tmp_path.iterdir())
    no_traceback(result)


def test_verbose_says_what_was_dropped_for_the_audience(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["build", "-a", "court", "--verbose", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert "court: dropped module 'treatment-tasks'" in result.stderr
    assert "not in the module list of court" in result.stderr
    assert "dropped" not in result.stdout


def test_quiet_build_does_not_list_dropped_content(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["build", "-a", "court", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert "dropped" not in result.stderr


def test_broken_yaml_exits_1_and_keeps_the_last_good_deck_byte_for_byte(
    runner: CliRunner, tmp_path: Path
) -> None:
    root = copy_builtin(tmp_path)
    out = tmp_path / "out"
    good = runner.invoke(cli, ["build", "-a", "all", "--out", str(out), str(root)])
    assert good.exit_code == 0, good.stderr
    before = folder_listing(out)
    agenda = root / "modules" / "02-agenda.yaml"
    agenda.write_text(agenda.read_text(encoding="utf-8") + "\ntitle: [unclosed\n")
    result = runner.invoke(cli, ["build", "-a", "all", "--out", str(out), str(root)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "02-agenda.yaml:" in result.stderr
    assert "nothing was built" in result.stderr
    assert folder_listing(out) == before  # same names (no temp files), same bytes
    no_traceback(result)


def test_render_failure_midway_exits_1_and_writes_nothing_new(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hrdeck.render.deck

    out = tmp_path / "out"
    assert runner.invoke(cli, ["build", "-a", "court", "--out", str(out)]).exit_code == 0
    before = folder_listing(out)
    real_render = hrdeck.render.deck.render_deck

    def render_then_fail(
        plan: object, theme: object, memo: object = None, lines: object = None
    ) -> bytes:
        # the second audience of three fails (each is built in a process of its own,
        # so the failure is chosen by audience, not counted)
        if plan.audience == "court":  # type: ignore[attr-defined]
            raise BuildError("the template has no 'Comparison' layout")
        return real_render(plan, theme)  # type: ignore[arg-type]

    monkeypatch.setattr(hrdeck.render.deck, "render_deck", render_then_fail)
    result = runner.invoke(cli, ["build", "-a", "all", "--out", str(out)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "hrdeck: the template has no 'Comparison' layout" in result.stderr
    assert folder_listing(out) == before
    no_traceback(result)


def test_output_folder_that_is_a_file_is_an_error_not_a_traceback(
    runner: CliRunner, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = runner.invoke(cli, ["build", "-a", "court", "--out", str(blocker / "sub")])
    assert result.exit_code == 1
    assert "cannot create output folder" in result.stderr
    no_traceback(result)


def test_missing_curriculum_folder_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["build", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert result.stdout == ""
    no_traceback(result)


def test_plan_prints_the_court_outline(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["plan", "--audience", "court"])
    assert result.exit_code == 0, result.stderr
    assert "Case scenario: Anthony" in result.stdout
    assert "Harm reduction treatment tasks" not in result.stdout  # not in the court's list
    assert "error[" not in result.stderr  # the built-in curriculum's own warnings may show


def test_plan_json_is_valid_json_for_the_audience(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["plan", "-a", "court", "--json"])
    assert result.exit_code == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["audience"] == "court"
    assert len(plan["slides"]) > 20


def test_plan_unknown_audience_exits_2_listing_audiences(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["plan", "-a", "nope"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "unknown audience 'nope'; known audiences: clinician, court, peer" in result.stderr
    no_traceback(result)


def test_plan_all_is_a_usage_error_not_a_traceback(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["plan", "-a", "all"])
    assert result.exit_code == 2
    assert "one audience at a time" in result.stderr
    assert "clinician, court, peer" in result.stderr
    no_traceback(result)
