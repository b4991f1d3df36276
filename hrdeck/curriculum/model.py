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

from hrdeck.curriculum.variants import Text, Variants
from hrdeck.curriculum.visualmodel import Chart, IconItem, Persona, Quote, Stat
from hrdeck.diagnostics import NOWHERE, Loc

__all__ = ["Text", "Variants"]  # defined in hrdeck.curriculum.variants, used from here

PLACEHOLDER_MARK = "TBD:"


def is_placeholder(text: str | None) -> bool:
    """Whether a setting is still a placeholder: its text starts with ``TBD:``."""
    return bool(text) and str(text).lstrip().upper().startswith(PLACEHOLDER_MARK)


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
    credit: Text | None = None  # the credit line of an image slide


@dataclass(frozen=True)
class Fact:
    """A dated statement: a statistic, legal or policy statement with its review date.

    On a slide (``Slide.facts``) it is shown with its as-of date; in a module's
    ``dated`` list it records a statement of the module's text that goes stale.
    """

    claim: Text
    as_of: str  # ISO date, YYYY-MM-DD
    review_by: str = ""  # ISO date by which to check it again
    kind: str = "statistic"  # statistic | legal | policy
    cite: tuple[str, ...] = ()
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Slide:
    """A content slide of a ``slides:`` list, or of a one-slide visual module.

    ``kind`` is ``bullets`` (items, facts, an optional image beside them) or one of the
    visual kinds of :mod:`hrdeck.curriculum.visualmodel`, whose fields follow.
    """

    title: Text
    items: tuple[Item, ...] = ()
    notes: Text = ""
    subtitle: Text | None = None
    cite: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    image: Image | None = None
    audiences: frozenset[str] | None = None
    loc: Loc = NOWHERE
    kind: str = "bullets"
    stats: tuple[Stat, ...] = ()
    chart: Chart | None = None
    icons: tuple[IconItem, ...] = ()
    quote: Quote | None = None
    persona: Persona | None = None
    caption: Text | None = None
    side: str = "right"  # where an image slide's picture goes


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
    short: str | None = None  # the address shown; None: made from the url
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
      case        title, narrative, questions, facilitation, part2, notes, persona
      resources   title, resources, notes
      references  title, citations, notes
      closing     title, subtitle, lines, notes
      stat, chart,
      icons, quote,
      image,
      persona     slides (one slide of that kind, built from the module's fields)
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
    persona: Persona | None = None  # a case's persona card
    resources: tuple[Resource, ...] = ()
    citations: tuple[Citation, ...] = ()
    lines: tuple[Text, ...] = ()
    cite: tuple[str, ...] = ()
    objectives: tuple[str, ...] = ()  # ids of the learning objectives it serves
    dated: tuple[Fact, ...] = ()  # stale-able statements of its text, not shown


@dataclass(frozen=True)
class VocabularyRule:
    """Prefer ``prefer`` wherever one of ``instead_of`` appears (whole words)."""

    prefer: str
    instead_of: tuple[str, ...]
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class ModuleRef:
    """One entry of an audience's module list: full and short minutes, core or optional.

    ``priority`` orders optional modules: 1 is kept first, higher numbers are left
    out first, and an optional module without one is left out before all numbered.
    """

    id: str
    minutes: float
    loc: Loc = NOWHERE
    short: float | None = None
    core: bool = True
    priority: int | None = None


@dataclass(frozen=True)
class Objective:
    """A measurable learning objective; modules and questions name it by ``id``."""

    id: str
    text: str
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Breaks:
    """When an audience's breaks fall: every ``every`` minutes, or after named modules.

    ``after`` is ``None`` for the every-N-minutes rule; ``()`` means no breaks.
    """

    minutes: float = 10.0
    every: float = 90.0
    after: tuple[str, ...] | None = None
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Credit:
    """A credit statement: who grants it, the hours, and the approval text.

    ``hours`` is ``None`` when the session's contact hours count.  A statement that
    starts with ``TBD:`` is a placeholder the agency still has to complete.
    """

    body: str
    statement: str
    hours: float | None = None
    loc: Loc = NOWHERE

    @property
    def placeholder(self) -> bool:
        return is_placeholder(self.statement)


@dataclass(frozen=True)
class Audience:
    id: str
    label: str
    description: str  # who is in the room: the target audience on CE paperwork
    modules: tuple[ModuleRef, ...]
    objectives: tuple[Objective, ...] = ()
    vocabulary: tuple[VocabularyRule, ...] = ()
    file: str = ""
    loc: Loc = NOWHERE
    breaks: Breaks = Breaks()
    level: str | None = None  # beginner | intermediate | advanced; None: the course's
    credits: tuple[Credit, ...] = ()
    references: str | None = None  # sources | slides; None: the course's
    knowledge_checks: bool = False  # question and answer slides in the deck

    def objective(self, objective_id: str) -> Objective | None:
        return next((o for o in self.objectives if o.id == objective_id), None)


@dataclass(frozen=True)
class Person:
    """The curriculum's author or a presenter."""

    name: str
    credentials: str | None = None
    organization: str | None = None
    email: tuple[str, ...] = ()
    bio: str | None = None
    disclosure: str | None = None  # financial relationships / conflicts of interest


Presenter = Person  # the name the deck plan and older code use


@dataclass(frozen=True)
class Disclosure:
    """A disclosure CE bodies require (``kind``: conflicts-of-interest, commercial-support,
    other); text starting with ``TBD:`` is a placeholder."""

    kind: str
    text: str

    @property
    def placeholder(self) -> bool:
        return is_placeholder(self.text)


@dataclass(frozen=True)
class Course:
    id: str
    title: str
    subtitle: str | None
    presenters: tuple[Person, ...]  # who delivers it; () until a trainer sets one
    language: str  # BCP 47 tag, e.g. "en-US"
    date: str  # ISO date; used for reproducible document timestamps
    outline: tuple[str, ...]  # default module order
    file: str = ""
    loc: Loc = NOWHERE
    author: Person | None = None  # who wrote the curriculum
    level: str | None = None  # beginner | intermediate | advanced
    evaluation_url: str | None = None
    disclosures: tuple[Disclosure, ...] = ()
    sources_url: str | None = None  # the full reference list online (QR on Sources)
    references: str = "sources"  # sources: one Sources slide | slides: the full list
    venue: str | None = None  # where the session is held (title slide, kit documents)

    @property
    def presenter(self) -> Person | None:
        """The first presenter, if any."""
        return self.presenters[0] if self.presenters else None


@dataclass(frozen=True)
class Question:
    """One knowledge-check item of the question bank (questions/*.yaml).

    ``type`` is ``multiple-choice`` or ``true-false`` (options "True", "False");
    ``answer`` is the index of the correct option, counted from 0 here (editors
    write it counted from 1).  ``audiences`` ``None`` means every audience that has
    the objective.
    """

    id: str
    type: str
    stem: str
    options: tuple[str, ...]
    answer: int
    reason: str
    objective: str
    modules: tuple[str, ...]
    audiences: frozenset[str] | None = None
    file: str = ""
    loc: Loc = NOWHERE

    @property
    def correct(self) -> str:
        return self.options[self.answer]


@dataclass(frozen=True)
class Curriculum:
    course: Course
    modules: tuple[Module, ...]
    audiences: tuple[Audience, ...]
    root: str  # folder the curriculum was loaded from
    questions: tuple[Question, ...] = ()
    extra: dict[str, object] = field(default_factory=dict, compare=False)

    def module(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)

    def audience(self, audience_id: str) -> Audience | None:
        return next((a for a in self.audiences if a.id == audience_id), None)
