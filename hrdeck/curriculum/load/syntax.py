"""Text to a YAML node tree, and every way that fails as a located diagnostic.

Documents are composed with the C parser when PyYAML has libyaml.  Absurd nesting
is refused before composing (libyaml releases without a nesting limit would
overflow the stack): a cheap count of brackets and block indicators finds text
that *might* nest too deep, and only then the parser's events are counted to find
where it really does, so brackets inside quoted text, comments and block scalars
never trip it.  A character YAML does not allow (a raw C1 control, say) is
reported at its line and column, not at a character offset.

Codes: ``yaml-syntax``, ``yaml-tab``, ``yaml-too-deep``, ``control-character``.
"""

from __future__ import annotations

import re
import unicodedata

import yaml

from hrdeck.curriculum.load.text import char_loc
from hrdeck.curriculum.sourcemap import SourceMap
from hrdeck.diagnostics import Diagnostic, Loc, error

try:
    LOADER: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    LOADER = yaml.SafeLoader

MAX_DEPTH = 100  # nesting levels; a curriculum needs about ten
_PRESCAN_DEPTH = 1000  # below this many open brackets or indicators nothing is counted
_DEEP_INDICATORS = re.compile(r"(?:[-?:][ \t]+){" + str(_PRESCAN_DEPTH) + ",}")
_BRACKETS = re.compile(r"[\[\]{}]")
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)
# what YAML 1.1 allows in a stream (PyYAML's reader refuses anything else)
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class TooDeep(Exception):
    """Nesting deeper than :data:`MAX_DEPTH` (raised by the converter too)."""

    def __init__(self, loc: Loc) -> None:
        super().__init__(loc)
        self.diagnostic = error(
            loc, "yaml-too-deep", f"the YAML is nested more than {MAX_DEPTH} levels deep"
        )


def compose(text: str, smap: SourceMap) -> tuple[yaml.Node | None, list[Diagnostic]]:
    """The node tree of ``text`` (None with the reason when there is none)."""
    too_deep = _too_deep(text, smap.file)
    if too_deep is not None:
        return None, [too_deep]
    try:
        return yaml.compose(text, Loader=LOADER), []
    except yaml.reader.ReaderError:
        return None, [_bad_character(text, smap.file)]
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_diagnostic(exc, text, smap.file)]
    except yaml.YAMLError as exc:
        return None, [error(smap.file_loc(), "yaml-syntax", f"cannot read YAML: {exc}")]


# -- nesting ----------------------------------------------------------------------------


def _too_deep(text: str, display: str) -> Diagnostic | None:
    """Where ``text`` nests deeper than MAX_DEPTH, when it nests absurdly deep."""
    if not _might_be_deep(text):
        return None
    try:
        return _deep_event(text, display, LOADER)
    except yaml.MarkedYAMLError as exc:
        if not _is_nesting_limit(exc):
            return None  # composing the text reports it
        # libyaml stopped at its own limit, scanning ahead: find the level that is
        # too deep with the Python parser (which stops there, a few hundred tokens in)
        try:
            return _deep_event(text, display, yaml.SafeLoader) or _mark_too_deep(
                exc.problem_mark, display
            )
        except yaml.YAMLError:
            return _mark_too_deep(exc.problem_mark, display)
    except yaml.YAMLError:
        return None  # composing the text reports it


def _deep_event(text: str, display: str, loader: type) -> Diagnostic | None:
    """The first collection opened deeper than MAX_DEPTH, counted on parser events."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return _mark_too_deep(event.start_mark, display)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def _might_be_deep(text: str) -> bool:
    """A cheap over-estimate: brackets counted anywhere, even inside quoted text."""
    depth = deepest = 0
    for bracket in _BRACKETS.findall(text):
        depth = depth + 1 if bracket in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest > _PRESCAN_DEPTH or _DEEP_INDICATORS.search(text) is not None


def _mark_too_deep(mark: object, display: str) -> Diagnostic:
    line, column = getattr(mark, "line", 0), getattr(mark, "column", 0)
    loc = Loc(display, line + 1, column + 1)
    return TooDeep(loc).diagnostic


def _is_nesting_limit(exc: yaml.MarkedYAMLError) -> bool:
    """libyaml's own limit (newer releases): 'exceeded maximum nesting depth'."""
    return "nesting depth" in str(exc.problem)


# -- characters YAML refuses ------------------------------------------------------------


def _bad_character(text: str, display: str) -> Diagnostic:
    found = _NOT_YAML.search(text)
    if found is None:  # the reader refused something else: say what it said
        return error(Loc(display, 1, 1), "yaml-syntax", "cannot read YAML: a character is refused")
    char = found.group()
    name = unicodedata.name(char, "a control character")
    message = f"the file holds U+{ord(char):04X} ({name}), a character YAML does not allow"
    hint = "delete it: it is invisible in most editors (text pasted from a PDF often has one)"
    return error(char_loc(text, found.start(), display), "control-character", message, hint)


# -- syntax errors ----------------------------------------------------------------------

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
    if _is_nesting_limit(exc):
        return TooDeep(Loc(display, line + 1, col + 1)).diagnostic
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
