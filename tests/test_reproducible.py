"""The same input builds the same bytes: decks, Markdown guides and HTML guides.

A deck carries one timestamp (document created/modified, every zip entry):
``SOURCE_DATE_EPOCH`` when it is set, else the course file's ``date``; never the
clock.  Nothing depends on hash order either: builds under different
``PYTHONHASHSEED`` values agree.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lxml import etree

from hrdeck.cli import cli
from hrdeck.paths import builtin_curriculum
from hrdeck.pipeline import BuildRequest, run_build
from tests.helpers import BuiltDecks

COURSE_DATE = "2026-11-01T00:00:00Z"  # curriculum/course.yaml: date
COURSE_ZIP_TIME = (2026, 11, 1, 0, 0, 0)
EPOCH = "1700000000"  # 2023-11-14 22:13:20 UTC
EPOCH_DATE = "2023-11-14T22:13:20Z"
EPOCH_ZIP_TIME = (2023, 11, 14, 22, 13, 20)
DCTERMS = "{http://purl.org/dc/terms/}"


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def core_dates(deck: Path) -> tuple[str, str]:
    with zipfile.ZipFile(deck) as archive:
        core = etree.fromstring(archive.read("docProps/core.xml"))
    return core.findtext(f"{DCTERMS}created") or "", core.findtext(f"{DCTERMS}modified") or ""


def entry_times(deck: Path) -> set[tuple[int, ...]]:
    with zipfile.ZipFile(deck) as archive:
        return {info.date_time for info in archive.infolist()}


def build_with_epoch(out: Path, epoch: str | None) -> Path:
    with pytest.MonkeyPatch.context() as env:
        if epoch is None:
            env.delenv("SOURCE_DATE_EPOCH", raising=False)
        else:
            env.setenv("SOURCE_DATE_EPOCH", epoch)
        run_build(BuildRequest(root=builtin_curriculum(), audience="all", out_dir=out))
    return out


def build_twice(tmp: Path, epoch: str | None) -> tuple[Path, Path]:
    return build_with_epoch(tmp / "one", epoch), build_with_epoch(tmp / "two", epoch)


@pytest.fixture(scope="module")
def plain_builds(
    builtin_decks: BuiltDecks, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    """Two builds of every built-in audience, SOURCE_DATE_EPOCH unset (one is the session's)."""
    return builtin_decks.out, build_with_epoch(tmp_path_factory.mktemp("plain") / "two", None)


@pytest.fixture(scope="module")
def epoch_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two builds of every built-in audience with SOURCE_DATE_EPOCH set."""
    return build_twice(tmp_path_factory.mktemp("epoch"), EPOCH)


def test_two_builds_give_identical_decks_and_guides(plain_builds: tuple[Path, Path]) -> None:
    first, second = plain_builds
    assert len(digests(first)) == 9  # three audiences, each a deck and two guides
    assert digests(first) == digests(second)


def test_two_builds_with_source_date_epoch_are_identical(epoch_builds: tuple[Path, Path]) -> None:
    first, second = epoch_builds
    assert digests(first) == digests(second)


def test_deck_dates_come_from_the_course_file(plain_builds: tuple[Path, Path]) -> None:
    decks = sorted(plain_builds[0].glob("*.pptx"))
    assert len(decks) == 3
    for deck in decks:
        assert core_dates(deck) == (COURSE_DATE, COURSE_DATE)
        assert entry_times(deck) == {COURSE_ZIP_TIME}


def test_source_date_epoch_sets_every_deck_timestamp(epoch_builds: tuple[Path, Path]) -> None:
    decks = sorted(epoch_builds[0].glob("*.pptx"))
    assert len(decks) == 3
    for deck in decks:
        assert core_dates(deck) == (EPOCH_DATE, EPOCH_DATE)
        assert entry_times(deck) == {EPOCH_ZIP_TIME}


def test_guides_carry_no_build_time(
    plain_builds: tuple[Path, Path], epoch_builds: tuple[Path, Path]
) -> None:
    plain, stamped = digests(plain_builds[0]), digests(epoch_builds[0])
    guides = [name for name in plain if "-guide." in name]
    assert len(guides) == 6
    assert {n: plain[n] for n in guides} == {n: stamped[n] for n in guides}
    decks = [name for name in plain if name.endswith(".pptx")]
    assert all(plain[n] != stamped[n] for n in decks)  # the epoch did reach the decks


def test_malformed_source_date_epoch_is_refused_and_nothing_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--audience", "peer", "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert "SOURCE_DATE_EPOCH='yesterday' is not a whole number of seconds" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists() or not any(out.iterdir())


def _build_in_subprocess(out: Path, hash_seed: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    env.pop("SOURCE_DATE_EPOCH", None)
    command = [sys.executable, "-m", "hrdeck", "build", "--audience", "all", "--out", str(out)]
    subprocess.run(command, env=env, check=True, capture_output=True, cwd=out.parent)
    return digests(out)


def test_builds_do_not_depend_on_hash_order(builtin_decks: BuiltDecks, tmp_path: Path) -> None:
    """Set and dict iteration over strings changes with PYTHONHASHSEED; outputs must not.

    The session's build ran under this process's seed; a subprocess builds under another.
    """
    other_seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    assert _build_in_subprocess(tmp_path / "a", other_seed) == digests(builtin_decks.out)


def test_relationship_files_are_what_python_pptx_would_write(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """hrdeck writes .rels itself (faster); every one must equal python-pptx's own."""
    import hrdeck.render.deck as deck_module
    from hrdeck.pipeline import load_valid, plan_audience
    from hrdeck.render.package import rels_xml
    from hrdeck.theme.load import load_theme

    captured: list[Any] = []
    real_bytes = deck_module.reproducible_bytes

    def keep(prs: Any, plan: Any) -> bytes:
        captured.append(prs)
        return real_bytes(prs, plan)

    monkeypatch.setattr(deck_module, "reproducible_bytes", keep)
    curriculum, _ = load_valid(builtin_curriculum())
    plan = plan_audience(curriculum, "peer").plan
    deck_module.render_deck(plan, load_theme("default"))
    (prs,) = captured
    external = 0
    for part in prs.part.package.iter_parts():
        if part._rels:
            assert rels_xml(part.rels, part.partname.baseURI) == part.rels.xml, part.partname
            external += sum(1 for rel in part.rels.values() if rel.is_external)
    assert external > 0  # hyperlinks (TargetMode="External") were compared too
