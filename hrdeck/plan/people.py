"""Who is named on the deck: the presenters, or the curriculum's author when none is set.

A trainer sets the presenters (course.yaml's ``presenter``, hrdeck.yaml's ``course:``,
or ``hrdeck build --presenter``); the cover and closing show them with their contacts
and credit the curriculum's author, without contact details, so one person's email
never lands on every trainer's deck.
"""

from __future__ import annotations

from hrdeck.curriculum.model import Course, Person
from hrdeck.richtext import Para, Run


def person_line(person: Person) -> str:
    """'Name, Credentials — Organization'."""
    name = ", ".join(p for p in (person.name, person.credentials) if p)
    return f"{name} — {person.organization}" if person.organization else name


def presenter_line(course: Course) -> str:
    """The presenters in one line; the author's credit when no presenter is set."""
    if course.presenters:
        return "; ".join(person_line(p) for p in course.presenters)
    return f"Curriculum by {person_line(course.author)}" if course.author else ""


def people_paras(course: Course) -> tuple[Para, ...]:
    """Paragraphs for the cover and closing: each presenter with contacts, then the
    author's credit (unless the author presents)."""
    paras: list[Para] = []
    for presenter in course.presenters:
        name = ", ".join(p for p in (presenter.name, presenter.credentials) if p)
        paras.append(Para((Run(name),)))
        if presenter.organization:
            paras.append(Para((Run(presenter.organization),)))
        paras += [Para((Run(e, link=f"mailto:{e}"),)) for e in presenter.email]
    presenting = {p.name for p in course.presenters}
    if course.author is not None and course.author.name not in presenting:
        paras.append(Para((Run(f"Curriculum by {person_line(course.author)}"),)))
    return tuple(paras)
