"""Deck plan + theme -> the kit's model: where each field comes from (hrdeck.outputs.kitplan).

Content (key points, resources, references, materials) is read from hand-built slides, so
each rule is pinned by an example; the built-in court plan checks the whole adapter and
the parts a build picks (hrdeck.outputs.bundle).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from hrdeck.diagnostics import Loc
from hrdeck.errors import UsageError
from hrdeck.outputs.bundle import (
    DEFAULT_PARTS,
    PARTS,
    audience_files,
    kit_name,
    output_choice,
)
from hrdeck.outputs.kit.checks import kit_problems
from hrdeck.outputs.kit.model import HandoutResource, plain_text
from hrdeck.outputs.kit.shortaddress import full_address, short_address
from hrdeck.outputs.kitcontent import handout_references, handout_resources, module_summaries
from hrdeck.outputs.kitplan import agency_name, kit_from_plan, paper_for
from hrdeck.outputs.logistics import materials, module_materials, room_setup
from hrdeck.paths import builtin_curriculum
from hrdeck.pipeline import BuildRequest, plan_audience, prepare
from hrdeck.plan.session import PersonPlan, SessionPlan
from hrdeck.plan.types import Block, DeckPlan, SlidePlan
from hrdeck.richtext import Para, Run
from hrdeck.theme.model import Logo, Theme
from tests.kit_samples import make_logo


def para(*parts: str | Run, level: int = 0) -> Para:
    return Para(tuple(Run(x) if isinstance(x, str) else x for x in parts), level)


def slide(kind: str, module: str, *blocks: Block, **fields: object) -> SlidePlan:
    return SlidePlan(
        kind,
        f"{module} slide",
        module,
        Loc("m.yaml", 1, 1),
        blocks,
        module_title=module.title(),
        **fields,  # type: ignore[arg-type]
    )


def deck(*slides: SlidePlan, session: SessionPlan | None = None) -> DeckPlan:
    return DeckPlan(
        "c", "Course", "court", "Courts", "en-US", "2026-11-01", "", (), slides, session=session
    )


@pytest.fixture(scope="module")
def court() -> tuple[DeckPlan, Theme]:
    prepared = prepare(BuildRequest(builtin_curriculum(), "court", minutes=60, start="09:00"))
    planned = plan_audience(prepared.curriculum, "court", prepared.theme.rules, prepared.session)
    return planned.plan, prepared.theme.theme


# --- key points -----------------------------------------------------------------------------


def test_key_points_are_the_top_level_bullets_of_each_module_once() -> None:
    body = Block("body", (para("One"), para("nested", level=1), para("Two")))
    again = Block("body", (para("Two"), para("Three")))
    summaries = module_summaries(
        deck(
            slide("title", "title", Block("presenter", (para("Someone"),))),
            slide("bullets", "basics", body),
            slide("bullets", "basics", again),  # a continuation repeats "Two"
            slide("section", "part"),
            slide("resources", "links", Block("body", (para("Site"),))),
        )
    )
    assert [(s.title, [plain_text(p) for p in s.key_points]) for s in summaries] == [
        ("Basics", ["One", "Two", "Three"])
    ]


def test_myths_comparisons_spectra_and_cases_become_readable_points() -> None:
    summaries = module_summaries(
        deck(
            slide(
                "myth",
                "myths",
                Block("myth", (para("It enables use."),), heading="Myth"),
                Block("fact", (para("It keeps people alive."),), heading="Fact"),
            ),
            slide(
                "comparison",
                "roles",
                Block("left", (para("Treats"), para("Reports")), heading="Provider"),
                Block("right", (para("Monitors"),), heading="Court"),
            ),
            slide(
                "spectrum",
                "spectrum",
                Block("stage", (para("Sterile supplies"),), heading="Safer use"),
                Block("caption", (para("Every step counts."),)),
            ),
            slide("case", "case", Block("narrative", (para("Anthony joins a program."),))),
            slide("questions", "case", Block("body", (para("What would you do?"),))),
        )
    )
    points = {s.title: [plain_text(p) for p in s.key_points] for s in summaries}
    assert points == {
        "Myths": ["Myth: It enables use. Fact: It keeps people alive."],
        "Roles": ["Provider: Treats; Reports", "Court: Monitors"],
        "Spectrum": ["Safer use: Sterile supplies", "Every step counts."],
        "Case": ["Anthony joins a program.", "To discuss: What would you do?"],
    }
    myth = summaries[0].key_points[0]
    assert isinstance(myth, tuple) and myth[0] == Run("Myth: ", bold=True)


# --- resources and references ----------------------------------------------------------------


def test_resources_are_read_as_the_plan_writes_them() -> None:
    url = "https://www.samhsa.gov/find-help/harm-reduction/framework"
    resources = handout_resources(
        deck(
            slide(
                "resources",
                "resources",
                Block(
                    "body",
                    (
                        para(
                            Run("SAMHSA ", link=url), Run("Framework", link=url), " — ", "Federal"
                        ),
                        para(Run("Never Use Alone", link="https://neverusealone.com")),
                        para("No link, so no QR code"),
                        para(Run("SAMHSA again", link=url), " — ", "a duplicate"),
                    ),
                ),
            )
        )
    )
    assert resources == (
        HandoutResource("SAMHSA Framework", url, "samhsa.gov/find-help", (Run("Federal"),)),
        HandoutResource("Never Use Alone", "https://neverusealone.com", "neverusealone.com", ""),
    )


@pytest.mark.parametrize(
    ("url", "short"),
    [
        ("https://www.samhsa.gov/find-help/harm-reduction/framework", "samhsa.gov/find-help"),
        ("https://harmreduction.org", "harmreduction.org"),
        ("https://allrise.org/publications/standards/", "allrise.org/publications"),
        ("https://allrise.org/standards/", "allrise.org/standards"),
        (
            "https://nida.nih.gov/nidamed-medical-health-professionals/words-matter",
            "nida.nih.gov",
        ),
        ("http://example.org/a?b=c", "example.org/a"),
        ("not a url", "not a url"),
    ],
)
def test_short_addresses_are_short_enough_to_type(url: str, short: str) -> None:
    assert short_address(url) == short


def test_a_full_address_keeps_the_path() -> None:
    assert full_address("https://www.forms.example.org/hr-court-2026-11/") == (
        "forms.example.org/hr-court-2026-11"
    )
    assert full_address("no address") == "no address"


def test_references_keep_their_runs_and_first_link() -> None:
    doi = "https://doi.org/10.1/x"
    cited = para("Author. (2020). ", Run("Title", italic=True), ". ", Run(doi, link=doi))
    plain = para("Agency. (n.d.). A page.")
    references = handout_references(
        deck(slide("references", "refs", Block("citation", (cited, plain))))
    )
    assert [(r.text, r.url) for r in references] == [(cited.runs, doi), (plain.runs, None)]


# --- materials and room ----------------------------------------------------------------------


def test_module_materials_come_from_the_notes_materials_list() -> None:
    notes = (
        para("Form groups."),
        para(Run("Materials:", bold=True)),
        para("Chart paper", level=1),
        para("Markers", level=1),
        para("Back to the notes."),
        para("Not material", level=1),
    )
    plan = deck(slide("bullets", "stigma tree", notes=notes))
    assert module_materials(plan) == [("Stigma Tree", ["Chart paper", "Markers"])]
    assert materials(plan)[-2:] == ("Chart paper (Stigma Tree)", "Markers (Stigma Tree)")
    assert "Certificates of attendance" in materials(plan)
    assert not any("Pre-tests" in item for item in materials(plan))  # no session, no tests
    assert any("Stigma Tree" in note for note in room_setup(plan))


def test_the_court_room_setup_follows_its_session(court: tuple[DeckPlan, Theme]) -> None:
    plan, _ = court
    setup = room_setup(plan)
    assert "Seating that moves into small groups, for Case scenario: Anthony." in setup
    assert setup[-1] == "A clock the presenter can see: the session ends at 10:00."
    assert not any(note.startswith("Break at") for note in setup)  # 60 minutes: no break
    assert "Pre-tests and post-tests, one of each per participant" in materials(plan)


# --- the whole kit ---------------------------------------------------------------------------


def test_the_court_kit_is_the_plans_session_in_the_themes_colours(
    court: tuple[DeckPlan, Theme],
) -> None:
    plan, theme = court
    kit = kit_from_plan(plan, theme)
    assert kit_problems(kit) == []
    assert kit.session is plan.session
    assert kit.brand.heading_font == theme.heading_font
    assert kit.brand.accent_color == f"#{theme.palette.accent}"
    assert kit.brand.logo_path is None and kit.brand.org_name == ""
    assert kit.delivery.subtitle == plan.slides[0].subtitle
    assert kit.delivery.venue == "" and kit.delivery.contact == ""
    assert kit.paper == "letter"
    titles = [summary.title for summary in kit.modules]
    first_taught = next(s.module_title for s in plan.slides if s.kind not in ("title", "agenda"))
    assert titles[0] == first_taught and "Case scenario: Anthony" in titles
    assert len(kit.references) >= 10 and len(kit.resources) >= 5


def test_brand_and_contact_come_from_the_theme_and_presenters(
    court: tuple[DeckPlan, Theme], tmp_path: Path
) -> None:
    plan, theme = court
    logo = Logo(make_logo(tmp_path / "logo.png"), "Eastside Outreach logo")
    branded = dataclasses.replace(theme, logo=logo, footer="Eastside Outreach")
    presenters = (
        PersonPlan("A. Rivera", "MSW", None, ("a@example.org",)),
        PersonPlan("B. Chen", None, "Eastside Outreach", ("b@example.org", "a@example.org")),
    )
    assert plan.session is not None
    session = dataclasses.replace(plan.session, presenters=presenters)
    kit = kit_from_plan(dataclasses.replace(plan, session=session), branded)
    assert (kit.brand.logo_path, kit.brand.logo_alt) == (logo.path, logo.alt)
    assert kit.brand.footer_text == "Eastside Outreach"
    assert kit.brand.org_name == "Eastside Outreach"
    assert kit.delivery.contact == "a@example.org · b@example.org"


def test_the_agency_falls_back_to_the_authors_organisation() -> None:
    author = PersonPlan("D. Blackwell", "LCSW", "Housing Works")
    session = SessionPlan(
        "c", "Course", "court", "Courts", "", "2026-11-01", "en-US", author=author
    )
    assert agency_name(session) == "Housing Works"


@pytest.mark.parametrize(
    ("language", "paper"), [("en-US", "letter"), ("en-GB", "a4"), ("es", "a4")]
)
def test_paper_follows_the_language(language: str, paper: str) -> None:
    assert paper_for(language) == paper


def test_a_plan_without_a_session_is_refused_clearly(court: tuple[DeckPlan, Theme]) -> None:
    plan, theme = court
    with pytest.raises(ValueError, match="the court plan has no session plan"):
        kit_from_plan(dataclasses.replace(plan, session=None), theme)


# --- which parts, under which names ---------------------------------------------------------


def test_the_choice_of_parts() -> None:
    assert output_choice() == output_choice(False, None, False)
    assert output_choice().parts == DEFAULT_PARTS and not output_choice().folders
    assert output_choice(kit=True).ordered == PARTS and output_choice(kit=True).folders
    assert output_choice(only="Handout , key").ordered == ("handout", "key")
    assert output_choice(pdf=True).pdf and not output_choice(pdf=True).folders
    with pytest.raises(UsageError, match="unknown part"):
        output_choice(only="deck,slides")


def test_kit_names_sort_in_the_order_of_use() -> None:
    names = [kit_name(part, "x") for part in PARTS]
    assert names == sorted(names) and names[0] == "01-x" and names[-1] == "11-x"


def test_without_questions_the_tests_are_skipped_with_a_warning(
    court: tuple[DeckPlan, Theme],
) -> None:
    plan, theme = court
    assert plan.session is not None
    bare = dataclasses.replace(
        plan, session=dataclasses.replace(plan.session, questions=(), pretest=(), posttest=())
    )

    def no_deck(_: DeckPlan, __: Theme) -> bytes:
        raise AssertionError("the deck was not asked for")

    made = audience_files(bare, theme, output_choice(only="pretest,handout,lms"), no_deck)
    assert [name for name, _ in made.files] == ["court/06-handout.docx"]
    (warning,) = made.diagnostics
    assert warning.code == "kit-no-questions" and "pretest, lms not written" in warning.message
