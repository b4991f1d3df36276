"""A hand-built DeckPlan that uses every slide kind, for renderer tests and eyeballing.

Built directly from the hrdeck.plan.types dataclasses (not from the plan builder), with
realistic harm-reduction training content: long titles, nested bullets, inline
formatting, links, a reference list long enough to need a continuation slide.
"""

from __future__ import annotations

import dataclasses

from hrdeck.diagnostics import Loc
from hrdeck.kinds import SLIDE_KINDS
from hrdeck.plan.types import Block, DeckPlan, PlanDiagram, PlanEdge, PlanImage, PlanNode, SlidePlan
from hrdeck.richtext import Para, Run
from tests import visual_samples

KINDS = SLIDE_KINDS  # every kind the renderer draws, as the theme maps them


def p(*parts: str | Run, level: int = 0) -> Para:
    """A paragraph from strings and runs."""
    return Para(runs=tuple(Run(x) if isinstance(x, str) else x for x in parts), level=level)


def b(text: str) -> Run:
    return Run(text, bold=True)


def i(text: str) -> Run:
    return Run(text, italic=True)


def notes(minutes: float, *paras: Para) -> tuple[Para, ...]:
    return (p(b(f"[{minutes:g} min] "), "Facilitator notes."), *paras)


def spec(kind: str, title: str, *blocks: Block, **fields: object) -> SlidePlan:
    """A slide plan; its minutes are read from the first notes run "[N min]"."""
    notes_paras = fields.get("notes") or ()
    first = notes_paras[0].text if notes_paras else ""  # type: ignore[index]
    minutes = float(first[1 : first.index(" ")]) if first.startswith("[") else None
    return SlidePlan(
        kind=kind,
        title=title,
        module_id=kind,
        source=Loc(f"{kind}.yaml", 1, 1),
        blocks=blocks,
        minutes=minutes,
        **fields,
    )  # type: ignore[arg-type]


CITATIONS = (
    "Brinkley-Rubinstein, L., Cloud, D. H., Davis, C., Zaller, N., Delany-Brumsey, A., Pope, "
    "L., Martino, S., Bouvier, B., & Rich, J. (2017). Addressing excess risk of overdose among "
    "recently incarcerated people in the USA: Harm reduction interventions in correctional "
    "settings. International Journal of Prisoner Health, 13(1), 25–31. "
    "https://doi.org/10.1108/IJPH-08-2016-0039",
    "Francis, T., & Reynolds, K. M. (2015). Noncompleting drug court clients: A qualitative "
    "assessment of harm reduction effects. Journal of Groups in Addiction & Recovery, 10(2), "
    "163–189. https://doi.org/10.1080/1556035X.2015.1034822",
    "Jones Tapia, N. (2021, April). Harm reduction at the center of incarceration. Executive "
    "Session on the Future of Justice Policy, The Square One Project.",
    "National Center for Health Statistics. (2021, November 17). Drug overdose deaths in the "
    "U.S. top 100,000 annually [Press release]. Centers for Disease Control and Prevention.",
    "Office of National Drug Control Policy. (2021, November 17). Following release of CDC "
    "overdose data, White House, Health and Human Services, and Justice officials discuss the "
    "administration's work to address the overdose epidemic.",
    "Vakharia, S. P., & Little, J. (2017). Starting where the client is: Harm reduction "
    "guidelines for clinical social work practice. Clinical Social Work Journal, 45(1), 65–76. "
    "https://doi.org/10.1007/s10615-016-0584-3",
)


def _citation(text: str) -> Para:
    title_start = text.find(") ") + 2
    return p(text[:title_start], i(text[title_start:]))


DIAGRAM = PlanDiagram(  # curriculum/modules/17-team-communication.yaml
    nodes=(
        PlanNode("client", "Client / participant"),
        PlanNode("provider", "Treatment provider"),
        PlanNode("court", "Court / probation"),
        PlanNode("defense", "Defense counsel"),
        PlanNode("peer", "Peer specialist"),
    ),
    edges=(
        PlanEdge("client", "provider", "Sessions and goals", True),
        PlanEdge("provider", "court", "Reports within consent", True),
        PlanEdge("client", "court", "Hearings and check-ins", True),
        PlanEdge("client", "defense", "Legal advice", True),
        PlanEdge("defense", "court", "Advocacy", True),
        PlanEdge("client", "peer", "Support and self-advocacy", True),
        PlanEdge("peer", "provider", "Coordination", False),
    ),
    alt=(
        "A diagram of five boxes joined by arrows. The client or participant is joined to each "
        "of the other four boxes: treatment provider, court or probation, defense counsel and "
        "peer specialist. The provider reports to the court within the client's consent."
    ),
)


def sample_slides(image_path: str | None = None) -> tuple[SlidePlan, ...]:
    """One slide of every kind (references long enough to split)."""
    image = PlanImage(image_path, "Naloxone nasal spray kit") if image_path else None
    return (
        spec(
            "title",
            "Harm Reduction and Mandated Clients",
            Block("presenter", (p("Jordan Rivera, MSW"), p("Regional Training Collaborative"))),
            subtitle="A workshop for drug-court and ATI teams",
            notes=notes(2, p("Welcome.")),
        ),
        spec(
            "agenda",
            "Agenda",
            Block(
                "body",
                tuple(
                    p(f"{t} — {m} min")
                    for t, m in (
                        ("Welcome and objectives", 10),
                        ("What harm reduction is", 20),
                        ("Myths and facts", 15),
                        ("Team communication", 20),
                        ("Case study: Anthony", 25),
                        ("Resources and close", 10),
                    )
                ),
            ),
            notes=notes(3, p("Walk through the agenda.")),
        ),
        spec(
            "section",
            "What harm reduction is",
            subtitle="Meeting people where they are, without leaving them there",
            notes=notes(1, p("Transition.")),
        ),
        spec(
            "bullets",
            "Core principles of harm reduction",
            Block(
                "body",
                (
                    p(
                        "Accepts that drug use is part of our world and works to ",
                        b("minimize"),
                        " its harmful effects",
                    ),
                    p("Understands use as a ", i("continuum"), " of behaviors", level=1),
                    p(
                        "Measures success by ",
                        b("quality of life"),
                        " and well-being, not abstinence",
                    ),
                    p("Calls for non-judgmental, non-coercive services"),
                    p(
                        "See ",
                        Run("nhrc.org", link="https://harmreduction.org"),
                        " and the ",
                        Run("42 CFR Part 2", code=True),
                        " rule",
                        level=1,
                    ),
                    p("Ensures people who use drugs have a real voice in programs for them"),
                ),
            ),
            image=image,
            notes=notes(
                8,
                p("Ask the room:"),
                p("What does success look like?", level=1),
                p("Who decides?", level=2),
            ),
        ),
        spec(
            "myth",
            "Myth or fact: does harm reduction enable drug use?",
            Block("myth", (p("Harm reduction encourages people to keep using drugs."),)),
            Block(
                "fact",
                (
                    p(
                        "Syringe services and naloxone do ",
                        b("not"),
                        " increase drug use; people "
                        "who use them are more likely to enter treatment.",
                    ),
                ),
            ),
            notes=notes(5, p("Invite a volunteer to read the myth aloud.")),
        ),
        spec(
            "comparison",
            "Roles on the team",
            Block(
                "left",
                (
                    p("Sets conditions and responds to behavior"),
                    p("Uses incentives for honesty"),
                    p("Protects access to MOUD"),
                ),
                heading="Court",
            ),
            Block(
                "right",
                (
                    p("Assesses and treats"),
                    p("Shares only what consent covers"),
                    p("Uses motivational interviewing", level=1),
                ),
                heading="Clinician",
            ),
            notes=notes(6, p("Compare the two roles.")),
        ),
        spec(
            "spectrum",
            "The spectrum of substance use",
            *(
                Block("stage", (p(d),), heading=h)
                for h, d in (
                    ("No use", "Not using any substances"),
                    ("Beneficial use", "Use with positive health, social or spiritual effects"),
                    ("Casual use", "Infrequent use with little or no harm"),
                    ("Problematic use", "Use begins to cause harm to self or others"),
                    ("Chronic dependence", "Use continues despite serious harm"),
                )
            ),
            Block("caption", (p("People move back and forth along the spectrum."),)),
            notes=notes(5, p("Stress that movement goes both ways.")),
        ),
        spec(
            "diagram",
            "Who talks to whom on a treatment-court team",
            Block("caption", (p("Consent under 42 CFR §2.35 governs what the provider shares."),)),
            diagram=DIAGRAM,
            notes=notes(8, p("Trace one piece of information.")),
        ),
        spec(
            "case",
            "Case study: Anthony",
            Block(
                "narrative",
                (
                    p(
                        "Anthony, 34, is six months into a treatment-court program. He has been "
                        "attending groups and taking buprenorphine as prescribed."
                    ),
                    p(
                        "At his last visit he told his counselor that he used fentanyl once "
                        "over the weekend after a family crisis, and that he carried naloxone "
                        "with him."
                    ),
                    p("His next status hearing is on Thursday."),
                ),
            ),
            notes=notes(10, p("Read the case aloud, then pause.")),
        ),
        spec(
            "questions",
            "Discussion questions",
            Block(
                "body",
                (
                    p("What may the counselor share with the court, and under what consent?"),
                    p("How can the court respond in a way that rewards honesty?"),
                    p("What role could a peer specialist play this week?"),
                ),
            ),
            notes=notes(15, p("Small groups, then report back.")),
        ),
        spec(
            "references",
            "References",
            Block("citation", tuple(_citation(c) for c in CITATIONS)),
            notes=notes(1, p("Point to the handout.")),
        ),
        dataclasses.replace(
            visual_samples.resources_slide(),
            title="Resources",
            notes=notes(2, p("Share local resources too.")),
        ),
        spec(
            "closing",
            "Thank you",
            Block(
                "body",
                (
                    p("Jordan Rivera · jordan.rivera@example.org"),
                    p("Slides and handouts: training.example.org"),
                ),
            ),
            visual_samples.evaluation_block(),
            subtitle="Questions and reflections",
            notes=notes(3, p("Collect evaluations.")),
        ),
        *visual_samples.visual_slides(image_path),
    )


def sample_plan(image_path: str | None = None, language: str = "en-US") -> DeckPlan:
    """The sample deck plan."""
    return DeckPlan(
        course_id="hr-mandated",
        course_title="Harm Reduction and Mandated Clients",
        audience="court",
        audience_label="Courts and mandating entities",
        language=language,
        date="2025-03-14",
        presenter="Jordan Rivera, MSW",
        objectives=("Define harm reduction", "Apply it to a court case"),
        slides=sample_slides(image_path),
    )


def big_plan(slide_count: int) -> DeckPlan:
    """A plan of `slide_count` bullet slides, each with notes (for scaling tests)."""
    base = sample_slides()[3]
    slides = tuple(
        dataclasses.replace(base, title=f"{base.title} ({n + 1})") for n in range(slide_count)
    )
    return dataclasses.replace(sample_plan(), slides=slides)
