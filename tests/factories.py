"""Small builders of model objects, so tests do not depend on the YAML loader."""

from __future__ import annotations

from typing import Any

from hrdeck.curriculum.model import (
    Audience,
    Author,
    Citation,
    Course,
    Curriculum,
    Item,
    Module,
    ModuleRef,
    Myth,
    Objective,
    Presenter,
    Resource,
    Side,
    Slide,
    Variants,
    VocabularyRule,
)
from hrdeck.diagnostics import Loc


def loc(file: str = "modules/test.yaml", line: int = 1, col: int = 1) -> Loc:
    return Loc(file, line, col)


def variants(default: Any = None, **by_audience: Any) -> Variants[Any]:
    return Variants(default, tuple(by_audience.items()), loc())


def only(*audiences: str) -> frozenset[str]:
    return frozenset(audiences)


def item(text: Any, *items: Item, audiences: frozenset[str] | None = None, line: int = 1) -> Item:
    return Item(text, tuple(items), audiences, loc(line=line))


def slide(title: Any, *items: Any, line: int = 1, **fields: Any) -> Slide:
    bullets = tuple(i if isinstance(i, Item) else item(i) for i in items)
    fields.setdefault("notes", f"Notes for {title}.")
    return Slide(title=title, items=bullets, loc=loc(line=line), **fields)


def module(id: str, kind: str = "bullets", title: Any = None, **fields: Any) -> Module:
    file = f"modules/{id}.yaml"
    return Module(
        id=id,
        kind=kind,
        title=title if title is not None else id.title(),
        file=file,
        loc=Loc(file, 1, 1),
        **fields,
    )


def audience(
    id: str,
    minutes: dict[str, float],
    vocabulary: dict[str, tuple[str, ...]] | None = None,
    **fields: Any,
) -> Audience:
    refs = tuple(
        ModuleRef(m, float(n), Loc(f"audiences/{id}.yaml", i + 1, 3))
        for i, (m, n) in enumerate(minutes.items())
    )
    rules = tuple(VocabularyRule(p, terms) for p, terms in (vocabulary or {}).items())
    fields["objectives"] = tuple(
        o if isinstance(o, Objective) else Objective(f"objective-{n}", o)
        for n, o in enumerate(fields.get("objectives", ()), start=1)
    )
    fields.setdefault("label", id.title())
    fields.setdefault("description", f"The {id} audience.")
    return Audience(id=id, modules=refs, vocabulary=rules, file=f"audiences/{id}.yaml", **fields)


def course(outline: tuple[str, ...] = (), **fields: Any) -> Course:
    fields.setdefault("title", "Harm Reduction and Mandated Clients")
    fields.setdefault("subtitle", "A test course")
    fields.setdefault(
        "presenters", (Presenter("Sam Rivera", "LCSW", "Test Agency", ("sam@example.org",)),)
    )
    fields.setdefault("language", "en-US")
    fields.setdefault("date", "2026-11-01")
    return Course(id="test-course", outline=outline, file="course.yaml", **fields)


def curriculum(
    modules: list[Module], audiences: list[Audience], root: str = "/curriculum"
) -> Curriculum:
    return Curriculum(course(tuple(m.id for m in modules)), tuple(modules), tuple(audiences), root)


def sample_curriculum(root: str = "/curriculum") -> Curriculum:
    """A small course touching the common module kinds, for output tests."""
    mods = [
        module("title", "title", title="Harm Reduction and Mandated Clients"),
        module("agenda", "agenda", title="Agenda"),
        module(
            "myths",
            "myths",
            title="Harm Reduction Myth",
            myths=(
                Myth("It *enables* use", "It keeps people **alive**", "Ask <first>."),
                Myth("1. It is a free-for-all", "It is structured", "Discuss."),
            ),
        ),
        module(
            "strategies",
            slides=(
                slide(
                    "Strategies",
                    item("Naloxone", item("Nasal spray")),
                    notes="Say why.\n\n- ask\n- listen",
                    cite=("f",),  # a session lists only the works it cites
                ),
            ),
        ),
        module(
            "roles",
            "roles",
            notes="Compare.",
            left=Side("Provider", (item("Treat"),)),
            right=Side("Court", (item("Monitor & report"),)),
        ),
        module(
            "case",
            "case",
            title="Case: Anthony",
            narrative="Anthony is in an ATI program.",
            questions=("What would you share?", "What safety steps?"),
            facilitation="Read the consent.",
            part2=("§2.35 consent",),
            notes="Set up.",
        ),
        module(
            "resources",
            "resources",
            title="Resources",
            notes="Point to these.",
            resources=(Resource("SAMHSA", "https://www.samhsa.gov", "Federal agency"),),
        ),
        module(
            "refs",
            "references",
            title="References",
            citations=(
                Citation(
                    "f",
                    (Author(family="Francis", given="T."),),
                    2015,
                    "Noncompleting drug court clients",
                    container="J",
                    volume="10",
                    doi="10.1080/x",
                ),
            ),
        ),
        module("end", "closing", title="Thank you"),
    ]
    minutes = {
        "title": 2,
        "agenda": 1,
        "myths": 10,
        "strategies": 5,
        "roles": 5,
        "case": 15,
        "resources": 2,
        "refs": 1,
        "end": 1,
    }
    return curriculum(
        mods, [audience("court", minutes, objectives=("Describe 42 CFR Part 2",))], root
    )
