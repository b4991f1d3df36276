"""Font metrics and line wrapping: how wide text is and how many lines it takes.

hrdeck fits text at build time (PowerPoint ignores autofit flags until someone edits
the text), so it needs the real advance widths of the fonts a theme names.  Fonts are
not shipped; compact width tables are (``hrdeck/textfit/fontdata/*.json``, generated from
metric-compatible open fonts by ``tools/make_font_metrics.py``):

  calibri  Calibri, measured from Carlito (same widths)
  arial    Arial / Helvetica, measured from Liberation Sans (same widths)
  times    Times New Roman, measured from Liberation Serif (same widths)
  verdana  Verdana / Tahoma, approximated by DejaVu Sans, scaled up a little

Other fonts use the closest table (serif or sans), made a little wider so an estimate
errs towards smaller text rather than overflow; :func:`metrics_for` says whether the
match was exact so the caller can warn once.

Wrapping follows PowerPoint and LibreOffice: lines break at spaces (and at a zero-width
space, :data:`WORD_BREAKS`); a word longer than a line breaks between characters.
Kerning is ignored (it only narrows text).  Words are read lazily and
:func:`line_breaks` can stop after a number of lines, so asking whether a long text
fits a box costs the lines the box holds, not the length of the text.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources

MONO_EM = 0.55  # Consolas advance width, used for code runs
WORD_BREAKS = " \n\t\u200b"  # where a line may break: spaces, and the zero-width space
WORD = re.compile(f"[^{WORD_BREAKS}]+")

# name (casefolded) -> (table, scale): fonts with a table, or one close enough.
KNOWN: Mapping[str, tuple[str, float]] = {
    "calibri": ("calibri", 1.0),
    "carlito": ("calibri", 1.0),
    "calibri light": ("calibri", 1.0),
    "aptos": ("calibri", 1.08),
    "segoe ui": ("arial", 1.02),
    "arial": ("arial", 1.0),
    "helvetica": ("arial", 1.0),
    "helvetica neue": ("arial", 1.02),
    "liberation sans": ("arial", 1.0),
    "arimo": ("arial", 1.0),
    "open sans": ("arial", 1.05),
    "times new roman": ("times", 1.0),
    "times": ("times", 1.0),
    "liberation serif": ("times", 1.0),
    "tinos": ("times", 1.0),
    "cambria": ("times", 1.1),
    "caladea": ("times", 1.1),
    "georgia": ("times", 1.15),
    "verdana": ("verdana", 1.03),
    "tahoma": ("verdana", 0.95),
    "dejavu sans": ("verdana", 1.0),
    "trebuchet ms": ("arial", 1.02),
    "gill sans mt": ("arial", 1.0),
    "century gothic": ("verdana", 1.03),
}
SERIF_HINTS = ("serif", "times", "roman", "garamond", "georgia", "book", "palatino", "cambria")
UNKNOWN_SCALE = 1.08


@dataclass(frozen=True)
class FontMetrics:
    """Advance widths in ems for one family (regular and bold), and its line height."""

    family: str
    line_height: float  # single line spacing, in ems
    regular: Mapping[str, float]
    bold: Mapping[str, float]
    default: float  # width in ems of a character missing from the table
    scale: float = 1.0

    def char_em(self, char: str, bold: bool = False) -> float:
        table = self.bold if bold else self.regular
        found = table.get(char)
        if found is not None:
            return found * self.scale
        if unicodedata.east_asian_width(char) in ("W", "F"):
            return 1.0
        return 0.0 if unicodedata.category(char) in ("Mn", "Me", "Cf") else self.default

    def width(self, text: str, size_pt: float, bold: bool = False) -> float:
        """Width of `text` in points at `size_pt`."""
        return sum(self.char_em(c, bold) for c in text) * size_pt


@dataclass(frozen=True)
class Piece:
    """A stretch of a paragraph in one face: text, bold, monospace."""

    text: str
    bold: bool = False
    mono: bool = False


def metrics_for(font: str) -> tuple[FontMetrics, bool]:
    """The metrics for `font`, and whether they are its own (False: a stand-in)."""
    name = " ".join(font.casefold().split())
    known = KNOWN.get(name)
    if known is not None:
        return _scaled(*known), True
    serif = any(hint in name for hint in SERIF_HINTS) and "sans" not in name
    return _scaled("times" if serif else "arial", UNKNOWN_SCALE), False


@functools.lru_cache(maxsize=32)
def _scaled(table: str, scale: float) -> FontMetrics:
    base = load_table(table)
    return FontMetrics(base.family, base.line_height, base.regular, base.bold, base.default, scale)


@functools.lru_cache(maxsize=8)
def load_table(name: str) -> FontMetrics:
    """One shipped table (``hrdeck/textfit/fontdata/<name>.json``) in ems."""
    text = resources.files("hrdeck.textfit").joinpath("fontdata", f"{name}.json").read_text("utf-8")
    data = json.loads(text)
    upm = float(data["units_per_em"])
    return FontMetrics(
        family=data["family"],
        line_height=float(data["line_height"]),
        regular=_face(data["regular"], upm),
        bold=_face(data["bold"], upm),
        default=float(data["regular"]["default"]) / upm,
    )


def _face(face: Mapping[str, object], upm: float) -> dict[str, float]:
    widths: dict[str, float] = {}
    for first, run in face["runs"]:  # type: ignore[attr-defined]
        for offset, width in enumerate(run):
            if width is not None:
                widths[chr(first + offset)] = width / upm
    return widths


# --- wrapping ---------------------------------------------------------------------------


def _words(pieces: Iterable[Piece]) -> Iterator[list[Piece]]:
    """The words of a paragraph, in order (each a list of pieces: formatting kept); a
    word ends at a space or a zero-width space (:data:`WORD_BREAKS`).  Lazy: reading
    the first lines of a long paragraph does not scan the rest."""
    word: list[Piece] = []
    for piece in pieces:
        end = 0
        for match in WORD.finditer(piece.text):
            if match.start() > end and word:  # break characters before this word
                yield word
                word = []
            word.append(Piece(match.group(), piece.bold, piece.mono))
            end = match.end()
        if end < len(piece.text) and word:  # the piece ends with a break
            yield word
            word = []
    if word:
        yield word


def piece_width(piece: Piece, metrics: FontMetrics, size_pt: float) -> float:
    if piece.mono:
        return len(piece.text) * MONO_EM * size_pt
    return metrics.width(piece.text, size_pt, piece.bold)


def count_lines(
    pieces: Iterable[Piece],
    metrics: FontMetrics,
    size_pt: float,
    first_width: float,
    rest_width: float,
) -> int:
    """Lines a paragraph needs: first line `first_width` wide, later lines `rest_width`."""
    return len(line_breaks(pieces, metrics, size_pt, first_width, rest_width))


def line_breaks(
    pieces: Iterable[Piece],
    metrics: FontMetrics,
    size_pt: float,
    first_width: float,
    rest_width: float,
    max_lines: int | None = None,
) -> list[int]:
    """The word index each line starts with (an over-long word may span several lines:
    its index then repeats).  An empty paragraph is one line.  With ``max_lines``, the
    wrapping stops once a line more than that has started: ``max_lines + 1`` starts
    (or more) then mean "more than ``max_lines`` lines"."""
    space = metrics.width(" ", size_pt)
    starts: list[int] = [0]
    used = 0.0
    known = _word_widths(metrics, size_pt)
    for index, word in enumerate(_words(pieces)):
        if max_lines is not None and len(starts) > max_lines:
            break
        if len(word) == 1:  # most words are one piece: their widths are remembered
            key = (word[0].text, word[0].bold, word[0].mono)
            found = known.get(key)
            if found is None:
                found = known[key] = _measure_word(word, metrics, size_pt)
            width, placed = found
        else:
            width, placed = _measure_word(word, metrics, size_pt)
        room = first_width if len(starts) == 1 else rest_width
        if used and used + space + width <= room:
            used += space + width
            continue
        if used:
            starts.append(index)
            room = rest_width
        if placed <= room:  # fits whole: no character of it can overflow
            used = placed
            continue
        used = _break_long_word(word, metrics, size_pt, room, rest_width, starts, index)
    return starts


_WordWidths = dict[tuple[str, bool, bool], tuple[float, float]]
# (id(metrics), size) -> (the metrics, their word widths); holding the metrics keeps the id
_KNOWN_WIDTHS: dict[tuple[int, float], tuple[FontMetrics, _WordWidths]] = {}
_MAX_KNOWN_WORDS = 20_000  # per font and size; the table starts again when it is full


def _word_widths(metrics: FontMetrics, size_pt: float) -> _WordWidths:
    """The remembered widths of words in ``metrics`` at ``size_pt``."""
    entry = _KNOWN_WIDTHS.get((id(metrics), size_pt))
    if entry is None or entry[0] is not metrics or len(entry[1]) > _MAX_KNOWN_WORDS:
        entry = _KNOWN_WIDTHS[(id(metrics), size_pt)] = (metrics, {})
    return entry[1]


def _measure_word(word: list[Piece], metrics: FontMetrics, size_pt: float) -> tuple[float, float]:
    """A word's width, and the width it takes when placed character by character as
    :func:`_break_long_word` does (the same sum, added in another order)."""
    widths: list[float] = []
    placed = 0.0
    for piece in word:
        if piece.mono:
            widths.append(len(piece.text) * MONO_EM * size_pt)
            for _ in piece.text:
                placed += MONO_EM * size_pt
            continue
        ems = [metrics.char_em(char, piece.bold) for char in piece.text]
        widths.append(sum(ems) * size_pt)  # = piece_width: each character measured once
        for em in ems:
            placed += em * size_pt
    return sum(widths), placed


def _char_width(char: str, piece: Piece, metrics: FontMetrics, size_pt: float) -> float:
    """The width of one character of `piece`, exactly as :func:`piece_width` measures it."""
    if piece.mono:
        return MONO_EM * size_pt
    return metrics.char_em(char, piece.bold) * size_pt


def _break_long_word(
    word: list[Piece],
    metrics: FontMetrics,
    size_pt: float,
    room: float,
    rest_width: float,
    starts: list[int],
    index: int,
) -> float:
    """Place a word at the start of a line, breaking it by characters if it is too long;
    returns the width used on the last line it reaches."""
    used = 0.0
    for piece in word:
        for char in piece.text:
            width = _char_width(char, piece, metrics, size_pt)
            if used and used + width > room:
                starts.append(index)
                used, room = 0.0, rest_width
            used += width
    return used
