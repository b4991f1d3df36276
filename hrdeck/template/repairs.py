"""Repairs PowerPoint needs and LibreOffice-made templates lack, and sample-slide removal.

LibreOffice writes no ``viewProps`` part (PowerPoint then offers to repair the file;
``openxml-audit`` reports it) and no ``tableStyles``; hand-made packages may lack
``presProps`` or the required ``<p:notesSz>``.  Each gap gets the smallest valid part
or element, related and typed.  Sample slides are dropped with everything only they
use: hrdeck never shows them, and they are where a template's damage often hides.
"""

from __future__ import annotations

from lxml import etree

from hrdeck.template.ooxml import (
    PRES_PROPS_CT,
    RT_PRES_PROPS,
    RT_TABLE_STYLES,
    RT_VIEW_PROPS,
    SLIDE,
    TABLE_STYLES_CT,
    VIEW_PROPS_CT,
)
from hrdeck.template.parts import PackageParts
from hrdeck.template.problems import repaired
from hrdeck.template.xmlsafe import NS, qn

_DECL = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_PML_NS = (
    b'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    b'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)
VIEW_PROPS = (
    _DECL + b"<p:viewPr " + _PML_NS + b"><p:normalViewPr>"
    b'<p:restoredLeft sz="15620"/><p:restoredTop sz="94660"/></p:normalViewPr>'
    b'<p:gridSpacing cx="76200" cy="76200"/></p:viewPr>'
)
PRES_PROPS = _DECL + b"<p:presentationPr " + _PML_NS + b"/>"
TABLE_STYLES = (
    _DECL + b'<a:tblStyleLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    b'def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>'
)
# (relationship type, wanted part name, content type, bytes) of each property part.
PROPERTY_PARTS = (
    (RT_PRES_PROPS, "presProps.xml", PRES_PROPS_CT, PRES_PROPS),
    (RT_VIEW_PROPS, "viewProps.xml", VIEW_PROPS_CT, VIEW_PROPS),
    (RT_TABLE_STYLES, "tableStyles.xml", TABLE_STYLES_CT, TABLE_STYLES),
)
# Children of <p:presentation> in schema order, to insert a missing one in its place.
PRESENTATION_ORDER = (
    "sldMasterIdLst",
    "notesMasterIdLst",
    "handoutMasterIdLst",
    "sldIdLst",
    "sldSz",
    "notesSz",
)
DEFAULT_SLIDE_SIZE = {"cx": "12192000", "cy": "6858000"}  # 13.333 x 7.5 in, 16:9
DEFAULT_NOTES_SIZE = {"cx": "6858000", "cy": "9144000"}


def add_property_parts(parts: PackageParts, main: str) -> None:
    """viewProps, presProps and tableStyles parts where the presentation lacks them."""
    folder = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
    have = {rel.type for rel in parts.rels(main) if parts.exists(rel.target)}
    for rel_type, name, content_type, data in PROPERTY_PARTS:
        if rel_type in have:
            continue
        part = parts.free_name(folder + name)
        parts.add_part(part, content_type, data)
        parts.add_relationship(main, rel_type, part)
        parts.problems.append(repaired(part, f"added {part}, which PowerPoint expects"))


def drop_slides(parts: PackageParts, main: str) -> None:
    """Remove the template's own slides from the presentation (their parts go unused)."""
    root = parts.xml(main)
    rels = parts.rels(main)
    slides = [rel for rel in rels if rel.short_type == SLIDE]
    if root is None or not slides:
        return
    parts.set_rels(main, [rel for rel in rels if rel.short_type != SLIDE])
    for slide_id in root.findall("p:sldIdLst/p:sldId", NS):
        slide_id.getparent().remove(slide_id)
    for element in _slide_references(root):
        element.getparent().remove(element)
    parts.changed(main)
    count = f"{len(slides)} sample slide" + ("s" if len(slides) != 1 else "")
    parts.problems.append(repaired(main, f"left out the template's {count}"))


def _slide_references(root: etree._Element) -> list[etree._Element]:
    """Custom shows and slide sections: they name slides that are no longer there."""
    found = root.findall("p:custShowLst", NS)
    for ext in root.findall("p:extLst/p:ext", NS):
        if ext.find("p14:sectionLst", NS) is not None:
            found.append(ext)
    return found


def ensure_sizes(parts: PackageParts, main: str) -> None:
    """``<p:sldSz>`` (16:9 when missing) and the required ``<p:notesSz>``."""
    root = parts.xml(main)
    if root is None:
        return
    for local, size in (("sldSz", DEFAULT_SLIDE_SIZE), ("notesSz", DEFAULT_NOTES_SIZE)):
        if root.find(f"p:{local}", NS) is None:
            _insert_in_order(root, etree.Element(qn(f"p:{local}"), size))
            parts.changed(main)
            parts.problems.append(repaired(main, f"added the missing <p:{local}> to {main}"))


def _insert_in_order(root: etree._Element, element: etree._Element) -> None:
    """Insert a child of <p:presentation> after the siblings the schema puts first."""
    local = etree.QName(element).localname
    before = PRESENTATION_ORDER[: PRESENTATION_ORDER.index(local)]
    index = 0
    for position, child in enumerate(root):
        if etree.QName(child).localname in before:
            index = position + 1
    root.insert(index, element)
