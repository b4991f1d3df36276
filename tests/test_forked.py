"""hrdeck.forked: audiences built in forked workers, all stopped at once (issue 14 #2)."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from hrdeck.diagnostics import NOWHERE, error
from hrdeck.errors import BuildError, ContentError
from hrdeck.forked import run_forked

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux")


def child_pids() -> set[int]:
    """This process's children, running or unreaped (Linux /proc), without reaping any:
    other tests' helpers may have children of their own in the same process."""
    found: set[int] = set()
    for task in Path("/proc/self/task").iterdir():
        found |= {int(pid) for pid in (task / "children").read_text().split()}
    return found


_BEFORE: set[int] = set()


@pytest.fixture(autouse=True)
def _children_before() -> None:
    _BEFORE.clear()
    _BEFORE.update(child_pids())


def no_children_left() -> bool:
    """True when no child process started during this test is left, running or unreaped."""
    return not (child_pids() - _BEFORE)


def square(n: int) -> int:
    return n * n


def test_results_come_back_in_order_whatever_finishes_first() -> None:
    def slow_first(n: int) -> int:
        time.sleep(0.2 if n == 0 else 0)
        return square(n)

    assert run_forked(slow_first, list(range(5)), workers=2) == [0, 1, 4, 9, 16]
    assert no_children_left()


def test_done_is_called_in_the_parent_for_each_item() -> None:
    seen: list[int] = []
    run_forked(square, [3, 1, 2], workers=3, done=seen.append)
    assert sorted(seen) == [1, 2, 3]


def test_a_content_error_comes_back_with_its_diagnostics() -> None:
    problem = error(NOWHERE, "bad-layout", "no such layout", "pick another")

    def refuse(n: int) -> int:
        raise ContentError(f"cannot render {n}", [problem])

    with pytest.raises(ContentError) as caught:
        run_forked(refuse, [7], workers=1)
    assert (caught.value.message, caught.value.diagnostics) == ("cannot render 7", (problem,))


def test_the_first_failing_item_in_order_is_reported() -> None:
    def later_items_fail_sooner(n: int) -> int:
        if n >= 1:
            time.sleep(0.3 if n == 1 else 0)
            raise BuildError(f"item {n} failed")
        return n

    with pytest.raises(BuildError, match="item 1 failed"):
        run_forked(later_items_fail_sooner, [0, 1, 2, 3], workers=4)
    assert no_children_left()


def test_a_bug_in_a_worker_keeps_its_type_and_the_worker_s_traceback() -> None:
    def divide(n: int) -> float:
        return 1 / n

    with pytest.raises(ZeroDivisionError) as caught:
        run_forked(divide, [0], workers=1)
    assert any("raised in the process building 0" in note for note in caught.value.__notes__)


def test_a_worker_that_dies_is_a_build_error_naming_its_item() -> None:
    def die(n: int) -> int:
        os.kill(os.getpid(), signal.SIGKILL)
        return n

    with pytest.raises(
        BuildError, match=r"building 5 ended without a result \(stopped by SIGKILL\)"
    ):
        run_forked(die, [5], workers=1)


def test_workers_ignore_ctrl_c_only_the_parent_decides() -> None:
    def interrupted(n: int) -> int:
        os.kill(os.getpid(), signal.SIGINT)  # what a terminal sends the whole group
        time.sleep(0.05)
        return n

    assert run_forked(interrupted, [1, 2], workers=2) == [1, 2]


def test_an_interrupt_in_the_parent_stops_every_worker_at_once(tmp_path: Path) -> None:
    def sleep_long(n: int) -> int:
        (tmp_path / f"{os.getpid()}.started").touch()
        time.sleep(60)
        return n

    def interrupt(_: int) -> None:
        raise KeyboardInterrupt

    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        run_forked(lambda n: n if n == 0 else sleep_long(n), [0, 1, 2], workers=3, done=interrupt)
    assert time.monotonic() - started < 10
    assert no_children_left()
    for marker in tmp_path.glob("*.started"):
        assert not Path(f"/proc/{marker.stem}").exists()
