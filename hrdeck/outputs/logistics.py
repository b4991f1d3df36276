"""The run sheet's materials checklist and room setup, derived from what the session uses.

No curriculum file lists what to bring; the session itself says most of it:

- **Materials**: the paper the kit prints for participants (sign-in sheet, handout,
  pre- and post-test when the session has questions, evaluation form, certificate), the
  equipment every projected session needs, and each taught module's own ``materials:``
  (an exercise's chart paper and markers), which the plan puts in that module's first
  speaker notes under a bold "Materials:" line.
- **Room setup**: the sign-in table, the projector check, movable seating when the
  session has group work (a module with materials, or a case discussion), each break
  with its time, and the end time when the session runs on the clock.
"""

from __future__ import annotations

from collections.abc import Iterator

from hrdeck.plan.session import SessionPlan
from hrdeck.plan.types import DeckPlan, SlidePlan
from hrdeck.richtext import Para, Run

MATERIALS_LABEL = Run("Materials:", bold=True)  # how hrdeck.plan.makers heads the list
GROUP_KINDS = frozenset({"case", "questions"})
EQUIPMENT = (
    "Laptop with the slides, and a copy on a USB stick",
    "Projector, screen and a clicker",
)


def materials(plan: DeckPlan) -> tuple[str, ...]:
    """What to bring: the kit's paper, the equipment, then each module's materials."""
    paper = ["Sign-in sheet and pens", "Handouts, one per participant"]
    if plan.session is not None and plan.session.questions:
        paper.append("Pre-tests and post-tests, one of each per participant")
    paper += ["Evaluation forms, one per participant", "Certificates of attendance"]
    own = [f"{item} ({title})" for title, items in module_materials(plan) for item in items]
    return tuple(dict.fromkeys([*paper, *EQUIPMENT, *own]))


def module_materials(plan: DeckPlan) -> list[tuple[str, list[str]]]:
    """(module title, its materials) for every module whose notes list materials."""
    found: dict[str, list[str]] = {}
    for slide in plan.slides:
        items = list(_listed_materials(slide.notes))
        if items:
            found.setdefault(slide.module_title or slide.title, []).extend(items)
    return [(title, list(dict.fromkeys(items))) for title, items in found.items()]


def _listed_materials(notes: tuple[Para, ...]) -> Iterator[str]:
    """The indented paragraphs after a notes line that is just a bold "Materials:"."""
    listing = False
    for para in notes:
        if para.runs == (MATERIALS_LABEL,):
            listing = True
        elif listing and para.level > 0:
            yield para.text.strip()
        else:
            listing = False


def room_setup(plan: DeckPlan) -> tuple[str, ...]:
    """How to set up the room, in the order a trainer does it."""
    notes = [
        "Sign-in table at the door, with the sign-in sheet, pens and the pre-tests.",
        "Projector and screen visible from every seat; test the slides and the clicker "
        "before participants arrive.",
    ]
    group_work = _group_work(plan.slides)
    if group_work:
        notes.append(f"Seating that moves into small groups, for {_listing(group_work)}.")
    if plan.session is not None:
        notes += _timing_notes(plan.session)
    return tuple(notes)


def _group_work(slides: tuple[SlidePlan, ...]) -> list[str]:
    """Titles of the modules with group work: a case discussion or their own materials."""
    grouped = (s for s in slides if s.kind in GROUP_KINDS or any(_listed_materials(s.notes)))
    return list(dict.fromkeys(s.module_title or s.title for s in grouped))


def _timing_notes(session: SessionPlan) -> list[str]:
    notes = [
        f"Break at {row.clock_start} ({row.minutes:g} minutes): say where water and restrooms are."
        for row in session.agenda
        if row.is_break
    ]
    if session.start is not None and session.schedule:
        end = session.schedule[-1].clock_end
        notes.append(f"A clock the presenter can see: the session ends at {end}.")
    return notes


def _listing(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
