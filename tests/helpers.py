"""Helpers several test files share: curriculum copies, folder snapshots, CLI checks,
the built-in decks and the wheel the ``conftest.py`` fixtures make once.

Fixtures live in ``conftest.py``; these are plain functions and classes, imported where used.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import threading
import venv
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import event
from pptx import Presentation

from hrdeck.paths import builtin_curriculum
from hrdeck.pipeline import BuildRequest, output_names, run_build
from tests.lo import to_pdfs_named

BUILTIN_COURSE_ID = "hr-mandated-clients"
BUILTIN_AUDIENCES = ("clinician", "court", "peer")
REPO = Path(__file__).resolve().parent.parent


def make_runner() -> CliRunner:
    """A CliRunner with ``result.stdout`` and ``result.stderr`` apart (Click 8.1 and 8.2+)."""
    try:
        return CliRunner(mix_stderr=False)  # type: ignore[call-arg]  # Click 8.1
    except TypeError:
        return CliRunner()  # Click 8.2 and later always keep them apart


def copy_builtin(tmp_path: Path) -> Path:
    """A private copy of the built-in curriculum at ``tmp_path/curriculum``."""
    root = tmp_path / "curriculum"
    shutil.copytree(builtin_curriculum(), root)
    return root


def folder_listing(folder: Path) -> dict[str, bytes]:
    """Every file of a folder by name, with its bytes: compare two to see any change."""
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def no_traceback(result: Result) -> None:
    """A CLI run ended by Click (an exit code), never by an exception a user would see."""
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )


@contextmanager
def exclusive(lock_file: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_file`` (shared by every pytest-xdist worker)."""
    with lock_file.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def once_per_run(run_dir: Path, name: str, make: Callable[[Path], Path]) -> Path:
    """``make(folder)`` run once for the whole test run, whatever the number of workers.

    The first worker to get here makes it in ``run_dir/name`` and leaves a mark; the
    others wait on the lock and take what it made.  A failed attempt leaves no mark,
    so the next worker tries again (and reports its own failure).
    """
    folder = run_dir / name
    done = run_dir / f"{name}.done"
    with exclusive(run_dir / f"{name}.lock"):
        if done.is_file():
            return Path(done.read_text(encoding="utf-8"))
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        made = make(folder)
        done.write_text(str(made), encoding="utf-8")
        return made


def run_dir(base_temp: Path) -> Path:
    """The temporary folder every worker of this run shares (pytest's own with one process)."""
    return base_temp.parent if os.environ.get("PYTEST_XDIST_WORKER") else base_temp


@dataclass
class BuiltDecks:
    """One build of every built-in audience: where the outputs are, and the decks opened."""

    out: Path
    theme: str
    _opened: dict[str, Any] = field(default_factory=dict, repr=False)

    def deck(self, audience: str) -> Path:
        return self.out / output_names(BUILTIN_COURSE_ID, audience)[0]

    def guide(self, audience: str, suffix: str = ".md") -> Path:
        markdown, html = output_names(BUILTIN_COURSE_ID, audience)[1:]
        return self.out / (markdown if suffix == ".md" else html)

    def presentation(self, audience: str) -> Any:
        """The deck opened with python-pptx, once; shared, so only read it."""
        if audience not in self._opened:
            self._opened[audience] = Presentation(str(self.deck(audience)))
        return self._opened[audience]


def build_builtin(out: Path, theme: str) -> BuiltDecks:
    """Build every built-in audience as a user would (no SOURCE_DATE_EPOCH), then lock it."""
    with pytest.MonkeyPatch.context() as env:
        env.delenv("SOURCE_DATE_EPOCH", raising=False)
        result = run_build(
            BuildRequest(root=builtin_curriculum(), audience="all", theme=theme, out_dir=out)
        )
    assert sorted(result.audiences) == sorted(BUILTIN_AUDIENCES)
    for path in result.written:
        path.chmod(0o444)
    return BuiltDecks(out, theme)


def clean_env() -> dict[str, str]:
    """The environment without PYTHONPATH: only what is installed can be imported."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}


def build_wheel(folder: Path) -> Path:
    """``pip wheel`` of this checkout, as a user would build it."""
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(folder), str(REPO)]
    built = subprocess.run(command, cwd=folder, env=clean_env(), capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    (wheel_path,) = folder.glob("hrdeck-*.whl")
    return wheel_path


def install_in_a_fresh_venv(wheel: Path) -> Callable[[Path], Path]:
    """A maker for :func:`once_per_run`: a new venv with the wheel and its dependencies."""

    def install(env_dir: Path) -> Path:
        venv.create(env_dir, with_pip=True)
        python = env_dir / "bin" / "python"
        command = [str(python), "-m", "pip", "install", "-q", str(wheel)]
        installed = subprocess.run(
            command, cwd=env_dir, env=clean_env(), capture_output=True, text=True
        )
        assert installed.returncode == 0, installed.stderr
        return env_dir / "bin" / "hrdeck"

    return install


def wheel_once(shared: Path) -> Path:
    return once_per_run(shared, "wheel", build_wheel)


def installed_once(shared: Path) -> Path:
    """The wheel built and installed in a venv, once per run: the ``hrdeck`` command."""
    return once_per_run(shared, "venv", install_in_a_fresh_venv(wheel_once(shared)))


PDF_NAMES = {
    **{f"default--{audience}": ("default", audience) for audience in BUILTIN_AUDIENCES},
    "high-contrast--peer": ("high-contrast", "peer"),
}


def build_builtin_in_a_subprocess(out: Path, theme: str) -> None:
    """``hrdeck build`` of every built-in audience; a subprocess, so that a background
    thread neither forks this process nor reads the environment tests patch."""
    env = {k: v for k, v in clean_env().items() if k != "SOURCE_DATE_EPOCH"}
    command = [sys.executable, "-m", "hrdeck", "build", "-a", "all", "-t", theme, "--out", str(out)]
    built = subprocess.run(command, env=env, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr


def builtin_pdfs_once(shared: Path) -> Path:
    """The folder of the built-in decks and their PDFs (see ``PDF_NAMES``), once per run."""

    def build_and_convert(folder: Path) -> Path:
        for theme in ("default", "high-contrast"):
            build_builtin_in_a_subprocess(folder / "build" / theme, theme)
        decks = {
            name: folder / "build" / theme / output_names(BUILTIN_COURSE_ID, audience)[0]
            for name, (theme, audience) in PDF_NAMES.items()
        }
        to_pdfs_named(decks, folder)
        return folder

    return once_per_run(shared, "builtin-pdfs", build_and_convert)


def start_early(make: Callable[[], object]) -> None:
    """Run ``make`` in a background thread; the fixture that needs it calls it again and
    so waits for it (a failure here is left for that call to report)."""

    def quietly() -> None:
        with suppress(BaseException):
            make()

    threading.Thread(target=quietly, name="made-early", daemon=True).start()


@dataclass
class Reach:
    """How many examples of a property test got past its guard to the comparison.

    A property test that returns early on most inputs (the fast path declined, the
    document was invalid) checks little: count each example with :meth:`count`, and
    assert :attr:`share` once hypothesis is done (the examples it ran, no extra ones).
    """

    tried: int = 0
    reached: int = 0

    def count(self, reached: bool) -> bool:
        self.tried += 1
        self.reached += reached
        event(f"reached the comparison={reached}")
        return reached

    @property
    def share(self) -> float:
        return self.reached / self.tried if self.tried else 0.0

    def __str__(self) -> str:
        return f"{self.reached} of {self.tried} examples reached the comparison"
