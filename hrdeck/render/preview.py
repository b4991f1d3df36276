"""``hrdeck theme preview``: one slide of every kind, with sample text, in a theme.

An agency sees its template at work in one command: the sample deck takes each kind's
first slide from a real plan (the built-in court deck with its knowledge checks, passed
in by :func:`hrdeck.pipeline.preview_examples`), and sample text for a kind that plan
lacks; it is fitted to the theme's real text boxes and rendered exactly as a course deck is, then
written as ``preview-<theme>.pptx`` (and, when LibreOffice is installed, a PDF and one
PNG per slide beside it, see :func:`hrdeck.template.convert.deck_pictures`).
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from hrdeck.atomic import write_atomically
from hrdeck.diagnostics import Diagnostic, Loc
from hrdeck.kinds import SLIDE_KINDS
from hrdeck.plan.fit import fit_deck
from hrdeck.plan.types import Block, DeckPlan, PlanDiagram, PlanEdge, PlanNode, SlidePlan
from hrdeck.render.deck import render_deck
from hrdeck.render.probe import fit_rules
from hrdeck.richtext import Para, Run
from hrdeck.template.convert import ConversionFailed, deck_pictures
from hrdeck.theme.model import Theme

HERE = Loc("<preview>", 0, 0)


def _para(text: str, level: int = 0, bold: str = "") -> Para:
    runs = ((Run(bold, bold=True),) if bold else ()) + (Run(text),)
    return Para(runs, level)


def _block(role: str, *texts: str, heading: str | None = None) -> Block:
    return Block(role, tuple(_para(text) for text in texts), heading)


SAMPLES: dict[str, tuple[str, tuple[Block, ...]]] = {
    "title": (
        "Harm Reduction in Practice",
        (_block("presenter", "A. Trainer, Eastside Outreach"),),
    ),
    "agenda": (
        "Agenda",
        (
            _block(
                "body", "Welcome (10 minutes)", "Core ideas (30 minutes)", "Practice (20 minutes)"
            ),
        ),
    ),
    "section": ("Core ideas", ()),
    "bullets": (
        "What harm reduction means",
        (
            Block(
                "body",
                (
                    _para("Meet people where they are"),
                    _para("Without judgement or conditions", 1),
                    _para("Any positive change counts"),
                    _para("Naloxone reverses an opioid overdose"),
                ),
            ),
        ),
    ),
    "myth": (
        "Myth and fact",
        (
            _block("myth", "Naloxone encourages drug use."),
            _block("fact", "Studies find no increase in use where naloxone is given out."),
        ),
    ),
    "comparison": (
        "Two approaches",
        (
            _block("left", "Abstinence is the condition for help", heading="Conditional care"),
            _block("right", "Help comes first; goals follow", heading="Harm reduction"),
        ),
    ),
    "spectrum": (
        "A spectrum of use",
        (
            _block("stage", "No use", heading="None"),
            _block("stage", "Now and then", heading="Occasional"),
            _block("stage", "A routine", heading="Regular"),
            _block("caption", "People move along the spectrum in both directions."),
        ),
    ),
    "diagram": ("Who works with whom", (_block("caption", "Each link is a referral."),)),
    "case": (
        "A case to discuss",
        (
            _block(
                "narrative",
                "Sam, 34, missed two appointments after a relapse and fears losing their place.",
            ),
        ),
    ),
    "questions": (
        "Questions for the room",
        (_block("body", "What would help Sam come back?", "Who else could reach out?"),),
    ),
    "references": (
        "References",
        (
            _block(
                "citation", "National Harm Reduction Coalition. Principles of Harm Reduction. 2020."
            ),
        ),
    ),
    "resources": ("Resources", (_block("body", "Local naloxone programme: call 211"),)),
    "quote": (
        "Quote",
        (
            _block("quote", "Meet people where they are, but don’t leave them there."),
            _block("attribution", "A saying of the harm reduction movement"),
        ),
    ),
    "image": (
        "Image",
        (_block("body", "An image slide: the picture on one side, its text on the other."),),
    ),
    "closing": ("Thank you", (_block("body", "Questions: trainer@example.org"),)),
}
DIAGRAM = PlanDiagram(
    nodes=(
        PlanNode("court", "Court"),
        PlanNode("clinic", "Clinic"),
        PlanNode("peer", "Peer worker"),
    ),
    edges=(
        PlanEdge("court", "clinic", "refers", False),
        PlanEdge("clinic", "peer", "", True),
    ),
    alt="The court refers to the clinic; the clinic and peer workers work both ways.",
)


def sample_plan(theme: Theme, examples: Mapping[str, SlidePlan] | None = None) -> DeckPlan:
    """One slide per kind, in registry order: the example given for it, else sample text."""
    slides = []
    for kind in SLIDE_KINDS:
        if examples and kind in examples:
            slides.append(dataclasses.replace(examples[kind], title_pt=None))
            continue
        title, blocks = SAMPLES.get(kind, (kind.title(), ()))
        subtitle = "The why and the how" if kind in ("title", "section", "closing") else None
        diagram = DIAGRAM if kind == "diagram" else None
        slides.append(
            SlidePlan(
                kind, title, "preview", HERE, blocks, subtitle=subtitle, diagram=diagram, minutes=10
            )
        )
    return DeckPlan(
        "preview",
        f"Preview of {theme.name}",
        "preview",
        "Preview",
        "en-US",
        "",
        "",
        (),
        tuple(slides),
    )


def preview_bytes(
    theme: Theme,
    diagnostics: list[Diagnostic] | None = None,
    examples: Mapping[str, SlidePlan] | None = None,
) -> bytes:
    """The sample deck in `theme`, fitted to its text boxes."""
    found = diagnostics if diagnostics is not None else []
    plan = fit_deck(sample_plan(theme, examples), fit_rules(theme), found)
    return render_deck(plan, theme)


@dataclass(frozen=True)
class Preview:
    """The files a preview wrote, and why there are no pictures (when there are none)."""

    deck: Path
    pictures: tuple[Path, ...]
    note: str = ""


def write_preview(
    theme: Theme, out_dir: Path, examples: Mapping[str, SlidePlan] | None = None
) -> Preview:
    """Write the sample deck (and its PDF and PNGs when LibreOffice can make them)."""
    name = f"preview-{slug(theme.name)}.pptx"
    [deck] = write_atomically(out_dir, [(name, preview_bytes(theme, examples=examples))])
    try:
        pictures = tuple(deck_pictures(deck, out_dir))
    except (ConversionFailed, OSError, subprocess.SubprocessError) as exc:
        return Preview(deck, (), f"no pictures: LibreOffice could not render the deck ({exc})")
    note = "" if pictures else "no pictures: install LibreOffice (soffice) to get PNGs"
    return Preview(deck, pictures, note)


def slug(name: str) -> str:
    """A file-name-safe form of a theme name."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or "theme"
