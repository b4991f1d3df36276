"""The outline of a filled shape, so a diagonal band or a circle is not taken for its box.

A custom geometry's paths become polygons (curves by their control points, which lie
close enough for judging what text sits on); ellipses and triangles have fixed
outlines; other presets, and paths that use formulas, stay their box, turned if the
shape is turned.  Flips and rotation are applied.  Points are slide coordinates in EMU.
"""

from __future__ import annotations

import math

from lxml import etree

from hrdeck.template.model import Box
from hrdeck.template.xmlsafe import NS, int_attr, local_name

Polygon = tuple[tuple[float, float], ...]
_ELLIPSE = tuple(
    (0.5 + 0.5 * math.cos(2 * math.pi * i / 24), 0.5 + 0.5 * math.sin(2 * math.pi * i / 24))
    for i in range(24)
)
PRESET_OUTLINES: dict[str, Polygon] = {
    "ellipse": _ELLIPSE,
    "triangle": ((0.5, 0.0), (1.0, 1.0), (0.0, 1.0)),
    "rtTriangle": ((0.0, 0.0), (1.0, 1.0), (0.0, 1.0)),
    "diamond": ((0.5, 0.0), (1.0, 0.5), (0.5, 1.0), (0.0, 0.5)),
}
POINT_TAGS = ("moveTo", "lnTo", "cubicBezTo", "quadBezTo")
UNIT_SQUARE: Polygon = ((0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0))


def outlines(shape_properties: etree._Element | None, box: Box) -> tuple[Polygon, ...]:
    """The shape's polygons in slide EMU; empty when the bounding box is the outline."""
    if shape_properties is None:
        return ()
    xfrm = shape_properties.find("a:xfrm", NS)
    unit = _unit_outlines(shape_properties)
    if not unit and (int_attr(xfrm, "rot", 0) or 0) % 21600000 != 0:
        unit = (UNIT_SQUARE,)  # a turned box is not its unturned box
    return tuple(_placed(polygon, box, xfrm) for polygon in unit)


def _unit_outlines(shape_properties: etree._Element) -> tuple[Polygon, ...]:
    preset = shape_properties.find("a:prstGeom", NS)
    if preset is not None:
        known = PRESET_OUTLINES.get(preset.get("prst") or "")
        return (known,) if known else ()
    custom = shape_properties.find("a:custGeom", NS)
    if custom is None:
        return ()
    polygons = [_path_polygon(path) for path in custom.iterfind("a:pathLst/a:path", NS)]
    if any(polygon is None for polygon in polygons):
        return ()  # a path uses formulas: keep the box
    return tuple(p for p in polygons if p is not None and len(p) >= 3)


def _path_polygon(path: etree._Element) -> Polygon | None:
    """A path's points scaled to 0..1, or None if a coordinate is not a number."""
    if path.get("fill") == "none":
        return ()
    width = int_attr(path, "w", 0) or 0
    height = int_attr(path, "h", 0) or 0
    points = []
    for step in path:
        if local_name(step) not in POINT_TAGS:
            continue
        for point in step.iterfind("a:pt", NS):
            x, y = int_attr(point, "x"), int_attr(point, "y")
            if x is None or y is None or width <= 0 or height <= 0:
                return None
            points.append((x / width, y / height))
    return tuple(points)


def _placed(polygon: Polygon, box: Box, xfrm: etree._Element | None) -> Polygon:
    """Unit points flipped, scaled to ``box`` and rotated about its centre."""
    flip_x = xfrm is not None and xfrm.get("flipH") in ("1", "true")
    flip_y = xfrm is not None and xfrm.get("flipV") in ("1", "true")
    angle = math.radians((int_attr(xfrm, "rot", 0) or 0) / 60000)
    centre_x, centre_y = box.x + box.cx / 2, box.y + box.cy / 2
    cos, sin = math.cos(angle), math.sin(angle)
    placed = []
    for unit_x, unit_y in polygon:
        dx = ((1 - unit_x) if flip_x else unit_x) * box.cx - box.cx / 2
        dy = ((1 - unit_y) if flip_y else unit_y) * box.cy - box.cy / 2
        placed.append((centre_x + dx * cos - dy * sin, centre_y + dx * sin + dy * cos))
    return tuple(placed)


def inside(polygons: tuple[Polygon, ...], x: float, y: float) -> bool:
    """Whether (x, y) lies in any of the polygons (even-odd rule)."""
    return any(_in_polygon(polygon, x, y) for polygon in polygons)


def _in_polygon(polygon: Polygon, x: float, y: float) -> bool:
    crossings = 0
    for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            crossings += 1
    return crossings % 2 == 1
