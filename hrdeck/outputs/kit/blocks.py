"""Building blocks every writer shares: styled paragraphs, rich text, tables, tick boxes,
writing lines, links, pictures and QR codes with alt text.

Tables always get a header row that repeats on each page and rows that do not split
across pages; pictures always get alt text. Formatting comes from styles by name.
"""

from __future__ import annotations

import copy
import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

import segno
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Inches
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run as DocxRun

from hrdeck.outputs.kit.docbase import KitDocument, set_alt_text, style_id
from hrdeck.outputs.kit.model import RichText
from hrdeck.outputs.kit.styles import TABLE_STYLE
from hrdeck.outputs.kit.xmlbits import element, inch
from hrdeck.richtext import Run

TICK_BOX = "\u2610"
CELL_TEXT = "Kit Table Text"
CELL_HEAD = "Kit Table Head"
SHADE_SUCCESSORS = ("noWrap", "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark")


def para(kd: KitDocument, text: RichText = "", style: str = "Normal") -> Paragraph:
    paragraph = kd.document.add_paragraph()
    set_style(paragraph, style)
    add_rich(paragraph, text)
    return paragraph


def set_style(paragraph: Paragraph, style: str) -> None:
    """Give ``paragraph`` the style named ``style`` (see :func:`docbase.style_id`).

    ``w:pStyle`` comes first in ``w:pPr``, and ``w:pPr`` first in ``w:p``, so both are
    placed directly, without python-docx's general search for where a child belongs.
    """
    found = style_id(style)
    if found is not None:
        _first_child(_first_child(paragraph._p, "w:pPr"), "w:pStyle").set(qn("w:val"), found)


def _first_child(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    """``parent``'s ``tag`` child, made as its first child when it has none."""
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        parent.insert(0, child)
    return child


def add_rich(paragraph: Paragraph, text: RichText, link_url: str | None = None) -> None:
    """Append ``text``; runs keep their bold and italic (emphasis is content, not layout),
    and a run with a link becomes a hyperlink.

    Where ``link_url`` appears in the text (a DOI at the end of a reference), that stretch
    becomes a hyperlink instead of being printed twice.
    """
    pieces = (Run(text),) if isinstance(text, str) else text
    for piece in pieces:
        if piece.link:
            link(paragraph, piece.text, piece.link)
            link_url = None if piece.link == link_url else link_url
            continue
        before, found, after = piece.text.partition(link_url) if link_url else (piece.text, "", "")
        _emphasised(paragraph, before, piece)
        if found and link_url:
            link(paragraph, found, link_url)
            link_url = None
        _emphasised(paragraph, after, piece)


def _emphasised(paragraph: Paragraph, text: str, look: Run) -> None:
    if not text:
        return
    run = paragraph._p.add_r()
    if look.bold or look.italic:
        properties = _first_child(run, "w:rPr")
        for tag, wanted in (("w:b", look.bold), ("w:i", look.italic)):
            if wanted:
                properties.append(OxmlElement(tag))
    _add_text(run, text)


def _add_text(run: BaseOxmlElement, text: str) -> None:
    """``text`` into the run: one ``w:t`` when it holds no tab or line break (python-docx
    otherwise walks it character by character, which was a good part of the writing)."""
    if "\t" in text or "\n" in text or "\r" in text:
        run.text = text
        return
    node = OxmlElement("w:t")
    node.text = text
    if text != text.strip():
        node.set(qn("xml:space"), "preserve")
    run.append(node)


def styled_run(paragraph: Paragraph, text: str, style: str) -> DocxRun:
    run = paragraph.add_run()
    if text:
        _add_text(run._r, text)
    found = style_id(style)
    if found is not None:  # w:rStyle first in w:rPr, w:rPr first in w:r
        _first_child(_first_child(run._r, "w:rPr"), "w:rStyle").set(qn("w:val"), found)
    return run


def bullets(kd: KitDocument, items: Sequence[RichText], style: str = "List Bullet") -> None:
    for item in items:
        para(kd, item, style)


def link(paragraph: Paragraph, text: str, url: str) -> None:
    """``text`` as a hyperlink to ``url``: clickable on screen, plain accent text on paper."""
    rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    run = styled_run(paragraph, text, "Kit Link")
    hyperlink = element(f'<w:hyperlink r:id="{rid}" w:history="1"/>')
    run._r.addprevious(hyperlink)
    hyperlink.append(run._r)


def picture(paragraph: Paragraph, png: bytes, width: float, alt: str) -> None:
    """An inline picture ``width`` inches wide with alt text (``wp:docPr/@descr``)."""
    shape = paragraph.add_run().add_picture(io.BytesIO(png), width=Inches(width))
    set_alt_text(shape._inline, alt)


@functools.lru_cache(maxsize=256)
def qr_png(url: str) -> bytes:
    """A QR code for ``url`` as PNG: medium error correction, a 4-module quiet zone.

    Kept per address (a pure function of it): the audiences of a build share most of
    their resources, and encoding a code is a good part of writing a handout.
    """
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=10, border=4)
    return buffer.getvalue()


def qr_picture(paragraph: Paragraph, url: str, width: float, what: str) -> None:
    picture(paragraph, qr_png(url), width, f"QR code: {what}, {url}")


def tick_boxes(paragraph: Paragraph, labels: Sequence[str], gap: str = "    ") -> None:
    """``☐ Yes    ☐ No`` on one line."""
    for index, label in enumerate(labels):
        if index:
            paragraph.add_run(gap)
        styled_run(paragraph, TICK_BOX, "Kit Tick Box")
        paragraph.add_run("\u00a0" + label)


def write_lines(kd: KitDocument, count: int, label: str = "") -> None:
    """Ruled lines to write on; the first can carry a label (``Name``)."""
    for index in range(count):
        paragraph = para(kd, style="Kit Write Line")
        # A no-break space first: LibreOffice drops the exact line height of a tab-only line.
        paragraph.add_run((label + " " if label and index == 0 else "\u00a0") + "\t")


def write_pair(kd: KitDocument, left: str, right: str) -> None:
    """``Name ________   Email ________`` on one line."""
    para(kd, f"{left} \t   {right} \t", "Kit Write Pair")


@dataclass(frozen=True)
class Column:
    heading: str
    width: float
    center: bool = False


def table(
    kd: KitDocument,
    columns: Sequence[Column],
    caption: str,
    style: str = TABLE_STYLE,
    *,
    banded: bool = True,
) -> Table:
    """An empty table with its header row; add body rows with :func:`add_row`.

    ``banded`` turns the style's alternate-row shading on or off for this table (off where
    rows hold pictures, whose white margins would show on a tinted band).
    """
    result = kd.document.add_table(rows=1, cols=len(columns))
    result._tbl.tblStyle_val = style_id(style)
    result.alignment = WD_TABLE_ALIGNMENT.LEFT
    result.autofit = False
    _set_look(result, banded)
    _fix_widths(result, [column.width for column in columns])
    _describe(result, caption)
    header = result.rows[0]
    set_row(header, header=True)
    for cell, column in zip(header.cells, columns, strict=True):
        _fill(cell, column.heading, CELL_HEAD, column.center)
    return result


def copy_row(result: Table, row: _Row, first_cell: str) -> _Row:
    """A copy of ``row`` added at the end of ``result``, its first cell's text replaced:
    the rows of a form are alike, and copying one is much cheaper than building it."""
    tr = copy.deepcopy(row._tr)
    texts = tr.tc_lst[0].findall(f".//{qn('w:t')}")
    texts[0].text = first_cell
    result._tbl.append(tr)
    return result.rows[-1]


def add_row(
    result: Table,
    values: Sequence[RichText],
    centers: Sequence[bool] = (),
    height: float | None = None,
    style: str = CELL_TEXT,
) -> _Row:
    row = result.add_row()
    set_row(row, height=height)
    for index, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
        centered = index < len(centers) and centers[index]
        _fill(cell, value, style, centered)
    return row


def set_row(row: _Row, *, header: bool = False, height: float | None = None) -> None:
    """Rows never split across pages; the header row repeats at the top of each page."""
    tr_pr = row._tr.get_or_add_trPr()
    for child in list(tr_pr):
        tr_pr.remove(child)
    tr_pr.append(element("<w:cantSplit/>"))
    if height is not None:
        tr_pr.append(element(f'<w:trHeight w:val="{inch(height)}" w:hRule="atLeast"/>'))
    if header:
        tr_pr.append(element("<w:tblHeader/>"))


def _fill(cell: _Cell, value: RichText, style: str, centered: bool) -> None:
    paragraph = cell.paragraphs[0]
    set_style(paragraph, style)
    add_rich(paragraph, value)
    if centered:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def keep_together(result: Table) -> None:
    """Keep a short table on one page: every row but the last keeps with the next."""
    for row in result.rows[:-1]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def shade_cell(cell: _Cell, fill: str) -> None:
    """Fill a cell with ``fill`` (hex), placing ``w:shd`` where the schema wants it."""
    tc_pr = cell._tc.get_or_add_tcPr()
    shade = element(f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>')
    later = {qn(f"w:{tag}") for tag in SHADE_SUCCESSORS}
    for child in tc_pr:
        if child.tag in later:
            child.addprevious(shade)
            return
    tc_pr.append(shade)


def cell_paragraph(cell: _Cell, style: str = CELL_TEXT) -> Paragraph:
    """A further paragraph in ``cell`` (the first comes with the cell)."""
    paragraph = cell.add_paragraph()
    set_style(paragraph, style)
    return paragraph


def _fix_widths(result: Table, widths: Sequence[float]) -> None:
    """Fixed column widths (``autofit = False`` already set ``tblLayout`` to fixed)."""
    tbl_w = result._tbl.tblPr.find(qn("w:tblW"))
    assert tbl_w is not None
    tbl_w.set(qn("w:w"), str(sum(inch(width) for width in widths)))
    tbl_w.set(qn("w:type"), "dxa")
    for column, width in zip(result.columns, widths, strict=True):
        column.width = Inches(width)
        for cell in column.cells:
            cell.width = Inches(width)


def _set_look(result: Table, banded: bool) -> None:
    """Which parts of the table style apply: the header row always, row bands if asked."""
    look = result._tbl.tblPr.find(qn("w:tblLook"))
    assert look is not None
    flags = {"firstRow": 1, "lastRow": 0, "firstColumn": 0, "lastColumn": 0, "noVBand": 1}
    flags["noHBand"] = 0 if banded else 1
    bits = 0x0020 | 0x0400 | (0 if banded else 0x0200)
    for name, value in flags.items():
        look.set(qn(f"w:{name}"), str(value))
    look.set(qn("w:val"), f"{bits:04X}")


def _describe(result: Table, caption: str) -> None:
    """Table alt text (``w:tblCaption``, last in ``w:tblPr``), for screen readers."""
    result._tbl.tblPr.append(element(f"<w:tblCaption w:val={quoteattr(caption)}/>"))
