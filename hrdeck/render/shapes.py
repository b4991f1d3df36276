"""Native, editable shapes drawn in the theme's palette: spectrum, myth/fact panels.

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
from hrdeck.render.layouts import Box, LayoutCache, box_of, place
from hrdeck.render.master import blend
from hrdeck.render.measure import box_area, fit_in, text_height
from hrdeck.render.oxml import clark
from hrdeck.render.text import TextStyle, fill, plain, rgb
from hrdeck.richtext import Para
from hrdeck.theme.model import Theme

BAND_HEIGHT = Inches(0.6)
# PowerPoint's "Mark as decorative" (Office 2019+): screen readers skip the shape.
DECORATIVE_EXT_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"
LABEL_PT = 20
CHEVRON_HEIGHT = Inches(1.3)


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


def mark_decorative(shape: Shape | Connector) -> None:
    """Mark `shape` decorative, as PowerPoint's Alt Text pane does (an a16 extension)."""
    c_nv_pr = oxml.non_visual_props(shape.element)
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


def panel(
    slide: Slide,
    placeholder: Shape,
    label: str,
    colour: str,
    theme: Theme,
    lang: str,
    layouts: LayoutCache,
) -> None:
    """Turn a content placeholder into a labelled panel: filled band above, outline.

    The band is moved before the placeholder in the shape tree, so screen readers read
    "MYTH", then the myth.
    """
    box = box_of(placeholder, layouts)
    band_box = Box(box.left, box.top, box.width, int(BAND_HEIGHT))
    band = add_box(slide, MSO_SHAPE.RECTANGLE, band_box, colour, f"{label.title()} label")
    label_shape(band, label, theme, lang, LABEL_PT)
    band.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    band.text_frame.margin_left = Inches(0.2)
    body = Box(box.left, band_box.bottom, box.width, box.height - band_box.height)
    place(placeholder, body)
    placeholder.fill.solid()
    placeholder.fill.fore_color.rgb = rgb(blend(theme.palette.background, colour, 0.07))
    placeholder.line.color.rgb = rgb(colour)
    placeholder.line.width = Pt(1.5)
    frame = placeholder.text_frame
    frame.margin_left = frame.margin_right = Inches(0.2)
    frame.margin_top = Inches(0.15)
    placeholder.element.addprevious(band.element)


def spectrum(
    slide: Slide, area: Box, stages: Sequence[Block], theme: Theme, lang: str
) -> list[Shape]:
    """One chevron per stage, left to right, each with its description below it."""
    count = max(1, len(stages))
    overlap = int(Inches(0.12))
    width = (area.width + overlap * (count - 1)) // count
    gap = int(Inches(0.2))
    room = area.height - int(CHEVRON_HEIGHT) - gap
    font = theme.body_font
    desc_size = _description_size(stages, width - 2 * overlap, room, font)
    column = box_area(Emu(width - 2 * overlap).pt, 0.0, indented=False)
    needed = max((text_height(s.paras, column, desc_size, font) for s in stages), default=0.0)
    desc_height = min(room, int(Pt(needed)) + int(Inches(0.2)))
    top = area.top + (room - desc_height) // 2  # centre the whole row in the area
    area = Box(area.left, top, area.width, area.bottom - top)
    desc_top = top + int(CHEVRON_HEIGHT) + gap
    label_pt = (
        min(
            label_size(s.heading or "Stage 10", Box(0, 0, width, int(CHEVRON_HEIGHT)))
            for s in stages
        )
        if stages
        else 22
    )
    shapes = []
    for index, stage in enumerate(stages):
        left = area.left + index * (width - overlap)
        box = Box(left, area.top, width, int(CHEVRON_HEIGHT))
        shapes.append(_stage(slide, stage, (index, count, label_pt), box, theme, lang))
        text_box = Box(left + overlap, desc_top, width - 2 * overlap, desc_height)
        style = TextStyle(lang=lang, size=desc_size, color=theme.palette.text, markers="none")
        add_text(slide, text_box, stage.paras, style, f"Stage {index + 1} description")
    return shapes


def _description_size(stages: Sequence[Block], width: int, height: int, font: str) -> int:
    longest = max((len(w) for s in stages for p in s.paras for w in p.text.split()), default=1)
    room = Emu(width).pt - 16
    sizes = (*(n for n in (24, 22, 20) if longest * n * 0.55 <= room), 18)
    area = box_area(Emu(width).pt, Emu(height).pt, indented=False)
    return min((int(fit_in(area, s.paras, sizes, font)) for s in stages), default=20)


def _stage(
    slide: Slide, stage: Block, position: tuple[int, int, int], box: Box, theme: Theme, lang: str
) -> Shape:
    index, count, size = position
    kind = MSO_SHAPE.PENTAGON if index == 0 else MSO_SHAPE.CHEVRON
    colour = stage_colour(theme, index, count)
    label = stage.heading or f"Stage {index + 1}"
    shape = add_box(slide, kind, box, colour, f"Stage {index + 1}: {label}")
    shape.adjustments[0] = 0.3
    label_shape(shape, label, theme, lang, size)
    frame = shape.text_frame  # the chevron's own text rectangle already skips the points
    frame.margin_left = frame.margin_right = Inches(0.04)
    return shape


def label_size(label: str, box: Box) -> int:
    """22pt, or smaller if the longest word would not fit on a line (never below 12pt).

    Labels on narrow chevrons (five stages on a 4:3 slide) are the one place text
    goes under 18pt: the alternative is a word broken in the middle.
    """
    text_width = Emu(box.width - int(box.height * 0.6)).pt - 8
    longest = max((len(word) for word in label.split()), default=1)
    for size in (22, 20, 18, 16, 14):
        if longest * size * 0.55 <= text_width:
            return size
    return 12


def stage_colour(theme: Theme, index: int, count: int) -> str:
    """Stages run from the second accent to the main accent."""
    if count <= 1:
        return theme.palette.accent
    return blend(theme.palette.accent2, theme.palette.accent, index / (count - 1))
