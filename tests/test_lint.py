"""The language linter: each rule fires, its exemptions hold, findings are located."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from hrdeck.errors import ContentError, UsageError
from hrdeck.lint.rules import RULES_FILE, LazyRegex, compile_rules, load_rules, validate_rules
from hrdeck.lint.text import TextContext, lint_text
from hrdeck.lint.walk import lint_curriculum
from hrdeck.paths import builtin_curriculum

FIXTURE = Path(__file__).parent / "fixtures" / "lint" / "seedlike"
BRIEF_SOURCE_IDS = {
    "NIDA-WM", "ASAM-GL", "SAITZ21", "RRI-ADD", "ONDCP17", "AP17", "AAP22", "SAMHSA-LANG",
    "SAMHSA-HRF", "NHRC", "INPUD20", "JUSTICE-LANG", "KENOSHA", "IDAHO", "RELAPSE-DEBATE",
    "EVIDENCE-LANG", "SEED-ORIGIN", "CDC-OD", "REFS", "CLINICAL-DEFS", "COURTS", "PART2",
    "ETHICS", "PEERS", "TRAINING", "EVAL", "CE",
}  # fmt: skip


def ids(text: str, audience: str | None = None, context: TextContext | None = None) -> list[str]:
    return [f.rule.id for f in lint_text(text, audience=audience, context=context)]


def matches(text: str, rule_id: str) -> list[str]:
    return [f.match for f in lint_text(text) if f.rule.id == rule_id]


# -- one positive and the exemptions of every rule ------------------------------------

POSITIVE = [
    ("L01", "He is a heroin addict.", "heroin addict"),
    ("L01", "Addicts deserve care.", "Addicts"),
    ("L02", "Drug abusers are people too.", "Drug abusers"),
    ("L03", "Stop calling people junkies.", "junkies"),
    ("L03", "a crackhead", "crackhead"),
    ("L04", "She is an alcoholic.", "alcoholic"),
    ("L04", "He was a drunk.", "a drunk"),
    ("L05", "Engages drug users in care", "drug users"),
    ("L05", "services for IVDU", "IVDU"),
    ("L05", "Users often share syringes.", "Users"),
    ("L06", "a former addict", "former addict"),
    ("L06", "an ex-user", "ex-user"),
    ("L07", "Anthony had a dirty urine", "dirty urine"),
    ("L07", "She tested clean last week.", "tested clean"),
    ("L08", "He has 90 days clean.", "90 days clean"),
    ("L08", "trying to stay clean", "stay clean"),
    ("L09", "hand out clean needles", "clean needles"),
    ("L10", "a history of substance abuse", "substance abuse"),
    ("L10", "prescription drug abuse", "prescription drug abuse"),
    ("L11", "a $100-a-day heroin habit", "heroin habit"),
    ("L12", "He has a drug problem.", "drug problem"),
    ("L13", "Refer to MAT.", "MAT"),
    ("L13", "medication-assisted treatment works", "medication-assisted treatment"),
    ("L14", "opioid replacement therapy", "opioid replacement therapy"),
    ("L14", "It is just trading one drug for another.", "trading one drug for another"),
    ("L15", "a crack baby", "crack baby"),
    ("L15", "babies born addicted", "born addicted"),
    ("L16", "She relapsed in March.", "relapsed"),
    ("L17", "a brief slip after months without drug use", "slip"),
    ("L18", "The client is non-compliant.", "non-compliant"),
    ("L18", "He failed treatment twice.", "failed treatment"),
    ("L19", "She is drug-seeking.", "drug-seeking"),
    ("L20", "Naloxone just enables drug use.", "enables"),
    ("L21", "Every offender gets a hearing.", "offender"),
    ("L21", "The inmate was released.", "inmate"),
    ("L22", "a safe injection site", "safe injection site"),
    ("L23", "Narcan Training", "Narcan"),
    ("L24", "SAMSHA", "SAMSHA"),
    ("L25", "http://dx.doi.org/10.1007/s10615-016-0584-3", "http://dx.doi.org/10.1007/s10615-016-0584-3"),
]  # fmt: skip

NEGATIVE = [
    ("L01", "Addiction is a treatable condition; he was addicted to opioids; addictive drugs."),
    ("L01", "The meeting was held by Narcotics Anonymous."),
    ("L02", "a child abuser, a sexual abuser and a domestic abuser"),
    ("L04", "Alcoholics Anonymous; an alcoholic beverage; Adult Children of Alcoholics"),
    ("L04", "the National Institute on Alcohol Abuse and Alcoholism"),
    ("L05", "the user guide; screen reader users; end users of the app"),
    ("L07", "a clean layout and a clean slide"),
    ("L08", "Keep the layout clean."),
    ("L10", "child abuse; abuse of discretion; abuse-deterrent opioids"),
    ("L10", "the National Institute on Drug Abuse and the Drug Abuse Treatment Act"),
    ("L10", "the Substance Abuse and Mental Health Services Administration"),
    ("L11", "a habit of arriving early"),
    ("L13", "the MAT Act, a yoga mat, the mat"),
    ("L14", "nicotine replacement therapy"),
    ("L16", "relapse prevention groups"),
    ("L17", "a lapse in insurance coverage"),
    ("L20", "This guide enables trainers to tailor the deck."),
    ("L23", "naloxone (Narcan) or Narcan® nasal spray"),
    ("L24", "SAMHSA https://www.samhsa.gov"),
    ("L25", "https://doi.org/10.1108/IJPH-08-2016-0039"),
    ("L21", "International Journal of Prisoner Health"),
]


@pytest.mark.parametrize(("rule_id", "text", "expected"), POSITIVE)
def test_rule_fires_with_its_suggestion_and_sources(rule_id: str, text: str, expected: str) -> None:
    found = [f for f in lint_text(text) if f.rule.id == rule_id]
    assert [f.match for f in found] == [expected]
    finding = found[0]
    assert finding.suggestion and finding.sources
    assert set(finding.sources) <= BRIEF_SOURCE_IDS
    assert finding.code == f"lang-{rule_id}"
    assert finding.suggestion[0] in finding.hint()


@pytest.mark.parametrize(("rule_id", "text"), NEGATIVE)
def test_rule_exemptions_do_not_fire(rule_id: str, text: str) -> None:
    assert rule_id not in ids(text)


def test_every_rule_of_the_table_is_loaded_and_tested() -> None:
    rules = load_rules()
    assert [r.id for r in rules.rules] == [f"L{n:02d}" for n in range(1, 26)]
    assert {case[0] for case in POSITIVE} == set(rules.ids)


def test_also_consider_terms_are_off_unless_enabled() -> None:
    assert ids("He needs to hit rock bottom; she is in denial.") == []
    enabled = load_rules(enable=["X01", "X02"])
    found = lint_text("He needs to hit rock bottom; she is in denial.", enabled)
    assert [f.rule.id for f in found] == ["X01", "X02"]


def test_tiers_follow_the_table() -> None:
    tiers = {r.id: r.severity for r in load_rules().rules}
    assert {k for k, v in tiers.items() if v == "error"} == {"L03", "L15", "L24"}
    assert {k for k, v in tiers.items() if v == "info"} >= {"L16", "L17", "L19", "L20", "L23"}


def test_drunk_driving_is_info_only() -> None:
    (finding,) = lint_text("drunk driving")
    assert (finding.rule.id, finding.severity) == ("L04", "info")
    assert finding.suggestion == ("impaired driving",)


def test_a_longer_match_hides_the_word_inside_it() -> None:
    assert ids("a recovering addict") == ["L06"]


# -- the seed (brief §1.5) -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rule_id", "severity"),
    [
        ("SAMSHA www.samsha.gov", "L24", "error"),
        ("Engages drug users in a continuum of care", "L05", "warning"),
        ("Overdose prevention: Narcan Training", "L23", "info"),
        ("Some individuals benefit from product substitution", "L14", "info"),
        ("<http://dx.doi.org/10.1108/IJPH-08-2016-0039>", "L25", "warning"),
        ("https://doi-org.proxy.wexler.hunter.cuny.edu/10.1080/1556035X.2015.1034822", "L25",
         "warning"),
    ],
)  # fmt: skip
def test_seed_findings(text: str, rule_id: str, severity: str) -> None:
    found = lint_text(text)
    assert found and {(f.rule.id, f.severity) for f in found} == {(rule_id, severity)}


def test_seed_drug_misuse_is_acceptable() -> None:
    assert ids("access to care for drug misuse & mental health problems") == []


def test_seed_monitor_compliance_is_allowed_in_court_and_info_elsewhere() -> None:
    text = "Monitor compliance with agreement to encourage success"
    assert ids(text, audience="court") == []
    assert [f.severity for f in lint_text(text, audience="clinician")] == ["info"]


def test_seed_myths_stated_to_be_refuted_are_exempt() -> None:
    myth2 = "Harm reduction normalizes, encourages or “enables” risky behavior."
    myth3 = "Harm reduction prevents recovery, simply replacing one addiction with another."
    assert ids(myth2) == ["L20"] and ids(myth3) == ["L14"]
    for index, text in ((1, myth2), (2, myth3)):
        assert ids(text, context=TextContext(("myths", index, "myth"))) == []
        assert ids(text, context=TextContext(("myths", index, "myth", "court"))) == []
    assert ids(myth3, context=TextContext(("myths", 2, "fact"))) == ["L14"]


def test_slurs_are_flagged_even_in_a_myth() -> None:
    assert ids("Harm reduction is for junkies.", context=TextContext(("myths", 0, "myth"))) == [
        "L03"
    ]


# -- quotations and citations ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"I\'m an addict and proud of my recovery," she said.',
        'As one participant put it: "I was a junkie for ten years."',
        "“I got clean in 2019” — Maria, peer specialist",
        '"Addicts are people first" (Smith, 2020).',
        "> I was an addict. Now I help others.",
        'Avoid the phrase "replacement therapy".',
    ],
)
def test_quotations_and_mentions_are_exempt(text: str) -> None:
    assert ids(text) == []


def test_unattributed_scare_quotes_are_flagged() -> None:
    assert ids('We call them "junkies" - awful.') == ["L03"]


def test_citations_are_exempt_but_doi_hygiene_still_applies() -> None:
    title = "Harm reduction for inmates and drug users"
    citation = TextContext(("citations", 0, "title"))
    assert ids(title) == ["L21", "L05"] and ids(title, context=citation) == []
    url = TextContext(("citations", 0, "url"))
    assert ids("http://dx.doi.org/10.1/x", context=url) == ["L25"]


def test_web_addresses_are_not_prose() -> None:
    link = "See [the guide](https://example.org/medication-assisted-treatment) on MOUD."
    assert ids(link) == []
    assert ids("https://example.org/substance-abuse", context=TextContext(("url",))) == []
    assert ids("www.samsha.gov/substance-abuse") == ["L24"]


def test_waived_rules_in_context_do_not_fire() -> None:
    assert ids("The MAT Act funds MAT.", context=TextContext(waived=frozenset({"L13"}))) == []


# -- audiences -------------------------------------------------------------------------------


def test_justice_labels_are_info_for_court_and_warning_for_clinicians() -> None:
    assert [f.severity for f in lint_text("each offender", audience="court")] == ["info"]
    assert [f.severity for f in lint_text("each offender", audience="clinician")] == ["warning"]
    assert [f.severity for f in lint_text("each offender", audience="peer")] == ["warning"]


def test_noncompliance_is_off_in_court_decks() -> None:
    assert ids("He is non-compliant.", audience="court") == []
    assert ids("He is non-compliant.", audience="peer") == ["L18"]


# -- the rules file ---------------------------------------------------------------------------


def test_a_bad_rules_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text("version: 1\nrules:\n  - id: L01\n    title: x\n    patterns: [addict]\n")
    with pytest.raises(ContentError, match=r"rules\[0\].*'suggestion' is a required property"):
        load_rules(bad)


def test_a_bad_regex_names_its_rule() -> None:
    data = {
        "version": 1,
        "rules": [
            {"id": "L01", "title": "t", "patterns": ["add(ict"], "suggestion": ["x"],
             "severity": "warning", "sources": ["NIDA-WM"]},
        ],
    }  # fmt: skip
    validate_rules(data)
    with pytest.raises(ContentError, match="rule L01: bad regex"):
        compile_rules(data, "test.yaml")


def test_every_builtin_pattern_compiles_though_compiled_lazily() -> None:
    data = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    every_id = frozenset(entry["id"] for entry in data["rules"])
    rules = compile_rules(data, RULES_FILE.name, every_id, lazy=True)
    assert len(rules.rules) == len(every_id)
    regexes = [x for r in rules.rules for p in r.patterns for x in (p.regex, p.near) if x]
    regexes += [x for r in rules.rules for x in r.exceptions] + list(rules.allowlist)
    assert len(regexes) > 100
    for regex in regexes:
        assert isinstance(regex, LazyRegex)
        assert isinstance(regex.compiled, re.Pattern), regex.pattern


# -- a curriculum: locations, waivers, audiences ---------------------------------------------


@pytest.fixture(scope="module")
def fixture_findings() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for d in lint_curriculum(FIXTURE, display_base=FIXTURE):
        found.setdefault(d.code, []).append(f"{d.loc}: {d.severity}: {d.message}")
    return found


@pytest.mark.parametrize(
    ("code", "where"),
    [
        ("lang-L24", "modules/benefits.yaml:5:27"),  # double-quoted scalar
        ("lang-L05", "modules/benefits.yaml:7:17"),  # plain scalar
        ("lang-L23", "modules/benefits.yaml:8:10"),  # single-quoted scalar
        ("lang-L24", "modules/benefits.yaml:9:32"),  # second finding on a line
        ("lang-L01", "modules/benefits.yaml:12:32"),  # literal block, extra indentation
        ("lang-L03", "modules/benefits.yaml:15:11"),  # folded block, second line
        ("lang-L07", "modules/benefits.yaml:17:27"),  # multi-line plain scalar
        ("lang-L25", "modules/refs.yaml:10:10"),  # a citation's url
    ],
)
def test_findings_are_located_to_the_word(
    fixture_findings: dict[str, list[str]], code: str, where: str
) -> None:
    assert any(line.startswith(where + ":") for line in fixture_findings[code])


def test_diagnostic_format_has_message_and_hint() -> None:
    (diagnostic,) = [d for d in lint_curriculum(FIXTURE) if d.code == "lang-L05"]
    text = diagnostic.format()
    assert text.endswith(
        "benefits.yaml:7:17: warning[lang-L05]: 'drug users' is stigmatizing language"
        " (not flagged for court)\n"
        "  hint: say 'people who use drugs (PWUD)' or 'people who inject drugs (PWID)' "
        "instead (NIDA-WM, NHRC, SAMHSA-HRF, INPUD20)"
    )


def test_myth_fields_and_citations_are_exempt_in_a_curriculum(
    fixture_findings: dict[str, list[str]],
) -> None:
    everything = [line for lines in fixture_findings.values() for line in lines]
    assert not any(line.startswith("modules/myths.yaml:5:") for line in everything)
    assert not any(line.startswith("modules/myths.yaml:8:") for line in everything)
    assert not any(line.startswith("modules/refs.yaml:8:") for line in everything)
    assert "lang-L13" not in fixture_findings  # waived with a reason
    assert not any("audiences/court.yaml" in line for line in everything)  # instead_of


def test_a_waiver_without_a_reason_is_reported_and_ignored(
    fixture_findings: dict[str, list[str]],
) -> None:
    assert fixture_findings["lint-waiver-reason"] == [
        "modules/roles.yaml:10:28: warning: "
        "a language waiver needs a reason; it is ignored until it has one"
    ]
    assert any(
        line.startswith("modules/roles.yaml:10:20:") for line in fixture_findings["lang-L21"]
    )
    assert fixture_findings["lint-waiver-rule"][0].startswith("modules/roles.yaml:17:27:")


def test_an_unused_waiver_is_reported(tmp_path: Path) -> None:
    root = tmp_path / "c"
    shutil.copytree(FIXTURE, root)
    roles = root / "modules" / "roles.yaml"
    roles.write_text(roles.read_text().replace("The MAT Act and MAT funding", "MOUD funding"))
    unused = [d for d in lint_curriculum(root, display_base=root) if d.code == "lint-waiver-unused"]
    assert [(str(d.loc), d.severity) for d in unused] == [("modules/roles.yaml:8:5", "info")]


def test_all_audiences_at_once_names_the_audiences_that_differ(
    fixture_findings: dict[str, list[str]],
) -> None:
    assert fixture_findings["lang-L21"][0] == (
        "modules/roles.yaml:7:32: warning: 'offender' is stigmatizing language (info for court)"
    )


def test_audience_variants_and_filters_are_judged_for_their_audience() -> None:
    court = {(d.code, d.loc.line) for d in lint_curriculum(FIXTURE, audience="court")}
    clinician = {(d.code, d.loc.line) for d in lint_curriculum(FIXTURE, audience="clinician")}
    assert ("lang-L21", 15) in court and ("lang-L21", 15) not in clinician  # court: variant
    assert ("lang-L18", 11) in clinician and ("lang-L18", 11) not in court  # filter + off
    court_l21 = [d for d in lint_curriculum(FIXTURE, audience="court") if d.code == "lang-L21"]
    offender = next(d for d in court_l21 if d.loc.line == 7)
    assert offender.severity == "info" and "(" not in offender.message


def test_terms_an_audience_vocabulary_rewrites_are_not_flagged_for_it() -> None:
    court = [d for d in lint_curriculum(FIXTURE, audience="court") if d.code == "lang-L05"]
    clinician = [d for d in lint_curriculum(FIXTURE, audience="clinician") if d.code == "lang-L05"]
    assert court == [] and [d.loc.line for d in clinician] == [7]


def test_an_unknown_audience_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown audience 'judges'"):
        lint_curriculum(FIXTURE, audience="judges")


# -- the built-in curriculum --------------------------------------------------------------


def test_builtin_curriculum_has_no_warnings_or_errors() -> None:
    findings = lint_curriculum(builtin_curriculum())
    blocking = [d.format() for d in findings if d.severity in ("error", "warning")]
    assert blocking == []


def test_rule_ids_in_the_message_code_are_stable() -> None:
    for finding in lint_text("drug users, SAMSHA, Narcan"):
        assert re.fullmatch(r"lang-L\d\d", finding.code)


def test_the_question_bank_is_linted_like_the_modules(tmp_path: Path) -> None:
    root = tmp_path / "curriculum"
    shutil.copytree(builtin_curriculum(), root)
    bank = root / "questions" / "court.yaml"
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text.replace("stem: ", "stem: Every addict knows this. ", 1), encoding="utf-8")
    found = [d for d in lint_curriculum(root, display_base=root) if d.code == "lang-L01"]
    assert [Path(d.loc.file).name for d in found] == ["court.yaml"]
    assert "questions" in found[0].loc.file
