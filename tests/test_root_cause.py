"""One YAML syntax error gives one root diagnostic, first (issue 11).

A module file that cannot be parsed may define any id its ``id:`` line or file name
says, so audiences and the outline listing that id are not reported as naming an
unknown module; and whatever else is reported, the file that could not be read
comes first.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from hrdeck.cli import cli
from hrdeck.curriculum.load import read_document
from hrdeck.curriculum.usage import possible_ids, root_causes_first
from hrdeck.diagnostics import Diagnostic, Loc
from hrdeck.paths import builtin_curriculum
from hrdeck.pipeline import validate_and_lint

BROKEN_MYTHS = """\
id: myths
kind: myths
title: Myths and facts
myths:
  - myth: It encourages use.
    fact: Fact: it does not.
"""


@pytest.fixture
def curriculum(tmp_path: Path) -> Path:
    root = tmp_path / "curriculum"
    shutil.copytree(builtin_curriculum(), root)
    return root


def break_myths(root: Path, name: str = "06-busting.yaml", text: str = BROKEN_MYTHS) -> Path:
    """Replace the myths module by an unparsable file named ``name``."""
    (root / "modules" / "06-myths.yaml").unlink()
    path = root / "modules" / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["06-myths.yaml", "06-busting.yaml", "myth-busting.yaml"])
def test_a_syntax_error_is_the_only_error_and_comes_first(curriculum: Path, name: str) -> None:
    break_myths(curriculum, name)
    model, diagnostics = validate_and_lint(curriculum)
    assert model is None
    errors = [d for d in diagnostics if d.severity == "error"]
    assert [d.code for d in errors] == ["yaml-syntax"]
    assert diagnostics[0] == errors[0]
    assert diagnostics[0].loc.file.endswith(f"modules/{name}")
    assert diagnostics[0].loc.line == 6


def test_the_command_line_prints_the_root_cause_right_after_the_curriculum(
    curriculum: Path,
) -> None:
    break_myths(curriculum)
    for command in ("validate", "build"):
        result = CliRunner().invoke(cli, [command, str(curriculum)])
        assert result.exit_code == 1
        lines = result.stderr.splitlines()
        assert lines[0] == f"using curriculum {curriculum}"
        assert "modules/06-busting.yaml:6:15: error[yaml-syntax]" in lines[1]
        assert "unknown-module" not in result.stderr


def test_an_id_is_read_from_a_broken_id_line(tmp_path: Path) -> None:
    path = tmp_path / "07-x.yaml"
    path.write_text("id: [myths\nkind: myths\n", encoding="utf-8")
    document, _ = read_document(path, tmp_path)
    assert possible_ids(document) == {"x", "myths"}


def test_a_binary_module_offers_its_file_name_only(tmp_path: Path) -> None:
    path = tmp_path / "12-references.yaml"
    path.write_bytes(b"\x00\x01id: \xff\xfe")
    document, _ = read_document(path, tmp_path)
    assert possible_ids(document) == {"references"}


def test_a_genuine_unknown_id_is_still_reported(curriculum: Path) -> None:
    break_myths(curriculum)
    court = curriculum / "audiences" / "court.yaml"
    court.write_text(
        court.read_text("utf-8").replace("{id: roles,", "{id: rolez,"), encoding="utf-8"
    )
    _, diagnostics = validate_and_lint(curriculum)
    errors = [d for d in diagnostics if d.severity == "error"]
    assert [d.code for d in errors] == ["yaml-syntax", "unknown-module"]
    assert diagnostics[0] == errors[0]
    assert "'rolez' is not the id of any module" in errors[1].message


def test_root_causes_first_keeps_the_order_of_the_rest() -> None:
    def found(file: str, code: str) -> Diagnostic:
        return Diagnostic(Loc(file, 1, 1), "error", code, "m")

    items = [found("a", "unknown-key"), found("z", "yaml-tab"), found("b", "missing-key")]
    assert root_causes_first(items) == [items[1], items[0], items[2]]
