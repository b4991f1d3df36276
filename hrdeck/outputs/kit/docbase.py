"""A new branded document: page, styles, theme, header with the logo, footer with page numbers.

Starts from python-docx's template, drops the parts a generated file should not carry (a
thumbnail of someone else's page, the Word 2010 ``stylesWithEffects`` copy that goes stale
once styles change, an empty bibliography store), sets Letter or A4, and brands the styles
and the theme so Word's theme fonts and colours match the agency.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.oxml.styles import styleId_from_name
from docx.shared import Inches
from docx.text.paragraph import Paragraph
from lxml import etree

from hrdeck.outputs.kit.model import Brand, Kit, Paper
from hrdeck.outputs.kit.palette import Inks, hex6, print_inks
from hrdeck.outputs.kit.styles import apply_styles
from hrdeck.outputs.kit.xmlbits import Border, ParaLook, Tab, element, inch

PAPER_SIZES = {"letter": (8.5, 11.0), "a4": (8.27, 11.69)}
UNWANTED_PACKAGE_RELS = (RT.THUMBNAIL,)
UNWANTED_DOCUMENT_RELS = (
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    RT.CUSTOM_XML,
)
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


@dataclass(frozen=True)
class Page:
    """Page geometry in inches."""

    width: float
    height: float
    side_margin: float
    top_margin: float
    bottom_margin: float

    @property
    def text_width(self) -> float:
        return self.width - 2 * self.side_margin

    @property
    def text_height(self) -> float:
        return self.height - self.top_margin - self.bottom_margin


@dataclass
class KitDocument:
    """A document being written, with what its writer needs to know about it."""

    document: Document
    kit: Kit
    page: Page
    inks: Inks


def new_document(kit: Kit, *, landscape: bool = False, chrome: bool = True) -> KitDocument:
    """A branded, empty document; ``chrome`` adds the logo header and page-number footer."""
    logo = kit.brand.logo_path
    stamp = (logo.stat().st_mtime_ns, logo.stat().st_size) if logo is not None else None
    look = _Look(kit.brand, kit.paper, kit.session.language, kit.session.course_title, stamp)
    document = docx.Document(io.BytesIO(_empty_document(look, landscape, chrome)))
    page = _page(kit.paper, landscape, chrome)
    return KitDocument(document, kit, page, print_inks(kit.brand))


@dataclass(frozen=True)
class _Look:
    """What an empty document depends on: the brand (and its logo file's state), the
    paper, the language and the course title."""

    brand: Brand
    paper: Paper
    language: str
    course_title: str
    logo_stamp: tuple[int, int] | None = None


@functools.lru_cache(maxsize=16)
def _empty_document(look: _Look, landscape: bool, chrome: bool) -> bytes:
    """The branded, empty document as bytes, made once per look and kept (a pure function
    of its arguments): every document of a kit starts from the same few, and styling one
    (pruning the template's styles, adding the kit's) took half the time of writing it."""
    document = docx.Document()
    _drop_template_leftovers(document)
    page = _page(look.paper, landscape, chrome)
    _set_page(document, page, landscape)
    inks = print_inks(look.brand)
    apply_styles(document, look.brand, inks, page.text_width)
    _brand_theme(document, look.brand)
    _set_language(document, look.language)
    if chrome:
        _write_header(document, look.brand, inks, page)
        _write_footer(document, look.brand.footer_text or look.course_title, inks)
    _clear_body(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _drop_template_leftovers(document: Document) -> None:
    package_rels = document.part.package.rels
    for rid in [r for r, rel in package_rels.items() if rel.reltype in UNWANTED_PACKAGE_RELS]:
        del package_rels[rid]
    document_rels = document.part.rels
    for rid in [r for r, rel in document_rels.items() if rel.reltype in UNWANTED_DOCUMENT_RELS]:
        del document_rels[rid]
    settings = document.settings.element
    for tag in ("w:savePreviewPicture", "w:rsids"):
        for node in settings.findall(qn(tag)):
            settings.remove(node)


def _page(paper: Paper, landscape: bool, chrome: bool) -> Page:
    short, long = PAPER_SIZES[paper]
    width, height = (long, short) if landscape else (short, long)
    return Page(width, height, 0.8 if not landscape else 0.7, 1.0 if chrome else 0.6, 0.8)


def _set_page(document: Document, page: Page, landscape: bool) -> None:
    width, height = page.width, page.height
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Inches(width), Inches(height)
    section.left_margin = section.right_margin = Inches(page.side_margin)
    section.top_margin, section.bottom_margin = Inches(page.top_margin), Inches(page.bottom_margin)
    section.header_distance = section.footer_distance = Inches(0.4)


def _brand_theme(document: Document, brand: Brand) -> None:
    """Theme fonts and colours = the brand, so Word's theme pickers offer the agency's."""
    theme = document.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    fonts = {"majorFont": brand.heading_font, "minorFont": brand.body_font}
    for slot, font in fonts.items():
        latin = root.find(f".//{{{A}}}{slot}/{{{A}}}latin")
        if latin is not None:
            latin.set("typeface", font)
    colors = {
        "dk2": brand.text_color,
        "accent1": brand.accent_color,
        "accent2": brand.accent2_color,
    }
    for slot, color in colors.items():
        srgb = root.find(f".//{{{A}}}clrScheme/{{{A}}}{slot}/{{{A}}}srgbClr")
        if srgb is not None:
            srgb.set("val", hex6(color))
    _set_part_blob(theme, etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def _set_part_blob(part: Part, blob: bytes) -> None:
    """python-docx keeps parts it does not model (the theme) as raw bytes in ``_blob``."""
    part._blob = blob


def _set_language(document: Document, language: str) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults is not None
    for lang in defaults.iter(qn("w:lang")):
        lang.set(qn("w:val"), language)


def _write_header(document: Document, brand: Brand, inks: Inks, page: Page) -> None:
    header = document.sections[0].header
    paragraph = header.paragraphs[0]
    paragraph._p.style = style_id("Header")
    if brand.logo_path is not None:
        run = paragraph.add_run()
        picture = run.add_picture(str(brand.logo_path), height=Inches(0.42))
        set_alt_text(picture._inline, brand.logo_alt)
    paragraph.add_run("\t" + brand.org_name)
    tabs = (Tab(inch(page.text_width), "right"),)
    rule = ParaLook(bottom=Border(inks.accent_fill, size=8, space=4), tabs=tabs)
    _merge_paragraph_look(paragraph, rule)


def _write_footer(document: Document, left: str, inks: Inks) -> None:
    footer = document.sections[0].footer
    paragraph = footer.paragraphs[0]
    paragraph._p.style = style_id("Footer")
    paragraph.add_run(left + "\tPage ")
    add_field(paragraph, "PAGE", "1")
    paragraph.add_run(" of ")
    add_field(paragraph, "NUMPAGES", "1")
    _merge_paragraph_look(paragraph, ParaLook(top=Border(inks.rule, size=4, space=4)))


def add_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A simple field (PAGE, NUMPAGES) that Word and LibreOffice update when they lay out."""
    field = f'<w:fldSimple w:instr=" {instruction} "><w:r><w:t>{shown}</w:t></w:r></w:fldSimple>'
    paragraph._p.append(element(field))


def _merge_paragraph_look(paragraph: Paragraph, look: ParaLook) -> None:
    """Give one paragraph its own borders/tabs (headers and footers have one paragraph)."""
    ppr = paragraph._p.get_or_add_pPr()
    new = element(look.xml())
    style = ppr.find(qn("w:pStyle"))
    for child in list(ppr):
        if child is not style:
            ppr.remove(child)
    for child in list(new):
        ppr.append(child)


def style_id(name: str) -> str | None:
    """The id of the style called ``name``, as python-docx gives it to the styles it makes
    (``Kit Table Text`` -> ``KitTableText``); None for Normal, the default that a
    paragraph gets by having no style at all.

    Looking styles up by name through python-docx scans every style on each call, which
    was most of the time a document took to write; a test checks that every style id
    the documents use exists.
    """
    return None if name == "Normal" else styleId_from_name(name)


def set_alt_text(inline: etree._Element, alt: str) -> None:
    """Alt text on a picture: ``wp:docPr/@descr`` is what Word's Alt Text pane edits."""
    doc_pr = inline.find(qn("wp:docPr"))
    assert doc_pr is not None
    doc_pr.set("descr", alt)


def _clear_body(document: Document) -> None:
    body = document.element.body
    for paragraph in body.findall(qn("w:p")):
        body.remove(paragraph)
