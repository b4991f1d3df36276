"""DrawingML colours resolved to sRGB, mixed, and compared by WCAG contrast.

A colour element (``srgbClr``, ``sysClr``, ``schemeClr``, ``prstClr``, ``scrgbClr``,
``hslClr``) is resolved through the colour map and theme scheme, with the luminance
modifiers PowerPoint templates use (``lumMod``, ``lumOff``, ``tint``, ``shade``).
Colours are ``RRGGBB`` strings (upper case).
"""

from __future__ import annotations

import colorsys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from hrdeck.template.xmlsafe import NS, int_attr, local_name, qn

RGB = tuple[int, int, int]
COLOR_TAGS = ("srgbClr", "sysClr", "schemeClr", "prstClr", "scrgbClr", "hslClr")
SYSTEM_COLORS = {"windowText": "000000", "window": "FFFFFF", "btnFace": "F0F0F0"}
PRESET_COLORS = {"black": "000000", "white": "FFFFFF", "red": "FF0000", "blue": "0000FF"}
PRESET_COLORS |= {"green": "008000", "yellow": "FFFF00", "gray": "808080", "grey": "808080"}


@dataclass(frozen=True)
class ColorContext:
    """What a scheme colour means where it is used: the theme scheme and colour map."""

    scheme: Mapping[str, str]  # dk1, lt1, ..., accent6, hlink, folHlink -> RRGGBB
    clr_map: Mapping[str, str]  # bg1 -> lt1, tx1 -> dk1, ...
    placeholder: str | None = None  # phClr, inside theme style lists

    def scheme_color(self, name: str) -> str | None:
        if name == "phClr":
            return self.placeholder
        return self.scheme.get(self.clr_map.get(name, name))


def rgb(hex_color: str) -> RGB:
    return int(hex_color[0:2], 16), int(hex_color[2:4], 16), int(hex_color[4:6], 16)


def hex_of(color: tuple[float, float, float]) -> str:
    return "".join(f"{max(0, min(255, round(c))):02X}" for c in color)


def _valid_hex(value: str | None) -> str | None:
    if value is None or len(value) != 6:
        return None
    try:
        int(value, 16)
    except ValueError:
        return None
    return value.upper()


# -- colours ----------------------------------------------------------------------------


def color_child(parent: etree._Element | None) -> etree._Element | None:
    """The first colour element directly inside ``parent``."""
    if parent is None:
        return None
    return next((c for c in parent if c.tag in {qn(f"a:{t}") for t in COLOR_TAGS}), None)


def resolve_color(element: etree._Element | None, ctx: ColorContext) -> str | None:
    """The sRGB colour of one colour element, modifiers applied."""
    if element is None:
        return None
    base = _base_color(element, ctx)
    return _apply_modifiers(base, element) if base is not None else None


def _base_color(element: etree._Element, ctx: ColorContext) -> str | None:
    kind = local_name(element)
    value = element.get("val")
    if kind == "srgbClr":
        return _valid_hex(value)
    if kind == "sysClr":
        return _valid_hex(element.get("lastClr")) or SYSTEM_COLORS.get(value or "")
    if kind == "schemeClr":
        return ctx.scheme_color(value or "")
    if kind == "prstClr":
        return PRESET_COLORS.get(value or "")
    if kind == "scrgbClr":
        red, green, blue = (_to_srgb((int_attr(element, c, 0) or 0) / 100000) for c in "rgb")
        return hex_of((red * 255, green * 255, blue * 255))
    if kind == "hslClr":
        hue = (int_attr(element, "hue", 0) or 0) / 21600000
        sat, lum = ((int_attr(element, k, 0) or 0) / 100000 for k in ("sat", "lum"))
        red, green, blue = colorsys.hls_to_rgb(hue, lum, sat)
        return hex_of((red * 255, green * 255, blue * 255))
    return None


def _to_srgb(linear: float) -> float:
    linear = max(0.0, min(1.0, linear))
    return 12.92 * linear if linear <= 0.0031308 else 1.055 * linear ** (1 / 2.4) - 0.055


def _apply_modifiers(color: str, element: etree._Element) -> str:
    red, green, blue = (c / 255 for c in rgb(color))
    for modifier in element:
        kind, value = local_name(modifier), (int_attr(modifier, "val", 100000) or 0) / 100000
        if kind in ("lumMod", "lumOff"):
            hue, lum, sat = colorsys.rgb_to_hls(red, green, blue)
            lum = lum * value if kind == "lumMod" else lum + value
            red, green, blue = colorsys.hls_to_rgb(hue, max(0.0, min(1.0, lum)), sat)
        elif kind == "tint":
            red, green, blue = (1 - (1 - c) * value for c in (red, green, blue))
        elif kind == "shade":
            red, green, blue = (c * value for c in (red, green, blue))
    return hex_of((red * 255, green * 255, blue * 255))


def alpha_of(element: etree._Element | None) -> float:
    """A colour element's opacity (its ``<a:alpha>``), 1 when it states none."""
    alpha = element.find("a:alpha", NS) if element is not None else None
    return max(0.0, min(1.0, (int_attr(alpha, "val", 100000) or 0) / 100000))


def mix(colors: list[tuple[str, float]]) -> str | None:
    """The weighted average of ``(colour, weight)`` pairs."""
    total = sum(weight for _color, weight in colors)
    if not colors or total <= 0:
        return None
    channels = [sum(rgb(c)[i] * w for c, w in colors) / total for i in range(3)]
    return hex_of((channels[0], channels[1], channels[2]))


# -- contrast ---------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def luminance(color: str) -> float:
    """WCAG 2 relative luminance."""
    linear = []
    for channel in rgb(color):
        c = channel / 255
        linear.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def nearest_passing(text: str, background: str, ratio: float) -> str | None:
    """The text colour's hue at the nearest lightness that reaches ``ratio``."""
    red, green, blue = (c / 255 for c in rgb(text))
    hue, lum, sat = colorsys.rgb_to_hls(red, green, blue)
    for step in range(1, 101):
        for candidate_lum in (lum - step / 100, lum + step / 100):
            if 0 <= candidate_lum <= 1:
                r, g, b = colorsys.hls_to_rgb(hue, candidate_lum, sat)
                candidate = hex_of((r * 255, g * 255, b * 255))
                if contrast_ratio(candidate, background) >= ratio:
                    return candidate
    return None
