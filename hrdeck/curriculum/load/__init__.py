"""Safe YAML reading with a source map, and the curriculum folder walk.

Every bad input becomes a :class:`~hrdeck.diagnostics.Diagnostic` with a stable code,
never a traceback.  The steps live in this package's modules: bytes to text
(:mod:`.text`: size, encoding), text to a node tree (:mod:`.syntax`: YAML syntax,
nesting, characters YAML refuses) and the tree to plain data with a source map
(:mod:`.convert`: aliases, duplicate keys, tags, numbers).  This module reads files
and folders with them.

Codes: ``file-too-large``, ``read-error``, ``binary-file``, ``encoding``,
``empty-file``, ``yaml-syntax``, ``yaml-tab``, ``yaml-alias``, ``yaml-too-deep``,
``duplicate-key``, ``yaml-tag``, ``not-a-number``, ``too-large``,
``control-character``, ``not-a-mapping``, ``missing-file``; the listing's
``not-a-file``, ``duplicate-file`` and ``*-outside`` (:mod:`hrdeck.curriculum.listing`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from hrdeck.curriculum.listing import file_problem, list_yaml, outside_problem
from hrdeck.curriculum.load.convert import (
    MAX_ALIAS_REFERENCES,
    MAX_EXPANDED_NODES,
    Converter,
    Refused,
    check_aliases,
)
from hrdeck.curriculum.load.syntax import MAX_DEPTH, compose
from hrdeck.curriculum.load.text import MAX_FILE_BYTES, decode, read_limited
from hrdeck.curriculum.sourcemap import SourceMap
from hrdeck.diagnostics import Diagnostic, Loc, error
from hrdeck.paths import builtin_label

__all__ = [
    "MAX_ALIAS_REFERENCES",
    "MAX_DEPTH",
    "MAX_EXPANDED_NODES",
    "MAX_FILE_BYTES",
    "Document",
    "DocumentReader",
    "LoadedTree",
    "display_path",
    "load_tree",
    "load_yaml_file",
    "parse_yaml_text",
    "read_document",
    "yaml_files",
]

_NULL = "tag:yaml.org,2002:null"


@dataclass
class Document:
    """One loaded YAML file: plain data (``None`` if unreadable) and its source map."""

    path: Path
    display: str
    data: object
    smap: SourceMap
    layer_root: Path | None = None  # the curriculum folder this file belongs to, when layered

    @property
    def ok(self) -> bool:
        return isinstance(self.data, dict)


@dataclass
class LoadedTree:
    """The files of a curriculum folder, loaded but not yet validated."""

    root: Path
    display_root: str
    display_base: Path | None
    course: Document | None
    audiences: list[Document] = field(default_factory=list)
    modules: list[Document] = field(default_factory=list)
    questions: list[Document] = field(default_factory=list)  # the question bank
    # parts that exist but could not be read ("audiences", "modules", ...): their own
    # error is reported, so the checks do not add "no audiences" beside it
    unreadable: set[str] = field(default_factory=set)


DocumentReader = Callable[[Path, "Path | None"], "tuple[Document, list[Diagnostic]]"]


def display_path(path: Path, base: Path | None = None) -> str:
    """How a file is named in diagnostics: relative to ``base`` (default: the
    current directory) when it lies under it, else ``<builtin>/...`` for a built-in
    file (:func:`hrdeck.paths.builtin_label`), else as given."""
    base = Path.cwd() if base is None else base
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return builtin_label(path) or path.as_posix()


# -- one file ---------------------------------------------------------------


def load_yaml_file(path: Path, display: str) -> tuple[object | None, SourceMap, list[Diagnostic]]:
    """Read one YAML file whose top level must be a mapping.

    Returns ``(data, source_map, diagnostics)``; ``data`` is ``None`` when the file
    cannot be used at all.  Duplicate keys are reported but the data is kept.
    """
    smap = SourceMap(display)
    try:
        raw = read_limited(path)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return None, smap, [error(smap.file_loc(), "read-error", f"cannot read file: {reason}")]
    text, problem = decode(raw, display)
    if problem is not None:
        return None, smap, [problem]
    assert text is not None
    return parse_yaml_text(text, smap)


def parse_yaml_text(
    text: str, smap: SourceMap
) -> tuple[object | None, SourceMap, list[Diagnostic]]:
    """Parse decoded YAML text (see :func:`load_yaml_file`)."""
    loc = smap.file_loc()
    if not text.strip():
        return None, smap, [error(loc, "empty-file", "the file is empty")]
    node, problems = compose(text, smap)
    if problems:
        return None, smap, problems
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == _NULL):
        return None, smap, [error(loc, "empty-file", "the file holds no content, only comments")]
    return _convert_document(node, smap, may_alias="&" in text)


def _convert_document(
    node: yaml.Node, smap: SourceMap, may_alias: bool = True
) -> tuple[object | None, SourceMap, list[Diagnostic]]:
    """Data from a node tree; aliases need an '&anchor', so without one the
    alias measurement is skipped (the converter still limits depth)."""
    try:
        if may_alias:
            check_aliases(node, smap.file)
        converter = Converter(smap)
        data = converter.convert(node, ())
    except Refused as refused:
        return None, smap, [refused.diagnostic]
    if not isinstance(data, dict):
        found = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
        message = f"the file must be a mapping of 'field: value' lines, found {found}"
        return None, smap, [error(smap.value(()), "not-a-mapping", message), *converter.problems]
    return data, smap, converter.problems


# -- the folder ---------------------------------------------------------------


def read_document(path: Path, display_base: Path | None) -> tuple[Document, list[Diagnostic]]:
    """One YAML file from disk as a Document (file names shown relative to display_base)."""
    display = display_path(path, display_base)
    data, smap, problems = load_yaml_file(path, display)
    return Document(path, display, data, smap), problems


def yaml_files(folder: Path) -> list[Path]:
    """The ``*.yaml`` / ``*.yml`` files of a folder, by name, skipping hidden ones
    (only regular files; :func:`~hrdeck.curriculum.listing.list_yaml` says why
    anything else named like one was left out)."""
    return list_yaml(folder, folder.as_posix())[0]


def load_tree(
    root: Path, display_base: Path | None = None, read: DocumentReader = read_document
) -> tuple[LoadedTree, list[Diagnostic]]:
    """Load ``course.yaml``, ``audiences/*.yaml``, ``modules/*.yaml`` and the question
    bank ``questions/*.yaml`` (optional) under ``root``.

    ``read`` loads one file: from disk, or through a long-lived process's cache.
    Anything in the way of reading (an unreadable folder, a pipe named like a
    module) is a located error, never an exception.
    """
    problems: list[Diagnostic] = []
    tree = LoadedTree(root, display_path(root, display_base), display_base, course=None)
    top = root.resolve()
    course_path = root / "course.yaml"
    course_problem = _course_problem(course_path, _shown(tree, "course.yaml"), top)
    if course_problem is None:
        tree.course, found = read(course_path, display_base)
        problems += found
    else:
        problems.append(course_problem)
    for folder, documents in (
        ("audiences", tree.audiences),
        ("modules", tree.modules),
        ("questions", tree.questions),
    ):
        code = _OUTSIDE.get(folder, _OUTSIDE_FILE)
        paths, found = _listed(root / folder, _shown(tree, folder), top, code)
        problems += found
        if not paths and any(problem.is_error for problem in found):
            tree.unreadable.add(folder)
        for path in paths:
            document, found = read(path, display_base)
            documents.append(document)
            problems += found
    return tree, problems


_OUTSIDE = {"audiences": "audience-outside", "modules": "module-outside"}
_OUTSIDE_FILE = "file-outside"


def _listed(folder: Path, shown: str, top: Path, code: str) -> tuple[list[Path], list[Diagnostic]]:
    """The YAML files of one folder of the curriculum that may be read, and why others
    may not (unreadable, not a file, a twin, a link out of the curriculum)."""
    outside = outside_problem(folder, top, Loc(shown, 1, 1), code)
    if outside is not None:
        return [], [outside]
    paths, problems = list_yaml(folder, shown)
    kept = []
    for path in paths:
        where = Loc(f"{shown}/{path.name}", 1, 1)
        outside = outside_problem(path, top, where, code)
        if outside is None:
            kept.append(path)
        else:
            problems.append(outside)
    return kept, problems


def _shown(tree: LoadedTree, name: str) -> str:
    """How diagnostics name ``name`` in the tree's folder (without resolving links,
    which raises on a loop)."""
    return (Path(tree.display_root) / name).as_posix()


def _course_problem(course_path: Path, shown: str, top: Path) -> Diagnostic | None:
    """None when course.yaml can be read; else why not (missing-file, read-error,
    course-outside, ...)."""
    where = Loc(shown, 1, 1)
    try:
        os.lstat(course_path)
    except FileNotFoundError:
        hint = "a curriculum folder holds course.yaml, audiences/ and modules/"
        return error(where, "missing-file", "course.yaml is missing", hint)
    except OSError as exc:
        return error(where, "read-error", f"cannot read file: {exc.strerror or exc}")
    return file_problem(course_path, where) or outside_problem(
        course_path, top, where, "course-outside"
    )
