"""The input model of the training-kit writers: small frozen dataclasses, no other imports.

The writers in this package read only these types, so whoever feeds them (the curriculum
pipeline, a test, an agency script) fills a :class:`Kit` and calls ``write_*``. Nothing here
knows about YAML, decks or python-docx. ``checks.kit_problems`` says what is wrong with a kit.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal


@dataclass(frozen=True)
class Run:
    """A stretch of text with simple emphasis, for key points and references."""

    text: str
    bold: bool = False
    italic: bool = False


RichText = str | tuple[Run, ...]
"""Plain text, or a sequence of runs when part of it is bold or italic."""


@dataclass(frozen=True)
class Brand:
    """The agency's look: name, logo, fonts and colours (hex ``#RRGGBB``).

    Documents print on white paper, so ``background_color`` is checked but not painted;
    a text colour too faint for white paper is replaced by a readable one (``palette``).
    """

    org_name: str
    heading_font: str = "Calibri"
    body_font: str = "Calibri"
    text_color: str = "#1F2937"
    accent_color: str = "#0F766E"
    accent2_color: str = "#B45309"
    muted_color: str = "#4B5563"
    background_color: str = "#FFFFFF"
    logo_path: Path | None = None
    logo_alt: str = ""
    footer_text: str = ""


@dataclass(frozen=True)
class Presenter:
    name: str
    credentials: str = ""
    organization: str = ""
    bio: str = ""

    @property
    def display_name(self) -> str:
        """``Name, CREDENTIALS`` as it goes on a certificate."""
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


@dataclass(frozen=True)
class Objective:
    id: str
    text: str


@dataclass(frozen=True)
class Disclosures:
    """What a continuing-education body asks the provider to disclose to participants."""

    conflicts_of_interest: str
    commercial_support: str


@dataclass(frozen=True)
class CreditStatement:
    """One approval statement, e.g. body ``CE (NASW)`` with 2.0 hours.

    ``placeholder`` is true while the statement is text the agency still has to complete;
    the documents then show it marked, so nobody prints it unnoticed.
    """

    body: str
    hours: float
    statement: str
    placeholder: bool = False


AgendaKind = Literal["module", "break"]


@dataclass(frozen=True)
class AgendaRow:
    """One segment of the session.

    Give ``clock`` ("13:30"), or ``offset`` (minutes after the start), or neither: then the
    segment starts when the one before it ends.
    """

    title: str
    minutes: int
    kind: AgendaKind = "module"
    offset: int | None = None
    clock: str | None = None


@dataclass(frozen=True)
class Session:
    """One delivery of the course: when, where, by whom, for whom and for what credit."""

    course_title: str
    audience_label: str
    date: str
    venue: str
    presenters: tuple[Presenter, ...]
    contact: str
    course_level: str
    target_audience: str
    objectives: tuple[Objective, ...]
    disclosures: Disclosures
    contact_hours: float
    agenda: tuple[AgendaRow, ...]
    credits: tuple[CreditStatement, ...] = ()
    start_time: str | None = None
    subtitle: str = ""
    evaluation_url: str | None = None
    materials: tuple[str, ...] = ()
    room_setup: tuple[str, ...] = ()
    language: str = "en-US"


@dataclass(frozen=True)
class ModuleSummary:
    title: str
    key_points: tuple[RichText, ...]


@dataclass(frozen=True)
class Resource:
    """A resource for participants; ``short_url`` is the address printed beside its QR code."""

    name: str
    url: str
    short_url: str
    description: str = ""


@dataclass(frozen=True)
class Reference:
    """A formatted APA reference (italics as runs) and the link it resolves to."""

    text: RichText
    url: str | None = None


QuestionType = Literal["mc", "tf"]
TRUE_FALSE: tuple[str, str] = ("True", "False")


@dataclass(frozen=True)
class Question:
    """A knowledge-check item tied to one learning objective.

    ``answer`` indexes ``choices``. A true/false item may leave ``options`` empty: its
    choices are then ``("True", "False")``.
    """

    id: str
    objective_id: str
    stem: str
    answer: int
    reason: str
    type: QuestionType = "mc"
    options: tuple[str, ...] = ()

    @property
    def choices(self) -> tuple[str, ...]:
        if self.type == "tf" and not self.options:
            return TRUE_FALSE
        return self.options

    @property
    def answer_text(self) -> str:
        return self.choices[self.answer]


Paper = Literal["letter", "a4"]


@dataclass(frozen=True)
class Kit:
    """Everything the writers need for one session's documents.

    ``build_date`` (ISO) is stamped into the files' properties; it defaults to the session
    date so the same kit always gives the same bytes. ``shuffle_seed`` orders the pre- and
    post-test items.
    """

    brand: Brand
    session: Session
    modules: tuple[ModuleSummary, ...] = ()
    resources: tuple[Resource, ...] = ()
    references: tuple[Reference, ...] = ()
    questions: tuple[Question, ...] = ()
    paper: Paper = "letter"
    build_date: str | None = None
    shuffle_seed: str = "hrdeck"
    signin_rows: int = 24

    @property
    def stamp_date(self) -> str:
        return self.build_date or self.session.date


def plain_text(text: RichText) -> str:
    """The characters of ``text`` without emphasis."""
    if isinstance(text, str):
        return text
    return "".join(run.text for run in text)
