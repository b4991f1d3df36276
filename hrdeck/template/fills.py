"""DrawingML fills reduced to what a reader sees: one dominant colour, and for pictures a grid.

A gradient's stops are averaged by the span each covers, a pattern's two colours mixed,
a picture decoded (see :mod:`.pictures`); opacity comes from ``<a:alpha>`` or a
picture's ``<a:alphaModFix>``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from hrdeck.template.colors import ColorContext, alpha_of, color_child, mix, resolve_color
from hrdeck.template.pictures import Grid, picture_colors
from hrdeck.template.xmlsafe import NS, int_attr, local_name, qn

FILL_TAGS = ("solidFill", "gradFill", "blipFill", "pattFill", "noFill", "grpFill")
ImageLoader = Callable[[str], "bytes | None"]  # r:embed id -> image bytes


@dataclass(frozen=True)
class Fill:
    """A fill reduced to the one colour a reader sees most (None when unknown)."""

    kind: str  # solid, gradient, picture, pattern, none
    color: str | None
    detail: str = ""
    opacity: float = 1.0
    grid: Grid = ()  # a stretched picture's colours by region


def fill_in(parent: etree._Element | None, ctx: ColorContext, images: ImageLoader) -> Fill | None:
    """The fill directly inside ``parent`` (an spPr or bgPr), or None if it names none."""
    if parent is None:
        return None
    for child in parent:
        if local_name(child) in FILL_TAGS and child.tag.startswith("{" + NS["a"]):
            return fill_of(child, ctx, images)
    return None


def fill_of(element: etree._Element, ctx: ColorContext, images: ImageLoader) -> Fill:
    kind = local_name(element)
    if kind == "solidFill":
        color = color_child(element)
        return Fill("solid", resolve_color(color, ctx), opacity=alpha_of(color))
    if kind == "gradFill":
        return _gradient(element, ctx)
    if kind == "blipFill":
        return _picture(element, images)
    if kind == "pattFill":
        fg = resolve_color(color_child(element.find("a:fgClr", NS)), ctx)
        bg = resolve_color(color_child(element.find("a:bgClr", NS)), ctx)
        return Fill("pattern", mix([(c, 1.0) for c in (fg, bg) if c is not None]))
    return Fill("none", None)


def _gradient(element: etree._Element, ctx: ColorContext) -> Fill:
    stops = []
    for stop in element.findall("a:gsLst/a:gs", NS):
        color = color_child(stop)
        value = resolve_color(color, ctx)
        if value is not None:
            stops.append(((int_attr(stop, "pos", 0) or 0) / 100000, value, alpha_of(color)))
    stops.sort()
    weighted = []
    for i, (pos, value, alpha) in enumerate(stops):
        left = 0.0 if i == 0 else (pos + stops[i - 1][0]) / 2
        right = 1.0 if i == len(stops) - 1 else (pos + stops[i + 1][0]) / 2
        weighted.append((value, max(right - left, 0.001), alpha))
    total = sum(w for _v, w, _a in weighted) or 1.0
    opacity = sum(w * a for _v, w, a in weighted) / total
    color = mix([(value, weight) for value, weight, _alpha in weighted])
    return Fill("gradient", color, f"{len(stops)} stops", opacity)


def _picture(element: etree._Element, images: ImageLoader) -> Fill:
    blip = element.find("a:blip", NS)
    rid = blip.get(qn("r:embed")) if blip is not None else None
    data = images(rid) if rid else None
    if data is None:
        return Fill("picture", None, "no picture data")
    fixed = blip.find("a:alphaModFix", NS) if blip is not None else None
    opacity = (int_attr(fixed, "amt", 100000) or 0) / 100000
    colors = picture_colors(data)
    if colors is None:
        return Fill("picture", None, "a picture that cannot be decoded", opacity)
    grid = colors.grid if element.find("a:tile", NS) is None else ()
    return Fill("picture", colors.dominant, f"{len(data)} bytes", opacity, grid)
