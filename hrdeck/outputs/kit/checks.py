"""Check a Kit before writing: every problem at once, each located by its field path.

``kit_problems`` returns the list; ``require_valid`` raises :class:`KitInputError` with all
of them, so a caller prints one clear message instead of a traceback from deep inside a
writer ("session.schedule[3].minutes: must not be negative").

What the planner already guarantees (a schedule in order, orders that are permutations)
is checked again here, because a kit can also be filled by hand.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from docx.image.image import Image

from hrdeck.outputs.kit.model import Brand, Kit
from hrdeck.outputs.kit.schedule import instruction_minutes, timetable
from hrdeck.plan.session import QuestionPlan, SessionPlan

HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
IDENTIFIER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
IDENTIFIER_HINT = "use letters, digits, '.', '_' and '-' (it names the item in the LMS export)"
LOGO_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff")
PAPERS = ("letter", "a4")
QUESTION_TYPES = ("multiple-choice", "true-false")
TRUE_FALSE_OPTIONS = ("True", "False")
_EPSILON = 1e-6


@dataclass(frozen=True)
class KitProblem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class KitInputError(ValueError):
    """The kit cannot be written; ``problems`` says where and why."""

    def __init__(self, problems: list[KitProblem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {problem}" for problem in problems)
        super().__init__(f"the training kit has {len(problems)} problem(s):\n{lines}")


def require_valid(kit: Kit) -> None:
    problems = kit_problems(kit)
    if problems:
        raise KitInputError(problems)


def kit_problems(kit: Kit) -> list[KitProblem]:
    return [
        *_brand_problems(kit.brand),
        *_session_problems(kit.session),
        *_timetable_problems(kit.session),
        *_question_problems(kit.session),
        *_content_problems(kit),
        *_option_problems(kit),
    ]


def _brand_problems(brand: Brand) -> Iterator[KitProblem]:
    for name in ("text_color", "accent_color", "accent2_color", "muted_color"):
        value = getattr(brand, name)
        if not HEX.match(value):
            yield KitProblem(f"brand.{name}", f"{value!r} is not a colour like '#0F766E'")
    if not HEX.match(brand.background_color):
        yield KitProblem("brand.background_color", "is not a colour like '#FFFFFF'")
    for name in ("heading_font", "body_font"):
        if not getattr(brand, name).strip():
            yield KitProblem(f"brand.{name}", "is empty")
    yield from _logo_problems(brand)


def _logo_problems(brand: Brand) -> Iterator[KitProblem]:
    if brand.logo_path is None:
        return
    path = brand.logo_path
    if path.suffix.lower() not in LOGO_TYPES:
        yield KitProblem("brand.logo_path", f"{path.name}: use a PNG, JPEG, GIF, BMP or TIFF")
    elif not path.is_file():
        yield KitProblem("brand.logo_path", f"{path} does not exist")
    elif not _image_readable(path):
        yield KitProblem("brand.logo_path", f"{path.name} is not a readable image")
    if not brand.logo_alt.strip():
        yield KitProblem("brand.logo_alt", "a logo needs alt text (for example the agency name)")


def _image_readable(path: Path) -> bool:
    """Read the image header the way python-docx will when it embeds the logo."""
    try:
        Image.from_file(str(path))
    except Exception:
        return False
    return True


def _session_problems(session: SessionPlan) -> Iterator[KitProblem]:
    for name in ("course_title", "audience_label"):
        if not getattr(session, name).strip():
            yield KitProblem(f"session.{name}", "is empty")
    if not _is_iso_date(session.date):
        yield KitProblem("session.date", f"{session.date!r} is not a date like 2026-11-01")
    for index, presenter in enumerate(session.presenters):
        if not presenter.name.strip():
            yield KitProblem(f"session.presenters[{index}].name", "is empty")
    if session.evaluation_url is not None and not _is_web_url(session.evaluation_url):
        yield KitProblem("session.evaluation_url", "must start with https:// or http://")
    yield from _objective_problems(session)
    yield from _credit_problems(session)


def _objective_problems(session: SessionPlan) -> Iterator[KitProblem]:
    if not session.objectives:
        yield KitProblem("session.objectives", "list at least one learning objective")
    counts = Counter(objective.id for objective in session.objectives)
    for index, objective in enumerate(session.objectives):
        where = f"session.objectives[{index}]"
        if not IDENTIFIER.match(objective.id):
            yield KitProblem(f"{where}.id", f"{objective.id!r}: {IDENTIFIER_HINT}")
        elif counts[objective.id] > 1:
            yield KitProblem(f"{where}.id", f"{objective.id!r} is used more than once")
        if not objective.text.strip():
            yield KitProblem(f"{where}.text", "is empty")


def _credit_problems(session: SessionPlan) -> Iterator[KitProblem]:
    if session.contact_hours <= 0:
        yield KitProblem("session.contact_hours", "must be above 0")
    taught = instruction_minutes(session) / 60
    if timetable(session) and session.contact_hours > taught + _EPSILON:
        yield KitProblem(
            "session.contact_hours",
            f"{session.contact_hours:g} is more than the {taught:g} hours the agenda teaches "
            "(breaks do not count)",
        )
    for index, credit in enumerate(session.credits):
        where = f"session.credits[{index}]"
        if not credit.body.strip():
            yield KitProblem(f"{where}.body", "is empty")
        if credit.hours <= 0:
            yield KitProblem(f"{where}.hours", "must be above 0")
        if not credit.statement.strip():
            yield KitProblem(f"{where}.statement", "is empty")


def _timetable_problems(session: SessionPlan) -> Iterator[KitProblem]:
    field = "schedule" if session.schedule else "agenda"
    rows = timetable(session)
    if not rows:
        yield KitProblem("session.agenda", "list at least one agenda row")
        return
    for index, row in enumerate(rows):
        where = f"session.{field}[{index}]"
        if not row.title.strip():
            yield KitProblem(f"{where}.title", "is empty")
        if row.minutes < 0:
            yield KitProblem(f"{where}.minutes", "must not be negative")
        if not row.clock_start.strip() or not row.clock_end.strip():
            yield KitProblem(f"{where}.clock_start", "give the printed start and end times")
    for index, (before, after) in enumerate(itertools.pairwise(rows), start=1):
        overlap = before.start + before.minutes - after.start
        if overlap > _EPSILON:
            yield KitProblem(
                f"session.{field}[{index}]",
                f"starts {overlap:g} minute(s) before {before.title!r} ends",
            )


def _question_problems(session: SessionPlan) -> Iterator[KitProblem]:
    objective_ids = {objective.id for objective in session.objectives}
    counts = Counter(question.id for question in session.questions)
    for index, question in enumerate(session.questions):
        where = f"session.questions[{index}]"
        if not IDENTIFIER.match(question.id):
            yield KitProblem(f"{where}.id", f"{question.id!r}: {IDENTIFIER_HINT}")
        elif counts[question.id] > 1:
            yield KitProblem(f"{where}.id", f"{question.id!r} is used more than once")
        if question.objective not in objective_ids:
            yield KitProblem(
                f"{where}.objective",
                f"{question.objective!r} is not one of the session's objectives",
            )
        yield from _item_problems(question, where)
    ids = sorted(counts)
    for name in ("pretest", "posttest"):
        order = getattr(session, name)
        if order and sorted(order) != ids:
            yield KitProblem(f"session.{name}", "must list every question id exactly once")


def _item_problems(question: QuestionPlan, where: str) -> Iterator[KitProblem]:
    if not question.stem.strip():
        yield KitProblem(f"{where}.stem", "is empty")
    if not question.reason.strip():
        yield KitProblem(f"{where}.reason", "say why the answer is right")
    if question.type not in QUESTION_TYPES:
        yield KitProblem(f"{where}.type", f"{question.type!r} is not one of {QUESTION_TYPES}")
        return
    options = question.options
    if question.type == "true-false" and tuple(options) != TRUE_FALSE_OPTIONS:
        yield KitProblem(f"{where}.options", "a true/false item has the options True, False")
    if len(options) < 2:
        yield KitProblem(f"{where}.options", "give at least two options")
    if any(not option.strip() for option in options):
        yield KitProblem(f"{where}.options", "an option is empty")
    if len(set(options)) != len(options):
        yield KitProblem(f"{where}.options", "two options are the same")
    if not 0 <= question.answer < len(options):
        yield KitProblem(f"{where}.answer", f"{question.answer} is not an option index")


def _content_problems(kit: Kit) -> Iterator[KitProblem]:
    for index, module in enumerate(kit.modules):
        if not module.title.strip():
            yield KitProblem(f"modules[{index}].title", "is empty")
    for index, resource in enumerate(kit.resources):
        where = f"resources[{index}]"
        if not resource.name.strip():
            yield KitProblem(f"{where}.name", "is empty")
        if not _is_web_url(resource.url):
            yield KitProblem(f"{where}.url", "must start with https:// or http://")
        if not resource.short_url.strip():
            yield KitProblem(f"{where}.short_url", "give the address to print, e.g. samhsa.gov")
    for index, reference in enumerate(kit.references):
        if reference.url is not None and not _is_web_url(reference.url):
            yield KitProblem(f"references[{index}].url", "must start with https:// or http://")


def _option_problems(kit: Kit) -> Iterator[KitProblem]:
    if kit.paper not in PAPERS:
        yield KitProblem("paper", f"{kit.paper!r} is not 'letter' or 'a4'")
    if kit.build_date is not None and not _is_iso_date(kit.build_date):
        yield KitProblem("build_date", f"{kit.build_date!r} is not a date like 2026-11-01")
    if not 1 <= kit.signin_rows <= 60:
        yield KitProblem("signin_rows", "must be between 1 and 60")


def _is_iso_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _is_web_url(value: str) -> bool:
    return value.startswith(("https://", "http://")) and len(value) > len("https://")
