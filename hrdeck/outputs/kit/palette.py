"""Print colours from the brand: inks that stay readable on white paper, and light tints.

Documents are printed on white paper whatever the slide background is, so every brand
colour used for text is checked against white (WCAG contrast) and replaced by the text
colour, or black, when it would be too faint to read. Tints (table bands, panels) mix a
colour with white.
"""

from __future__ import annotations

from dataclasses import dataclass

from hrdeck.outputs.kit.model import Brand

PAPER = "FFFFFF"
BLACK = "000000"
READABLE = 4.5


@dataclass(frozen=True)
class Inks:
    """Hex colours without '#', as WordprocessingML wants them."""

    text: str
    accent: str
    accent2: str
    muted: str
    on_accent: str
    accent_fill: str
    band: str
    panel: str
    break_fill: str
    rule: str


def hex6(color: str) -> str:
    return color.lstrip("#").upper()


def _channels(color: str) -> tuple[int, int, int]:
    value = hex6(color)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _luminance(color: str) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in _channels(color))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _contrast(first: str, second: str) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def tint(color: str, share: float) -> str:
    """``share`` of ``color`` over white: 0.1 is a pale wash, 1.0 the colour itself."""
    mixed = (round(255 - (255 - c) * share) for c in _channels(color))
    return "".join(f"{c:02X}" for c in mixed)


def ink(color: str, fallback: str) -> str:
    """``color`` if it reads on white paper, otherwise ``fallback``."""
    return hex6(color) if _contrast(color, PAPER) >= READABLE else hex6(fallback)


def print_inks(brand: Brand) -> Inks:
    text = ink(brand.text_color, BLACK)
    accent = ink(brand.accent_color, text)
    fill = hex6(brand.accent_color)
    on_accent = PAPER if _contrast(fill, PAPER) >= READABLE else BLACK
    return Inks(
        text=text,
        accent=accent,
        accent2=ink(brand.accent2_color, text),
        muted=ink(brand.muted_color, text),
        on_accent=on_accent,
        accent_fill=fill,
        band=tint(brand.accent_color, 0.07),
        panel=tint(brand.accent_color, 0.10),
        break_fill=tint(brand.accent2_color, 0.12),
        rule=tint(brand.muted_color, 0.35),
    )
