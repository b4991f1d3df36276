"""theme.yaml against ``schemas/theme.schema.json``: every error as a located diagnostic.

jsonschema's own messages are written for programmers; each validator keyword is
turned into a sentence for an agency's designer, with a stable code:
``unknown-key`` (with "did you mean"), ``missing-key``, ``bad-colour``,
``bad-template-path``, ``bad-value``, ``bad-type``, ``empty-value``, ``schema``.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from hrdeck.diagnostics import Diagnostic, error
from hrdeck.sourcemap import SourceMap

_TYPE_WORDS = {
    "string": "text",
    "boolean": "true or false",
    "object": "a mapping of 'field: value' lines",
    "null": "empty",
}


@cache
def theme_schema() -> dict[str, Any]:
    """The theme JSON Schema shipped with hrdeck."""
    text = resources.files("hrdeck").joinpath("schemas/theme.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def schema_diagnostics(data: object, smap: SourceMap) -> list[Diagnostic]:
    """Every schema violation in ``data`` (a loaded theme.yaml), located and worded."""
    validator = Draft202012Validator(theme_schema())
    found: list[Diagnostic] = []
    for problem in validator.iter_errors(data):
        found.extend(_translate(problem, smap))
    return found


def _where(path: tuple[str | int, ...]) -> str:
    return ".".join(str(p) for p in path) if path else "the theme"


def _translate(problem: ValidationError, smap: SourceMap) -> Iterator[Diagnostic]:
    handler = _HANDLERS.get(str(problem.validator), _generic)
    yield from handler(problem, smap)


def _unknown_keys(problem: ValidationError, smap: SourceMap) -> Iterator[Diagnostic]:
    path = tuple(problem.absolute_path)
    allowed = sorted(problem.schema.get("properties", {}))
    instance = problem.instance if isinstance(problem.instance, dict) else {}
    for key in instance:
        if key in allowed:
            continue
        close = difflib.get_close_matches(str(key), allowed, n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"fields: {', '.join(allowed)}"
        message = f"{key!r} is not a field of {_where(path)}"
        yield error(smap.key((*path, key)), "unknown-key", message, hint)


def _missing_keys(problem: ValidationError, smap: SourceMap) -> Iterator[Diagnostic]:
    path = tuple(problem.absolute_path)
    instance = problem.instance if isinstance(problem.instance, dict) else {}
    for key in problem.validator_value:
        if key not in instance:
            message = f"{_where(path)} needs {key!r}"
            hint = _MISSING_HINTS.get(key)
            yield error(smap.key(path), "missing-key", message, hint)


_MISSING_HINTS = {
    "alt": "describe the logo for screen readers, e.g. 'Eastside Outreach logo'",
    "palette": "see themes/default/theme.yaml for a complete palette",
}


def _pattern(problem: ValidationError, smap: SourceMap) -> Iterator[Diagnostic]:
    path = tuple(problem.absolute_path)
    loc = smap.value(path)
    if path and path[0] == "template":
        message = f"template {problem.instance!r} must be a .pptx or .potx file"
        hint = "save the agency template from PowerPoint as .pptx or .potx"
        yield error(loc, "bad-template-path", message, hint)
        return
    message = f"{_where(path)} is {problem.instance!r}, which is not a colour"
    yield error(loc, "bad-colour", message, 'write colours as "#RRGGBB", e.g. "#0F766E"')


def _type(problem: ValidationError, smap: SourceMap) -> Iterator[Diagnostic]:
    path = tuple(problem.absolute_path)
    if len(path) == 2 and path[0] == "palette":
        message = f"{_where(path)} is {problem.instance!r}, which is not a colour"
        hint = 'put the colour in quotes: "#0F766E" (an unquoted # starts a YAML comment)'
        yield error(smap.value(path), "bad-colour", message, hint)
        return
    expected = problem.validator_value
    wanted = [expected] if isinstance(expected, str) else list(expected)
    words = " or ".join(_TYPE_WORDS.get(t, t) for t in wanted)
    message = f"{_where(path)} must be {words}, not {problem.instance!r}"
    yield error(smap.value(path), "bad-type", message)


def _enum(problem: ValidationError, smap: SourceMap) -> Iterator[Diagnostic]:
    path = tuple(problem.absolute_path)
    choices = ", ".join(repr(c) for c in problem.validator_value)
    message = f"{_where(path)} is {problem.instance!r}; choose one of {choices}"
    yield error(smap.value(path), "bad-value", message)


def _min_length(problem: ValidationError, smap: SourceMap) -> Iterator[Diagnostic]:
    path = tuple(problem.absolute_path)
    yield error(smap.value(path), "empty-value", f"{_where(path)} must not be empty")


def _generic(problem: ValidationError, smap: SourceMap) -> Iterator[Diagnostic]:
    path = tuple(problem.absolute_path)
    yield error(smap.value(path), "schema", f"{_where(path)}: {problem.message}")


_Handler = Callable[[ValidationError, SourceMap], Iterator[Diagnostic]]
_HANDLERS: dict[str, _Handler] = {
    "additionalProperties": _unknown_keys,
    "required": _missing_keys,
    "pattern": _pattern,
    "type": _type,
    "enum": _enum,
    "minLength": _min_length,
}
