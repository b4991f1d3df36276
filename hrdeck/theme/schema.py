"""theme.yaml against ``schemas/theme.schema.json``: every error as a located diagnostic.

The wording is :func:`hrdeck.curriculum.validate.explain`'s, shared with the curriculum
(``unknown-key`` with "did you mean", ``missing-key``, ``wrong-type``, ``bad-value``);
two theme-specific cases get their own codes: a palette entry that is not a
``"#RRGGBB"`` colour is ``bad-colour``, and a template that is not a .pptx/.potx
file is ``bad-template-path``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from hrdeck.curriculum.schemafast import Unsupported, is_valid
from hrdeck.curriculum.sourcemap import SourceMap
from hrdeck.diagnostics import Diagnostic, error

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError

COLOUR_HINT = 'write colours as "#RRGGBB" in quotes, e.g. "#0F766E"'
UNQUOTED_HINT = 'put the colour in quotes: "#0F766E" (an unquoted # starts a YAML comment)'


@cache
def theme_schema() -> dict[str, Any]:
    """The theme JSON Schema shipped with hrdeck, read once."""
    text = resources.files("hrdeck").joinpath("schemas/theme.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def theme_validator() -> Draft202012Validator:
    """The theme schema compiled by ``jsonschema`` (imported only to explain errors)."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(theme_schema())


def schema_diagnostics(data: object, smap: SourceMap) -> list[Diagnostic]:
    """Every schema violation in ``data`` (a loaded theme.yaml), located and worded.

    :mod:`hrdeck.curriculum.schemafast` answers first; ``jsonschema`` explains a theme that fails.
    """
    try:
        if is_valid(theme_schema(), data):
            return []
    except Unsupported:
        pass
    found: list[Diagnostic] = []
    for problem in theme_validator().iter_errors(data):
        found += _explain(problem, smap)
    return found


def _explain(problem: ValidationError, smap: SourceMap) -> list[Diagnostic]:
    from hrdeck.curriculum.validate import explain

    path = tuple(problem.absolute_path)
    if len(path) == 2 and path[0] == "palette" and problem.validator in ("type", "pattern"):
        return [_bad_colour(problem, smap)]
    if path == ("template",) and problem.validator == "pattern":
        message = f"template {problem.instance!r} must be a .pptx or .potx file"
        hint = "save the agency template from PowerPoint as .pptx or .potx"
        return [error(smap.value(path), "bad-template-path", message, hint)]
    return explain(problem, smap)


def _bad_colour(problem: ValidationError, smap: SourceMap) -> Diagnostic:
    path = tuple(problem.absolute_path)
    where = ".".join(str(part) for part in path)
    found = "empty" if problem.instance is None else repr(problem.instance)
    message = f"{where} is {found}, which is not a colour"
    hint = UNQUOTED_HINT if problem.instance is None else COLOUR_HINT
    return error(smap.value(path), "bad-colour", message, hint)
