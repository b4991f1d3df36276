"""Lint one string: match the language rules, honour quotations, myths and citations.

:func:`lint_text` returns :class:`Finding` objects (rule, offsets, matched text,
tier).  Exemptions handled here: a quotation (a ``>`` blockquote, or double or curly
quotes with an attribution next to them, or naming a word under discussion:
``the phrase "..."``); the ``myth`` of a myths item, stated to be refuted; anything
under ``citations``, and web addresses (``url`` fields and links in text: titles
and addresses are not ours to change; the fact rules L24 and L25 still apply
there, as each rule's ``exempt_in`` says); the proper-noun allowlist;
and each rule's own exceptions.  A match inside a longer one is dropped ('addict'
inside 'recovering addict').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hrdeck.curriculum.sourcemap import JsonPath
from hrdeck.lint.prefilter import fold
from hrdeck.lint.rules import Pattern, Rule, RuleSet, load_rules

__all__ = ["Finding", "TextContext", "lint_text", "quotation_spans"]

_QUOTED = re.compile(r'"([^"\n]{1,500})"|“([^”]{1,500})”')
_SAY = (
    r"(?:said|says|say|wrote|writes|explained|explains|asked|asks|told|tells|stated|states|"
    r"recalled|recalls|shared|shares|reported|reports|put\s+it|puts\s+it)"
)
_ATTRIBUTION_BEFORE = re.compile(
    rf"(?:\b{_SAY}|\baccording\s+to\s+[^,.;]{{1,60}}|\b[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,3}})\s*[,:]?\s*$"
)
_ATTRIBUTION_AFTER = re.compile(
    rf"^\s*[,.!?]?\s*(?:(?:—|–|--|-)\s*[A-Z]|\([^()]*\d{{4}}[a-z]?[^()]*\)|(?:\w+\s+){{1,4}}?{_SAY}\b)"
)
_MENTION_BEFORE = re.compile(
    r"\b(?:words?|terms?|phrases?|labels?|avoid|instead\s+of|rather\s+than|not|called|calling|"
    r"like|such\s+as|say|saying|hear|heard)\s*[,:]?\s*$",
    re.IGNORECASE,
)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]+")
_LINK_KEYS = frozenset({"url", "doi", "path", "email"})  # addresses, not prose
_BLOCKQUOTE = re.compile(r"^[ \t]*>.*$", re.MULTILINE)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_WORD = re.compile(r"\w[\w'’-]*")


@dataclass(frozen=True)
class TextContext:
    """Where a string sits: its JSON path, and rules waived for it."""

    path: JsonPath = ()
    quote: bool = False  # the whole string is a marked quotation
    waived: frozenset[str] = frozenset()

    @property
    def exemptions(self) -> frozenset[str]:
        kinds = {"quote"} if self.quote else set()
        if "citations" in self.path or (self.path and self.path[-1] in _LINK_KEYS):
            kinds.add("citation")
        if _is_myth_statement(self.path):
            kinds.add("myth")
        return frozenset(kinds)


def _is_myth_statement(path: JsonPath) -> bool:
    """``myths[i].myth`` (or one audience's variant of it)."""
    return any(
        path[i] == "myths" and isinstance(path[i + 1], int) and path[i + 2] == "myth"
        for i in range(len(path) - 2)
    )


@dataclass(frozen=True)
class Finding:
    """One match of one rule in one string."""

    rule: Rule
    pattern: Pattern
    start: int
    end: int
    match: str
    severity: str

    @property
    def suggestion(self) -> tuple[str, ...]:
        return self.rule.suggestion_for(self.pattern)

    @property
    def sources(self) -> tuple[str, ...]:
        return self.rule.sources

    @property
    def code(self) -> str:
        return f"lang-{self.rule.id}"

    def message(self, severity: str | None = None) -> str:
        """The message for this finding at ``severity`` (default: its own tier)."""
        template = self.rule.message_for(severity or self.severity)
        return template.format(match=" ".join(self.match.split()))

    def hint(self) -> str:
        options = "' or '".join(self.suggestion[:2])
        return f"say '{options}' instead ({', '.join(self.sources)})"


# -- one string ----------------------------------------------------------------------


def lint_text(
    text: str,
    rules: RuleSet | None = None,
    audience: str | None = None,
    context: TextContext | None = None,
) -> list[Finding]:
    """Every finding in ``text``, in order; ``audience=None`` uses the base tiers."""
    rules = rules or load_rules()
    context = context or TextContext()
    lowered = fold(text)
    present = rules.index.present(lowered)
    if not present and all(rule.keys is not None for rule in rules.rules):
        return []
    found: list[Finding] = []
    for rule in rules.rules:
        if not _may_match(rule.keys, present) or rule.id in context.waived:
            continue
        if not rule.exempt_in & context.exemptions:
            found += _rule_findings(text, present, rule, audience)
    if found:
        found = _unexempted(text, found, rules)
    return _outermost(found)


def _may_match(keys: frozenset[str] | None, present: frozenset[str]) -> bool:
    """False when none of a pattern's literal keys occurs in the text."""
    return keys is None or not keys.isdisjoint(present)


def _rule_findings(
    text: str, present: frozenset[str], rule: Rule, audience: str | None
) -> list[Finding]:
    """The rule's matches that pass its context conditions and exceptions."""
    found = []
    exceptions: list[tuple[int, int]] | None = None
    for pattern in rule.patterns:
        severity = rule.severity_for(audience, pattern)
        if severity == "off" or not _may_match(pattern.keys, present):
            continue
        for match in pattern.regex.finditer(text):
            span = match.span()
            if not _near_ok(text, span, pattern):
                continue
            if exceptions is None:
                exceptions = [m.span() for x in rule.exceptions for m in x.finditer(text)]
            if not _covered(span, exceptions):
                found.append(Finding(rule, pattern, *span, match.group(), severity))
    return found


def _unexempted(text: str, found: list[Finding], rules: RuleSet) -> list[Finding]:
    """Drop findings inside an allowlisted proper noun, a quotation or a link."""
    allowed = [m.span() for regex in rules.allowlist for m in regex.finditer(text)]
    spans = {"quote": quotation_spans(text), "citation": [m.span() for m in _URL.finditer(text)]}
    return [
        f
        for f in found
        if not _covered((f.start, f.end), allowed)
        and not any(
            _covered((f.start, f.end), spans[kind]) for kind in f.rule.exempt_in & spans.keys()
        )
    ]


def _covered(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in spans)


def _near_ok(text: str, span: tuple[int, int], pattern: Pattern) -> bool:
    """A context-dependent pattern needs its ``near`` regex close by."""
    if pattern.near is None:
        return True
    if pattern.window is None:
        before, after = _sentence_around(text, span)
    else:
        before = " ".join(_WORD.findall(text, 0, span[0])[-pattern.window :])
        after = " ".join(_WORD.findall(text, span[1])[: pattern.window])
    return bool(pattern.near.search(before) or pattern.near.search(after))


def _sentence_around(text: str, span: tuple[int, int]) -> tuple[str, str]:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, span[0])]
    start = ends[-1] if ends else 0
    after_end = _SENTENCE_END.search(text, span[1])
    end = after_end.start() if after_end else len(text)
    return text[start : span[0]], text[span[1] : end]


def _outermost(found: list[Finding]) -> list[Finding]:
    """Drop findings inside a longer one ('addict' inside 'recovering addict')."""
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[Finding] = []
    for finding in found:
        if kept and finding.start >= kept[-1].start and finding.end <= kept[-1].end:
            continue
        kept.append(finding)
    return kept


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quotations: ``>`` blockquotes, and double-quoted text that has an
    attribution next to it (``said``, ``— Name``, ``(Author, 2020)``, ``Name:``) or
    that names a word under discussion (``the phrase "..."``, ``avoid "..."``)."""
    spans = [m.span() for m in _BLOCKQUOTE.finditer(text)]
    for match in _QUOTED.finditer(text):
        before = text[max(0, match.start() - 80) : match.start()]
        after = text[match.end() : match.end() + 80]
        if _attributed(before, after) or _MENTION_BEFORE.search(before):
            spans.append(match.span())
    return spans


def _attributed(before: str, after: str) -> bool:
    return bool(_ATTRIBUTION_BEFORE.search(before) or _ATTRIBUTION_AFTER.search(after))
