"""What a curriculum folder lists: its YAML files, and why anything named like one
cannot be read.

``modules/`` and ``audiences/`` are read as every ``*.yaml`` / ``*.yml`` entry, by
name, hidden ones skipped.  An entry named like a module but that is not a regular
file (a named pipe, a device, a folder, a symbolic link that dangles or loops) used
to be skipped in silence; it is a located ``not-a-file`` error now, found without
opening it (a pipe would block the read, a device would never end).  A folder that
cannot be listed is a ``read-error`` at the folder, not a PermissionError.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from hrdeck.diagnostics import Diagnostic, Loc, error

YAML_SUFFIXES = (".yaml", ".yml")

_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}


def list_yaml(folder: Path, shown: str) -> tuple[list[Path], list[Diagnostic]]:
    """The readable YAML files in ``folder`` (by name), and an error for each entry
    named like one that is not, or for the folder when it cannot be listed.  A
    missing folder is no error here.  ``shown`` is how diagnostics name the folder."""
    try:
        with os.scandir(folder) as listing:
            names = sorted(entry.name for entry in listing)
    except (FileNotFoundError, NotADirectoryError):
        return [], []
    except OSError as exc:
        hint = "hrdeck needs to list and read this folder (chmod u+rx)"
        message = f"cannot read the folder: {_reason(exc)}"
        return [], [error(Loc(shown, 1, 1), "read-error", message, hint)]
    found: list[Path] = []
    problems: list[Diagnostic] = []
    for name in names:
        if name.startswith(".") or Path(name).suffix not in YAML_SUFFIXES:
            continue
        problem = file_problem(folder / name, Loc((Path(shown) / name).as_posix(), 1, 1))
        if problem is None:
            found.append(folder / name)
        else:
            problems.append(problem)
    return found, problems


def file_problem(path: Path, where: Loc) -> Diagnostic | None:
    """None when ``path`` is a regular file (through links) or has just gone (reading
    it will say so); else why it cannot be a curriculum file."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if not os.path.islink(path):
            return None
        message = f"a symbolic link to '{os.readlink(path)}', which does not exist"
        return error(where, "not-a-file", message, "remove the link or point it at a file")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            message = "a symbolic link that leads back to itself (a loop)"
            return error(where, "not-a-file", message, "remove the link")
        return error(where, "read-error", f"cannot read file: {_reason(exc)}")
    if stat.S_ISREG(mode):
        return None
    what = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
    if os.path.islink(path):
        what += f" (the link points to '{os.readlink(path)}')"
    hint = "a curriculum file must be a plain YAML file; rename or remove this one"
    return error(where, "not-a-file", f"this is {what}, not a YAML file", hint)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
