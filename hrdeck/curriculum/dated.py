"""Statements that go stale, and settings still to be completed.

A fact (``facts:`` on a slide, shown with its date), a stat (``stats:``), a chart's data
(``chart:``) or a dated statement (a module's ``dated:`` list, for statistics, legal
and policy statements inside its text) has ``as_of`` and ``review_by``.  Once the
course date or today is past ``review_by``, ``hrdeck validate`` says so, naming which
of the two, so a stale figure never reaches a room silently.  A text starting with
``TBD:`` anywhere in the curriculum (credit statements, disclosures, ...) is a
placeholder the agency still has to complete, and is reported for as long as it
stays one.

Codes: ``review-due`` and ``placeholder`` (warnings); ``review-before-as-of`` (an
error).  A date that does not exist (2025-02-30) is the schema's ``bad-date``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from hrdeck.curriculum.load import Document, LoadedTree
from hrdeck.curriculum.model import PLACEHOLDER_MARK, is_placeholder
from hrdeck.curriculum.sourcemap import JsonPath
from hrdeck.diagnostics import Diagnostic, error, warning

DATED_LISTS = frozenset({"facts", "dated", "stats"})  # lists of dated statements
DATED_MAPPINGS = frozenset({"chart"})  # a dated statement of its own
KIND_NAMES = {"statistic": "statistic", "legal": "legal statement", "policy": "policy statement"}


def check_dates(tree: LoadedTree, course_date: str | None, today: date) -> list[Diagnostic]:
    """Review-date diagnostics of every dated statement of the tree's modules."""
    course_day = _day(course_date)
    problems: list[Diagnostic] = []
    for doc in tree.modules:
        for path, fact in _dated(doc.data, ()):
            problems += _check_fact(doc, path, fact, course_day, today)
    return problems


def _dated(node: object, path: JsonPath) -> Iterator[tuple[JsonPath, dict[str, object]]]:
    """Every mapping in a ``facts`` or ``dated`` list, at any depth."""
    if isinstance(node, dict):
        for key, child in node.items():
            if key in DATED_LISTS and isinstance(child, list):
                for i, entry in enumerate(child):
                    if isinstance(entry, dict):
                        yield (*path, key, i), entry
            elif key in DATED_MAPPINGS and isinstance(child, dict):
                yield (*path, key), child
            else:
                yield from _dated(child, (*path, key))
    elif isinstance(node, list):
        for i, child in enumerate(node):
            yield from _dated(child, (*path, i))


def _day(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _check_fact(
    doc: Document, path: JsonPath, fact: dict[str, object], course: date | None, today: date
) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    as_of, review_by = _day(fact.get("as_of")), _day(fact.get("review_by"))
    if review_by is None:
        return problems
    loc = doc.smap.value((*path, "review_by"))
    if as_of is not None and review_by < as_of:
        message = f"'review_by' ({review_by}) is before 'as_of' ({as_of})"
        hint = "review_by is the date to check the statement again, after it was true"
        return [*problems, error(loc, "review-before-as-of", message, hint)]
    past = _past(review_by, course, today)
    if past:
        message = f"{_what(fact)} is due for review: {past} past its review date, {review_by}"
        hint = "check it against its source, then update the text, 'as_of' and 'review_by'"
        problems.append(warning(loc, "review-due", message, hint))
    return problems


def _past(review_by: date, course: date | None, today: date) -> str:
    """Which of the course date and today are past ``review_by``, worded; '' if neither."""
    course_past = course is not None and course > review_by
    today_past = today > review_by
    if course_past and today_past:
        return f"the course date ({course}) and today ({today}) are"
    if course_past:
        return f"the course date ({course}) is"
    return f"today ({today}) is" if today_past else ""


def _what(fact: dict[str, object]) -> str:
    kind = KIND_NAMES.get(str(fact.get("kind", "statistic")), "statement")
    if "series" in fact:
        return f"the data of the {kind} chart"
    claim = fact.get("claim")
    if claim is None and "value" in fact:  # a stat: its number and label
        label = fact.get("label")
        label = label.get("default") if isinstance(label, dict) else label
        claim = f"{fact['value']} {label or ''}"
    if isinstance(claim, dict):
        claim = claim.get("default") or next(iter(claim.values()), "")
    text = " ".join(str(claim or "").split())
    short = text if len(text) <= 60 else text[:59] + "…"
    return f"the {kind} '{short}'"


# -- placeholders ---------------------------------------------------------------------


def check_placeholders(documents: list[Document]) -> list[Diagnostic]:
    """A ``placeholder`` warning for every text that starts with ``TBD:``."""
    problems = []
    for doc in documents:
        for path, text in _strings(doc.data, ()):
            if is_placeholder(text):
                short = text if len(text) <= 60 else text[:59] + "…"
                field = next((str(k) for k in reversed(path) if isinstance(k, str)), "a text")
                message = f"'{field}' is still a placeholder: '{short}'"
                hint = f"replace it ('{PLACEHOLDER_MARK}' too) with the real text before presenting"
                problems.append(warning(doc.smap.value(path), "placeholder", message, hint))
    return problems


def tree_documents(tree: LoadedTree) -> list[Document]:
    """Every readable document of a tree: course, audiences, modules, questions."""
    course = [tree.course] if tree.course is not None else []
    every = [*course, *tree.audiences, *tree.modules, *tree.questions]
    return [doc for doc in every if doc.ok]


def _strings(node: object, path: JsonPath) -> Iterator[tuple[JsonPath, str]]:
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, child in node.items():
            yield from _strings(child, (*path, key))
    elif isinstance(node, list):
        for i, child in enumerate(node):
            yield from _strings(child, (*path, i))
