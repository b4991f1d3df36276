"""Choosing an audience's knowledge-check questions, and ordering them for pre/post tests.

Pure functions of the model.  A question is asked of an audience when it lists the
audience (or lists none and the audience has its objective), and, in a time-boxed
session, when at least one of its modules is taught.  The pre-test and post-test
hold the same items in different orders, each a deterministic shuffle seeded by
course id, audience and "pre" or "post", so every build gives the same tests.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence

from hrdeck.curriculum.model import Audience, Question


def asked_of(question: Question, audience: Audience) -> bool:
    """Whether the question belongs to this audience's bank."""
    if question.audiences is not None:
        return audience.id in question.audiences
    return audience.objective(question.objective) is not None


def questions_for(
    questions: Sequence[Question], audience: Audience, taught: Collection[str] | None = None
) -> tuple[Question, ...]:
    """The audience's questions in bank order; with ``taught`` (module ids), only those
    whose answer one of the taught modules teaches."""
    return tuple(
        q
        for q in questions
        if asked_of(q, audience) and (taught is None or any(m in taught for m in q.modules))
    )


def shuffled(questions: Sequence[Question], seed: str) -> tuple[Question, ...]:
    """A deterministic shuffle: the same seed always gives the same order."""
    order = list(questions)
    random.Random(seed).shuffle(order)
    return tuple(order)


def pre_post_orders(
    questions: Sequence[Question], course_id: str, audience_id: str
) -> tuple[tuple[Question, ...], tuple[Question, ...]]:
    """(pre-test, post-test): the same questions, shuffled apart.

    With two or more questions the post-test order always differs from the pre-test's
    (the seed gets a counter until it does).
    """
    base = f"{course_id}/{audience_id}"
    pre = shuffled(questions, f"{base}/pre")
    post = shuffled(questions, f"{base}/post")
    attempt = 1
    while len(questions) > 1 and post == pre:
        post = shuffled(questions, f"{base}/post/{attempt}")
        attempt += 1
    return pre, post
