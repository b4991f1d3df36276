"""``hrdeck validate`` and ``hrdeck schema`` through Click: exit codes, stdout, stderr."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from hrdeck.cli import cli
from hrdeck.paths import builtin_curriculum

FIXTURES = Path(__file__).parent / "fixtures"


def copy_fixture(tmp_path: Path, overlay: str | None = None) -> Path:
    root = tmp_path / "curriculum"
    shutil.copytree(FIXTURES / "valid", root)
    if overlay is not None:
        shutil.copytree(FIXTURES / "invalid" / overlay, root, dirs_exist_ok=True)
    return root


def test_validate_valid_curriculum_exits_0_and_reports_on_stdout(
    runner: CliRunner, tmp_path: Path
) -> None:
    root = copy_fixture(tmp_path)
    result = runner.invoke(cli, ["validate", str(root)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{root}: valid (0 errors, 3 warnings)\n"
    first, *rest = result.stderr.splitlines()
    assert first == f"using curriculum {root}"
    # the fixture's comparison, concepts and strategies modules show kinds no audience uses
    assert sum("warning[unused-module]" in line for line in rest) == 3
    assert "error" not in result.stderr


def test_validate_invalid_curriculum_exits_1_with_located_diagnostics_on_stderr(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_fixture(tmp_path, "unknown-key")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["validate", "curriculum"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert (
        "curriculum/modules/06-myths.yaml:7:5: error[unknown-key]: "
        "'note' is not a field of a myth\n  hint: did you mean 'notes'?\n"
    ) in result.stderr
    assert "2 errors" in result.stderr


def test_validate_reports_every_problem_without_a_traceback(
    runner: CliRunner, tmp_path: Path
) -> None:
    root = copy_fixture(tmp_path)
    shutil.copytree(FIXTURES / "many-problems", root, dirs_exist_ok=True)
    (root / "modules" / "02-agenda.yaml").write_bytes(b"\x00\x01binary")
    result = runner.invoke(cli, ["validate", str(root)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "error[binary-file]" in result.stderr
    assert result.stderr.count("error[") >= 15


def test_validate_missing_folder_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["validate", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert result.stdout == ""


@pytest.mark.skipif(not (builtin_curriculum() / "course.yaml").exists(), reason="no curriculum")
def test_validate_builtin_curriculum_is_clean(runner: CliRunner) -> None:
    """No error; the only warnings are the ones an agency or the content editor clears:
    credit and disclosure placeholders, figures due for review, and objectives with no
    module behind them yet."""
    result = runner.invoke(cli, ["validate", str(builtin_curriculum())])
    assert result.exit_code == 0, result.stderr
    codes = set(re.findall(r": (\w+)\[([\w-]+)\]:", result.stderr))
    expected = {"placeholder", "review-due", "objective-unclaimed", "objective-untested"}
    assert {severity for severity, _ in codes} <= {"warning"}
    assert {code for _, code in codes} <= expected


def test_schema_writes_the_json_schemas(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["schema", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert {"course.schema.json", "audience.schema.json", "module.schema.json"} <= set(written)
    module = json.loads((tmp_path / "out" / "module.schema.json").read_text())
    assert module["title"] == "hrdeck module"
