"""Fixtures shared by the whole suite.

* ``runner``: a Click test runner that keeps stdout and stderr apart.
* ``builtin_decks`` / ``builtin_decks_high_contrast``: every audience of the built-in
  curriculum built once per session (per xdist worker) in the default and the
  high-contrast theme; paths, plus python-pptx presentations opened on first use.
  They are shared: read them, never write into their folder (the files are read-only).
* ``builtin_pdfs``: those decks as LibreOffice renders them (every audience in the
  default theme, peer in high contrast), converted in one LibreOffice start.
* ``wheel`` / ``hrdeck_exe``: the wheel, and a fresh venv with it installed, made once
  per run however many xdist workers ask; when a selected test needs them, they are
  made in the background from the session's start.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers import (
    BUILTIN_AUDIENCES,
    BuiltDecks,
    build_builtin,
    installed_once,
    make_runner,
    once_per_run,
    run_dir,
    start_early,
    wheel_once,
)
from tests.lo import to_pdfs_named


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
def builtin_pdfs(
    builtin_decks: BuiltDecks,
    builtin_decks_high_contrast: BuiltDecks,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[tuple[str, str], Path]:
    """PDFs by (theme, audience), each beside the deck it shows (same name, .pptx): made
    once per run (builds are reproducible, so every worker's decks are these).  Ask for
    it only in tests marked ``needs_soffice``."""
    decks = {("default", a): builtin_decks.deck(a) for a in BUILTIN_AUDIENCES}
    decks["high-contrast", "peer"] = builtin_decks_high_contrast.deck("peer")
    names = {f"{theme}--{audience}": (theme, audience) for theme, audience in decks}

    def convert(folder: Path) -> Path:
        to_pdfs_named({name: decks[key] for name, key in names.items()}, folder)
        return folder

    folder = once_per_run(run_dir(tmp_path_factory.getbasetemp()), "builtin-pdfs", convert)
    return {key: folder / f"{name}.pdf" for name, key in names.items()}


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of this checkout."""
    return wheel_once(run_dir(tmp_path_factory.getbasetemp()))


@pytest.fixture(scope="session")
def hrdeck_exe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``hrdeck`` installed from the wheel, with its dependencies, in a fresh venv."""
    return installed_once(run_dir(tmp_path_factory.getbasetemp()))


@pytest.fixture(scope="session", autouse=True)
def _install_the_wheel_early(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Building and installing take most of a minute: overlap them with other tests."""
    wanted = {"wheel", "hrdeck_exe"}
    if any(wanted & set(getattr(item, "fixturenames", ())) for item in request.session.items):
        shared = run_dir(tmp_path_factory.getbasetemp())
        start_early(lambda: installed_once(shared))
