"""The input model of the training-kit writers: the plan's session plus what only paper needs.

The session is the planner's own :class:`~hrdeck.plan.session.SessionPlan` (agenda and
run-sheet rows with their clock labels, presenters, objectives, credits, disclosures and
the question bank with its pre/post orders), so every document prints exactly the times
and texts the deck, its notes and the guide show. Rich text is :class:`hrdeck.richtext.Run`.
This module adds what the plan does not know: the agency's look (:class:`Brand`), the
logistics of one delivery (:class:`Delivery`) and the handout's content.

Whoever fills a :class:`Kit` (``hrdeck.outputs.kitplan`` from a deck plan, a test, an
agency script) calls the ``write_*`` functions; ``checks.kit_problems`` says what is wrong.
Nothing here knows about YAML, decks or python-docx.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from hrdeck.plan.session import SessionPlan
from hrdeck.richtext import Run

RichText = str | tuple[Run, ...]
"""Plain text, or a sequence of runs when part of it is bold, italic or a link."""


@dataclass(frozen=True)
class Brand:
    """The agency's look: name, logo, fonts and colours (hex ``#RRGGBB``).

    Documents print on white paper, so ``background_color`` is checked but not painted;
    a text colour too faint for white paper is replaced by a readable one (``palette``).
    An empty ``org_name`` leaves the agency's line of the header empty.
    """

    org_name: str = ""
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
class Delivery:
    """One delivery's logistics, which no curriculum file holds: the documents print
    what is given and leave out (or leave a line for) what is not."""

    venue: str = ""
    contact: str = ""  # how participants reach the presenters, e.g. an email address
    subtitle: str = ""
    materials: tuple[str, ...] = ()  # the run sheet's checklist
    room_setup: tuple[str, ...] = ()


@dataclass(frozen=True)
class ModuleSummary:
    title: str
    key_points: tuple[RichText, ...]


@dataclass(frozen=True)
class HandoutResource:
    """A resource for participants; ``short_url`` is the address printed beside its QR code."""

    name: str
    url: str
    short_url: str
    description: RichText = ""


@dataclass(frozen=True)
class HandoutReference:
    """A formatted APA reference (italics and links as runs) and the link it resolves to."""

    text: RichText
    url: str | None = None


Paper = Literal["letter", "a4"]


@dataclass(frozen=True)
class Kit:
    """Everything the writers need for one session's documents.

    ``build_date`` (ISO) is stamped into the files' properties; it defaults to the session
    date so the same kit always gives the same bytes. ``shuffle_seed`` orders the pre- and
    post-test items when the session does not give their orders itself.
    """

    brand: Brand
    session: SessionPlan
    delivery: Delivery = field(default_factory=Delivery)
    modules: tuple[ModuleSummary, ...] = ()
    resources: tuple[HandoutResource, ...] = ()
    references: tuple[HandoutReference, ...] = ()
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
