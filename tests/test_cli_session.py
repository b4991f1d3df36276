"""``hrdeck build --minutes N --start HH:MM``: the deck and guide a trainer gets, read back.

The decks are opened with python-pptx: the agenda slide lists clock times that add up
to the minutes asked for, every slide's notes start with a clock span that follows
on from the last, a break is a slide with the time to be back, and the guide's agenda
shows the same times.  A session shorter than the core, or a start that is not a time
of day, is refused before anything is written.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pptx import Presentation

from hrdeck.cli import cli
from hrdeck.paths import builtin_curriculum

DECK = "hr-mandated-clients-{}.pptx"
GUIDE = "hr-mandated-clients-{}-guide.md"
CLOCK = r"\d{1,2}:\d\d(?: [AP]M)?"


def build(out: Path, *options: str) -> Result:
    args = ["build", *options, "--out", str(out), str(builtin_curriculum())]
    return CliRunner().invoke(cli, args)


def notes_first_line(slide: object) -> str:
    notes = slide.notes_slide.notes_text_frame.text  # type: ignore[attr-defined]
    return str(notes).splitlines()[0]


def title_of(slide: object) -> str:
    return str(slide.shapes.title.text)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def sixty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sixty")
    result = build(out, "-a", "court", "--minutes", "60", "--start", "09:00")
    assert result.exit_code == 0, result.stderr
    return out


def test_the_agenda_slide_fits_sixty_minutes_from_nine(sixty: Path) -> None:
    deck = Presentation(str(sixty / DECK.format("court")))
    agenda = next(s for s in deck.slides if title_of(s) == "Agenda")
    body = next(sh for sh in agenda.placeholders if sh.placeholder_format.idx != 0)
    lines = [p.text for p in body.text_frame.paragraphs]
    total = next(sh for sh in agenda.shapes if sh.name == "Agenda total")  # beside the title
    assert total.text_frame.text == "Total: 09:00–10:00 (60 minutes)"
    rows = [re.fullmatch(r"(\d\d:\d\d)  (.+) \((\d+) minutes?\)", line) for line in lines]
    assert all(rows), lines
    minutes = [int(row.group(3)) for row in rows if row]
    assert sum(minutes) <= 60
    assert rows[0] is not None and rows[0].group(1) == "09:02"  # after title and agenda, 1 each


def test_every_slide_notes_start_with_the_clock_span_that_follows_the_last(sixty: Path) -> None:
    deck = Presentation(str(sixty / DECK.format("court")))
    clock = "09:00"
    for slide in deck.slides:
        begin, end = span_of(notes_first_line(slide))
        assert begin == clock, title_of(slide)
        clock = end
    assert clock == "10:00"


def span_of(line: str) -> tuple[str, str]:
    """'About 2 minutes (09:04–09:06 of 09:00–10:00).' -> ('09:04', '09:06'); a slide with
    no time of its own ('Brief; ... (09:57 of ...)') begins and ends at once."""
    span = re.search(r"\((\d\d:\d\d)–(\d\d:\d\d) of 09:00–10:00\)", line)
    if span is not None:
        return span.group(1), span.group(2)
    brief = re.search(r"\((\d\d:\d\d) of 09:00–10:00\)", line)
    assert brief is not None, line
    return brief.group(1), brief.group(1)


def test_the_guide_has_the_same_times(sixty: Path) -> None:
    guide = (sixty / GUIDE.format("court")).read_text(encoding="utf-8")
    assert "| 09:01 | Agenda | 1 |" in guide
    assert "| 09:38 | Case scenario: Anthony | 15 |" in guide
    assert "| 10:00 | **Total** | 60 |" in guide


def test_a_three_hour_afternoon_session_has_a_break_slide(tmp_path: Path) -> None:
    result = build(tmp_path, "-a", "peer", "--minutes", "180", "--start", "1:30pm")
    assert result.exit_code == 0, result.stderr
    deck = Presentation(str(tmp_path / DECK.format("peer")))
    [brk] = [s for s in deck.slides if title_of(s) == "Break"]
    texts = [sh.text_frame.text for sh in brk.shapes if sh.has_text_frame]
    back = next(t for t in texts if t.startswith("Back at "))
    assert re.fullmatch(rf"Back at {CLOCK}", back) and back.endswith("PM")
    assert notes_first_line(brk).startswith("Break: 10 minutes (")
    guide = (tmp_path / GUIDE.format("peer")).read_text(encoding="utf-8")
    assert "| Break | 10 |" in guide
    assert "Contact time: 169 minutes (2.75 hours)" in guide


def test_minutes_shorter_than_the_core_are_refused_naming_the_minimum(tmp_path: Path) -> None:
    result = build(tmp_path / "out", "-a", "court", "--minutes", "50")
    assert result.exit_code == 1
    assert "error[too-short]" in result.stderr
    assert (
        "the court core needs at least 60 minutes with its breaks; --minutes 50 is too short"
        in (result.stderr)
    )
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_a_start_that_is_not_a_time_of_day_is_a_usage_error(tmp_path: Path) -> None:
    result = build(tmp_path / "out", "-a", "court", "--start", "half past one")
    assert result.exit_code == 2
    assert "--start expects a time of day such as 13:30" in result.stderr
    assert not (tmp_path / "out").exists()


def test_plan_takes_the_session_options_build_takes(tmp_path: Path) -> None:
    from hrdeck.cli import cli

    runner = CliRunner()
    args = ["plan", "-a", "court", "--minutes", "90", "--start", "09:00"]
    result = runner.invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[1]
    assert "90 minutes" in first  # '<n> slides, 90 minutes, <date>'
    short = runner.invoke(cli, ["plan", "-a", "court", "--minutes", "20"])
    assert short.exit_code == 1 and "too-short" in short.output
