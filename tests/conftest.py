"""Fixtures shared by the whole suite.

* ``runner``: a Click test runner that keeps stdout and stderr apart.
* ``builtin_decks`` / ``builtin_decks_high_contrast``: every audience of the built-in
  curriculum built once per session (per xdist worker) in the default and the
  high-contrast theme; paths, plus python-pptx presentations opened on first use.
  They are shared: read them, never write into their folder (the files are read-only).
* ``builtin_pdfs``: the built-in decks as LibreOffice renders them (every audience in the
  default theme, peer in high contrast): built and converted in one LibreOffice start,
  once per run, in the background from the session's start.
* ``wheel`` / ``hrdeck_exe``: the wheel, and a fresh venv with it installed, made once
  per run however many xdist workers ask; when a selected test needs them, they are
  made in the background from the session's start.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers import (
    PDF_NAMES,
    BuiltDecks,
    build_builtin,
    builtin_pdfs_once,
    installed_once,
    make_runner,
    run_dir,
    start_early,
    wheel_once,
)


@pytest.fixture
def runner() -> CliRunner:
    """Click's test runner, ``result.stdout`` and ``result.stderr`` apart."""
    return make_runner()


@pytest.fixture(scope="session")
def builtin_decks(tmp_path_factory: pytest.TempPathFactory) -> BuiltDecks:
    return build_builtin(tmp_path_factory.mktemp("builtin-default"), "default")


@pytest.fixture(scope="session")
def builtin_decks_high_contrast(tmp_path_factory: pytest.TempPathFactory) -> BuiltDecks:
    return build_builtin(tmp_path_factory.mktemp("builtin-high-contrast"), "high-contrast")


@pytest.fixture(scope="session")
def builtin_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """PDFs by (theme, audience), each beside the deck it shows (same name, .pptx).  Ask
    for it only in tests marked ``needs_soffice``."""
    folder = builtin_pdfs_once(run_dir(tmp_path_factory.getbasetemp()))
    return {key: folder / f"{name}.pdf" for name, key in PDF_NAMES.items()}


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of this checkout."""
    return wheel_once(run_dir(tmp_path_factory.getbasetemp()))


@pytest.fixture(scope="session")
def hrdeck_exe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``hrdeck`` installed from the wheel, with its dependencies, in a fresh venv."""
    return installed_once(run_dir(tmp_path_factory.getbasetemp()))


@pytest.fixture(scope="session", autouse=True)
def _slow_things_early(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The wheel and its venv take most of a minute, the PDFs many seconds: when a
    selected test needs them, start making them while other tests run."""
    wanted = {name for item in request.session.items for name in getattr(item, "fixturenames", ())}
    shared = run_dir(tmp_path_factory.getbasetemp())
    if wanted & {"wheel", "hrdeck_exe"}:
        start_early(lambda: installed_once(shared))
    if "builtin_pdfs" in wanted:
        start_early(lambda: builtin_pdfs_once(shared))
