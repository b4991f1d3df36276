"""APA 7 formatting, pinned to the corrected reference list of the domain brief (§2.2)."""

from __future__ import annotations

import pytest

from hrdeck.curriculum.model import Author, Citation
from hrdeck.plan.citations import (
    author_list,
    citation_text,
    format_citation,
    in_text,
    initials,
)
from hrdeck.richtext import Run


def person(family: str, given: str) -> Author:
    return Author(family=family, given=given)


def org(name: str) -> Author:
    return Author(name=name)


def starred(runs: tuple[Run, ...]) -> str:
    """Runs as the brief writes them: *italics* in asterisks."""
    return "".join(f"*{r.text}*" if r.italic else r.text for r in runs)


BRINKLEY = Citation(
    key="brinkley2017",
    authors=(
        person("Brinkley-Rubinstein", "Lauren"),
        person("Cloud", "D. H."),
        person("Davis", "C."),
        person("Zaller", "Nickolas"),
        person("Delany-Brumsey", "A."),
        person("Pope", "L."),
        person("Martino", "S."),
        person("Bouvier", "B."),
        person("Rich", "Josiah"),
    ),
    year=2017,
    title="Addressing excess risk of overdose among recently incarcerated people in the "
    "USA: Harm reduction interventions in correctional settings",
    container="International Journal of Prisoner Health",
    volume="13",
    issue="1",
    pages="25-31",
    doi="10.1108/IJPH-08-2016-0039",
)
FRANCIS = Citation(
    key="francis2015",
    authors=(person("Francis", "T."), person("Reynolds", "K. M.")),
    year=2015,
    title="Noncompleting drug court clients: A qualitative assessment of harm reduction effects",
    container="Journal of Groups in Addiction & Recovery",
    volume="10",
    issue="2",
    pages="163–189",
    doi="10.1080/1556035X.2015.1034822",
    note="volume, issue and pages from the seed, not independently confirmed",
)
JONES_TAPIA = Citation(
    key="jonestapia2021",
    authors=(person("Jones Tapia", "N."),),
    year=2021,
    date="April",
    title="Harm reduction at the center of incarceration",
    container="Executive Session on the Future of Justice Policy",
    publisher="The Square One Project",
    url="https://squareonejustice.org/wp-content/uploads/2021/04/CJLJ8744-Harm-Reduction-Report-WEB-210427.pdf",
)
NCHS = Citation(
    key="nchs2021",
    authors=(org("National Center for Health Statistics"),),
    year=2021,
    date="November 17",
    title="Drug overdose deaths in the U.S. top 100,000 annually",
    description="Press release",
    publisher="Centers for Disease Control and Prevention",
    note="URL as in seed; verify",
)
ONDCP = Citation(
    key="ondcp2021",
    authors=(org("Office of National Drug Control Policy"),),
    year=2021,
    date="November 17",
    title="Following release of CDC overdose data, White House, Health and Human Services, "
    "and Justice officials discuss the Biden-Harris Administration's work to address the "
    "overdose epidemic",
    note="Archived at bidenwhitehouse.archives.gov; verify",
)
VAKHARIA = Citation(
    key="vakharia2017",
    authors=(person("Vakharia", "Sheila P."), person("Little", "Jeannie")),
    year=2017,
    title="Starting where the client is: Harm reduction guidelines for clinical social work "
    "practice",
    container="Clinical Social Work Journal",
    volume="45",
    issue="1",
    pages="65-76",
    doi="https://doi.org/10.1007/s10615-016-0584-3",
)

BRIEF = [
    (
        BRINKLEY,
        "Brinkley-Rubinstein, L., Cloud, D. H., Davis, C., Zaller, N., Delany-Brumsey, A., "
        "Pope, L., Martino, S., Bouvier, B., & Rich, J. (2017). Addressing excess risk of "
        "overdose among recently incarcerated people in the USA: Harm reduction interventions "
        "in correctional settings. *International Journal of Prisoner Health, 13*(1), 25–31. "
        "https://doi.org/10.1108/IJPH-08-2016-0039",
    ),
    (
        FRANCIS,
        "Francis, T., & Reynolds, K. M. (2015). Noncompleting drug court clients: A qualitative "
        "assessment of harm reduction effects. *Journal of Groups in Addiction & Recovery, 10*"
        "(2), 163–189. https://doi.org/10.1080/1556035X.2015.1034822",
    ),
    (
        JONES_TAPIA,
        "Jones Tapia, N. (2021, April). *Harm reduction at the center of incarceration*. "
        "Executive Session on the Future of Justice Policy, The Square One Project. "
        "https://squareonejustice.org/wp-content/uploads/2021/04/"
        "CJLJ8744-Harm-Reduction-Report-WEB-210427.pdf",
    ),
    (
        NCHS,
        "National Center for Health Statistics. (2021, November 17). *Drug overdose deaths in "
        "the U.S. top 100,000 annually* [Press release]. Centers for Disease Control and "
        "Prevention.",
    ),
    (
        ONDCP,
        "Office of National Drug Control Policy. (2021, November 17). *Following release of "
        "CDC overdose data, White House, Health and Human Services, and Justice officials "
        "discuss the Biden-Harris Administration's work to address the overdose epidemic*.",
    ),
    (
        VAKHARIA,
        "Vakharia, S. P., & Little, J. (2017). Starting where the client is: Harm reduction "
        "guidelines for clinical social work practice. *Clinical Social Work Journal, 45*(1), "
        "65–76. https://doi.org/10.1007/s10615-016-0584-3",
    ),
]


@pytest.mark.parametrize(("citation", "expected"), BRIEF, ids=[c.key for c, _ in BRIEF])
def test_reference_matches_the_corrected_list_in_the_brief(citation: Citation, expected: str):
    assert starred(format_citation(citation)) == expected


@pytest.mark.parametrize(("citation", "expected"), BRIEF, ids=[c.key for c, _ in BRIEF])
def test_plain_text_form_is_the_reference_without_italics(citation: Citation, expected: str):
    assert citation_text(citation) == expected.replace("*", "")


def test_doi_is_a_link_run_to_doi_org():
    last = format_citation(FRANCIS)[-1]
    assert last.link == last.text == "https://doi.org/10.1080/1556035X.2015.1034822"


def test_url_is_a_link_run_when_there_is_no_doi():
    last = format_citation(JONES_TAPIA)[-1]
    assert last.link == JONES_TAPIA.url


def test_editor_note_is_never_printed():
    assert "verify" not in citation_text(NCHS)
    assert "seed" not in citation_text(FRANCIS)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Lauren", "L."),
        ("D. H.", "D. H."),
        ("Daniel Henry", "D. H."),
        ("Jean-Paul", "J.-P."),
        ("K.M.", "K. M."),
        ("", ""),
    ],
)
def test_given_names_become_initials(given: str, expected: str):
    assert initials(given) == expected


def test_more_than_twenty_authors_lists_nineteen_an_ellipsis_and_the_last():
    authors = tuple(person(f"Name{i}", "A.") for i in range(1, 26))
    text = author_list(authors)
    assert text.count("Name") == 20
    assert "Name19, A., . . . Name25, A." in text
    assert "&" not in text


def test_twenty_authors_are_all_listed_with_an_ampersand():
    authors = tuple(person(f"Name{i}", "A.") for i in range(1, 21))
    assert author_list(authors).endswith(", & Name20, A.")


def test_missing_year_prints_no_date():
    citation = Citation(key="x", authors=(org("Agency"),), year=None, title="A page")
    assert citation_text(citation) == "Agency. (n.d.). A page."


def test_work_without_author_starts_with_its_title():
    citation = Citation(key="x", authors=(), year=2020, title="Words matter", container="NIDA")
    assert starred(format_citation(citation)) == "*Words matter*. (2020). NIDA."


def test_title_ending_in_a_question_mark_gets_no_extra_period():
    citation = Citation(key="x", authors=(org("A"),), year=2020, title="Why harm reduction?")
    assert citation_text(citation) == "A. (2020). Why harm reduction?"


@pytest.mark.parametrize(
    ("citation", "expected"),
    [
        (FRANCIS, "Francis & Reynolds, 2015"),
        (BRINKLEY, "Brinkley-Rubinstein et al., 2017"),
        (NCHS, "National Center for Health Statistics, 2021"),
    ],
)
def test_in_text_citation_names_authors_and_year(citation: Citation, expected: str):
    assert in_text(citation) == expected
