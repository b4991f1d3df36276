"""The question bank as Moodle GIFT text, for import into a learning management system.

One category per course and audience; each question carries its id as the question name
and as Moodle's ``[id:...]``, its learning objective as a ``[tag:...]``, plain-text format,
the right answer marked ``=`` (``TRUE``/``FALSE`` for true/false) and the reason as general
feedback. GIFT's control characters (``~ = # { } :`` and backslash) are escaped, and line
breaks are written as ``\\n``, so any text survives the round trip.
"""

from __future__ import annotations

from hrdeck.outputs.kit.checks import require_valid
from hrdeck.outputs.kit.model import Kit
from hrdeck.plan.session import ObjectivePlan, QuestionPlan

SPECIAL = "\\~=#{}:"


def gift_escape(text: str) -> str:
    """Text as GIFT needs it: control characters behind a backslash, newlines as ``\\n``."""
    escaped = "".join("\\" + char if char in SPECIAL else char for char in text)
    return escaped.replace("\r\n", "\n").replace("\n", "\\n")


def write_gift(kit: Kit) -> bytes:
    """The kit's question bank as GIFT, UTF-8 encoded."""
    require_valid(kit)
    objectives = {objective.id: objective for objective in kit.session.objectives}
    questions = kit.session.questions
    blocks = [_preamble(kit)]
    blocks += [_question(question, objectives[question.objective]) for question in questions]
    return ("\n\n".join(blocks) + "\n").encode("utf-8")


def _preamble(kit: Kit) -> str:
    session = kit.session
    count = len(session.questions)
    course, audience = _comment(session.course_title), _comment(session.audience_label)
    category = "/".join(
        _category_part(part) for part in (session.course_title, session.audience_label)
    )
    return "\n".join(
        [
            f"// {course}: question bank for {audience}",
            f"// {count} questions, written by hrdeck for Moodle's GIFT import",
            f"$CATEGORY: $course$/top/{category}",
        ]
    )


def _category_part(name: str) -> str:
    """Moodle splits category paths at '/'; a literal slash is written '//'."""
    return " ".join(name.split()).replace("/", "//")


def _comment(text: str) -> str:
    return " ".join(text.split())


def _question(question: QuestionPlan, objective: ObjectivePlan) -> str:
    header = [
        f"// [id:{question.id}] [tag:{question.objective}]",
        f"// objective: {_comment(objective.text)}",
        f"::{gift_escape(question.id)}::[plain]{gift_escape(question.stem)} {{",
    ]
    feedback = f"\t####{gift_escape(question.reason)}"
    return "\n".join([*header, *_answers(question), feedback, "}"])


def _answers(question: QuestionPlan) -> list[str]:
    if question.type == "true-false":
        return ["\tTRUE" if question.options[question.answer] == "True" else "\tFALSE"]
    marks = ["=" if index == question.answer else "~" for index in range(len(question.options))]
    return [
        f"\t{mark}{gift_escape(choice)}"
        for mark, choice in zip(marks, question.options, strict=True)
    ]
