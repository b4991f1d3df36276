"""Shapes of a master or layout: placeholders, their boxes and text colours, decorations.

Only the top level of a shape tree is read (placeholders cannot be grouped); groups and
connectors are neither placeholders nor solid areas text sits on.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from lxml import etree

from hrdeck.template.colors import ColorContext, alpha_of, color_child, resolve_color
from hrdeck.template.fills import Fill, ImageLoader, fill_in, fill_of
from hrdeck.template.model import Box, Decoration, Placeholder
from hrdeck.template.outline import outlines
from hrdeck.template.xmlsafe import NS, int_attr, local_name, qn

# The master placeholder a layout placeholder of each type inherits from (as PowerPoint).
MASTER_TYPE = {"ctrTitle": "title", "subTitle": "body", "obj": "body"}
MASTER_TYPE |= dict.fromkeys(("pic", "tbl", "chart", "dgm", "media", "clipArt"), "body")
# The master text style each placeholder type's text follows.
TEXT_STYLE = {"title": "p:titleStyle", "ctrTitle": "p:titleStyle"}
TEXT_STYLE |= dict.fromkeys(("body", "obj", "subTitle"), "p:bodyStyle")
SHAPE_TAGS = frozenset(qn(f"p:{t}") for t in ("sp", "pic", "graphicFrame", "grpSp", "cxnSp"))


@dataclass(frozen=True)
class Owner:
    """A master or layout while it is read: its part, tree, colour context and images."""

    part: str
    root: etree._Element
    ctx: ColorContext
    images: ImageLoader


@dataclass(frozen=True)
class Inherited:
    """What a layout's placeholders inherit: the master's placeholders and text styles."""

    placeholders: Mapping[str, etree._Element]  # first master placeholder by type
    text_styles: etree._Element | None  # <p:txStyles>
    default_text: etree._Element | None  # the presentation's <p:defaultTextStyle>

    def master_placeholder(self, ph_type: str) -> etree._Element | None:
        return self.placeholders.get(MASTER_TYPE.get(ph_type, ph_type))


def top_shapes(root: etree._Element) -> Iterator[tuple[int, etree._Element]]:
    """(order, shape) for each shape directly in the shape tree."""
    tree = root.find("p:cSld/p:spTree", NS)
    shapes = [] if tree is None else [c for c in tree if c.tag in SHAPE_TAGS]
    yield from enumerate(shapes)


def ph_element(shape: etree._Element) -> etree._Element | None:
    return shape.find("*/p:nvPr/p:ph", NS)


def ph_type(ph: etree._Element) -> str:
    return ph.get("type") or "obj"


def shape_name(shape: etree._Element, order: int) -> str:
    c_nv_pr = shape.find("*/p:cNvPr", NS)
    name = c_nv_pr.get("name") if c_nv_pr is not None else None
    return name or f"shape {order + 1}"


def box_of(shape: etree._Element | None) -> Box | None:
    """The shape's own position and size, if it states them."""
    if shape is None:
        return None
    xfrm = shape.find("p:spPr/a:xfrm", NS)
    if xfrm is None:
        xfrm = shape.find("p:xfrm", NS)  # graphic frames
    off, ext = (xfrm.find(f"a:{t}", NS) if xfrm is not None else None for t in ("off", "ext"))
    if off is None or ext is None:
        return None
    values = [int_attr(off, "x"), int_attr(off, "y"), int_attr(ext, "cx"), int_attr(ext, "cy")]
    if any(v is None for v in values):
        return None
    x, y, cx, cy = (v or 0 for v in values)
    return Box(x, y, cx, cy)


def master_placeholders(root: etree._Element) -> dict[str, etree._Element]:
    """The first placeholder of each type on a master."""
    found: dict[str, etree._Element] = {}
    for _order, shape in top_shapes(root):
        ph = ph_element(shape)
        if ph is not None:
            found.setdefault(ph_type(ph), shape)
    return found


def placeholders(owner: Owner, inherited: Inherited) -> tuple[Placeholder, ...]:
    """The placeholders of a layout (or master), boxes and colours resolved."""
    found = []
    for order, shape in top_shapes(owner.root):
        ph = ph_element(shape)
        if ph is None:
            continue
        kind = ph_type(ph)
        master_shape = inherited.master_placeholder(kind)
        own, from_master = box_of(shape), box_of(master_shape)
        box = own or from_master
        source = "own" if own else ("master" if from_master else "none")
        color = text_color(shape, kind, owner.ctx, inherited)
        name = shape_name(shape, order)
        vertical = ph.get("orient") == "vert"
        idx = int_attr(ph, "idx")
        found.append(Placeholder(kind, idx, name, box, source, order, color, vertical))
    return tuple(found)


def text_color(
    shape: etree._Element, kind: str, ctx: ColorContext, inherited: Inherited
) -> str | None:
    """First-level text colour by PowerPoint's inheritance, in the owner's colour map."""
    master_shape = inherited.master_placeholder(kind)
    styles = inherited.text_styles
    chain = [
        shape.find("p:txBody/a:lstStyle", NS),
        master_shape.find("p:txBody/a:lstStyle", NS) if master_shape is not None else None,
        styles.find(TEXT_STYLE.get(kind, "p:otherStyle"), NS) if styles is not None else None,
        inherited.default_text,
    ]
    for style in chain:
        fill = style.find("a:lvl1pPr/a:defRPr/a:solidFill", NS) if style is not None else None
        color = resolve_color(color_child(fill), ctx)
        if color is not None:
            return color
    return ctx.scheme_color("tx1")


def decorations(owner: Owner, from_master: bool) -> tuple[Decoration, ...]:
    """Filled shapes that are not placeholders (bands, panels, pictures), groups opened."""
    found = []
    for order, shape, mapping in _shapes_in_groups(owner.root):
        if ph_element(shape) is not None or _hidden(shape):
            continue
        own = box_of(shape)
        fill = _shape_fill(shape, owner)
        if own is None or fill is None or fill.kind == "none" or own.area == 0:
            continue
        box = mapping.box(own)
        shape_outlines = outlines(shape.find("p:spPr", NS), box)
        found.append(
            Decoration(
                shape_name(shape, order),
                box,
                fill.color,
                fill.kind,
                from_master,
                fill.opacity,
                shape_outlines,
                fill.grid,
            )
        )
    return tuple(found)


@dataclass(frozen=True)
class _Mapping:
    """From a group's child coordinates to the slide's: x * scale + shift."""

    scale_x: float = 1.0
    scale_y: float = 1.0
    shift_x: float = 0.0
    shift_y: float = 0.0

    def box(self, box: Box) -> Box:
        return Box(
            round(box.x * self.scale_x + self.shift_x),
            round(box.y * self.scale_y + self.shift_y),
            round(box.cx * self.scale_x),
            round(box.cy * self.scale_y),
        )

    def inside(self, group: etree._Element) -> _Mapping:
        """The mapping for the children of ``group`` (placed by this mapping)."""
        xfrm = group.find("p:grpSpPr/a:xfrm", NS)
        parts = [xfrm.find(f"a:{t}", NS) if xfrm is not None else None for t in _GROUP_XFRM]
        values = [(int_attr(p, a, 0) or 0) for p, a in zip(parts * 2, _GROUP_ATTRS, strict=True)]
        off_x, ch_off_x, ext_x, ch_ext_x, off_y, ch_off_y, ext_y, ch_ext_y = values
        scale_x = ext_x / ch_ext_x if ch_ext_x else 1.0
        scale_y = ext_y / ch_ext_y if ch_ext_y else 1.0
        return _Mapping(
            self.scale_x * scale_x,
            self.scale_y * scale_y,
            self.scale_x * (off_x - ch_off_x * scale_x) + self.shift_x,
            self.scale_y * (off_y - ch_off_y * scale_y) + self.shift_y,
        )


_GROUP_XFRM = ("off", "chOff", "ext", "chExt")
_GROUP_ATTRS = ("x", "x", "cx", "cx", "y", "y", "cy", "cy")


def _shapes_in_groups(
    root: etree._Element,
) -> Iterator[tuple[int, etree._Element, _Mapping]]:
    """(order, shape, mapping to slide coordinates) for every shape, inside groups too."""
    stack = [(shape, _Mapping()) for _order, shape in top_shapes(root)]
    order = 0
    while stack:
        shape, mapping = stack.pop(0)
        if shape.tag == qn("p:grpSp"):
            inner = mapping.inside(shape)
            children = [(c, inner) for c in shape if c.tag in SHAPE_TAGS]
            stack[0:0] = children
            continue
        yield order, shape, mapping
        order += 1


def _hidden(shape: etree._Element) -> bool:
    c_nv_pr = shape.find("*/p:cNvPr", NS)
    return c_nv_pr is not None and c_nv_pr.get("hidden") in ("1", "true")


def _shape_fill(shape: etree._Element, owner: Owner) -> Fill | None:
    kind = local_name(shape)
    if kind == "pic":
        blip_fill = shape.find("p:blipFill", NS)
        return fill_of(blip_fill, owner.ctx, owner.images) if blip_fill is not None else None
    if kind != "sp":
        return None
    own = fill_in(shape.find("p:spPr", NS), owner.ctx, owner.images)
    if own is not None:
        return own
    fill_ref = shape.find("p:style/a:fillRef", NS)
    if fill_ref is None or int_attr(fill_ref, "idx", 0) == 0:
        return None
    color = color_child(fill_ref)
    return Fill("solid", resolve_color(color, owner.ctx), "theme style", alpha_of(color))
