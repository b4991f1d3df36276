"""Pieces of session text that several documents print the same way.

The masthead (document kind, course, date and place), the presenter line, credit
statements (a placeholder statement is marked so it cannot be handed out unnoticed) and
the disclosures.
"""

from __future__ import annotations

from docx.text.paragraph import Paragraph

from hrdeck.outputs.kit.blocks import para, styled_run
from hrdeck.outputs.kit.docbase import KitDocument
from hrdeck.outputs.kit.model import CreditStatement, Session
from hrdeck.outputs.kit.schedule import format_hours, long_date, session_span

PLACEHOLDER_NOTE = "To be completed by the agency before use: "


def masthead(kd: KitDocument, eyebrow: str, *, compact: bool = False) -> None:
    """``EYEBROW`` / course title / audience / date, time and venue.

    ``compact`` (working papers such as the run sheet) sets a smaller title and folds the
    audience into the eyebrow, leaving the page to the content.
    """
    session = kd.kit.session
    if compact:
        para(kd, f"{eyebrow}  ·  {session.audience_label}", "Kit Eyebrow")
        para(kd, session.course_title, "Kit Title Compact")
    else:
        para(kd, eyebrow, "Kit Eyebrow")
        para(kd, session.course_title, "Title")
        para(kd, session.subtitle or session.audience_label, "Subtitle")
    para(kd, when_and_where(session), "Kit Meta")


def when_and_where(session: Session) -> str:
    date = long_date(session.date, session.language)
    return f"{date}  ·  {session_span(session)}  ·  {session.venue}"


def presenter_line(session: Session) -> str:
    """``Presented by A, LCSW and B, CRPA``; semicolons part three or more names, since a
    comma already sits between a name and its credentials."""
    names = [presenter.display_name for presenter in session.presenters]
    joined = names[0] if len(names) == 1 else "; ".join(names[:-1]) + " and " + names[-1]
    return "Presented by " + joined


def credit_paragraph(kd: KitDocument, credit: CreditStatement, style: str = "Normal") -> Paragraph:
    """``CE (NASW), 2.0 hours.`` then the statement; a placeholder statement is marked."""
    paragraph = para(kd, style=style)
    styled_run(paragraph, f"{credit.body}, {format_hours(credit.hours)} hours. ", "Kit Strong")
    if credit.placeholder:
        styled_run(paragraph, PLACEHOLDER_NOTE + credit.statement, "Kit Placeholder")
    else:
        paragraph.add_run(credit.statement)
    return paragraph


def labelled(kd: KitDocument, label: str, text: str, style: str = "Normal") -> Paragraph:
    """``Label: text`` with the label in the Kit Strong character style."""
    paragraph = para(kd, style=style)
    styled_run(paragraph, f"{label}: ", "Kit Strong")
    paragraph.add_run(text)
    return paragraph


def disclosures(kd: KitDocument, style: str = "Normal") -> None:
    found = kd.kit.session.disclosures
    labelled(kd, "Conflicts of interest", found.conflicts_of_interest, style)
    labelled(kd, "Commercial support", found.commercial_support, style)


def hours_text(hours: float) -> str:
    return f"{format_hours(hours)} contact hour{'s' if hours != 1 else ''}"
