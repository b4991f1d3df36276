"""Pieces of session text that several documents print the same way.

The masthead (document kind, course, date, time and place), the presenter line, credit
statements and disclosures (a placeholder is marked so it cannot be handed out
unnoticed), the course level and contact hours.
"""

from __future__ import annotations

from docx.text.paragraph import Paragraph

from hrdeck.curriculum.model import PLACEHOLDER_MARK
from hrdeck.outputs.kit.blocks import para, styled_run
from hrdeck.outputs.kit.docbase import KitDocument
from hrdeck.outputs.kit.schedule import format_hours, long_date, session_span
from hrdeck.plan.session import CreditPlan, PersonPlan, SessionPlan

PLACEHOLDER_NOTE = "To be completed by the agency before use: "
DISCLOSURE_LABELS = {
    "conflicts-of-interest": "Conflicts of interest",
    "commercial-support": "Commercial support",
}


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
        para(kd, kd.kit.delivery.subtitle or session.audience_label, "Subtitle")
    para(kd, when_and_where(kd), "Kit Meta")


def when_and_where(kd: KitDocument) -> str:
    """``Sunday, November 1, 2026  ·  09:00 – 10:00  ·  Room 4`` (no venue: no last part)."""
    session = kd.kit.session
    parts = [long_date(session.date, session.language), session_span(session)]
    return "  ·  ".join([*parts, kd.kit.delivery.venue] if kd.kit.delivery.venue else parts)


def people(session: SessionPlan) -> tuple[PersonPlan, ...]:
    """Who the documents credit: the presenters, else the curriculum's author."""
    if session.presenters:
        return session.presenters
    return (session.author,) if session.author is not None else ()


def presented_by(session: SessionPlan) -> str:
    """``Presented by A, LCSW and B, CRPA`` (semicolons part three or more names, since a
    comma already sits between a name and its credentials); without presenters the
    author's credit, ``Curriculum by A, LCSW``."""
    if not session.presenters:
        author = session.author
        return f"Curriculum by {author.line}" if author is not None else ""
    names = [presenter.line for presenter in session.presenters]
    joined = names[0] if len(names) == 1 else "; ".join(names[:-1]) + " and " + names[-1]
    return "Presented by " + joined


def credit_paragraph(kd: KitDocument, credit: CreditPlan, style: str = "Normal") -> Paragraph:
    """``CE (NASW), 2.0 hours.`` then the statement; a placeholder statement is marked."""
    paragraph = para(kd, style=style)
    styled_run(paragraph, f"{credit.body}, {format_hours(credit.hours)} hours. ", "Kit Strong")
    placeholder_aware(paragraph, credit.statement, credit.placeholder)
    return paragraph


def placeholder_aware(paragraph: Paragraph, text: str, placeholder: bool) -> None:
    """``text``, or, for a placeholder, the note and the text without its ``TBD:`` mark,
    highlighted."""
    if not placeholder:
        paragraph.add_run(text)
        return
    bare = text.strip()
    if bare.upper().startswith(PLACEHOLDER_MARK):
        bare = bare[len(PLACEHOLDER_MARK) :].strip()
    styled_run(paragraph, PLACEHOLDER_NOTE + bare, "Kit Placeholder")


def labelled(kd: KitDocument, label: str, text: str, style: str = "Normal") -> Paragraph:
    """``Label: text`` with the label in the Kit Strong character style."""
    paragraph = para(kd, style=style)
    styled_run(paragraph, f"{label}: ", "Kit Strong")
    paragraph.add_run(text)
    return paragraph


def disclosures(kd: KitDocument, style: str = "Normal") -> None:
    """Each disclosure as ``Conflicts of interest: ...``; none: a line saying so."""
    found = kd.kit.session.disclosures
    if not found:
        labelled(kd, "Disclosures", "none were given for this session", style)
    for disclosure in found:
        paragraph = para(kd, style=style)
        label = DISCLOSURE_LABELS.get(disclosure.kind, "Disclosure")
        styled_run(paragraph, f"{label}: ", "Kit Strong")
        placeholder_aware(paragraph, disclosure.text, disclosure.placeholder)


def level_text(session: SessionPlan) -> str:
    """``Beginner``; empty when the curriculum gives no level."""
    return (session.level or "").strip().capitalize()


def hours_text(hours: float) -> str:
    return f"{format_hours(hours)} contact hour{'s' if hours != 1 else ''}"
