"""The facilitator run sheet: the whole session on one page.

Times (clock times when the session has a start time, elapsed times otherwise), minutes
and segments with breaks shaded, the total and the contact hours, then the materials as a
checklist beside the room setup. Long agendas get a denser table so the sheet stays one
page: the trainer clips it to the lectern.
"""

from __future__ import annotations

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.table import _Row

from hrdeck.outputs.kit.blocks import (
    TICK_BOX,
    Column,
    add_row,
    cell_paragraph,
    para,
    shade_cell,
    styled_run,
    table,
    write_lines,
)
from hrdeck.outputs.kit.checks import require_valid
from hrdeck.outputs.kit.common import hours_text, masthead
from hrdeck.outputs.kit.docbase import KitDocument, new_document
from hrdeck.outputs.kit.model import Kit
from hrdeck.outputs.kit.package import document_bytes
from hrdeck.outputs.kit.schedule import (
    Slot,
    duration_text,
    has_clock,
    instruction_minutes,
    schedule,
    time_label,
)
from hrdeck.outputs.kit.styles import DENSE_TABLE_STYLE, TABLE_STYLE

ROOMY_ROWS = 12
NOTE_LINES = 4
COMPACT_ROWS = 20


def write_run_sheet(kit: Kit) -> bytes:
    """The one-page run sheet as .docx bytes."""
    require_valid(kit)
    kd = new_document(kit)
    masthead(kd, "Facilitator run sheet", compact=True)
    para(kd, _summary(kit), "Kit Meta")
    _agenda(kd)
    _materials_and_room(kd)
    if len(kit.session.agenda) <= ROOMY_ROWS:
        para(kd, "Notes", "Heading 2")
        write_lines(kd, NOTE_LINES)
    else:  # a body cannot end in a table; a hair-thin last paragraph keeps the page count
        para(kd, "", "Kit End")
    title = f"{kit.session.course_title}: run sheet"
    return document_bytes(kd, title, kit.session.audience_label)


def _summary(kit: Kit) -> str:
    session = kit.session
    taught = duration_text(instruction_minutes(session))
    presenters = "; ".join(presenter.display_name for presenter in session.presenters)
    return (
        f"{presenters}  ·  {taught} of teaching, {hours_text(session.contact_hours)}  ·  "
        f"{session.contact}"
    )


def _agenda(kd: KitDocument) -> None:
    session = kd.kit.session
    slots = schedule(session)
    cell_style = _density(len(slots))
    width = kd.page.text_width
    time_heading = "Time" if has_clock(session) else "Elapsed"
    columns = [
        Column(time_heading, 1.55),
        Column("Min", 0.55, center=True),
        Column("Segment", width - 2.1),
    ]
    para(kd, "Schedule", "Heading 2")
    table_style = TABLE_STYLE if len(slots) <= ROOMY_ROWS else DENSE_TABLE_STYLE
    caption = "Session schedule with times, minutes and segments"
    grid = table(kd, columns, caption, style=table_style)
    for slot in slots:
        span = f"{time_label(session, slot.start)} – {time_label(session, slot.end)}"
        values = [span, str(slot.row.minutes), slot.row.title]
        style = f"{cell_style} Break" if slot.is_break else cell_style
        row = add_row(grid, values, (False, True), style=style)
        if slot.is_break:
            _shade(kd, row)
    total = max(slot.end for slot in slots)
    para(kd, _total_line(slots, total), "Kit Small")


def _density(rows: int) -> str:
    """The cell style that keeps ``rows`` agenda rows on one page with the checklists."""
    if rows <= ROOMY_ROWS:
        return "Kit Agenda"
    return "Kit Agenda Compact" if rows <= COMPACT_ROWS else "Kit Agenda Tight"


def _total_line(slots: list[Slot], total: int) -> str:
    breaks = sum(slot.row.minutes for slot in slots if slot.is_break)
    return f"Total {duration_text(total)}, including {breaks} minutes of breaks."


def _shade(kd: KitDocument, row: _Row) -> None:
    """Break rows stand out with a warm wash (their text style is the italic "... Break")."""
    for cell in row.cells:
        shade_cell(cell, kd.inks.break_fill)


def _materials_and_room(kd: KitDocument) -> None:
    session = kd.kit.session
    if not session.materials and not session.room_setup:
        return
    para(kd, "Before you start", "Heading 2")
    half = kd.page.text_width / 2
    columns = [Column("Materials to bring", half), Column("Room setup", half)]
    grid = table(kd, columns, "Materials checklist and room setup notes")
    row = add_row(grid, ["", ""])
    materials, room = row.cells
    for cell in row.cells:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    for index, item in enumerate(session.materials):
        paragraph = materials.paragraphs[0] if index == 0 else cell_paragraph(materials)
        paragraph.style = kd.document.styles["Kit Check Item"]
        styled_run(paragraph, TICK_BOX, "Kit Tick Box")
        paragraph.add_run("\t" + item)
    for index, note in enumerate(session.room_setup):
        paragraph = room.paragraphs[0] if index == 0 else cell_paragraph(room)
        paragraph.style = kd.document.styles["Kit Table Bullet"]
        paragraph.add_run(note)
