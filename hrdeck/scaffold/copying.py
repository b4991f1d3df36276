"""``hrdeck copy``: a built-in module, audience or theme copied into a project to change.

A project changes a built-in module by holding a file with the same ``id``, an
audience by holding a file of the same name, and a theme by holding a folder of the
same name under ``themes/``.  Copying writes that file with its ``$schema`` line
pointing at the project's ``schemas/`` folder (written too when missing), so editors
keep checking it.  An existing copy is never overwritten without ``force``.

Modules and audiences come from the layer beneath the project (``extends:`` in
hrdeck.yaml: the built-in curriculum, or another folder); a plain curriculum (one
made by ``hrdeck new``) copies from the built-in one.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from hrdeck.atomic import write_atomically
from hrdeck.curriculum.layers import is_project, load_layers, project_settings
from hrdeck.curriculum.load import Document, display_path, load_tree
from hrdeck.curriculum.names import resolve_name
from hrdeck.errors import UsageError
from hrdeck.paths import builtin_curriculum, schemas_dir

SCHEMA_LINE = re.compile(r"^#[ \t]*yaml-language-server:[ \t]*\$schema=.*$", re.MULTILINE)
NAME_LINE = re.compile(r"^name:.*$", re.MULTILINE)
WHAT = ("module", "audience", "theme")


@dataclass(frozen=True)
class Copied:
    """What a copy did: where from (as diagnostics name it) and the files written."""

    what: str
    name: str
    source: str
    written: list[Path]


@dataclass(frozen=True)
class _File:
    relative: str  # under the project
    data: bytes


def copy_builtin(
    what: str, name: str, project: Path, force: bool = False, new_name: str | None = None
) -> Copied:
    """Copy module/audience/theme ``name`` into ``project``; ``new_name`` renames a theme."""
    if not (is_project(project) or (project / "course.yaml").is_file()):
        raise UsageError(
            f"{project} is not a project or curriculum (no hrdeck.yaml or course.yaml); "
            "start one with 'hrdeck init FOLDER' or 'hrdeck new FOLDER', or name one"
        )
    if what == "theme":
        return _copy_theme(name, project, force, new_name)
    if new_name is not None:
        raise UsageError("--as renames a copied theme; a module keeps its id")
    documents = _base_documents(project, what)
    known = {key: doc for doc in documents if (key := _key(doc, what)) is not None}
    key = resolve_name(name, sorted(known), what)
    found = known[key]
    target = _target(project, what, key, found, force)
    text = with_schema_line(found.path.read_text(encoding="utf-8"), project, target, what)
    written = _write(project, [_File(target, text.encode("utf-8"))])
    return Copied(what, key, display_path(found.path), written)


def _base_documents(project: Path, what: str) -> list[Document]:
    """The modules or audiences of the layer beneath ``project``."""
    settings = project_settings(project)
    extends = settings.extends if settings is not None else "builtin"
    base = builtin_curriculum() if extends == "builtin" else project / extends
    if not base.is_dir():
        raise UsageError(f"'extends: {extends}' in hrdeck.yaml is not a folder; fix it first")
    tree, _overrides, _problems = load_layers(base)
    return tree.modules if what == "module" else tree.audiences


def _key(doc: Document, what: str) -> str | None:
    """A module's id, or an audience's file name (what a project's copy must match)."""
    if what == "audience":
        return doc.path.stem
    value = doc.data.get("id") if isinstance(doc.data, dict) else None
    return value if isinstance(value, str) else None


def _target(project: Path, what: str, key: str, source: Document, force: bool) -> str:
    """Where the copy goes (relative to the project); UsageError if it would lose work."""
    folder = "modules" if what == "module" else "audiences"
    own, _problems = load_tree(project)
    mine = own.modules if what == "module" else own.audiences
    existing = next((doc for doc in mine if _key(doc, what) == key), None)
    target = existing.path.relative_to(project) if existing else Path(folder, source.path.name)
    if existing is not None and not force:
        raise UsageError(
            f"{display_path(existing.path)} already holds the project's {what} '{key}'; "
            "add --force to replace it with the built-in one"
        )
    path = project / target
    if existing is None and os.path.lexists(path):
        raise UsageError(
            f"{display_path(path)} exists and holds something else; "
            f"move it away, then copy the {what} again"
        )
    return target.as_posix()


def _copy_theme(name: str, project: Path, force: bool, new_name: str | None) -> Copied:
    from hrdeck.theme.load import list_themes

    builtins = {n: folder for n, folder, origin in list_themes(None) if origin == "built-in"}
    chosen = resolve_name(name, sorted(builtins), "theme")
    final = new_name or chosen
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", final):
        raise UsageError(f"'{final}' cannot name a theme folder; use letters, digits and dashes")
    folder = project / "themes" / final
    if os.path.lexists(folder) and not force:
        raise UsageError(
            f"{display_path(folder)} exists; add --force to overwrite its files, "
            "or name the copy with --as NAME"
        )
    source = builtins[chosen]
    files = []
    for path in sorted(p for p in source.rglob("*") if p.is_file()):
        relative = f"themes/{final}/{path.relative_to(source).as_posix()}"
        data = path.read_bytes()  # a logo or template: byte for byte
        if path.name == "theme.yaml":
            text = with_schema_line(data.decode("utf-8"), project, relative, "theme")
            data = NAME_LINE.sub(f"name: {final}", text, count=1).encode("utf-8")
        files.append(_File(relative, data))
    written = _write(project, files)
    return Copied("theme", final, display_path(source / "theme.yaml"), written)


def with_schema_line(text: str, project: Path, target: str, schema: str) -> str:
    """``text`` with its ``# yaml-language-server: $schema=`` line naming the project's
    copy of ``<schema>.schema.json`` relative to ``target`` (a path under ``project``)."""
    folder = (project / target).parent
    relative = Path(os.path.relpath(project / "schemas" / f"{schema}.schema.json", folder))
    line = f"# yaml-language-server: $schema={relative.as_posix()}"
    if SCHEMA_LINE.search(text):
        return SCHEMA_LINE.sub(lambda _match: line, text, count=1)
    return f"{line}\n{text}"


def _write(project: Path, files: list[_File]) -> list[Path]:
    """Write the files (and any schema the project lacks) as one set."""
    payload = [(file.relative, file.data) for file in files]
    payload += [
        (f"schemas/{schema.name}", schema.read_bytes())
        for schema in sorted(schemas_dir().glob("*.schema.json"))
        if not (project / "schemas" / schema.name).is_file()
    ]
    written = write_atomically(project, payload)
    shown = {project / file.relative for file in files}
    return [path for path in written if path in shown] + [p for p in written if p not in shown]
