"""The command line under interruption and failing disks (issue 14 #2, #13, sweeps 10, 16).

The real-process scenarios (a terminal's Ctrl-C to the whole process group, a
read-only or full disk, a deleted working folder) are in tests/hostile/; these
pin each behaviour down in-process.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import hrdeck.atomic
from hrdeck.cli import cli
from hrdeck.errors import EXIT_INTERRUPTED
from hrdeck.paths import builtin_curriculum
from hrdeck.pipeline import BuildRequest, output_name_problems, prepare


def fail_third_write(monkeypatch: pytest.MonkeyPatch) -> None:
    """The third file written fails as on a full disk."""
    real_fill = hrdeck.atomic._fill
    filled: list[int] = []

    def fill(handle: int, data: bytes) -> None:
        filled.append(handle)
        if len(filled) == 3:
            os.close(handle)
            raise OSError(28, "No space left on device")
        real_fill(handle, data)

    monkeypatch.setattr(hrdeck.atomic, "_fill", fill)


def test_ctrl_c_is_one_line_and_exit_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import hrdeck.pipeline

    def interrupted(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(hrdeck.pipeline, "run_build", interrupted)
    result = CliRunner().invoke(cli, ["build", "-a", "court", "--out", str(tmp_path / "out")])
    assert result.exit_code == EXIT_INTERRUPTED == 130
    assert result.stderr.splitlines()[0].startswith("using ")  # which curriculum, then
    assert result.stderr.splitlines()[1:] == ["hrdeck: interrupted"]
    assert not (tmp_path / "out").exists()


def test_a_file_system_error_no_stage_reported_is_one_line_and_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hrdeck.pipeline

    def unreadable(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", "/srv/curriculum/hrdeck.yaml")

    monkeypatch.setattr(hrdeck.pipeline, "validate_and_lint", unreadable)
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1:] == [
        "hrdeck: /srv/curriculum/hrdeck.yaml: Permission denied"
    ]


@pytest.mark.parametrize("command", ["init", "schema"])
def test_a_full_disk_leaves_no_partial_project_or_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    target = tmp_path / "project"
    fail_third_write(monkeypatch)
    args = ["init", str(target)] if command == "init" else ["schema", "--out", str(target)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "No space left on device" in result.stderr
    assert result.stdout == ""
    assert not target.exists()  # the folder it made is gone again, and everything in it


def test_schema_over_an_earlier_copy_replaces_all_or_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "schemas"
    assert CliRunner().invoke(cli, ["schema", "--out", str(out)]).exit_code == 0
    for path in out.iterdir():
        path.write_text("an older version")
    fail_third_write(monkeypatch)
    assert CliRunner().invoke(cli, ["schema", "--out", str(out)]).exit_code == 1
    assert {path.read_text() for path in out.iterdir()} == {"an older version"}


def copy_with_course_id(tmp_path: Path, course_id: str) -> Path:
    root = tmp_path / "cur"
    shutil.copytree(builtin_curriculum(), root)
    course = root / "course.yaml"
    lines = course.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("id:"))
    lines[at] = f"id: {course_id}\n"
    course.write_text("".join(lines), encoding="utf-8")
    return root


def test_an_id_too_long_for_a_file_name_is_refused_before_building(tmp_path: Path) -> None:
    root = copy_with_course_id(tmp_path, "a" * 230)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "-a", "court", "--out", str(out), str(root)])
    assert result.exit_code == 1
    assert re.search(
        r"cur/course\.yaml:\d+:\d+: error\[file-name-too-long\]: the course id 'aaaa", result.stderr
    )
    assert "(230 characters)" in result.stderr
    assert not out.exists()


def test_the_longest_id_that_fits_builds(tmp_path: Path) -> None:
    fits = 255 - hrdeck.atomic.temporary_name_bytes("-clinician-guide.html")
    root = copy_with_course_id(tmp_path, "a" * fits)
    prepared = prepare(BuildRequest(root, "all"))
    assert output_name_problems(prepared.curriculum, prepared.audiences) == []
    longer = prepare(BuildRequest(copy_with_course_id(tmp_path / "2", "a" * (fits + 1)), "all"))
    assert [d.code for d in output_name_problems(longer.curriculum, longer.audiences)] == [
        "file-name-too-long"
    ]
