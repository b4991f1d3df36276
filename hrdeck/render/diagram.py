"""Team-communication diagrams as native nodes and connectors in one group shape.

Nodes are rounded rectangles placed on an ellipse; a node linked to every other
node (the participant, usually) sits in the centre as a hub, in the deep accent.
Edges are straight connectors glued to the nodes' connection sites, with a large
arrowhead at the target (and at the source too when the edge runs both ways) and a
label at the midpoint; an edge marked ``emphasis`` is drawn thicker in the accent.
The group carries the diagram's alt text in its descr attribute.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence

from lxml import etree
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.shapes.autoshape import Shape
from pptx.shapes.group import GroupShape
from pptx.shapes.shapetree import GroupShapes
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from hrdeck.plan.types import PlanDiagram, PlanEdge, PlanNode
from hrdeck.render import oxml
from hrdeck.render.design.colours import deep_accent
from hrdeck.render.layouts import Box, set_alt
from hrdeck.render.oxml import XmlElement, clark
from hrdeck.render.shapes import drop_style
from hrdeck.render.text import TextStyle, fill, plain, rgb
from hrdeck.theme.model import Theme

NODE_PT = 18
LINE_PT, KEY_LINE_PT = 2.25, 4.5  # connector widths: every line, and a key line
EDGE_PT = 18
LABEL_CHARS = 14  # edge labels wrap at about this many characters a line
# Connection sites of a rectangle: 0 top, 1 left, 2 bottom, 3 right.
TOP, LEFT, BOTTOM, RIGHT = 0, 1, 2, 3


def draw_diagram(
    slide: Slide, area: Box, diagram: PlanDiagram, theme: Theme, lang: str
) -> GroupShape:
    """Draw `diagram` inside `area` as one group named "Diagram" with alt text."""
    group = slide.shapes.add_group_shape()
    group.name = "Diagram"
    set_alt(group, diagram.alt)
    node_w = min(int(Inches(2.4)), area.width // 4)
    node_h = int(Inches(0.8))
    boxes = node_boxes(diagram, area, node_w, node_h)
    hub = hub_id(diagram)
    shapes = {
        node.id: _node(group.shapes, node, boxes[node.id], node.id == hub, theme, lang)
        for node in diagram.nodes
    }
    for edge in diagram.edges:
        if edge.source in shapes and edge.target in shapes:
            _edge(group.shapes, edge, shapes, boxes, theme, lang)
    _labels_on_top(group)
    return group


def hub_id(diagram: PlanDiagram) -> str | None:
    """The node linked to every other node, if there is one and there are 4+ nodes."""
    if len(diagram.nodes) < 4:
        return None
    degree: Counter[str] = Counter()
    for edge in diagram.edges:
        degree[edge.source] += 1
        degree[edge.target] += 1
    node_id, links = max(degree.items(), key=lambda item: item[1], default=("", 0))
    neighbours = {
        e.target if e.source == node_id else e.source
        for e in diagram.edges
        if node_id in (e.source, e.target)
    }
    return node_id if links and len(neighbours) >= len(diagram.nodes) - 1 else None


def node_boxes(diagram: PlanDiagram, area: Box, node_w: int, node_h: int) -> dict[str, Box]:
    """Node positions: hub in the centre, the rest evenly around an ellipse."""
    hub = hub_id(diagram)
    ring = ring_order([n for n in diagram.nodes if n.id != hub], diagram.edges)
    cx, cy = area.left + area.width // 2, area.top + area.height // 2
    rx, ry = (area.width - node_w) // 2, (area.height - node_h) // 2
    boxes: dict[str, Box] = {}
    if hub is not None:
        boxes[hub] = Box(cx - node_w // 2, cy - node_h // 2, node_w, node_h)
    start = -math.pi / 2 if len(ring) % 2 else -math.pi / 2 + math.pi / len(ring or [0])
    for index, node in enumerate(ring):
        angle = start + 2 * math.pi * index / max(1, len(ring))
        if len(ring) == 2:
            angle = math.pi * index
        # Pushed out towards the corners (a squircle), so hub edges stay long.
        x = cx + round(rx * _clamp(math.cos(angle) * math.sqrt(2))) - node_w // 2
        y = cy + round(ry * _clamp(math.sin(angle) * math.sqrt(2))) - node_h // 2
        boxes[node.id] = Box(x, y, node_w, node_h)
    return boxes


def _clamp(value: float) -> float:
    return max(-1.0, min(1.0, value))


def ring_order(ring: list[PlanNode], edges: Sequence[PlanEdge]) -> list[PlanNode]:
    """Reorder ring nodes so linked nodes sit next to each other (edges stay on the rim).

    Tries every order for up to 7 nodes (first node fixed), keeping the plan's order
    on ties; larger rings keep the plan's order.
    """
    if len(ring) < 4 or len(ring) > 7:
        return ring
    ids = [n.id for n in ring]
    linked = {frozenset((e.source, e.target)) for e in edges}

    def score(order: tuple[str, ...]) -> int:
        pairs = zip(order, order[1:] + order[:1], strict=True)
        return sum(frozenset(pair) in linked for pair in pairs)

    best = max(
        ((ids[0], *rest) for rest in itertools.permutations(ids[1:])),
        key=score,
    )
    by_id = {n.id: n for n in ring}
    return [by_id[node_id] for node_id in best]


def _node(
    shapes: GroupShapes, node: PlanNode, box: Box, is_hub: bool, theme: Theme, lang: str
) -> Shape:
    shape = shapes.add_shape(
        MSO_SHAPE.ROUNDED_RECTANGLE, Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height)
    )
    shape.name = f"Node: {node.label}"
    shape.fill.solid()
    shape.fill.fore_color.rgb = rgb(deep_accent(theme.palette) if is_hub else theme.palette.accent)
    shape.line.fill.background()
    drop_style(shape)
    style = TextStyle(
        lang=lang,
        size=NODE_PT,
        color=theme.palette.accent_text,
        font=theme.heading_font,
        bold=True,
        markers="none",
        align=PP_ALIGN.CENTER,
    )
    fill(shape.text_frame, [plain(node.label)], style)
    shape.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    return shape


def sites(source: Box, target: Box) -> tuple[int, int]:
    """Which connection sites to glue an edge from `source` to `target` to."""
    dx = (target.left + target.width / 2) - (source.left + source.width / 2)
    dy = (target.top + target.height / 2) - (source.top + source.height / 2)
    if abs(dx) > (source.width + target.width) / 2 or abs(dy) < (source.height + target.height) / 2:
        return (RIGHT, LEFT) if dx > 0 else (LEFT, RIGHT)
    return (BOTTOM, TOP) if dy > 0 else (TOP, BOTTOM)


def _edge(
    shapes: GroupShapes,
    edge: PlanEdge,
    nodes: dict[str, Shape],
    boxes: dict[str, Box],
    theme: Theme,
    lang: str,
) -> None:
    begin, end = sites(boxes[edge.source], boxes[edge.target])
    connector = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Emu(0), Emu(0), Emu(0), Emu(0))
    connector.begin_connect(nodes[edge.source], begin)
    connector.end_connect(nodes[edge.target], end)
    connector.name = f"Edge: {edge.source} to {edge.target}"
    drop_style(connector)
    key = bool(getattr(edge, "emphasis", False))  # a line the data marks as the key one
    connector.line.color.rgb = rgb(theme.palette.accent if key else theme.palette.muted)
    connector.line.width = Pt(KEY_LINE_PT if key else LINE_PT)
    line = oxml.line_element(connector.line)
    if edge.both_ways:
        etree.SubElement(line, clark("a:headEnd"), type="triangle", w="lg", len="lg")
    etree.SubElement(line, clark("a:tailEnd"), type="triangle", w="lg", len="lg")
    if edge.label:
        _edge_label(shapes, edge, connector, theme, lang)


def _edge_label(
    shapes: GroupShapes, edge: PlanEdge, connector: object, theme: Theme, lang: str
) -> None:
    x = (connector.begin_x + connector.end_x) // 2  # type: ignore[attr-defined]
    y = (connector.begin_y + connector.end_y) // 2  # type: ignore[attr-defined]
    lines = wrap(edge.label, LABEL_CHARS)
    longest = max(len(line) for line in lines)
    width = int(Pt(EDGE_PT) * 0.55 * longest) + int(Inches(0.2))
    height = int(Pt(EDGE_PT) * 1.25 * len(lines)) + int(Inches(0.1))
    label = shapes.add_textbox(Emu(x - width // 2), Emu(y - height // 2), Emu(width), Emu(height))
    label.name = f"Label: {edge.label}"
    label.fill.solid()
    label.fill.fore_color.rgb = rgb(theme.palette.background)
    frame = label.text_frame
    frame.margin_left = frame.margin_right = Inches(0.05)
    frame.margin_top = frame.margin_bottom = Inches(0.02)
    style = TextStyle(
        lang=lang, size=EDGE_PT, color=theme.palette.text, markers="none", align=PP_ALIGN.CENTER
    )
    fill(frame, [plain(edge.label)], style)
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE


def wrap(text: str, limit: int) -> list[str]:
    """Greedy word wrap into lines of at most `limit` characters (long words kept whole)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _labels_on_top(group: GroupShape) -> None:
    """Z-order: connectors, then nodes, then edge labels (labels never hidden)."""
    tree = group.element
    children: Sequence[XmlElement] = list(tree)
    ranked = {"cxnSp": 0, "sp": 1}
    shapes = [c for c in children if etree.QName(c).localname in ("sp", "cxnSp")]
    for child in shapes:
        tree.remove(child)

    def rank(child: XmlElement) -> int:
        if etree.QName(child).localname == "sp" and child.find(".//" + clark("p:cNvSpPr")).get(
            "txBox"
        ):
            return 2
        return ranked[etree.QName(child).localname]

    for child in sorted(shapes, key=rank):
        tree.append(child)
