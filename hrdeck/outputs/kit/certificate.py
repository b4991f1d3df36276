"""The certificate of attendance: one landscape page with a border, centred on the page.

Logo and agency, "Certificate of Attendance", an empty name line to write or type on, the
course, date and venue, the contact hours, each credit statement, and a presenter
signature line with a date line. Its styles ("Kit Certificate ...") are its own, so a
trainer can restyle the certificate without touching the other documents.
"""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Inches

from hrdeck.outputs.kit.blocks import para
from hrdeck.outputs.kit.checks import require_valid
from hrdeck.outputs.kit.common import credit_paragraph, hours_text, presented_by
from hrdeck.outputs.kit.docbase import KitDocument, new_document, set_alt_text
from hrdeck.outputs.kit.model import Kit
from hrdeck.outputs.kit.package import document_bytes
from hrdeck.outputs.kit.schedule import long_date
from hrdeck.outputs.kit.styles import StyleSpec, define_style
from hrdeck.outputs.kit.xmlbits import Border, ParaLook, RunLook, Tab, element, inch

CERTIFICATE_LOGO_HEIGHT = 1.0
SIGNATURE_WIDTH = 3.4
GAP = 0.9


def write_certificate(kit: Kit) -> bytes:
    """The certificate of attendance as .docx bytes (one landscape page)."""
    require_valid(kit)
    kd = new_document(kit, landscape=True, chrome=False)
    _certificate_styles(kd)
    _page_border_and_centering(kd)
    _logo_and_agency(kd)
    _body(kd)
    _credits(kd)
    _signatures(kd)
    title = f"{kit.session.course_title}: certificate of attendance"
    return document_bytes(kd, title, kit.session.audience_label)


def _certificate_styles(kd: KitDocument) -> None:
    brand, inks = kd.kit.brand, kd.inks
    heading = brand.heading_font
    center = "center"
    name_line = Border(inks.accent_fill, size=8, space=2)
    margin = (kd.page.text_width - 6.0) / 2
    specs = [
        StyleSpec(
            "Kit Certificate Agency",
            RunLook(heading, 12, caps=True, tracking=1.5, color=inks.muted),
            ParaLook(before=6, after=18, align=center),
        ),
        StyleSpec(
            "Kit Certificate Title",
            RunLook(heading, 34, bold=True, color=inks.accent),
            ParaLook(after=10, align=center, line=0.9),
        ),
        StyleSpec(
            "Kit Certificate Lead",
            RunLook(size=12.5, italic=True, color=inks.muted),
            ParaLook(before=4, after=4, align=center),
        ),
        StyleSpec(
            "Kit Certificate Name",
            RunLook(heading, 24, bold=True),
            ParaLook(
                before=22,
                after=12,
                align=center,
                bottom=name_line,
                indent=margin,
                right=margin,
                exact_line=34,
            ),
        ),
        StyleSpec(
            "Kit Certificate Course",
            RunLook(heading, 19, bold=True),
            ParaLook(before=2, after=4, align=center),
        ),
        StyleSpec("Kit Certificate Detail", RunLook(size=12), ParaLook(after=2, align=center)),
        StyleSpec(
            "Kit Certificate Hours",
            RunLook(heading, 15, bold=True, color=inks.accent),
            ParaLook(before=14, after=8, align=center),
        ),
        StyleSpec(
            "Kit Certificate Credit",
            RunLook(size=9.5, color=inks.muted),
            ParaLook(after=2, line=1.05, align=center, indent=0.6, right=0.6),
        ),
        StyleSpec(
            "Kit Certificate Sign Line",
            RunLook(size=10),
            ParaLook(before=44, after=0, tabs=_signature_tabs(kd)),
        ),
        StyleSpec(
            "Kit Certificate Signature",
            RunLook(size=10, color=inks.muted),
            ParaLook(before=2, after=0, tabs=_signature_tabs(kd)[0::2]),
        ),
    ]
    for spec in specs:
        define_style(kd.document, spec)


def _signature_tabs(kd: KitDocument) -> tuple[Tab, ...]:
    """Two lines to sign on, centred: signature on the left, date on the right."""
    start = (kd.page.text_width - 2 * SIGNATURE_WIDTH - GAP) / 2
    second = start + SIGNATURE_WIDTH + GAP
    return (
        Tab(inch(start)),
        Tab(inch(start + SIGNATURE_WIDTH), leader="underscore"),
        Tab(inch(second)),
        Tab(inch(second + SIGNATURE_WIDTH), leader="underscore"),
    )


def _page_border_and_centering(kd: KitDocument) -> None:
    """A double accent border around the page, and the content centred top to bottom."""
    color = kd.inks.accent_fill
    sides = "".join(
        f'<w:{side} w:val="double" w:sz="18" w:space="24" w:color="{color}"/>'
        for side in ("top", "left", "bottom", "right")
    )
    sect_pr = kd.document.sections[0]._sectPr
    margin = sect_pr.find(qn("w:pgMar"))
    assert margin is not None
    margin.addnext(element(f'<w:pgBorders w:offsetFrom="page">{sides}</w:pgBorders>'))
    columns = sect_pr.find(qn("w:cols"))
    assert columns is not None
    columns.addnext(element('<w:vAlign w:val="center"/>'))


def _logo_and_agency(kd: KitDocument) -> None:
    brand = kd.kit.brand
    if brand.logo_path is not None:
        logo = para(kd)
        logo.alignment = WD_ALIGN_PARAGRAPH.CENTER
        height = Inches(CERTIFICATE_LOGO_HEIGHT)
        shape = logo.add_run().add_picture(str(brand.logo_path), height=height)
        set_alt_text(shape._inline, brand.logo_alt)
    if brand.org_name:
        para(kd, brand.org_name, "Kit Certificate Agency")


def _body(kd: KitDocument) -> None:
    session = kd.kit.session
    para(kd, "Certificate of Attendance", "Kit Certificate Title")
    para(kd, "This certifies that", "Kit Certificate Lead")
    para(kd, "", "Kit Certificate Name")
    para(kd, "attended", "Kit Certificate Lead")
    para(kd, session.course_title, "Kit Certificate Course")
    date = long_date(session.date, session.language)
    venue = kd.kit.delivery.venue
    para(kd, f"{date}  ·  {venue}" if venue else date, "Kit Certificate Detail")
    credit = presented_by(session)
    if credit:
        para(kd, credit, "Kit Certificate Detail")
    para(kd, f"{hours_text(session.contact_hours)}", "Kit Certificate Hours")


def _credits(kd: KitDocument) -> None:
    for credit in kd.kit.session.credits:
        credit_paragraph(kd, credit, "Kit Certificate Credit")


def _signatures(kd: KitDocument) -> None:
    para(kd, "\t\t\t\t", "Kit Certificate Sign Line")
    presenters = kd.kit.session.presenters
    signer = f"{presenters[0].line}, presenter" if presenters else "Presenter"
    para(kd, f"\t{signer}\tDate", "Kit Certificate Signature")
