"""Knowledge checks in the deck: a question slide, then its answer with the reason.

Optional: an audience asks for them (``knowledge_checks: true`` in its file) or a
build does (``hrdeck build --quiz``).  The questions are the audience's from the
question bank (:func:`hrdeck.curriculum.quiz.questions_for`), only those a kept module
teaches.  Each pair goes right after the last module of the session that teaches
its answer: people recall what they just learned (retrieval practice), the checks
are spread through the session instead of piled at the end, and a module left out
of a short session takes its questions with it.  The pair takes a small share of
that module's minutes (about a minute for a ten-minute module).
"""

from __future__ import annotations

from hrdeck.curriculum.model import Question
from hrdeck.curriculum.quiz import questions_for
from hrdeck.plan.makers import Context, Draft
from hrdeck.plan.types import Block, SlidePlan
from hrdeck.richtext import Para, Run
from hrdeck.tailor import Tailored, TailoredModule

LETTERS = "ABCDEF"
CHECK_WEIGHT = 0.25  # each slide's share of the module's minutes, against 1 per slide


def checks_wanted(tailored: Tailored) -> bool:
    return tailored.session.knowledge_checks or tailored.audience.knowledge_checks


def placed_questions(tailored: Tailored) -> list[tuple[str, Question]]:
    """(module id, question) in deck order: each question after its last taught module."""
    order = {m.module.id: i for i, m in enumerate(tailored.modules)}
    taught = set(order)
    asked = questions_for(tailored.curriculum.questions, tailored.audience, taught)
    placed = [(max((m for m in q.modules if m in taught), key=order.__getitem__), q) for q in asked]
    return sorted(placed, key=lambda pair: order[pair[0]])  # stable: bank order within


def knowledge_checks(ctx: Context, tm: TailoredModule) -> list[Draft]:
    """The question and answer slides that follow module `tm`, when checks are wanted."""
    if not checks_wanted(ctx.tailored):
        return []
    placed = placed_questions(ctx.tailored)
    drafts = []
    for number, (module_id, question) in enumerate(placed, start=1):
        if module_id == tm.module.id:
            label = f"Knowledge check ({number} of {len(placed)})"
            drafts += [_question(tm, question, label), _answer(tm, question, label)]
    return drafts


def _slide(tm: TailoredModule, kind: str, title: str, body: tuple[Para, ...], notes: str) -> Draft:
    spec = SlidePlan(
        kind,
        title,
        tm.module.id,
        tm.module.loc,
        blocks=(Block("body", body),),
        notes=(Para((Run(notes),)),),
        module_title=title,
    )
    return Draft(spec, weight=CHECK_WEIGHT)


def _question(tm: TailoredModule, question: Question, label: str) -> Draft:
    stem = Para((Run(question.stem, bold=True),))
    if question.type == "true-false":
        stem = Para((Run("True or false? ", bold=True), Run(question.stem)))
    options = tuple(
        Para((Run(f"{LETTERS[i]}. ", bold=True), Run(option)))
        for i, option in enumerate(question.options)
    )
    notes = (
        "Ask the room to answer: a show of hands for each letter, or a card held up. "
        "Give them 20 seconds, then show the answer."
    )
    return _slide(tm, "check-question", label, (stem, *options), notes)


def _answer(tm: TailoredModule, question: Question, label: str) -> Draft:
    letter = LETTERS[question.answer]
    answer = Para((Run("Answer: ", bold=True), Run(f"{letter}. {question.correct}", bold=True)))
    reason = Para((Run(question.reason),))
    notes = (
        "Read the reason aloud. Ask who answered differently and why: "
        "a wrong answer said out loud is a misunderstanding you can still fix."
    )
    return _slide(tm, "check-answer", f"{label}: answer", (answer, reason), notes)
