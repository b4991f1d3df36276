"""Safe YAML reading with a source map, and the curriculum folder walk.

Every bad input becomes a :class:`~hrdeck.diagnostics.Diagnostic` with a stable code,
never a traceback.  Documents are composed into PyYAML nodes (the C parser when
available) and converted to plain Python data by hand, so that the same walk can
record where every key, value and item came from, catch duplicate keys (which
PyYAML accepts silently), keep dates as the strings the editor wrote, and refuse
alias bombs before expanding them.

Codes: ``file-too-large``, ``read-error``, ``binary-file``, ``encoding``,
``empty-file``, ``yaml-syntax``, ``yaml-tab``, ``yaml-alias``, ``yaml-too-deep``,
``duplicate-key``, ``not-a-mapping``, ``missing-file``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from hrdeck.curriculum.listing import file_problem, list_yaml
from hrdeck.curriculum.sourcemap import JsonPath, SourceMap
from hrdeck.diagnostics import Diagnostic, Loc, error
from hrdeck.paths import builtin_label

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 1024 * 1024  # 1 MiB: a module is a few KiB; more is a mistake
MAX_ALIAS_REFERENCES = 100  # '*name' uses; curricula rarely need any
MAX_EXPANDED_NODES = 100_000  # nodes after expanding aliases (billion laughs)
MAX_DEPTH = 100  # nesting levels; a curriculum needs about ten
_PRESCAN_DEPTH = 1000  # libyaml crashes on nesting far deeper than this: refuse first

_TAG = "tag:yaml.org,2002:"
_CONSTRUCTED_TAGS = {_TAG + "int", _TAG + "float", _TAG + "bool", _TAG + "null"}
_MERGE_TAG = _TAG + "merge"
_DEEP_INDICATORS = re.compile(r"(?:[-?:][ \t]+){" + str(_PRESCAN_DEPTH) + ",}")
_BRACKETS = re.compile(r"[\[\]{}]")
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)


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


DocumentReader = Callable[[Path, "Path | None"], "tuple[Document, list[Diagnostic]]"]


class _Refused(Exception):
    """Internal: stop converting a document; the diagnostic says why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


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
        raw = _read_limited(path)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return None, smap, [error(smap.file_loc(), "read-error", f"cannot read file: {reason}")]
    text, problem = _decode(raw, display)
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
    too_deep = _prescan_depth(text, smap.file)
    if too_deep is not None:
        return None, smap, [too_deep]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, smap, [_syntax_diagnostic(exc, text, smap.file)]
    except yaml.YAMLError as exc:
        return None, smap, [error(loc, "yaml-syntax", f"cannot read YAML: {exc}")]
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "null"):
        return None, smap, [error(loc, "empty-file", "the file holds no content, only comments")]
    return _convert_document(node, smap, may_alias="&" in text)


def _read_limited(path: Path) -> bytes | None:
    """The file's bytes, or ``None`` when it is larger than the limit."""
    with path.open("rb") as handle:
        raw = handle.read(MAX_FILE_BYTES + 1)
    return None if len(raw) > MAX_FILE_BYTES else raw


def _decode(raw: bytes | None, display: str) -> tuple[str | None, Diagnostic | None]:
    loc = Loc(display, 1, 1)
    if raw is None:
        limit = f"{MAX_FILE_BYTES // 1024 // 1024} MiB"
        message = f"the file is larger than {limit}, the limit for a curriculum file"
        hint = "split it into several modules; images belong in images/, not in YAML"
        return None, error(loc, "file-too-large", message, hint)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        hint = "save the file as UTF-8"
        return None, error(loc, "encoding", "the file is UTF-16 text, not UTF-8", hint)
    nul = raw.find(b"\x00")
    if nul >= 0:
        message = f"this is not a text file (a NUL byte at offset {nul})"
        return None, error(_byte_loc(raw, nul, display), "binary-file", message)
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        byte = raw[exc.start]
        message = f"the file is not UTF-8: byte 0x{byte:02X} at offset {exc.start} is invalid"
        hint = "save the file as UTF-8 (in most editors: Save with Encoding > UTF-8)"
        return None, error(_byte_loc(raw, exc.start, display), "encoding", message, hint)


def _byte_loc(raw: bytes, offset: int, display: str) -> Loc:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    col = len(raw[line_start:offset].decode("utf-8", "replace")) + 1
    return Loc(display, line, col)


def _prescan_depth(text: str, display: str) -> Diagnostic | None:
    """Refuse absurd nesting before libyaml sees it (it would crash, not fail)."""
    depth = deepest = 0
    for bracket in _BRACKETS.findall(text):
        depth = depth + 1 if bracket in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    if deepest <= _PRESCAN_DEPTH and not _DEEP_INDICATORS.search(text):
        return None
    message = f"the YAML is nested more than {MAX_DEPTH} levels deep"
    return error(Loc(display, 1, 1), "yaml-too-deep", message)


# -- YAML syntax errors ----------------------------------------------------------

_SYNTAX_HINTS = (
    ("mapping values are not allowed", "text containing ': ' must be put in quotes"),
    ("could not find expected ':'", "check the indentation of this line and the one above"),
    ("did not find expected key", "check the indentation: items of one list line up"),
    ("did not find expected '-'", "check the indentation: items of one list line up"),
    ("found undefined alias", "an '*name' must refer to an '&name' defined above it"),
    ("but found another document", "a file holds one document: remove the extra '---'"),
    ("cannot start any token", "text starting with ` @ % or | must be put in quotes"),
    ("found unexpected end of stream", "a quote or bracket is not closed"),
)


def _syntax_diagnostic(exc: yaml.MarkedYAMLError, text: str, display: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line, mark.column) if mark is not None else (0, 0)
    tab = _tab_at_or_before(text, line, col)
    if tab is not None:
        hint = "YAML indentation must use spaces; replace the tab with spaces"
        return error(Loc(display, *tab), "yaml-tab", "a tab is used for indentation", hint)
    problem = exc.problem or "malformed YAML"
    context = f" ({exc.context})" if exc.context else ""
    default = "check indentation (spaces only) and quote text that has special characters"
    hint = next((h for key, h in _SYNTAX_HINTS if key in problem), default)
    message = f"cannot read YAML: {problem}{context}"
    return error(Loc(display, line + 1, col + 1), "yaml-syntax", message, hint)


def _tab_at_or_before(text: str, line: int, col: int) -> tuple[int, int] | None:
    """1-based (line, col) of the tab that caused a parse error, if a tab did."""
    lines = text.splitlines()
    if line < len(lines) and col < len(lines[line]) and lines[line][col] == "\t":
        return line + 1, col + 1
    for match in _TAB_INDENT.finditer(text):
        tab_line = text.count("\n", 0, match.start()) + 1
        if tab_line > line + 1:
            break
        return tab_line, match.end() - match.start()
    return None


# -- node tree -> data -------------------------------------------------------


def _convert_document(
    node: yaml.Node, smap: SourceMap, may_alias: bool = True
) -> tuple[object | None, SourceMap, list[Diagnostic]]:
    """Data from a node tree; aliases need an '&anchor', so without one the
    alias measurement is skipped (the converter still limits depth)."""
    try:
        if may_alias:
            _check_aliases(node, smap.file)
        converter = _Converter(smap)
        data = converter.convert(node, ())
    except _Refused as refused:
        return None, smap, [refused.diagnostic]
    if not isinstance(data, dict):
        found = _describe_node(node)
        message = f"the file must be a mapping of 'field: value' lines, found {found}"
        return None, smap, [error(smap.value(()), "not-a-mapping", message), *converter.problems]
    return data, smap, converter.problems


def _describe_node(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return "a single value"


def _node_loc(node: yaml.Node, display: str) -> Loc:
    mark = node.start_mark
    return Loc(display, mark.line + 1, mark.column + 1)


def _check_aliases(root: yaml.Node, display: str) -> None:
    """Refuse alias bombs and cycles by measuring the tree before expanding it."""
    sizes: dict[int, int] = {}
    visiting: set[int] = set()
    references = 0

    def refuse(node: yaml.Node, message: str) -> _Refused:
        hint = "write the content out instead of repeating it with '&name' / '*name'"
        return _Refused(error(_node_loc(node, display), "yaml-alias", message, hint))

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
            raise _too_deep(node, display)
        visiting.add(key)
        size = 1 + sum(measure(child, depth + 1) for child in _children(node))
        visiting.discard(key)
        if size > MAX_EXPANDED_NODES:
            raise refuse(node, f"aliases expand to more than {MAX_EXPANDED_NODES} values")
        sizes[key] = size
        return size

    measure(root, 0)


def _too_deep(node: yaml.Node, display: str) -> _Refused:
    message = f"the YAML is nested more than {MAX_DEPTH} levels deep"
    return _Refused(error(_node_loc(node, display), "yaml-too-deep", message))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


class _Converter:
    """Turns a measured node tree into dicts, lists and scalars, filling the map."""

    def __init__(self, smap: SourceMap) -> None:
        self.smap = smap
        self.problems: list[Diagnostic] = []
        self._constructor = yaml.SafeLoader("")  # only its scalar constructors are used

    def convert(self, node: yaml.Node, path: JsonPath) -> object:
        if len(path) > MAX_DEPTH:
            raise _too_deep(node, self.smap.file)
        self.smap.values[path] = _node_loc(node, self.smap.file)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(child, (*path, i)) for i, child in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> object:
        if node.tag in _CONSTRUCTED_TAGS:
            try:
                return self._constructor.construct_object(node)
            except (yaml.YAMLError, ValueError):
                return node.value
        return node.value  # strings, and dates kept as written (YYYY-MM-DD)

    def _mapping(self, node: yaml.MappingNode, path: JsonPath) -> dict[str, object]:
        result: dict[str, object] = {}
        first_line: dict[str, int] = {}
        merges: list[yaml.Node] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                merges.append(value_node)
                continue
            key = self._key(key_node)
            key_loc = _node_loc(key_node, self.smap.file)
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
        loc = _node_loc(key_node, self.smap.file)
        raise _Refused(error(loc, "yaml-syntax", "a key must be plain text, not a list or mapping"))

    def _duplicate(self, key: str, loc: Loc, first: int) -> None:
        message = f"'{key}' appears twice in this mapping (first on line {first})"
        hint = "YAML keeps only the last one; remove or rename one of them"
        self.problems.append(error(loc, "duplicate-key", message, hint))

    def _merge(self, result: dict[str, object], merged: yaml.Node, path: JsonPath) -> None:
        sources = merged.value if isinstance(merged, yaml.SequenceNode) else [merged]
        for source in sources:
            if not isinstance(source, yaml.MappingNode):
                loc = _node_loc(source, self.smap.file)
                raise _Refused(error(loc, "yaml-syntax", "'<<' must merge a mapping"))
            for key_node, value_node in source.value:
                key = self._key(key_node)
                if key not in result:
                    self.smap.keys[(*path, key)] = _node_loc(key_node, self.smap.file)
                    result[key] = self.convert(value_node, (*path, key))


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
    course_path = root / "course.yaml"
    course_problem = _course_problem(course_path, _shown(tree, "course.yaml"))
    if course_problem is None:
        tree.course, found = read(course_path, display_base)
        problems += found
    else:
        problems.append(course_problem)
    folders = (("audiences", tree.audiences), ("modules", tree.modules))
    for folder, documents in (*folders, ("questions", tree.questions)):
        paths, found = list_yaml(root / folder, _shown(tree, folder))
        problems += found
        for path in paths:
            document, found = read(path, display_base)
            documents.append(document)
            problems += found
    return tree, problems


def _shown(tree: LoadedTree, name: str) -> str:
    """How diagnostics name ``name`` in the tree's folder (without resolving links,
    which raises on a loop)."""
    return (Path(tree.display_root) / name).as_posix()


def _course_problem(course_path: Path, shown: str) -> Diagnostic | None:
    """None when course.yaml can be read; else why not (missing-file, read-error, ...)."""
    where = Loc(shown, 1, 1)
    try:
        os.lstat(course_path)
    except FileNotFoundError:
        hint = "a curriculum folder holds course.yaml, audiences/ and modules/"
        return error(where, "missing-file", "course.yaml is missing", hint)
    except OSError as exc:
        return error(where, "read-error", f"cannot read file: {exc.strerror or exc}")
    return file_problem(course_path, where)
