"""A realistic training kit for tests: the court session of a harm-reduction training.

The text is written for these tests from the curriculum's own facts (domain brief): a
two-hour session for a treatment court team, with a break, two presenters, four
objectives, ten knowledge checks, local resources and APA references.  The session is a
:class:`~hrdeck.plan.session.SessionPlan` as the planner makes one; :func:`timed` writes
its rows' clock labels the way the planner's clock does.
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table
from PIL import Image, ImageDraw

from hrdeck.outputs.kit.model import (
    Brand,
    Delivery,
    HandoutReference,
    HandoutResource,
    Kit,
    ModuleSummary,
)
from hrdeck.plan.session import (
    AgendaRow,
    CreditPlan,
    DisclosurePlan,
    ObjectivePlan,
    PersonPlan,
    QuestionPlan,
    ScheduleRow,
    SessionPlan,
)
from hrdeck.richtext import Run

EVALUATION_URL = "https://forms.example.org/hr-court-2026-11"


def make_logo(path: Path) -> Path:
    """A small agency mark: a teal disc with an amber dot and a white arc."""
    size = 240
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, size - 8, size - 8), fill=(15, 118, 110, 255))
    draw.arc((52, 52, size - 52, size - 52), start=200, end=520, fill="white", width=18)
    draw.ellipse((150, 60, 188, 98), fill=(180, 83, 9, 255))
    image.save(path)
    return path


def sample_brand(logo: Path | None) -> Brand:
    return Brand(
        org_name="Hudson Valley Harm Reduction Training Collaborative",
        heading_font="Calibri",
        body_font="Calibri",
        logo_path=logo,
        logo_alt="Hudson Valley Harm Reduction Training Collaborative logo" if logo else "",
        footer_text="Harm Reduction and Mandated Clients · Court session",
    )


PRESENTERS = (
    PersonPlan(
        name="Dr. Delores Blackwell",
        credentials="LCSW",
        organization="Housing Works",
        bio=(
            "Delores Blackwell has worked with people in court-mandated treatment for "
            "eighteen years, first as a counselor and now as a clinical director. She trains "
            "treatment-court teams on harm reduction, confidentiality and MOUD."
        ),
    ),
    PersonPlan(
        name="Marcus Reyes",
        credentials="CRPA",
        organization="Westchester Peer Recovery Network",
        bio=(
            "Marcus Reyes is a certified recovery peer advocate who graduated from a "
            "treatment court in 2014. He now supervises peer advocates who work alongside "
            "court teams."
        ),
    ),
)

OBJECTIVES = (
    ObjectivePlan(
        "court-1",
        "Define harm reduction and name at least three National Harm Reduction Coalition "
        "principles that apply to court-supervised participants.",
    ),
    ObjectivePlan(
        "court-2",
        "Identify the routes by which treatment information may reach the court under "
        "42 CFR Part 2, including the criminal-justice consent.",
    ),
    ObjectivePlan(
        "court-3",
        "Describe two responses to self-reported substance use that are consistent with "
        "treatment-court best-practice standards.",
    ),
    ObjectivePlan(
        "court-4",
        "Explain the policy and legal basis for allowing prescribed MOUD at every phase of "
        "treatment court.",
    ),
)

AGENDA = (
    ("Welcome, disclosures and objectives", 10, False),
    ("What harm reduction is, and what it is not", 15, False),
    ("Myths and facts for the court team", 15, False),
    ("Strategies that keep participants alive", 15, False),
    ("Break", 10, True),
    ("Roles, 42 CFR Part 2 and team communication", 20, False),
    ("Case discussion: Anthony", 25, False),
    ("Questions, post-test and evaluation", 10, False),
)
START = 9 * 60  # 09:00


def clock_label(minutes: float, start: int | None) -> str:
    """The planner's labels: "09:40" from a start time, else elapsed "0:40"."""
    if start is None:
        whole = round(minutes)
        return f"{whole // 60}:{whole % 60:02d}"
    hours, rest = divmod(start + int(minutes + 0.5), 60)
    return f"{hours % 24:02d}:{rest:02d}"


def timed(
    rows: tuple[tuple[str, float, bool], ...], start: int | None = START
) -> tuple[tuple[AgendaRow, ...], tuple[ScheduleRow, ...]]:
    """Agenda and schedule rows one after another from 0, with their clock labels."""
    agenda, schedule, at = [], [], 0.0
    for index, (title, minutes, is_break) in enumerate(rows):
        labels = (clock_label(at, start), clock_label(at + minutes, start))
        agenda.append(AgendaRow(title, at, minutes, *labels, is_break))
        module = None if is_break else f"module-{index}"
        schedule.append(ScheduleRow(title, at, minutes, *labels, module, "bullets"))
        at += minutes
    return tuple(agenda), tuple(schedule)


DELIVERY = Delivery(
    venue="Westchester County Courthouse, Jury Assembly Room",
    contact="training@example.org · (914) 555-0142",
    subtitle="A training for courts, probation and other mandating entities",
    materials=(
        "Sign-in sheets and pens",
        "Handouts, one per participant",
        "Pre-tests and post-tests",
        "Evaluation forms",
        "Sample 42 CFR 2.35 consent form",
        "Role cards for the case discussion",
        "Naloxone demonstration kit",
        "Flip chart and markers",
    ),
    room_setup=(
        "Tables in groups of four to six for the case discussion.",
        "Projector, screen and clicker; test the slides 30 minutes before the start.",
        "Sign-in table at the door; collect pre-tests before the welcome.",
        "A clock the presenters can see, and water at the front of the room.",
    ),
)


def sample_session(**changes: object) -> SessionPlan:
    agenda, schedule = timed(AGENDA)
    session = SessionPlan(
        course_id="hr-mandated-clients",
        course_title="Harm Reduction and Mandated Clients",
        audience="court",
        audience_label="Courts and mandating entities",
        target_audience=(
            "Judges, treatment-court coordinators, probation officers, prosecutors and "
            "defense attorneys who set or supervise a treatment mandate."
        ),
        date="2026-11-03",
        language="en-US",
        level="beginner",
        presenters=PRESENTERS,
        disclosures=(
            DisclosurePlan(
                "conflicts-of-interest",
                "The presenters have no relevant financial relationships with ineligible "
                "companies to disclose.",
            ),
            DisclosurePlan("commercial-support", "This training receives no commercial support."),
        ),
        credits=(
            CreditPlan(
                body="CE (NASW-NY)",
                statement="TBD: the approval statement and provider number issued by NASW-NY.",
                hours=1.75,
                hours_stated=True,
                placeholder=True,
            ),
            CreditPlan(
                body="Court staff training hours",
                statement="Counts toward the annual training requirement of the Office of "
                "Court Administration for treatment-court staff.",
                hours=1.75,
            ),
        ),
        evaluation_url=EVALUATION_URL,
        start="09:00",
        total_minutes=120.0,
        break_minutes=10.0,
        contact_minutes=110.0,
        contact_hours=1.75,
        agenda=agenda,
        schedule=schedule,
        objectives=OBJECTIVES,
        questions=QUESTIONS,
    )
    return dataclasses.replace(session, **changes)  # type: ignore[arg-type]


MODULES = (
    ModuleSummary(
        "What harm reduction is",
        (
            "Practical strategies that reduce the negative consequences of drug use, and a "
            "movement built on respect for the rights of people who use drugs.",
            "Abstinence is one point on the spectrum: harm reduction neither requires nor "
            "opposes it.",
            (
                Run("Public-safety parallel: "),
                Run("seat belts and designated drivers", italic=True),
                Run(" reduce harm without banning driving."),
            ),
        ),
    ),
    ModuleSummary(
        "Myths and facts",
        (
            (Run("Myth: ", bold=True), Run("harm reduction enables drug use.")),
            "Fact: syringe services programs are linked to about a 50% drop in HIV and "
            "hepatitis C infections and do not increase drug use.",
            "Fact: methadone and buprenorphine are treatment, not one drug swapped for another.",
        ),
    ),
    ModuleSummary(
        "Strategies that keep participants alive",
        (
            "Overdose risk is highest in the first two weeks after release or any time away "
            "from use: tolerance drops, the supply does not.",
            "Naloxone nasal spray has been sold over the counter since March 29, 2023.",
            "A negative fentanyl test strip does not mean a drug is safe.",
        ),
    ),
    ModuleSummary(
        "Roles and 42 CFR Part 2",
        (
            "Treatment information reaches the court only through a Part 2 consent (including "
            "the criminal-justice consent in §2.35) or a Part 2 court order.",
            "A subpoena alone is not enough to release treatment records.",
            "The court may use what it receives to monitor progress, not to bring new charges.",
        ),
    ),
    ModuleSummary(
        "Responding to self-reported use",
        (
            "If telling the truth costs as much as being caught, participants learn to hide use.",
            "Use graduated, predictable responses; treat early use as a cue for treatment "
            "adjustments decided by clinicians.",
            "Prescribed MOUD is never a violation, at entry, at phase advancement or at "
            "graduation.",
        ),
    ),
)

RESOURCES = (
    HandoutResource(
        "National Harm Reduction Coalition",
        "https://harmreduction.org",
        "harmreduction.org",
        "Principles, trainings and stigma resources from the US field.",
    ),
    HandoutResource(
        "All Rise (formerly NADCP)",
        "https://allrise.org/publications/standards",
        "allrise.org/publications/standards",
        "Adult treatment court best practice standards, including MOUD and responses to use.",
    ),
    HandoutResource(
        "FindTreatment.gov",
        "https://findtreatment.gov",
        "findtreatment.gov",
        "SAMHSA's locator for treatment programs, including MOUD providers near you.",
    ),
    HandoutResource(
        "Never Use Alone hotline",
        "https://neverusealone.com",
        "neverusealone.com · 800-484-3731",
        "A free, confidential line that sends help if a caller stops responding.",
    ),
    HandoutResource(
        "NIDA: Words Matter",
        "https://nida.nih.gov/nidamed-medical-health-professionals/health-professions-education/"
        "words-matter-terms-to-use-avoid-when-talking-about-addiction",
        "nida.nih.gov, search “Words Matter”",
        "Person-first terms to use in orders, reports and staffing notes.",
    ),
)

REFERENCES = (
    HandoutReference(
        (
            Run(
                "Binswanger, I. A., Stern, M. F., Deyo, R. A., Heagerty, P. J., Cheadle, A., "
                "Elmore, J. G., & Koepsell, T. D. (2007). Release from prison—A high risk of "
                "death for former inmates. "
            ),
            Run("New England Journal of Medicine, 356", italic=True),
            Run("(2), 157–165. https://doi.org/10.1056/NEJMsa064115"),
        ),
        "https://doi.org/10.1056/NEJMsa064115",
    ),
    HandoutReference(
        (
            Run(
                "Francis, T., & Reynolds, K. M. (2015). Noncompleting drug court clients: A "
                "qualitative assessment of harm reduction effects. "
            ),
            Run("Journal of Groups in Addiction & Recovery, 10", italic=True),
            Run("(2), 163–189."),
        ),
        "https://doi.org/10.1080/1556035X.2015.1034822",
    ),
    HandoutReference(
        (
            Run("Jones Tapia, N. (2021). "),
            Run("Harm reduction at the center of incarceration", italic=True),
            Run(". The Square One Project."),
        ),
        "https://squareonejustice.org/executive-session/",
    ),
    HandoutReference(
        (
            Run(
                "Krawczyk, N., Picher, C. E., Feder, K. A., & Saloner, B. (2017). Only one in "
                "twenty justice-referred adults in specialty treatment for opioid use receive "
                "methadone or buprenorphine. "
            ),
            Run("Health Affairs, 36", italic=True),
            Run("(12), 2046–2053. https://doi.org/10.1377/hlthaff.2017.0890"),
        ),
        "https://doi.org/10.1377/hlthaff.2017.0890",
    ),
    HandoutReference(
        "All Rise. (n.d.). Adult treatment court best practice standards.",
        "https://allrise.org/publications/standards",
    ),
)


def item(
    question_id: str,
    objective: str,
    stem: str,
    *,
    answer: int,
    reason: str,
    type: str = "mc",
    options: tuple[str, ...] = (),
) -> QuestionPlan:
    """A question as the planner passes it on; ``type`` "tf" is a true/false item."""
    if type == "tf":
        return QuestionPlan(
            question_id, "true-false", stem, ("True", "False"), answer, reason, objective, ()
        )
    return QuestionPlan(
        question_id, "multiple-choice", stem, options, answer, reason, objective, ()
    )


QUESTIONS = (
    item(
        "q-meds",
        "court-4",
        "Which three medications are FDA-approved for opioid use disorder?",
        answer=1,
        reason="Methadone, buprenorphine and naltrexone are the three FDA-approved MOUD.",
        options=(
            "Naloxone, methadone and buprenorphine",
            "Methadone, buprenorphine and naltrexone",
            "Naltrexone, naloxone and clonidine",
            "Buprenorphine, gabapentin and methadone",
        ),
    ),
    item(
        "q-bja",
        "court-4",
        "True or false: drug courts that receive BJA funds may deny entry to people taking "
        "prescribed buprenorphine.",
        answer=1,
        reason="False: federal grant conditions bar courts from requiring participants to "
        "stop prescribed MOUD.",
        type="tf",
    ),
    item(
        "q-part2-consent",
        "court-2",
        "Under 42 CFR Part 2, can a treatment program tell a referring court about a "
        "client's treatment without written consent?",
        answer=2,
        reason="It needs a Part 2 consent (such as the §2.35 criminal-justice consent) or a "
        "Part 2 court order; a subpoena alone is not enough.",
        options=(
            "Yes, whenever the court asks",
            "Yes, if the court sends a subpoena",
            "Generally no: it needs a Part 2 consent or a Part 2 court order",
            "No, never, even with consent",
        ),
    ),
    item(
        "q-irrevocable",
        "court-2",
        "True or false: a criminal-justice consent under Part 2 can be made irrevocable "
        "until a specified event, such as final disposition.",
        answer=0,
        reason="True: §2.35 lets the consent stay in force until an event such as final "
        "disposition.",
        type="tf",
    ),
    item(
        "q-release",
        "court-3",
        "After release from prison, when is the risk of overdose death highest?",
        answer=0,
        reason="In the first two weeks, when tolerance is low (Binswanger et al., 2007).",
        options=("The first two weeks", "The third month", "After six months", "After a year"),
    ),
    item(
        "q-honesty",
        "court-3",
        "A participant tells the team about use before a test shows it. Which response "
        "best fits best-practice standards?",
        answer=3,
        reason="Graduated, predictable responses and clinician-led treatment adjustments "
        "make honesty the rational choice.",
        options=(
            "The same sanction as a positive test, to be consistent",
            "A jail sanction, because use is a violation",
            "No response at all",
            "Affirm the honesty and ask the clinician to adjust the treatment plan",
        ),
    ),
    item(
        "q-fts",
        "court-1",
        "True or false: a negative fentanyl test strip means the drug is safe.",
        answer=1,
        reason="False: strips can miss analogues and uneven mixing; a negative result "
        "lowers, not removes, the risk.",
        type="tf",
    ),
    item(
        "q-ssp",
        "court-1",
        "Syringe services programs are associated with about what reduction in HIV and "
        "hepatitis C incidence?",
        answer=2,
        reason="About 50%, according to the CDC.",
        options=("About 5%", "About 20%", "About 50%", "About 90%"),
    ),
    item(
        "q-abstinence",
        "court-1",
        "Which statement best describes harm reduction's stance on abstinence?",
        answer=0,
        reason="Abstinence is one point on a spectrum; harm reduction neither requires nor "
        "opposes it (National Harm Reduction Coalition).",
        options=(
            "Abstinence is one goal among many; harm reduction neither requires nor opposes it",
            "Harm reduction opposes abstinence",
            "Harm reduction requires abstinence first",
            "Abstinence is irrelevant to harm reduction",
        ),
    ),
    item(
        "q-narcan",
        "court-3",
        "True or false: in the United States you need a prescription to buy naloxone nasal spray.",
        answer=1,
        reason="False: it has been sold over the counter since March 29, 2023.",
        type="tf",
    ),
)


def sample_kit(logo: Path | None = None, **changes: object) -> Kit:
    kit = Kit(
        brand=sample_brand(logo),
        session=sample_session(),
        modules=MODULES,
        resources=RESOURCES,
        references=REFERENCES,
        delivery=DELIVERY,
        shuffle_seed="court-2026-11-03",
    )
    return dataclasses.replace(kit, **changes)  # type: ignore[arg-type]


# --- Reading the documents back ------------------------------------------------------------


def open_docx(data: bytes) -> DocxDocument:
    return docx.Document(io.BytesIO(data))


def all_text(document: DocxDocument) -> str:
    """Every paragraph of the body, tables included, one per line."""
    body = document.element.body
    lines = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]
    return "\n".join(lines)


def pictures(document: DocxDocument) -> list[tuple[str, bytes]]:
    """(alt text, image bytes) of every picture in the body, in reading order."""
    found = []
    for inline in document.element.body.iter(qn("wp:inline")):
        doc_pr = inline.find(qn("wp:docPr"))
        blip = next(inline.iter(qn("a:blip")))
        blob = document.part.related_parts[blip.get(qn("r:embed"))].blob
        found.append((doc_pr.get("descr", "") if doc_pr is not None else "", blob))
    return found


def header_rows_repeat(table: Table) -> bool:
    tr_pr = table.rows[0]._tr.trPr
    return tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None


def paragraphs_in(document: DocxDocument, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == style]
