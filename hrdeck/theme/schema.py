"""theme.yaml against ``schemas/theme.schema.json``: every error as a located diagnostic.

The check and its wording are :mod:`hrdeck.curriculum.schema`'s, shared with the
curriculum (``unknown-key`` with "did you mean", ``missing-key``, ``wrong-type``,
``bad-value``); two theme-specific cases get their own codes: a palette entry that is
not a ``"#RRGGBB"`` colour is ``bad-colour``, and a template that is not a .pptx/.potx
file is ``bad-template-path``.
"""

from __future__ import annotations

from hrdeck.curriculum.schema import SchemaError, load_schema, schema_diagnostics
from hrdeck.curriculum.sourcemap import SourceMap
from hrdeck.diagnostics import Diagnostic, error

COLOUR_HINT = 'write colours as "#RRGGBB" in quotes, e.g. "#0F766E"'
UNQUOTED_HINT = 'put the colour in quotes: "#0F766E" (an unquoted # starts a YAML comment)'


def theme_schema_diagnostics(data: object, smap: SourceMap) -> list[Diagnostic]:
    """Every schema violation in ``data`` (a loaded theme.yaml), located and worded."""
    return schema_diagnostics(load_schema("theme"), data, smap, special=_theme_wording)


def _theme_wording(problem: SchemaError, smap: SourceMap) -> list[Diagnostic] | None:
    path = problem.path
    if len(path) == 2 and path[0] == "palette" and problem.validator in ("type", "pattern"):
        return [_bad_colour(problem, smap)]
    if path == ("template",) and problem.validator == "pattern":
        message = f"template {problem.instance!r} must be a .pptx or .potx file"
        hint = "save the agency template from PowerPoint as .pptx or .potx"
        return [error(smap.value(path), "bad-template-path", message, hint)]
    return None


def _bad_colour(problem: SchemaError, smap: SourceMap) -> Diagnostic:
    where = ".".join(str(part) for part in problem.path)
    found = "empty" if problem.instance is None else repr(problem.instance)
    message = f"{where} is {found}, which is not a colour"
    hint = UNQUOTED_HINT if problem.instance is None else COLOUR_HINT
    return error(smap.value(problem.path), "bad-colour", message, hint)
