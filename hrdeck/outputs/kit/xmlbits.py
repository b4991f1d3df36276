"""WordprocessingML snippets the python-docx API does not reach, in schema order.

Run and paragraph properties are written as XML strings with their children in the order
the schema requires (Word rejects a file whose ``w:rPr`` children are out of order), and
parsed with python-docx's own parser so they join its element tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml.etree import _Element

_NAMESPACES = nsdecls("w", "r")
OPEN_TAG = re.compile(r"^<([\w:]+)")


def element(xml: str) -> _Element:
    """Parse ``xml`` (one element; ``w:`` and ``r:`` prefixes) into a python-docx element."""
    return parse_xml(OPEN_TAG.sub(rf"<\1 {_NAMESPACES}", xml, count=1))


def pt(points: float) -> int:
    """Twentieths of a point (twips), WordprocessingML's unit for spacing and indents."""
    return round(points * 20)


def inch(inches: float) -> int:
    return round(inches * 1440)


def attr(value: str) -> str:
    return quoteattr(value)


@dataclass(frozen=True)
class RunLook:
    """Character formatting; ``None`` leaves a property to the style below."""

    font: str | None = None
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    caps: bool = False
    color: str | None = None
    tracking: float | None = None
    shade: str | None = None
    lang: str | None = None

    def xml(self) -> str:
        parts = [_fonts(self.font) if self.font else ""]
        parts.append(_toggle("b", self.bold) + _toggle("bCs", self.bold))
        parts.append(_toggle("i", self.italic) + _toggle("iCs", self.italic))
        parts.append("<w:caps/>" if self.caps else "")
        parts.append(f'<w:color w:val="{self.color}"/>' if self.color else "")
        parts.append(f'<w:spacing w:val="{pt(self.tracking)}"/>' if self.tracking else "")
        if self.size:
            half_points = round(self.size * 2)
            parts.append(f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>')
        if self.shade:
            parts.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{self.shade}"/>')
        parts.append(f"<w:lang w:val={attr(self.lang)}/>" if self.lang else "")
        return f"<w:rPr>{''.join(parts)}</w:rPr>"


def _fonts(font: str) -> str:
    name = attr(font)
    return f"<w:rFonts w:ascii={name} w:hAnsi={name} w:eastAsia={name} w:cs={name}/>"


def _toggle(tag: str, value: bool | None) -> str:
    if value is None:
        return ""
    return f"<w:{tag}/>" if value else f'<w:{tag} w:val="0"/>'


@dataclass(frozen=True)
class Border:
    color: str
    size: int = 8
    space: int = 4
    style: str = "single"

    def xml(self, side: str) -> str:
        return (
            f'<w:{side} w:val="{self.style}" w:sz="{self.size}" w:space="{self.space}" '
            f'w:color="{self.color}"/>'
        )


@dataclass(frozen=True)
class Tab:
    position: int
    align: str = "left"
    leader: str | None = None

    def xml(self) -> str:
        leader = f' w:leader="{self.leader}"' if self.leader else ""
        return f'<w:tab w:val="{self.align}"{leader} w:pos="{self.position}"/>'


@dataclass(frozen=True)
class ParaLook:
    """Paragraph formatting in points and inches; ``None`` leaves it to the style below."""

    keep_next: bool = False
    keep_lines: bool = False
    page_break_before: bool = False
    widow_control: bool = True
    top: Border | None = None
    bottom: Border | None = None
    left: Border | None = None
    fill: str | None = None
    tabs: tuple[Tab, ...] = ()
    before: float | None = None
    after: float | None = None
    line: float | None = None
    exact_line: float | None = None
    indent: float | None = None
    right: float | None = None
    hanging: float | None = None
    align: str | None = None
    outline: int | None = None

    def xml(self) -> str:
        parts = [
            "<w:keepNext/>" if self.keep_next else "",
            "<w:keepLines/>" if self.keep_lines else "",
            "<w:pageBreakBefore/>" if self.page_break_before else "",
            "" if self.widow_control else '<w:widowControl w:val="0"/>',
            self._borders(),
            f'<w:shd w:val="clear" w:color="auto" w:fill="{self.fill}"/>' if self.fill else "",
            self._tabs(),
            self._spacing(),
            self._indent(),
            f'<w:jc w:val="{self.align}"/>' if self.align else "",
            f'<w:outlineLvl w:val="{self.outline}"/>' if self.outline is not None else "",
        ]
        return f"<w:pPr>{''.join(parts)}</w:pPr>"

    def _borders(self) -> str:
        sides = (("top", self.top), ("left", self.left), ("bottom", self.bottom))
        inner = "".join(border.xml(name) for name, border in sides if border is not None)
        return f"<w:pBdr>{inner}</w:pBdr>" if inner else ""

    def _tabs(self) -> str:
        if not self.tabs:
            return ""
        return f"<w:tabs>{''.join(tab.xml() for tab in self.tabs)}</w:tabs>"

    def _spacing(self) -> str:
        values = []
        if self.before is not None:
            values.append(f'w:before="{pt(self.before)}"')
        if self.after is not None:
            values.append(f'w:after="{pt(self.after)}"')
        if self.exact_line is not None:
            values.append(f'w:line="{pt(self.exact_line)}" w:lineRule="exact"')
        elif self.line is not None:
            values.append(f'w:line="{round(self.line * 240)}" w:lineRule="auto"')
        return f"<w:spacing {' '.join(values)}/>" if values else ""

    def _indent(self) -> str:
        values = []
        if self.indent is not None:
            values.append(f'w:left="{inch(self.indent)}"')
        if self.right is not None:
            values.append(f'w:right="{inch(self.right)}"')
        if self.hanging is not None:
            values.append(f'w:hanging="{inch(self.hanging)}"')
        return f"<w:ind {' '.join(values)}/>" if values else ""
