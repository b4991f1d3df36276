"""Planning: each module kind becomes the slides the renderer expects, timed and noted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hrdeck.curriculum.model import (
    Citation,
    Diagram,
    Edge,
    Fact,
    Image,
    Myth,
    Node,
    Resource,
    Side,
    Stage,
    Variants,
)
from hrdeck.diagnostics import Diagnostic
from hrdeck.plan.build import build_plan, unique_titles
from hrdeck.plan.timing import spread, timing_line
from hrdeck.plan.types import DeckPlan, SlidePlan
from hrdeck.richtext import Para, Run
from hrdeck.tailor import tailor
from tests.factories import audience, curriculum, item, module, slide

FRANCIS = Citation(
    "francis2015", (), 2015, "Noncompleting drug court clients", container="J", volume="10"
)


def plan_of(
    *modules: Any,
    minutes: dict[str, float] | None = None,
    root: str = "/c",
    diagnostics: list[Diagnostic] | None = None,
    **audience_fields: Any,
) -> DeckPlan:
    mods = list(modules)
    minutes = minutes or {m.id: 4 for m in mods}
    cur = curriculum(mods, [audience("court", minutes, **audience_fields)], root=root)
    return build_plan(tailor(cur, "court"), diagnostics)


def only_slide(plan: DeckPlan) -> SlidePlan:
    assert len(plan.slides) == 1
    return plan.slides[0]


def texts(paras: tuple[Para, ...]) -> list[str]:
    return [p.text for p in paras]


def test_title_slide_has_presenter_block_and_course_subtitle():
    s = only_slide(plan_of(module("title", "title", title="Harm Reduction")))
    assert (s.kind, s.title, s.subtitle) == ("title", "Harm Reduction", "A test course")
    presenter = s.block("presenter")
    assert presenter is not None
    assert texts(presenter.paras) == ["Sam Rivera, LCSW", "Test Agency", "sam@example.org"]
    assert presenter.paras[2].runs[0].link == "mailto:sam@example.org"


def test_agenda_lists_the_other_modules_with_minutes_and_a_total():
    plan = plan_of(
        module("title", "title"),
        module("agenda", "agenda", title="Agenda"),
        module("myths", "myths", title="Myths", myths=(Myth("m", "f", "n"),)),
        module("close", "closing", title="Thank you"),
        minutes={"title": 2, "agenda": 1, "myths": 10, "close": 2.5},
    )
    agenda = plan.slides[1].block("body")
    assert agenda is not None
    assert texts(agenda.paras) == ["Myths (10 minutes)", "Total: 15.5 minutes"]


def test_section_slide_keeps_its_subtitle():
    s = only_slide(plan_of(module("s", "section", title="Part 1", subtitle="Basics", notes="n")))
    assert (s.kind, s.title, s.subtitle) == ("section", "Part 1", "Basics")


@pytest.mark.parametrize("kind", ["bullets", "concepts", "strategies", "exercise"])
def test_each_slide_entry_becomes_a_bullet_slide_with_nested_levels(kind: str):
    entry = slide("Strategies", item("Naloxone", item("Nasal spray")), "Test strips", line=7)
    s = only_slide(plan_of(module("m", kind, slides=(entry,))))
    assert (s.kind, s.title, s.source.line) == ("bullets", "Strategies", 7)
    body = s.block("body")
    assert body is not None
    assert [(p.text, p.level) for p in body.paras] == [
        ("Naloxone", 0),
        ("Nasal spray", 1),
        ("Test strips", 0),
    ]


def test_facts_show_their_as_of_month():
    fact = Fact("About 107,000 overdose deaths in 12 months", "2021-11-17")
    s = only_slide(plan_of(module("m", slides=(slide("Why", facts=(fact,)),))))
    body = s.block("body")
    assert body is not None
    assert body.paras[-1].text.endswith("12 months (as of November 2021)")


def test_attribution_materials_and_citations_are_appended_to_notes():
    mod = module(
        "m",
        "exercise",
        attribution="NHRC principles",
        materials=("Flip chart", "Markers"),
        slides=(slide("Step 1", "Pair up", cite=("francis2015",)), slide("Step 2", "Report")),
    )
    refs = module("refs", "references", citations=(FRANCIS,))
    first, second = plan_of(mod, refs, minutes={"m": 4}).slides
    notes = texts(first.notes)
    assert notes[1:] == [
        "Notes for Step 1.",
        "Materials:",
        "Flip chart",
        "Markers",
        "Source:",
        "NHRC principles",
        "Sources: Noncompleting drug court clients, 2015.",
    ]
    assert "Materials:" not in texts(second.notes)
    assert "NHRC principles" in texts(second.notes)


def test_each_myth_is_its_own_slide_with_myth_and_fact_blocks_and_unique_titles():
    mod = module(
        "myths",
        "myths",
        title="Harm Reduction Myth",
        myths=(
            Myth("It enables use", "It **saves** lives", "Ask the room."),
            Myth("It's a free-for-all", "It is structured", "Discuss."),
        ),
    )
    slides = plan_of(mod).slides
    assert [s.title for s in slides] == ["It saves lives", "It is structured"]  # the facts
    assert [s.kind for s in slides] == ["myth", "myth"]
    fact = slides[0].block("fact")
    assert fact is not None
    assert fact.heading == "Fact"
    assert Run("saves", bold=True) in fact.paras[0].runs
    assert slides[0].block("myth") is not None


def test_a_myth_slide_is_titled_with_the_facts_first_sentence_and_shows_the_rest():
    fact = "Accepting is not endorsing. Syringe services do not increase drug use, e.g. in cities."
    mod = module("myths", "myths", title="Myths", myths=(Myth("It enables use", fact, "n"),))
    slide = only_slide(plan_of(mod))
    assert slide.title == "Accepting is not endorsing"
    evidence = slide.block("fact")
    assert evidence is not None
    assert [p.text for p in evidence.paras] == [
        "Syringe services do not increase drug use, e.g. in cities."
    ]


def test_a_myth_whose_first_sentence_is_too_long_for_a_title_keeps_a_numbered_title():
    long_fact = "Harm reduction " + "really " * 20 + "helps. More evidence follows."
    myths = (Myth("One", long_fact, "n"), Myth("Two", "Short fact.", "n"))
    slides = plan_of(module("myths", "myths", title="Myths", myths=myths)).slides
    assert [s.title for s in slides] == ["Myths #1", "Short fact"]
    first = slides[0].block("fact")
    assert first is not None and first.paras[0].text == long_fact  # all of it, in the panel


def test_spectrum_has_one_stage_block_per_stage_in_order_and_a_caption():
    stages = tuple(Stage(label, f"{label} described") for label in ("Safer use", "Abstinence"))
    mod = module("sp", "spectrum", stages=stages, caption="A continuum", notes="n")
    s = only_slide(plan_of(mod))
    assert [b.heading for b in s.blocks_with("stage")] == ["Safer use", "Abstinence"]
    caption = s.block("caption")
    assert caption is not None
    assert caption.paras[0].text == "A continuum"


@pytest.mark.parametrize("kind", ["roles", "comparison"])
def test_roles_become_a_comparison_with_left_and_right_headings(kind: str):
    mod = module(
        "r",
        kind,
        notes="n",
        left=Side("Provider", (item("Treat"),)),
        right=Side("Court", (item("Monitor"),)),
    )
    s = only_slide(plan_of(mod))
    left, right = s.block("left"), s.block("right")
    assert s.kind == "comparison"
    assert left is not None and right is not None
    assert (left.heading, texts(left.paras), right.heading) == ("Provider", ["Treat"], "Court")


def test_diagram_carries_nodes_edges_and_alt_text():
    diagram = Diagram(
        (Node("c", "Clinician"), Node("p", "Probation")),
        (Edge("c", "p", "reports"),),
        "Two-way communication",
    )
    s = only_slide(plan_of(module("d", "diagram", diagram=diagram, notes="n")))
    assert s.diagram is not None
    assert [n.label for n in s.diagram.nodes] == ["Clinician", "Probation"]
    assert s.diagram.edges[0].both_ways is True
    assert s.diagram.alt == "Two-way communication"


def case_module() -> Any:
    return module(
        "case",
        "case",
        title="Case: Anthony",
        narrative="Anthony is in an ATI program.",
        questions=Variants(("Default?",), (("court", ("Bench response?", "Consent scope?")),)),
        facilitation="Let groups read the consent.",
        part2=("Consent under §2.35",),
        notes="Set up the case.",
    )


def test_case_makes_a_narrative_slide_then_this_audiences_questions():
    case, questions = plan_of(case_module()).slides
    narrative = case.block("narrative")
    assert narrative is not None
    assert texts(narrative.paras) == ["Anthony is in an ATI program."]
    assert (questions.kind, questions.title) == ("questions", "Discussion questions")
    body = questions.block("body")
    assert body is not None
    assert texts(body.paras) == ["Bench response?", "Consent scope?"]


def test_case_notes_carry_facilitation_questions_and_part2_points():
    case, _ = plan_of(case_module()).slides
    notes = texts(case.notes)
    for expected in [
        "Set up the case.",
        "Let groups read the consent.",
        "Bench response?",
        "Consent under §2.35",
    ]:
        assert expected in notes


def test_discussion_gets_more_of_the_case_minutes_than_the_narrative():
    case, questions = plan_of(case_module(), minutes={"case": 15}).slides
    assert case.minutes is not None and questions.minutes is not None
    assert case.minutes + questions.minutes == 15
    assert questions.minutes > case.minutes


def test_resources_are_cards_with_linked_names_lines_and_short_addresses():
    mod = module(
        "res",
        "resources",
        notes="n",
        resources=(
            Resource("SAMHSA", "https://www.samhsa.gov/find-help/", "Federal agency"),
            Resource("NIDA", "https://nida.nih.gov/a/b", "Words", short="nida.nih.gov/words"),
        ),
    )
    samhsa, nida = only_slide(plan_of(mod)).blocks_with("resource")
    # the name in bold and not a link: the QR code and the short address carry it
    assert samhsa.paras[0].runs[0] == Run("SAMHSA", bold=True)
    assert samhsa.paras[-1].runs[0].link == "https://www.samhsa.gov/find-help/"
    assert texts(samhsa.paras) == ["SAMHSA", "Federal agency", "samhsa.gov/find-help"]
    assert samhsa.link is not None and samhsa.link.short == "samhsa.gov/find-help"
    assert nida.link is not None and nida.link.short == "nida.nih.gov/words"


ZEBRA = Citation("z", (), 2017, "Zebra study")


def test_references_on_slides_list_only_what_the_session_cites_alphabetically():
    citing = module("b", slides=(slide("S", cite=("z", "francis2015")),))
    refs = module("refs", "references", citations=(ZEBRA, FRANCIS, Citation("u", (), 2001, "U")))
    plan = plan_of(citing, refs, references="slides")
    block = plan.slides[-1].block("citation")
    assert block is not None
    assert [p.text[:5] for p in block.paras] == ["Nonco", "Zebra"]


def test_references_default_to_one_sources_slide_and_the_full_list_on_the_plan():
    citing = module("b", slides=(slide("S", cite=("z",)), slide("T", cite=("z", "francis2015"))))
    refs = module("refs", "references", citations=(FRANCIS, ZEBRA, Citation("u", (), 2001, "U")))
    plan = plan_of(citing, refs)
    sources = plan.slides[-1]
    assert (sources.kind, sources.title) == ("sources", "Sources")
    listing = sources.block("body")
    assert listing is not None  # alphabetical: everything fits
    assert [p.runs[0].text for p in listing.paras] == [  # works without authors: by title
        "Noncompleting drug court clients, 2015",
        "Zebra study, 2017",
    ]
    where = sources.block("link")
    assert where is not None and where.link is None  # no sources_url: the handout and guide
    assert "handout" in texts(where.paras)[1]
    assert [p.text[:5] for p in plan.references] == ["Nonco", "Zebra"]


def test_closing_falls_back_to_presenter_contact_lines():
    s = only_slide(plan_of(module("end", "closing", title="Thank you")))
    body = s.block("body")
    assert body is not None
    assert "sam@example.org" in texts(body.paras)


def test_every_slide_notes_start_with_its_timing():
    plan = plan_of(
        module("a", "section", notes="x"),
        module("b", slides=(slide("S"),)),
        minutes={"a": 2, "b": 3},
    )
    assert [s.notes[0].text for s in plan.slides] == [
        "About 2 minutes (0:00–0:02 of 0:05).",
        "About 3 minutes (0:02–0:05 of 0:05).",
    ]
    assert plan.total_minutes == 5


def test_missing_notes_warn_at_the_slide_and_notes_still_are_not_empty():
    diagnostics: list[Diagnostic] = []
    plan = plan_of(
        module("m", slides=(slide("Bare", "x", notes="", line=9),)), diagnostics=diagnostics
    )
    assert [(d.code, d.loc.line, d.severity) for d in diagnostics] == [
        ("missing-notes", 9, "warning")
    ]
    assert plan.slides[0].notes


def test_module_notes_stand_in_for_slides_without_their_own():
    diagnostics: list[Diagnostic] = []
    mod = module("m", notes="Module-wide notes.", slides=(slide("A", notes=""),))
    plan = plan_of(mod, diagnostics=diagnostics)
    assert "Module-wide notes." in texts(plan.slides[0].notes)
    assert diagnostics == []


def test_unsupported_markup_in_notes_is_reported_with_the_slide_location():
    diagnostics: list[Diagnostic] = []
    plan_of(module("m", slides=(slide("A", notes="# Heading", line=4),)), diagnostics=diagnostics)
    assert [(d.code, d.loc.line) for d in diagnostics] == [("unsupported-markup", 4)]


def test_duplicate_titles_are_numbered():
    base = SlidePlan("bullets", "Same", "m", slide("x").loc)
    titles = [s.title for s in unique_titles([base, base, base])]
    assert titles == ["Same", "Same (2)", "Same (3)"]


def test_titles_are_unique_across_the_deck():
    mod = module("m", slides=(slide("Overview"), slide("Overview")))
    other = module("n", slides=(slide("Overview"),))
    titles = [s.title for s in plan_of(mod, other).slides]
    assert len(set(titles)) == len(titles) == 3


def test_image_is_resolved_against_the_curriculum_root(tmp_path: Path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "kit.png").write_bytes(b"png")
    entry = slide("Kit", image=Image("images/kit.png", "A naloxone kit"))
    s = only_slide(plan_of(module("m", slides=(entry,)), root=str(tmp_path)))
    assert s.image is not None
    assert s.image.path == str(tmp_path / "images" / "kit.png")
    assert s.image.alt == "A naloxone kit"


def test_missing_image_warns_and_plans_the_slide_without_it(tmp_path: Path):
    diagnostics: list[Diagnostic] = []
    entry = slide("Kit", image=Image("images/none.png", "A kit"))
    plan = plan_of(module("m", slides=(entry,)), root=str(tmp_path), diagnostics=diagnostics)
    assert plan.slides[0].image is None
    assert [d.code for d in diagnostics] == ["missing-image"]


def test_plan_carries_course_audience_and_objectives():
    plan = plan_of(module("s", "section", notes="n"), objectives=("Describe Part 2",))
    assert (plan.course_id, plan.audience, plan.audience_label) == ("test-course", "court", "Court")
    assert plan.objectives == ("Describe Part 2",)
    assert plan.presenter == "Sam Rivera, LCSW — Test Agency"


@pytest.mark.parametrize(
    ("minutes", "weights", "expected"),
    [(10, [1, 1, 1], [3.5, 3, 3.5]), (2, [1] * 4, [0.5] * 4), (15, [1, 2], [5, 10]), (0, [1], [0])],
)
def test_minutes_spread_into_half_minutes_that_add_up(minutes, weights, expected):
    assert spread(minutes, weights) == expected
    assert sum(spread(minutes, weights)) == minutes


def test_zero_minute_slides_say_they_are_brief():
    assert timing_line(0, 5, 60).text.startswith("Brief")


def test_agenda_folds_the_modules_after_a_section_into_that_section():
    plan = plan_of(
        module("agenda", "agenda"),
        module("intro", title="Welcome"),
        module("s1", "section", title="Myths"),
        module("myths", "myths", myths=(Myth("m", "f", "n"),)),
        module("more", title="More myths"),
        module("s2", "section", title="Strategies"),
        module("strat", title="Strategies in detail"),
        module("close", "closing"),
        minutes={
            "agenda": 1,
            "intro": 3,
            "s1": 1,
            "myths": 10,
            "more": 4,
            "s2": 1,
            "strat": 9,
            "close": 1,
        },
    )
    body = plan.slides[0].block("body")
    assert body is not None
    assert texts(body.paras) == [
        "Welcome (3 minutes)",
        "Myths (15 minutes)",
        "Strategies (10 minutes)",
        "Total: 30 minutes",
    ]


def test_a_sources_line_ending_with_an_undated_work_has_one_full_stop():
    undated = Citation("nhrc", (), None, "Principles of harm reduction")
    mod = module("m", slides=(slide("Why", "Text", cite=("francis2015", "nhrc")),))
    refs = module("refs", "references", citations=(FRANCIS, undated))
    notes = texts(plan_of(mod, refs).slides[0].notes)
    sources = [line for line in notes if line.startswith("Sources:")]
    assert sources == [
        "Sources: Noncompleting drug court clients, 2015; Principles of harm reduction, n.d."
    ]
    assert not any(".." in line for line in notes)
