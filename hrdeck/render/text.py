"""Paragraphs and runs of the deck plan -> python-pptx text frames.

One entry point, :func:`fill`, writes plan paragraphs into a text frame with a
:class:`TextStyle`: size, colour, font, and how list markers look (the template's
bullets, none, numbers, a hanging indent for references, or explicit bullets for
notes).  Every run gets the plan's language tag; code runs use a monospace font and
links become real hyperlinks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.text.text import TextFrame, _Paragraph, _Run
from pptx.util import Pt

from hrdeck.deckplan import Para, Run

MONOSPACE = "Consolas"
BULLET_INDENT_EMU = 285750  # 0.3125in per list level in notes


@dataclass(frozen=True)
class TextStyle:
    """How to set a block of text.  `markers`: template | none | number | hanging | notes."""

    lang: str
    size: float | None = None
    color: str | None = None
    font: str | None = None
    bold: bool = False
    markers: str = "template"
    align: PP_ALIGN | None = None
    space_before: float | None = None

    def with_(self, **changes: object) -> TextStyle:
        return replace(self, **changes)  # type: ignore[arg-type]


def plain(text: str) -> Para:
    """A one-run paragraph."""
    return Para(runs=(Run(text=text),))


def fill(frame: TextFrame, paras: Sequence[Para], style: TextStyle) -> None:
    """Replace the text of `frame` with `paras` set in `style`; word wrap on."""
    frame.clear()
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    for index, para in enumerate(paras or (plain(""),)):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        write_para(paragraph, para, style)


def append(frame: TextFrame, paras: Iterable[Para], style: TextStyle) -> None:
    """Add `paras` after the text already in `frame`."""
    for para in paras:
        write_para(frame.add_paragraph(), para, style)


def write_para(paragraph: _Paragraph, para: Para, style: TextStyle) -> None:
    """Write one plan paragraph (level, markers, runs) into `paragraph`."""
    paragraph.level = min(para.level, 8)
    if style.align is not None:
        paragraph.alignment = style.align
    if style.space_before is not None:
        paragraph.space_before = Pt(style.space_before)
    set_markers(paragraph, para.level, style.markers)
    for run in para.runs:
        write_run(paragraph.add_run(), run, style)
    end = paragraph._p.get_or_add_endParaRPr()
    end.set("lang", style.lang)
    if style.size:
        end.set("sz", str(int(style.size * 100)))


def write_run(target: _Run, run: Run, style: TextStyle) -> None:
    """Set the text and formatting of one run."""
    target.text = run.text
    font = target.font
    font._rPr.set("lang", style.lang)
    if style.size:
        font.size = Pt(style.size)
    if style.color:
        font.color.rgb = rgb(style.color)
    if style.font:
        font.name = style.font
    if run.bold or style.bold:
        font.bold = True
    if run.italic:
        font.italic = True
    if run.code:
        font.name = MONOSPACE
    if run.link:
        target.hyperlink.address = run.link


def set_markers(paragraph: _Paragraph, level: int, markers: str) -> None:
    """Set list markers on `paragraph` (see :class:`TextStyle`)."""
    if markers == "template":
        return
    p_pr = paragraph._p.get_or_add_pPr()
    for tag in ("a:buNone", "a:buAutoNum", "a:buChar", "a:buFont"):
        for old in p_pr.findall(qn(tag)):
            p_pr.remove(old)
    if markers == "number":
        p_pr.set("marL", str(457200 + 342900 * level))
        p_pr.set("indent", "-457200")
        _add_marker(p_pr, "a:buAutoNum", type="arabicPeriod")
    elif markers == "hanging":
        p_pr.set("marL", "457200")
        p_pr.set("indent", "-457200")
        _add_marker(p_pr, "a:buNone")
    elif markers == "notes" and level > 0:
        p_pr.set("marL", str(BULLET_INDENT_EMU * level))
        p_pr.set("indent", str(-BULLET_INDENT_EMU))
        _add_marker(p_pr, "a:buFont", typeface="Arial")
        _add_marker(p_pr, "a:buChar", char="•" if level % 2 else "–")
    else:
        p_pr.set("marL", "0")
        p_pr.set("indent", "0")
        _add_marker(p_pr, "a:buNone")


def _add_marker(p_pr: etree._Element, tag: str, **attrs: str) -> None:
    """Append a bullet element in schema order (before tab stops / defRPr / ext)."""
    marker = etree.SubElement(p_pr, qn(tag))
    for key, value in attrs.items():
        marker.set(key, value)
    for later in ("a:tabLst", "a:defRPr", "a:extLst"):
        for child in p_pr.findall(qn(later)):
            p_pr.remove(child)
            p_pr.append(child)


def rgb(hex_colour: str) -> RGBColor:
    """An RGBColor from 'RRGGBB' or '#RRGGBB'."""
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def tag_language(element: etree._Element, lang: str) -> None:
    """Give every run and field under `element` the language `lang`."""
    for run in element.iter(qn("a:r"), qn("a:fld")):
        r_pr = run.find(qn("a:rPr"))
        if r_pr is None:
            r_pr = etree.Element(qn("a:rPr"))
            run.insert(0, r_pr)
        if not r_pr.get("lang"):
            r_pr.set("lang", lang)
