r"""A fast yes/no check of a document against hrdeck's own JSON Schemas.

``jsonschema`` is the reference: it explains every error.  It is also slow to
import and walk (about 0.1 s for the built-in curriculum), which matters for a
command an editor runs after every save.  Most runs find no error, so this module
answers only "valid or not" for the small set of 2020-12 keywords hrdeck's schemas
use; when it says "not valid" (or meets a keyword it does not know) the caller asks
``jsonschema`` for the explanation.  Tests check that both always agree.

Both read a ``pattern`` as JSON Schema means it (ECMA 262), through
:func:`schema_regex`: ``$`` ends the text (Python's ``$`` would also match before a
final newline, so ``"court\n"`` passed as a slug and put a newline in file names)
and ``\d`` is an ASCII digit.  ``format: date`` is a real calendar date
(:func:`is_real_date`: no 30 February, no year 0000).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

Schema = dict[str, Any]

_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$defs", "title", "description", "default", "examples", "$comment"}
)


class Unsupported(Exception):
    """The schema uses a keyword this checker does not implement."""


def is_valid(root: Schema, instance: object) -> bool:
    """Whether ``instance`` is valid against ``root`` (raises :class:`Unsupported`)."""
    return _Checker(root).check(root, instance)


_Rule = Callable[["_Checker", Any, object, Schema], bool]
# id(schema) -> (schema, its rules); holding the schema keeps the id from being reused
_COMPILED: dict[int, tuple[Schema, list[tuple[_Rule, Any]]]] = {}


def _rules(schema: Schema) -> list[tuple[_Rule, Any]]:
    """The keywords of one schema object that test something, looked up once."""
    entry = _COMPILED.get(id(schema))
    if entry is not None and entry[0] is schema:
        return entry[1]
    rules = []
    for keyword, value in schema.items():
        if keyword in _ANNOTATIONS or keyword.startswith("x-") or keyword in _PASSIVE:
            continue
        rule = _RULES.get(keyword)
        if rule is None:
            raise Unsupported(keyword)
        rules.append((rule, value))
    _COMPILED[id(schema)] = (schema, rules)
    return rules


class _Checker:
    def __init__(self, root: Schema) -> None:
        self.root = root

    def check(self, schema: Schema | bool, instance: object) -> bool:
        if isinstance(schema, bool):
            return schema
        for rule, value in _rules(schema):  # noqa: SIM110 (a plain loop: the hot path)
            if not rule(self, value, instance, schema):
                return False
        return True

    def ref(self, target: str) -> Schema:
        key = (id(self.root), target)
        found = _REFS.get(key)
        if found is not None and found[0] is self.root:
            return found[1]
        if not target.startswith("#/"):
            raise Unsupported(f"$ref {target}")
        node: Any = self.root
        for part in target[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        _REFS[key] = (self.root, node)
        return node


# (id(root), "$ref") -> (root, the schema it names); holding the root keeps its id
_REFS: dict[tuple[int, str], tuple[Schema, Schema]] = {}


def _is_type(instance: object, name: str) -> bool:
    if name == "string":
        return isinstance(instance, str)
    if name == "object":
        return isinstance(instance, dict)
    if name == "array":
        return isinstance(instance, list)
    if name == "boolean":
        return isinstance(instance, bool)
    if name == "null":
        return instance is None
    if isinstance(instance, bool) or not isinstance(instance, int | float):
        return False
    return name == "number" or float(instance).is_integer()


def _equal(a: object, b: object) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    return a == b


@cache
def schema_regex(pattern: str) -> re.Pattern[str]:
    """A JSON Schema pattern compiled with ECMA 262's meaning (see the module doc)."""
    return re.compile(_ecma_to_python(pattern))


def _ecma_to_python(pattern: str) -> str:
    """``$`` outside a character class as ``\\Z``; ``\\d`` as ``[0-9]``."""
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            escape = pattern[index : index + 2]
            digits = "0-9" if in_class else "[0-9]"
            out.append(digits if escape == "\\d" else escape)
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            char = "\\Z"
        out.append(char)
        index += 1
    return "".join(out)


_DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def is_real_date(text: object) -> bool:
    """``format: date``: a YYYY-MM-DD text that is a day of the calendar.  Text of
    another shape passes (the field's ``pattern`` reports it, once)."""
    if not isinstance(text, str) or not _DATE_SHAPE.fullmatch(text):
        return True
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _format(c: _Checker, value: Any, instance: object, schema: Schema) -> bool:
    if value != "date":
        raise Unsupported(f"format {value}")
    return is_real_date(instance)


def _number(instance: object) -> bool:
    return isinstance(instance, int | float) and not isinstance(instance, bool)


def _type(c: _Checker, value: Any, instance: object, schema: Schema) -> bool:
    if isinstance(value, str):
        return _is_type(instance, value)
    return any(_is_type(instance, name) for name in value)


def _properties(c: _Checker, value: Any, instance: object, schema: Schema) -> bool:
    if not isinstance(instance, dict):
        return True
    return all(c.check(sub, instance[key]) for key, sub in value.items() if key in instance)


def _additional(c: _Checker, value: Any, instance: object, schema: Schema) -> bool:
    if not isinstance(instance, dict):
        return True
    if schema.get("patternProperties"):
        raise Unsupported("patternProperties")
    known = schema.get("properties", {})
    return all(c.check(value, v) for k, v in instance.items() if k not in known)


def _required(c: _Checker, value: Any, instance: object, schema: Schema) -> bool:
    return not isinstance(instance, dict) or all(key in instance for key in value)


def _items(c: _Checker, value: Any, instance: object, schema: Schema) -> bool:
    if "prefixItems" in schema:
        raise Unsupported("prefixItems")
    return not isinstance(instance, list) or all(c.check(value, item) for item in instance)


def _unique(c: _Checker, value: Any, instance: object, schema: Schema) -> bool:
    if not value or not isinstance(instance, list):
        return True
    return not any(_equal(a, b) for i, a in enumerate(instance) for b in instance[i + 1 :])


def _if(c: _Checker, value: Any, instance: object, schema: Schema) -> bool:
    branch = "then" if c.check(value, instance) else "else"
    return branch not in schema or c.check(schema[branch], instance)


def _sized(kind: type, test: Callable[[int, Any], bool]) -> Callable[..., bool]:
    def rule(c: _Checker, value: Any, instance: object, schema: Schema) -> bool:
        return not isinstance(instance, kind) or test(len(instance), value)  # type: ignore[arg-type]

    return rule


def _bound(test: Callable[[Any, Any], bool]) -> Callable[..., bool]:
    def rule(c: _Checker, value: Any, instance: object, schema: Schema) -> bool:
        return not _number(instance) or test(instance, value)

    return rule


_PASSIVE = frozenset({"then", "else"})  # evaluated by "if"
_RULES: dict[str, Callable[..., bool]] = {
    "$ref": lambda c, v, i, s: c.check(c.ref(v), i),
    "type": _type,
    "properties": _properties,
    "additionalProperties": _additional,
    "required": _required,
    "items": _items,
    "uniqueItems": _unique,
    "if": _if,
    "allOf": lambda c, v, i, s: all(c.check(sub, i) for sub in v),
    "anyOf": lambda c, v, i, s: any(c.check(sub, i) for sub in v),
    "oneOf": lambda c, v, i, s: sum(1 for sub in v if c.check(sub, i)) == 1,
    "not": lambda c, v, i, s: not c.check(v, i),
    "enum": lambda c, v, i, s: any(_equal(i, option) for option in v),
    "const": lambda c, v, i, s: _equal(i, v),
    "pattern": lambda c, v, i, s: not isinstance(i, str) or bool(schema_regex(v).search(i)),
    "format": _format,
    "propertyNames": lambda c, v, i, s: not isinstance(i, dict) or all(c.check(v, k) for k in i),
    "minItems": _sized(list, lambda n, v: n >= v),
    "maxItems": _sized(list, lambda n, v: n <= v),
    "minLength": _sized(str, lambda n, v: n >= v),
    "maxLength": _sized(str, lambda n, v: n <= v),
    "minProperties": _sized(dict, lambda n, v: n >= v),
    "minimum": _bound(lambda i, v: i >= v),
    "maximum": _bound(lambda i, v: i <= v),
    "exclusiveMinimum": _bound(lambda i, v: i > v),
}
