"""hrdeck watch never goes deaf (issue 14 #9) and never hides a failure (#19).

A watched folder deleted, or moved aside and replaced, is reported and watched
again once it is back; a rebuild stopped by a bug says so instead of "0 errors".
"""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest
from pptx import Presentation

from hrdeck.diagnostics import Loc, error
from hrdeck.watch.loop import Watch, folder_identity
from hrdeck.watch.rebuild import Rebuilder, RebuildResult, internal_error_message

FIXTURES = Path(__file__).parent / "fixtures"
DECK = "fixture-course-court.pptx"
WAIT = 20.0


@pytest.fixture
def root(tmp_path: Path) -> Path:
    copy = tmp_path / "curriculum"
    shutil.copytree(FIXTURES / "valid", copy)
    return copy


class Recorder:
    """What a Watch reports and notices, with a way to wait for a rebuild."""

    def __init__(self) -> None:
        self.results: list[RebuildResult] = []
        self.notices: list[str] = []
        self.rebuilt = threading.Event()

    def report(self, result: RebuildResult) -> None:
        self.results.append(result)
        self.rebuilt.set()

    def notice(self, text: str) -> None:
        self.notices.append(text)

    def wait_for_a_good_rebuild(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not any(result.ok for result in self.results):
            self.rebuilt.clear()
            if not self.rebuilt.wait(max(deadline - time.monotonic(), 0)):
                return any(result.ok for result in self.results)
        return True


def titles(deck: Path) -> list[str]:
    slides = Presentation(str(deck)).slides
    return [s.shapes.title.text_frame.text for s in slides if s.shapes.title is not None]


@pytest.mark.parametrize("how", ["deleted", "moved"])
def test_a_replaced_folder_is_reported_watched_again_and_rebuilt(
    root: Path, tmp_path: Path, how: str
) -> None:
    spare = tmp_path / "spare"
    shutil.copytree(root, spare)
    edited = spare / "modules" / "02-agenda.yaml"
    edited.write_text(edited.read_text().replace("title: Agenda", "title: Back again", 1))
    rebuilder = Rebuilder(root, "court", out_dir=tmp_path / "out")
    assert rebuilder.rebuild().ok
    seen = Recorder()
    watch = Watch(rebuilder, seen.report, delay=0.05, notice=seen.notice)
    watch.start()
    try:
        if how == "deleted":
            shutil.rmtree(root)
        else:
            root.rename(tmp_path / "moved-away")
        watch.check_folders()
        assert seen.notices == [f"watch: {root.absolute()} is gone; waiting for it to come back"]
        shutil.copytree(spare, root)
        seen.rebuilt.clear()
        seen.results.clear()
        watch.check_folders()
        assert seen.notices[1:] == [f"watch: {root.absolute()} was replaced; watching the new one"]
        assert seen.wait_for_a_good_rebuild(WAIT), seen.results
    finally:
        watch.stop()
    assert "Back again" in titles(tmp_path / "out" / DECK)


def test_a_folder_replaced_between_two_checks_is_still_noticed(root: Path, tmp_path: Path) -> None:
    spare = tmp_path / "spare"
    shutil.copytree(root, spare)
    rebuilder = Rebuilder(root, "court", out_dir=tmp_path / "out")
    assert rebuilder.rebuild().ok
    seen = Recorder()
    watch = Watch(rebuilder, seen.report, delay=0.05, notice=seen.notice)
    watch.start()
    try:
        root.rename(tmp_path / "moved-away")  # the old folder keeps its inode ...
        shutil.copytree(spare, root)  # ... so the new one cannot have it
        watch.check_folders()
    finally:
        watch.stop()
    assert seen.notices == [f"watch: {root.absolute()} was replaced; watching the new one"]


def test_an_unchanged_folder_is_left_alone(root: Path, tmp_path: Path) -> None:
    rebuilder = Rebuilder(root, "court", out_dir=tmp_path / "out")
    assert rebuilder.rebuild().ok
    seen = Recorder()
    watch = Watch(rebuilder, seen.report, delay=0.05, notice=seen.notice)
    watch.start()
    try:
        before = folder_identity(root)
        watch.check_folders()
        watch.check_folders()
    finally:
        watch.stop()
    assert seen.notices == [] and before == folder_identity(root) and before is not None


def test_a_failed_rebuild_without_diagnostics_says_why_not_0_errors() -> None:
    result = RebuildResult(False, 0.5, message=internal_error_message(KeyError("probe.png")))
    summary = result.summary()
    assert "0 errors" not in summary
    assert summary.startswith("0.50 s: kept the last good deck: an internal error stopped")
    assert "'probe.png'" in summary and "KeyError" not in summary


def test_a_failed_rebuild_with_errors_counts_them() -> None:
    found = error(Loc("modules/x.yaml", 3, 1), "bad-value", "wrong")
    result = RebuildResult(False, 0.1, diagnostics=[found], message="the curriculum has errors")
    assert result.summary() == "0.10 s: kept the last good deck: 1 error"


def test_a_bug_in_a_rebuild_is_reported_by_what_happened(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hrdeck.watch.rebuild

    def broken(*args: object, **kwargs: object) -> object:
        raise ValueError("cannot identify image file 'images/x.png'")

    monkeypatch.setattr(hrdeck.watch.rebuild, "outputs_for", broken)
    result = Rebuilder(root, "court", out_dir=tmp_path / "out").rebuild()
    assert not result.ok
    assert "cannot identify image file 'images/x.png'" in result.summary()
    assert "ValueError" not in result.summary()
