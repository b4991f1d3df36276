"""Choose font sizes so text fits its box, from a character/line estimate.

PowerPoint ignores autofit flags until someone edits the text, so sizes are fixed at
build time.  The estimate is deliberately simple and a little pessimistic: an
average glyph is 0.46 em wide (about 10% wider than Carlito measures), lines wrap
at word boundaries, and each paragraph
adds a fifth of a line of space before it.  A later issue replaces this with real
font metrics; callers only use :func:`fit_size` and :func:`text_height`.
"""

from __future__ import annotations

from collections.abc import Sequence

from hrdeck.deckplan import Para

AVG_CHAR_EM = 0.46  # average glyph width in ems (Carlito measures ~0.41 on prose)
LINE_HEIGHT = 1.2  # line pitch in ems
PARA_SPACE = 0.2  # space before each paragraph, in ems
INSET_PT = 7.2 * 2  # default text-frame left+right insets (0.1in each)
LEVEL_INDENT_PT = 27.0  # indent added per bullet level (incl. bullet hanging)
BODY_SIZES = (28, 26, 24, 22, 20, 18)
MIN_BODY_PT = 18


def wrapped_lines(text: str, width_pt: float, size_pt: float) -> int:
    """Lines `text` needs when wrapped at word boundaries into `width_pt`."""
    per_line = max(1, int(width_pt / (size_pt * AVG_CHAR_EM)))
    lines, used = 1, 0
    for word in text.split():
        width = len(word)
        if used and used + 1 + width <= per_line:
            used += 1 + width
            continue
        if used:
            lines += 1
        full, rest = divmod(width, per_line)
        lines += full - 1 if rest == 0 else full
        used = per_line if rest == 0 else rest
    return lines


def para_height(para: Para, width_pt: float, size_pt: float, indented: bool = True) -> float:
    """Height in points of one paragraph, including its space before."""
    indent = (LEVEL_INDENT_PT * (para.level + 1)) if indented else 0.0
    usable = max(size_pt, width_pt - INSET_PT - indent)
    lines = wrapped_lines(para.text, usable, size_pt)
    return size_pt * (lines * LINE_HEIGHT + PARA_SPACE)


def text_height(
    paras: Sequence[Para], width_pt: float, size_pt: float, indented: bool = True
) -> float:
    """Estimated height in points of `paras` set at `size_pt` in a box `width_pt` wide."""
    return sum(para_height(p, width_pt, size_pt, indented) for p in paras) + 7.2


def fit_size(
    paras: Sequence[Para],
    width_pt: float,
    height_pt: float,
    sizes: Sequence[int] = BODY_SIZES,
    indented: bool = True,
) -> int:
    """The largest of `sizes` at which `paras` fit the box; the smallest if none do."""
    for size in sizes:
        if text_height(paras, width_pt, size, indented) <= height_pt:
            return size
    return sizes[-1]


def fits(
    paras: Sequence[Para], width_pt: float, height_pt: float, size: int, indented: bool = True
) -> bool:
    """Whether `paras` fit the box at `size`."""
    return text_height(paras, width_pt, size, indented) <= height_pt


def split_to_fit(
    paras: Sequence[Para], width_pt: float, height_pt: float, size: int, indented: bool = False
) -> list[tuple[Para, ...]]:
    """Split `paras` into consecutive chunks that each fit the box at `size`.

    A paragraph too tall on its own still gets a chunk of its own (never dropped).
    """
    chunks: list[tuple[Para, ...]] = []
    current: list[Para] = []
    for para in paras:
        if current and not fits([*current, para], width_pt, height_pt, size, indented):
            chunks.append(tuple(current))
            current = []
        current.append(para)
    if current:
        chunks.append(tuple(current))
    return chunks
