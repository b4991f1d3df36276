"""Which modules are used, and what to say about files of the built-in curriculum.

- :func:`unused_modules`: a module that no audience lists is never shown; the
  warning ``unused-module`` sits at the module's ``id``.  Only the folder's own
  modules are checked: a project that drops a built-in module for every audience
  means to.
- :func:`possible_ids`: the ids an unreadable module file may define (its ``id:``
  line, its file name), so a YAML syntax error is reported once, not again as an
  unknown module in every audience that lists it.
- :func:`root_causes_first`: files that could not be read at all come first.
- :func:`builtin_hints`: a diagnostic in a built-in file (``<builtin>/...``) says to
  copy the file into a project with ``hrdeck copy`` rather than edit hrdeck's own.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from hrdeck.curriculum.load import Document, LoadedTree
from hrdeck.curriculum.model import Curriculum
from hrdeck.diagnostics import Diagnostic, warning
from hrdeck.paths import BUILTIN_LABEL

# The codes of a file that could not be read or parsed: everything else about it,
# and every reference into it, follows from these.
ROOT_CAUSES = frozenset(
    {
        *("file-too-large", "read-error", "binary-file", "encoding", "empty-file"),
        *("yaml-syntax", "yaml-tab", "yaml-alias", "yaml-too-deep", "not-a-mapping"),
        *("missing-file", "missing-base", "extends-cycle"),
    }
)
_ID_LINE = re.compile(r"""^id:[ \t]*[\[{"']?[ \t]*([A-Za-z0-9][\w.-]*)""", re.MULTILINE)
_NUMBER_PREFIX = re.compile(r"^\d+[-_]")
_MAX_SCAN_BYTES = 1024 * 1024


# -- unused modules --------------------------------------------------------------------


def unused_modules(tree: LoadedTree, curriculum: Curriculum, own_root: Path) -> list[Diagnostic]:
    """A warning at the ``id`` of each module of ``own_root``'s layer no audience lists."""
    used = {ref.id for audience in curriculum.audiences for ref in audience.modules}
    found = []
    for doc in tree.modules:
        module_id = _module_id(doc)
        if module_id is None or module_id in used or doc.layer_root not in (None, own_root):
            continue
        message = f"module '{module_id}' is not used by any audience, so it is never shown"
        hint = (
            f"list it in an audience's modules, e.g. '- {{id: {module_id}, minutes: 5}}' in "
            "audiences/<id>.yaml, or delete the file"
        )
        found.append(warning(doc.smap.value(("id",)), "unused-module", message, hint))
    return found


def _module_id(doc: Document) -> str | None:
    value = doc.data.get("id") if isinstance(doc.data, dict) else None
    return value if isinstance(value, str) else None


# -- files that could not be read --------------------------------------------------------


def possible_ids(doc: Document) -> set[str]:
    """The ids an unreadable module file may define: its file name without a number
    prefix (``06-myths`` -> ``myths``) and the value of any top-level ``id:`` line."""
    ids = {_NUMBER_PREFIX.sub("", doc.path.stem)}
    try:
        with doc.path.open("rb") as stream:
            text = stream.read(_MAX_SCAN_BYTES).decode("utf-8", errors="replace")
    except (OSError, ValueError):
        return ids
    return ids | set(_ID_LINE.findall(text))


def root_causes_first(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The same diagnostics, those of unreadable files first (stable otherwise)."""
    items = list(diagnostics)
    return [d for d in items if d.code in ROOT_CAUSES] + [
        d for d in items if d.code not in ROOT_CAUSES
    ]


# -- built-in files ------------------------------------------------------------------------

Source = tuple[str, str]  # (what: "module" | "audience" | "course", id)


def curriculum_sources(curriculum: Curriculum) -> dict[str, Source]:
    """Built-in file name (as diagnostics show it) -> what it holds."""
    found: dict[str, Source] = {curriculum.course.file: ("course", curriculum.course.id)}
    found.update({m.file: ("module", m.id) for m in curriculum.modules})
    found.update({a.file: ("audience", a.id) for a in curriculum.audiences})
    return {file: source for file, source in found.items() if _is_builtin(file)}


def tree_sources(tree: LoadedTree) -> dict[str, Source]:
    """Like :func:`curriculum_sources`, from loaded documents (a curriculum with errors)."""
    found: dict[str, Source] = {}
    if tree.course is not None:
        found[tree.course.display] = ("course", "")
    for doc in tree.modules:
        module_id = _module_id(doc)
        if module_id is not None:
            found[doc.display] = ("module", module_id)
    found.update({doc.display: ("audience", doc.path.stem) for doc in tree.audiences})
    return {file: source for file, source in found.items() if _is_builtin(file)}


def _is_builtin(file: str) -> bool:
    return file.startswith(BUILTIN_LABEL + "/")


def builtin_hints(
    diagnostics: Iterable[Diagnostic], sources: Mapping[str, Source]
) -> list[Diagnostic]:
    """Each warning located in a built-in file with a hint on changing a copy instead."""
    return [
        _with_copy_hint(d, sources[d.loc.file])
        if d.loc.file in sources and d.severity != "error"
        else d
        for d in diagnostics
    ]


def _with_copy_hint(found: Diagnostic, source: Source) -> Diagnostic:
    what, name = source
    if what == "course":
        advice = "built-in course.yaml: set this under 'course:' in your project's hrdeck.yaml"
        then = f"; {found.hint}" if found.hint else ""
    else:
        advice = f"built-in file: 'hrdeck copy {what} {name}' copies it into your project"
        then = f"; in the copy: {found.hint}" if found.hint else "; change the copy"
    return dataclasses.replace(found, hint=advice + then)
