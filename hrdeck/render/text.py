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
from typing import Any

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.text.text import TextFrame

from hrdeck.render.oxml import NAMESPACES, XmlElement, clark, text_body
from hrdeck.richtext import Para, Run

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
    """Replace the text of `frame` with `paras` set in `style`; word wrap on, no autofit.

    Builds the DrawingML directly with lxml: python-pptx's text objects resolve every
    property through XPath, which is most of the time of a large deck.
    """
    tx_body = text_body(frame)
    _no_autofit(tx_body)
    for old in tx_body.findall(_P):
        tx_body.remove(old)
    part = frame.part  # python-pptx walks up the shape's parents for it: once per frame
    for para in paras or (plain(""),):
        write_para(tx_body, para, style, part)


def append(frame: TextFrame, paras: Iterable[Para], style: TextStyle) -> None:
    """Add `paras` after the text already in `frame`."""
    tx_body, part = text_body(frame), frame.part
    for para in paras:
        write_para(tx_body, para, style, part)


def _no_autofit(tx_body: XmlElement) -> None:
    body_pr = tx_body.find(_BODY_PR)
    if body_pr is None:
        body_pr = etree.Element(_BODY_PR)
        tx_body.insert(0, body_pr)
    body_pr.set("wrap", "square")
    later = None  # the first child that must follow the autofit choice (schema order)
    for child in list(body_pr):  # one pass: a new text box's bodyPr has few children
        tag = child.tag
        if tag in _AUTOFITS:
            body_pr.remove(child)
        elif later is None and isinstance(tag, str) and tag.rpartition("}")[2] in _AFTER_AUTOFIT:
            later = child
    autofit = etree.Element(_NO_AUTOFIT)
    if later is not None:
        later.addprevious(autofit)
    else:
        body_pr.append(autofit)


def write_para(tx_body: XmlElement, para: Para, style: TextStyle, part: Any) -> None:
    """Append one plan paragraph (level, markers, runs) to `tx_body`."""
    paragraph = _sub(tx_body, _P)
    level = min(para.level, 8)
    p_attrs = {"lvl": str(level)} if level else {}
    if style.align is not None:
        p_attrs["algn"] = _ALIGN[style.align]
    p_pr = _sub(paragraph, _PPR, p_attrs)
    if style.space_before is not None:
        spacing = etree.SubElement(p_pr, clark("a:spcBef"))
        etree.SubElement(spacing, clark("a:spcPts"), val=str(int(style.space_before * 100)))
    set_markers(p_pr, level, style.markers)
    size = str(int(style.size * 100)) if style.size else None
    end_attrs = {"lang": style.lang}
    if size:
        end_attrs["sz"] = size
    for run in para.runs:
        write_run(paragraph, run, style, part, size, end_attrs)
    _sub(paragraph, _END, end_attrs)


def write_run(
    paragraph: XmlElement,
    run: Run,
    style: TextStyle,
    part: Any,
    size: str | None = None,
    base: dict[str, str] | None = None,
) -> None:
    """Append one run with its formatting (child order per the DrawingML schema);
    `size` is the style's size as written (hundredths of a point), when known, and
    `base` the run properties every run of the paragraph starts from (lang, sz)."""
    element = _sub(paragraph, _R)
    if base is not None:
        attrs = base.copy()
    else:
        attrs = {"lang": style.lang}
        if style.size:
            attrs["sz"] = size or str(int(style.size * 100))
    if run.bold or style.bold:
        attrs["b"] = "1"
    if run.italic:
        attrs["i"] = "1"
    r_pr = _sub(element, _RPR, attrs)
    if style.color:
        fill_el = _sub(r_pr, _SOLID_FILL)
        _sub(fill_el, _SRGB, val=style.color.lstrip("#").upper())
    font = MONOSPACE if run.code else style.font
    if font:
        _sub(r_pr, _LATIN, typeface=font)
    if run.link:
        rId = part.relate_to(run.link, RT.HYPERLINK, is_external=True)
        _sub(r_pr, _HLINK).set(_RID, rId)
    _sub(element, _T).text = run.text


def set_markers(p_pr: XmlElement, level: int, markers: str) -> None:
    """Set list markers on a paragraph's a:pPr (see :class:`TextStyle`)."""
    if markers == "template":
        return
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


def _add_marker(p_pr: XmlElement, tag: str, **attrs: str) -> None:
    """Append a bullet element (pPr is built in schema order, so appending is right)."""
    etree.SubElement(p_pr, clark(tag), **attrs)


_sub = etree.SubElement
_P, _PPR, _R, _RPR, _T, _END = (
    clark(f"a:{t}") for t in ("p", "pPr", "r", "rPr", "t", "endParaRPr")
)
_SOLID_FILL, _SRGB, _LATIN, _HLINK = (
    clark(f"a:{t}") for t in ("solidFill", "srgbClr", "latin", "hlinkClick")
)
_RID = clark("r:id")
_BODY_PR, _NO_AUTOFIT = clark("a:bodyPr"), clark("a:noAutofit")
_AUTOFITS = frozenset(clark(f"a:{t}") for t in ("noAutofit", "normAutofit", "spAutoFit"))
_AFTER_AUTOFIT = frozenset({"scene3d", "sp3d", "flatTx", "extLst"})  # local names
# runs and fields without a language, in document order (one C-level query per slide)
_UNTAGGED = etree.XPath(
    ".//a:r[not(a:rPr[@lang != ''])] | .//a:fld[not(a:rPr[@lang != ''])]",
    namespaces={"a": NAMESPACES["a"]},
)

_ALIGN = {
    PP_ALIGN.LEFT: "l",
    PP_ALIGN.CENTER: "ctr",
    PP_ALIGN.RIGHT: "r",
    PP_ALIGN.JUSTIFY: "just",
}


def rgb(hex_colour: str) -> RGBColor:
    """An RGBColor from 'RRGGBB' or '#RRGGBB'."""
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def tag_language(element: XmlElement, lang: str) -> None:
    """Give every run and field under `element` the language `lang` (if it has none)."""
    for run in _UNTAGGED(element):
        r_pr = run.find(_RPR)
        if r_pr is None:
            r_pr = etree.Element(clark("a:rPr"))
            run.insert(0, r_pr)
        if not r_pr.get("lang"):
            r_pr.set("lang", lang)
