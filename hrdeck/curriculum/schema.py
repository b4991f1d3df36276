"""The one schema check: a fast yes/no answer, then ``jsonschema`` explains a failure.

Every YAML file hrdeck reads (course, audiences, modules, hrdeck.yaml, theme.yaml,
the language rules) is checked here against its JSON Schema in ``hrdeck/schemas``.
:mod:`hrdeck.curriculum.schemafast` answers first (measured 9x faster, and it spares
importing jsonschema on the happy path); only a document that fails is handed to
``jsonschema``, whose errors become :class:`SchemaError` values (so no other module
needs jsonschema) and then located diagnostics worded for an editor.

Codes: ``unknown-key`` (with "did you mean"), ``missing-key``, ``wrong-type``,
``unknown-kind``, ``bad-value``, ``bad-date`` (a date no calendar has),
``text-too-long`` (over a field's ``maxLength``), or a list's own ``x-code`` when it
has too many entries (a diagram's ``too-many-nodes``).  A caller
may word some errors its own way by passing ``special`` to
:func:`schema_diagnostics` (theme.yaml's colours do).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from hrdeck.curriculum.schemafast import (
    Schema,
    Unsupported,
    is_real_date,
    is_valid,
    schema_regex,
)
from hrdeck.curriculum.sourcemap import JsonPath, SourceMap
from hrdeck.diagnostics import Diagnostic, error
from hrdeck.paths import schemas_dir


@dataclass(frozen=True)
class SchemaError:
    """One way a document breaks its schema (what hrdeck needs of a jsonschema error)."""

    path: JsonPath
    validator: str
    validator_value: Any
    instance: Any
    schema: Schema
    message: str
    relative_schema_path: tuple[str | int, ...]


Special = Callable[[SchemaError, SourceMap], "list[Diagnostic] | None"]


@cache
def load_schema(name: str) -> Schema:
    """``hrdeck/schemas/<name>.schema.json``, read once per process."""
    text = (schemas_dir() / f"{name}.schema.json").read_text(encoding="utf-8")
    loaded: Schema = json.loads(text)
    return loaded


def schema_diagnostics(
    against: Schema, data: object, smap: SourceMap, special: Special | None = None
) -> list[Diagnostic]:
    """Every way `data` breaks `against`, located through `smap` and worded for an editor.

    `special` may word an error its own way (return diagnostics) or pass (return None).
    """
    found: list[Diagnostic] = []
    for err in schema_errors(against, data):
        if smap.was_reported(err.path):
            continue  # reading the file reported this value already (a bad tag, .nan)
        worded = special(err, smap) if special is not None else None
        found += explain(err, smap) if worded is None else worded
    return found


def schema_errors(against: Schema, data: object) -> list[SchemaError]:
    """The errors of `data` against `against`, follow-on errors dropped; [] when valid."""
    try:
        if is_valid(against, data):
            return []
    except Unsupported:
        pass
    return _first_per_path(reference_validator(against).iter_errors(data))


def plain_problems(against: Schema, data: object) -> list[str]:
    """``path: message`` lines for a file read without a source map (the language rules)."""
    errors = sorted(schema_errors(against, data), key=lambda e: [str(p) for p in e.path])
    return [f"{_json_path(err.path)}: {err.message}" for err in errors]


def _json_path(path: Iterable[object]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path) or "(top)"


_VALIDATORS: dict[int, tuple[Schema, Any]] = {}


def reference_validator(against: Schema) -> Any:
    """The ``jsonschema`` validator that explains errors (and that the fast check must
    agree with): Draft 2020-12 with ECMA patterns and real dates, built once per schema."""
    found = _VALIDATORS.get(id(against))
    if found is None or found[0] is not against:
        found = _VALIDATORS[id(against)] = (
            against,
            _validator_class()(against, format_checker=_formats()),
        )
    return found[1]


@cache
def _validator_class() -> Any:
    """Draft 2020-12 reading ``pattern`` as :mod:`hrdeck.curriculum.schemafast` does
    (ECMA 262: ``$`` ends the text), so both checkers always agree."""
    from jsonschema import Draft202012Validator, ValidationError, validators

    def pattern(validator: Any, written: str, instance: object, schema: Schema) -> Any:
        if isinstance(instance, str) and not schema_regex(written).search(instance):
            yield ValidationError(f"{instance!r} does not match {written!r}")

    return validators.extend(Draft202012Validator, {"pattern": pattern})


@cache
def _formats() -> Any:
    """The one format hrdeck's schemas use: ``date``, a real day of the calendar."""
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    checker.checks("date")(is_real_date)
    return checker


def _converted(errors: Iterable[Any]) -> Iterator[SchemaError]:
    for err in errors:
        yield SchemaError(
            path=tuple(err.absolute_path),
            validator=str(err.validator),
            validator_value=err.validator_value,
            instance=err.instance,
            schema=err.schema if isinstance(err.schema, dict) else {},
            message=err.message,
            relative_schema_path=tuple(err.relative_schema_path),
        )


def _first_per_path(errors: Iterable[Any]) -> list[SchemaError]:
    """Drop follow-on errors: once a value has the wrong type, say only that."""
    typed: set[JsonPath] = set()
    kept: list[SchemaError] = []
    for err in sorted(_converted(errors), key=lambda e: e.validator != "type"):
        if err.path in typed:
            continue
        if err.validator == "type":
            typed.add(err.path)
        kept.append(err)
    return kept


# -- one schema error -> diagnostics -------------------------------------------


def explain(err: SchemaError, smap: SourceMap) -> list[Diagnostic]:
    """Diagnostics for one schema error, located through the source map."""
    schema = err.schema
    if schema.get("x-checked-elsewhere") and isinstance(err.instance, str):
        return []  # a name: the cross-file check says it better ("did you mean ...")
    handler = _HANDLERS.get(str(err.validator), _other)
    return handler(err, schema, smap)


def _unknown_keys(err: SchemaError, schema: Schema, smap: SourceMap) -> list[Diagnostic]:
    path = tuple(err.path)
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


def _missing_keys(err: SchemaError, schema: Schema, smap: SourceMap) -> list[Diagnostic]:
    path = tuple(err.path)
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


def _wrong_type(err: SchemaError, schema: Schema, smap: SourceMap) -> list[Diagnostic]:
    expected = schema.get("x-expected") or _type_names(err.validator_value)
    message = f"{_field(err.path)} expects {expected}, found {describe_value(err.instance)}"
    hint = schema.get("x-hint")
    if err.instance is None:
        hint = "the value is empty: write it after the ':' or remove the line"
    return [error(smap.value(err.path), "wrong-type", message, hint)]


def _bad_enum(err: SchemaError, schema: Schema, smap: SourceMap) -> list[Diagnostic]:
    allowed = [str(v) for v in err.validator_value]
    value = str(err.instance)
    loc = smap.value(err.path)
    if tuple(err.path) == ("kind",):
        hint = _did_you_mean(value, allowed, "kinds")
        return [error(loc, "unknown-kind", f"'{value}' is not a module kind", hint)]
    message = f"{_field(err.path)} cannot be '{value}'"
    return [error(loc, "bad-value", message, _did_you_mean(value, allowed, "allowed values"))]


def _bad_pattern(err: SchemaError, schema: Schema, smap: SourceMap) -> list[Diagnostic]:
    if "propertyNames" in err.relative_schema_path:
        loc = smap.key((*err.path, str(err.instance)))
        message = f"'{err.instance}' is not a valid key here"
    else:
        loc = smap.value(err.path)
        message = f"{_field(err.path)} cannot be '{err.instance}'"
    return [error(loc, "bad-value", message, schema.get("x-pattern-help"))]


def _bad_size(err: SchemaError, schema: Schema, smap: SourceMap) -> list[Diagnostic]:
    field = _field(err.path)
    limit = err.validator_value
    messages = {
        "minItems": f"{field} needs at least {limit} {_plural(limit, 'entry', 'entries')}",
        "maxItems": f"{field} allows at most {limit} {_plural(limit, 'entry', 'entries')}",
        "minLength": f"{field} is empty",
        "maxLength": f"{field} is longer than {limit} characters",
        "minProperties": f"{field} is empty",
        "uniqueItems": f"{field} lists the same value twice",
        "minimum": f"{field} must be at least {limit}",
        "maximum": f"{field} must be at most {limit}",
        "exclusiveMinimum": f"{field} must be more than {limit}",
    }
    message = messages.get(str(err.validator), err.message)
    if isinstance(err.instance, Sized) and err.validator in ("minItems", "maxItems"):
        message += f" (found {len(err.instance)})"
    code = str(schema.get("x-code", "bad-value"))
    return [error(smap.value(err.path), code, message, schema.get("x-size-help"))]


def _too_long(err: SchemaError, schema: Schema, smap: SourceMap) -> list[Diagnostic]:
    length = len(err.instance) if isinstance(err.instance, str) else 0
    message = (
        f"{_field(err.path)} is {length:,} characters long; "
        f"it may be at most {err.validator_value:,}"
    )
    hint = schema.get("x-length-help", "shorten it")
    return [error(smap.value(err.path), "text-too-long", message, hint)]


def _bad_format(err: SchemaError, schema: Schema, smap: SourceMap) -> list[Diagnostic]:
    if err.validator_value != "date":
        return _other(err, schema, smap)
    message = f"{_field(err.path)} is not a real date: {err.instance}"
    hint = "check the day and month (30 February, day 31 of a 30-day month, year 0000 ...)"
    return [error(smap.value(err.path), "bad-date", message, hint)]


def _other(err: SchemaError, schema: Schema, smap: SourceMap) -> list[Diagnostic]:
    message = f"{_field(err.path)} is not valid: {err.message}"
    return [error(smap.value(err.path), "bad-value", message)]


Sized = (list, dict, str)
_Handler = Callable[[SchemaError, Schema, SourceMap], list[Diagnostic]]
_HANDLERS: dict[str, _Handler] = {
    "additionalProperties": _unknown_keys,
    "required": _missing_keys,
    "type": _wrong_type,
    "enum": _bad_enum,
    "const": _bad_enum,
    "pattern": _bad_pattern,
    "format": _bad_format,
    **dict.fromkeys(
        ("minItems", "maxItems", "minLength", "maxLength", "minProperties", "uniqueItems"),
        _bad_size,
    ),
    **dict.fromkeys(("minimum", "maximum", "exclusiveMinimum"), _bad_size),
    "maxLength": _too_long,
}


# -- wording -----------------------------------------------------------------------


def describe_value(value: object) -> str:
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
        named = name.format(kind=kind if isinstance(kind, str) else "")
        return ("an " if named[:1] in "aeiou" else "a ") + named
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
    return tuple(load_schema("module")["properties"]["kind"]["enum"])
