"""A YAML node tree to plain data, filling the source map on the way.

The tree is converted by hand rather than by PyYAML's constructor, so that the same
walk records where every key, value and item came from, catches duplicate keys
(which PyYAML accepts silently), keeps dates as the strings the editor wrote and
refuses alias bombs before expanding them.

Scalars: text stays text; numbers, true/false and null are converted as YAML 1.1
says.  A value that cannot be what its tag says (``!!bool "maybe"``, ``!!int ""``,
``!!float "x"``, ``!!timestamp "x"``), binary data, and a number no field can use
(``.nan``, ``.inf``, ``1e400`` or an integer of thousands of digits) are reported
where they are written; the raw text is kept in their place, and its path is noted
in :attr:`SourceMap.reported` so the schema check does not report it again.  A tag
hrdeck does not know (``!foo``) is a warning: the value is read as text.

Codes: ``yaml-alias``, ``yaml-too-deep``, ``yaml-syntax``, ``duplicate-key``,
``yaml-tag``, ``not-a-number``, ``too-large``.
"""

from __future__ import annotations

import math

import yaml

from hrdeck.curriculum.load.syntax import MAX_DEPTH, TooDeep
from hrdeck.curriculum.sourcemap import JsonPath, SourceMap
from hrdeck.diagnostics import Diagnostic, Loc, error, warning

MAX_ALIAS_REFERENCES = 100  # '*name' uses; curricula rarely need any
MAX_EXPANDED_NODES = 100_000  # nodes after expanding aliases (billion laughs)

_TAG = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = _TAG + "str", _TAG + "map", _TAG + "seq"
_TIMESTAMP, _BINARY, _MERGE = _TAG + "timestamp", _TAG + "binary", _TAG + "merge"
_EXPECTED = {  # the tags converted to values, and what each can hold
    _TAG + "int": "a whole number",
    _TAG + "float": "a number",
    _TAG + "bool": "true or false",
    _TAG + "null": "nothing (null)",
}


class Refused(Exception):
    """Stop converting a document; the diagnostic says why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def node_loc(node: yaml.Node, display: str) -> Loc:
    mark = node.start_mark
    return Loc(display, mark.line + 1, mark.column + 1)


def short_tag(tag: str) -> str:
    """'!!int' for YAML's own tags, others as written."""
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


# -- aliases ----------------------------------------------------------------------------


def check_aliases(root: yaml.Node, display: str) -> None:
    """Refuse alias bombs and cycles by measuring the tree before expanding it."""
    sizes: dict[int, int] = {}
    visiting: set[int] = set()
    references = 0

    def refuse(node: yaml.Node, message: str) -> Refused:
        hint = "write the content out instead of repeating it with '&name' / '*name'"
        return Refused(error(node_loc(node, display), "yaml-alias", message, hint))

    def measure(node: yaml.Node, depth: int) -> int:
        nonlocal references
        key = id(node)
        if key in sizes:
            references += 1
            if references > MAX_ALIAS_REFERENCES:
                raise refuse(node, f"more than {MAX_ALIAS_REFERENCES} alias references")
            return sizes[key]
        if key in visiting:
            raise refuse(node, "an alias refers to the mapping or list that contains it")
        if depth > MAX_DEPTH:
            raise Refused(TooDeep(node_loc(node, display)).diagnostic)
        visiting.add(key)
        size = 1 + sum(measure(child, depth + 1) for child in _children(node))
        visiting.discard(key)
        if size > MAX_EXPANDED_NODES:
            raise refuse(node, f"aliases expand to more than {MAX_EXPANDED_NODES} values")
        sizes[key] = size
        return size

    measure(root, 0)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


# -- nodes to data ----------------------------------------------------------------------


class Converter:
    """Turns a measured node tree into dicts, lists and scalars, filling the map."""

    def __init__(self, smap: SourceMap) -> None:
        self.smap = smap
        self.problems: list[Diagnostic] = []
        self._yaml = yaml.SafeLoader("")  # only its resolver and scalar constructors are used

    def convert(self, node: yaml.Node, path: JsonPath) -> object:
        if len(path) > MAX_DEPTH:
            raise Refused(TooDeep(node_loc(node, self.smap.file)).diagnostic)
        self.smap.values[path] = node_loc(node, self.smap.file)
        if isinstance(node, yaml.MappingNode):
            self._collection_tag(node, _MAP)
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            self._collection_tag(node, _SEQ)
            return [self.convert(child, (*path, i)) for i, child in enumerate(node.value)]
        if node.tag == _STR:
            return node.value
        return self._scalar(node, path)

    # -- scalars ------------------------------------------------------------------------

    def _scalar(self, node: yaml.Node, path: JsonPath) -> object:
        if node.tag in _EXPECTED:
            return self._constructed(node, path)
        if node.tag == _TIMESTAMP:
            if not self._implicit(node):
                self._check_explicit_date(node, path)
            return node.value  # dates are kept as written (YYYY-MM-DD)
        if node.tag == _BINARY:
            message = "binary data (!!binary) has no place in a curriculum"
            self._refuse_value(node, path, "yaml-tag", message, "pictures belong in images/")
            return node.value
        self._unknown_tag(node)
        return node.value

    def _constructed(self, node: yaml.Node, path: JsonPath) -> object:
        try:
            value = self._yaml.construct_object(node)
        except Exception:  # PyYAML's constructors raise KeyError, IndexError, ... on bad text
            self._unconvertible(node, path)
            return node.value
        if isinstance(value, float) and not math.isfinite(value):
            self._not_finite(node, path)
            return node.value
        return value

    def _implicit(self, node: yaml.Node) -> bool:
        """Whether the node's tag is the one YAML gives its text without a tag."""
        plain = not getattr(node, "style", None)
        return plain and self._yaml.resolve(yaml.ScalarNode, node.value, (True, False)) == node.tag

    def _unconvertible(self, node: yaml.Node, path: JsonPath) -> None:
        shown = _quoted(node.value)
        digits = node.value.strip().lstrip("+-").replace("_", "")
        tag = short_tag(node.tag)
        if digits.isdigit():  # an integer too long for Python to read
            message = f"a number of {len(digits):,} digits is too large"
            code = "too-large" if self._implicit(node) else "yaml-tag"
            self._refuse_value(node, path, code, message, "write a smaller number")
            return
        message = f"{shown} cannot be read as {tag} ({_EXPECTED[node.tag]})"
        hint = f"remove the tag '{tag}' (text needs none) or write a value it can read"
        self._refuse_value(node, path, "yaml-tag", message, hint)

    def _not_finite(self, node: yaml.Node, path: JsonPath) -> None:
        shown = _quoted(node.value)
        if "nan" in node.value.lower():
            message = f"{shown} means 'not a number'; a number is needed here"
            self._refuse_value(node, path, "not-a-number", message, "write a number, e.g. 5")
        elif "inf" in node.value.lower():
            message = f"{shown} means infinity; a number hrdeck can count with is needed"
            self._refuse_value(node, path, "not-a-number", message, "write a number, e.g. 5")
        else:
            message = f"{shown} is too large a number"
            self._refuse_value(node, path, "too-large", message, "write a smaller number")

    def _check_explicit_date(self, node: yaml.Node, path: JsonPath) -> None:
        assert isinstance(node, yaml.ScalarNode)
        try:
            self._yaml.construct_yaml_timestamp(node)
        except Exception:  # AttributeError when the text is no date at all
            message = f"{_quoted(node.value)} cannot be read as !!timestamp (a date)"
            hint = "write a date as YYYY-MM-DD, e.g. 2026-11-01, without the tag"
            self._refuse_value(node, path, "yaml-tag", message, hint)

    def _refuse_value(
        self, node: yaml.Node, path: JsonPath, code: str, message: str, hint: str
    ) -> None:
        self.problems.append(error(node_loc(node, self.smap.file), code, message, hint))
        self.smap.reported.add(path)

    def _unknown_tag(self, node: yaml.Node) -> None:
        tag = short_tag(node.tag)
        message = f"hrdeck does not know the tag '{tag}'; the value is read as plain text"
        loc = node_loc(node, self.smap.file)
        self.problems.append(warning(loc, "yaml-tag", message, f"remove '{tag}'"))

    def _collection_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            tag = short_tag(node.tag)
            message = f"hrdeck does not know the tag '{tag}'; it is read as a plain collection"
            loc = node_loc(node, self.smap.file)
            self.problems.append(warning(loc, "yaml-tag", message, f"remove '{tag}'"))

    # -- mappings -----------------------------------------------------------------------

    def _mapping(self, node: yaml.MappingNode, path: JsonPath) -> dict[str, object]:
        result: dict[str, object] = {}
        first_line: dict[str, int] = {}
        merges: list[yaml.Node] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merges.append(value_node)
                continue
            key = self._key(key_node)
            key_loc = node_loc(key_node, self.smap.file)
            if key in first_line:
                self._duplicate(key, key_loc, first_line[key])
            else:
                first_line[key] = key_loc.line
            self.smap.keys[(*path, key)] = key_loc
            result[key] = self.convert(value_node, (*path, key))
        for merged in merges:
            self._merge(result, merged, path)
        return result

    def _key(self, key_node: yaml.Node) -> str:
        if isinstance(key_node, yaml.ScalarNode):
            return str(key_node.value)
        loc = node_loc(key_node, self.smap.file)
        raise Refused(error(loc, "yaml-syntax", "a key must be plain text, not a list or mapping"))

    def _duplicate(self, key: str, loc: Loc, first: int) -> None:
        message = f"'{key}' appears twice in this mapping (first on line {first})"
        hint = "YAML keeps only the last one; remove or rename one of them"
        self.problems.append(error(loc, "duplicate-key", message, hint))

    def _merge(self, result: dict[str, object], merged: yaml.Node, path: JsonPath) -> None:
        sources = merged.value if isinstance(merged, yaml.SequenceNode) else [merged]
        for source in sources:
            if not isinstance(source, yaml.MappingNode):
                loc = node_loc(source, self.smap.file)
                raise Refused(error(loc, "yaml-syntax", "'<<' must merge a mapping"))
            for key_node, value_node in source.value:
                key = self._key(key_node)
                if key not in result:
                    self.smap.keys[(*path, key)] = node_loc(key_node, self.smap.file)
                    result[key] = self.convert(value_node, (*path, key))


def _quoted(value: str) -> str:
    """A scalar as a message quotes it ('' for an empty one)."""
    return f"'{value}'" if value else "an empty value"
