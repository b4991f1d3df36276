"""Writing a set of files so that it is replaced whole, or not at all.

:func:`write_atomically` is how hrdeck writes anything (decks, guides, a new
project, the JSON Schemas):

1. **stage**: every file is written to a hidden temporary file beside its final
   name (``.<name>.<pid>.<random>.tmp``); a failure or Ctrl-C here removes them and
   changes nothing;
2. **commit**, one process at a time per folder (a lock on the folder) and with
   Ctrl-C held back for the few milliseconds it takes: the file
   each one replaces is kept as a hard link (a backup; no data is copied), then the
   staged files are renamed over their final names.  If one rename fails, every
   file already replaced is put back from its backup and the new ones are removed,
   so the folder holds the previous set again; the backups go in both cases.

Why a rollback and not a staging folder swapped into place: the outputs live side
by side in the user's folder (``build/court.pptx`` beside the other audiences' and
the user's own files), and a folder can only be swapped whole.  A swap would need
each build in a folder of its own or the outputs behind symbolic links, both
visible to users and their scripts (and Windows swaps neither).  The rollback gives
the guarantee that matters: whether a build succeeds or fails, it leaves either the
whole new set or the whole previous one, never a mix; only during the commit's few
renames could a reader opening files at that instant see both.

A build killed outright (SIGKILL, a power cut) can leave temporary files;
:func:`remove_stale_temporaries` removes those of hrdeck's naming on the next write
into the folder, and only once they cannot belong to a build still running.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from hrdeck.errors import BuildError

try:
    import fcntl
except ImportError:  # Windows: commits are not serialised between processes
    fcntl = None  # type: ignore[assignment]

MAX_NAME_BYTES = 255  # a file name's limit on ext4, XFS, btrfs, APFS (NTFS: 255 UTF-16)
STALE_DEAD_PID_SECONDS = 60  # a temporary of a process that no longer runs, this old
STALE_UNMARKED_SECONDS = 600  # a temporary without a process id (older hrdeck), this old
OUR_SUFFIXES = (".pptx", ".docx", ".md", ".html", ".json", ".yaml", ".pdf", ".gift.txt", ".zip")
_OURS = re.compile(r"^\.(?P<name>.+?)\.(?:(?P<pid>\d+)\.)?[a-z0-9_]{8}\.tmp$")
_HELD_SIGNALS = {getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n)}


def file_mode() -> int:
    """The mode a new file gets under the process umask (mkstemp makes private files)."""
    return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask, read without changing it where Linux tells it (else set back)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    current = os.umask(0o022)
    os.umask(current)
    return current


def temporary_name_bytes(name: str) -> int:
    """The length in bytes of the longest temporary name a file called ``name`` gets."""
    return len(os.fsencode(f".{name}.{4_194_304}.{'x' * 8}.tmp"))


@dataclass
class _Staged:
    final: Path
    temp: Path
    backup: Path | None = None  # the file it replaced, kept until the commit is over


def write_atomically(
    out_dir: Path, files: Sequence[tuple[str, bytes]], folders: Sequence[str] = ()
) -> list[Path]:
    """Write ``files`` (name relative to ``out_dir``, bytes) as one unit; see the module.

    ``folders`` are empty folders (relative to ``out_dir``) the set also holds.
    Raises BuildError (nothing changed) when a file cannot be written or replaced.
    """
    with _signals_held():  # a folder made is a folder listed, to remove on failure
        created = _make_folders(out_dir, [*{str(Path(n).parent) for n, _ in files}, *folders])
    try:
        _refuse_folders_in_the_way(out_dir, [name for name, _ in files])
        for folder in sorted({out_dir, *((out_dir / name).parent for name, _ in files)}):
            remove_stale_temporaries(folder)
        staged = _stage_all(out_dir, files)
        with _folder_locked(out_dir), _signals_held():
            return _commit(out_dir, staged)
    except BaseException:
        _remove_folders(created)
        raise


def _make_folders(out_dir: Path, relative: Sequence[str]) -> list[Path]:
    """Create ``out_dir`` and the folders below it that are missing; the ones made."""
    created: list[Path] = []
    wanted = sorted({out_dir / r for r in relative} | {out_dir}, key=lambda p: len(p.parts))
    for folder in wanted:
        missing = [p for p in (folder, *folder.parents) if not os.path.lexists(p)]
        for path in reversed(missing):
            try:
                path.mkdir()
            except FileExistsError:
                continue
            except OSError as exc:
                _remove_folders(created)
                raise BuildError(f"cannot create output folder {path}: {_reason(exc)}") from exc
            created.append(path)
    return created


def _remove_folders(created: Sequence[Path]) -> None:
    """Remove the folders a failed write made, deepest first, if they are still empty."""
    for folder in sorted(created, key=lambda p: len(p.parts), reverse=True):
        with contextlib.suppress(OSError):
            folder.rmdir()


def _refuse_folders_in_the_way(out_dir: Path, names: Sequence[str]) -> None:
    """A folder where an output belongs would stop a rename halfway: refuse before writing."""
    blocked = [name for name in names if (out_dir / name).is_dir()]
    if blocked:
        raise BuildError(
            f"{out_dir / blocked[0]} is a folder where an output belongs; nothing was changed"
        )


# -- stage -------------------------------------------------------------------------------


def _stage_all(out_dir: Path, files: Sequence[tuple[str, bytes]]) -> list[_Staged]:
    """Write each file to its temporary name; on any failure remove them all."""
    staged: list[_Staged] = []
    try:
        for name, data in files:
            final = out_dir / name
            with _signals_held():  # a temporary file exists only once it is listed
                handle, temp = _new_temporary(final)
                staged.append(_Staged(final, temp))
            _fill(handle, data)
    except BaseException as exc:  # Ctrl-C too: no temporary file may stay behind
        for item in staged:
            item.temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            reason = _reason(exc)
            raise BuildError(f"cannot write to {out_dir}: {reason}; nothing was changed") from exc
        raise
    return staged


def _new_temporary(final: Path) -> tuple[int, Path]:
    """An open, empty, hidden file beside ``final``: ``.<name>.<pid>.<random>.tmp``."""
    prefix = f".{final.name}.{os.getpid()}."
    handle, temp_name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=final.parent)
    return handle, Path(temp_name)


def _fill(handle: int, data: bytes) -> None:
    """Write ``data`` to the temporary file open as ``handle``, and close it.

    The rename that follows is what makes a build atomic for readers and against an
    interrupted process; no fsync, since surviving a power cut is not worth seconds
    on every build of a deck that can be rebuilt.
    """
    with os.fdopen(handle, "wb") as stream:
        os.fchmod(stream.fileno(), file_mode())
        stream.write(data)


# -- commit ------------------------------------------------------------------------------


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C (and TERM, HUP) wait until the block ends: a commit is never cut in half."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextlib.contextmanager
def _folder_locked(folder: Path) -> Iterator[None]:
    """Commits into one folder from several hrdeck processes take turns, so two builds
    at once cannot leave one's deck beside the other's guides.

    The lock is on the folder itself (flock), so no lock file is left in it; where
    folders cannot be locked (no fcntl, some network file systems) commits go ahead
    unlocked, as before.
    """
    handle = _open_folder(folder)
    try:
        if handle is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(handle, fcntl.LOCK_EX)  # released when the handle is closed
        yield
    finally:
        if handle is not None:
            os.close(handle)


def _open_folder(folder: Path) -> int | None:
    if fcntl is None:
        return None
    try:
        return os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return None


def _commit(out_dir: Path, staged: Sequence[_Staged]) -> list[Path]:
    """Rename every staged file into place, or put the previous files back."""
    done: list[_Staged] = []
    try:
        for item in staged:
            item.backup = _keep_previous(item.final)
            os.replace(item.temp, item.final)
            done.append(item)
    except OSError as exc:
        not_restored = _roll_back(done)
        failed = staged[len(done)].final.name
        outcome = (
            "the previous files are back in place"
            if not not_restored
            else f"could not put back the previous {', '.join(not_restored)}"
        )
        raise BuildError(
            f"cannot replace {failed} in {out_dir}: {_reason(exc)}; {outcome}"
        ) from exc
    finally:
        for item in staged:
            item.temp.unlink(missing_ok=True)
            if item.backup is not None:
                item.backup.unlink(missing_ok=True)
    return [item.final for item in staged]


def _keep_previous(final: Path) -> Path | None:
    """A hidden second name for the file at ``final`` (None when there is none)."""
    if not os.path.lexists(final):
        return None
    while True:
        backup = final.with_name(f".{final.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        try:
            os.link(final, backup, follow_symlinks=False)
        except FileExistsError:
            continue
        except OSError:  # no hard links here (or an immutable file): a copy will do
            _copy_exclusively(final, backup)
        return backup


def _copy_exclusively(source: Path, target: Path) -> None:
    with source.open("rb") as reading, target.open("xb") as writing:
        shutil.copyfileobj(reading, writing)
    shutil.copystat(source, target)


def _roll_back(done: Sequence[_Staged]) -> list[str]:
    """Put back what ``done`` replaced; the names that could not be restored."""
    failed = []
    for item in reversed(done):
        try:
            if item.backup is None:
                item.final.unlink()
            else:
                os.replace(item.backup, item.final)
                item.backup = None
        except OSError:
            failed.append(item.final.name)
    return failed


# -- what killed builds left -------------------------------------------------------------


def remove_stale_temporaries(folder: Path, now: float | None = None) -> list[Path]:
    """Remove hrdeck's temporary files in ``folder`` that no running write can own.

    Ours are named ``.<name>.<pid>.<random>.tmp`` (``.<name>.<random>.tmp`` before
    the process id was added) where ``<name>`` ends like a file hrdeck writes.  One
    is stale when the process named in it no longer runs and it has not changed for
    a minute (the minute covers a build on another machine writing to a shared
    folder), or, without a process id, when it is ten minutes old.  Notes like
    ``notes.tmp`` or ``.draft.tmp`` are never ours.
    """
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        if _is_stale(entry, now):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _is_stale(entry: os.DirEntry[str], now: float) -> bool:
    found = _OURS.match(entry.name)
    if found is None or not found["name"].endswith(OUR_SUFFIXES):
        return False
    try:
        if not entry.is_file(follow_symlinks=False):
            return False
        info = entry.stat(follow_symlinks=False)
    except OSError:
        return False
    if found["pid"] is None:
        return now - info.st_mtime > STALE_UNMARKED_SECONDS
    pid = int(found["pid"])
    quiet = now - max(info.st_ctime, info.st_mtime) > STALE_DEAD_PID_SECONDS
    return pid != os.getpid() and quiet and not _running(pid)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process (or a number no process can have)
    return True


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
