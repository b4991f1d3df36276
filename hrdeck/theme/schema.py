"""theme.yaml against ``schemas/theme.schema.json``: every error as a located diagnostic.

The check and its wording are :mod:`hrdeck.curriculum.schema`'s, shared with the
curriculum (``unknown-key`` with "did you mean", ``missing-key``, ``wrong-type``,
``bad-value``); two theme-specific cases get their own codes: a palette entry that is
not a ``"#RRGGBB"`` colour is ``bad-colour``, and a template that is not a
.pptx/.potx/.otp/.odp file is ``bad-template-path``; a ``layouts:`` entry that is neither
a layout name nor ``{master, layout}`` is a ``bad-value`` saying which forms work.  A key
missing from several places is reported once.
"""

from __future__ import annotations

from hrdeck.curriculum.schema import SchemaError, load_schema, schema_diagnostics
from hrdeck.curriculum.sourcemap import SourceMap
from hrdeck.diagnostics import Diagnostic, error

COLOUR_HINT = 'write colours as "#RRGGBB" in quotes, e.g. "#0F766E"'
UNQUOTED_HINT = 'put the colour in quotes: "#0F766E" (an unquoted # starts a YAML comment)'


LAYOUT_FORMS = (
    'write a layout name (bullets: "Title and Content") or a master and a layout '
    '(bullets: {master: 2, layout: "Title, Content"}; masters are numbered from 1, '
    "or named); `hrdeck theme inspect TEMPLATE` lists them"
)


def theme_schema_diagnostics(data: object, smap: SourceMap) -> list[Diagnostic]:
    """Every schema violation in ``data`` (a loaded theme.yaml), located and worded, once."""
    found = schema_diagnostics(load_schema("theme"), data, smap, special=_theme_wording)
    return list(dict.fromkeys(found))


def _theme_wording(problem: SchemaError, smap: SourceMap) -> list[Diagnostic] | None:
    path = problem.path
    if len(path) == 2 and path[0] == "palette" and problem.validator in ("type", "pattern"):
        return [_bad_colour(problem, smap)]
    if path == ("template",) and problem.validator == "pattern":
        message = f"template {problem.instance!r} must be a .pptx, .potx, .otp or .odp file"
        hint = "save the agency template from PowerPoint as .pptx or .potx"
        return [error(smap.value(path), "bad-template-path", message, hint)]
    if len(path) >= 2 and path[0] == "layouts" and problem.validator != "additionalProperties":
        kind = path[1]
        message = f"layouts.{kind} is not a layout name or a {{master, layout}} mapping"
        return [error(smap.value(path[:2]), "bad-value", message, LAYOUT_FORMS)]
    return None


def _bad_colour(problem: SchemaError, smap: SourceMap) -> Diagnostic:
    where = ".".join(str(part) for part in problem.path)
    found = "empty" if problem.instance is None else repr(problem.instance)
    message = f"{where} is {found}, which is not a colour"
    hint = UNQUOTED_HINT if problem.instance is None else COLOUR_HINT
    return error(smap.value(problem.path), "bad-colour", message, hint)
