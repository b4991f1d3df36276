"""Fixtures shared by the whole suite.

* ``runner``: a Click test runner that keeps stdout and stderr apart.
* ``builtin_decks`` / ``builtin_decks_high_contrast``: every audience of the built-in
  curriculum built once per session (per xdist worker) in the default and the
  high-contrast theme; paths, plus python-pptx presentations opened on first use.
  They are shared: read them, never write into their folder (the files are read-only).
* ``wheel``: the wheel built once per run, however many xdist workers ask for it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers import (
    BuiltDecks,
    build_builtin,
    build_wheel,
    make_runner,
    once_per_run,
    run_dir,
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
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of this checkout, built once per run and shared by every xdist worker."""
    return once_per_run(run_dir(tmp_path_factory.getbasetemp()), "wheel", build_wheel)
