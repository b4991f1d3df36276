"""The evaluation form: a rating per learning objective, per presenter and for relevance,
open questions (with a commitment to change), a 30-day follow-up consent and the credit.

Built for paper: tick boxes on a 1-5 scale in bordered tables whose header rows repeat,
ruled lines to write on, and sections that do not break from their headings.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.table import Table

from hrdeck.outputs.kit.blocks import (
    TICK_BOX,
    Column,
    add_row,
    keep_together,
    para,
    styled_run,
    table,
    tick_boxes,
    write_lines,
    write_pair,
)
from hrdeck.outputs.kit.checks import require_valid
from hrdeck.outputs.kit.common import credit_paragraph, hours_text, level_text, masthead
from hrdeck.outputs.kit.docbase import KitDocument, new_document
from hrdeck.outputs.kit.model import Kit
from hrdeck.outputs.kit.package import document_bytes
from hrdeck.outputs.kit.styles import FORM_TABLE_STYLE

SCALE = ("1", "2", "3", "4", "5")
SCALE_WIDTH = 0.5
SCALE_LEGEND = "1 = strongly disagree   2 = disagree   3 = neither   4 = agree   5 = strongly agree"
PRESENTER_ITEMS = (
    "Knew the subject well",
    "Presented clearly and kept to time",
    "Answered questions respectfully and well",
)
RELEVANCE_ITEMS = (
    "The content is relevant to my role",
    "I will use what I learned within the next 30 days",
    "The handout and materials were useful",
    "The room, pace and format helped me learn",
)
OPEN_QUESTIONS = (
    ("One thing I will do differently in my work because of this session:", 3),
    ("What would have made this session better?", 2),
    ("Topics you would like in a future training:", 2),
)


def write_evaluation(kit: Kit) -> bytes:
    """The evaluation form as .docx bytes."""
    require_valid(kit)
    kd = new_document(kit)
    masthead(kd, "Session evaluation", compact=True)
    para(kd, _instructions(kit), "Kit Panel")
    _objective_ratings(kd)
    _presenter_ratings(kd)
    _relevance(kd)
    _open_questions(kd)
    _follow_up(kd)
    _credit(kd)
    title = f"{kit.session.course_title}: evaluation form"
    return document_bytes(kd, title, kit.session.audience_label)


def _rating_table(kd: KitDocument, heading: str, caption: str) -> Table:
    width = kd.page.text_width - SCALE_WIDTH * len(SCALE)
    columns = [Column(heading, width)]
    columns += [Column(step, SCALE_WIDTH, center=True) for step in SCALE]
    return table(kd, columns, caption, style=FORM_TABLE_STYLE)


def _rating_rows(grid: Table, statements: Sequence[str]) -> None:
    centers = (False, *(True for _ in SCALE))
    for statement in statements:
        row = add_row(grid, [statement, *("" for _ in SCALE)], centers, height=0.32)
        for cell in row.cells[1:]:
            styled_run(cell.paragraphs[0], TICK_BOX, "Kit Tick Box")
    keep_together(grid)


def _objective_ratings(kd: KitDocument) -> None:
    para(kd, "Learning objectives", "Heading 1")
    para(kd, SCALE_LEGEND, "Kit Small Keep")
    grid = _rating_table(
        kd, "As a result of this session, I am able to…", "Ratings for each learning objective"
    )
    _rating_rows(grid, [objective.text for objective in kd.kit.session.objectives])


def _presenter_ratings(kd: KitDocument) -> None:
    """A table per presenter; without named presenters one table with a line for the name."""
    presenters = kd.kit.session.presenters
    para(kd, "Presenters" if len(presenters) != 1 else "Presenter", "Heading 1")
    if not presenters:
        write_pair(kd, "Presenter", "Second presenter")
        grid = _rating_table(kd, "The presenter(s)", "Ratings for the presenters")
        _rating_rows(grid, PRESENTER_ITEMS)
        return
    for index, presenter in enumerate(presenters):
        if index:  # two tables with nothing between them merge into one in Word
            para(kd, "", "Kit Small")
        grid = _rating_table(kd, presenter.line, f"Ratings for {presenter.name}")
        _rating_rows(grid, PRESENTER_ITEMS)


def _relevance(kd: KitDocument) -> None:
    para(kd, "Relevance to your practice", "Heading 1")
    grid = _rating_table(kd, "Statement", "Ratings for relevance and format")
    _rating_rows(grid, RELEVANCE_ITEMS)
    bias = para(kd, "The content was free of commercial bias:   ", "Kit Prompt")
    tick_boxes(bias, ("Yes", "No"))


def _open_questions(kd: KitDocument) -> None:
    para(kd, "In your own words", "Heading 1")
    for question, lines in OPEN_QUESTIONS:
        para(kd, question, "Kit Prompt")
        write_lines(kd, lines)


def _follow_up(kd: KitDocument) -> None:
    para(kd, "30-day follow-up", "Heading 1")
    ask = para(
        kd,
        "May we contact you in about 30 days to ask whether you made the change you "
        "named above? We use your details for nothing else.   ",
        "Kit Prompt",
    )
    tick_boxes(ask, ("Yes", "No"))
    write_pair(kd, "Name", "Email or phone")


def _instructions(kit: Kit) -> str:
    hours = hours_text(kit.session.contact_hours)
    return (
        "Tick one box in each row and hand the form in before you leave: certificates for the "
        f"{hours} go to participants who attend the whole session, sign in and complete this "
        "form. Your answers are anonymous unless you ask us to follow up."
    )


def _credit(kd: KitDocument) -> None:
    """The credit statements and course level, in small print at the end."""
    session = kd.kit.session
    level, contact = level_text(session), kd.kit.delivery.contact
    parts = [f"Course level: {level}."] if level else []
    parts += [f"Questions about credit: {contact}"] if contact else []
    line = " ".join(parts)
    if not line and not session.credits:
        return
    para(kd, "Credit", "Heading 3")
    if line:
        para(kd, line, "Kit Small Keep")
    for credit in session.credits:
        credit_paragraph(kd, credit, "Kit Small")
