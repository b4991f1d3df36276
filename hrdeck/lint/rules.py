"""The language rules: load ``lint/language.yaml``, validate it, compile it once.

The table of the domain brief (§1.3) lives in data; this module turns it into
:class:`Rule` objects whose regexes are compiled once and cached.  Every pattern is
matched case-insensitively as a whole word.  A bad rules file raises
:class:`~hrdeck.errors.ContentError` naming the rule and field at fault.

``hrdeck validate`` runs after every save, so loading is kept cheap: the YAML is read
with libyaml when available, the document is checked with :mod:`hrdeck.curriculum.schemafast`
(``jsonschema`` is imported only to explain a rules file that is not valid), and the
built-in table's regexes are compiled on first use (:class:`LazyRegex`): a curriculum
touches few of them, since the key index skips rules whose words never occur.  A
test compiles every built-in pattern; other rules files are compiled at once, so a
bad regex there is reported when the file is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from hrdeck.diagnostics import Severity
from hrdeck.errors import ContentError
from hrdeck.lint.prefilter import KeyIndex, fold, key_index, literal_keys

RULES_FILE = Path(__file__).resolve().parent / "language.yaml"

EXEMPTION_KINDS = ("quote", "myth", "citation")
SEVERITY_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}
DEFAULT_MESSAGES = {
    "error": "'{match}' is stigmatizing language",
    "warning": "'{match}' is stigmatizing language",
    "info": "'{match}' can be heard as stigmatizing; consider another wording",
}
_TERM = re.compile(r"\{\{([a-z][a-z0-9_]*)\}\}")
_FLAGS = re.IGNORECASE | re.UNICODE


def whole_word(regex: str) -> str:
    """Wrap a regex so it matches only at word boundaries on both sides."""
    return rf"(?<!\w)(?:{regex})(?!\w)"


class LazyRegex:
    """A whole-word, case-insensitive regex compiled the first time it is used."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = _FLAGS) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text)

    def __repr__(self) -> str:
        return f"LazyRegex({self.pattern!r})"


Regex = re.Pattern[str] | LazyRegex


@dataclass(frozen=True)
class Pattern:
    """One way a rule matches, with an optional context condition and overrides."""

    regex: Regex
    keys: frozenset[str] | None = None  # one of these occurs (lower case) in any match
    near: Regex | None = None
    window: int | None = None  # words either side; None with ``near`` = same sentence
    severity: Severity | None = None
    suggestion: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    """One row of the language table."""

    id: str
    title: str
    patterns: tuple[Pattern, ...]
    exceptions: tuple[Regex, ...]
    suggestion: tuple[str, ...]
    severity: Severity
    audiences: Mapping[str, str]
    exempt_in: frozenset[str]
    message: str | None  # None: the default message for the finding's tier
    sources: tuple[str, ...]
    note: str
    enabled: bool = True
    keys: frozenset[str] | None = None  # text without any of these cannot match

    def severity_for(self, audience: str | None, pattern: Pattern | None = None) -> str:
        """The tier for ``audience`` ("off" when the rule is silent there).

        A pattern's own severity replaces the rule's base tier; an audience
        override of the rule still applies when it is lower, and "off" always wins.
        """
        base: str = pattern.severity if pattern and pattern.severity else self.severity
        override = self.audiences.get(audience) if audience else None
        if override is None:
            return base
        if override == "off":
            return "off"
        return min(base, override, key=SEVERITY_RANK.__getitem__)

    def message_for(self, severity: str) -> str:
        return self.message or DEFAULT_MESSAGES.get(severity, DEFAULT_MESSAGES["warning"])

    def suggestion_for(self, pattern: Pattern | None) -> tuple[str, ...]:
        return pattern.suggestion if pattern and pattern.suggestion else self.suggestion


@dataclass(frozen=True)
class RuleSet:
    """The enabled rules, the proper-noun allowlist and an index of literal keys."""

    rules: tuple[Rule, ...]
    allowlist: tuple[Regex, ...]
    index: KeyIndex

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def narrowed(self, text: str) -> RuleSet:
        """Only the rules that could match somewhere in ``text`` (say, a whole file)."""
        index = self.index.narrowed(fold(text))
        present = frozenset(index.keys)
        keep = tuple(r for r in self.rules if r.keys is None or r.keys & present)
        return RuleSet(keep, self.allowlist, index)

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(r.id for r in self.rules)


def load_rules(path: Path | None = None, enable: Iterable[str] = ()) -> RuleSet:
    """Load, validate and compile a rules file (default: the built-in table).

    ``enable`` switches on rules that are off by default (the "also consider" rows).
    The built-in table is cached, so calling this repeatedly is cheap.
    """
    return _load_cached(str(path or RULES_FILE), frozenset(enable))


@lru_cache(maxsize=8)
def _load_cached(path: str, enable: frozenset[str]) -> RuleSet:
    data = _read_rules(Path(path))
    return compile_rules(data, Path(path).name, enable, lazy=Path(path) == RULES_FILE)


def _read_rules(path: Path) -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, yaml.YAMLError) as exc:
        raise ContentError(f"cannot read language rules {path.name}: {exc}") from exc
    validate_rules(data, path.name)
    assert isinstance(data, dict)
    return data


def validate_rules(data: object, name: str = "rules") -> None:
    """Raise :class:`ContentError` listing every schema problem in a rules document."""
    from hrdeck.curriculum.schema import load_schema, plain_problems

    lines = plain_problems(load_schema("rules"), data)
    if lines:
        raise ContentError(f"invalid language rules in {name}:\n  " + "\n  ".join(lines))


def compile_rules(
    data: Mapping[str, Any], name: str, enable: frozenset[str] = frozenset(), lazy: bool = False
) -> RuleSet:
    """Turn a validated rules document into a :class:`RuleSet` (regexes compiled on first
    use when `lazy`: only for a table whose every pattern a test compiles)."""
    terms = {key: "".join(value.split()) for key, value in data.get("terms", {}).items()}
    rules = []
    for entry in data["rules"]:
        rule = _compile_rule(entry, terms, name, lazy)
        if rule.enabled or rule.id in enable:
            rules.append(rule)
    _check_unique(rules, name)
    allowlist = tuple(
        _compile(p, terms, f"{name}: allowlist", lazy) for p in data.get("allowlist", ())
    )
    index = key_index(k for r in rules for p in r.patterns for k in p.keys or ())
    return RuleSet(tuple(rules), allowlist, index)


def _check_unique(rules: list[Rule], name: str) -> None:
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise ContentError(f"invalid language rules in {name}: rule {rule.id} appears twice")
        seen.add(rule.id)


def _rule_keys(patterns: Iterable[Pattern]) -> frozenset[str] | None:
    keys: set[str] = set()
    for pattern in patterns:
        if pattern.keys is None:
            return None
        keys |= pattern.keys
    return frozenset(keys)


def _compile_rule(
    entry: Mapping[str, Any], terms: Mapping[str, str], name: str, lazy: bool = False
) -> Rule:
    where = f"{name}: rule {entry['id']}"
    patterns = tuple(_compile_pattern(p, terms, where, lazy) for p in entry["patterns"])
    return Rule(
        id=entry["id"],
        title=entry["title"],
        patterns=patterns,
        exceptions=tuple(_compile(x, terms, where, lazy) for x in entry.get("exceptions", ())),
        suggestion=tuple(entry["suggestion"]),
        severity=entry["severity"],
        audiences=dict(entry.get("audiences", {})),
        exempt_in=frozenset(entry.get("exempt_in", EXEMPTION_KINDS)),
        message=entry.get("message"),
        sources=tuple(entry["sources"]),
        note=" ".join(entry.get("note", "").split()),
        enabled=entry.get("enabled", True),
        keys=_rule_keys(patterns),
    )


def _compile_pattern(
    entry: str | Mapping[str, Any], terms: Mapping[str, str], where: str, lazy: bool = False
) -> Pattern:
    if isinstance(entry, str):
        regex = _compile(entry, terms, where, lazy)
        return Pattern(regex, literal_keys(regex.pattern))
    near = entry.get("near")
    window = entry.get("window", 5 if near else None)
    regex = _compile(entry["match"], terms, where, lazy)
    return Pattern(
        regex=regex,
        keys=literal_keys(regex.pattern),
        near=_compile(near, terms, where, lazy) if near else None,
        window=None if window == "sentence" else window,
        severity=entry.get("severity"),
        suggestion=tuple(entry.get("suggestion", ())),
    )


def _compile(regex: str, terms: Mapping[str, str], where: str, lazy: bool = False) -> Regex:
    expanded = _expand_terms(regex, terms, where)
    if lazy:
        return LazyRegex(whole_word(expanded))
    try:
        return re.compile(whole_word(expanded), _FLAGS)
    except re.error as exc:
        raise ContentError(
            f"invalid language rules in {where}: bad regex {regex!r}: {exc}"
        ) from exc


def _expand_terms(regex: str, terms: Mapping[str, str], where: str) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in terms:
            raise ContentError(f"invalid language rules in {where}: unknown term {{{{{name}}}}}")
        return f"(?:{terms[name]})"

    return _TERM.sub(replace, regex)
