"""What a curriculum folder lists: its YAML files, and why anything named like one
cannot be read.

``modules/`` and ``audiences/`` are read as every ``*.yaml`` / ``*.yml`` entry, by
name, hidden ones skipped (``*.YAML`` is not read, and an ``ignored-file`` warning
says so).  An entry named like a module but that is not a regular
file (a named pipe, a device, a folder, a symbolic link that dangles or loops) used
to be skipped in silence; it is a located ``not-a-file`` error now, found without
opening it (a pipe would block the read, a device would never end).  A folder that
cannot be listed is a ``read-error`` at the folder, not a PermissionError.

Two files with the same name but for the suffix (``court.yaml`` beside
``court.yml``) are one audience or module written twice: a ``duplicate-file`` error
naming both, and only the first is read (so ``-a all`` cannot build it twice).  A
file or folder that is a symbolic link leading out of the curriculum folder is
refused like a picture outside it (:func:`outside_problem`, ``*-outside`` codes):
a curriculum travels as one folder, and a link must not pull in whatever it points
at.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from hrdeck.diagnostics import Diagnostic, Loc, error, warning

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
    first_of_stem: dict[str, str] = {}
    for name in names:
        suffix = Path(name).suffix
        if name.startswith(".") or suffix not in YAML_SUFFIXES:
            if not name.startswith(".") and suffix.lower() in YAML_SUFFIXES:
                problems.append(_upper_case(name, Loc((Path(shown) / name).as_posix(), 1, 1)))
            continue
        where = Loc((Path(shown) / name).as_posix(), 1, 1)
        twin = first_of_stem.setdefault(Path(name).stem, name)
        problem = file_problem(folder / name, where) if twin == name else _twin(name, twin, where)
        if problem is None:
            found.append(folder / name)
        else:
            problems.append(problem)
    return found, problems


def _twin(name: str, first: str, where: Loc) -> Diagnostic:
    message = (
        f"'{name}' and '{first}' are the same file name but for the suffix; only '{first}' is read"
    )
    hint = f"keep one of them: remove or rename '{name}'"
    return error(where, "duplicate-file", message, hint)


def _upper_case(name: str, where: Loc) -> Diagnostic:
    message = f"'{name}' is not read: hrdeck reads files named *.yaml or *.yml, in lower case"
    hint = f"rename it to '{Path(name).stem}{Path(name).suffix.lower()}'"
    return warning(where, "ignored-file", message, hint)


def outside_problem(path: Path, top: Path, where: Loc, code: str) -> Diagnostic | None:
    """An error when ``path`` (a file or folder, links followed) lies outside the
    folder ``top`` (already resolved); None when it is inside, or cannot be resolved
    (a loop or a missing target is reported as such elsewhere)."""
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):
        return None
    if resolved == top or resolved.is_relative_to(top):
        return None
    message = f"this is a link to {resolved}, which is outside the curriculum folder"
    hint = "copy it into the curriculum folder: a curriculum travels as one folder"
    return error(where, code, message, hint)


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
