"""The language linter: flag stigmatizing terms in curriculum text, by audience.

Two levels:

* :func:`hrdeck.lint.text.lint_text` checks one string against the rules
  (``hrdeck/lint/language.yaml``, the table of domain brief §1.3, loaded by
  :mod:`hrdeck.lint.rules`) and returns :class:`Finding` objects with offsets; it
  applies the quotation, myth, citation, allowlist and per-rule exemptions.
* :func:`lint_curriculum` (or :func:`lint_tree` on an already loaded tree) walks
  every string of every YAML file with its JSON path, works out which audiences see
  it, locates each finding to the word (:mod:`hrdeck.lint.locate`), applies
  ``# hrdeck: allow L13 -- reason`` comments and returns
  :class:`~hrdeck.diagnostics.Diagnostic` objects coded ``lang-<rule id>``.

Audiences: with ``audience=None`` every audience the curriculum defines is linted at
once.  Each finding is reported once, at the highest severity any audience that sees
the text gives it; when audiences differ the message says so, e.g. ``(info for
court)``, and audiences for which the rule is off, or whose ``vocabulary`` rewrites
the term, are named as ``(not flagged for court)``.  Text shown to only some
audiences (an ``audiences:`` filter, a ``{default:, court:}`` variant, an audience
file, a module listed by only some audiences) is judged only for those.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from hrdeck.curriculum.load import Document, LoadedTree, load_tree
from hrdeck.curriculum.sourcemap import JsonPath
from hrdeck.diagnostics import Diagnostic, Loc, Severity, sort_diagnostics
from hrdeck.errors import UsageError
from hrdeck.lint.locate import SourceText
from hrdeck.lint.rules import RuleSet, load_rules
from hrdeck.lint.text import Finding, TextContext, lint_text
from hrdeck.lint.waivers import Waiver, read_waivers

_TIERS: tuple[Severity, ...] = ("error", "warning", "info")
_SKIP_KEYS = frozenset({"id", "kind", "key", "cite", "audiences", "minutes", "as_of", "instead_of"})


# -- a curriculum --------------------------------------------------------------------


@dataclass
class _Scalar:
    """One string of a document, and the audiences that see it."""

    path: JsonPath
    text: str
    audiences: frozenset[str]


@dataclass
class _FileLint:
    """State while linting one document: its raw text and waivers."""

    doc: Document
    source: SourceText
    vocabulary: Mapping[str, re.Pattern[str]]  # audience -> terms its deck rewrites
    waivers: dict[int, list[Waiver]] = field(default_factory=dict)


def lint_curriculum(
    root: Path, audience: str | None = None, display_base: Path | None = None
) -> list[Diagnostic]:
    """Lint every YAML file under ``root``; problems loading the files come first.

    ``audience=None`` lints for every audience the curriculum defines (see the
    module docstring); an audience it does not define is a :class:`UsageError`.
    """
    from hrdeck.curriculum.layers import is_project, load_layers

    if is_project(root):
        tree, _, problems = load_layers(root)
    else:
        tree, problems = load_tree(root, display_base)
    return sort_diagnostics([*problems, *lint_tree(tree, audience)])


@dataclass
class LintMemo:
    """Findings of documents already linted, for a long-lived process (``hrdeck watch``):
    a file whose text, audiences and vocabulary are unchanged is not linted again."""

    rules: RuleSet | None = None
    found: dict[tuple[object, ...], list[Diagnostic]] = field(default_factory=dict)
    most: int = 4096  # entries kept; an editing session rarely comes near

    def remember(self, key: tuple[object, ...], findings: list[Diagnostic]) -> None:
        if len(self.found) >= self.most:
            self.found.clear()
        self.found[key] = findings


def lint_tree(
    tree: LoadedTree,
    audience: str | None = None,
    rules: RuleSet | None = None,
    memo: LintMemo | None = None,
) -> list[Diagnostic]:
    """Lint an already loaded curriculum (so ``validate`` can share one load)."""
    if memo is not None:
        rules = memo.rules = rules or memo.rules or load_rules()
    rules = rules or load_rules()
    every = _audience_ids(tree)
    if audience is not None and every and audience not in every:
        known = ", ".join(sorted(every))
        raise UsageError(f"unknown audience '{audience}' (this curriculum has: {known})")
    listed = _modules_by_audience(tree)
    vocabulary = _vocabularies(tree)
    words = tuple(sorted((key, pattern.pattern) for key, pattern in vocabulary.items()))
    diagnostics: list[Diagnostic] = []
    for doc, seen_by in _documents(tree, every, listed):
        text = _read(doc)
        key = (doc.path, doc.display, text, seen_by, words, audience, every)
        if memo is not None and key in memo.found:
            diagnostics += memo.found[key]
            continue
        state = _FileLint(doc, SourceText(text, doc.display), vocabulary)
        found = _lint_document(state, seen_by, rules, audience, every)
        if memo is not None:
            memo.remember(key, found)
        diagnostics += found
    return sort_diagnostics(diagnostics)


def _audience_ids(tree: LoadedTree) -> frozenset[str]:
    return frozenset(_doc_id(doc) for doc in tree.audiences if doc.ok)


def _doc_id(doc: Document) -> str:
    data = doc.data if isinstance(doc.data, dict) else {}
    value = data.get("id")
    return value if isinstance(value, str) else doc.path.stem


def _modules_by_audience(tree: LoadedTree) -> dict[str, frozenset[str]]:
    """Module id -> the audiences whose ``modules`` list names it."""
    listed: dict[str, set[str]] = {}
    for doc in tree.audiences:
        refs = doc.data.get("modules") if isinstance(doc.data, dict) else None
        for ref in refs if isinstance(refs, list) else []:
            if isinstance(ref, dict) and isinstance(ref.get("id"), str):
                listed.setdefault(ref["id"], set()).add(_doc_id(doc))
    return {key: frozenset(value) for key, value in listed.items()}


def _documents(
    tree: LoadedTree, every: frozenset[str], listed: Mapping[str, frozenset[str]]
) -> Iterator[tuple[Document, frozenset[str]]]:
    if tree.course is not None and tree.course.ok:
        yield tree.course, every
    for doc in tree.audiences:
        if doc.ok:
            yield doc, frozenset({_doc_id(doc)})
    for doc in tree.modules:
        if doc.ok:
            yield doc, listed.get(_doc_id(doc)) or every
    for doc in tree.questions:  # read out to the room and printed on the tests
        if doc.ok:
            yield doc, every


def _read(doc: Document) -> str:
    return doc.path.read_text(encoding="utf-8-sig")


def _vocabularies(tree: LoadedTree) -> dict[str, re.Pattern[str]]:
    """Per audience, the whole-word terms its vocabulary rewrites (as tailor does)."""
    found = {}
    for doc in tree.audiences:
        rules = doc.data.get("vocabulary") if isinstance(doc.data, dict) else None
        terms = {
            term
            for rule in (rules if isinstance(rules, list) else [])
            if isinstance(rule, dict) and isinstance(rule.get("instead_of"), list)
            for term in rule["instead_of"]
            if isinstance(term, str) and term
        }
        if terms:
            alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
            found[_doc_id(doc)] = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I)
    return found


def _lint_document(
    state: _FileLint,
    seen_by: frozenset[str],
    rules: RuleSet,
    audience: str | None,
    every: frozenset[str],
) -> list[Diagnostic]:
    diagnostics = _waiver_problems(state, rules.ids)
    rules = rules.narrowed(state.source.text)
    for scalar in _scalars(state.doc.data, (), seen_by, every):
        views = _views(scalar.audiences, audience, every)
        if views:
            diagnostics += _lint_scalar(state, scalar, rules, views)
    if audience is None:
        diagnostics += _unused_waivers(state)
    return diagnostics


def _views(
    seen_by: frozenset[str], audience: str | None, every: frozenset[str]
) -> tuple[str | None, ...]:
    """The audiences to judge a string for (``None``: no audiences are defined)."""
    if audience is not None:
        return (audience,) if audience in seen_by or not every else ()
    return tuple(sorted(seen_by)) if every else (None,)


def _scalars(
    node: object, path: JsonPath, seen_by: frozenset[str], every: frozenset[str]
) -> Iterator[_Scalar]:
    """Every string with its path and audiences, following filters and variants."""
    if isinstance(node, str):
        yield _Scalar(path, node, seen_by)
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _scalars(child, (*path, index), seen_by, every)
    elif isinstance(node, dict):
        seen_by = _filtered(node, seen_by)
        variant = bool(node) and set(node) <= every | {"default"}
        for key, child in node.items():
            if key in _SKIP_KEYS:
                continue
            child_seen = _variant_audiences(node, key, seen_by) if variant else seen_by
            yield from _scalars(child, (*path, key), child_seen, every)


def _filtered(node: dict[str, object], seen_by: frozenset[str]) -> frozenset[str]:
    only = node.get("audiences")
    if isinstance(only, list):
        return seen_by & frozenset(a for a in only if isinstance(a, str))
    return seen_by


def _variant_audiences(
    node: dict[str, object], key: str, seen_by: frozenset[str]
) -> frozenset[str]:
    if key == "default":
        return seen_by - set(node)
    return seen_by & {key}


def _lint_scalar(
    state: _FileLint, scalar: _Scalar, rules: RuleSet, views: tuple[str | None, ...]
) -> list[Diagnostic]:
    findings = lint_text(scalar.text, rules, None, TextContext(scalar.path))
    diagnostics = []
    for finding in findings:
        by_view = {v: _tier(state, finding, v, scalar.text) for v in views}
        shown = {v: s for v, s in by_view.items() if s != "off"}
        if not shown:
            continue
        start = state.doc.smap.value(scalar.path)
        loc = state.source.locate(start, scalar.text, finding.start)
        if _waived(state, finding.rule.id, loc, scalar.path):
            continue
        diagnostics.append(_diagnostic(finding, loc, by_view))
    return diagnostics


def _tier(state: _FileLint, finding: Finding, view: str | None, text: str) -> str:
    """The finding's tier for one audience; "off" when its vocabulary rewrites the term."""
    rewrites = state.vocabulary.get(view) if view else None
    if rewrites is not None:
        for match in rewrites.finditer(text):
            if match.start() <= finding.start and finding.end <= match.end():
                return "off"
    return finding.rule.severity_for(view, finding.pattern)


def _diagnostic(finding: Finding, loc: Loc, by_view: Mapping[str | None, str]) -> Diagnostic:
    severity = _worst(set(by_view.values()))
    message = finding.message(severity) + _audience_note(severity, by_view)
    return Diagnostic(loc, severity, finding.code, message, finding.hint())


def _worst(tiers: set[str]) -> Severity:
    """The highest tier among ``tiers`` ("off" is ignored)."""
    return next(tier for tier in _TIERS if tier in tiers)


def _audience_note(severity: str, by_view: Mapping[str | None, str]) -> str:
    """' (info for court)' when audiences disagree about the tier."""
    groups: dict[str, list[str]] = {}
    for view, tier in by_view.items():
        if view is not None and tier != severity:
            groups.setdefault(tier, []).append(view)
    parts = [
        f"{'not flagged' if tier == 'off' else tier} for {', '.join(names)}"
        for tier, names in sorted(groups.items())
    ]
    return f" ({'; '.join(parts)})" if parts else ""


# -- waivers -------------------------------------------------------------------------


def _waiver_problems(state: _FileLint, known: frozenset[str]) -> list[Diagnostic]:
    problems = []
    for waiver in read_waivers(state.source, known):
        if waiver.unknown:
            names = ", ".join(waiver.unknown)
            problems.append(
                Diagnostic(
                    waiver.loc,
                    "warning",
                    "lint-waiver-rule",
                    f"no language rule {names}",
                    "rule ids are L01 to L25 (see hrdeck/lint/language.yaml)",
                )
            )
        if not waiver.reason:
            problems.append(
                Diagnostic(
                    waiver.loc,
                    "warning",
                    "lint-waiver-reason",
                    "a language waiver needs a reason; it is ignored until it has one",
                    "write it as '# hrdeck: allow L13 -- why this wording is needed'",
                )
            )
        if waiver.valid:
            state.waivers.setdefault(waiver.target_line, []).append(waiver)
    return problems


def _waived(state: _FileLint, rule_id: str, loc: Loc, path: JsonPath) -> bool:
    """A waiver on the finding's line, or on the line where its value or key starts."""
    smap = state.doc.smap
    lines = {loc.line, smap.value(path).line, smap.key(path).line}
    for line in lines:
        for waiver in state.waivers.get(line, ()):
            if rule_id in waiver.rules:
                waiver.used.add(rule_id)
                return True
    return False


def _unused_waivers(state: _FileLint) -> list[Diagnostic]:
    unused = []
    for waivers in state.waivers.values():
        for waiver in waivers:
            for rule_id in sorted(waiver.rules - waiver.used):
                message = f"the waiver for {rule_id} matches no finding"
                hint = "remove it, or move it onto the line of the text it excuses"
                unused.append(Diagnostic(waiver.loc, "info", "lint-waiver-unused", message, hint))
    return unused
