"""The validated curriculum as frozen dataclasses.

This is the contract between the content side (load, validate) and the build side
(tailor, plan).  Text that may differ by audience is a ``Text``: either a plain
string or a :class:`Variants` mapping from audience id (or ``default``) to a value.
Any item that can be filtered carries ``audiences`` (``None`` means every audience).
Every node carries ``loc``, the place in the YAML it came from, so later stages can
report problems against the source.

After :func:`hrdeck.tailor.tailor` runs, no ``Variants`` remain and every
``audiences`` filter has been applied; the same classes are reused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from hrdeck.diagnostics import NOWHERE, Loc

T = TypeVar("T")


@dataclass(frozen=True)
class Variants(Generic[T]):
    """A value that differs by audience: ``default`` plus per-audience overrides."""

    default: T | None
    by_audience: tuple[tuple[str, T], ...]
    loc: Loc = NOWHERE

    def for_audience(self, audience: str) -> T | None:
        for name, value in self.by_audience:
            if name == audience:
                return value
        return self.default


Text = str | Variants[str]
TextList = tuple[Text, ...] | Variants[tuple[str, ...]]


@dataclass(frozen=True)
class Item:
    """A bullet: inline-Markdown text with optional nested bullets."""

    text: Text
    items: tuple[Item, ...] = ()
    audiences: frozenset[str] | None = None
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Image:
    path: str  # relative to Curriculum.root (absolute when from another layer)
    alt: Text
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Fact:
    """A dated statistic: shown with its as-of date, cited by key."""

    claim: Text
    as_of: str  # ISO date, YYYY-MM-DD
    cite: tuple[str, ...] = ()
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Slide:
    """A generic content slide (bullets, strategy group, exercise step list, ...)."""

    title: Text
    items: tuple[Item, ...] = ()
    notes: Text = ""
    subtitle: Text | None = None
    cite: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    image: Image | None = None
    audiences: frozenset[str] | None = None
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Myth:
    myth: Text
    fact: Text
    notes: Text
    cite: tuple[str, ...] = ()
    audiences: frozenset[str] | None = None
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Stage:
    label: Text
    description: Text = ""
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Side:
    heading: Text
    items: tuple[Item, ...]
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Node:
    id: str
    label: Text
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: Text = ""
    both_ways: bool = True
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Diagram:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    alt: Text
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Author:
    """A person (family, given initials) or an organisation (``name``)."""

    family: str | None = None
    given: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Citation:
    key: str
    authors: tuple[Author, ...]
    year: int | None
    title: str
    date: str | None = None  # extra date part, e.g. "April" or "November 17"
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    publisher: str | None = None
    doi: str | None = None
    url: str | None = None
    description: str | None = None  # e.g. "Press release", shown in [brackets]
    note: str | None = None  # editor's note, e.g. "verify URL"; not printed
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Resource:
    name: Text
    url: str
    description: Text = ""
    audiences: frozenset[str] | None = None
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Module:
    """One curriculum module.  ``kind`` decides which fields are used.

    kind -> fields used
      title       title, subtitle, notes
      agenda      title, notes                    (content generated from the plan)
      section     title, subtitle, notes
      bullets /
      concepts /
      strategies  slides (each one slide), attribution
      exercise    slides (steps as items), materials
      myths       title, myths
      spectrum    title, stages, notes, caption
      roles /
      comparison  title, left, right, notes
      diagram     title, diagram, notes, caption
      case        title, narrative, questions, facilitation, part2, notes
      resources   title, resources, notes
      references  title, citations, notes
      closing     title, subtitle, lines, notes
    """

    id: str
    kind: str
    title: Text
    file: str
    loc: Loc = NOWHERE
    subtitle: Text | None = None
    notes: Text = ""
    audiences: frozenset[str] | None = None
    slides: tuple[Slide, ...] = ()
    attribution: Text | None = None
    materials: tuple[Text, ...] = ()
    myths: tuple[Myth, ...] = ()
    stages: tuple[Stage, ...] = ()
    caption: Text | None = None
    left: Side | None = None
    right: Side | None = None
    diagram: Diagram | None = None
    narrative: Text = ""
    questions: TextList = ()
    facilitation: Text = ""
    part2: TextList = ()
    resources: tuple[Resource, ...] = ()
    citations: tuple[Citation, ...] = ()
    lines: tuple[Text, ...] = ()
    cite: tuple[str, ...] = ()


@dataclass(frozen=True)
class VocabularyRule:
    """Prefer ``prefer`` wherever one of ``instead_of`` appears (whole words)."""

    prefer: str
    instead_of: tuple[str, ...]
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class ModuleRef:
    id: str
    minutes: float
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Audience:
    id: str
    label: str
    description: str
    modules: tuple[ModuleRef, ...]
    objectives: tuple[str, ...] = ()
    vocabulary: tuple[VocabularyRule, ...] = ()
    file: str = ""
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Presenter:
    name: str
    credentials: str | None = None
    organization: str | None = None
    email: tuple[str, ...] = ()


@dataclass(frozen=True)
class Course:
    id: str
    title: str
    subtitle: str | None
    presenter: Presenter
    language: str  # BCP 47 tag, e.g. "en-US"
    date: str  # ISO date; used for reproducible document timestamps
    outline: tuple[str, ...]  # default module order
    file: str = ""
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Curriculum:
    course: Course
    modules: tuple[Module, ...]
    audiences: tuple[Audience, ...]
    root: str  # folder the curriculum was loaded from
    extra: dict[str, object] = field(default_factory=dict, compare=False)

    def module(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)

    def audience(self, audience_id: str) -> Audience | None:
        return next((a for a in self.audiences if a.id == audience_id), None)
