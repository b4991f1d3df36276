"""Planning the visual kinds: the blocks each makes, fitting, Sources, links, knowledge checks.

The fixture with one example of every kind (``tests/fixtures/visuals``) is planned for
both of its audiences and pinned as a golden outline (``tests/golden/visuals``;
rewrite with ``HRDECK_UPDATE_GOLDEN=1``); the rest checks one behaviour at a time.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from hrdeck.curriculum.model import Citation, Curriculum, Resource
from hrdeck.curriculum.validate import validate_curriculum
from hrdeck.curriculum.visualmodel import Stat
from hrdeck.diagnostics import Diagnostic
from hrdeck.outputs.outline import plan_outline
from hrdeck.plan.build import build_plan
from hrdeck.plan.fit import fit_slides
from hrdeck.plan.fitvisual import balanced_parts
from hrdeck.plan.links import short_address
from hrdeck.plan.makers_links import short_title
from hrdeck.plan.types import DeckPlan
from hrdeck.tailor import SessionOptions, tailor
from hrdeck.textfit.measure import DEFAULT_RULES
from tests import visual_samples
from tests.factories import audience, curriculum, module, slide

FIXTURE = Path(__file__).parent / "fixtures" / "visuals"
GOLDEN = Path(__file__).parent / "golden" / "visuals"


@pytest.fixture(scope="module")
def fixture() -> Curriculum:
    model, diagnostics = validate_curriculum(FIXTURE)
    assert model is not None, diagnostics
    return model


def plan(model: Curriculum, audience_id: str, **session: object) -> DeckPlan:
    return build_plan(tailor(model, audience_id, SessionOptions(**session)))  # type: ignore[arg-type]


def kinds(deck: DeckPlan) -> list[str]:
    return [s.kind for s in deck.slides]


@pytest.mark.parametrize("audience_id", ["court", "peer"])
def test_the_fixture_plans_to_its_golden_outline(fixture: Curriculum, audience_id: str) -> None:
    outline = plan_outline(plan(fixture, audience_id), root=str(FIXTURE))
    golden = GOLDEN / f"{audience_id}.txt"
    if os.environ.get("HRDECK_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(outline, "utf-8")
    assert outline == golden.read_text("utf-8")


def test_every_visual_kind_is_planned_once_with_notes(fixture: Curriculum) -> None:
    deck = plan(fixture, "court")
    assert kinds(deck) == [
        *("title", "chart", "stat", "check-question", "check-answer", "icons", "quote"),
        *("image", "check-question", "check-answer", "persona", "questions", "resources"),
        *("sources", "closing"),
    ]
    assert all(s.notes for s in deck.slides)
    assert deck.fitted and all(b.size_pt for s in deck.slides if s.kind == "stat" for b in s.blocks)


def test_a_chart_says_what_it_shows_in_its_alt_text_and_notes(fixture: Curriculum) -> None:
    chart = plan(fixture, "court").slides[1]
    assert chart.chart is not None
    assert chart.chart.alt.startswith(
        "Column chart of deaths, 2019 to 2024: Overdose deaths fell in 2024, but remain far "
        "above 2019. Overdose deaths: 70,630 in 2019, 91,799 in 2020"
    )
    assert [p.text for p in chart.blocks_with("source")[0].paras] == [
        "Source: NCHS data briefs; 2024 provisional (as of May 2025)"
    ]
    assert any(
        p.text.startswith("Data shown: Overdose deaths: 70,630 in 2019") for p in chart.notes
    )


def test_a_stat_shows_its_source_and_its_date_unless_the_source_dates_it(
    fixture: Curriculum,
) -> None:
    stat = plan(fixture, "court").slides[2]
    assert [b.paras[0].text for b in stat.blocks_with("value")] == ["129×", "4.6%"]
    assert [b.paras[0].text for b in stat.blocks_with("source")] == [
        "Source: Binswanger et al., 2007",
        "Source: Krawczyk et al., 2017",
    ]
    from hrdeck.plan.makers_visual import source_line

    ctx = SimpleNamespace(citations={})
    undated = Stat("5", "x", "2025-05-14", "2026-01-01", source="NCHS")
    line = source_line(ctx, undated.source, (), undated.as_of)  # type: ignore[arg-type]
    assert line == "Source: NCHS (as of May 2025)"


def test_the_case_persona_carries_the_card_and_puts_the_story_in_the_notes(
    fixture: Curriculum,
) -> None:
    persona = next(s for s in plan(fixture, "court").slides if s.kind == "persona")
    assert [b.role for b in persona.blocks] == ["name", "role", "details"]
    assert persona.blocks[0].icon == "user"
    notes = [p.text for p in persona.notes]
    assert notes[1] == "Read the scenario aloud:"
    assert notes[2].startswith("Anthony, 34, is six months into a treatment-court program.")


def test_an_icon_line_follows_the_audience(fixture: Curriculum) -> None:
    court = next(s for s in plan(fixture, "court").slides if s.kind == "icons")
    peer = next(s for s in plan(fixture, "peer").slides if s.kind == "icons")
    assert court.blocks_with("text")[3].paras[0].text.startswith("Call a never-use-alone line")
    assert peer.blocks_with("text")[3].paras[0].text.startswith("Call a line, text a friend")
    assert [b.icon for b in court.blocks_with("label")] == [
        "first-aid",
        "test-tube",
        "syringe",
        "phone",
    ]


# --- references and links --------------------------------------------------------------


def test_sources_list_only_cited_works_and_link_the_full_list(fixture: Curriculum) -> None:
    deck = plan(fixture, "court")
    sources = deck.slides[-2]
    assert sources.kind == "sources"
    listing = [p.runs[0].text for p in sources.blocks_with("body")[0].paras]
    assert listing == [  # alphabetical: they all fit
        "Binswanger et al., 2007",
        "Garnett & Miniño, 2024",
        "Krawczyk et al., 2017",
        "National Center for Health Statistics, 2025",
        "National Harm Reduction Coalition, n.d.",
    ]
    link = sources.blocks_with("link")[0].link
    assert link is not None and link.url == "https://training.example.org/hr-mandated/references"
    assert len(deck.references) == 5 and not any("never" in p.text for p in deck.references)


def test_references_on_slides_for_an_audience_that_asks_for_them(fixture: Curriculum) -> None:
    deck = plan(fixture, "peer")
    assert "sources" not in kinds(deck) and kinds(deck).count("references") == 1
    cited = [p.text for s in deck.slides for b in s.blocks_with("citation") for p in b.paras]
    assert len(cited) == 1  # peer's modules cite only the principles of harm reduction
    assert all("never cited" not in text.lower() for text in cited)


def test_the_evaluation_link_rides_on_the_closing_slide(fixture: Curriculum) -> None:
    closing = plan(fixture, "court").slides[-1]
    link = closing.block("link")
    assert link is not None and link.link is not None
    assert link.link.short == "forms.example.org/hr-evaluation"
    assert [p.text for p in link.paras] == ["Evaluation", "forms.example.org/hr-evaluation"]


@pytest.mark.parametrize(
    ("url", "short"),
    [
        ("https://www.samhsa.gov/find-help/", "samhsa.gov/find-help"),
        ("https://www.samhsa.gov/find-help/harm-reduction/framework", "samhsa.gov/…/framework"),
        (
            "https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2",
            "ecfr.gov/…/part-2",
        ),
        ("https://nida.nih.gov/" + "a-very-long-segment" * 3 + "/x" * 3, "nida.nih.gov/…/x"),
        ("https://nida.nih.gov/" + "a-segment-too-long-to-show/" * 3, "nida.nih.gov/…"),
        ("https://forms.example.org/e?id=3#top", "forms.example.org/e"),
        ("mailto:sam@example.org", "sam@example.org"),
        ("tel:+1-555-0100", "+1-555-0100"),
    ],
)
def test_short_addresses_are_domain_and_path_never_the_whole_url(url: str, short: str) -> None:
    assert short_address(url) == short
    assert len(short_address(url)) <= 34


def test_short_titles_stop_at_the_subtitle_or_a_word() -> None:
    assert short_title("Words matter: Terms to use and avoid") == "Words matter"
    title = "Only one in twenty justice-referred adults in specialty treatment for opioid use"
    assert short_title(title) == "Only one in twenty justice-referred adults in…"


def test_resources_that_do_not_fit_one_slide_go_onto_balanced_parts() -> None:
    many = tuple(
        Resource(f"Resource number {n} with a long name", f"https://example.org/{n}", "A line")
        for n in range(11)
    )
    mod = module("res", "resources", notes="n", resources=many)
    deck = build_plan(tailor(curriculum([mod], [audience("court", {"res": 4})]), "court"))
    parts = [len(s.blocks_with("resource")) for s in deck.slides]
    assert sum(parts) == 11 and max(parts) - min(parts) <= 1
    assert [s.title for s in deck.slides] == ["Res", "Res (cont.)"]
    assert [len(p) for p in balanced_parts(tuple(range(11)), 4)] == [4, 4, 3]  # type: ignore[arg-type]


def test_a_label_too_long_for_its_card_is_reported_at_its_yaml() -> None:
    stat = dataclasses.replace(
        visual_samples.stat_slide(),
        blocks=tuple(
            dataclasses.replace(b, paras=b.paras * 12) if b.role == "label" else b
            for b in visual_samples.stat_slide().blocks
        ),
    )
    found: list[Diagnostic] = []
    parts = fit_slides([stat], DEFAULT_RULES, found)
    assert len(parts) == len(stat.blocks_with("value"))  # one number per slide: still too long
    assert [d.code for d in found] == ["text-overflow"]  # said once
    assert "the label text of slide 'Risk is highest right after release'" in found[0].message
    assert all(b.size_pt == 18 for part in parts for b in part.blocks_with("label"))


def test_a_long_sources_list_keeps_what_fits_and_counts_the_rest() -> None:
    many = tuple(
        Citation(f"k{n}", (), 2000 + n, f"A study of harm reduction programs number {n}")
        for n in range(40)
    )
    citing = module("b", slides=(slide("S", cite=tuple(c.key for c in many)),))
    refs = module("refs", "references", citations=many)
    deck = build_plan(
        tailor(curriculum([citing, refs], [audience("court", {"b": 3, "refs": 1})]), "court")
    )
    listing = deck.slides[-1].blocks_with("body")[0].paras
    assert 5 < len(listing) < 40
    assert listing[-1].text == f"… and {40 - len(listing) + 1} more"


# --- knowledge checks --------------------------------------------------------------------


def test_checks_follow_the_module_that_teaches_them_numbered_through_the_deck(
    fixture: Curriculum,
) -> None:
    deck = plan(fixture, "court")
    checks = [(s.title, s.module_id) for s in deck.slides if s.kind.startswith("check-")]
    assert checks == [
        ("Knowledge check (1 of 2)", "numbers"),
        ("Knowledge check (1 of 2): answer", "numbers"),
        ("Knowledge check (2 of 2)", "kit"),  # after the last module that teaches it
        ("Knowledge check (2 of 2): answer", "kit"),
    ]
    answer = next(s for s in deck.slides if s.title == "Knowledge check (2 of 2): answer")
    assert answer.blocks[0].paras[0].text == "Answer: A. Call for help and give naloxone"


def test_checks_are_off_unless_the_audience_or_the_build_asks(fixture: Curriculum) -> None:
    assert not any(k.startswith("check-") for k in kinds(plan(fixture, "peer")))
    asked = plan(fixture, "peer", knowledge_checks=True)
    titles = [s.title for s in asked.slides if s.kind == "check-question"]
    assert titles == ["Knowledge check (1 of 1)"]  # peer has one of the two objectives


def test_checks_take_their_minutes_from_their_module(fixture: Curriculum) -> None:
    deck = plan(fixture, "court")
    numbers = [s for s in deck.slides if s.module_id == "numbers"]
    assert sum(s.minutes or 0 for s in numbers) == 6
    assert all(s.minutes == 0.5 for s in numbers if s.kind.startswith("check-"))


def test_a_drawn_slide_without_a_measured_area_is_left_to_the_renderer() -> None:
    rules = dataclasses.replace(DEFAULT_RULES, areas={})
    stat = visual_samples.stat_slide()
    assert fit_slides([stat], rules, []) == [stat]


def test_icons_that_do_not_fit_one_slide_continue_on_another() -> None:
    """On a narrow area (an agency template's), six icon cells leave no room for their
    lines: the items go over two slides, each readable, instead of running out."""
    from hrdeck.plan.fitvisual import fit_visual
    from hrdeck.textfit.measure import FitRules, TextArea

    icons = visual_samples.icons_slide()
    narrow = FitRules({**DEFAULT_RULES.areas, "icons/content": TextArea(420.0, 250.0)})
    found: list[Diagnostic] = []
    wide = fit_visual(icons, DEFAULT_RULES, found, None)
    parts = fit_visual(icons, narrow, found, None)
    assert len(wide) == 1 and len(parts) >= 2
    assert found == []
    assert sum(len(p.blocks_with("label")) for p in parts) == len(icons.blocks_with("label"))
    assert parts[1].title == f"{icons.title} (cont.)"
