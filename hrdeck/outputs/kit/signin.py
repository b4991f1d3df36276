"""The sign-in sheet: a landscape attendance table for verifying who attended.

Course, date and venue at the top; numbered rows tall enough to write in (name, role,
agency, optional email, signature) under a header row that repeats on every page; and a
line for the trainer who verifies attendance, as continuing-education bodies ask.
"""

from __future__ import annotations

from hrdeck.outputs.kit.blocks import Column, add_row, copy_row, para, table
from hrdeck.outputs.kit.checks import require_valid
from hrdeck.outputs.kit.common import masthead
from hrdeck.outputs.kit.docbase import KitDocument, new_document
from hrdeck.outputs.kit.model import Kit
from hrdeck.outputs.kit.package import document_bytes
from hrdeck.outputs.kit.styles import FORM_TABLE_STYLE, StyleSpec, define_style
from hrdeck.outputs.kit.xmlbits import ParaLook, RunLook, Tab, inch

ROW_HEIGHT = 0.42
COLUMNS = (
    ("#", 0.4),
    ("Name (please print)", 2.35),
    ("Role", 1.45),
    ("Agency", 1.9),
    ("Email (optional)", 2.0),
)


def write_signin_sheet(kit: Kit) -> bytes:
    """The sign-in sheet as .docx bytes, with ``kit.signin_rows`` rows."""
    require_valid(kit)
    kd = new_document(kit, landscape=True)
    masthead(kd, "Sign-in sheet")
    para(
        kd,
        "Please print clearly and sign when you arrive. Credit requires attendance for the "
        "whole session; the trainer confirms it below.",
        "Kit Panel",
    )
    fixed = sum(width for _, width in COLUMNS)
    columns = [Column(name, width, center=name == "#") for name, width in COLUMNS]
    columns.append(Column("Signature", kd.page.text_width - fixed))
    grid = table(
        kd, columns, "Attendance: name, role, agency, email and signature", FORM_TABLE_STYLE
    )
    cells = ["1", *("" for _ in range(len(columns) - 1))]
    row = first = add_row(grid, cells, centers=(True,), height=ROW_HEIGHT, style="Kit Table Note")
    for number in range(2, kit.signin_rows + 1):
        row = copy_row(grid, first, str(number))
    row.cells[0].paragraphs[0].paragraph_format.keep_with_next = True  # last row + verification
    _verification_line(kd)
    title = f"{kit.session.course_title}: sign-in sheet"
    return document_bytes(kd, title, kit.session.audience_label)


def _verification_line(kd: KitDocument) -> None:
    """``Attendance verified by ______  Date ______`` on one line under the table."""
    width = kd.page.text_width
    tabs = (Tab(inch(width * 0.7), leader="underscore"), Tab(inch(width), "right", "underscore"))
    look = ParaLook(before=14, after=0, tabs=tabs)
    define_style(kd.document, StyleSpec("Kit Verification", RunLook(size=10), look))
    para(
        kd, "Attendance verified by (trainer's name and signature) \t   Date \t", "Kit Verification"
    )
