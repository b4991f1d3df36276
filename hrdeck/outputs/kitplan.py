"""Deck plan + theme -> the training kit's model, so the kit says what the deck says.

A pure function of its inputs (:func:`kit_from_plan`). Where each part comes from:

- **session**: the plan's own :class:`~hrdeck.plan.session.SessionPlan`, unchanged
  (course, audience, date, start, level, target audience, presenters with bios, the
  author's credit, objectives with ids, disclosures and credit statements with their
  placeholder flags, contact hours = agenda minus breaks, agenda and schedule rows with
  clock labels, the evaluation URL, the question bank with its pre/post orders);
- **brand**: the theme's fonts, palette, logo with its alt text and footer; the agency's
  name is the first presenter organisation, else the author's, else empty (no curriculum
  or theme field names the agency yet);
- **delivery**: the subtitle of the deck's title slide; the presenters' email addresses
  as the contact; materials and room setup derived by :mod:`hrdeck.outputs.logistics`;
  the venue from course.yaml, hrdeck.yaml or ``--venue`` (left out when none is given);
- **modules, resources, references**: the slides' text (:mod:`hrdeck.outputs.kitcontent`);
- **paper**: US Letter for US English (``en-US``), A4 for every other language.
"""

from __future__ import annotations

from hrdeck.outputs.kit.model import Brand, Delivery, Kit, Paper
from hrdeck.outputs.kitcontent import handout_references, handout_resources, module_summaries
from hrdeck.outputs.logistics import materials, room_setup
from hrdeck.plan.session import PersonPlan, SessionPlan
from hrdeck.plan.types import DeckPlan
from hrdeck.theme.model import Theme

LETTER_LANGUAGES = frozenset({"en-us"})


def kit_from_plan(plan: DeckPlan, theme: Theme) -> Kit:
    """The kit of one planned audience, branded by ``theme``."""
    session = plan.session
    if session is None:
        raise ValueError(f"the {plan.audience} plan has no session plan: build it with the planner")
    return Kit(
        brand=brand_from_theme(theme, session),
        session=session,
        delivery=delivery_from_plan(plan, session),
        modules=module_summaries(plan),
        resources=handout_resources(plan),
        references=handout_references(plan),
        paper=paper_for(session.language),
        shuffle_seed=f"{session.course_id}/{session.audience}",
    )


def brand_from_theme(theme: Theme, session: SessionPlan) -> Brand:
    palette = theme.palette
    logo = theme.logo
    return Brand(
        org_name=agency_name(session),
        heading_font=theme.heading_font,
        body_font=theme.body_font,
        text_color=f"#{palette.text}",
        accent_color=f"#{palette.accent}",
        accent2_color=f"#{palette.accent2}",
        muted_color=f"#{palette.muted}",
        background_color=f"#{palette.background}",
        logo_path=logo.path if logo is not None else None,
        logo_alt=logo.alt if logo is not None else "",
        footer_text=theme.footer or "",
    )


def agency_name(session: SessionPlan) -> str:
    """The first organisation a presenter (else the author) gives; empty without one."""
    people: tuple[PersonPlan, ...] = session.presenters
    if session.author is not None:
        people = (*people, session.author)
    return next((p.organization for p in people if p.organization), "")


def delivery_from_plan(plan: DeckPlan, session: SessionPlan) -> Delivery:
    title_slide = next((s for s in plan.slides if s.kind == "title"), None)
    emails = dict.fromkeys(e for p in session.presenters for e in p.email)
    return Delivery(
        venue=plan.venue,
        contact=" · ".join(emails),
        subtitle=(title_slide.subtitle or "") if title_slide is not None else "",
        materials=materials(plan),
        room_setup=room_setup(plan),
    )


def paper_for(language: str) -> Paper:
    return "letter" if language.lower() in LETTER_LANGUAGES else "a4"
