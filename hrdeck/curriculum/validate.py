"""Check a curriculum folder and build the typed model: every problem, at once.

The steps are: load every file (:mod:`hrdeck.curriculum.load`), check each document against
its JSON Schema (this module turns ``jsonschema`` errors into located diagnostics
written for an editor), run the cross-file checks (:mod:`hrdeck.curriculum.crosscheck`) and,
only when no error was found, build the :class:`~hrdeck.curriculum.model.Curriculum`
(:mod:`hrdeck.curriculum.modelbuild`).

Schema codes: ``unknown-key``, ``missing-key``, ``wrong-type``, ``unknown-kind``,
``bad-value``; ``internal`` if a check itself failed (please report it).
"""

from __future__ import annotations

import difflib
import json
import os
import weakref
from collections.abc import Callable, Iterable, Sequence
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hrdeck.curriculum.crosscheck import cross_check
from hrdeck.curriculum.load import Document, LoadedTree, load_tree
from hrdeck.curriculum.model import Curriculum
from hrdeck.curriculum.modelbuild import build_curriculum
from hrdeck.curriculum.schemafast import Unsupported, is_valid
from hrdeck.curriculum.sourcemap import JsonPath, SourceMap
from hrdeck.diagnostics import Diagnostic, error, has_errors, sort_diagnostics
from hrdeck.errors import UsageError
from hrdeck.paths import schemas_dir

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError

SCHEMA_NAMES = ("course", "audience", "module")
Schema = dict[str, Any]


def validate_curriculum(
    root: Path, display_base: Path | None = None
) -> tuple[Curriculum | None, list[Diagnostic]]:
    """Check the curriculum folder ``root``; the model comes back only if it has no error.

    File names in diagnostics are relative to ``display_base`` (default: the current
    directory) when the files lie under it.  Raises :class:`UsageError` when ``root``
    is not a folder.
    """
    if not root.is_dir():
        raise UsageError(f"{root} is not a curriculum folder (it should hold course.yaml)")
    tree, problems = load_tree(root, display_base)
    return validate_tree(tree, problems)


def validate_tree(
    tree: LoadedTree, problems: list[Diagnostic]
) -> tuple[Curriculum | None, list[Diagnostic]]:
    """Check a loaded tree (``problems``: what loading it found already)."""
    problems = [*problems, *check_schemas(tree)]
    problems += _guarded(tree.display_root, lambda: cross_check(tree))
    problems = sort_diagnostics(set(problems))
    if has_errors(problems):
        return None, problems
    built: list[Curriculum] = []
    problems += _guarded(tree.display_root, lambda: _append(built, build_curriculum(tree)))
    return (built[0] if built else None), problems


def check_schemas(tree: LoadedTree) -> list[Diagnostic]:
    """Schema diagnostics for every readable document of the tree."""
    jobs: list[tuple[Document, str]] = [(doc, "audience") for doc in tree.audiences]
    jobs += [(doc, "module") for doc in tree.modules]
    if tree.course is not None:
        jobs.insert(0, (tree.course, "course"))
    problems: list[Diagnostic] = []
    for doc, name in jobs:
        if doc.ok:
            problems += _guarded(doc.display, partial(schema_diagnostics, doc, name))
    return problems


def schema_diagnostics(doc: Document, schema_name: str) -> list[Diagnostic]:
    """Check one document against ``<schema_name>.schema.json``.

    A fast yes/no check runs first; ``jsonschema`` (slower to import and run) is
    asked only to explain a document that is not valid.
    """
    key = (id(doc), id(doc.data), schema_name)
    known = _KNOWN_VALID.get(key)
    if known is not None and known() is doc:
        return []
    try:
        if is_valid(schema(schema_name), doc.data):
            if len(_KNOWN_VALID) >= 10_000:
                _KNOWN_VALID.clear()
            _KNOWN_VALID[key] = weakref.ref(doc)
            return []
    except Unsupported:
        pass
    errors = _first_per_path(validator(schema_name).iter_errors(doc.data))
    return [d for err in errors for d in explain(err, doc.smap)]


# Documents already found valid, by identity: ``hrdeck watch`` reuses the Document of
# an unchanged file (hrdeck.watch.cache), so only edited files are checked again.
_KNOWN_VALID: dict[tuple[int, int, str], weakref.ref[Document]] = {}


@cache
def schema(schema_name: str) -> Schema:
    """A schema of hrdeck/schemas, read once per process."""
    text = (schemas_dir() / f"{schema_name}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def validator(schema_name: str) -> Draft202012Validator:
    """The compiled ``jsonschema`` validator for a schema (built once per process)."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema(schema_name))


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


def _first_per_path(errors: Iterable[ValidationError]) -> list[ValidationError]:
    """Drop follow-on errors: once a value has the wrong type, say only that."""
    typed: set[JsonPath] = set()
    kept: list[ValidationError] = []
    for err in sorted(errors, key=lambda e: e.validator != "type"):
        path = tuple(err.absolute_path)
        if path in typed:
            continue
        if err.validator == "type":
            typed.add(path)
        kept.append(err)
    return kept


# -- one jsonschema error -> diagnostics -------------------------------------------


def explain(err: ValidationError, smap: SourceMap) -> list[Diagnostic]:
    """Diagnostics for one ``jsonschema`` error, located through the source map."""
    schema = err.schema if isinstance(err.schema, dict) else {}
    if schema.get("x-checked-elsewhere"):
        return []  # the cross-file check says it better ("did you mean ...")
    handler = _HANDLERS.get(str(err.validator), _other)
    return handler(err, schema, smap)


def _unknown_keys(err: ValidationError, schema: Schema, smap: SourceMap) -> list[Diagnostic]:
    path = tuple(err.absolute_path)
    allowed = sorted(schema.get("properties", {}))
    owner = _thing(schema, err.instance)
    found = []
    for key in err.instance:
        if key not in allowed:
            message = f"'{key}' is not a field of {owner}"
            hint = _did_you_mean(key, allowed, "fields")
            if err.instance[key] is None and not hint.startswith("did"):
                hint = "inside {...} a ',' starts a new field: put text with commas in quotes"
            found.append(error(smap.key((*path, key)), "unknown-key", message, hint))
    return found


def _missing_keys(err: ValidationError, schema: Schema, smap: SourceMap) -> list[Diagnostic]:
    path = tuple(err.absolute_path)
    owner = _thing(schema, err.instance)
    found = []
    for name in err.validator_value:
        if name not in err.instance:
            about = schema.get("properties", {}).get(name, {})
            hint = f"add '{name}:' ({about['description']})" if "description" in about else None
            if name == "kind":
                hint = f"add 'kind:', one of: {', '.join(_module_kinds())}"
            found.append(error(smap.value(path), "missing-key", f"{owner} needs '{name}'", hint))
    return found


def _wrong_type(err: ValidationError, schema: Schema, smap: SourceMap) -> list[Diagnostic]:
    expected = schema.get("x-expected") or _type_names(err.validator_value)
    message = f"{_field(err.absolute_path)} expects {expected}, found {describe(err.instance)}"
    hint = None
    if err.instance is None:
        hint = "the value is empty: write it after the ':' or remove the line"
    return [error(smap.value(err.absolute_path), "wrong-type", message, hint)]


def _bad_enum(err: ValidationError, schema: Schema, smap: SourceMap) -> list[Diagnostic]:
    allowed = [str(v) for v in err.validator_value]
    value = str(err.instance)
    loc = smap.value(err.absolute_path)
    if tuple(err.absolute_path) == ("kind",):
        hint = _did_you_mean(value, allowed, "kinds")
        return [error(loc, "unknown-kind", f"'{value}' is not a module kind", hint)]
    message = f"{_field(err.absolute_path)} cannot be '{value}'"
    return [error(loc, "bad-value", message, _did_you_mean(value, allowed, "allowed values"))]


def _bad_pattern(err: ValidationError, schema: Schema, smap: SourceMap) -> list[Diagnostic]:
    if "propertyNames" in err.relative_schema_path:
        loc = smap.key((*err.absolute_path, str(err.instance)))
        message = f"'{err.instance}' is not a valid key here"
    else:
        loc = smap.value(err.absolute_path)
        message = f"{_field(err.absolute_path)} cannot be '{err.instance}'"
    return [error(loc, "bad-value", message, schema.get("x-pattern-help"))]


def _bad_size(err: ValidationError, schema: Schema, smap: SourceMap) -> list[Diagnostic]:
    field = _field(err.absolute_path)
    limit = err.validator_value
    messages = {
        "minItems": f"{field} needs at least {limit} {_plural(limit, 'entry', 'entries')}",
        "maxItems": f"{field} allows at most {limit} {_plural(limit, 'entry', 'entries')}",
        "minLength": f"{field} is empty",
        "minProperties": f"{field} is empty",
        "uniqueItems": f"{field} lists the same value twice",
        "minimum": f"{field} must be at least {limit}",
        "maximum": f"{field} must be at most {limit}",
        "exclusiveMinimum": f"{field} must be more than {limit}",
    }
    message = messages.get(str(err.validator), err.message)
    if isinstance(err.instance, Sized) and err.validator in ("minItems", "maxItems"):
        message += f" (found {len(err.instance)})"
    return [error(smap.value(err.absolute_path), "bad-value", message)]


def _other(err: ValidationError, schema: Schema, smap: SourceMap) -> list[Diagnostic]:
    message = f"{_field(err.absolute_path)} is not valid: {err.message}"
    return [error(smap.value(err.absolute_path), "bad-value", message)]


Sized = (list, dict, str)
_Handler = Callable[["ValidationError", Schema, SourceMap], list[Diagnostic]]
_HANDLERS: dict[str, _Handler] = {
    "additionalProperties": _unknown_keys,
    "required": _missing_keys,
    "type": _wrong_type,
    "enum": _bad_enum,
    "const": _bad_enum,
    "pattern": _bad_pattern,
    **dict.fromkeys(
        ("minItems", "maxItems", "minLength", "minProperties", "uniqueItems"), _bad_size
    ),
    **dict.fromkeys(("minimum", "maximum", "exclusiveMinimum"), _bad_size),
}


# -- wording -----------------------------------------------------------------------


def describe(value: object) -> str:
    """How a found value is named in a message: 'a number (3)', 'a list', ..."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        short = value if len(value) <= 30 else value[:27] + "..."
        return f"text ('{short}')"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def _type_names(types: str | Sequence[str]) -> str:
    names = {
        "string": "text",
        "array": "a list",
        "object": "a mapping",
        "integer": "a whole number",
        "number": "a number",
        "boolean": "true or false",
        "null": "nothing",
    }
    listed = [types] if isinstance(types, str) else list(types)
    return " or ".join(names.get(t, t) for t in listed)


def _field(path: Iterable[str | int]) -> str:
    parts = list(path)
    if not parts:
        return "the file"
    last = parts[-1]
    if isinstance(last, int):
        parent = parts[-2] if len(parts) > 1 else None
        return f"entry {last + 1} of '{parent}'" if parent is not None else f"entry {last + 1}"
    return f"'{last}'"


def _thing(schema: dict[str, Any], instance: object) -> str:
    name = str(schema.get("x-name", "this mapping"))
    if "{kind}" in name:
        kind = instance.get("kind") if isinstance(instance, dict) else None
        return "a " + name.format(kind=kind if isinstance(kind, str) else "")
    return name


def _did_you_mean(word: str, choices: Sequence[str], what: str) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return f"the {what} are: {', '.join(choices)}"


def _plural(count: object, one: str, many: str) -> str:
    return one if count == 1 else many


@cache
def _module_kinds() -> tuple[str, ...]:
    return tuple(schema("module")["properties"]["kind"]["enum"])
