"""Check a curriculum folder and build the typed model: every problem, at once.

The steps are: load every file (:mod:`hrdeck.curriculum.load`), check each document
against its JSON Schema (:mod:`hrdeck.curriculum.schema`), run the cross-file checks
(:mod:`hrdeck.curriculum.crosscheck`) and, only when no error was found, build the
:class:`~hrdeck.curriculum.model.Curriculum` (:mod:`hrdeck.curriculum.modelbuild`).
A check that crashes becomes an ``internal`` diagnostic (please report it).
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from hrdeck.curriculum.crosscheck import cross_check
from hrdeck.curriculum.dated import check_dates, check_placeholders, tree_documents
from hrdeck.curriculum.layers import apply_course_overrides, load_layers, own_module_ids
from hrdeck.curriculum.load import Document, DocumentReader, LoadedTree, load_tree, read_document
from hrdeck.curriculum.model import Curriculum
from hrdeck.curriculum.modelbuild import curriculum_from_tree
from hrdeck.curriculum.schema import load_schema, schema_diagnostics
from hrdeck.curriculum.sourcemap import SourceMap
from hrdeck.diagnostics import Diagnostic, error, has_errors, sort_diagnostics
from hrdeck.errors import UsageError

SCHEMA_NAMES = ("course", "audience", "module", "questions")


@dataclass(frozen=True)
class Checked:
    """A validated curriculum or project: the model (None if it has errors), every
    diagnostic, and the loaded documents (the linter reads them too)."""

    curriculum: Curriculum | None
    diagnostics: list[Diagnostic]
    tree: LoadedTree


def validate_project(
    root: Path,
    read: DocumentReader = read_document,
    valid: ValidDocuments | None = None,
    today: date | None = None,
) -> Checked:
    """Load and validate the curriculum or project at ``root`` with all its layers.

    ``read`` loads one file (from disk, or through a watcher's cache); ``valid``
    remembers documents already found schema-valid; ``today`` (default: the real
    date) decides which dated statements are due for review.  Raises
    :class:`UsageError` when ``root`` is not a folder.
    """
    if not root.is_dir():
        raise UsageError(f"{root} is not a curriculum folder (it should hold course.yaml)")
    tree, overrides, problems = load_layers(root, read)
    date_override = overrides.get("date")
    course_date = str(date_override) if date_override is not None else None
    curriculum, problems = validate_tree(tree, problems, valid, today, course_date)
    if curriculum is None or has_errors(problems):
        return Checked(None, problems, tree)
    curriculum = apply_course_overrides(curriculum, overrides, own_module_ids(tree, root))
    return Checked(curriculum, problems, tree)


def validate_curriculum(
    root: Path, display_base: Path | None = None, today: date | None = None
) -> tuple[Curriculum | None, list[Diagnostic]]:
    """Check the curriculum folder ``root``; the model comes back only if it has no error.

    File names in diagnostics are relative to ``display_base`` (default: the current
    directory) when the files lie under it.  Raises :class:`UsageError` when ``root``
    is not a folder.
    """
    if not root.is_dir():
        raise UsageError(f"{root} is not a curriculum folder (it should hold course.yaml)")
    tree, problems = load_tree(root, display_base)
    return validate_tree(tree, problems, today=today)


def validate_tree(
    tree: LoadedTree,
    problems: list[Diagnostic],
    valid: ValidDocuments | None = None,
    today: date | None = None,
    course_date: str | None = None,
) -> tuple[Curriculum | None, list[Diagnostic]]:
    """Check a loaded tree (``problems``: what loading it found already).

    ``course_date`` replaces course.yaml's date for review dates (a project's own).
    """
    problems = [*problems, *check_schemas(tree, valid)]
    problems += _guarded(tree.display_root, lambda: cross_check(tree))
    day = today or date.today()
    when = course_date or _course_date(tree)
    problems += _guarded(tree.display_root, lambda: check_dates(tree, when, day))
    problems += _guarded(tree.display_root, lambda: check_placeholders(tree_documents(tree)))
    problems = sort_diagnostics(set(problems))
    if has_errors(problems):
        return None, problems
    built: list[Curriculum] = []
    problems += _guarded(tree.display_root, lambda: _append(built, curriculum_from_tree(tree)))
    return (built[0] if built else None), problems


def check_schemas(tree: LoadedTree, valid: ValidDocuments | None = None) -> list[Diagnostic]:
    """Schema diagnostics for every readable document of the tree."""
    jobs: list[tuple[Document, str]] = [(doc, "audience") for doc in tree.audiences]
    jobs += [(doc, "module") for doc in tree.modules]
    jobs += [(doc, "questions") for doc in tree.questions]
    if tree.course is not None:
        jobs.insert(0, (tree.course, "course"))
    problems: list[Diagnostic] = []
    for doc, name in jobs:
        if doc.ok:
            problems += _guarded(doc.display, partial(document_diagnostics, doc, name, valid))
    return problems


def document_diagnostics(
    doc: Document, schema_name: str, valid: ValidDocuments | None = None
) -> list[Diagnostic]:
    """Check one document against ``<schema_name>.schema.json``."""
    if valid is not None and valid.known(doc, schema_name):
        return []
    found = schema_diagnostics(load_schema(schema_name), doc.data, doc.smap)
    if not found and valid is not None:
        valid.remember(doc, schema_name)
    return found


class ValidDocuments:
    """Documents already found schema-valid, by identity.

    ``hrdeck watch`` reuses the Document of an unchanged file (hrdeck.watch.cache) and
    keeps one of these, so only edited files are checked again.
    """

    def __init__(self) -> None:
        self._seen: dict[tuple[int, int, str], weakref.ref[Document]] = {}

    def known(self, doc: Document, schema_name: str) -> bool:
        found = self._seen.get((id(doc), id(doc.data), schema_name))
        return found is not None and found() is doc

    def remember(self, doc: Document, schema_name: str) -> None:
        self._seen[(id(doc), id(doc.data), schema_name)] = weakref.ref(doc)


def _course_date(tree: LoadedTree) -> str | None:
    data = tree.course.data if tree.course is not None else None
    value = data.get("date") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def _append(target: list[Curriculum], value: Curriculum) -> list[Diagnostic]:
    target.append(value)
    return []


def _guarded(display: str, check: Callable[[], list[Diagnostic]]) -> list[Diagnostic]:
    """Run one check; a crash becomes an ``internal`` diagnostic, not a traceback."""
    try:
        return check()
    except Exception as exc:  # last resort, per file; HRDECK_DEBUG=1 shows the traceback
        if os.environ.get("HRDECK_DEBUG"):
            raise
        message = f"hrdeck could not check this file ({type(exc).__name__}: {exc})"
        hint = "this is a bug in hrdeck; please report it (HRDECK_DEBUG=1 shows details)"
        return [error(SourceMap(display).file_loc(), "internal", message, hint)]
