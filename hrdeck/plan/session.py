"""The session plan: what the kit's writers need beyond the slides, as plain frozen data.

A :class:`SessionPlan` rides on every :class:`~hrdeck.plan.types.DeckPlan` built by
the planner (``plan.session``).  Handouts, forms, certificates, the run sheet and the
pre/post tests read it instead of the curriculum model, so they depend on nothing
but this module: strings, numbers and tuples of the classes below.

Times are minutes from the session's start (``start``) with their clock labels
already written (``clock_start``: "13:42" with ``--start 13:30``, else "0:12").
``contact_minutes`` is the agenda minus its breaks; ``contact_hours`` rounds it down
to a quarter hour, since credit never exceeds the time taught.  A ``placeholder``
flag marks a text that still starts with ``TBD:`` (the agency has to complete it).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PersonPlan:
    """The curriculum's author or a presenter."""

    name: str
    credentials: str | None = None
    organization: str | None = None
    email: tuple[str, ...] = ()
    bio: str | None = None
    disclosure: str | None = None  # financial relationships / conflicts of interest

    @property
    def line(self) -> str:
        """'Name, Credentials'."""
        return ", ".join(p for p in (self.name, self.credentials) if p)


@dataclass(frozen=True)
class ObjectivePlan:
    """A learning objective and the modules of this session that serve it."""

    id: str
    text: str
    modules: tuple[str, ...] = ()  # ids of kept modules that list it
    module_titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class AgendaRow:
    """A row of the agenda as participants see it (sections stand for their modules)."""

    title: str
    start: float
    minutes: float
    clock_start: str
    clock_end: str
    is_break: bool = False


@dataclass(frozen=True)
class ScheduleRow:
    """A module or break of the run sheet, with what time-boxing did to it."""

    title: str
    start: float
    minutes: float
    clock_start: str
    clock_end: str
    module_id: str | None = None  # None for a break
    kind: str = "break"
    core: bool = True
    full_minutes: float | None = None  # its full length when shortened

    @property
    def is_break(self) -> bool:
        return self.module_id is None

    @property
    def shortened(self) -> bool:
        return self.full_minutes is not None


@dataclass(frozen=True)
class LeftOutPlan:
    """A module this session leaves out to fit its length."""

    module_id: str
    title: str
    reason: str


@dataclass(frozen=True)
class CreditPlan:
    """A credit statement: ``hours`` is the stated number, else the contact hours."""

    body: str
    statement: str
    hours: float
    hours_stated: bool = False
    placeholder: bool = False


@dataclass(frozen=True)
class DisclosurePlan:
    kind: str  # conflicts-of-interest | commercial-support | other
    text: str
    placeholder: bool = False


@dataclass(frozen=True)
class QuestionPlan:
    """A knowledge-check item; ``answer`` indexes ``options`` (from 0)."""

    id: str
    type: str  # multiple-choice | true-false
    stem: str
    options: tuple[str, ...]
    answer: int
    reason: str
    objective: str
    modules: tuple[str, ...]


@dataclass(frozen=True)
class SessionPlan:
    """One audience's session: who, what for, when, how long, what credit, which questions."""

    course_id: str
    course_title: str
    audience: str
    audience_label: str
    target_audience: str  # the audience's description
    date: str
    language: str
    level: str | None = None  # beginner | intermediate | advanced
    author: PersonPlan | None = None
    presenters: tuple[PersonPlan, ...] = ()
    disclosures: tuple[DisclosurePlan, ...] = ()
    credits: tuple[CreditPlan, ...] = ()
    evaluation_url: str | None = None
    start: str | None = None  # the clock label of the start, when --start was given
    requested_minutes: float | None = None  # --minutes, when given
    total_minutes: float = 0.0
    break_minutes: float = 0.0
    contact_minutes: float = 0.0
    contact_hours: float = 0.0
    agenda: tuple[AgendaRow, ...] = ()
    schedule: tuple[ScheduleRow, ...] = ()
    left_out: tuple[LeftOutPlan, ...] = ()
    objectives: tuple[ObjectivePlan, ...] = ()
    questions: tuple[QuestionPlan, ...] = ()  # this audience's, in the bank's order
    pretest: tuple[str, ...] = ()  # question ids in pre-test order
    posttest: tuple[str, ...] = ()  # the same ids, in another order

    def question(self, question_id: str) -> QuestionPlan | None:
        return next((q for q in self.questions if q.id == question_id), None)
