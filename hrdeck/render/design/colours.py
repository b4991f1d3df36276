"""Colour roles of hrdeck's design, every one a palette colour or a blend of two.

* :func:`scheme_colours`: the theme part's twelve slots (dk1/lt1/dk2/lt2, the six
  accents from the palette, hyperlinks), so what a trainer adds in PowerPoint matches;
* :func:`cover_fill` and :func:`section_fill`: the coloured fields of covers and
  section dividers;
* :func:`ramp`: one colour family deepening step by step (the spectrum's stages),
  each step with the text colour that reads best on it;
* :func:`readable_on`: of two text colours, the one with more contrast on a fill.

The myth colour (``accent2``) appears only in :func:`myth_colour`: hrdeck draws
myths in it and nothing else.
"""

from __future__ import annotations

from hrdeck.theme.contrast import AAA_BODY, contrast_ratio
from hrdeck.theme.model import Palette, Theme, mix

TINT_FILL = 0.08  # a panel's background: the accent this far towards the background


def scheme_colours(palette: Palette) -> dict[str, str]:
    """Theme colour slot -> RRGGBB: text, background, title, a pale accent, six accents."""
    slots = {
        "dk1": palette.text,
        "lt1": palette.background,
        "dk2": palette.title,
        "lt2": mix(palette.background, palette.accent, TINT_FILL),
    }
    slots.update({f"accent{n}": colour for n, colour in enumerate(palette.accents, start=1)})
    slots.update({"hlink": palette.accent, "folHlink": palette.accent6})
    return {name: colour.lstrip("#").upper() for name, colour in slots.items()}


def cover_fill(palette: Palette) -> str:
    """The field behind the title and closing slides: the accent itself."""
    return palette.accent


def section_fill(palette: Palette) -> str:
    """The field behind section dividers: the deep accent (a step darker than the
    cover, so a divider never looks like a second title slide)."""
    return deep_accent(palette)


def deep_accent(palette: Palette) -> str:
    """The accent deepened a third of the way towards the title colour."""
    return mix(palette.accent, palette.title, 0.35)


def myth_colour(palette: Palette) -> str:
    """The colour that means "myth" (and is used for nothing else)."""
    return palette.accent2


def fact_colour(palette: Palette) -> str:
    return palette.accent


def panel_fill(palette: Palette, colour: str, amount: float = TINT_FILL) -> str:
    """A pale background for a panel edged in `colour`."""
    return mix(palette.background, colour, amount)


def readable_on(fill: str, palette: Palette) -> str:
    """The text colour for `fill`: the palette's text or its accent_text, whichever
    has more contrast on it."""
    dark, light = palette.text, palette.accent_text
    return dark if contrast_ratio(dark, fill) >= contrast_ratio(light, fill) else light


def text_contrast_target(theme: Theme) -> float:
    """7:1 for a theme whose own text pairs all reach it (high contrast), else 4.5:1."""
    palette = theme.palette
    pairs = ((palette.text, palette.background), (palette.accent_text, palette.accent))
    return AAA_BODY if all(contrast_ratio(a, b) >= AAA_BODY for a, b in pairs) else 4.5


def ramp(theme: Theme, count: int) -> list[tuple[str, str]]:
    """`count` (fill, text) pairs of one colour family, from a pale tint of the accent
    through the accent to a deep shade of it; each fill's text reaches the theme's
    contrast target, so a step whose tint would leave text too faint is moved on."""
    palette = theme.palette
    target = text_contrast_target(theme)
    steps = _family(palette)
    usable = [f for f in steps if contrast_ratio(readable_on(f, palette), f) >= target]
    if count <= 1:
        chosen = [palette.accent]
    else:
        chosen = [usable[round(i * (len(usable) - 1) / (count - 1))] for i in range(count)]
    return [(fill, readable_on(fill, palette)) for fill in chosen]


def _family(palette: Palette) -> list[str]:
    """Twenty-one steps: accent tints (from 15%), the accent, then shades towards the title."""
    tints = [mix(palette.background, palette.accent, 0.15 + 0.85 * i / 10) for i in range(10)]
    shades = [mix(palette.accent, palette.title, 0.55 * i / 10) for i in range(11)]
    return tints + shades
