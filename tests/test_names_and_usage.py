"""Audiences and themes as typed, and modules nobody uses (issue 11).

``-a court -a peer`` and ``-a court,peer`` build both; names match regardless of case;
a misspelt audience or theme is a usage error (exit 2) saying what was meant; a module
no audience lists is a located warning, ``unused-module``, at its ``id``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from hrdeck.cli import cli
from hrdeck.curriculum.names import resolve_name, split_names, suggestion
from hrdeck.errors import UsageError
from hrdeck.paths import builtin_curriculum
from hrdeck.pipeline import load_valid, resolve_audiences, theme_spec, validate_and_lint

COURSE = "hr-mandated-clients"

NEW_MODULE = """\
# a module the project adds but no audience lists yet
id: county-data
kind: bullets
title: Overdose in Lakeside County
slides:
  - title: Lakeside County overdose picture
    items: [Naloxone is in every patrol car since 2024]
    notes: Use the county health department's latest dashboard.
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def built_audiences(out: Path) -> list[str]:
    return sorted(p.stem.removeprefix(f"{COURSE}-") for p in out.glob("*.pptx"))


# -- several audiences ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [["-a", "court", "-a", "peer"], ["-a", "court,peer"], ["-a", "Court", "--audience", "PEER"]],
)
def test_several_audiences_are_all_built(tmp_path: Path, args: list[str]) -> None:
    result = run("build", *args, "--out", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert built_audiences(tmp_path) == ["court", "peer"]
    assert result.stderr.splitlines()[-1].startswith("built 2 audience(s)")


def test_all_among_the_audiences_means_all(tmp_path: Path) -> None:
    result = run("build", "-a", "court,ALL", "--out", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert built_audiences(tmp_path) == ["clinician", "court", "peer"]


def test_a_misspelt_audience_is_a_usage_error_with_a_suggestion(tmp_path: Path) -> None:
    result = run("build", "-a", "court", "-a", "cleenician", "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "unknown audience 'cleenician'; did you mean 'clinician'?" in result.stderr
    assert not tmp_path.exists() or not any(tmp_path.iterdir())


def test_plan_shows_one_audience_and_says_so_for_several() -> None:
    assert run("plan", "-a", "Peer").exit_code == 0
    result = run("plan", "-a", "court,peer")
    assert result.exit_code == 2
    assert "plan shows one audience at a time" in result.stderr


def test_resolve_audiences_keeps_the_order_asked_and_each_once() -> None:
    curriculum, _ = load_valid(builtin_curriculum())
    assert resolve_audiences(curriculum, "peer, court,PEER") == ["peer", "court"]
    assert resolve_audiences(curriculum, None, ("peer",)) == ["peer"]
    assert resolve_audiences(curriculum, None) == ["clinician", "court", "peer"]
    with pytest.raises(UsageError, match="did you mean 'court'"):
        resolve_audiences(curriculum, "cort")


# -- themes ----------------------------------------------------------------------------------


def test_a_misspelt_theme_is_a_usage_error_with_a_suggestion(tmp_path: Path) -> None:
    result = run("build", "-a", "court", "--theme", "defualt", "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "unknown theme 'defualt'; did you mean 'default'?" in result.stderr


def test_a_theme_name_in_another_case_is_used(tmp_path: Path) -> None:
    result = run("build", "-a", "court", "--theme", "High-Contrast", "--out", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert built_audiences(tmp_path) == ["court"]


def test_theme_check_suggests_too() -> None:
    result = run("theme", "check", "hihg-contrast")
    assert result.exit_code == 2
    assert "did you mean 'high-contrast'?" in result.stderr


def test_theme_paths_and_folders_here_are_left_to_the_loader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "Brand").mkdir()
    assert theme_spec("Brand", tmp_path) == "Brand"  # a folder here, named without a slash
    assert theme_spec("themes/x", tmp_path) == "themes/x"
    assert theme_spec(None, tmp_path) is None
    assert theme_spec("DEFAULT", tmp_path) == "default"


# -- the name matcher --------------------------------------------------------------------------


def test_names_split_on_commas_and_repeat_once() -> None:
    assert split_names(["court,peer", " clinician ", "court", ",,"]) == [
        "court",
        "peer",
        "clinician",
    ]


def test_an_ambiguous_case_folding_is_not_guessed() -> None:
    with pytest.raises(UsageError, match="unknown audience 'court'"):
        resolve_name("court", ["Court", "COURT"], "audience")
    assert resolve_name("Court", ["Court", "COURT"], "audience") == "Court"


def test_a_name_far_from_all_lists_them() -> None:
    assert suggestion("xyz", ["court", "peer"], "audience") == "known audiences: court, peer"


# -- unused modules ----------------------------------------------------------------------------


def test_a_module_no_audience_lists_is_a_warning_at_its_id(tmp_path: Path) -> None:
    (tmp_path / "hrdeck.yaml").write_text("extends: builtin\n", encoding="utf-8")
    (tmp_path / "modules").mkdir()
    (tmp_path / "modules" / "30-county.yaml").write_text(NEW_MODULE, encoding="utf-8")
    curriculum, diagnostics = validate_and_lint(tmp_path)
    assert curriculum is not None
    (unused,) = [d for d in diagnostics if d.code == "unused-module"]
    assert unused.severity == "warning"
    assert (unused.loc.line, unused.loc.col) == (2, 5)  # the value of 'id:'
    assert unused.loc.file.endswith("modules/30-county.yaml")
    assert "'county-data' is not used by any audience" in unused.message
    assert "- {id: county-data, minutes: 5}" in (unused.hint or "")


def test_the_warning_goes_once_an_audience_lists_the_module(tmp_path: Path) -> None:
    (tmp_path / "hrdeck.yaml").write_text("extends: builtin\n", encoding="utf-8")
    (tmp_path / "modules").mkdir()
    (tmp_path / "modules" / "30-county.yaml").write_text(NEW_MODULE, encoding="utf-8")
    (tmp_path / "audiences").mkdir()
    court = (builtin_curriculum() / "audiences" / "court.yaml").read_text(encoding="utf-8")
    court = court.replace("\nmodules:\n", "\nmodules:\n  - {id: county-data, minutes: 3}\n", 1)
    assert "county-data" in court
    (tmp_path / "audiences" / "court.yaml").write_text(court, encoding="utf-8")
    _, diagnostics = validate_and_lint(tmp_path)
    assert not [d for d in diagnostics if d.code == "unused-module"]


def test_builtin_modules_a_project_drops_everywhere_are_not_reported(tmp_path: Path) -> None:
    (tmp_path / "hrdeck.yaml").write_text("extends: builtin\n", encoding="utf-8")
    (tmp_path / "audiences").mkdir()
    for audience in ("court", "clinician", "peer"):
        text = (builtin_curriculum() / "audiences" / f"{audience}.yaml").read_text("utf-8")
        kept = "\n".join(line for line in text.splitlines() if "id: benefits" not in line)
        (tmp_path / "audiences" / f"{audience}.yaml").write_text(kept + "\n", "utf-8")
    curriculum, diagnostics = validate_and_lint(tmp_path)
    assert curriculum is not None
    assert not [d for d in diagnostics if d.code == "unused-module"]


def test_the_builtin_curriculum_uses_every_module() -> None:
    _, diagnostics = validate_and_lint(builtin_curriculum())
    assert not [d for d in diagnostics if d.code == "unused-module"]


def test_validate_prints_the_unused_module_warning(tmp_path: Path) -> None:
    (tmp_path / "hrdeck.yaml").write_text("extends: builtin\n", encoding="utf-8")
    (tmp_path / "modules").mkdir()
    (tmp_path / "modules" / "30-county.yaml").write_text(NEW_MODULE, encoding="utf-8")
    result = run("validate", str(tmp_path))
    assert result.exit_code == 0
    assert f"{tmp_path}/modules/30-county.yaml:2:5: warning[unused-module]" in result.stderr
