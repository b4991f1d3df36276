"""Tailored curriculum -> :class:`~hrdeck.plan.session.SessionPlan` for the kit's writers.

Everything comes from the same schedule as the slides (:mod:`hrdeck.plan.agenda`),
so the agenda rows, the run sheet, the contact hours and the timing lines in the
notes always agree.
"""

from __future__ import annotations

import math

from hrdeck.curriculum.model import Credit, Person, Question
from hrdeck.curriculum.quiz import pre_post_orders, questions_for
from hrdeck.diagnostics import Diagnostic, warning
from hrdeck.plan.agenda import BREAK_TITLE, agenda_entries, module_title, schedule
from hrdeck.plan.markup import plain
from hrdeck.plan.session import (
    AgendaRow,
    CreditPlan,
    DisclosurePlan,
    LeftOutPlan,
    ObjectivePlan,
    PersonPlan,
    QuestionPlan,
    ScheduleRow,
    SessionPlan,
)
from hrdeck.plan.timing import SessionClock
from hrdeck.tailor import Tailored

QUARTER_HOUR = 15.0


def contact_hours(contact_minutes: float) -> float:
    """Contact minutes as hours, rounded down to a quarter hour (credit never exceeds
    the time taught)."""
    return math.floor(contact_minutes / QUARTER_HOUR + 1e-9) * QUARTER_HOUR / 60


def session_plan(tailored: Tailored, clock: SessionClock) -> SessionPlan:
    """The plain session plan of one tailored audience."""
    course, audience = tailored.course, tailored.audience
    total, breaks = tailored.total_minutes, tailored.break_minutes
    contact = total - breaks
    bank = _questions(tailored)
    pre, post = pre_post_orders(bank, course.id, audience.id)
    return SessionPlan(
        course_id=course.id,
        course_title=course.title,
        audience=audience.id,
        audience_label=audience.label,
        target_audience=audience.description,
        date=course.date,
        language=course.language,
        level=audience.level or course.level,
        author=_person(course.author) if course.author is not None else None,
        presenters=tuple(_person(p) for p in course.presenters),
        disclosures=tuple(
            DisclosurePlan(d.kind, d.text, d.placeholder) for d in course.disclosures
        ),
        credits=tuple(_credit(c, contact) for c in audience.credits),
        evaluation_url=course.evaluation_url,
        start=clock.at(0) if clock.start is not None else None,
        requested_minutes=tailored.session.minutes,
        total_minutes=total,
        break_minutes=breaks,
        contact_minutes=contact,
        contact_hours=contact_hours(contact),
        agenda=_agenda(tailored, clock),
        schedule=_schedule(tailored, clock),
        left_out=_left_out(tailored),
        objectives=_objectives(tailored),
        questions=tuple(_question(q) for q in bank),
        pretest=tuple(q.id for q in pre),
        posttest=tuple(q.id for q in post),
    )


def _person(person: Person) -> PersonPlan:
    return PersonPlan(
        person.name,
        person.credentials,
        person.organization,
        person.email,
        person.bio,
        person.disclosure,
    )


def _credit(credit: Credit, contact: float) -> CreditPlan:
    stated = credit.hours is not None
    hours = credit.hours if credit.hours is not None else contact_hours(contact)
    return CreditPlan(credit.body, credit.statement, hours, stated, credit.placeholder)


def _agenda(tailored: Tailored, clock: SessionClock) -> tuple[AgendaRow, ...]:
    return tuple(
        AgendaRow(
            e.title,
            e.start,
            e.minutes,
            clock.at(e.start),
            clock.at(e.start + e.minutes),
            e.is_break,
        )
        for e in agenda_entries(tailored)
    )


def _schedule(tailored: Tailored, clock: SessionClock) -> tuple[ScheduleRow, ...]:
    rows = []
    for segment in schedule(tailored):
        times = (segment.start, segment.minutes, clock.at(segment.start), clock.at(segment.end))
        module = segment.module
        if module is None:
            rows.append(ScheduleRow(BREAK_TITLE, *times))
            continue
        full = module.full_minutes if module.shortened else None
        rows.append(
            ScheduleRow(
                module_title(module),
                *times,
                module.module.id,
                module.module.kind,
                module.core,
                full,
            )
        )
    return tuple(rows)


def _left_out(tailored: Tailored) -> tuple[LeftOutPlan, ...]:
    found = []
    for left in tailored.left_out:
        module = tailored.curriculum.module(left.slot.id)
        title = module.title if module is not None else left.slot.id
        name = plain(title) if isinstance(title, str) else left.slot.id
        found.append(LeftOutPlan(left.slot.id, name, left.reason))
    return tuple(found)


def _objectives(tailored: Tailored) -> tuple[ObjectivePlan, ...]:
    found = []
    for objective in tailored.audience.objectives:
        serving = [m for m in tailored.modules if objective.id in m.module.objectives]
        found.append(
            ObjectivePlan(
                objective.id,
                objective.text,
                tuple(m.module.id for m in serving),
                tuple(module_title(m) for m in serving),
            )
        )
    return tuple(found)


def _questions(tailored: Tailored) -> tuple[Question, ...]:
    taught = {m.module.id for m in tailored.modules}
    return questions_for(tailored.curriculum.questions, tailored.audience, taught)


def _question(question: Question) -> QuestionPlan:
    return QuestionPlan(
        question.id,
        question.type,
        question.stem,
        question.options,
        question.answer,
        question.reason,
        question.objective,
        question.modules,
    )


def credit_hour_warnings(tailored: Tailored, session: SessionPlan) -> list[Diagnostic]:
    """``credit-hours``: a credit statement claims more hours than this session teaches."""
    found = []
    for credit in tailored.audience.credits:
        if credit.hours is None or credit.hours * 60 <= session.contact_minutes + 1e-9:
            continue
        message = (
            f"the {credit.body} statement gives {_hours(credit.hours)}, but this "
            f"{session.total_minutes:g}-minute session has "
            f"{_count(session.contact_hours, 'contact hour')} "
            f"({session.contact_minutes:g} minutes without breaks)"
        )
        hint = "credit cannot exceed the time taught: build a longer session or lower 'hours'"
        found.append(warning(credit.loc, "credit-hours", message, hint))
    return found


def _hours(hours: float) -> str:
    return _count(hours, "hour")


def _count(number: float, noun: str) -> str:
    return f"{number:g} {noun}" if number == 1 else f"{number:g} {noun}s"
