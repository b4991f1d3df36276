"""Time-boxed plans of the built-in curriculum: 60, 90 and 180 minutes, pinned and checked.

Each audience's plan for each length (starting 09:00) is pinned in
``tests/golden/session/<audience>-<minutes>.txt``: the run sheet (every module and
break with its clock times, what was shortened or left out) above the slide outline.
The checks below hold for every one of them: the agenda fits the minutes with its
breaks, every slide's timing line agrees with the run sheet, the guide shows the same
times, and contact hours are the agenda minus its breaks.
Regenerate with ``HRDECK_UPDATE_GOLDEN=1 pytest tests/test_session_plan.py``.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

import pytest

from hrdeck.curriculum.model import Curriculum
from hrdeck.curriculum.validate import validate_curriculum
from hrdeck.errors import ContentError
from hrdeck.outputs.guide import agenda_rows, guide_markdown
from hrdeck.outputs.outline import plan_outline
from hrdeck.paths import builtin_curriculum
from hrdeck.plan.agenda import BREAK_ID
from hrdeck.plan.build import build_plan
from hrdeck.plan.session import SessionPlan
from hrdeck.plan.types import DeckPlan
from hrdeck.tailor import SessionOptions, tailor
from hrdeck.timebox import parse_start

GOLDEN = Path(__file__).parent / "golden" / "session"
ROOT = builtin_curriculum()
AUDIENCES = ("clinician", "court", "peer")
LENGTHS = (60, 90, 180)
UPDATE = os.environ.get("HRDECK_UPDATE_GOLDEN") == "1"
SPAN = re.compile(r"\((\d\d:\d\d)–(\d\d:\d\d) of 09:00–(\d\d:\d\d)\)")
BRIEF = re.compile(r"^Brief; no time of its own \((\d\d:\d\d) of 09:00–(\d\d:\d\d)\)")


def span_of(line: str) -> tuple[str, str, str]:
    """(begin, end, session end) of a timing line; a brief slide begins and ends at once."""
    found = SPAN.search(line)
    if found is not None:
        begin, end, whole = found.groups()
        return begin, end, whole
    brief = BRIEF.search(line)
    assert brief is not None, line
    return brief.group(1), brief.group(1), brief.group(2)


@cache
def builtin() -> Curriculum:
    curriculum, diagnostics = validate_curriculum(ROOT, display_base=ROOT)
    assert curriculum is not None, "\n".join(d.format() for d in diagnostics)
    return curriculum


@cache
def planned(audience: str, minutes: float | None, start: str = "09:00") -> DeckPlan:
    session = SessionOptions(minutes, parse_start(start))
    return build_plan(tailor(builtin(), audience, session))


def session_of(plan: DeckPlan) -> SessionPlan:
    assert plan.session is not None
    return plan.session


def run_sheet(session: SessionPlan) -> list[str]:
    head = (
        f"{session.audience}, --minutes {session.requested_minutes:g} --start {session.start}: "
        f"{session.total_minutes:g} minutes ({session.break_minutes:g} of breaks), "
        f"{session.contact_hours:g} contact hours"
    )
    lines = [head]
    for row in session.schedule:
        what = "break" if row.is_break else row.module_id
        cut = f" (shortened from {row.full_minutes:g})" if row.shortened else ""
        lines.append(f"  {row.clock_start}–{row.clock_end}  {what}: {row.minutes:g} min{cut}")
    lines += [f"  left out: {x.module_id} ({x.reason})" for x in session.left_out]
    return [*lines, ""]


@pytest.mark.parametrize("minutes", LENGTHS)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_time_boxed_plan_matches_golden(audience: str, minutes: int) -> None:
    plan = planned(audience, minutes)
    text = "\n".join(run_sheet(session_of(plan))) + "\n" + plan_outline(plan, root=str(ROOT))
    golden = GOLDEN / f"{audience}-{minutes}.txt"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file; run with HRDECK_UPDATE_GOLDEN=1 to create {golden}"
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("minutes", LENGTHS)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_session_fits_and_keeps_its_core(audience: str, minutes: int) -> None:
    session = session_of(planned(audience, minutes))
    assert session.total_minutes <= minutes
    assert session.total_minutes == sum(row.minutes for row in session.schedule)
    assert session.contact_minutes == session.total_minutes - session.break_minutes
    assert session.contact_hours == int(session.contact_minutes / 15) * 15 / 60
    kept = {row.module_id for row in session.schedule}
    ref = builtin().audience(audience)
    assert ref is not None
    assert {m.id for m in ref.modules if m.core} <= kept | {x.module_id for x in session.left_out}
    core_left_out = [x for x in session.left_out if not x.reason.startswith(("optional", "a sec"))]
    assert core_left_out == []


@pytest.mark.parametrize("minutes", LENGTHS)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_timing_line_agrees_with_the_run_sheet(audience: str, minutes: int) -> None:
    plan = planned(audience, minutes)
    session = session_of(plan)
    end = session.schedule[-1].clock_end
    clock = "09:00"
    module_starts = set()
    previous = None
    for slide in plan.slides:
        begin, finish, whole = span_of(slide.notes[0].text)
        assert whole == end
        assert begin == clock, slide.title  # each slide starts where the last one ended
        if slide.module_id != previous:
            module_starts.add(begin)
        clock, previous = finish, slide.module_id
    assert clock == end
    assert module_starts <= {row.clock_start for row in session.schedule}


@pytest.mark.parametrize("minutes", LENGTHS)
def test_the_agenda_slide_and_guide_show_the_same_times(minutes: int) -> None:
    plan = planned("court", minutes)
    session = session_of(plan)
    agenda = next(s for s in plan.slides if s.kind == "agenda")
    lines = [p.text for p in agenda.blocks[0].paras]
    unit = {1: "minute"}  # the agenda says "1 minute", "3 minutes"
    rows = [
        f"{r.clock_start}  {r.title} ({r.minutes:g} {unit.get(r.minutes, 'minutes')})"
        for r in session.agenda
    ]
    assert lines[:-1] == rows
    assert lines[-1].startswith(f"Total: 09:00–{session.schedule[-1].clock_end} (")
    guide = guide_markdown(plan)
    for row in agenda_rows(plan):
        assert f"| {row.clock} | " in guide
    assert [r.clock for r in agenda_rows(plan)] == [r.clock_start for r in session.schedule]


def test_a_default_session_over_90_minutes_gets_a_break_slide_and_agenda_row() -> None:
    plan = planned("court", None)  # the full court day-part: 199 minutes of content
    session = session_of(plan)
    brk, second = [s for s in plan.slides if s.module_id == BREAK_ID]
    row = next(r for r in session.agenda if r.is_break)
    assert (brk.title, brk.kind, brk.minutes) == ("First break", "section", 10)
    assert brk.subtitle == f"Back at {row.clock_end}"
    assert brk.notes[0].text.startswith(f"Break: 10 minutes ({row.clock_start}–{row.clock_end}")
    assert (second.title, second.kind, second.minutes) == ("Second break", "section", 10)
    assert session.break_minutes == 20
    assert session.contact_minutes == session.total_minutes - 20 == 199
    assert session.contact_hours == 3.25


def test_without_a_start_time_the_times_stay_relative() -> None:
    plan = build_plan(tailor(builtin(), "court", SessionOptions(60)))
    assert plan.slides[2].notes[0].text.startswith("About 1 minute (0:02–0:03 of 1:00).")
    agenda = next(s for s in plan.slides if s.kind == "agenda")
    assert agenda.blocks[0].paras[0].text == "What you will be able to do (1 minute)"
    assert agenda.blocks[0].paras[-1].text == "Total: 60 minutes"


def test_a_shortened_module_tells_the_trainer() -> None:
    plan = planned("court", 60)
    case = next(s for s in plan.slides if s.module_id == "case-anthony")
    assert case.notes[1].text == (
        "Shortened for this session: 15 of its 25 minutes; keep to the main points."
    )


def test_twelve_hour_start_times_print_twelve_hour_clocks() -> None:
    plan = planned("peer", 180, "1:30pm")
    session = session_of(plan)
    assert session.start == "1:30 PM"
    assert session.schedule[-1].clock_end == "4:29 PM"
    assert any(r.is_break and r.clock_start.endswith("PM") for r in session.agenda)


def test_a_minutes_shorter_than_the_core_is_refused_naming_the_minimum() -> None:
    with pytest.raises(ContentError) as raised:
        tailor(builtin(), "court", SessionOptions(45))
    [diagnostic] = raised.value.diagnostics
    assert diagnostic.code == "too-short"
    assert diagnostic.message == (
        "the court core needs at least 60 minutes with its breaks; --minutes 45 is too short"
    )
    assert diagnostic.loc.file.endswith("audiences/court.yaml") and diagnostic.loc.line > 0
    tailor(builtin(), "court", SessionOptions(60))  # exactly the minimum fits


def test_the_session_plan_carries_objectives_credit_and_questions() -> None:
    session = session_of(planned("court", 60))
    assert [o.id for o in session.objectives] == [
        "define-harm-reduction",
        "part2-routes",
        "responses-to-use",
        "moud-basis",
        "team-roles",
    ]
    assert all(o.modules for o in session.objectives)
    assert session.author is not None and session.author.line == "Dr. Delores Blackwell, LCSW"
    assert session.presenters == ()
    assert session.level == "beginner"
    assert session.target_audience.startswith("Judges, treatment-court coordinators and ATI")
    [credit] = session.credits
    assert credit.placeholder and not credit.hours_stated and credit.hours == 1.0
    kinds = {d.kind for d in session.disclosures}
    assert kinds == {"conflicts-of-interest", "commercial-support", "other"}
    assert (
        sorted(session.pretest)
        == sorted(session.posttest)
        == sorted(q.id for q in session.questions)
    )
    assert session.pretest != session.posttest
    assert {q.objective for q in session.questions} <= {o.id for o in session.objectives}


def test_the_closing_slide_links_the_evaluation_and_credit_hours_are_checked() -> None:
    import dataclasses

    from hrdeck.curriculum.model import Credit

    curriculum = builtin()
    course = dataclasses.replace(curriculum.course, evaluation_url="https://forms.example.org/e")
    court = curriculum.audience("court")
    assert court is not None
    credit = Credit("State CLE", "Approved for 2 hours.", 2.0)
    court = dataclasses.replace(court, credits=(credit,))
    others = tuple(a for a in curriculum.audiences if a.id != "court")
    curriculum = dataclasses.replace(curriculum, course=course, audiences=(court, *others))
    diagnostics: list = []
    plan = build_plan(tailor(curriculum, "court", SessionOptions(60)), diagnostics)
    link = plan.slides[-1].block("link")  # a QR code and a short address on the slide
    assert link is not None and link.link is not None
    assert link.link.url == "https://forms.example.org/e"
    assert link.link.short == "forms.example.org/e"
    assert [p.text for p in link.paras] == ["Evaluation", "forms.example.org/e"]
    assert link.paras[-1].runs[-1].link == "https://forms.example.org/e"
    assert session_of(plan).evaluation_url == "https://forms.example.org/e"
    [warned] = [d for d in diagnostics if d.code == "credit-hours"]
    assert warned.message == (
        "the State CLE statement gives 2 hours, but this 60-minute session has 1 contact hour "
        "(60 minutes without breaks)"
    )
    assert session_of(plan).credits[0].hours == 2.0 and session_of(plan).credits[0].hours_stated
