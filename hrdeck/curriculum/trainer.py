"""Who presents, for whom and when: the trainer's settings given on the command line.

``hrdeck build --presenter "Sam Rivera" --org "Lakeside Harm Reduction" --contact
sam@lakeside.example --date 2027-03-04`` sets, for one build, what a project sets under
``course:`` in hrdeck.yaml (``presenter: {name, organization, email}``, ``date``), so a
trainer without a project can put their own name on the cover and closing slides.
They win over hrdeck.yaml and course.yaml.  Bad values are usage errors (exit 2).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from hrdeck.curriculum.model import Curriculum, Person
from hrdeck.curriculum.textchars import CONTROLS, describe_char
from hrdeck.errors import UsageError

# The same patterns as course.schema.json's presenter email and course date.
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class TrainerOverrides:
    """``--presenter``, ``--org``, ``--contact`` (repeatable), ``--date`` and ``--venue``."""

    presenter: str | None = None
    organization: str | None = None
    contacts: tuple[str, ...] = ()
    date: str | None = None
    venue: str | None = None

    def __bool__(self) -> bool:
        return any((self.presenter, self.organization, self.contacts, self.date, self.venue))

    def checked(self) -> TrainerOverrides:
        """The same settings trimmed; UsageError naming the option of a bad value."""
        presenter = _text(self.presenter, "--presenter")
        organization = _text(self.organization, "--org")
        contacts = tuple(_email(c) for c in self.contacts)
        venue = _text(self.venue, "--venue")
        return TrainerOverrides(presenter, organization, contacts, _date(self.date), venue)


NO_TRAINER = TrainerOverrides()


def apply_trainer(curriculum: Curriculum, trainer: TrainerOverrides) -> Curriculum:
    """The curriculum with the trainer's presenter, date and venue in its course.

    ``--presenter`` replaces the presenters; ``--org`` and ``--contact`` alone change
    the first presenter the course or project already names (an error when none).
    """
    if not trainer:
        return curriculum
    trainer = trainer.checked()
    course = curriculum.course
    changes: dict[str, Any] = {}
    if trainer.date is not None:
        changes["date"] = trainer.date
    if trainer.venue is not None:
        changes["venue"] = trainer.venue
    if trainer.presenter is not None or trainer.organization or trainer.contacts:
        changes["presenters"] = _presenters(course.presenters, trainer)
    return dataclasses.replace(curriculum, course=dataclasses.replace(course, **changes))


def _presenters(current: tuple[Person, ...], trainer: TrainerOverrides) -> tuple[Person, ...]:
    if trainer.presenter is not None:
        return (Person(trainer.presenter, None, trainer.organization, trainer.contacts),)
    if not current:
        raise UsageError(
            "--org and --contact describe the presenter: give --presenter NAME too "
            "(or set 'presenter:' under 'course:' in hrdeck.yaml)"
        )
    first = current[0]
    changed = dataclasses.replace(
        first,
        organization=trainer.organization or first.organization,
        email=trainer.contacts or first.email,
    )
    return (changed, *current[1:])


TEXT_LIMIT = 120  # characters: a name, an organization or a venue on one line of a cover


def _text(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    text = " ".join(value.split())
    if not text:
        raise UsageError(f"{option} needs some text")
    found = CONTROLS.search(text)
    if found is not None:
        raise UsageError(f"{option} holds {describe_char(found.group())}: remove it")
    if len(text) > TEXT_LIMIT:
        raise UsageError(
            f"{option} is {len(text)} characters long; it may be at most {TEXT_LIMIT} "
            "(it is set on one line of the cover)"
        )
    return text


def _email(value: str) -> str:
    address = value.strip().removeprefix("mailto:")
    if not EMAIL.match(address) or CONTROLS.search(address) or len(address) > TEXT_LIMIT:
        raise UsageError(f"--contact takes an email address like name@example.org, not '{value}'")
    return address


def _date(value: str | None) -> str | None:
    if value is None:
        return None
    text = value.strip()
    try:
        if not ISO_DATE.match(text):
            raise ValueError(text)
        date.fromisoformat(text)
    except ValueError:
        message = f"--date takes a date as YYYY-MM-DD, e.g. 2027-03-04, not '{value}'"
        raise UsageError(message) from None
    return text
