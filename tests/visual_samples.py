"""Hand-built plan slides of the visual kinds, for the sample plan and renderer tests.

Realistic content from the curriculum (its own dated figures): overdose deaths by
year, the 129-times risk after release, strategies as icons, Anthony as a persona,
resources and a Sources slide with QR codes, a knowledge check.
"""

from __future__ import annotations

from hrdeck.diagnostics import Loc
from hrdeck.plan.links import plan_link
from hrdeck.plan.types import Block, PlanChart, PlanImage, PlanSeries, SlidePlan
from hrdeck.richtext import Para, Run

DEATHS = (70630.0, 91799.0, 106699.0, 107941.0, 105007.0, 80391.0)
YEARS = ("2019", "2020", "2021", "2022", "2023", "2024")
EVALUATION = "https://forms.example.org/hr-evaluation"
SOURCES_URL = "https://training.example.org/hr-mandated/references"
RESOURCES = (
    ("National Harm Reduction Coalition", "Principles, trainings, stigma resources",
     "https://harmreduction.org"),
    ("SAMHSA Harm Reduction Framework", "Federal principles for programs (2023)",
     "https://www.samhsa.gov/find-help/harm-reduction/framework"),
    ("All Rise (formerly NADCP)", "Treatment-court standards and training",
     "https://allrise.org"),
    ("42 CFR Part 2 (eCFR)", "The confidentiality rule, current text",
     "https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2"),
    ("The ADA and opioid use disorder", "DOJ guidance (2022)",
     "https://www.ada.gov/resources/opioid-use-disorder/"),
)  # fmt: skip


def p(*parts: str | Run) -> Para:
    return Para(tuple(Run(x) if isinstance(x, str) else x for x in parts))


def bold(text: str) -> Para:
    return Para((Run(text, bold=True),))


def _spec(kind: str, title: str, *blocks: Block, minutes: float = 3, **fields: object) -> SlidePlan:
    return SlidePlan(
        kind=kind,
        title=title,
        module_id=kind,
        source=Loc(f"{kind}.yaml", 1, 1),
        blocks=blocks,
        minutes=minutes,
        notes=(p(f"[{minutes:g} min] Facilitator notes."),),
        **fields,  # type: ignore[arg-type]
    )


def chart_slide() -> SlidePlan:
    chart = PlanChart(
        "column",
        YEARS,
        (PlanSeries("Overdose deaths", DEATHS),),
        alt="Column chart of deaths, 2019 to 2024: overdose deaths by year. "
        "Overdose deaths: 70,630 in 2019, 91,799 in 2020, 106,699 in 2021, 107,941 in 2022, "
        "105,007 in 2023, 80,391 in 2024.",
        units="deaths",
    )
    return _spec(
        "chart",
        "Overdose deaths fell in 2024, but remain far above 2019",
        Block("source", (p("Source: NCHS data briefs; 2024 provisional (as of May 2025)"),)),
        Block("caption", (p("2024 is a provisional count; the others are final."),)),
        chart=chart,
    )


def stat_slide() -> SlidePlan:
    return _spec(
        "stat",
        "Risk is highest right after release",
        Block("value", (bold("129×"),)),
        Block("label", (p("overdose death risk in the first two weeks after prison release"),)),
        Block("source", (p("Source: Binswanger et al., 2007 (as of January 2007)"),)),
        Block("value", (bold("4.6%"),)),
        Block("label", (p("of justice-referred clients with opioid use got agonist medication"),)),
        Block("source", (p("Source: Krawczyk et al., 2017 (as of 2014 data)"),)),
        Block("caption", (p("Every release is a moment for naloxone and MOUD."),)),
    )


def icons_slide() -> SlidePlan:
    items = (
        ("first-aid", "Naloxone", "Carry it, and know the steps"),
        ("test-tube", "Test strips", "Check for fentanyl and xylazine"),
        ("syringe", "Sterile supplies", "New equipment every time"),
        ("users", "Never use alone", "Call, text, or have someone nearby"),
    )
    blocks: list[Block] = []
    for name, label, line in items:
        blocks += [Block("label", (bold(label),), icon=name), Block("text", (p(line),))]
    return _spec("icons", "Safer-use strategies", *blocks)


def quote_slide() -> SlidePlan:
    return _spec(
        "quote",
        "In their words",
        Block("quote", (p("Nobody asked me why I used. They asked me when I would stop."),)),
        Block("attribution", (p("— Participant, adult treatment court"),)),
    )


def persona_slide() -> SlidePlan:
    details = (
        "Six months into treatment court",
        "Takes buprenorphine as prescribed",
        "Used once after a family crisis, and said so",
        "Carries naloxone",
    )
    return _spec(
        "persona",
        "Case study: Anthony",
        Block("name", (bold("Anthony"),), icon="user"),
        Block("role", (p("34 · treatment-court participant"),)),
        Block("details", tuple(p(d) for d in details)),
    )


def image_slide(image_path: str) -> SlidePlan:
    return _spec(
        "image",
        "What a naloxone kit holds",
        Block("body", (p("Two doses of nasal spray"), p("Face shield"), p("Step-by-step card"))),
        image=PlanImage(image_path, "A naloxone kit laid open", "Photo: example agency", "right"),
    )


def resources_slide() -> SlidePlan:
    blocks = tuple(
        Block(
            "resource",
            (Para((Run(name, bold=True, link=url),)), p(line), p(Run(link.short, link=url))),
            link=link,
        )
        for name, line, url in RESOURCES
        for link in (plan_link(url, name),)
    )
    return _spec("resources", "Harm reduction resources", *blocks)


def sources_slide(online: bool = True) -> SlidePlan:
    entries = tuple(
        Para((Run(who, bold=True), Run(" — "), Run(title)))
        for who, title in (
            ("Binswanger et al., 2007", "Release from prison—A high risk of death for…"),
            ("Garnett & Miniño, 2024", "Drug overdose deaths in the United States, 2003–2023"),
            ("Krawczyk et al., 2017", "Only one in twenty justice-referred adults…"),
            ("National Harm Reduction Coalition, n.d.", "Principles of harm reduction"),
        )
    )
    link = plan_link(SOURCES_URL, "the full reference list") if online else None
    where = (bold("The full list of all 4 sources, with links"), p(Run("training.example.org")))
    return _spec("sources", "Sources", Block("body", entries), Block("link", where, link=link))


def check_slides() -> tuple[SlidePlan, SlidePlan]:
    question = _spec(
        "check-question",
        "Knowledge check (1 of 1)",
        Block(
            "body",
            (
                bold("Which medications are FDA-approved for opioid use disorder?"),
                p(Run("A. ", bold=True), "Methadone, buprenorphine and naltrexone"),
                p(Run("B. ", bold=True), "Naloxone only"),
                p(Run("C. ", bold=True), "Methadone only"),
            ),
        ),
    )
    answer = _spec(
        "check-answer",
        "Knowledge check (1 of 1): answer",
        Block(
            "body",
            (
                p(Run("Answer: ", bold=True), Run("A. Methadone, buprenorphine and naltrexone")),
                p("All three are FDA-approved; naloxone reverses an overdose, not OUD."),
            ),
        ),
    )
    return question, answer


def evaluation_block() -> Block:
    link = plan_link(EVALUATION, "the session evaluation form")
    return Block("link", (bold("Evaluation"), p(Run(link.short, link=EVALUATION))), link=link)


def visual_slides(image_path: str | None = None) -> tuple[SlidePlan, ...]:
    """One slide of each visual kind in the kinds table's order (the image slide only
    with a picture)."""
    image = (image_slide(image_path),) if image_path else ()
    return (
        stat_slide(),
        chart_slide(),
        icons_slide(),
        quote_slide(),
        *image,
        persona_slide(),
        sources_slide(),
        *check_slides(),
    )
