"""Pre-test, post-test and answer key from the session's question bank.

Both tests hold every question, in the orders the plan chose (``session.pretest`` and
``session.posttest``: the same items shuffled apart, the same on every build). A session
made by hand without orders gets them from a hash of the kit's seed, the test's name and
the question id (no random state, no dependence on Python's hash seed). The answer key
maps each question to its number on both tests, with the answer, the reason and the
learning objective it checks.
"""

from __future__ import annotations

import hashlib
import string
from typing import Literal

from hrdeck.outputs.kit.blocks import (
    TICK_BOX,
    Column,
    add_row,
    cell_paragraph,
    para,
    styled_run,
    table,
    write_pair,
)
from hrdeck.outputs.kit.checks import require_valid
from hrdeck.outputs.kit.common import masthead
from hrdeck.outputs.kit.docbase import KitDocument, new_document
from hrdeck.outputs.kit.model import Kit
from hrdeck.outputs.kit.package import document_bytes
from hrdeck.plan.session import QuestionPlan

Variant = Literal["pre", "post"]
LETTERS = string.ascii_uppercase
INSTRUCTIONS = {
    "pre": (
        "Tick the box of the one best answer. This is not a grade: we compare it with the "
        "post-test to see what the session teaches. Take about five minutes."
    ),
    "post": (
        "Tick the box of the one best answer. These are the pre-test's questions in a "
        "different order; answer them with what you know now."
    ),
}


def question_order(kit: Kit, variant: Variant) -> list[QuestionPlan]:
    """The questions in the order ``variant`` prints them: the session's, else by seed."""
    session = kit.session
    given = session.pretest if variant == "pre" else session.posttest
    if given:
        by_id = {question.id: question for question in session.questions}
        return [by_id[question_id] for question_id in given]
    questions = session.questions
    ordered = sorted(questions, key=lambda q: _rank(kit.shuffle_seed, variant, q.id))
    if variant == "post" and len(ordered) > 1 and ordered == question_order(kit, "pre"):
        ordered = ordered[1:] + ordered[:1]
    return ordered


def _rank(seed: str, variant: str, question_id: str) -> str:
    return hashlib.sha256(f"{seed}\x1f{variant}\x1f{question_id}".encode()).hexdigest()


def write_pretest(kit: Kit) -> bytes:
    """The pre-test as .docx bytes."""
    return _write_test(kit, "pre")


def write_posttest(kit: Kit) -> bytes:
    """The post-test as .docx bytes."""
    return _write_test(kit, "post")


def _write_test(kit: Kit, variant: Variant) -> bytes:
    require_valid(kit)
    kd = new_document(kit)
    name = "Pre-test" if variant == "pre" else "Post-test"
    masthead(kd, name)
    write_pair(kd, "Name", "Role")
    para(kd, INSTRUCTIONS[variant], "Kit Panel")
    for number, question in enumerate(question_order(kit, variant), start=1):
        _item(kd, number, question)
    para(kd, "Thank you. Please hand this sheet to the trainer.", "Kit Small")
    title = f"{kit.session.course_title}: {name.lower()}"
    return document_bytes(kd, title, kit.session.audience_label)


def _item(kd: KitDocument, number: int, question: QuestionPlan) -> None:
    stem = para(kd, style="Kit Question")
    styled_run(stem, f"{number}.\t", "Kit Strong")
    stem.add_run(question.stem)
    last = len(question.options) - 1
    for index in range(last + 1):
        style = "Kit Option Last" if index == last else "Kit Option"
        option = para(kd, style=style)
        styled_run(option, TICK_BOX, "Kit Tick Box")
        option.add_run(f"\t{choice_label(question, index)}")


def choice_label(question: QuestionPlan, index: int) -> str:
    """``B. Methadone, …`` for multiple choice; ``True`` / ``False`` as they are."""
    choice = question.options[index]
    return choice if question.type == "true-false" else f"{LETTERS[index]}. {choice}"


def write_answer_key(kit: Kit) -> bytes:
    """The facilitator's answer key as .docx bytes."""
    require_valid(kit)
    kd = new_document(kit)
    masthead(kd, "Answer key · facilitator copy", compact=True)
    para(kd, "Keep this page with the trainer; do not hand it out.", "Kit Panel")
    _objective_list(kd)
    _key_table(kd)
    title = f"{kit.session.course_title}: answer key"
    return document_bytes(kd, title, kit.session.audience_label)


def _objective_list(kd: KitDocument) -> None:
    para(kd, "Objectives the questions check", "Heading 2")
    covered = {question.objective for question in kd.kit.session.questions}
    for number, objective in enumerate(kd.kit.session.objectives, start=1):
        note = "" if objective.id in covered else "  (no question checks this objective)"
        para(kd, f"O{number}\t{objective.text}{note}", "Kit Key Objective")


def _key_table(kd: KitDocument) -> None:
    kit = kd.kit
    para(kd, "Answers", "Heading 2")
    pre = {q.id: n for n, q in enumerate(question_order(kit, "pre"), start=1)}
    post = {q.id: n for n, q in enumerate(question_order(kit, "post"), start=1)}
    objective_numbers = {o.id: n for n, o in enumerate(kit.session.objectives, start=1)}
    width = kd.page.text_width
    columns = [
        Column("Pre", 0.45, center=True),
        Column("Post", 0.5, center=True),
        Column("Question and answer", width - 0.45 - 0.5 - 2.35 - 0.45),
        Column("Why", 2.35),
        Column("Obj.", 0.45, center=True),
    ]
    grid = table(kd, columns, "Answer key: item numbers, answers, reasons and objectives")
    for question in question_order(kit, "pre"):
        cells = [
            str(pre[question.id]),
            str(post[question.id]),
            question.stem,
            question.reason,
            f"O{objective_numbers[question.objective]}",
        ]
        row = add_row(grid, cells, centers=(True, True, False, False, True))
        answer = cell_paragraph(row.cells[2])
        styled_run(answer, "Answer: " + choice_label(question, question.answer), "Kit Strong")
        cell_paragraph(row.cells[2], "Kit Table Note").add_run(f"Item id: {question.id}")
