"""WCAG 2.x colour contrast: relative luminance and contrast ratio of hex colours.

Formulas from WCAG 2.2, "relative luminance" and "contrast ratio" definitions
(https://www.w3.org/TR/WCAG22/#dfn-relative-luminance).  Colours are ``RRGGBB``
strings, with or without a leading ``#``.
"""

from __future__ import annotations

import re

# WCAG 2 level AA minimums (success criteria 1.4.3 and 1.4.11).
AA_BODY = 4.5  # normal-size text
AA_LARGE = 3.0  # large text (titles: 18 pt, or 14 pt bold, and up)
AAA_BODY = 7.0  # level AAA, normal-size text

_HEX = re.compile(r"#?[0-9A-Fa-f]{6}")


def is_hex_colour(value: str) -> bool:
    """True for ``RRGGBB`` or ``#RRGGBB``."""
    return bool(_HEX.fullmatch(value))


def normalise_hex(value: str) -> str:
    """``#0f766e`` -> ``0F766E``; raises ValueError for anything else."""
    if not is_hex_colour(value):
        raise ValueError(f"not a hex colour: {value!r}")
    return value.lstrip("#").upper()


def _channel(byte: int) -> float:
    """Linearise one sRGB channel (0-255)."""
    c = byte / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """Relative luminance of a hex colour: 0.0 for black, 1.0 for white."""
    rgb = normalise_hex(colour)
    r, g, b = (int(rgb[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio, from 1.0 (same colour) to 21.0 (black on white)."""
    a = relative_luminance(foreground)
    b = relative_luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def format_ratio(ratio: float, threshold: float | None = None) -> str:
    """``4.478`` -> ``'4.48:1'``.

    With a ``threshold`` the ratio is never shown as reaching it when it does not:
    4.497 against 4.5 prints as ``'4.497:1'``, not the confusing ``'4.50:1'``.
    """
    text = f"{ratio:.2f}"
    if threshold is not None and ratio < threshold <= float(text):
        text = f"{int(ratio * 1000) / 1000:.3f}"
    return f"{text}:1"
