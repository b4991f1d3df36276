"""Inline Markdown in curriculum text -> deck-plan runs and paragraphs.

Text goes through markdown-it-py (CommonMark, linkify off) into tokens, and each
token type has one small render function (the ``_INLINE`` and ``_BLOCK`` dispatch
tables).  What a slide cannot show (images, headings, tables, raw HTML, block
quotes, code blocks, strikethrough, rules) is reported as an ``unsupported-markup``
warning at the YAML location and degraded to its plain text; nothing is dropped
silently.  Strikethrough and tables are switched on in the parser only so that they
are recognised and reported instead of leaking ``~~`` and ``|`` onto a slide.  A link
to anything but a web, mail or phone address keeps its text but no hyperlink
(:func:`hrdeck.curriculum.links.is_safe_link`; validation warns of it).  A token too
long for a line is shortened or given break points (:mod:`hrdeck.plan.tokens`).

Text without any Markdown syntax skips the parser, simple inline Markdown and plain
paragraphs are read by fast paths that property tests hold equal to markdown-it (which
is then not even imported), and parses are cached, so a deck of a thousand slides
plans in a fraction of a second.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from hrdeck.curriculum.links import is_safe_link
from hrdeck.diagnostics import NOWHERE, Diagnostic, Loc, warning
from hrdeck.plan.tokens import breakable_paras, breakable_runs, breakable_text
from hrdeck.richtext import Para, Run

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """The markdown-it parser, made on first use (text the fast paths read never needs it)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"linkify": False, "html": True}).enable(
        ["strikethrough", "table"]
    )


_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]<>!&~\n\r]")
_BLOCK_START = re.compile(r"^\s*(?:[#>=|+<`~*-]|\d+[.)]|\s{4})")

CODE = "unsupported-markup"


@dataclass
class _Style:
    """Inline formatting in force while walking inline tokens."""

    bold: int = 0
    italic: int = 0
    code: bool = False
    links: list[str] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def emit(self, text: str, *, code: bool = False) -> None:
        if not text:
            return
        link = (self.links[-1] or None) if self.links else None
        self.runs.append(Run(text, self.bold > 0, self.italic > 0, code, link))

    def problem(self, what: str) -> None:
        if what not in self.problems:
            self.problems.append(what)


def _text(style: _Style, token: Token) -> None:
    style.emit(token.content)


def _space(style: _Style, token: Token) -> None:
    style.emit(" ")


def _strong(delta: int) -> Callable[[_Style, Token], None]:
    def render(style: _Style, token: Token) -> None:
        style.bold += delta

    return render


def _em(delta: int) -> Callable[[_Style, Token], None]:
    def render(style: _Style, token: Token) -> None:
        style.italic += delta

    return render


def _link_open(style: _Style, token: Token) -> None:
    href = str(token.attrs.get("href", ""))
    style.links.append(href if is_safe_link(href) else "")  # validation warns of the others


def _link_close(style: _Style, token: Token) -> None:
    if style.links:
        style.links.pop()


def _code_inline(style: _Style, token: Token) -> None:
    style.emit(token.content, code=True)


def _image(style: _Style, token: Token) -> None:
    style.problem("image")
    style.emit(token.content)


def _html_inline(style: _Style, token: Token) -> None:
    style.problem("inline HTML")
    style.emit(token.content)  # as written: often a placeholder such as <name>


def _strikethrough(style: _Style, token: Token) -> None:
    style.problem("strikethrough")


_INLINE: dict[str, Callable[[_Style, Token], None]] = {
    "text": _text,
    "softbreak": _space,
    "hardbreak": _space,
    "strong_open": _strong(1),
    "strong_close": _strong(-1),
    "em_open": _em(1),
    "em_close": _em(-1),
    "link_open": _link_open,
    "link_close": _link_close,
    "code_inline": _code_inline,
    "image": _image,
    "html_inline": _html_inline,
    "s_open": _strikethrough,
    "s_close": _strikethrough,
}


def _render_inline(children: list[Token], style: _Style) -> None:
    for token in children:
        render = _INLINE.get(token.type)
        if render is None:
            style.problem(token.type)
            style.emit(token.content)
        else:
            render(style, token)


def _merge(runs: list[Run]) -> tuple[Run, ...]:
    """Join neighbouring runs with the same formatting."""
    merged: list[Run] = []
    for run in runs:
        last = merged[-1] if merged else None
        if last and (last.bold, last.italic, last.code, last.link) == (
            run.bold,
            run.italic,
            run.code,
            run.link,
        ):
            merged[-1] = Run(last.text + run.text, run.bold, run.italic, run.code, run.link)
        else:
            merged.append(run)
    return tuple(merged)


# --- a fast path for the simple inline Markdown most curriculum text uses ------------
#
# markdown-it costs ~0.1 ms a call, mostly fixed; a big deck has thousands of strings.
# Text made only of plain words, **bold**, *italic*, `code` and [links](url), each
# standing between spaces or simple punctuation, is read here instead.  Anything else
# (nesting, underscores, escapes, entities, brackets out of place, a delimiter touching
# a word) returns None and goes to markdown-it.  A property test checks that both
# always agree on the text this accepts.

_PLAIN = r"[^\\`*_\[\]<>!&~\n\r]"
_EDGE = r"[^\s\\`*_\[\]<>!&~]"  # first/last character inside a delimiter: no space
_INNER = rf"{_EDGE}(?:{_PLAIN}*{_EDGE})?"
_FAST_TOKEN = re.compile(
    rf"(?P<text>{_PLAIN}+)"
    rf"|\*\*(?P<bold>{_INNER})\*\*"
    rf"|\*(?P<italic>{_INNER})\*"
    r"|(?<!`)`(?P<code>[^`\s](?:[^`\n\r]*[^`\s])?)`(?!`)"
    rf"|\[(?P<label>{_INNER})\]\((?P<url>[^\s()<>\\`&]+)\)"
)
_OPEN_AFTER = frozenset(" (")  # emphasis may open after these (or at the start)
_CLOSE_BEFORE = frozenset(" .,;:?)")  # and close before these (or at the end)


# web and mail addresses that markdown-it's normalizeLink (~13 us) leaves as written
_PLAIN_URL = re.compile(
    r"https?://[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})*(?:/[A-Za-z0-9._~/-]*)?"
    r"(?:\?[A-Za-z0-9._~=+-]*)?(?:#[A-Za-z0-9._~-]*)?"
    r"|mailto:[A-Za-z0-9._+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+"
)


_PLAIN_URL_MAX = 250  # mdurl drops host names over 255 characters


def _href(url: str) -> str:
    """The href markdown-it makes of a link destination (a test checks the shortcut)."""
    plain_url = len(url) <= _PLAIN_URL_MAX and _PLAIN_URL.fullmatch(url)
    return url if plain_url else markdown_parser().normalizeLink(url)


def _fast_inline(text: str) -> tuple[Run, ...] | None:
    """Runs for simple inline Markdown, exactly as markdown-it gives them; else None."""
    runs: list[Run] = []
    position = 0
    while position < len(text):
        match = _FAST_TOKEN.match(text, position)
        if match is None:
            return None
        kind = match.lastgroup
        end = match.end()
        if kind in ("bold", "italic") and not (
            (position == 0 or text[position - 1] in _OPEN_AFTER)
            and (end == len(text) or text[end] in _CLOSE_BEFORE)
        ):
            return None
        if kind == "text":
            runs.append(Run(match.group("text")))
        elif kind == "bold":
            runs.append(Run(match.group("bold"), bold=True))
        elif kind == "italic":
            runs.append(Run(match.group("italic"), italic=True))
        elif kind == "code":
            runs.append(Run(match.group("code"), code=True))
        else:
            url = _href(match.group("url"))
            if not is_safe_link(url):
                return None  # markdown-it's path shows it as plain text
            if not (_PLAIN_URL.fullmatch(url) or markdown_parser().validateLink(url)):
                return None
            runs.append(Run(match.group("label"), link=url))
        position = end
    return _merge(runs)


def _inline_runs(text: str) -> tuple[tuple[Run, ...], tuple[str, ...]]:
    if not _INLINE_SYNTAX.search(text):
        return ((Run(text),) if text else ()), ()
    fast = _fast_inline(text)
    if fast is not None:
        return fast, ()
    return _parsed_inline(text)


def _parsed_inline(text: str) -> tuple[tuple[Run, ...], tuple[str, ...]]:
    """Runs and problems from markdown-it (the reference for :func:`_fast_inline`)."""
    style = _Style()
    for token in markdown_parser().parseInline(text):
        _render_inline(token.children or [], style)
    return _merge(style.runs), tuple(style.problems)


def _report(problems: tuple[str, ...], loc: Loc, diagnostics: list[Diagnostic] | None) -> None:
    if diagnostics is None:
        return
    for what in problems:
        diagnostics.append(
            warning(
                loc,
                CODE,
                f"{what} cannot be shown on a slide; it is shown as plain text",
                "use only **bold**, *italic*, `code`, [links](https://...) and - bullet lists",
            )
        )


def parse_inline(
    text: str, loc: Loc = NOWHERE, diagnostics: list[Diagnostic] | None = None
) -> tuple[Run, ...]:
    """Parse one line of inline Markdown (no block syntax) into runs."""
    runs, problems = _inline_runs(" ".join(text.split()) if "\n" in text else text.strip())
    _report(problems, loc, diagnostics)
    return breakable_runs(runs)


def plain(text: str) -> str:
    """The visible text of inline Markdown, for titles and labels."""
    return breakable_text("".join(run.text for run in _inline_runs(text.strip())[0]))


# --- block level ---------------------------------------------------------------------


@dataclass
class _Blocks:
    """State while walking block tokens."""

    paras: list[Para] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    lists: list[list[int]] = field(default_factory=list)  # [next number] or [] per list
    row: list[tuple[Run, ...]] | None = None
    item_start: bool = False  # the next paragraph is the first of a list item

    def problem(self, what: str) -> None:
        if what not in self.problems:
            self.problems.append(what)

    @property
    def level(self) -> int:
        return len(self.lists)


def _inline_para(state: _Blocks, token: Token) -> None:
    style = _Style()
    _render_inline(token.children or [], style)
    for what in style.problems:
        state.problem(what)
    runs = _merge(style.runs)
    if state.row is not None:
        state.row.append(runs)
        return
    numbered = state.lists[-1] if state.lists else []
    if numbered and state.item_start:
        runs = (Run(f"{numbered[0]}. "), *runs)
        numbered[0] += 1
    state.item_start = False
    if runs:
        state.paras.append(Para(_merge(list(runs)), state.level))


def _list_open(ordered: bool) -> Callable[[_Blocks, Token], None]:
    def render(state: _Blocks, token: Token) -> None:
        start = int(token.attrs.get("start", 1) or 1) if ordered else 0
        state.lists.append([start] if ordered else [])

    return render


def _list_close(state: _Blocks, token: Token) -> None:
    state.lists.pop()


def _item_open(state: _Blocks, token: Token) -> None:
    state.item_start = True


def _ignore(state: _Blocks, token: Token) -> None:
    return None


def _unsupported(what: str) -> Callable[[_Blocks, Token], None]:
    def render(state: _Blocks, token: Token) -> None:
        state.problem(what)

    return render


def _code_block(state: _Blocks, token: Token) -> None:
    state.problem("code block")
    for line in token.content.splitlines():
        if line.strip():
            state.paras.append(Para((Run(line),), state.level))


def _html_block(state: _Blocks, token: Token) -> None:
    state.problem("HTML")
    text = re.sub(r"<[^>]*>", " ", token.content)  # tags only; the words stay
    words = " ".join(text.split())
    if words:
        state.paras.append(Para((Run(words),), state.level))


def _table_open(state: _Blocks, token: Token) -> None:
    state.problem("table")


def _row_open(state: _Blocks, token: Token) -> None:
    state.row = []


def _row_close(state: _Blocks, token: Token) -> None:
    cells, state.row = state.row or [], None
    runs: list[Run] = []
    for index, cell in enumerate(cells):
        if index:
            runs.append(Run(" | "))
        runs.extend(cell)
    if runs:
        state.paras.append(Para(_merge(runs), state.level))


_BLOCK: dict[str, Callable[[_Blocks, Token], None]] = {
    "inline": _inline_para,
    "paragraph_open": _ignore,
    "paragraph_close": _ignore,
    "bullet_list_open": _list_open(False),
    "ordered_list_open": _list_open(True),
    "bullet_list_close": _list_close,
    "ordered_list_close": _list_close,
    "list_item_open": _item_open,
    "list_item_close": _ignore,
    "heading_open": _unsupported("heading"),
    "heading_close": _ignore,
    "blockquote_open": _unsupported("block quote"),
    "blockquote_close": _ignore,
    "hr": _unsupported("horizontal rule"),
    "code_block": _code_block,
    "fence": _code_block,
    "html_block": _html_block,
    "table_open": _table_open,
    "tr_open": _row_open,
    "tr_close": _row_close,
}


def _block_paras(text: str) -> tuple[tuple[Para, ...], tuple[str, ...]]:
    if "\n" not in text and not _BLOCK_START.match(text):
        runs, problems = _inline_runs(text)
        return ((Para(runs),) if runs else ()), problems
    fast = _fast_paragraphs(text)
    if fast is not None:
        return fast, ()
    return _parsed_blocks(text)


# a line that could start or underline a block (anything but a paragraph line); a line
# may start with **bold**, which is no list marker
_LINE_BLOCK = re.compile(r"^(?:[#>=|+<`~_-]|\*(?:\s|$)|\d+[.)]|\s)|^([*_-])(?:\s*\1){2,}\s*$")


def _fast_paragraphs(text: str) -> tuple[Para, ...] | None:
    """Plain paragraphs and flat "- " bullet lists (lines without other block syntax or
    edge spaces) whose inline text the fast path reads; None for anything else.  Lines
    of a paragraph or item join with spaces, as markdown-it's soft breaks render; items
    are level 1.  A property test checks it against markdown-it."""
    if "|" in text or "\r" in text:
        return None
    paras: list[Para] = []
    lines: list[str] = []
    level = 0
    for line in [*text.split("\n"), ""]:
        if not line.strip():
            if lines and not _flush(lines, level, paras):
                return None
            lines = []
            continue
        item = line.startswith("- ")
        body = line[2:] if item else line
        if body != body.strip() or line != line.strip() or _LINE_BLOCK.match(body):
            return None
        if item or not lines:
            if lines and not _flush(lines, level, paras):
                return None
            lines, level = [], 1 if item else 0
        lines.append(body)
    return tuple(paras)


def _flush(lines: list[str], level: int, paras: list[Para]) -> bool:
    """Add the paragraph made of `lines`; False when its inline text needs markdown-it."""
    joined = " ".join(lines)
    runs = (Run(joined),) if not _INLINE_SYNTAX.search(joined) else _fast_inline(joined)
    if runs is None:
        return False
    paras.append(Para(runs, level))
    return True


def _parsed_blocks(text: str) -> tuple[tuple[Para, ...], tuple[str, ...]]:
    """Paragraphs and problems from markdown-it (the reference for the fast paths)."""
    state = _Blocks()
    for token in markdown_parser().parse(text):
        _BLOCK.get(token.type, _ignore)(state, token)
    return tuple(state.paras), tuple(state.problems)


def parse_blocks(
    text: str, loc: Loc = NOWHERE, diagnostics: list[Diagnostic] | None = None
) -> tuple[Para, ...]:
    """Parse paragraphs and bullet lists.

    Paragraphs are level 0; items of a top-level list are level 1 and nested lists go
    one level deeper each; numbered items keep their number as text.
    """
    paras, problems = _block_paras(text.lstrip("\n").rstrip())
    _report(problems, loc, diagnostics)
    return breakable_paras(paras)
