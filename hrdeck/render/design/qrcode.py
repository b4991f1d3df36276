"""A QR code as one native, editable shape: its dark modules as a custom geometry.

segno (pure Python) makes the symbol; each row's runs of dark modules become
rectangles of one DrawingML path, so the code is a single vector shape in the text
colour that stays sharp at any size, recolours in PowerPoint and carries alt text
naming where it leads.  The caller leaves a light margin (the quiet zone) around it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import segno
from lxml import etree
from pptx.enum.shapes import MSO_SHAPE
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide

from hrdeck.render import shapes
from hrdeck.render.layouts import Box, set_alt
from hrdeck.render.oxml import clark

_PRESET = clark("a:prstGeom")


def add_qr(slide: Slide, box: Box, url: str, colour: str, alt: str) -> Shape:
    """The QR code of `url`, square in `box`, dark modules in `colour`."""
    matrix = segno.make(url, error="m", micro=False).matrix
    side = min(box.width, box.height)
    square = Box(box.left, box.top + (box.height - side) // 2, side, side)
    shape = shapes.add_box(slide, MSO_SHAPE.RECTANGLE, square, colour, "QR code")
    preset = shape.element.find(f"{clark('p:spPr')}/{_PRESET}")
    preset.addprevious(custom_geometry(matrix))
    preset.getparent().remove(preset)
    set_alt(shape, alt)
    return shape


def custom_geometry(matrix: Sequence[bytes | bytearray]) -> etree._Element:
    """a:custGeom drawing every run of dark modules as a rectangle, in module units."""
    size = len(matrix)
    geometry = etree.Element(clark("a:custGeom"))
    for tag in ("a:avLst", "a:gdLst", "a:ahLst", "a:cxnLst"):
        etree.SubElement(geometry, clark(tag))
    etree.SubElement(geometry, clark("a:rect"), l="l", t="t", r="r", b="b")
    path_list = etree.SubElement(geometry, clark("a:pathLst"))
    path = etree.SubElement(path_list, clark("a:path"), w=str(size), h=str(size))
    for row, start, end in dark_runs(matrix):
        _rectangle(path, start, row, end, row + 1)
    return geometry


def dark_runs(matrix: Sequence[bytes | bytearray]) -> Iterator[tuple[int, int, int]]:
    """(row, first column, column after the last) of each run of dark modules."""
    for row, modules in enumerate(matrix):
        start = None
        for column, dark in enumerate([*modules, 0]):
            if dark and start is None:
                start = column
            elif not dark and start is not None:
                yield row, start, column
                start = None


def _rectangle(path: etree._Element, left: int, top: int, right: int, bottom: int) -> None:
    corners = ((left, top), (right, top), (right, bottom), (left, bottom))
    for index, (x, y) in enumerate(corners):
        step = etree.SubElement(path, clark("a:moveTo" if index == 0 else "a:lnTo"))
        etree.SubElement(step, clark("a:pt"), x=str(x), y=str(y))
    etree.SubElement(path, clark("a:close"))
