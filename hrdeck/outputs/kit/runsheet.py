"""The facilitator run sheet: the whole session on one page.

Every module and break with the plan's own times (clock times with a start time, elapsed
times otherwise) and minutes, breaks shaded, modules shortened to fit the slot marked
with their full length, then the total, the contact hours, what was left out, and the
materials as a checklist beside the room setup. Long schedules get a denser table so the
sheet stays one page: the trainer clips it to the lectern.
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
    set_style,
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
    TimedRow,
    duration_text,
    has_clock,
    instruction_minutes,
    number,
    session_length,
    timetable,
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
    _left_out(kd)
    _materials_and_room(kd)
    if len(timetable(kit.session)) <= ROOMY_ROWS:
        para(kd, "Notes", "Heading 2")
        write_lines(kd, NOTE_LINES)
    else:  # a body cannot end in a table; a hair-thin last paragraph keeps the page count
        para(kd, "", "Kit End")
    title = f"{kit.session.course_title}: run sheet"
    return document_bytes(kd, title, kit.session.audience_label)


def _summary(kit: Kit) -> str:
    session = kit.session
    taught = duration_text(instruction_minutes(session))
    presenters = "; ".join(presenter.line for presenter in session.presenters)
    parts = [presenters, f"{taught} of teaching, {hours_text(session.contact_hours)}"]
    return "  ·  ".join(part for part in (*parts, kit.delivery.contact) if part)


def _agenda(kd: KitDocument) -> None:
    rows = timetable(kd.kit.session)
    cell_style = _density(len(rows))
    width = kd.page.text_width
    time_heading = "Time" if has_clock(kd.kit.session) else "Elapsed"
    columns = [
        Column(time_heading, 1.55),
        Column("Min", 0.55, center=True),
        Column("Segment", width - 2.1),
    ]
    para(kd, "Schedule", "Heading 2")
    table_style = TABLE_STYLE if len(rows) <= ROOMY_ROWS else DENSE_TABLE_STYLE
    caption = "Session schedule with times, minutes and segments"
    grid = table(kd, columns, caption, style=table_style)
    for row in rows:
        span = f"{row.clock_start} – {row.clock_end}"
        values = [span, number(row.minutes), _segment(row)]
        style = f"{cell_style} Break" if row.is_break else cell_style
        added = add_row(grid, values, (False, True), style=style)
        if row.is_break:
            _shade(kd, added)
    para(kd, _total_line(kd.kit), "Kit Small")


def _segment(row: TimedRow) -> str:
    """The row's title; a module shortened to fit says its full length."""
    full = getattr(row, "full_minutes", None)
    return f"{row.title} (short; full {number(full)} min)" if full else row.title


def _density(rows: int) -> str:
    """The cell style that keeps ``rows`` agenda rows on one page with the checklists."""
    if rows <= ROOMY_ROWS:
        return "Kit Agenda"
    return "Kit Agenda Compact" if rows <= COMPACT_ROWS else "Kit Agenda Tight"


def _total_line(kit: Kit) -> str:
    session = kit.session
    breaks = sum(row.minutes for row in timetable(session) if row.is_break)
    total = f"Total {duration_text(session_length(session))}"
    if not breaks:
        return f"{total}, no break."
    return f"{total}, including {number(breaks)} minutes of breaks."


def _left_out(kd: KitDocument) -> None:
    """The modules time-boxing left out, so the trainer knows what the slot cost."""
    left = kd.kit.session.left_out
    if not left:
        return
    names = ", ".join(module.title for module in left)
    para(kd, f"Left out to fit the time: {names}.", "Kit Small")


def _shade(kd: KitDocument, row: _Row) -> None:
    """Break rows stand out with a warm wash (their text style is the italic "... Break")."""
    for cell in row.cells:
        shade_cell(cell, kd.inks.break_fill)


def _materials_and_room(kd: KitDocument) -> None:
    delivery = kd.kit.delivery
    if not delivery.materials and not delivery.room_setup:
        return
    para(kd, "Before you start", "Heading 2")
    half = kd.page.text_width / 2
    columns = [Column("Materials to bring", half), Column("Room setup", half)]
    grid = table(kd, columns, "Materials checklist and room setup notes")
    row = add_row(grid, ["", ""])
    materials, room = row.cells
    for cell in row.cells:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    for index, item in enumerate(delivery.materials):
        paragraph = materials.paragraphs[0] if index == 0 else cell_paragraph(materials)
        set_style(paragraph, "Kit Check Item")
        styled_run(paragraph, TICK_BOX, "Kit Tick Box")
        paragraph.add_run("\t" + item)
    for index, note in enumerate(delivery.room_setup):
        paragraph = room.paragraphs[0] if index == 0 else cell_paragraph(room)
        set_style(paragraph, "Kit Table Bullet")
        paragraph.add_run(note)
