"""course.yaml and audiences/*.yaml, validated, -> :class:`Course` and :class:`Audience`.

Runs only on documents that passed their schema, so values have the promised shape.
The person, presenter and disclosure readers are shared with
:mod:`hrdeck.curriculum.layers`, which applies hrdeck.yaml's ``course:`` fields.
"""

from __future__ import annotations

from typing import Any

from hrdeck.curriculum.load import Document
from hrdeck.curriculum.model import (
    Audience,
    Breaks,
    Course,
    Credit,
    Disclosure,
    ModuleRef,
    Objective,
    Person,
    VocabularyRule,
)
from hrdeck.diagnostics import Loc

Data = dict[str, Any]


def course_from_document(doc: Document) -> Course:
    data: Data = doc.data  # type: ignore[assignment]
    author = data.get("author")
    return Course(
        id=data["id"],
        title=data["title"],
        subtitle=data.get("subtitle"),
        presenters=presenters_from_data(data.get("presenter")),
        language=data["language"],
        date=str(data["date"]),
        outline=tuple(data["outline"]),
        file=doc.display,
        loc=doc.smap.value(()),
        author=person_from_data(author) if isinstance(author, dict) else None,
        level=data.get("level"),
        evaluation_url=data.get("evaluation_url"),
        disclosures=disclosures_from_data(data.get("disclosures")),
        sources_url=data.get("sources_url"),
        references=str(data.get("references", "sources")),
        venue=data.get("venue"),
    )


def person_from_data(data: Data) -> Person:
    """An author or presenter mapping (already valid) as a :class:`Person`."""
    email = data.get("email", ())
    return Person(
        name=data["name"],
        credentials=data.get("credentials"),
        organization=data.get("organization"),
        email=(email,) if isinstance(email, str) else tuple(email),
        bio=data.get("bio"),
        disclosure=data.get("disclosure"),
    )


def presenters_from_data(value: object) -> tuple[Person, ...]:
    """``presenter:`` is one person, a list of them, or absent."""
    if isinstance(value, dict):
        return (person_from_data(value),)
    if isinstance(value, list):
        return tuple(person_from_data(v) for v in value if isinstance(v, dict))
    return ()


def disclosures_from_data(value: object) -> tuple[Disclosure, ...]:
    entries = value if isinstance(value, list) else []
    return tuple(Disclosure(d["kind"], d["text"]) for d in entries if isinstance(d, dict))


def audience_from_document(doc: Document) -> Audience:
    data: Data = doc.data  # type: ignore[assignment]
    smap = doc.smap
    modules = tuple(
        ModuleRef(
            entry["id"],
            float(entry["minutes"]),
            smap.value(("modules", i)),
            short=float(entry["short"]) if "short" in entry else None,
            core=bool(entry.get("core", True)),
            priority=entry.get("priority"),
        )
        for i, entry in enumerate(data["modules"])
    )
    vocabulary = tuple(
        VocabularyRule(rule["prefer"], tuple(rule["instead_of"]), smap.value(("vocabulary", i)))
        for i, rule in enumerate(data.get("vocabulary", ()))
    )
    objectives = tuple(
        Objective(o["id"], o["text"], smap.value(("objectives", i)))
        for i, o in enumerate(data.get("objectives", ()))
    )
    credits = tuple(
        Credit(c["body"], c["statement"], _hours(c.get("hours")), smap.value(("credits", i)))
        for i, c in enumerate(data.get("credits", ()))
    )
    return Audience(
        id=data["id"],
        label=data["label"],
        description=data["description"],
        modules=modules,
        objectives=objectives,
        vocabulary=vocabulary,
        file=doc.display,
        loc=smap.value(()),
        breaks=_breaks(data.get("breaks"), smap.key(("breaks",)) if "breaks" in data else None),
        level=data.get("level"),
        credits=credits,
        references=data.get("references"),
        knowledge_checks=bool(data.get("knowledge_checks", False)),
    )


def _hours(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _breaks(value: object, loc: Loc | None) -> Breaks:
    if not isinstance(value, dict) or loc is None:
        return Breaks()
    after = value.get("after")
    return Breaks(
        minutes=float(value.get("minutes", Breaks.minutes)),
        every=float(value.get("every", Breaks.every)),
        after=tuple(after) if isinstance(after, list) else None,
        loc=loc,
    )
