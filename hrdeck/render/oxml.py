"""The one place hrdeck reaches below python-pptx's public API.

python-pptx calls the layers under its public objects ``oxml`` (custom lxml element
classes) and ``opc`` (the package of parts); this module is named after the first
and holds every use hrdeck makes of either, and of python-pptx's private attributes:
each is a small named function here, so that every other render module uses
python-pptx's public API (``Presentation``, slides, shapes, text frames, ``.element``)
plus these helpers, and ``tests/test_render_fence.py`` keeps it that way.  They rely
on python-pptx 1.0's internals; ``tests/test_pptx_pin.py`` fails when the installed
minor version changes, so that they are checked before the pin moves.

What is here, and why it is not the public API:

* names and elements: :func:`clark` (python-pptx's ``qn`` builds a str subclass per
  call; this is a dict lookup), :data:`XmlElement`, and the placeholder XML readers
  shared by several modules (:func:`ph_element`, :func:`ph_kind`, :func:`own_xfrm`,
  :func:`non_visual_props`);
* elements python-pptx keeps private: a shape tree, a text body, a paragraph, a line;
* proxies built over existing elements (python-pptx builds them only itself);
* the fast part creation of :class:`hrdeck.render.package.PartFactory` (new slide and
  notes-slide parts, shared image parts) and the serialisation of a package's content
  types and relationships for the reproducible save.

Writing DrawingML itself (runs, paragraphs, master styles) is the OOXML schema, not a
python-pptx internal: :mod:`hrdeck.render.text` and :mod:`hrdeck.render.master` do it
with lxml and :func:`clark`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.packuri import PackURI
from pptx.opc.serialized import _ContentTypesItem
from pptx.oxml.ns import _nsmap
from pptx.oxml.shapes.autoshape import CT_Shape
from pptx.oxml.slide import CT_NotesSlide, CT_Slide
from pptx.parts.image import Image
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.presentation import Presentation
from pptx.shapes.picture import Picture
from pptx.shapes.placeholder import NotesSlidePlaceholder, SlidePlaceholder
from pptx.shapes.shapetree import SlideShapes
from pptx.slide import NotesSlide, Slide, SlideLayout
from pptx.util import Length

XmlElement = etree._Element  # the type of every raw element (python-pptx's are subclasses)
NAMESPACES: dict[str, str] = dict(_nsmap)  # prefix -> namespace URI, as python-pptx knows them


# --- names and elements ----------------------------------------------------------------


def clark(tag: str) -> str:
    """The Clark name of a prefixed tag: ``clark("a:p")`` -> ``"{http://...main}p"``."""
    prefix, _, local = tag.partition(":")
    return f"{{{NAMESPACES[prefix]}}}{local}"


_C_NV_PR, _NV_PR, _PH = clark("p:cNvPr"), clark("p:nvPr"), clark("p:ph")
_XFRM, _PROPS = clark("a:xfrm"), (clark("p:spPr"), clark("p:grpSpPr"))


def ph_element(element: Any) -> Any:
    """The p:ph element of a placeholder shape element, or None."""
    non_visual = element[0] if len(element) else None
    if non_visual is None:
        return None
    nv_pr = non_visual.find(_NV_PR)
    return None if nv_pr is None else nv_pr.find(_PH)


def ph_kind(ph: Any) -> str:
    """The placeholder type as written in the XML ('obj' when absent)."""
    return str(ph.get("type", "obj"))


def own_xfrm(element: Any) -> Any:
    """The a:xfrm of a shape's own properties, or None."""
    for tag in _PROPS:
        props = element.find(tag)
        if props is not None:
            return props.find(_XFRM)
    return None


def non_visual_props(element: Any) -> Any:
    """The p:cNvPr of a shape element (id, name, alt text), first in its non-visual group."""
    return element[0].find(_C_NV_PR)


def shape_tree(owner: Any) -> Any:
    """The p:spTree of a slide, layout, master or notes slide."""
    return owner.shapes._spTree


def text_body(frame: Any) -> Any:
    """The p:txBody (or a:txBody) element of a text frame."""
    return frame._txBody


def data_labels_element(labels: Any) -> Any:
    """A chart's ``c:dLbls`` element (python-pptx's DataLabels keeps it private)."""
    return labels._element


def paragraph_element(paragraph: Any) -> Any:
    """The a:p element of a paragraph."""
    return paragraph._p


def line_element(line: Any) -> Any:
    """The a:ln element of a shape's or connector's line format, added if missing."""
    return line._get_or_add_ln()


# --- placeholders ----------------------------------------------------------------------


def slide_placeholder(slide: Slide, element: Any) -> SlidePlaceholder:
    """A placeholder proxy over a p:sp element already in `slide`'s shape tree."""
    return SlidePlaceholder(element, slide.shapes)


def notes_placeholder(notes_slide: NotesSlide, element: Any) -> NotesSlidePlaceholder:
    """A placeholder proxy over a p:sp element already in `notes_slide`'s shape tree."""
    return NotesSlidePlaceholder(element, notes_slide.shapes)


def add_notes_body(notes_slide: NotesSlide) -> None:
    """Append a notes (body) placeholder to a notes slide whose master has none."""
    tree = shape_tree(notes_slide)
    tree.add_placeholder(tree.max_shape_id + 1, "Notes", PP_PLACEHOLDER.BODY, "horz", "full", 1)


def inherited_placeholder(shape: Any) -> Any:
    """The layout (or master) placeholder `shape` inherits from; None for other shapes."""
    return getattr(shape, "_base_placeholder", None)


def on_slide(shape: Any) -> bool:
    """True for a shape of a slide (not of a layout, master or notes slide)."""
    return isinstance(shape.part, SlidePart)


def placeholder_like(placeholder: Any, name: str) -> Any:
    """A new, empty p:sp placeholder element of `placeholder`'s type, orientation, size
    and idx (shape id 0: the caller numbers it)."""
    ph = placeholder.element
    return CT_Shape.new_placeholder_sp(0, name, ph.ph_type, ph.ph_orient, ph.ph_sz, ph.ph_idx)


# --- slides, notes slides and pictures -------------------------------------------------


def slide_id_list(prs: Presentation) -> Any:
    """The presentation's p:sldIdLst (the slides, in order)."""
    return prs.slides._sldIdLst


def drop_all_slides(prs: Presentation) -> None:
    """Remove every slide from the deck (their parts are then not saved)."""
    id_list = slide_id_list(prs)
    for slide_id in list(id_list):
        prs.part.drop_rel(slide_id.rId)
        id_list.remove(slide_id)


def new_slide_element(layout: SlideLayout) -> Any:
    """A new p:sld element holding clones of `layout`'s placeholders."""
    element = CT_Slide.new()
    SlideShapes(element.cSld.spTree, cast(Any, None)).clone_layout_placeholders(layout)
    return element


def attach_slide(
    prs: Presentation, element: Any, layout: SlideLayout, partname: str, slide_id: int
) -> Slide:
    """A new slide part for `element` on `layout`, appended to the deck.

    The relationship from the presentation is added without python-pptx's search for
    an existing one (a new part cannot have one).
    """
    slide_part = SlidePart(PackURI(partname), CT.PML_SLIDE, prs.part.package, element)
    slide_part.relate_to(layout.part, RT.SLIDE_LAYOUT)
    rId = prs.part.rels._add_relationship(RT.SLIDE, slide_part)
    entry = etree.SubElement(slide_id_list(prs), clark("p:sldId"), id=str(slide_id))
    entry.set(clark("r:id"), rId)
    return slide_part.slide


def notes_master_part(prs: Presentation) -> Any:
    """The notes master's part (python-pptx adds a default notes master when missing)."""
    return prs.part.notes_master_part


def new_notes_element() -> Any:
    """A new, empty p:notes element."""
    return CT_NotesSlide.new()


def attach_notes_slide(slide: Slide, master_part: Any, element: Any, partname: str) -> NotesSlide:
    """A new notes-slide part for `element`, related to its master and to `slide`."""
    slide_part = slide.part
    part = NotesSlidePart(PackURI(partname), CT.PML_NOTES_SLIDE, slide_part.package, element)
    part.relate_to(master_part, RT.NOTES_MASTER)
    part.relate_to(slide_part, RT.SLIDE)
    slide_part.relate_to(part, RT.NOTES_SLIDE)
    return part.notes_slide


def image_part_of(picture: Picture) -> Any:
    """The image part a picture shows."""
    return picture.part.related_part(str(picture.element.blip_rId))


def add_picture_from_part(
    slide: Slide,
    image_part: Any,
    left: Length,
    top: Length,
    width: Length | None,
    height: Length | None,
) -> Picture:
    """A picture on `slide` showing an image part the package already holds."""
    rId = slide.part.relate_to(image_part, RT.IMAGE)
    slide.shapes._add_pic_from_image_part(image_part, rId, left, top, width, height)
    return slide.shapes[-1]  # type: ignore[return-value]


def image_pixel_size(path: Path | str) -> tuple[int, int]:
    """Width and height in pixels of the image file at `path`."""
    width, height = Image.from_file(str(path)).size
    return int(width), int(height)


# --- the package -----------------------------------------------------------------------


def replace_blob(part: Any, blob: bytes) -> None:
    """Replace the bytes of a part python-pptx keeps as a blob (the theme part)."""
    part._blob = blob


def content_types_xml(parts: Any) -> bytes:
    """``[Content_Types].xml`` for `parts`, as python-pptx writes it."""
    return serialize_part_xml(_ContentTypesItem.xml_for(tuple(parts)))


def package_rels_xml(package: Any) -> bytes:
    """``_rels/.rels`` (the package's own relationships), as python-pptx writes it."""
    return bytes(package._rels.xml)
