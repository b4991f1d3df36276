"""Objectives, the question bank, dated facts, placeholders and session settings.

Each warning gets a small edit of the valid fixture and golden diagnostics (in
``tests/golden/diagnostics/<code>.txt``; the error codes have overlays in
``tests/fixtures/invalid`` like every other code).  ``today`` is fixed so that the
review-date warnings do not depend on the day the tests run.
Regenerate the golden files with ``HRDECK_UPDATE_GOLDEN=1 pytest tests/test_teaching_checks.py``.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from hrdeck.curriculum import schemafast
from hrdeck.curriculum.load import load_yaml_file
from hrdeck.curriculum.model import Objective, Question
from hrdeck.curriculum.quiz import pre_post_orders, questions_for, shuffled
from hrdeck.curriculum.schema import load_schema, reference_validator
from hrdeck.curriculum.validate import validate_curriculum
from hrdeck.diagnostics import Diagnostic
from hrdeck.paths import builtin_curriculum
from hrdeck.pipeline import validate_and_lint
from tests.factories import audience
from tests.test_validate import VALID, assert_golden

TODAY = date(2026, 3, 1)  # after the fixture's course date (2026-01-15)


def copy_valid(tmp_path: Path) -> Path:
    root = tmp_path / "curriculum"
    shutil.copytree(VALID, root)
    return root


def append(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def replace(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, (relative, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def checked(root: Path, base: Path, today: date = TODAY) -> tuple[object, list[Diagnostic]]:
    return validate_curriculum(root, display_base=base, today=today)


def text_of(diagnostics: list[Diagnostic]) -> str:
    return "".join(d.format() + "\n" for d in diagnostics)


# -- one edit per warning code ----------------------------------------------------------

PEER_OBJECTIVE = "objectives:\n  - {id: peer-steps, text: List the practice steps.}\n"


def _unclaimed(root: Path) -> None:
    replace(root, "audiences/peer.yaml", "modules:\n", PEER_OBJECTIVE + "modules:\n")


def _untested(root: Path) -> None:
    _unclaimed(root)
    append(root, "modules/05-practice.yaml", "objectives: [peer-steps]\n")


def _untaught(root: Path) -> None:
    replace(root, "questions/responses.yaml", "modules: [case]\n", "modules: [practice]\n")


def _review_due(root: Path) -> None:
    replace(root, "modules/04-basics.yaml", "review_by: 2099-12-31", "review_by: 2025-12-31")
    append(
        root,
        "modules/13-closing.yaml",
        "dated:\n  - {claim: A rule, kind: legal, as_of: 2025-01-01, review_by: 2026-02-01}\n"
        "  - {claim: A standard, kind: policy, as_of: 2025-01-01, review_by: 2026-12-31}\n",
    )


def _placeholder(root: Path) -> None:
    append(
        root,
        "audiences/court.yaml",
        'credits:\n  - {body: State CLE, statement: "TBD: the statement from the bar"}\n',
    )
    append(root, "course.yaml", "disclosures:\n  - {kind: commercial-support, text: 'TBD: say'}\n")


def _session_settings(root: Path) -> None:
    replace(
        root,
        "audiences/court.yaml",
        "{id: basics, minutes: 5}",
        "{id: basics, minutes: 5, priority: 1}",
    )
    append(
        root,
        "audiences/court.yaml",
        "breaks: {after: [closing]}\n"
        "credits:\n  - {body: NASW CE, hours: 1, statement: Approved for 1 hour.}\n",
    )


WARNINGS: dict[str, tuple[Callable[[Path], None], set[str]]] = {
    "objective-unclaimed": (_unclaimed, {"objective-unclaimed", "objective-untested"}),
    "objective-untested": (_untested, {"objective-untested"}),
    "question-untaught": (_untaught, {"question-untaught"}),
    "review-due": (_review_due, {"review-due"}),
    "placeholder": (_placeholder, {"placeholder"}),
    "session-settings": (_session_settings, {"priority-ignored", "break-ignored", "credit-hours"}),
}


@pytest.mark.parametrize("case", sorted(WARNINGS))
def test_each_warning_is_located_and_matches_golden(tmp_path: Path, case: str) -> None:
    edit, codes = WARNINGS[case]
    root = copy_valid(tmp_path)
    edit(root)
    model, diagnostics = checked(root, tmp_path)
    assert model is not None, text_of(diagnostics)
    assert {d.code for d in diagnostics} == codes
    assert all(d.severity == "warning" and d.loc.line > 0 for d in diagnostics)
    assert_golden(case, text_of(diagnostics))


# -- review dates -------------------------------------------------------------------------


def review_message(tmp_path: Path, review_by: str, today: date) -> str:
    root = copy_valid(tmp_path)
    replace(root, "modules/04-basics.yaml", "review_by: 2099-12-31", f"review_by: {review_by}")
    _, diagnostics = checked(root, tmp_path, today)
    found = [d.message for d in diagnostics if d.code == "review-due"]
    return found[0] if found else ""


def test_review_warning_says_whether_the_course_date_or_today_is_past(tmp_path: Path) -> None:
    both = review_message(tmp_path / "a", "2025-06-30", date(2026, 3, 1))
    assert "the course date (2026-01-15) and today (2026-03-01) are past its review date" in both
    course = review_message(tmp_path / "b", "2025-12-31", date(2025, 11, 1))
    assert "the course date (2026-01-15) is past its review date, 2025-12-31" in course
    today = review_message(tmp_path / "c", "2026-02-01", date(2026, 3, 1))
    assert "today (2026-03-01) is past its review date, 2026-02-01" in today
    assert review_message(tmp_path / "d", "2026-06-30", date(2026, 3, 1)) == ""


def test_a_fact_without_review_by_is_an_error_saying_what_to_add(tmp_path: Path) -> None:
    root = copy_valid(tmp_path)
    replace(root, "modules/04-basics.yaml", " review_by: 2099-12-31,", "")
    model, diagnostics = checked(root, tmp_path)
    assert model is None
    [missing] = [d for d in diagnostics if d.code == "missing-key"]
    assert missing.message == "a fact needs 'review_by'"
    assert missing.hint is not None and "review" in missing.hint


def test_a_projects_course_date_decides_what_is_due(tmp_path: Path) -> None:
    base = copy_valid(tmp_path)
    replace(base, "modules/04-basics.yaml", "review_by: 2099-12-31", "review_by: 2027-06-30")
    project = tmp_path / "project"
    project.mkdir()
    (project / "hrdeck.yaml").write_text(
        "extends: ../curriculum\ncourse: {date: 2027-09-01}\n", encoding="utf-8"
    )
    _, diagnostics = validate_and_lint(project)
    due = [d.message for d in diagnostics if d.code == "review-due"]
    assert len(due) == 1 and "the course date (2027-09-01)" in due[0]


# -- the model ----------------------------------------------------------------------------


def test_the_model_carries_objectives_credits_breaks_and_questions(tmp_path: Path) -> None:
    root = copy_valid(tmp_path)
    _placeholder(root)
    append(root, "audiences/court.yaml", "breaks: {every: 60, minutes: 5}\nlevel: advanced\n")
    model, _ = checked(root, tmp_path)
    assert model is not None
    court = model.audience("court")
    assert court is not None
    assert [(o.id, o.loc.line) for o in court.objectives] == [("positive-test", 6)]
    assert court.breaks.every == 60 and court.breaks.minutes == 5 and court.breaks.after is None
    assert court.level == "advanced"
    [credit] = court.credits
    assert credit.body == "State CLE" and credit.hours is None and credit.placeholder
    [disclosure] = model.course.disclosures
    assert disclosure.kind == "commercial-support" and disclosure.placeholder
    case = model.module("case")
    assert case is not None and case.objectives == ("positive-test",)
    first, second = model.questions
    assert (first.type, first.options, first.answer) == ("true-false", ("True", "False"), 1)
    assert second.correct.startswith("A conversation") and second.audiences == {"court"}


def test_a_project_sets_presenters_and_the_credit_fields(tmp_path: Path) -> None:
    copy_valid(tmp_path)
    project = tmp_path / "project"
    project.mkdir()
    (project / "hrdeck.yaml").write_text(
        "extends: ../curriculum\n"
        "course:\n"
        "  presenter:\n"
        "    - {name: Ana Ruiz, credentials: CPRS, bio: Peer trainer., disclosure: None.}\n"
        "    - {name: Sam Lee, email: [sam@example.org]}\n"
        "  author: {name: Original Author}\n"
        "  level: intermediate\n"
        "  evaluation_url: https://forms.example.org/eval\n",
        encoding="utf-8",
    )
    model, diagnostics = validate_and_lint(project)
    assert model is not None, text_of(diagnostics)
    course = model.course
    assert [p.name for p in course.presenters] == ["Ana Ruiz", "Sam Lee"]
    assert course.presenters[0].bio == "Peer trainer." and course.presenters[1].email == (
        "sam@example.org",
    )
    assert course.author is not None and course.author.name == "Original Author"
    assert (course.level, course.evaluation_url) == (
        "intermediate",
        "https://forms.example.org/eval",
    )


# -- choosing and ordering questions ------------------------------------------------------


def question(
    id: str,
    objective: str = "o1",
    audiences: frozenset[str] | None = None,
    modules: tuple[str, ...] = ("m",),
) -> Question:
    options = ("True", "False")
    return Question(
        id, "true-false", f"Stem {id}", options, 0, "Why.", objective, modules, audiences
    )


def test_an_audience_gets_the_questions_on_its_objectives_or_naming_it() -> None:
    court = audience("court", {"m": 5}, objectives=(Objective("o1", "One"),))
    bank = [
        question("a"),
        question("b", objective="o2"),
        question("c", objective="o2", audiences=frozenset({"court"})),
        question("d", audiences=frozenset({"peer"})),
        question("e", modules=("other",)),
    ]
    assert [q.id for q in questions_for(bank, court)] == ["a", "c", "e"]
    assert [q.id for q in questions_for(bank, court, taught={"m"})] == ["a", "c"]


def test_pre_and_post_tests_hold_the_same_items_in_different_stable_orders() -> None:
    bank = [question(f"q{i}") for i in range(8)]
    pre, post = pre_post_orders(bank, "course", "court")
    assert sorted(q.id for q in pre) == sorted(q.id for q in post) == sorted(q.id for q in bank)
    assert pre != post
    assert (pre, post) == pre_post_orders(bank, "course", "court")  # the same on every build
    assert pre_post_orders(bank, "course", "peer") != (pre, post)
    assert shuffled(bank, "course/court/pre") == pre


def test_two_questions_are_always_swapped_between_pre_and_post() -> None:
    for audience_id in ("a", "b", "c", "d", "e", "f"):
        pre, post = pre_post_orders([question("x"), question("y")], "course", audience_id)
        assert pre != post
    one = [question("only")]
    assert pre_post_orders(one, "course", "court") == (tuple(one), tuple(one))


# -- the question-bank schema -------------------------------------------------------------


def question_documents() -> list[Path]:
    """Every question file of the fixtures and the built-in curriculum."""
    fixtures = Path(__file__).parent / "fixtures"
    folders = [*fixtures.rglob("questions"), builtin_curriculum() / "questions"]
    return sorted(path for folder in folders for path in folder.glob("*.yaml"))


def test_the_questions_schema_is_valid_draft_2020_12() -> None:
    schema = load_schema("questions")
    Draft202012Validator.check_schema(schema)
    assert schema["$id"].endswith("/questions.schema.json") and schema["description"]


@pytest.mark.parametrize(
    "path", question_documents(), ids=lambda p: f"{p.parent.parent.name}/{p.name}"
)
def test_fast_check_agrees_with_jsonschema_on_question_files(path: Path) -> None:
    data, _smap, _problems = load_yaml_file(path, path.name)
    schema = load_schema("questions")
    assert schemafast.is_valid(schema, data) is reference_validator(schema).is_valid(data)
