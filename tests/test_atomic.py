"""hrdeck.atomic: a set of files replaced whole or not at all (issue 14 #11, #12, #13)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import hrdeck.atomic
from hrdeck.atomic import (
    MAX_NAME_BYTES,
    STALE_DEAD_PID_SECONDS,
    STALE_UNMARKED_SECONDS,
    remove_stale_temporaries,
    temporary_name_bytes,
    write_atomically,
)
from hrdeck.errors import BuildError

OLD = [("deck.pptx", b"old deck"), ("deck-guide.md", b"old notes"), ("deck-guide.html", b"old")]
NEW = [("deck.pptx", b"new deck"), ("deck-guide.md", b"new notes"), ("deck-guide.html", b"new")]


def listing(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def failing_replace(monkeypatch: pytest.MonkeyPatch, at: int) -> list[str]:
    """os.replace fails (EPERM) on call number ``at``; the calls' targets are recorded."""
    real = os.replace
    calls: list[str] = []

    def replace(source: str | Path, target: str | Path) -> None:
        calls.append(Path(target).name)
        if len(calls) == at:
            raise PermissionError(1, "Operation not permitted")
        real(source, target)

    monkeypatch.setattr(hrdeck.atomic.os, "replace", replace)
    return calls


def test_a_new_set_is_written_with_the_process_umask(tmp_path: Path) -> None:
    written = write_atomically(tmp_path / "out", NEW)
    assert [p.name for p in written] == [name for name, _ in NEW]
    assert listing(tmp_path / "out") == dict(NEW)
    assert (written[0].stat().st_mode & 0o777) == hrdeck.atomic.file_mode()


def test_files_in_sub_folders_and_empty_folders(tmp_path: Path) -> None:
    files = [("a.yaml", b"a"), ("modules/b.yaml", b"b"), ("themes/x/theme.yaml", b"t")]
    write_atomically(tmp_path / "p", files, folders=["audiences"])
    assert listing(tmp_path / "p") == {
        "a.yaml": b"a",
        "modules/b.yaml": b"b",
        "themes/x/theme.yaml": b"t",
    }
    assert (tmp_path / "p" / "audiences").is_dir()


@pytest.mark.parametrize("failing", [1, 2, 3])
def test_a_failed_rename_puts_the_previous_set_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: int
) -> None:
    out = tmp_path / "out"
    write_atomically(out, OLD)
    (out / "mine.txt").write_bytes(b"the user's own file")
    before = listing(out)
    failing_replace(monkeypatch, failing)
    with pytest.raises(BuildError, match="the previous files are back in place"):
        write_atomically(out, NEW)
    assert listing(out) == before
    assert sorted(os.listdir(out)) == sorted(before)  # no temporary file, no backup


def test_a_failed_rename_removes_new_files_that_had_no_predecessor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "deck.pptx").write_bytes(b"old deck")
    failing_replace(monkeypatch, 3)
    with pytest.raises(BuildError, match=r"cannot replace deck-guide\.html"):
        write_atomically(out, NEW)
    assert listing(out) == {"deck.pptx": b"old deck"}


def test_a_failed_write_into_a_new_folder_leaves_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing_replace(monkeypatch, 2)
    with pytest.raises(BuildError):
        write_atomically(tmp_path / "new" / "project", [("a/b.yaml", b"1"), ("c.yaml", b"2")])
    assert list(tmp_path.iterdir()) == []


def test_a_replaced_symbolic_link_comes_back_as_the_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    write_atomically(out, OLD)
    elsewhere = tmp_path / "shared-deck.pptx"
    elsewhere.write_bytes(b"kept elsewhere")
    (out / "deck.pptx").unlink()
    (out / "deck.pptx").symlink_to(elsewhere)
    failing_replace(monkeypatch, 2)
    with pytest.raises(BuildError):
        write_atomically(out, NEW)
    assert os.readlink(out / "deck.pptx") == str(elsewhere)
    assert elsewhere.read_bytes() == b"kept elsewhere"


@pytest.mark.parametrize("stop", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_write_stopped_while_staging_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: BaseException
) -> None:
    out = tmp_path / "out"
    write_atomically(out, OLD)
    before = listing(out)
    real_fill = hrdeck.atomic._fill
    filled: list[int] = []

    def fill_then_stop(handle: int, data: bytes) -> None:
        filled.append(handle)
        if len(filled) == 2:
            os.close(handle)
            raise stop
        real_fill(handle, data)

    monkeypatch.setattr(hrdeck.atomic, "_fill", fill_then_stop)
    with pytest.raises(BuildError if isinstance(stop, OSError) else KeyboardInterrupt):
        write_atomically(out, NEW)
    assert sorted(os.listdir(out)) == sorted(before)
    assert listing(out) == before


def test_temporary_names_carry_the_process_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real_fill = hrdeck.atomic._fill

    def fill_and_look(handle: int, data: bytes) -> None:
        seen.extend(os.listdir(tmp_path))
        real_fill(handle, data)

    monkeypatch.setattr(hrdeck.atomic, "_fill", fill_and_look)
    write_atomically(tmp_path, [("deck.pptx", b"x")])
    assert len(seen) == 1 and seen[0].startswith(f".deck.pptx.{os.getpid()}.")
    assert seen[0].endswith(".tmp")


# -- stale temporary files ------------------------------------------------------------


def dead_pid() -> int:
    """The id of a process that has just ended (and been reaped)."""
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    return pid


def aged(path: Path, seconds: float) -> Path:
    path.write_bytes(b"half a deck")
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_stale_temporaries_of_ours_go_and_everything_else_stays(tmp_path: Path) -> None:
    dead = dead_pid()
    later = time.time() + STALE_DEAD_PID_SECONDS + 5  # as seen a little later
    gone = [
        aged(tmp_path / f".c-court.pptx.{dead}.ab12cd34.tmp", 0),
        aged(tmp_path / f".c-court-guide.html.{dead}.zz_9zz9z.tmp", 0),
        aged(tmp_path / ".c-peer-guide.md.k2j3h4x9.tmp", STALE_UNMARKED_SECONDS + 60),
    ]
    kept = [
        aged(tmp_path / f".c-court.pptx.{os.getpid()}.ab12cd34.tmp", 3600),  # this process
        aged(tmp_path / f".c-court.pptx.{os.getppid()}.ab12cd34.tmp", 3600),  # a live one
        aged(tmp_path / ".c-peer.pptx.q1w2e3r4.tmp", 0),  # unmarked but recent
        aged(tmp_path / "notes.tmp", 86400),
        aged(tmp_path / ".draft.tmp", 86400),
        aged(tmp_path / ".notes.txt.abcdefgh.tmp", 86400),  # not a name hrdeck writes
        aged(tmp_path / "c-court.pptx", 86400),
    ]
    removed = remove_stale_temporaries(tmp_path, now=later)
    assert sorted(removed) == sorted(gone)
    assert all(path.exists() for path in kept)


def test_a_dead_process_s_temporary_is_kept_for_a_minute(tmp_path: Path) -> None:
    fresh = aged(tmp_path / f".c-court.pptx.{dead_pid()}.ab12cd34.tmp", 0)
    assert remove_stale_temporaries(tmp_path) == []
    assert fresh.exists()  # a build on another machine sharing the folder may own it


def test_the_next_write_removes_what_a_killed_one_left(tmp_path: Path) -> None:
    left = aged(tmp_path / ".deck.pptx.k2j3h4x9.tmp", 2 * 3600)
    write_atomically(tmp_path, NEW)
    assert not left.exists()


def test_a_temporary_name_fits_when_its_output_name_is_checked() -> None:
    longest_ok = "x" * (MAX_NAME_BYTES - temporary_name_bytes(""))
    assert temporary_name_bytes(longest_ok) == MAX_NAME_BYTES
    assert temporary_name_bytes("é") == temporary_name_bytes("ab")  # bytes, not characters


def test_builds_at_once_into_one_folder_commit_one_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Commits take turns (a lock on the folder), so the last one wins whole."""
    out, marks = tmp_path / "out", tmp_path / "marks"
    out.mkdir()
    marks.mkdir()
    real_commit = hrdeck.atomic._commit

    def slow_commit(out_dir: Path, staged: list[object]) -> list[Path]:
        try:  # another process inside its commit now would be a broken promise
            os.close(os.open(marks / "inside", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            (marks / f"overlap-{os.getpid()}").touch()
        time.sleep(0.01)
        (marks / "inside").unlink(missing_ok=True)
        return real_commit(out_dir, staged)  # type: ignore[arg-type]

    monkeypatch.setattr(hrdeck.atomic, "_commit", slow_commit)
    names = [name for name, _ in NEW]
    writers = []
    for tag in "abc":
        pid = os.fork()
        if pid == 0:
            try:
                for n in range(15):
                    write_atomically(out, [(name, f"{tag}{n}".encode()) for name in names])
            finally:
                os._exit(0)
        writers.append(pid)
    for pid in writers:
        os.waitpid(pid, 0)
    assert list(marks.glob("overlap-*")) == []
    assert sorted(os.listdir(out)) == sorted(names)
    assert len({(out / name).read_bytes() for name in names}) == 1
