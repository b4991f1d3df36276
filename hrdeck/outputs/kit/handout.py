"""The participant handout: what the session promises, what it taught, where to go next.

Cover block (eyebrow, title, audience, date, presenters), learning objectives, today's
agenda with its times, the session's credit and disclosures, key points per module,
local resources with printed short addresses and QR codes, the evaluation link as a QR
code, and the full references with hanging indents.
"""

from __future__ import annotations

from docx.table import Table

from hrdeck.outputs.kit.blocks import (
    Column,
    add_rich,
    add_row,
    bullets,
    cell_paragraph,
    link,
    para,
    qr_picture,
    styled_run,
    table,
)
from hrdeck.outputs.kit.checks import require_valid
from hrdeck.outputs.kit.common import (
    credit_paragraph,
    disclosures,
    hours_text,
    labelled,
    level_text,
    masthead,
    people,
    presented_by,
)
from hrdeck.outputs.kit.docbase import KitDocument, new_document
from hrdeck.outputs.kit.model import HandoutResource, Kit, plain_text
from hrdeck.outputs.kit.package import document_bytes
from hrdeck.outputs.kit.schedule import has_clock, number
from hrdeck.outputs.kit.shortaddress import full_address

QR_WIDTH = 0.95
EVALUATION_QR_WIDTH = 1.3


def write_handout(kit: Kit) -> bytes:
    """The participant handout as .docx bytes."""
    require_valid(kit)
    kd = new_document(kit)
    masthead(kd, "Participant handout")
    credit = presented_by(kit.session)
    if credit:
        para(kd, credit, "Kit Meta")
    _objectives(kd)
    _agenda(kd)
    _about(kd)
    _key_points(kd)
    _resources(kd)
    _evaluation(kd)
    _references(kd)
    title = f"{kit.session.course_title}: participant handout"
    return document_bytes(kd, title, kit.session.audience_label)


def _objectives(kd: KitDocument) -> None:
    para(kd, "What you will be able to do", "Heading 1")
    para(kd, "By the end of this session you will be able to:")
    bullets(kd, [objective.text for objective in kd.kit.session.objectives], "List Number")


def _agenda(kd: KitDocument) -> None:
    """The agenda as participants see it: parts and breaks with their times."""
    rows = kd.kit.session.agenda
    if not rows:
        return
    para(kd, "Today's agenda", "Heading 1")
    width = kd.page.text_width
    time_heading = "Time" if has_clock(kd.kit.session) else "Elapsed"
    columns = [Column(time_heading, 1.55), Column("Min", 0.55, center=True)]
    grid = table(kd, [*columns, Column("Part", width - 2.1)], "Agenda with times and minutes")
    for row in rows:
        span = f"{row.clock_start} – {row.clock_end}"
        style = "Kit Agenda Break" if row.is_break else "Kit Agenda"
        add_row(grid, [span, number(row.minutes), row.title], (False, True), style=style)


def _about(kd: KitDocument) -> None:
    session = kd.kit.session
    para(kd, "About this session", "Heading 1")
    for person in people(session):
        heading = person.line if session.presenters else f"Curriculum by {person.line}"
        para(kd, heading, "Heading 3")
        if person.organization:
            organization = para(kd, person.organization, "Kit Small")
            organization.paragraph_format.keep_with_next = bool(person.bio)
        if person.bio:
            para(kd, person.bio)
    para(kd, "Course details", "Heading 3")
    if level_text(session):
        labelled(kd, "Course level", level_text(session))
    labelled(kd, "Intended for", session.target_audience)
    labelled(kd, "Length", hours_text(session.contact_hours) + " of instruction")
    for credit in session.credits:
        credit_paragraph(kd, credit)
    para(kd, "Disclosures", "Heading 3")
    disclosures(kd)


def _key_points(kd: KitDocument) -> None:
    if not kd.kit.modules:
        return
    para(kd, "Key points", "Heading 1")
    for module in kd.kit.modules:
        para(kd, module.title, "Heading 2")
        bullets(kd, module.key_points)


def _resources(kd: KitDocument) -> None:
    if not kd.kit.resources:
        return
    para(kd, "Resources", "Heading 1")
    para(kd, "Scan a code with your phone's camera, or type the address shown.", "Kit Small")
    width = kd.page.text_width
    columns = [Column("Scan", QR_WIDTH + 0.25, center=True), Column("Resource", width - 1.2)]
    grid = table(kd, columns, "Resources with QR codes and web addresses", banded=False)
    for resource in kd.kit.resources:
        _resource_row(grid, resource)


def _resource_row(grid: Table, resource: HandoutResource) -> None:
    row = add_row(grid, ["", ""], centers=(True,))
    qr_cell, text_cell = row.cells
    qr_picture(qr_cell.paragraphs[0], resource.url, QR_WIDTH, resource.name)
    name = text_cell.paragraphs[0]
    styled_run(name, resource.name, "Kit Strong")
    if resource.description:
        add_rich(cell_paragraph(text_cell), resource.description)
    link(cell_paragraph(text_cell), resource.short_url, resource.url)


def _evaluation(kd: KitDocument) -> None:
    url = kd.kit.session.evaluation_url
    if url is None:
        return
    para(kd, "Tell us how it went", "Heading 1")
    width = kd.page.text_width
    columns = [Column("Scan", EVALUATION_QR_WIDTH + 0.25, center=True), Column("", width - 1.55)]
    grid = table(kd, columns, "Evaluation link as a QR code", banded=False)
    grid.rows[0].cells[1].paragraphs[0].add_run("Session evaluation")
    row = add_row(grid, ["", ""], centers=(True,))
    qr_picture(row.cells[0].paragraphs[0], url, EVALUATION_QR_WIDTH, "session evaluation form")
    text = row.cells[1]
    add_rich(
        text.paragraphs[0],
        "Your answers shape the next session. Certificates are issued once the "
        "evaluation is complete.",
    )
    link(cell_paragraph(text), full_address(url), url)


def _references(kd: KitDocument) -> None:
    if not kd.kit.references:
        return
    para(kd, "References", "Heading 1")
    for reference in kd.kit.references:
        paragraph = para(kd, style="Kit Reference")
        add_rich(paragraph, reference.text, link_url=reference.url)
        if reference.url and reference.url not in plain_text(reference.text):
            paragraph.add_run(" ")
            link(paragraph, reference.url, reference.url)
