"""Writing output files so that a reader never sees a half-written one.

Every output is written to a hidden temporary file beside its final name and then
renamed into place, so an interrupted or failed write never leaves a truncated file
and never replaces the last good one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from hrdeck.errors import BuildError


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


def write_atomically(out_dir: Path, files: Sequence[tuple[str, bytes]]) -> list[Path]:
    """Write each file to a temporary name in ``out_dir``, then rename all into place."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"cannot create output folder {out_dir}: {exc.strerror}") from exc
    _refuse_folders_in_the_way(out_dir, [name for name, _ in files])
    staged: list[tuple[str, Path]] = []
    try:
        for name, data in files:
            staged.append((name, _stage(out_dir, name, data)))
    except OSError as exc:
        for _, temp in staged:
            temp.unlink(missing_ok=True)
        raise BuildError(f"cannot write to {out_dir}: {exc.strerror}; nothing was changed") from exc
    return _rename_into_place(out_dir, staged)


def _refuse_folders_in_the_way(out_dir: Path, names: Sequence[str]) -> None:
    """A folder where an output belongs would stop a rename halfway: refuse before writing."""
    blocked = [name for name in names if (out_dir / name).is_dir()]
    if blocked:
        raise BuildError(
            f"{out_dir / blocked[0]} is a folder where an output belongs; nothing was changed"
        )


def _rename_into_place(out_dir: Path, staged: Sequence[tuple[str, Path]]) -> list[Path]:
    """Rename each staged file to its final name; on failure remove the staged leftovers."""
    written: list[Path] = []
    try:
        for name, temp in staged:
            os.replace(temp, out_dir / name)
            written.append(out_dir / name)
    except OSError as exc:
        for _, temp in staged:
            temp.unlink(missing_ok=True)
        done = ", ".join(path.name for path in written) or "none"
        raise BuildError(
            f"cannot replace files in {out_dir}: {exc.strerror}; already replaced: {done}"
        ) from exc
    return written


def _stage(out_dir: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to a hidden temporary file beside its final name.

    The rename that follows is what makes a build atomic for readers and against an
    interrupted process; no fsync, since surviving a power cut is not worth seconds
    on every build of a deck that can be rebuilt.
    """
    handle, temp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out_dir)
    temp = Path(temp_name)
    try:
        os.fchmod(handle, file_mode())
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp
