"""Native, editable shapes drawn in the theme's palette: boxes, text boxes, the spectrum.

Everything here is an ordinary autoshape or text box a trainer can click and edit,
never a picture.  Colours come from the Theme explicitly (not from scheme slots),
so the palette reaches the drawing even in an agency template.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.shapes.autoshape import Shape
from pptx.shapes.connector import Connector
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from hrdeck.plan.types import Block
from hrdeck.render import oxml
from hrdeck.render.design.colours import ramp
from hrdeck.render.layouts import Box
from hrdeck.render.measure import box_area, fit_in, text_height
from hrdeck.render.oxml import XmlElement, clark
from hrdeck.render.text import TextStyle, fill, plain, rgb
from hrdeck.richtext import Para
from hrdeck.theme.model import Theme

# PowerPoint's "Mark as decorative" (Office 2019+): screen readers skip the shape.
DECORATIVE_EXT_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"
STAGE_HEIGHT, STAGE_GAP = 72, 16  # pt: a stage's box, the gaps between boxes and rows
ARROW_HEIGHT, SHAFT, HEAD = 84, 0.7, 0.45  # pt; the arrow's shaft and heads, as shares


def add_box(slide: Slide, kind: MSO_SHAPE, box: Box, colour: str | None, name: str) -> Shape:
    """An autoshape at `box`, filled with `colour` (or unfilled), without outline."""
    shape = slide.shapes.add_shape(
        kind, Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height)
    )
    shape.name = name
    if colour:
        shape.fill.solid()
        shape.fill.fore_color.rgb = rgb(colour)
    else:
        shape.fill.background()
    shape.line.fill.background()
    drop_style(shape)
    return shape


def add_decoration(
    slide: Slide, box: Box, colour: str, name: str, rounding: float | None = None
) -> XmlElement:
    """A filled rectangle (rounded by `rounding` of its short side) without outline,
    marked decorative, appended to the slide as plain XML: bars, rules, chips, cards and
    progress segments are many per deck, and python-pptx's add_shape costs far more
    than the few elements it writes."""
    tree = oxml.shape_tree(slide)
    shape = etree.SubElement(tree, _SP)
    non_visual = etree.SubElement(shape, _NV_SP_PR)
    props = etree.SubElement(non_visual, _C_NV_PR, id=str(_next_shape_id(tree)), name=name)
    etree.SubElement(non_visual, _C_NV_SP_PR)
    etree.SubElement(non_visual, _NV_PR)
    _decorative_marker(props)
    sp_pr = etree.SubElement(shape, _SP_PR)
    xfrm = etree.SubElement(sp_pr, _XFRM)
    etree.SubElement(xfrm, _OFF, x=str(box.left), y=str(box.top))
    etree.SubElement(xfrm, _EXT, cx=str(box.width), cy=str(box.height))
    geometry = etree.SubElement(sp_pr, _PRST_GEOM, prst="rect" if rounding is None else "roundRect")
    adjust = etree.SubElement(geometry, _AV_LST)
    if rounding is not None:
        etree.SubElement(adjust, _GD, name="adj", fmla=f"val {round(rounding * 100000)}")
    solid = etree.SubElement(sp_pr, _SOLID_FILL)
    etree.SubElement(solid, _SRGB_CLR, val=colour.lstrip("#").upper())
    etree.SubElement(etree.SubElement(sp_pr, _LN), _NO_FILL)
    return shape


def _next_shape_id(tree: XmlElement) -> int:
    return 1 + max(int(e.get("id", "0")) for e in tree.iter(_C_NV_PR))


_SP, _NV_SP_PR, _C_NV_PR, _C_NV_SP_PR, _NV_PR, _SP_PR = (
    clark(t) for t in ("p:sp", "p:nvSpPr", "p:cNvPr", "p:cNvSpPr", "p:nvPr", "p:spPr")
)
_XFRM, _OFF, _EXT, _PRST_GEOM, _AV_LST, _GD, _SOLID_FILL, _SRGB_CLR, _LN, _NO_FILL = (
    clark(f"a:{t}")
    for t in (
        "xfrm",
        "off",
        "ext",
        "prstGeom",
        "avLst",
        "gd",
        "solidFill",
        "srgbClr",
        "ln",
        "noFill",
    )
)


def mark_decorative(shape: Shape | Connector) -> None:
    """Mark `shape` decorative, as PowerPoint's Alt Text pane does (an a16 extension)."""
    _decorative_marker(oxml.non_visual_props(shape.element))


def _decorative_marker(c_nv_pr: XmlElement) -> None:
    ext_lst = c_nv_pr.find(clark("a:extLst"))
    if ext_lst is None:
        ext_lst = etree.SubElement(c_nv_pr, clark("a:extLst"))
    ext = etree.SubElement(ext_lst, clark("a:ext"), uri=DECORATIVE_EXT_URI)
    marker = etree.SubElement(ext, f"{{{DECORATIVE_NS}}}decorative", nsmap={"adec": DECORATIVE_NS})
    marker.set("val", "1")


def drop_style(shape: Shape | Connector) -> None:
    """Remove the theme style reference (its effects draw shadows in some viewers)."""
    style = shape.element.find(clark("p:style"))
    if style is not None:
        shape.element.remove(style)


def add_text(
    slide: Slide,
    box: Box,
    paras: Sequence[Para],
    style: TextStyle,
    name: str,
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
) -> Shape:
    """A text box at `box` holding `paras`."""
    shape = slide.shapes.add_textbox(Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height))
    shape.name = name
    fill(shape.text_frame, paras, style)
    shape.text_frame.vertical_anchor = anchor
    return shape


def label_shape(shape: Shape, text: str, theme: Theme, lang: str, size: float) -> None:
    """Bold centred label text on an accent-filled shape."""
    frame = shape.text_frame
    style = TextStyle(
        lang=lang,
        size=size,
        color=theme.palette.accent_text,
        font=theme.heading_font,
        bold=True,
        markers="none",
        align=PP_ALIGN.CENTER,
    )
    fill(frame, [plain(text)], style)
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    for side in ("margin_left", "margin_right"):
        setattr(frame, side, Inches(0.08))


def spectrum(
    slide: Slide,
    area: Box,
    stages: Sequence[Block],
    caption: Sequence[Para],
    theme: Theme,
    lang: str,
) -> list[Shape]:
    """The stages as a two-way continuum: a double-headed arrow carrying the caption
    across the top, one box per stage below it in one colour family deepening from left
    to right, each stage's description under its box; the whole centred in `area`."""
    count = max(1, len(stages))
    gap = int(Pt(STAGE_GAP))
    width = (area.width - gap * (count - 1)) // count
    desc_size = _description_size(stages, width, area.height // 2, theme.body_font)
    column = box_area(Emu(width).pt, 0.0, indented=False)
    needed = max(
        (text_height(s.paras, column, desc_size, theme.body_font) for s in stages), default=0
    )
    desc_height = int(Pt(needed))
    arrow_height = int(Pt(ARROW_HEIGHT)) if caption else 0
    block = arrow_height + int(Pt(STAGE_HEIGHT)) + desc_height + gap * (2 if caption else 1)
    top = area.top + max(0, (area.height - block) // 2)
    if caption:
        arrow = Box(area.left, top, area.width, arrow_height)
        continuum(slide, arrow, caption, theme, lang)
        top = arrow.bottom + gap
    label_pt = min((label_size(s.heading or "Stage 10", width) for s in stages), default=22)
    drawn = []
    for index, (stage, (colour, ink)) in enumerate(zip(stages, ramp(theme, count), strict=False)):
        left = area.left + index * (width + gap)
        box = Box(left, top, width, int(Pt(STAGE_HEIGHT)))
        drawn.append(_stage(slide, stage, index, box, (colour, ink, label_pt), theme, lang))
    desc_top = top + int(Pt(STAGE_HEIGHT)) + gap
    style = TextStyle(lang=lang, size=desc_size, color=theme.palette.text, markers="none")
    for index, stage in enumerate(stages):
        left = area.left + index * (width + gap)
        box = Box(left, desc_top, width, desc_height)
        add_text(slide, box, stage.paras, style, f"Stage {index + 1} description")
    return drawn


def continuum(slide: Slide, box: Box, caption: Sequence[Para], theme: Theme, lang: str) -> Shape:
    """A double-headed arrow across `box` with the caption written on it."""
    arrow = add_box(slide, MSO_SHAPE.LEFT_RIGHT_ARROW, box, theme.palette.accent, "Continuum")
    arrow.adjustments[0] = SHAFT  # the shaft's share of the height
    arrow.adjustments[1] = HEAD  # the heads' length, as a share of the height
    frame = arrow.text_frame
    size = _caption_size(caption, box, theme.body_font)
    style = TextStyle(
        lang=lang,
        size=size,
        color=theme.palette.accent_text,
        bold=True,
        markers="none",
        align=PP_ALIGN.CENTER,
    )
    fill(frame, caption, style)
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame.margin_top = frame.margin_bottom = 0
    return arrow


def _caption_size(caption: Sequence[Para], box: Box, font: str) -> float:
    """22 pt down to 18 pt: the largest at which the caption fits the arrow's shaft."""
    shaft_w = box.width - 2 * int(box.height * HEAD)
    area = box_area(Emu(shaft_w).pt, Emu(int(box.height * SHAFT)).pt, indented=False)
    return fit_in(area, caption, (22, 20, 18), font)


def _description_size(stages: Sequence[Block], width: int, height: int, font: str) -> int:
    longest = max((len(w) for s in stages for p in s.paras for w in p.text.split()), default=1)
    room = Emu(width).pt - 16
    sizes = (*(n for n in (24, 22, 20) if longest * n * 0.55 <= room), 18)
    area = box_area(Emu(width).pt, Emu(height).pt, indented=False)
    return min((int(fit_in(area, s.paras, sizes, font)) for s in stages), default=20)


def _stage(
    slide: Slide,
    stage: Block,
    index: int,
    box: Box,
    look: tuple[str, str, int],
    theme: Theme,
    lang: str,
) -> Shape:
    fill_colour, ink, size = look
    label = stage.heading or f"Stage {index + 1}"
    shape = add_box(
        slide, MSO_SHAPE.ROUNDED_RECTANGLE, box, fill_colour, f"Stage {index + 1}: {label}"
    )
    shape.adjustments[0] = 0.12
    label_shape(shape, label, theme, lang, size)
    _colour_text(shape, ink)
    return shape


def _colour_text(shape: Shape, colour: str) -> None:
    for paragraph in shape.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.color.rgb = rgb(colour)


def label_size(label: str, width: int) -> int:
    """22 pt, or smaller if the longest word would not fit on a line (never below 12 pt).

    Labels on narrow boxes (six stages on a 4:3 slide) are the one place text may go
    under 18 pt: the alternative is a word broken in the middle.
    """
    text_width = Emu(width).pt - 16
    longest = max((len(word) for word in label.split()), default=1)
    for size in (22, 20, 18, 16, 14):
        if longest * size * 0.55 <= text_width:
            return size
    return 12
