"""The question bank (questions/*.yaml): its checks, and the :class:`Question` model.

Each file holds ``questions:``, multiple-choice or true/false items tied to one
learning objective and the modules that teach the answer.  The schema
(``questions.schema.json``) checks each item's shape; these checks need more than
one file and, like the other cross-file checks, read only well-shaped parts.

Codes: ``duplicate-id`` (a question id used twice in the bank), ``unknown-objective``
(an objective no audience defines, or one a listed audience does not have),
``unknown-module``, ``unknown-audience``, ``bad-answer`` (the answer number is not
one of the options), ``duplicate-option`` (two options say the same), ``bad-value``
(options on a true-false question), all errors;
and warnings ``objective-untested`` (an audience's objective no question tests, only
once the curriculum has a question bank) and ``question-untaught`` (a question asked
of an audience whose module list has none of the question's modules).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from hrdeck.curriculum.docdata import did_you_mean, get, indexed_dicts
from hrdeck.curriculum.load import Document, LoadedTree
from hrdeck.curriculum.model import Question
from hrdeck.curriculum.objectives import ObjectiveIndex
from hrdeck.curriculum.sourcemap import JsonPath
from hrdeck.diagnostics import Diagnostic, Loc, error, warning

TRUE_FALSE = ("True", "False")


# -- building the model ---------------------------------------------------------------


def questions_from_document(doc: Document) -> tuple[Question, ...]:
    """The questions of one valid question-bank file (answers counted from 0 from here on)."""
    data: dict[str, Any] = doc.data  # type: ignore[assignment]
    return tuple(
        _question(entry, doc, doc.smap.value(("questions", i)))
        for i, entry in enumerate(data.get("questions", ()))
    )


def _question(entry: dict[str, Any], doc: Document, loc: Loc) -> Question:
    true_false = entry["type"] == "true-false"
    options = TRUE_FALSE if true_false else tuple(entry["options"])
    answer = (0 if entry["answer"] else 1) if true_false else int(entry["answer"]) - 1
    audiences = entry.get("audiences")
    return Question(
        id=entry["id"],
        type=entry["type"],
        stem=entry["stem"],
        options=options,
        answer=answer,
        reason=entry["reason"],
        objective=entry["objective"],
        modules=tuple(entry["modules"]),
        audiences=frozenset(audiences) if audiences is not None else None,
        file=doc.display,
        loc=loc,
    )


# -- checks ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BankContext:
    """What the question checks need to know about the rest of the curriculum."""

    objectives: ObjectiveIndex
    modules: Collection[str]  # module ids
    audiences: Sequence[str]  # audience ids
    usage: Mapping[str, Collection[str]]  # module id -> audiences whose list names it
    unsure: bool  # some module or audience file is unreadable: skip "unknown" errors


@dataclass(frozen=True)
class _Item:
    """One readable question of the bank, where it is, and whom it is asked of."""

    doc: Document
    path: JsonPath
    data: dict[str, object]
    asked_of: frozenset[str]


def check_questions(tree: LoadedTree, context: BankContext) -> list[Diagnostic]:
    """Every cross-file diagnostic of the question bank."""
    items = _items(tree, context)
    problems = _duplicate_ids(items)
    for item in items:
        problems += _check_item(item, context)
    if tree.questions and not any(not doc.ok for doc in tree.questions):
        problems += _untested_objectives(items, context.objectives)
    return problems


def _items(tree: LoadedTree, context: BankContext) -> list[_Item]:
    found = []
    for doc in tree.questions:
        for i, data in indexed_dicts(get(doc, "questions")):
            found.append(_Item(doc, ("questions", i), data, _asked_of(data, context)))
    return found


def _asked_of(data: dict[str, object], context: BankContext) -> frozenset[str]:
    listed = data.get("audiences")
    if isinstance(listed, list):
        return frozenset(a for a in listed if isinstance(a, str))
    objective = data.get("objective")
    if not isinstance(objective, str):
        return frozenset()
    return frozenset(context.objectives.audiences_of(objective))


def _loc(item: _Item, *keys: str | int) -> Loc:
    return item.doc.smap.value((*item.path, *keys))


def _duplicate_ids(items: list[_Item]) -> list[Diagnostic]:
    seen: dict[str, Loc] = {}
    problems = []
    for item in items:
        key = item.data.get("id")
        if not isinstance(key, str):
            continue
        if key in seen:
            message = f"question id '{key}' is already used at {seen[key]}"
            hint = "question ids must be unique across the question bank"
            problems.append(error(_loc(item, "id"), "duplicate-id", message, hint))
        seen.setdefault(key, _loc(item, "id"))
    return problems


def _check_item(item: _Item, context: BankContext) -> list[Diagnostic]:
    return [
        *_objective(item, context),
        *_modules(item, context),
        *_audiences(item, context),
        *_answer(item),
        *_true_false_options(item),
        *_duplicate_options(item),
        *_untaught(item, context),
    ]


def _objective(item: _Item, context: BankContext) -> list[Diagnostic]:
    key = item.data.get("objective")
    if not isinstance(key, str) or context.unsure:
        return []
    known = context.objectives.ids
    if key not in known:
        message = f"'{key}' is not the id of any audience's objective"
        hint = did_you_mean(key, known, "objective ids")
        return [error(_loc(item, "objective"), "unknown-objective", message, hint)]
    lacking = sorted(
        a for a in item.asked_of if a in context.audiences and not context.objectives.has(a, key)
    )
    if not lacking:
        return []
    names = ", ".join(lacking)
    message = f"'{key}' is not an objective of {names}, which this question is asked of"
    having = ", ".join(sorted(context.objectives.audiences_of(key)))
    hint = f"'{key}' belongs to {having}: list only those in 'audiences', or leave it out"
    return [error(_loc(item, "objective"), "unknown-objective", message, hint)]


def _modules(item: _Item, context: BankContext) -> list[Diagnostic]:
    listed = item.data.get("modules")
    if not isinstance(listed, list) or context.unsure:
        return []
    known = sorted(context.modules)
    problems = []
    for i, key in enumerate(listed):
        if isinstance(key, str) and key not in context.modules:
            message = f"'{key}' is not the id of any module"
            hint = did_you_mean(key, known, "module ids")
            problems.append(error(_loc(item, "modules", i), "unknown-module", message, hint))
    return problems


def _audiences(item: _Item, context: BankContext) -> list[Diagnostic]:
    listed = item.data.get("audiences")
    if not isinstance(listed, list) or context.unsure or not context.audiences:
        return []
    problems = []
    for i, key in enumerate(listed):
        if isinstance(key, str) and key not in context.audiences:
            message = f"'{key}' is not an audience"
            hint = did_you_mean(key, list(context.audiences), "audiences")
            problems.append(error(_loc(item, "audiences", i), "unknown-audience", message, hint))
    return problems


def _true_false_options(item: _Item) -> list[Diagnostic]:
    if item.data.get("type") != "true-false" or "options" not in item.data:
        return []
    message = "a true-false question has no 'options': they are always True and False"
    hint = "remove 'options', or write 'type: multiple-choice'"
    return [error(item.doc.smap.key((*item.path, "options")), "bad-value", message, hint)]


def _answer(item: _Item) -> list[Diagnostic]:
    answer, options = item.data.get("answer"), item.data.get("options")
    if item.data.get("type") != "multiple-choice" or not isinstance(options, list):
        return []
    if not isinstance(answer, int) or isinstance(answer, bool) or 1 <= answer <= len(options):
        return []
    count = len(options)
    message = f"answer {answer} is not one of the options: this question has {count} options"
    hint = f"'answer' is the number of the correct option, counting from 1 (1 to {count})"
    return [error(_loc(item, "answer"), "bad-answer", message, hint)]


def _duplicate_options(item: _Item) -> list[Diagnostic]:
    options = item.data.get("options")
    seen: dict[str, int] = {}
    problems = []
    for i, option in enumerate(options if isinstance(options, list) else []):
        if not isinstance(option, str):
            continue
        key = " ".join(option.casefold().split())
        if key in seen:
            message = f"option {i + 1} says the same as option {seen[key] + 1}: '{option}'"
            hint = "each option must be a different answer"
            problems.append(error(_loc(item, "options", i), "duplicate-option", message, hint))
        seen.setdefault(key, i)
    return problems


def _untaught(item: _Item, context: BankContext) -> list[Diagnostic]:
    listed = item.data.get("modules")
    if not isinstance(listed, list) or context.unsure:
        return []
    modules = [m for m in listed if isinstance(m, str) and m in context.modules]
    if len(modules) < len(listed):
        return []  # an unknown module is reported already
    problems = []
    for audience in sorted(item.asked_of):
        if not any(audience in context.usage.get(m, ()) for m in modules):
            message = (
                f"this question is asked of {audience}, whose module list has none of "
                f"its modules ({', '.join(modules)})"
            )
            hint = f"add a module that teaches it to audiences/{audience}.yaml, or list "
            hint += "the module that does in 'modules'"
            problems.append(warning(_loc(item, "modules"), "question-untaught", message, hint))
    return problems


def _untested_objectives(items: list[_Item], index: ObjectiveIndex) -> list[Diagnostic]:
    tested = {
        (audience, key)
        for item in items
        if isinstance(key := item.data.get("objective"), str)
        for audience in item.asked_of
    }
    problems = []
    for audience, listed in index.by_audience.items():
        for key, loc in listed:
            if (audience, key) not in tested:
                message = f"no question in the question bank tests {audience}'s objective '{key}'"
                hint = f"add a question with 'objective: {key}' to a file in questions/"
                problems.append(warning(loc, "objective-untested", message, hint))
    return problems
