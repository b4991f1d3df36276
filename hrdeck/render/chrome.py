"""Slide furniture: footer text, slide numbers and the agency logo.

Footer and slide number go into the layout's own footer / slide-number
placeholders when it has them (so PowerPoint's Header & Footer dialog still works,
and the number is a real field that renumbers), otherwise into small text boxes.
The logo is a picture with the theme's alt text in its descr attribute; text
placeholders it would overlap are narrowed to make room.  On hrdeck's own master it
sits on the grid (:meth:`hrdeck.render.design.grid.Grid.logo`), and on the coloured
field of a cover or section divider on a chip of the background colour
(:func:`logo_on_field`); footer and number there are set in the text colour the field
needs.
"""

from __future__ import annotations

import copy
from typing import Any

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import PP_ALIGN
from pptx.presentation import Presentation
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide, SlideLayout
from pptx.text.text import TextFrame
from pptx.util import Emu, Inches, Pt

from hrdeck.render import oxml, shapes
from hrdeck.render.design.context import SlideContext
from hrdeck.render.design.grid import LOGO_CHIP_PAD, Grid, pt
from hrdeck.render.layouts import (
    Box,
    LayoutCache,
    box_of,
    layout_boxes,
    layout_of,
    place,
    set_alt,
    slide_size,
)
from hrdeck.render.oxml import clark
from hrdeck.render.package import PartFactory
from hrdeck.render.text import TextStyle, fill, plain
from hrdeck.theme.model import OWN_LAYOUT_PREFIX, Logo, Theme

CHROME_PT = 12
LOGO_HEIGHT = Inches(0.55)
SLIDENUM_FIELD_ID = "{4FAE1B2C-6D0E-4C5B-9A51-3E2F0D7C8B11}"
_C_NV_PR = clark("p:cNvPr")
_FIELD_TEXT = f".//{clark('a:fld')}/{clark('a:t')}"


def add_footer(
    slide: Slide, prs: Presentation, text: str, theme: Theme, lang: str, layouts: LayoutCache
) -> None:
    """The theme's footer text, centred in the footer band."""
    ink = chrome_colour(slide, theme, layouts)
    key = ("footer", text, lang, ink)
    if _stamp(slide, key, None, layouts):
        return
    shape, cloned = _clone_or_box(slide, prs, PP_PLACEHOLDER.FOOTER, 0.3, 0.4, layouts)
    style = TextStyle(lang=lang, size=CHROME_PT, color=ink, markers="none")
    fill(shape.text_frame, [plain(text)], style.with_(align=PP_ALIGN.LEFT))
    if cloned:
        _keep(slide, key, shape, layouts)


def _widen_footer(layout: SlideLayout, element: Any, layouts: LayoutCache) -> None:
    """Run the footer from the left margin to the slide number, so it stays on one line."""
    boxes = layout_boxes(layout, layouts)
    footer = boxes.get(("type", "ftr"))
    date, number = boxes.get(("type", "dt")), boxes.get(("type", "sldNum"))
    if footer is None or number is None:
        return
    left = date.left if date is not None else footer.left
    right = number.left - int(Pt(8))
    if right > left:
        xfrm = etree.SubElement(element.find(clark("p:spPr")), clark("a:xfrm"))
        etree.SubElement(xfrm, clark("a:off"), x=str(left), y=str(footer.top))
        etree.SubElement(xfrm, clark("a:ext"), cx=str(right - left), cy=str(footer.height))


def add_slide_number(
    slide: Slide, prs: Presentation, number: int, theme: Theme, lang: str, layouts: LayoutCache
) -> None:
    """A slide-number field (shows `number` until the viewer renumbers it)."""
    ink = chrome_colour(slide, theme, layouts)
    key = ("number", lang, ink)
    if _stamp(slide, key, str(number), layouts):
        return
    shape, cloned = _clone_or_box(slide, prs, PP_PLACEHOLDER.SLIDE_NUMBER, 0.8, 0.15, layouts)
    frame: TextFrame = shape.text_frame
    style = TextStyle(lang=lang, size=CHROME_PT, color=ink, markers="none")
    fill(frame, [plain("")], style.with_(align=PP_ALIGN.RIGHT))
    paragraph = oxml.paragraph_element(frame.paragraphs[0])
    for run in paragraph.findall(clark("a:r")):
        paragraph.remove(run)
    field = etree.Element(clark("a:fld"), id=SLIDENUM_FIELD_ID, type="slidenum")
    r_pr = etree.SubElement(field, clark("a:rPr"), lang=lang, sz=str(CHROME_PT * 100))
    fill_el = etree.SubElement(r_pr, clark("a:solidFill"))
    etree.SubElement(fill_el, clark("a:srgbClr"), val=ink.lstrip("#").upper())
    etree.SubElement(field, clark("a:t")).text = str(number)
    paragraph.find(clark("a:endParaRPr")).addprevious(field)  # fill() always writes one
    if cloned:
        _keep(slide, key, shape, layouts)


def _keep(slide: Slide, key: tuple[str, ...], shape: Shape, layouts: LayoutCache) -> None:
    """Remember a finished footer or number placeholder of this layout, to stamp on its
    later slides (a fallback text box is not kept: it is built each time)."""
    layouts.chrome[(layout_of(slide.part, layouts).part, *key)] = copy.deepcopy(shape.element)


def _stamp(slide: Slide, key: tuple[str, ...], number: str | None, layouts: LayoutCache) -> bool:
    """Append a copy of the finished shape kept for `key`, with a fresh id (and the slide
    number as the field's text); False when there is none yet."""
    finished = layouts.chrome.get((layout_of(slide.part, layouts).part, *key))
    if finished is None:
        return False
    element = copy.deepcopy(finished)
    tree = oxml.shape_tree(slide)
    oxml.non_visual_props(element).set("id", str(_next_id(tree)))
    if number is not None:
        element.find(_FIELD_TEXT).text = number
    tree.append(element)
    return True


def _next_id(tree: Any) -> int:
    return 1 + max(int(e.get("id", "0")) for e in tree.iter(_C_NV_PR))


def _clone_or_box(
    slide: Slide,
    prs: Presentation,
    kind: PP_PLACEHOLDER,
    x_frac: float,
    w_frac: float,
    layouts: LayoutCache,
) -> tuple[Shape, bool]:
    """A footer or slide-number placeholder like the layout's own (True), or a small text
    box in the footer band where the layout has none (False)."""
    element = chrome_placeholder(slide.slide_layout, kind, layouts)
    if element is not None:
        tree = oxml.shape_tree(slide)
        oxml.non_visual_props(element).set("id", str(_next_id(tree)))
        tree.append(element)
        return oxml.slide_placeholder(slide, element), True
    width, height = slide_size(prs)
    box = Box(
        int(width * (x_frac - w_frac / 2)) if kind == PP_PLACEHOLDER.FOOTER else int(width * 0.7),
        int(height * 0.925),
        int(width * w_frac),
        int(Inches(0.4)),
    )
    shape = slide.shapes.add_textbox(Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height))
    shape.name = "Footer" if kind == PP_PLACEHOLDER.FOOTER else "Slide Number"
    return shape, False


def chrome_placeholder(layout: SlideLayout, kind: PP_PLACEHOLDER, layouts: LayoutCache) -> Any:
    """A new, empty placeholder element of `layout`'s footer or slide-number placeholder
    (its last, if it has several), or None; a footer is widened to run up to the number.

    Needed on a layout's first slide only: later ones get the finished shape stamped.
    """
    placeholders: Any = layout.placeholders  # (python-pptx's typing of these is loose)
    found = [p for p in placeholders if p.placeholder_format.type == kind]
    if not found:
        return None
    name = "Footer" if kind == PP_PLACEHOLDER.FOOTER else "Slide Number"
    element = oxml.placeholder_like(found[-1], name)
    if kind == PP_PLACEHOLDER.FOOTER:
        _widen_footer(layout, element, layouts)
    return element


def chrome_colour(slide: Slide, theme: Theme, layouts: LayoutCache) -> str:
    """The colour the layout gives its footer, when it names one (hrdeck's own layouts
    do: light on a section divider's field), else the palette's muted colour."""
    layout = layout_of(slide.part, layouts)
    key = (layout.part, "chrome colour")
    if key not in layouts.chrome:
        layouts.chrome[key] = chrome_fill(layout)
    found = layouts.chrome[key]
    return str(found) if found is not None else theme.palette.muted


def chrome_fill(layout: SlideLayout) -> str | None:
    """The explicit text colour (RRGGBB) of the layout's footer or number placeholder."""
    for element in oxml.shape_tree(layout).iterchildren(_SP):
        ph = oxml.ph_element(element)
        if ph is not None and ph.get("type") in ("ftr", "sldNum"):
            colour = element.find(_STYLE_COLOUR)
            return None if colour is None else str(colour.get("val")).upper()
    return None


_SP = clark("p:sp")
_STYLE_COLOUR = "/".join(
    clark(t)
    for t in ("p:txBody", "a:lstStyle", "a:lvl1pPr", "a:defRPr", "a:solidFill", "a:srgbClr")
)


def own_layout(slide: Slide) -> bool:
    """True for a slide on one of hrdeck's own layouts."""
    return slide.slide_layout.name.startswith(OWN_LAYOUT_PREFIX)


def logo_box(prs: Presentation, logo: Logo, aspect: float, on_grid: bool = False) -> Box:
    """Where the logo goes: the named corner of hrdeck's grid (`on_grid`), else inside
    the slide's edge by 0.3 in (an agency template)."""
    if on_grid:
        return Grid(*slide_size(prs)).logo(logo.position, aspect)
    height = int(LOGO_HEIGHT)
    width = int(height * aspect)
    margin = int(Inches(0.3))
    right = logo.position.endswith("right")
    bottom = logo.position.startswith("bottom")
    slide_w, slide_h = slide_size(prs)
    left = slide_w - margin - width if right else margin
    top = slide_h - margin - height if bottom else margin
    return Box(left, top, width, height)


def add_logo(
    slide: Slide, prs: Presentation, logo: Logo, parts: PartFactory, layouts: LayoutCache
) -> None:
    """The logo picture, alt text from the theme, text placeholders moved aside."""
    box = logo_box(prs, logo, _aspect(logo), own_layout(slide))
    picture = parts.picture(slide, logo.path, Emu(box.left), Emu(box.top), Emu(box.width), None)
    picture.name = "Logo"
    set_alt(picture, logo.alt)
    for shape in slide.placeholders:
        _make_room(shape, box, layouts)


def _aspect(logo: Logo) -> float:
    px_w, px_h = oxml.image_pixel_size(logo.path)
    return px_w / px_h if px_h else 1.0


def logo_on_field(ctx: SlideContext) -> None:
    """The logo in its corner of a cover or section divider of hrdeck's own master, on a
    rounded chip of the background colour (a logo is drawn for a white page)."""
    logo = ctx.theme.logo
    if logo is None or not ctx.own_master:
        return
    box = ctx.grid.logo(logo.position, _aspect(logo))
    pad = pt(LOGO_CHIP_PAD)
    chip_box = Box(box.left - pad, box.top - pad, box.width + 2 * pad, box.height + 2 * pad)
    shapes.add_decoration(ctx.slide, chip_box, ctx.theme.palette.background, "Logo chip", 0.2)
    add_logo(ctx.slide, ctx.prs, logo, ctx.parts, ctx.layouts)


def _make_room(shape: Shape, logo: Box, layouts: LayoutCache) -> None:
    """Narrow `shape` so it stops short of the logo (only if they overlap)."""
    box = box_of(shape, layouts)
    if not box.intersects(logo):
        return
    gap = int(Pt(8))
    if logo.left > box.left + box.width // 2:
        place(shape, Box(box.left, box.top, logo.left - gap - box.left, box.height))
    else:
        new_left = logo.right + gap
        place(shape, Box(new_left, box.top, box.right - new_left, box.height))
