"""Native, editable shapes drawn in the theme's palette: boxes, text boxes, the spectrum.

Everything here is an ordinary autoshape or text box a trainer can click and edit,
never a picture.  Colours come from the Theme explicitly (not from scheme slots),
so the palette reaches the drawing even in an agency template.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

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
from hrdeck.textfit.measure import TextArea
from hrdeck.theme.model import Theme

# PowerPoint's "Mark as decorative" (Office 2019+): screen readers skip the shape.
DECORATIVE_EXT_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"
STAGE_GAP = 16  # pt between stage boxes
SHAFT, HEAD = 0.7, 0.45  # the arrow's shaft and heads, as shares of its height
# (arrow, stage box, gap between rows) in pt; compact when the descriptions need room
CAPTION_SIZES = (22, 20, 18)  # the caption on the arrow
SPECTRUM_FULL, SPECTRUM_COMPACT = (84, 72, 16), (56, 64, 10)  # 64: two label lines


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
    to right, each stage's description under its box; the whole centred in `area`, and
    kept inside it (:func:`spectrum_rows`)."""
    count = max(1, len(stages))
    width = (area.width - int(Pt(STAGE_GAP)) * (count - 1)) // count
    label_pt = min((label_size(s.heading or "Stage 10", width) for s in stages), default=22)
    rows = spectrum_rows(area, stages, caption, width, theme.body_font)
    top = area.top + max(0, (area.height - rows.total) // 2)
    if caption:
        arrow = Box(area.left, top, area.width, rows.arrow)
        continuum(slide, arrow, caption, theme, lang)
        top = arrow.bottom + rows.gap
    drawn = []
    for index, (stage, (colour, ink)) in enumerate(zip(stages, ramp(theme, count), strict=False)):
        left = area.left + index * (width + int(Pt(STAGE_GAP)))
        box = Box(left, top, width, rows.stage)
        drawn.append(_stage(slide, stage, index, box, (colour, ink, label_pt), theme, lang))
    desc_top = top + rows.stage + rows.gap
    style = TextStyle(lang=lang, size=rows.desc_size, color=theme.palette.text, markers="none")
    for index, stage in enumerate(stages):
        left = area.left + index * (width + int(Pt(STAGE_GAP)))
        box = Box(left, desc_top, width, rows.desc)
        add_text(slide, box, stage.paras, style, f"Stage {index + 1} description")
    return drawn


@dataclass(frozen=True)
class SpectrumRows:
    """The heights (EMU) of a spectrum's rows: arrow, stage boxes, descriptions, the gap
    between rows, and the descriptions' size."""

    arrow: int
    stage: int
    desc: int
    gap: int
    desc_size: float

    @property
    def total(self) -> int:
        return self.arrow + self.stage + self.desc + self.gap * (2 if self.arrow else 1)


def spectrum_rows(
    area: Box, stages: Sequence[Block], caption: Sequence[Para], width: int, font: str
) -> SpectrumRows:
    """Rows that fit `area`: the arrow and stage boxes at full height and the
    descriptions at the largest body size that fits the rest (24 pt down to 18 pt); when
    even 18 pt does not fit, arrow, boxes and gaps drawn compact (the arrow still tall
    enough for its caption at 18 pt); the compact rows at 18 pt when nothing fits."""
    column = box_area(Emu(width).pt, 0.0, indented=False)
    sizes = _description_sizes(stages, width)
    for arrow_pt, stage_pt, gap_pt in (SPECTRUM_FULL, SPECTRUM_COMPACT):
        arrow = _arrow_height(caption, area.width, arrow_pt, font) if caption else 0
        rows = SpectrumRows(arrow, int(Pt(stage_pt)), 0, int(Pt(gap_pt)), sizes[-1])
        for size in sizes:
            needed = max((text_height(s.paras, column, size, font) for s in stages), default=0)
            fitted = dataclasses.replace(rows, desc=int(Pt(needed)), desc_size=size)
            if fitted.total <= area.height:
                return fitted
    return fitted


def _arrow_height(caption: Sequence[Para], width: int, least_pt: int, font: str) -> int:
    """The arrow's height: `least_pt`, or taller (up to the full arrow) until its shaft
    holds the caption at 18 pt."""
    full = SPECTRUM_FULL[0]
    for height_pt in (*range(least_pt, full, 4), full):
        box = Box(0, 0, width, int(Pt(height_pt)))
        if _caption_fits(caption, box, CAPTION_SIZES[-1], font):
            return int(Pt(height_pt))
    return int(Pt(full))


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
    return fit_in(_shaft(box), _bold(caption), CAPTION_SIZES, font)


def _caption_fits(caption: Sequence[Para], box: Box, size: float, font: str) -> bool:
    shaft = _shaft(box)
    return text_height(_bold(caption), shaft, size, font) <= shaft.height_pt


def _bold(paras: Sequence[Para]) -> list[Para]:
    """`paras` as the arrow sets them, bold (and measured so)."""
    return [
        dataclasses.replace(p, runs=tuple(dataclasses.replace(r, bold=True) for r in p.runs))
        for p in paras
    ]


def _shaft(box: Box) -> TextArea:
    """The text area of an arrow's shaft (between its heads)."""
    shaft_w = box.width - 2 * int(box.height * HEAD)
    return box_area(Emu(shaft_w).pt, Emu(int(box.height * SHAFT)).pt, indented=False)


def _description_sizes(stages: Sequence[Block], width: int) -> tuple[float, ...]:
    """Body sizes for the descriptions, from 24 pt down to 18 pt, leaving out those at
    which the longest word would not fit a line of the column."""
    longest = max((len(w) for s in stages for p in s.paras for w in p.text.split()), default=1)
    room = Emu(width).pt - 16
    return (*(n for n in (24, 22, 20) if longest * n * 0.55 <= room), 18)


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
