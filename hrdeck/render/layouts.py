"""Choose template layouts and find the placeholders on a slide.

Layouts are never chosen by index alone (python-pptx #269): a theme maps each slide
kind to a layout name, optionally in a given master (a number from 1, or a name),
falling back to :data:`hrdeck.kinds.DEFAULT_LAYOUTS`, which names layouts of
python-pptx's default template (the one used when a theme has no template).  Without a
master the first master that has a layout of that name is used.  Placeholders are
found by type and position, not by idx: the text placeholders of a slide are taken in
reading order (columns left to right, then top to bottom), so agency templates whose
placeholders are numbered differently, or not at all, still work (see
:mod:`hrdeck.render.placement` for numbering them and for text boxes standing in for
placeholders a layout lacks).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.presentation import Presentation
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide, SlideLayout
from pptx.util import Emu

from hrdeck.diagnostics import Loc, error
from hrdeck.errors import ContentError
from hrdeck.render import oxml
from hrdeck.render.oxml import clark, own_xfrm, ph_element, ph_kind
from hrdeck.textfit.measure import LineMemo, TextArea
from hrdeck.theme.model import LayoutRef

TITLE_KINDS = frozenset({"title", "ctrTitle"})
TEXT_KINDS = frozenset({"body", "obj", "subTitle"})
OTHER_KINDS = frozenset({"pic", "chart", "tbl", "dgm", "media", "clipArt"})
TEXT_TYPES = (
    PP_PLACEHOLDER.BODY,
    PP_PLACEHOLDER.OBJECT,
    PP_PLACEHOLDER.SUBTITLE,
    PP_PLACEHOLDER.VERTICAL_BODY,
    PP_PLACEHOLDER.VERTICAL_OBJECT,
)
STAND_IN_NAME = "Body text"  # text boxes standing in for a placeholder the layout lacks
WHERE = Loc("<template>", 0, 0)
if TYPE_CHECKING:
    from hrdeck.template.model import Template

RESOLVE_HINT = "`hrdeck theme inspect TEMPLATE` lists every master's layouts and proposes a mapping"


def find_layout(
    prs: Presentation, ref: LayoutRef | str, kind: str, model: Template | None = None
) -> SlideLayout:
    """The layout `ref` names, or a ContentError saying what the template has.

    With the template's `model` (an agency template), `ref` is resolved as ``theme
    check`` resolves it (:func:`hrdeck.template.resolve.find_layout`: masters by number
    or name); without one (python-pptx's default template) by name, masters by number.
    """
    if isinstance(ref, str):
        ref = LayoutRef(ref)
    if model is not None:
        return _modelled_layout(prs, ref, kind, model)
    masters = list(prs.slide_masters)
    if isinstance(ref.master, int) and 1 <= ref.master <= len(masters):
        masters = [masters[ref.master - 1]]
    for master in masters:
        for layout in master.slide_layouts:
            if layout.name == ref.layout:
                return layout
    have = ", ".join(dict.fromkeys(repr(lay.name) for m in masters for lay in m.slide_layouts))
    message = f"the template has no layout named {ref.layout!r} (needed for {kind} slides)"
    raise _not_found("missing-layout", f"{message}; its layouts are: {have}", RESOLVE_HINT)


def _modelled_layout(prs: Presentation, ref: LayoutRef, kind: str, model: Template) -> SlideLayout:
    from hrdeck.template import resolve  # an agency template: only then

    try:
        found = resolve.find_layout(model, ref.layout, ref.master)
    except resolve.NotFound as exc:
        raise _not_found(exc.code, exc.said_for(f"needed for {kind} slides"), exc.hint) from exc
    layout = list(prs.slide_masters)[found.master - 1].slide_layouts[found.index - 1]
    if layout.name != found.name:  # the package lists parts python-pptx reads differently
        return find_layout(prs, LayoutRef(found.name, found.master), kind)
    return layout


def _not_found(code: str, message: str, hint: str) -> ContentError:
    return ContentError(message, [error(WHERE, code, message, hint)])


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


@dataclass
class LayoutCache:
    """What one render works out once per slide layout and reuses on every slide of it.

    A deck of a thousand slides uses a handful of layouts, so a placeholder that
    inherits its layout's position has the same box, and the same text area, on each
    of them.  One cache is made per presentation (:func:`hrdeck.render.deck.start_deck`)
    and passed down explicitly; it is keyed by that presentation's layout parts and dropped with
    it.  Only what pays is kept, measured as the work (CPU instructions) of the
    1000-slide bench build and of a warm ``hrdeck watch`` rebuild without it:

    ``boxes``: placeholder boxes by layout (+5% and +7% without it);
    ``areas``: text areas of inherited placeholders by layout and list markers (+15%, +7%);
    ``chrome``: finished footer and slide-number shapes by layout and what they show,
    stamped on the layout's later slides (+60% and +28% without it and the footer and
    number prototypes it makes redundant: with it, those are made once per layout, on
    its first slide, and need no cache).
    """

    boxes: dict[object, dict[tuple[str, Any], Box]] = field(default_factory=dict)
    areas: dict[tuple[object, str, str, str], TextArea] = field(default_factory=dict)
    chrome: dict[tuple[object, ...], Any] = field(default_factory=dict)
    # On an agency template: free areas follow its master's body placeholder (the
    # template's grid), worked out once per layout.
    agency: bool = False
    areas_below_title: dict[object, Box] = field(default_factory=dict)
    icons: Any = None  # the icon set (render.icons.IconLibrary), read when first drawn
    # QR code modules by address: a pure function of the address, so a long-lived
    # process (``hrdeck watch``) passes the same dict to every render (RenderMemo).
    qr_codes: dict[str, list[bytearray]] = field(default_factory=dict)
    # Line breaks of plan text (pure results of text, size and width): the plan's
    # fitting measured the same paragraphs in the same boxes (``render_deck(lines=)``),
    # so the sizes the renderer checks are mostly found here.
    lines: LineMemo = field(default_factory=LineMemo)
    # The layout of each slide part (python-pptx finds it by sorting all the slide's
    # relationships by type on every call: 0.8% of the 1000-slide bench build's work).
    slide_layouts: dict[object, SlideLayout] = field(default_factory=dict)


def layout_of(slide_part: Any, cache: LayoutCache) -> SlideLayout:
    """The layout of the slide whose part is `slide_part` (looked up once per slide;
    :func:`hrdeck.render.deck.add_slide` records each new slide's)."""
    found = cache.slide_layouts.get(slide_part)
    if found is None:
        found = cache.slide_layouts[slide_part] = slide_part.slide_layout
    return found


def box_of(shape: Any, cache: LayoutCache) -> Box:
    """The position of a shape; a placeholder without its own inherits its layout's.

    Reads the XML directly (python-pptx resolves inheritance with many XPath
    queries, which dominates the time of a big deck).
    """
    element = shape.element
    xfrm = own_xfrm(element)
    if xfrm is not None:
        off, ext = xfrm.find(_OFF), xfrm.find(_EXT)
        if off is not None and ext is not None:
            return Box(int(off.get("x")), int(off.get("y")), int(ext.get("cx")), int(ext.get("cy")))
    ph = ph_element(element)
    if ph is None:
        return Box(0, 0, 0, 0)
    if not oxml.on_slide(shape):  # a layout's own placeholder: let python-pptx inherit
        return Box(int(shape.left or 0), int(shape.top or 0), int(shape.width), int(shape.height))
    boxes = layout_boxes(layout_of(shape.part, cache), cache)
    found = boxes.get(("idx", int(ph.get("idx", "0")))) or boxes.get(("type", ph_kind(ph)))
    return found or Box(0, 0, 0, 0)


def layout_boxes(layout: SlideLayout, cache: LayoutCache) -> dict[tuple[str, Any], Box]:
    """Placeholder boxes of a layout by idx and by type (worked out once per render)."""
    boxes = cache.boxes.get(layout.part)
    if boxes is None:
        boxes = cache.boxes[layout.part] = read_layout_boxes(layout)
    return boxes


def read_layout_boxes(layout: SlideLayout) -> dict[tuple[str, Any], Box]:
    """Placeholder boxes of a layout by idx and by type, read from its XML and its master's."""
    boxes: dict[tuple[str, Any], Box] = {}
    master = _master_boxes(layout)
    for element in _placeholder_elements(oxml.shape_tree(layout)):
        ph = ph_element(element)
        box = _layout_box(element, master.get(_BASE_KIND.get(ph_kind(ph), "")))
        boxes[("idx", int(ph.get("idx", "0")))] = box
        boxes.setdefault(("type", ph_kind(ph)), box)
    return boxes


# the master placeholder type a layout placeholder inherits its position from
# (python-pptx's LayoutPlaceholder._base_placeholder)
_BASE_KIND = {
    "body": "body",
    "chart": "body",
    "clipArt": "body",
    "ctrTitle": "title",
    "dgm": "body",
    "dt": "dt",
    "ftr": "ftr",
    "media": "body",
    "obj": "body",
    "pic": "body",
    "sldNum": "sldNum",
    "subTitle": "body",
    "tbl": "body",
    "title": "title",
}
_OFF, _EXT, _SP = clark("a:off"), clark("a:ext"), clark("p:sp")
_BAND = frozenset({"dt", "ftr", "sldNum"})
_EDGES = ((_OFF, "x"), (_OFF, "y"), (_EXT, "cx"), (_EXT, "cy"))


def _placeholder_elements(tree: Any) -> list[Any]:
    """The placeholder shapes directly in a shape tree, in document order."""
    return [e for e in tree.iterchildren() if ph_element(e) is not None]


def _own_edges(element: Any) -> list[int | None]:
    """x, y, cx, cy from the shape's own xfrm (None where it has none)."""
    xfrm = own_xfrm(element)
    edges: list[int | None] = []
    for tag, name in _EDGES:
        part = xfrm.find(tag) if xfrm is not None else None
        edges.append(int(part.get(name)) if part is not None else None)
    return edges


def _master_boxes(layout: SlideLayout) -> dict[str, list[int | None]]:
    """Own x, y, cx, cy of the layout's master placeholders, first of each type."""
    edges: dict[str, list[int | None]] = {}
    for element in _placeholder_elements(oxml.shape_tree(layout.slide_master)):
        edges.setdefault(ph_kind(ph_element(element)), _own_edges(element))
    return edges


def _layout_box(element: Any, base: list[int | None] | None) -> Box:
    """A layout placeholder's box: its own edges, else its master placeholder's, else 0."""
    own = _own_edges(element)
    inherited = base or [None] * 4
    left, top, width, height = (
        mine if mine is not None else (theirs or 0)
        for mine, theirs in zip(own, inherited, strict=True)
    )
    return Box(left, top, width, height)


def place(shape: Shape, box: Box) -> None:
    """Move `shape` to `box` (gives it its own xfrm)."""
    shape.left, shape.top, shape.width, shape.height = (
        Emu(box.left),
        Emu(box.top),
        Emu(box.width),
        Emu(box.height),
    )


def slide_size(prs: Presentation) -> tuple[int, int]:
    """Slide width and height in EMU."""
    return int(prs.slide_width or 12192000), int(prs.slide_height or 6858000)


def set_alt(shape: Any, text: str) -> None:
    """Alt text: the descr attribute of the shape's cNvPr (pic, sp, grpSp, cxnSp)."""
    oxml.non_visual_props(shape.element).set("descr", text)


def _placeholders_of(slide: Slide, kinds: frozenset[str]) -> list[Shape]:
    found: list[Shape] = []
    for element in oxml.shape_tree(slide).iterchildren(_SP):
        ph = ph_element(element)
        if ph is not None and ph_kind(ph) in kinds:
            found.append(oxml.slide_placeholder(slide, element))
    return found


def title_placeholder(slide: Slide) -> Shape | None:
    """The slide's title placeholder, if its layout has one."""
    return next(iter(_placeholders_of(slide, TITLE_KINDS)), None)


def text_placeholders(slide: Slide, cache: LayoutCache) -> list[Shape]:
    """Body, content and subtitle placeholders, and text boxes standing in for missing
    ones, in reading order (columns left to right, then top to bottom)."""
    found = _placeholders_of(slide, TEXT_KINDS) + _stand_ins(slide)
    boxes = {id(s): box_of(s, cache) for s in found}
    return sorted(found, key=lambda s: (round(boxes[id(s)].left / 914400), boxes[id(s)].top))


def _stand_ins(slide: Slide) -> list[Shape]:
    """Text boxes :mod:`hrdeck.render.placement` added in place of missing placeholders."""
    wanted = [
        element
        for element in oxml.shape_tree(slide).iterchildren(_SP)
        if ph_element(element) is None
        and oxml.non_visual_props(element).get("name", "").startswith(STAND_IN_NAME)
    ]
    if not wanted:
        return []
    return [shape for shape in slide.shapes if shape.element in wanted]  # type: ignore[misc]


def remove_unused(slide: Slide, keep: list[Shape]) -> None:
    """Delete empty placeholders other than `keep`, so no 'Click to add text' shows."""
    kept = {id(s.element) for s in keep}
    for shape in _placeholders_of(slide, TEXT_KINDS | OTHER_KINDS):
        element = shape.element
        if id(element) in kept or "".join(element.itertext()).strip():
            continue
        element.getparent().remove(element)


def content_area(prs: Presentation, slide: Slide, cache: LayoutCache) -> Box:
    """The free area below the title and above the footer band.

    On an agency template that is its layout's body area (:func:`body_area`), so drawn
    content keeps the template's grid; on hrdeck's own layouts, fixed margins.
    """
    if cache.agency:
        return body_area(prs, slide, cache)
    return _margin_area(prs, slide, cache)


def body_area(prs: Presentation, slide: Slide, cache: LayoutCache) -> Box:
    """Where body text goes on the slide's layout: its master's body placeholder below the
    title, above the footer band (the template's grid); hrdeck's margins if it has none."""
    layout = slide.slide_layout
    found = cache.areas_below_title.get(layout.part)
    if found is None:
        found = cache.areas_below_title[layout.part] = _body_area(prs, slide, cache)
    return found


def _body_area(prs: Presentation, slide: Slide, cache: LayoutCache) -> Box:
    fallback = _margin_area(prs, slide, cache)
    edges = _master_boxes(slide.slide_layout).get("body")
    if edges is None or any(edge is None for edge in edges):
        return fallback
    body = Box(*(int(edge or 0) for edge in edges))
    title = title_placeholder(slide)
    gap = int(slide_size(prs)[1] * 0.02)
    top = max(body.top, box_of(title, cache).bottom + gap) if title is not None else body.top
    bottom = min(body.bottom, _band_top(slide.slide_layout, cache, body.bottom) - gap)
    if bottom - top < 0.25 * slide_size(prs)[1] or body.width < 0.4 * slide_size(prs)[0]:
        return fallback
    return Box(body.left, top, body.width, bottom - top)


def _band_top(layout: SlideLayout, cache: LayoutCache, default: int) -> int:
    """The top of the layout's date, footer and slide-number placeholders."""
    boxes = layout_boxes(layout, cache)
    tops = [box.top for (key, kind), box in boxes.items() if key == "type" and kind in _BAND]
    return min([default, *tops])


def _margin_area(prs: Presentation, slide: Slide, cache: LayoutCache) -> Box:
    title = title_placeholder(slide)
    width, height = slide_size(prs)
    margin = int(width * 0.045)
    top = box_of(title, cache).bottom + margin // 3 if title is not None else margin
    bottom = height - int(height * 0.1)
    return Box(margin, top, width - 2 * margin, bottom - top)
