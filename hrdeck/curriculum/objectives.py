"""Learning objectives: ids that are unique, named correctly, and served by a module.

Each audience file lists its objectives as ``{id, text}``; a module lists the ids of
the objectives it serves (``objectives: [part2-routes]``), whatever audience they
belong to.  The same id in two audience files names the same objective (worded for
each audience).  Like the other cross-file checks, these read only the parts of a
document that have the expected shape, so they run even when a file broke its schema.

Codes: ``duplicate-id`` (an objective id twice in one audience file),
``unknown-objective`` (error: a module names an id no audience defines) and
``objective-unclaimed`` (warning, at the objective: no module of that audience's
list claims it, so nothing in its deck teaches it).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from hrdeck.curriculum.docdata import did_you_mean, get, indexed_dicts
from hrdeck.curriculum.load import Document, LoadedTree
from hrdeck.diagnostics import Diagnostic, Loc, error, warning


@dataclass
class ObjectiveIndex:
    """Every audience's objectives, by audience id (the audience file's name)."""

    by_audience: dict[str, list[tuple[str, Loc]]] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)

    @property
    def ids(self) -> list[str]:
        """Every objective id, sorted, once."""
        return sorted({key for listed in self.by_audience.values() for key, _ in listed})

    def audiences_of(self, objective_id: str) -> set[str]:
        return {a for a, listed in self.by_audience.items() if _has(listed, objective_id)}

    def has(self, audience: str, objective_id: str) -> bool:
        return _has(self.by_audience.get(audience, []), objective_id)


def _has(listed: list[tuple[str, Loc]], objective_id: str) -> bool:
    return any(key == objective_id for key, _ in listed)


def index_objectives(tree: LoadedTree) -> tuple[ObjectiveIndex, list[Diagnostic]]:
    """The objectives of every readable audience file, and duplicate ids within one."""
    index = ObjectiveIndex()
    problems: list[Diagnostic] = []
    for doc in tree.audiences:
        if not doc.ok:
            continue
        listed: list[tuple[str, Loc]] = []
        for i, entry in indexed_dicts(get(doc, "objectives")):
            key = entry.get("id")
            if not isinstance(key, str):
                continue
            loc = doc.smap.value(("objectives", i, "id"))
            first = next((where for seen, where in listed if seen == key), None)
            if first is not None:
                message = f"objective id '{key}' is already used on line {first.line}"
                hint = "objective ids must be unique within an audience file"
                problems.append(error(loc, "duplicate-id", message, hint))
            listed.append((key, loc))
        index.by_audience[doc.path.stem] = listed
        index.documents[doc.path.stem] = doc
    return index, problems


def check_module_objectives(
    tree: LoadedTree, index: ObjectiveIndex, audiences_unsure: bool
) -> list[Diagnostic]:
    """``unknown-objective`` for every module naming an id no audience defines.

    ``audiences_unsure``: an audience file could not be read, so an id it might define
    is not reported.
    """
    if audiences_unsure:
        return []
    known = index.ids
    problems = []
    for doc in tree.modules:
        listed = get(doc, "objectives") if doc.ok else None
        for i, key in enumerate(listed if isinstance(listed, list) else []):
            if isinstance(key, str) and key not in known:
                message = f"'{key}' is not the id of any audience's objective"
                hint = did_you_mean(key, known, "objective ids")
                loc = doc.smap.value(("objectives", i))
                problems.append(error(loc, "unknown-objective", message, hint))
    return problems


def check_claims(
    index: ObjectiveIndex, claims: Mapping[str, Collection[str]], modules_unsure: bool
) -> list[Diagnostic]:
    """``objective-unclaimed`` for each objective no module of its audience serves.

    ``claims``: module id -> the objective ids it lists.  ``modules_unsure``: a module
    file could not be read, so its claims are unknown and nothing is reported.
    """
    if modules_unsure:
        return []
    problems = []
    for audience, listed in index.by_audience.items():
        used = _module_ids(index.documents[audience])
        served = {key for module in used for key in claims.get(module, ())}
        for key, loc in listed:
            if key not in served:
                message = f"no module of {audience}'s list serves the objective '{key}'"
                hint = f"add 'objectives: [{key}]' to the module that teaches it"
                problems.append(warning(loc, "objective-unclaimed", message, hint))
    return problems


def module_claims(tree: LoadedTree) -> dict[str, list[str]]:
    """Module id -> the objective ids the module lists (readable modules only)."""
    claims: dict[str, list[str]] = {}
    for doc in tree.modules:
        module_id, listed = get(doc, "id"), get(doc, "objectives")
        if isinstance(module_id, str) and isinstance(listed, list):
            claims[module_id] = [key for key in listed if isinstance(key, str)]
    return claims


def _unreadable_objectives(doc: Document) -> bool:
    """Objectives the schema check reports (e.g. plain strings without ids)."""
    listed = get(doc, "objectives")
    if listed is None:
        return False
    entries = listed if isinstance(listed, list) else [None]
    return any(not isinstance(e, dict) or not isinstance(e.get("id"), str) for e in entries)


def _module_ids(doc: Document) -> list[str]:
    entries = indexed_dicts(get(doc, "modules"))
    return [m for _, entry in entries if isinstance(m := entry.get("id"), str)]


def check_objectives(tree: LoadedTree) -> tuple[ObjectiveIndex, list[Diagnostic]]:
    """All objective diagnostics of a loaded tree, and the index the question checks use."""
    index, problems = index_objectives(tree)
    audiences_unsure = not tree.audiences or any(
        not doc.ok or _unreadable_objectives(doc) for doc in tree.audiences
    )
    modules_unsure = not tree.modules or any(not doc.ok for doc in tree.modules)
    problems += check_module_objectives(tree, index, audiences_unsure)
    problems += check_claims(index, module_claims(tree), modules_unsure)
    return index, problems
