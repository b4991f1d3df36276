"""Which curriculum a command works on: a path given, a project folder, or the built-in one."""

from __future__ import annotations

from pathlib import Path

from hrdeck.diagnostics import Diagnostic
from hrdeck.model import Curriculum
from hrdeck.paths import builtin_curriculum


def find_curriculum(given: Path | None, cwd: Path) -> Path:
    """The folder given, else the current folder if it holds a curriculum, else the built-in one."""
    if given is not None:
        return given
    if (cwd / "course.yaml").is_file() or (cwd / "hrdeck.yaml").is_file():
        return cwd
    return builtin_curriculum()


def validate_project(root: Path) -> tuple[Curriculum | None, list[Diagnostic]]:
    """Load and validate the curriculum at ``root``; the model only when error-free."""
    from hrdeck.validate import validate_curriculum

    return validate_curriculum(root)
