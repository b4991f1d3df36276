"""The literal-key prefilter of the language rules never hides a match.

:func:`hrdeck.lint.prefilter.literal_keys` promises that every match of a regex contains
one of its keys (lower case), so lint may skip a text holding none of them (measured 7x
faster).  These tests hold it to that: on hand-picked tricky regexes, on every pattern
of ``hrdeck/lint/language.yaml`` (hypothesis writes strings each pattern matches), and
end to end, where ``lint_text`` with the prefilter must report exactly what the plain
regexes report, text after generated text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import pytest
import yaml
from hypothesis import event, given, settings
from hypothesis import strategies as st

from hrdeck.lint.prefilter import key_index, literal_keys
from hrdeck.lint.rules import RULES_FILE, Pattern, RuleSet, load_rules
from hrdeck.lint.text import lint_text
from tests.helpers import Reach

FLAGS = re.IGNORECASE | re.UNICODE


def every_rule() -> RuleSet:
    """The built-in table with the rules that are off by default switched on too."""
    data = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    return load_rules(enable=[rule["id"] for rule in data["rules"]])


RULES = every_rule()
PATTERNS = [(rule.id, pattern) for rule in RULES.rules for pattern in rule.patterns]


def without_prefilter(rules: RuleSet) -> RuleSet:
    """The same rules with no literal keys: every regex runs on every text."""
    plain = tuple(
        replace(rule, keys=None, patterns=tuple(replace(p, keys=None) for p in rule.patterns))
        for rule in rules.rules
    )
    return RuleSet(plain, rules.allowlist, key_index(()))


PLAIN_RULES = without_prefilter(RULES)


def compiled(pattern: Pattern) -> re.Pattern[str]:
    """The pattern's whole-word regex, compiled as lint compiles it."""
    return re.compile(pattern.regex.pattern, FLAGS)


def findings(text: str, rules: RuleSet) -> list[tuple[str, int, int, str, str]]:
    return [(f.rule.id, f.start, f.end, f.match, f.severity) for f in lint_text(text, rules)]


def keys_miss(keys: frozenset[str] | None, regex: re.Pattern[str], text: str) -> list[str]:
    """The matches of ``regex`` in ``text`` that hold none of ``keys`` (should be none)."""
    if keys is None:
        return []
    return [
        m.group() for m in regex.finditer(text) if not any(k in m.group().lower() for k in keys)
    ]


# -- literal_keys on regexes chosen to trip it ----------------------------------------------

TRICKY: list[tuple[str, frozenset[str] | None]] = [
    ("abuse", frozenset({"abuse"})),
    ("ABUSE", frozenset({"abuse"})),  # keys are lower case; lint lowers the text
    (r"(?:drug|substance)\s+abuse", frozenset({"abuse"})),  # the longest mandatory literal
    ("junkies|junkie|junky", frozenset({"junk"})),  # re factors the common prefix out
    ("(?:a|b)(?:cd|ef)", frozenset({"cd", "ef"})),  # an alternation's keys are its branches'
    (r"(?:crack\s+)?addicts?", frozenset({"addict"})),  # optional parts give no key
    ("x*abc", frozenset({"abc"})),
    ("(?:ab){2,}", frozenset({"ab"})),  # a part repeated at least once is mandatory
    ("[ck]rack", frozenset({"rack"})),  # a class ends the literal run
    (r"\d+mg", frozenset({"mg"})),
    (r"meth\w*", frozenset({"meth"})),
    (r"a\.b\.c", frozenset({"a.b.c"})),  # escaped metacharacters are literals
    (r"[.]net", frozenset({".net"})),
    (r"\x41bc", frozenset({"abc"})),
    (r"\bfoo\b", frozenset({"foo"})),  # anchors end a run but need no character
    ("(?-i:MAT)", frozenset({"mat"})),  # a case-sensitive part is still lowered
    ("(?i:Abc)", frozenset({"abc"})),
    ("(?x) ab  cd", frozenset({"abcd"})),  # verbose mode drops the spaces
    ("ÉTÉ", frozenset({"été"})),
    (r"(?<!\w)(?:addict)(?!\w)", frozenset({"addict"})),  # lint's whole-word wrapping
    ("foo(?=bar)", frozenset({"foo"})),  # a lookahead is not part of the match
    ("(?<=pre)fix", frozenset({"fix"})),  # nor is a lookbehind
    (r"(ab)\1", frozenset({"ab"})),
    ("a++bc", frozenset({"bc"})),
    (r"(?!abuse)\w+", None),  # nothing is certain
    ("(?:ab){0,3}c", None),  # keys shorter than two characters filter too little
    ("ab?c", None),
    ("a|bc", None),
    (r"addict|\w+", None),  # one branch without a key sinks the alternation
    ("abc|", None),  # so does an empty branch
    ("(?(1)a|b)", None),
    (r"\.", None),
    ("(", None),  # not a regex at all
]


@pytest.mark.parametrize(("regex", "keys"), TRICKY, ids=[t[0] for t in TRICKY])
def test_literal_keys_of_a_tricky_regex(regex: str, keys: frozenset[str] | None) -> None:
    assert literal_keys(regex) == keys


WITH_KEYS = [regex for regex, keys in TRICKY if keys is not None]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.data())
def test_every_match_of_a_tricky_regex_holds_one_of_its_keys(data: st.DataObject) -> None:
    regex = re.compile(data.draw(st.sampled_from(WITH_KEYS)), FLAGS)
    text = data.draw(st.from_regex(regex))
    event(f"matched={regex.search(text) is not None}")
    assert keys_miss(literal_keys(regex.pattern), regex, text) == []


# -- every pattern of the built-in rules ------------------------------------------------


def test_every_builtin_pattern_has_literal_keys() -> None:
    """A pattern without keys would run on every string: the prefilter's speed is gone."""
    assert [(rule_id, p.regex.pattern) for rule_id, p in PATTERNS if p.keys is None] == []
    assert len(RULES.rules) == 28


@pytest.mark.parametrize(
    ("rule_id", "pattern"),
    PATTERNS,
    ids=[f"{rule_id}-{n}" for n, (rule_id, _) in enumerate(PATTERNS)],
)
@settings(max_examples=6, deadline=None)
@given(data=st.data())
def test_every_match_of_a_builtin_pattern_holds_one_of_its_keys(
    rule_id: str, pattern: Pattern, data: st.DataObject
) -> None:
    regex = compiled(pattern)
    text = data.draw(st.from_regex(regex))
    event(f"matched={regex.search(text) is not None}")
    assert keys_miss(pattern.keys, regex, text) == []


# -- lint with and without the prefilter: the same findings -------------------------------

_MATCHES = st.sampled_from(PATTERNS).flatmap(
    lambda entry: st.from_regex(compiled(entry[1]), fullmatch=True)
)
_WORDS = st.sampled_from(
    ["people", "who", "use", "drugs", "in", "treatment", "court", "the", "a", "was", "clean",
     "dirty", "urine", "screen", "tested", "positive", "said", "“I'm", "an", "addict”", '"',
     "Narcotics", "Anonymous", "https://nida.nih.gov/addict", ".", ",", ";", "\n", "—", "(", ")"]
)  # fmt: skip
_PIECES = st.one_of(_MATCHES, _WORDS, st.text(max_size=4))
_CASES: st.SearchStrategy[Callable[[str], str]] = st.sampled_from(
    [str, str.upper, str.lower, str.title]
)


@st.composite
def texts(draw: st.DrawFn) -> str:
    """Words around a string one pattern matches (or, for the other path, around a word)."""
    middle = draw(st.one_of(_MATCHES, _MATCHES, _WORDS))
    words = [*draw(st.lists(_PIECES, max_size=4)), middle, *draw(st.lists(_PIECES, max_size=4))]
    return draw(_CASES)(" ".join(words))


def some_regex_matches(text: str) -> bool:
    return any(compiled(pattern).search(text) for _, pattern in PATTERNS)


def test_lint_finds_the_same_with_and_without_the_prefilter() -> None:
    reach = Reach()

    @settings(max_examples=200, deadline=None, derandomize=True)
    @given(texts())
    def same_findings(text: str) -> None:
        plain = findings(text, PLAIN_RULES)
        reach.count(some_regex_matches(text))  # else both sides are trivially empty
        assert findings(text, RULES) == plain
        assert findings(text, RULES.narrowed(text)) == plain  # a file's rules, narrowed first

    same_findings()
    assert reach.share >= 0.5, reach


# -- case folding: re matches more than str.lower() shows ---------------------------------

FOLDED_LIKE_ASCII = [
    "an ADDİCT",  # U+0130: lower() gives 'i' + a combining dot, re matches it as 'i'
    "an addıct",  # U+0131 dotless i: re treats it as a case variant of 'i'
    "drug abuſe",  # U+017F long s: re treats it as a case variant of 's'
]


@pytest.mark.parametrize("text", FOLDED_LIKE_ASCII)
def test_letters_re_folds_to_ascii_do_not_hide_a_finding(text: str) -> None:
    plain = findings(text, PLAIN_RULES)
    assert plain  # the plain regexes do flag it
    assert findings(text, RULES) == plain


@pytest.mark.parametrize("text", ["a JUN\u212aIE", "AN ADDICT", "an Addict", "JUNKIES"])
def test_letters_whose_lower_case_is_ascii_keep_their_findings(text: str) -> None:
    plain = findings(text, PLAIN_RULES)  # U+212A KELVIN SIGN lowers to k
    assert plain
    assert findings(text, RULES) == plain
