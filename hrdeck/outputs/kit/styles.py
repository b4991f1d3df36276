"""The kit's styles: brand fonts and colours live in Normal, Title, Headings and table styles.

Every writer formats text by style name, so a trainer who changes "Heading 1" or "Kit
Table" in Word changes it everywhere. ``apply_styles`` rewrites the built-in styles of
python-docx's template and adds the kit's own ("Kit ..."), all from the brand.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle
from lxml.etree import _Element

from hrdeck.outputs.kit.model import Brand
from hrdeck.outputs.kit.palette import Inks
from hrdeck.outputs.kit.xmlbits import Border, ParaLook, RunLook, Tab, element, inch

BODY_SIZE = 11.0
KEPT_STYLES = frozenset(
    (
        "Normal",
        "Default Paragraph Font",
        "Normal Table",
        "No List",
        "Title",
        "Subtitle",
        "heading 1",
        "heading 2",
        "heading 3",
        "List Bullet",
        "List Number",
        "header",
        "footer",
        "Table Grid",
        "Strong",
        "Emphasis",
    )
)
TABLE_STYLE = "Kit Table"
FORM_TABLE_STYLE = "Kit Form Table"
DENSE_TABLE_STYLE = "Kit Table Dense"


@dataclass(frozen=True)
class StyleSpec:
    name: str
    run: RunLook
    para: ParaLook | None = None
    based_on: str = "Normal"
    kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH


def apply_styles(document: Document, brand: Brand, inks: Inks, text_width: float) -> None:
    """Brand the document's styles; ``text_width`` (inches) places right-hand tab stops."""
    _prune_styles(document)
    _set_defaults(document, brand, inks)
    for spec in _built_in_specs(brand, inks, text_width):
        _restyle(document.styles[spec.name], spec)
        _sync_linked_character_style(document, document.styles[spec.name])
    for spec in _kit_specs(brand, inks, text_width):
        define_style(document, spec)
    _add_table_style(document, TABLE_STYLE, inks, grid=False)
    _add_table_style(document, DENSE_TABLE_STYLE, inks, grid=False, pad=14)
    _add_table_style(document, FORM_TABLE_STYLE, inks, grid=True)
    _brand_list_markers(document, inks)


def _prune_styles(document: Document) -> None:
    """Drop the template's ~250 styles the kit never uses (Word re-adds its own on demand).

    A short style list keeps Word's Styles pane about the kit, the files small, and
    python-docx's style lookups (a scan of every style) fast.
    """
    root = document.styles.element
    styles = root.findall(qn("w:style"))
    keep = {s.get(qn("w:styleId")) for s in styles if _style_name(s) in KEPT_STYLES}
    for style in styles:
        link = style.find(qn("w:link"))
        if style.get(qn("w:styleId")) in keep and link is not None:
            keep.add(link.get(qn("w:val")))
    for style in styles:
        if style.get(qn("w:styleId")) not in keep:
            root.remove(style)
    for link in list(document.part.numbering_part.element.iter(qn("w:pStyle"))):
        if link.get(qn("w:val")) not in keep:
            link.getparent().remove(link)


def _style_name(style: _Element) -> str:
    name = style.find(qn("w:name"))
    return "" if name is None else str(name.get(qn("w:val")))


def define_style(document: Document, spec: StyleSpec) -> None:
    """Add ``spec`` as a new style (writers call this for styles only they use)."""
    style = document.styles.add_style(spec.name, spec.kind)
    character = spec.kind == WD_STYLE_TYPE.CHARACTER
    style.base_style = document.styles["Default Paragraph Font" if character else spec.based_on]
    style.quick_style = True
    _restyle(style, spec)


def _set_defaults(document: Document, brand: Brand, inks: Inks) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults is not None
    run = RunLook(brand.body_font, BODY_SIZE, color=inks.text, lang="en-US")
    _replace(defaults.find(qn("w:rPrDefault")), "w:rPr", element(run.xml()))
    para = ParaLook(after=6, line=1.15)
    _replace(defaults.find(qn("w:pPrDefault")), "w:pPr", element(para.xml()))


def _built_in_specs(brand: Brand, inks: Inks, width: float) -> list[StyleSpec]:
    heading = brand.heading_font
    rule = Border(inks.rule, size=6, space=3)
    return [
        StyleSpec("Normal", RunLook(brand.body_font, BODY_SIZE, color=inks.text)),
        StyleSpec(
            "Title",
            RunLook(heading, 26, bold=True, color=inks.text),
            ParaLook(after=4, line=0.95, keep_next=True),
        ),
        StyleSpec(
            "Subtitle",
            RunLook(heading, 13, italic=False, color=inks.muted),
            ParaLook(after=10, keep_next=True),
        ),
        StyleSpec(
            "Heading 1",
            RunLook(heading, 15, bold=True, color=inks.accent),
            ParaLook(before=16, after=6, keep_next=True, keep_lines=True, bottom=rule, outline=0),
        ),
        StyleSpec(
            "Heading 2",
            RunLook(heading, 12.5, bold=True, color=inks.text),
            ParaLook(before=12, after=3, keep_next=True, keep_lines=True, outline=1),
        ),
        StyleSpec(
            "Heading 3",
            RunLook(heading, 11, bold=True, color=inks.accent2),
            ParaLook(before=8, after=2, keep_next=True, keep_lines=True, outline=2),
        ),
        StyleSpec("List Bullet", RunLook(), ParaLook(after=3, indent=0.3, hanging=0.2)),
        StyleSpec("List Number", RunLook(), ParaLook(after=4, indent=0.3, hanging=0.3)),
        StyleSpec("Header", RunLook(size=8.5, color=inks.muted), _edge_para(width)),
        StyleSpec("Footer", RunLook(size=8.5, color=inks.muted), _edge_para(width)),
    ]


def _edge_para(width: float) -> ParaLook:
    return ParaLook(after=0, line=1.0, tabs=(Tab(inch(width), "right"),))


def _kit_specs(brand: Brand, inks: Inks, width: float) -> list[StyleSpec]:
    char = WD_STYLE_TYPE.CHARACTER
    return [
        StyleSpec(
            "Kit Eyebrow",
            RunLook(brand.heading_font, 9.5, bold=True, caps=True, tracking=1, color=inks.accent),
            ParaLook(after=2, keep_next=True),
        ),
        StyleSpec(
            "Kit Title Compact",
            RunLook(brand.heading_font, 18, bold=True, color=inks.text),
            ParaLook(after=4, line=0.95, keep_next=True),
            based_on="Title",
        ),
        StyleSpec("Kit Meta", RunLook(size=10.5, color=inks.muted), ParaLook(after=2)),
        StyleSpec("Kit Small", RunLook(size=9, color=inks.muted), ParaLook(after=3, line=1.1)),
        StyleSpec(
            "Kit Small Keep",
            RunLook(size=9, color=inks.muted),
            ParaLook(after=3, line=1.1, keep_next=True),
        ),
        StyleSpec("Kit Prompt", RunLook(), ParaLook(before=8, after=2, keep_next=True)),
        StyleSpec(
            "Kit Question",
            RunLook(),
            ParaLook(
                before=10, after=3, keep_next=True, keep_lines=True, indent=0.35, hanging=0.35
            ),
        ),
        StyleSpec(
            "Kit Option",
            RunLook(),
            ParaLook(after=1, keep_next=True, keep_lines=True, indent=0.68, hanging=0.3),
        ),
        StyleSpec(
            "Kit Option Last",
            RunLook(),
            ParaLook(after=4, keep_lines=True, indent=0.68, hanging=0.3),
        ),
        StyleSpec(
            "Kit Key Objective", RunLook(size=10), ParaLook(after=3, indent=0.45, hanging=0.45)
        ),
        StyleSpec("Kit Table Note", RunLook(size=8.5, color=inks.muted), ParaLook(after=0)),
        StyleSpec("Kit End", RunLook(size=1), ParaLook(before=0, after=0, exact_line=1)),
        *_agenda_specs(inks),
        StyleSpec(
            "Kit Check Item",
            RunLook(size=10),
            ParaLook(after=1, line=1.0, indent=0.3, hanging=0.3, keep_lines=True),
        ),
        StyleSpec(
            "Kit Table Bullet",
            RunLook(size=10),
            ParaLook(after=1, line=1.0, indent=0.3, hanging=0.2),
            based_on="List Bullet",
        ),
        StyleSpec("Kit Table Text", RunLook(size=10), ParaLook(before=0, after=0, line=1.05)),
        StyleSpec(
            "Kit Table Head",
            RunLook(brand.heading_font, 10, bold=True, color=inks.on_accent),
            ParaLook(before=0, after=0, line=1.0, keep_next=True),
        ),
        StyleSpec(
            "Kit Reference",
            RunLook(size=10),
            ParaLook(after=6, line=1.1, indent=0.5, hanging=0.5, keep_lines=True),
        ),
        StyleSpec(
            "Kit Write Line",
            RunLook(size=10, color=inks.muted),
            ParaLook(after=0, exact_line=22, tabs=(Tab(inch(width), "right", "underscore"),)),
        ),
        StyleSpec(
            "Kit Write Pair",
            RunLook(size=10, color=inks.muted),
            ParaLook(before=6, after=4, exact_line=22, tabs=_pair_tabs(width)),
        ),
        StyleSpec(
            "Kit Panel",
            RunLook(size=10.5),
            ParaLook(
                before=6,
                after=6,
                line=1.1,
                fill=inks.panel,
                left=Border(inks.accent_fill, size=24, space=8),
                indent=0.12,
            ),
        ),
        StyleSpec("Kit Tick Box", RunLook("Segoe UI Symbol", 12, color=inks.text), kind=char),
        StyleSpec("Kit Placeholder", RunLook(shade="FFF0B3", color="000000"), kind=char),
        StyleSpec("Kit Link", RunLook(color=inks.accent), kind=char),
        StyleSpec("Kit Strong", RunLook(bold=True, color=inks.text), kind=char),
    ]


def _pair_tabs(width: float) -> tuple[Tab, ...]:
    """Two write-on lines side by side: the first ends just short of the middle."""
    return (
        Tab(inch(width * 0.5 - 0.2), leader="underscore"),
        Tab(inch(width), "right", "underscore"),
    )


def _agenda_specs(inks: Inks) -> list[StyleSpec]:
    """Agenda cells in three densities, each with an italic twin for break rows."""
    specs = []
    for name, size, line in (
        ("Kit Agenda", 10.5, 1.1),
        ("Kit Agenda Compact", 9.5, 1.0),
        ("Kit Agenda Tight", 8.5, 0.95),
    ):
        para = ParaLook(before=0, after=0, line=line)
        specs.append(StyleSpec(name, RunLook(size=size), para))
        specs.append(
            StyleSpec(f"{name} Break", RunLook(size=size, italic=True, color=inks.muted), para)
        )
    return specs


def _sync_linked_character_style(document: Document, style: BaseStyle) -> None:
    """Give "Heading 1 Char" and friends the look of their paragraph style."""
    link = style.element.find(qn("w:link"))
    if link is None:
        return
    for candidate in document.styles:
        if candidate.style_id == link.get(qn("w:val")):
            for old in candidate.element.findall(qn("w:rPr")):
                candidate.element.remove(old)
            run_props = style.element.find(qn("w:rPr"))
            assert run_props is not None
            candidate.element.append(copy.deepcopy(run_props))


def _restyle(style: BaseStyle, spec: StyleSpec) -> None:
    """Replace the style's run and paragraph properties, keeping its list numbering."""
    node = style.element
    numbering = node.find(qn("w:pPr") + "/" + qn("w:numPr"))
    for tag in ("w:pPr", "w:rPr"):
        for old in node.findall(qn(tag)):
            node.remove(old)
    if spec.kind != WD_STYLE_TYPE.CHARACTER:
        para = element((spec.para or ParaLook()).xml())
        if numbering is not None:
            para.insert(_numbering_slot(para), numbering)
        node.append(para)
    node.append(element(spec.run.xml()))


def _numbering_slot(ppr: _Element) -> int:
    """Index for ``w:numPr``: after keepNext/keepLines/pageBreakBefore/widowControl."""
    early = {qn(t) for t in ("w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:widowControl")}
    return sum(1 for child in ppr if child.tag in early)


def _replace(parent: _Element | None, tag: str, new: _Element) -> None:
    assert parent is not None
    for old in parent.findall(qn(tag)):
        parent.remove(old)
    parent.append(new)


def _add_table_style(
    document: Document, name: str, inks: Inks, *, grid: bool, pad: int = 72
) -> None:
    """A table style; ``pad`` is the cell padding above and below text, in twips."""
    style = document.styles.add_style(name, WD_STYLE_TYPE.TABLE)
    style.base_style = document.styles["Normal Table"]
    style.element.append(element(ParaLook(before=0, after=0, line=1.05).xml()))
    style.element.append(element(_table_props(inks, grid, pad)))
    style.element.append(element(_header_row_look(inks)))
    if not grid:
        style.element.append(element(_band_look(inks)))


def _table_props(inks: Inks, grid: bool, pad: int) -> str:
    line = f'w:val="single" w:sz="4" w:space="0" w:color="{inks.rule}"'
    sides = (
        ["top", "left", "bottom", "right", "insideH", "insideV"]
        if grid
        else [
            "bottom",
            "insideH",
        ]
    )
    borders = "".join(f"<w:{side} {line}/>" for side in sides)
    margins = (
        f'<w:top w:w="{pad}" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        f'<w:bottom w:w="{pad}" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
    )
    return (
        '<w:tblPr><w:tblStyleRowBandSize w:val="1"/>'
        f"<w:tblBorders>{borders}</w:tblBorders><w:tblCellMar>{margins}</w:tblCellMar></w:tblPr>"
    )


def _header_row_look(inks: Inks) -> str:
    return (
        '<w:tblStylePr w:type="firstRow"><w:pPr><w:keepNext/></w:pPr>'
        f'<w:rPr><w:b/><w:bCs/><w:color w:val="{inks.on_accent}"/></w:rPr>'
        "<w:tblPr/><w:trPr><w:tblHeader/></w:trPr>"
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{inks.accent_fill}"/></w:tcPr>'
        "</w:tblStylePr>"
    )


def _band_look(inks: Inks) -> str:
    return (
        '<w:tblStylePr w:type="band2Horz"><w:tblPr/>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{inks.band}"/></w:tcPr>'
        "</w:tblStylePr>"
    )


def _brand_list_markers(document: Document, inks: Inks) -> None:
    """Bullets and numbers of List Bullet / List Number in the accent colour.

    The marker text and indents match the styles' own, so Word and LibreOffice agree.
    """
    numbering = document.part.numbering_part.element
    for style_name, text in (("List Bullet", "•"), ("List Number", "%1.")):
        style = document.styles[style_name]
        for level in numbering.iter(qn("w:lvl")):
            link = level.find(qn("w:pStyle"))
            if link is not None and link.get(qn("w:val")) == style.style_id:
                _restyle_level(level, text, inks, style.element.find(qn("w:pPr")))


def _restyle_level(level: _Element, text: str, inks: Inks, style_ppr: _Element | None) -> None:
    marker = level.find(qn("w:lvlText"))
    assert marker is not None and style_ppr is not None
    marker.set(qn("w:val"), text)
    for tag in ("w:pPr", "w:rPr"):
        for old in level.findall(qn(tag)):
            level.remove(old)
    indent = style_ppr.find(qn("w:ind"))
    assert indent is not None
    level_ppr = element("<w:pPr/>")
    level_ppr.append(copy.deepcopy(indent))
    level.append(level_ppr)
    level.append(element(RunLook(bold=text != "•", color=inks.accent).xml()))
