"""Check a Kit before writing: every problem at once, each located by its field path.

``kit_problems`` returns the list; ``require_valid`` raises :class:`KitInputError` with all
of them, so a caller prints one clear message instead of a traceback from deep inside a
writer ("session.agenda[3].minutes: must be a whole number above 0").
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

from hrdeck.outputs.kit.model import Brand, Kit, Question, Session
from hrdeck.outputs.kit.schedule import CLOCK, instruction_minutes, schedule

HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
IDENTIFIER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
IDENTIFIER_HINT = "use letters, digits, '.', '_' and '-' (it names the item in the LMS export)"
LOGO_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff")
PAPERS = ("letter", "a4")


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
        *_agenda_problems(kit.session),
        *_question_problems(kit.questions, kit.session),
        *_content_problems(kit),
        *_option_problems(kit),
    ]


def _brand_problems(brand: Brand) -> Iterator[KitProblem]:
    if not brand.org_name.strip():
        yield KitProblem("brand.org_name", "is empty")
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


def _session_problems(session: Session) -> Iterator[KitProblem]:
    for name in ("course_title", "audience_label", "venue", "contact", "course_level"):
        if not getattr(session, name).strip():
            yield KitProblem(f"session.{name}", "is empty")
    if not _is_iso_date(session.date):
        yield KitProblem("session.date", f"{session.date!r} is not a date like 2026-11-01")
    if session.start_time is not None and not CLOCK.match(session.start_time):
        yield KitProblem("session.start_time", f"{session.start_time!r} is not a time like 09:00")
    if not session.presenters:
        yield KitProblem("session.presenters", "name at least one presenter")
    for index, presenter in enumerate(session.presenters):
        if not presenter.name.strip():
            yield KitProblem(f"session.presenters[{index}].name", "is empty")
    if session.evaluation_url is not None and not _is_web_url(session.evaluation_url):
        yield KitProblem("session.evaluation_url", "must start with https:// or http://")
    yield from _objective_problems(session)
    yield from _credit_problems(session)


def _objective_problems(session: Session) -> Iterator[KitProblem]:
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


def _credit_problems(session: Session) -> Iterator[KitProblem]:
    if session.contact_hours <= 0:
        yield KitProblem("session.contact_hours", "must be above 0")
    taught = instruction_minutes(session) / 60
    if session.agenda and session.contact_hours > taught + 1e-9:
        yield KitProblem(
            "session.contact_hours",
            f"{session.contact_hours:g} is more than the {taught:g} hours the agenda teaches "
            "(breaks do not count)",
        )
    for index, credit in enumerate(session.credits):
        where = f"session.credits[{index}]"
        if not credit.body.strip():
            yield KitProblem(f"{where}.body", "is empty")
        if credit.hours <= 0 or credit.hours > session.contact_hours + 1e-9:
            yield KitProblem(f"{where}.hours", "must be above 0 and at most the contact hours")
        if not credit.statement.strip():
            yield KitProblem(f"{where}.statement", "is empty")


def _agenda_problems(session: Session) -> Iterator[KitProblem]:
    if not session.agenda:
        yield KitProblem("session.agenda", "list at least one agenda row")
        return
    for index, row in enumerate(session.agenda):
        where = f"session.agenda[{index}]"
        if not row.title.strip():
            yield KitProblem(f"{where}.title", "is empty")
        if not isinstance(row.minutes, int) or row.minutes <= 0:
            yield KitProblem(f"{where}.minutes", "must be a whole number above 0")
        if row.kind not in ("module", "break"):
            yield KitProblem(f"{where}.kind", f"{row.kind!r} is not 'module' or 'break'")
        if row.clock is not None and not CLOCK.match(row.clock):
            yield KitProblem(f"{where}.clock", f"{row.clock!r} is not a time like 13:30")
        if row.offset is not None and row.offset < 0:
            yield KitProblem(f"{where}.offset", "must not be negative")
    yield from _overlap_problems(session)


def _overlap_problems(session: Session) -> Iterator[KitProblem]:
    """Rows that start before the one above ends; skipped while a row's time is unreadable."""
    rows = session.agenda
    if any(not isinstance(r.minutes, int) or (r.clock and not CLOCK.match(r.clock)) for r in rows):
        return
    if session.start_time and not CLOCK.match(session.start_time):
        return
    slots = schedule(session)
    for index, (before, after) in enumerate(itertools.pairwise(slots), start=1):
        if after.start < before.end:
            yield KitProblem(
                f"session.agenda[{index}]",
                f"starts {before.end - after.start} minute(s) before {before.row.title!r} ends",
            )
    if slots and slots[0].start < 0:
        yield KitProblem("session.agenda[0]", "starts before the session start time")


def _question_problems(questions: tuple[Question, ...], session: Session) -> Iterator[KitProblem]:
    objective_ids = {objective.id for objective in session.objectives}
    counts = Counter(question.id for question in questions)
    for index, question in enumerate(questions):
        where = f"questions[{index}]"
        if not IDENTIFIER.match(question.id):
            yield KitProblem(f"{where}.id", f"{question.id!r}: {IDENTIFIER_HINT}")
        elif counts[question.id] > 1:
            yield KitProblem(f"{where}.id", f"{question.id!r} is used more than once")
        if question.objective_id not in objective_ids:
            yield KitProblem(
                f"{where}.objective_id",
                f"{question.objective_id!r} is not one of the session's objectives",
            )
        yield from _item_problems(question, where)


def _item_problems(question: Question, where: str) -> Iterator[KitProblem]:
    if not question.stem.strip():
        yield KitProblem(f"{where}.stem", "is empty")
    if not question.reason.strip():
        yield KitProblem(f"{where}.reason", "say why the answer is right")
    if question.type not in ("mc", "tf"):
        yield KitProblem(f"{where}.type", f"{question.type!r} is not 'mc' or 'tf'")
        return
    if question.type == "tf" and question.options and set(question.options) != {"True", "False"}:
        yield KitProblem(f"{where}.options", "a true/false item has the options True and False")
    choices = question.choices
    if len(choices) < 2:
        yield KitProblem(f"{where}.options", "give at least two options")
    if any(not choice.strip() for choice in choices):
        yield KitProblem(f"{where}.options", "an option is empty")
    if len(set(choices)) != len(choices):
        yield KitProblem(f"{where}.options", "two options are the same")
    if not 0 <= question.answer < len(choices):
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
