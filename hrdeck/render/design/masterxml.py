"""hrdeck's own slide master and its named layouts, one per shape of slide, as XML.

The layouts come from the slide-kind registry (:data:`hrdeck.kinds.KINDS`): each kind
uses the layout of its shape (:func:`hrdeck.theme.model.own_layout_family`): a cover
(title, closing) or a section divider on a coloured field; a content slide with one
body; the agenda's list beside its title; a reference list from the top; two columns,
with or without column heads; or a title with room for a drawing.  A kind added to the
registry gets its layout with no change here.  Kinds share layouts because every
layout costs a render its first slide (a prototype, the footer, the text areas).

Every content layout shares the grid of :mod:`hrdeck.render.design.grid`: the accent
bar, a bold left-aligned title, the body area (text centred vertically in it, so a
short list does not hang from the top) and the footer band.  The master carries the
text styles: bold titles in the heading font, bullets in the accent colour, body
sizes 28/24/20/18 pt.
"""

from __future__ import annotations

from dataclasses import dataclass

from hrdeck.kinds import KINDS
from hrdeck.render.design import colours
from hrdeck.render.design.grid import COVER_STRIP_PAD, GUTTER, Grid, pt
from hrdeck.render.design.xmlparts import (
    CLR_MAP,
    DECLARATION,
    EMPTY_GROUP,
    NAMESPACES,
    attr,
    background,
    body_pr,
    decorative_rect,
    field_placeholder,
    level,
    list_style,
    placeholder,
    run_props,
)
from hrdeck.render.layouts import Box
from hrdeck.theme.model import (
    COLUMNS,
    CONTENT,
    COVER,
    DRAWING,
    HEADED,
    LIST,
    OWN_LAYOUT_PREFIX,
    PAGED,
    SECTION,
    Theme,
    own_layout_family,
)

LAYOUT_TYPES = {
    COVER: "title",
    SECTION: "secHead",
    CONTENT: "obj",
    COLUMNS: "twoObj",
    HEADED: "twoTxTwoObj",
    DRAWING: "titleOnly",
    LIST: "obj",
    PAGED: "obj",
}
TITLE_PT, COVER_TITLE_PT, COVER_SUBTITLE_PT, COVER_LINES_PT = 36, 44, 24, 20
BODY_LEVEL_PT = (28, 24, 20, 18, 18, 18, 18, 18, 18)
LEVEL_INDENT = 342900  # 27 pt per list level; the bullet hangs at the level's left edge
SPACE_BEFORE = 40000  # 40% of a line before each paragraph
HEAD_HEIGHT = 44  # column heads (pt): one line of 32 pt
BULLETS = ("•", "–", "•", "–", "•", "–", "•", "–", "•")
# A title set at the foot of its box keeps its descenders inside it (renderers draw a
# glyph's box lower than the line's): 8 pt below.
FOOT_INSETS = (0, 0, 0, pt(8))
CHROME_PT = 12


def own_master_name(theme: Theme) -> str:
    return f"hrdeck {theme.name}"


@dataclass(frozen=True)
class LayoutXml:
    """One layout part's name and XML."""

    name: str
    xml: str


def layouts_xml(theme: Theme, grid: Grid) -> list[LayoutXml]:
    """One layout for each shape of slide the registry's kinds use, in the order the
    kinds first use them; a layout has the footer band if any of its kinds has chrome."""
    families: dict[str, bool] = {}
    for row in KINDS.values():
        name = own_layout_family(row)
        families[name] = families.get(name, False) or row.chrome
    return [
        LayoutXml(OWN_LAYOUT_PREFIX + name, _layout(theme, grid, name, chrome))
        for name, chrome in families.items()
    ]


def _layout(theme: Theme, grid: Grid, shape_family: str, chrome: bool) -> str:
    palette = theme.palette
    shapes = _FAMILIES[shape_family](theme, grid)
    if chrome:  # on a cover the footer band is in the background-coloured strip
        on_field = shape_family == SECTION
        shapes += _chrome(grid, 20, palette.accent_text if on_field else palette.muted)
    fill = {COVER: colours.cover_fill(palette), SECTION: colours.section_fill(palette)}
    bg = background(fill[shape_family]) if shape_family in fill else ""
    name = attr(OWN_LAYOUT_PREFIX + shape_family)
    return (
        f'{DECLARATION}<p:sldLayout {NAMESPACES} type="{LAYOUT_TYPES[shape_family]}" preserve="1">'
        f"<p:cSld name={name}>{bg}<p:spTree>{EMPTY_GROUP}{shapes}"
        "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
    )


# --- the pieces of a layout -----------------------------------------------------------


def _title(grid: Grid, box: Box | None = None, anchor: str = "t", kind: str = "title") -> str:
    name = "Title" if kind == "title" else "Centred Title"
    return placeholder(3, name, f'type="{kind}"', box or grid.title, body_pr(anchor=anchor))


def _body(shape_id: int, idx: int, box: Box, anchor: str = "t", kind: str = "") -> str:
    ph = f'type="{kind}" idx="{idx}"' if kind else f'idx="{idx}"'
    prompt = ("Text",) if kind else ("Text", "Second level")
    insets = FOOT_INSETS if anchor == "b" else (0, 0, 0, 0)
    body = body_pr(insets, anchor=anchor)
    return placeholder(shape_id, f"Content {idx}", ph, box, body, prompt=prompt)


def _bar(theme: Theme, grid: Grid) -> str:
    return decorative_rect(2, "Accent bar", grid.bar, theme.palette.accent)


def _chrome(grid: Grid, first_id: int, colour: str) -> str:
    """Footer (left) and slide-number (right) placeholders in the footer band."""
    middle = body_pr(anchor="ctr")
    left, right = (
        list_style([level(1, run_props(CHROME_PT, colour), f' algn="{side}"')])
        for side in ("l", "r")
    )
    footer = placeholder(
        first_id, "Footer", 'type="ftr" sz="quarter" idx="11"', grid.footer, middle, left
    )
    number = field_placeholder(
        first_id + 1,
        "Slide Number",
        'type="sldNum" sz="quarter" idx="12"',
        grid.number,
        middle,
        right,
    )
    return footer + number


def _on_field(size: float, colour: str, bold: bool | None = None) -> str:
    """List style of text set on a coloured field: one colour, no bullets."""
    props = run_props(size, colour, bold=bold)
    return list_style([level(1, "<a:buNone/>" + props, ' marL="0" indent="0"')])


def _content(theme: Theme, grid: Grid) -> str:
    return _bar(theme, grid) + _title(grid) + _body(4, 1, grid.body, anchor="ctr")


def _paged(theme: Theme, grid: Grid) -> str:
    return _bar(theme, grid) + _title(grid) + _body(4, 1, grid.body)


def _columns(theme: Theme, grid: Grid) -> str:
    left, right = grid.split((6, 6))
    return _bar(theme, grid) + _title(grid) + _body(4, 1, left) + _body(5, 2, right)


def column_boxes(grid: Grid) -> tuple[Box, Box, Box, Box]:
    """Left head, left body, right head, right body of a headed two-column layout."""
    left, right = grid.split((6, 6))
    head_h, gap = pt(HEAD_HEIGHT), pt(GUTTER) // 3
    heads = [Box(b.left, b.top, b.width, head_h) for b in (left, right)]
    bodies = [
        Box(b.left, b.top + head_h + gap, b.width, b.height - head_h - gap) for b in (left, right)
    ]
    return heads[0], bodies[0], heads[1], bodies[1]


def _headed(theme: Theme, grid: Grid) -> str:
    left_head, left_body, right_head, right_body = column_boxes(grid)
    return (
        _bar(theme, grid)
        + _title(grid)
        + _body(4, 1, left_head, anchor="b", kind="body")
        + _body(5, 2, left_body)
        + _body(6, 3, right_head, anchor="b", kind="body")
        + _body(7, 4, right_body)
    )


def list_boxes(grid: Grid) -> tuple[Box, Box]:
    """The title (left four columns) and the list (the other eight, full height)."""
    title, body = grid.split((4, 8))
    top, bottom = grid.title.top, grid.body.bottom
    return (
        Box(title.left, top, title.width, grid.title.height),
        Box(body.left, top, body.width, bottom - top),
    )


def _list(theme: Theme, grid: Grid) -> str:
    title, body = list_boxes(grid)
    return _bar(theme, grid) + _title(grid, title) + _body(4, 1, body, anchor="ctr")


def _drawing(theme: Theme, grid: Grid) -> str:
    return _bar(theme, grid) + _title(grid)


def _cover(theme: Theme, grid: Grid) -> str:
    ink = theme.palette.accent_text
    title = placeholder(
        3,
        "Centred Title",
        'type="ctrTitle"',
        grid.cover_title,
        body_pr(FOOT_INSETS, anchor="b"),
        _on_field(COVER_TITLE_PT, ink, bold=True),
    )
    rule = decorative_rect(4, "Accent rule", grid.cover_rule, ink)
    subtitle = placeholder(
        5,
        "Subtitle",
        'type="subTitle" idx="1"',
        grid.cover_subtitle,
        body_pr(),
        _on_field(COVER_SUBTITLE_PT, ink),
        ("Subtitle",),
    )
    margin, pad = grid.margin, pt(COVER_STRIP_PAD)
    lines = placeholder(
        6,
        "Presenter",
        'type="body" idx="2"',
        grid.cover_strip,
        body_pr((margin, pad, margin, pad), anchor="ctr"),
        _on_field(COVER_LINES_PT, theme.palette.text),
        ("Presenter, organisation, date",),
        fill=theme.palette.background,
    )
    return title + rule + subtitle + lines


def _section(theme: Theme, grid: Grid) -> str:
    ink = theme.palette.accent_text
    title = placeholder(
        3,
        "Title",
        'type="title"',
        grid.section_title,
        body_pr(FOOT_INSETS, anchor="b"),
        _on_field(COVER_TITLE_PT, ink, bold=True),
    )
    subtitle = placeholder(
        4,
        "Subtitle",
        'type="body" idx="1"',
        grid.section_subtitle,
        body_pr(),
        _on_field(COVER_SUBTITLE_PT, ink),
        ("Subtitle",),
    )
    return title + subtitle


_FAMILIES = {
    COVER: _cover,
    SECTION: _section,
    CONTENT: _content,
    COLUMNS: _columns,
    HEADED: _headed,
    DRAWING: _drawing,
    LIST: _list,
    PAGED: _paged,
}


# --- the master -------------------------------------------------------------------------


def master_xml(theme: Theme, grid: Grid, layout_rids: list[str]) -> str:
    """The slide master: background, placeholders of the grid, text styles, layout list."""
    palette = theme.palette
    shapes = (
        placeholder(2, "Title", 'type="title"', grid.title, body_pr(), prompt=("Title",))
        + placeholder(
            3,
            "Body",
            'type="body" idx="1"',
            grid.body,
            body_pr(anchor="ctr"),
            prompt=("Text", "Second level", "Third level"),
        )
        + _chrome(grid, 4, palette.muted)
    )
    ids = "".join(
        f'<p:sldLayoutId id="{2147483649 + n}" r:id="{rid}"/>' for n, rid in enumerate(layout_rids)
    )
    return (
        f"{DECLARATION}<p:sldMaster {NAMESPACES}>"
        f"<p:cSld name={attr(own_master_name(theme))}>{background(palette.background)}"
        f"<p:spTree>{EMPTY_GROUP}{shapes}</p:spTree></p:cSld>"
        f"<p:clrMap {CLR_MAP}/><p:sldLayoutIdLst>{ids}</p:sldLayoutIdLst>"
        f"<p:txStyles>{_title_style(theme)}{_body_style(theme)}{_other_style(theme)}</p:txStyles>"
        "</p:sldMaster>"
    )


_PARA = ' algn="l" defTabSz="914400" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1"'


def _title_style(theme: Theme) -> str:
    props = run_props(TITLE_PT, theme.palette.title, theme.heading_font, bold=True)
    spacing = '<a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:spcBef><a:spcPct val="0"/></a:spcBef>'
    return f"<p:titleStyle>{level(1, spacing + '<a:buNone/>' + props, _PARA)}</p:titleStyle>"


def _body_style(theme: Theme) -> str:
    palette = theme.palette
    levels = []
    for index, size in enumerate(BODY_LEVEL_PT):
        margin = LEVEL_INDENT * (index + 1)
        bullet = (
            '<a:lnSpc><a:spcPct val="100000"/></a:lnSpc>'
            f'<a:spcBef><a:spcPct val="{SPACE_BEFORE}"/></a:spcBef>'
            f'<a:buClr><a:srgbClr val="{palette.accent}"/></a:buClr>'
            f'<a:buFont typeface="Arial"/><a:buChar char="{BULLETS[index]}"/>'
        )
        props = run_props(size, palette.text, theme.body_font)
        paragraph = f' marL="{margin}" indent="-{LEVEL_INDENT}"' + _PARA
        levels.append(level(index + 1, bullet + props, paragraph))
    return "<p:bodyStyle>" + "".join(levels) + "</p:bodyStyle>"


def _other_style(theme: Theme) -> str:
    props = run_props(18, theme.palette.text, theme.body_font)
    return f"<p:otherStyle>{level(1, props, _PARA)}</p:otherStyle>"
