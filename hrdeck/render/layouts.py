"""Choose template layouts by name and find the placeholders on a slide.

Layouts are never chosen by index (python-pptx #269): a theme maps each slide kind
to a layout name, falling back to :data:`DEFAULT_LAYOUTS`, which names layouts of
python-pptx's default template (the one used when a theme has no template).
Placeholders are found by type and position, not by idx, so agency templates whose
placeholders are numbered differently still work.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.presentation import Presentation
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide, SlideLayout
from pptx.util import Emu

from hrdeck.errors import ContentError

DEFAULT_LAYOUTS: Mapping[str, str] = {
    "title": "Title Slide",
    "agenda": "Title and Content",
    "section": "Section Header",
    "bullets": "Title and Content",
    "myth": "Two Content",
    "comparison": "Comparison",
    "spectrum": "Title Only",
    "diagram": "Title Only",
    "case": "Title and Content",
    "questions": "Title and Content",
    "references": "Title and Content",
    "resources": "Title and Content",
    "closing": "Title Slide",
}

TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE)
CHROME_TYPES = (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
TEXT_TYPES = (
    PP_PLACEHOLDER.BODY,
    PP_PLACEHOLDER.OBJECT,
    PP_PLACEHOLDER.SUBTITLE,
    PP_PLACEHOLDER.VERTICAL_BODY,
    PP_PLACEHOLDER.VERTICAL_OBJECT,
)


def layout_name(theme_layouts: Mapping[str, str], kind: str) -> str:
    """The layout name for slide `kind`: the theme's choice, else hrdeck's default."""
    return theme_layouts.get(kind) or DEFAULT_LAYOUTS[kind]


def find_layout(prs: Presentation, name: str, kind: str) -> SlideLayout:
    """The layout called `name`, or a ContentError naming what the template has."""
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            if layout.name == name:
                return layout
    have = ", ".join(sorted({lay.name for m in prs.slide_masters for lay in m.slide_layouts}))
    raise ContentError(
        f"the template has no layout named {name!r} (needed for {kind} slides); "
        f"its layouts are: {have}"
    )


@dataclass(frozen=True)
class Box:
    """A rectangle in EMU."""

    left: int
    top: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height

    @property
    def width_pt(self) -> float:
        return Emu(self.width).pt

    @property
    def height_pt(self) -> float:
        return Emu(self.height).pt

    def inset(self, dx: int, dy: int) -> Box:
        return Box(self.left + dx, self.top + dy, self.width - 2 * dx, self.height - 2 * dy)

    def intersects(self, other: Box) -> bool:
        return not (
            other.left >= self.right
            or other.right <= self.left
            or other.top >= self.bottom
            or other.bottom <= self.top
        )


def box_of(shape: Shape) -> Box:
    """The (inherited) position of a shape."""
    return Box(int(shape.left or 0), int(shape.top or 0), int(shape.width), int(shape.height))


def place(shape: Shape, box: Box) -> None:
    """Move `shape` to `box` (gives it its own xfrm)."""
    shape.left, shape.top, shape.width, shape.height = (
        Emu(box.left),
        Emu(box.top),
        Emu(box.width),
        Emu(box.height),
    )


def layout_placeholders(layout: SlideLayout) -> list[Any]:
    """The placeholders of a layout (python-pptx's iterator confuses mypy)."""
    return list(layout.placeholders)


def slide_size(prs: Presentation) -> tuple[int, int]:
    """Slide width and height in EMU."""
    return int(prs.slide_width or 12192000), int(prs.slide_height or 6858000)


def set_alt(shape: Any, text: str) -> None:
    """Alt text: the descr attribute of the shape's cNvPr (pic, sp, grpSp, cxnSp)."""
    shape._element.xpath("./*[1]/p:cNvPr")[0].set("descr", text)


def _type(shape: Shape) -> object:
    return shape.placeholder_format.type


def title_placeholder(slide: Slide) -> Shape | None:
    """The slide's title placeholder, if its layout has one."""
    return next((s for s in slide.placeholders if _type(s) in TITLE_TYPES), None)


def text_placeholders(slide: Slide) -> list[Shape]:
    """Body, content and subtitle placeholders, in reading order (columns, then rows)."""
    found = [s for s in slide.placeholders if _type(s) in TEXT_TYPES]
    return sorted(found, key=lambda s: (round(int(s.left or 0) / 914400), int(s.top or 0)))


def remove_unused(slide: Slide, keep: list[Shape]) -> None:
    """Delete empty placeholders other than `keep`, so no 'Click to add text' shows."""
    kept = {id(s._element) for s in keep}
    for shape in list(slide.placeholders):
        if id(shape._element) in kept or _type(shape) in TITLE_TYPES:
            continue
        if shape.has_text_frame and shape.text_frame.text.strip():
            continue
        shape._element.getparent().remove(shape._element)


def content_area(prs: Presentation, slide: Slide) -> Box:
    """The free area below the title and above the footer band."""
    title = title_placeholder(slide)
    width, height = slide_size(prs)
    margin = int(width * 0.045)
    top = box_of(title).bottom + margin // 3 if title is not None else margin
    bottom = height - int(height * 0.1)
    return Box(margin, top, width - 2 * margin, bottom - top)
