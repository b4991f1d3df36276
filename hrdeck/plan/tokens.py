"""Tokens longer than a line: web addresses shortened, anything else given break points.

A slide wraps text at spaces.  A run of characters with no space in it (a long web
address, a DNA sequence, a file path) that is longer than a line has nowhere to
break, so PowerPoint lets it run past the edge of its box, and the fitting could not
split it onto continuation slides either.  After Markdown is read, every such token
of more than :data:`LONG_TOKEN` characters is made breakable:

* a web address (``http://`` or ``https://``) is shown short, its host and the start
  and end of its path around an ellipsis (``example.org/reports/2024/a…final.pdf``),
  and the full address stays the link (only web, mail and phone addresses are
  linked: :func:`hrdeck.curriculum.links.is_safe_link`);
* any other token gets a zero-width space every :data:`TOKEN_PIECE` characters:
  invisible, but a place where PowerPoint, LibreOffice and the fitting
  (:data:`hrdeck.textfit.metrics.WORD_BREAKS`) may break the line.

Text without a long token is returned as it was, at the cost of one regex search.
"""

from __future__ import annotations

import re

from hrdeck.curriculum.links import is_safe_link
from hrdeck.richtext import Para, Run

LONG_TOKEN = 60  # characters without a break point: about half a line at 18 pt
TOKEN_PIECE = 20  # a break point every this many characters of a long token
URL_SHOWN = 48  # characters of a long web address that are shown
ZERO_WIDTH_SPACE = "\u200b"

_LONG = re.compile(rf"[^\s{ZERO_WIDTH_SPACE}]{{{LONG_TOKEN + 1},}}")
_URL = re.compile(r"https?://", re.IGNORECASE)
_TRAILING = ".,;:!?)]}'\""  # punctuation after an address, not part of it


def breakable_paras(paras: tuple[Para, ...]) -> tuple[Para, ...]:
    """``paras`` with every long token shortened or given break points."""
    if not any(_LONG.search(run.text) for para in paras for run in para.runs):
        return paras
    return tuple(Para(breakable_runs(para.runs), para.level) for para in paras)


def breakable_runs(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """``runs`` with every long token shortened (a web address) or given break points."""
    if not any(_LONG.search(run.text) for run in runs):
        return runs
    return tuple(part for run in runs for part in _run_parts(run))


def breakable_text(text: str) -> str:
    """Plain text (a title, a label) with break points in its long tokens."""
    return _LONG.sub(lambda m: _with_breaks(m.group()), text) if _LONG.search(text) else text


def _run_parts(run: Run) -> list[Run]:
    """One run as runs: text between long tokens as it was, each long token changed."""
    parts: list[Run] = []
    position = 0
    for match in _LONG.finditer(run.text):
        if match.start() > position:
            parts.append(_like(run, run.text[position : match.start()]))
        parts += _token_runs(run, match.group())
        position = match.end()
    if position < len(run.text):
        parts.append(_like(run, run.text[position:]))
    return parts


def _token_runs(run: Run, token: str) -> list[Run]:
    found = _URL.search(token)
    if found is None or run.code:
        return [_like(run, _with_breaks(token))]
    before, address = token[: found.start()], token[found.start() :]
    kept = address.rstrip(_TRAILING)
    after = address[len(kept) :]
    link = run.link or (kept if is_safe_link(kept) else None)
    shown = Run(elided_address(kept), run.bold, run.italic, run.code, link)
    return [_like(run, _with_breaks(part)) for part in (before,) if part] + [
        shown,
        *([_like(run, after)] if after else []),
    ]


def elided_address(url: str) -> str:
    """A long web address as shown on a slide: no scheme, the middle left out."""
    rest = url.split("://", 1)[-1]
    if len(rest) <= URL_SHOWN:
        return rest
    tail = URL_SHOWN // 4
    head = URL_SHOWN - tail - 1
    return _with_breaks(rest[:head]) + "…" + rest[-tail:]


def _with_breaks(token: str) -> str:
    pieces = [token[i : i + TOKEN_PIECE] for i in range(0, len(token), TOKEN_PIECE)]
    return ZERO_WIDTH_SPACE.join(pieces)


def _like(run: Run, text: str) -> Run:
    return Run(text, run.bold, run.italic, run.code, run.link)
