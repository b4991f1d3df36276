"""``hrdeck build --kit``: the whole training kit, read back and checked against the curriculum.

The issue's "done when": ``hrdeck build -a court --minutes 60 --start 09:00 --kit`` writes
a deck whose agenda fits 60 minutes with its breaks, notes whose clock times match the run
sheet, a guide with the same times, a handout, pre/post tests and key, an evaluation form,
a certificate, a sign-in sheet and an LMS export. Each document is opened with
python-docx and compared with the curriculum (every objective on the evaluation, every
question's objective exists, contact hours are the agenda minus its breaks); the slow
test converts them with LibreOffice (``--pdf``).
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from html import escape
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pptx import Presentation

from hrdeck.cli import cli
from hrdeck.curriculum.model import Audience, Curriculum
from hrdeck.outputs.bundle import PARTS
from hrdeck.outputs.kit.schedule import format_hours
from hrdeck.paths import builtin_curriculum
from hrdeck.pipeline import load_valid
from tests.kit_gift import parse_gift
from tests.kit_qti import parse_qti
from tests.kit_samples import all_text, open_docx, paragraphs_in
from tests.lo import needs_soffice, pdf_pages

KIT_FILES = (
    "01-slides.pptx",
    "02-facilitator-guide.html",
    "02-facilitator-guide.md",
    "03-run-sheet.docx",
    "04-sign-in.docx",
    "05-pre-test.docx",
    "06-handout.docx",
    "07-post-test.docx",
    "08-evaluation.docx",
    "09-certificate.docx",
    "10-answer-key.docx",
    "11-questions-qti.zip",
    "11-questions.gift.txt",
)
SHORTENED = re.compile(r" \(short; full [\d.]+ min\)$")
SPAN = re.compile(r"\((\d\d:\d\d)(?:–(\d\d:\d\d))? of 09:00–10:00\)")


def build(out: Path, *options: str) -> Result:
    return CliRunner().invoke(
        cli, ["build", *options, "--out", str(out), str(builtin_curriculum())]
    )


@pytest.fixture(scope="module")
def court(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("kit")
    result = build(out, "-a", "court", "--minutes", "60", "--start", "09:00", "--kit")
    assert result.exit_code == 0, result.stderr
    assert "the kit is in " in result.stderr and f"{out / 'court'}/" in result.stderr
    return out / "court"


@pytest.fixture(scope="module")
def curriculum() -> Curriculum:
    return load_valid(builtin_curriculum())[0]


@pytest.fixture(scope="module")
def audience(curriculum: Curriculum) -> Audience:
    found = curriculum.audience("court")
    assert found is not None
    return found


def run_sheet_rows(folder: Path) -> list[tuple[str, str, float, str]]:
    """(start, end, minutes, title) of every row of the run sheet's schedule."""
    schedule = open_docx((folder / "03-run-sheet.docx").read_bytes()).tables[0]
    rows = []
    for row in schedule.rows[1:]:
        span, minutes, title = (cell.text for cell in row.cells)
        start, end = span.split(" – ")
        rows.append((start, end, float(minutes), SHORTENED.sub("", title)))
    return rows


def test_a_kit_build_writes_every_part_into_the_audience_folder(court: Path) -> None:
    assert sorted(p.name for p in court.iterdir()) == sorted(KIT_FILES)
    assert not [p for p in court.parent.iterdir() if p.is_file()]  # nothing flat beside it


def test_the_agenda_fits_the_hour_and_the_run_sheet_adds_up(court: Path) -> None:
    rows = run_sheet_rows(court)
    assert rows[0][0] == "09:00" and rows[-1][1] == "10:00"
    assert sum(minutes for *_, minutes, _ in rows) <= 60
    for (_, end, *_), (start, *_) in itertools.pairwise(rows):
        assert end == start  # one row follows on from the other
    text = all_text(open_docx((court / "03-run-sheet.docx").read_bytes()))
    assert "Total 1 hour, no break." in text
    assert "Left out to fit the time: " in text  # the optional modules of a 119-minute deck


def test_the_notes_clock_times_match_the_run_sheet(court: Path) -> None:
    deck = Presentation(str(court / "01-slides.pptx"))
    spans = []
    for slide in deck.slides:
        first_line = slide.notes_slide.notes_text_frame.text.splitlines()[0]
        found = SPAN.search(first_line)
        assert found is not None, first_line
        spans.append((found.group(1), found.group(2) or found.group(1)))
    starts, ends = {begin for begin, _ in spans}, {end for _, end in spans}
    for start, end, minutes, title in run_sheet_rows(court):
        assert start in starts, title  # a module's first slide starts when the row does
        assert end in ends or minutes == 0, title  # and its last one ends with it
    assert spans[0][0] == "09:00" and spans[-1][1] == "10:00"


def test_the_guide_has_the_run_sheets_times(court: Path) -> None:
    guide = (court / "02-facilitator-guide.md").read_text(encoding="utf-8")
    for start, _, minutes, title in run_sheet_rows(court):
        assert f"| {start} | {title} | {minutes:g} |" in guide
    html = (court / "02-facilitator-guide.html").read_text(encoding="utf-8")
    for start, _, _, title in run_sheet_rows(court):
        assert f"<td>{start}</td><td>{escape(title)}</td>" in html, title


def test_contact_hours_are_the_agenda_minus_its_breaks(court: Path) -> None:
    rows = run_sheet_rows(court)
    taught = sum(minutes for _, _, minutes, title in rows if title != "Break")
    hours = format_hours(int(taught // 15) * 15 / 60)  # whole quarter hours, rounded down
    certificate = open_docx((court / "09-certificate.docx").read_bytes())
    assert paragraphs_in(certificate, "Kit Certificate Hours") == [f"{hours} contact hour"]
    handout = all_text(open_docx((court / "06-handout.docx").read_bytes()))
    assert f"Length: {hours} contact hour of instruction" in handout


def test_every_objective_is_rated_on_the_evaluation(court: Path, audience: Audience) -> None:
    evaluation = open_docx((court / "08-evaluation.docx").read_bytes())
    rated = [row.cells[0].text for row in evaluation.tables[0].rows[1:]]
    assert rated == [objective.text for objective in audience.objectives]


def test_every_questions_objective_is_one_of_the_audiences(
    court: Path, curriculum: Curriculum, audience: Audience
) -> None:
    objectives = {objective.id for objective in audience.objectives}
    _, gift = parse_gift((court / "11-questions.gift.txt").read_bytes())
    assert gift and all(set(q.tags) <= objectives for q in gift)
    qti = parse_qti((court / "11-questions-qti.zip").read_bytes())
    assert [q.id for q in qti] == [q.idnumber for q in gift]
    bank = {q.id: q for q in curriculum.questions}
    for item in qti:
        question = bank[item.id]
        assert item.objective == question.objective in objectives
        assert item.stem == question.stem and item.options == question.options
        assert item.answer == question.answer and item.reason == question.reason


def test_the_tests_and_key_hold_the_audiences_questions(
    court: Path, curriculum: Curriculum, audience: Audience
) -> None:
    objectives = {objective.id for objective in audience.objectives}
    bank = {q.stem: q for q in curriculum.questions}
    _, gift = parse_gift((court / "11-questions.gift.txt").read_bytes())
    stems = {q.stem for q in gift}
    assert stems and all(bank[stem].objective in objectives for stem in stems)
    orders = []
    for name in ("05-pre-test.docx", "07-post-test.docx"):
        asked = paragraphs_in(open_docx((court / name).read_bytes()), "Kit Question")
        orders.append([line.split("\t", 1)[1] for line in asked])
        assert set(orders[-1]) == stems
    assert len(stems) < 2 or orders[0] != orders[1]
    key = open_docx((court / "10-answer-key.docx").read_bytes()).tables[0]
    assert len(key.rows) == len(stems) + 1


def test_the_handout_carries_objectives_resources_and_references(
    court: Path, audience: Audience
) -> None:
    handout = open_docx((court / "06-handout.docx").read_bytes())
    assert paragraphs_in(handout, "List Number") == [o.text for o in audience.objectives]
    text = all_text(handout)
    assert "samhsa.gov/find-help" in text and "allrise.org" in text
    assert "Binswanger, I. A." in text  # the references, in full
    assert "Krawczyk, N." not in text  # cited only by a module the 60-minute session leaves out
    starts = {start for start, *_ in run_sheet_rows(court)}
    agenda = handout.tables[0]
    for row in agenda.rows[1:]:  # the participants' agenda keeps the run sheet's times
        assert row.cells[0].text.split()[0] in starts, row.cells[0].text


def test_every_document_opens_and_names_the_course(court: Path) -> None:
    for path in sorted(court.glob("*.docx")):
        text = all_text(open_docx(path.read_bytes()))
        assert "Harm Reduction and Mandated Clients" in text, path.name
    signin = open_docx((court / "04-sign-in.docx").read_bytes())
    assert signin.tables[0].rows[0].cells[1].text == "Name (please print)"


def test_a_session_with_a_break_shows_it_on_the_run_sheet_and_handout(tmp_path: Path) -> None:
    result = build(tmp_path, "-a", "peer", "--minutes", "180", "--start", "13:30", "--kit")
    assert result.exit_code == 0, result.stderr
    folder = tmp_path / "peer"
    rows = run_sheet_rows(folder)
    breaks = [row for row in rows if row[3] == "Break"]
    assert len(breaks) == 1 and breaks[0][2] == 10
    taught = sum(minutes for *_, minutes, title in rows if title != "Break")
    certificate = open_docx((folder / "09-certificate.docx").read_bytes())
    hours = format_hours(int(taught // 15) * 15 / 60)
    assert paragraphs_in(certificate, "Kit Certificate Hours") == [f"{hours} contact hours"]
    run_sheet = all_text(open_docx((folder / "03-run-sheet.docx").read_bytes()))
    assert f"Break at {breaks[0][0]} (10 minutes)" in run_sheet
    assert "trainer devices (no medication), one per pair (Naloxone practice)" in run_sheet


def test_the_default_build_keeps_its_flat_names(tmp_path: Path) -> None:
    result = build(tmp_path, "-a", "court")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "hr-mandated-clients-court-guide.html",
        "hr-mandated-clients-court-guide.md",
        "hr-mandated-clients-court.pptx",
    ]
    assert "the kit is in" not in result.stderr


def test_only_builds_the_parts_named(tmp_path: Path) -> None:
    result = build(tmp_path, "-a", "court", "--only", "handout, evaluation")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "court").iterdir()) == [
        "06-handout.docx",
        "08-evaluation.docx",
    ]
    assert result.stdout.splitlines() == [
        str(tmp_path / "court" / "06-handout.docx"),
        str(tmp_path / "court" / "08-evaluation.docx"),
    ]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ("--only", "handout,flyer"),
            "--only: unknown part(s) flyer; choose from " + ",".join(PARTS),
        ),
        (("--only", ","), "--only: no part named"),
        (("--kit", "--only", "deck"), "--kit builds every part; use --only to pick some, not both"),
    ],
)
def test_a_bad_choice_is_a_usage_error(
    tmp_path: Path, options: tuple[str, ...], message: str
) -> None:
    result = build(tmp_path / "out", "-a", "court", *options)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
@needs_soffice
def test_pdf_converts_the_deck_notes_and_every_document(tmp_path: Path) -> None:
    result = build(tmp_path, "-a", "court", "--minutes", "60", "--start", "09:00", "--kit", "--pdf")
    assert result.exit_code == 0, result.stderr
    assert re.search(r"\(PDF \d+\.\d\d s\)", result.stderr)
    folder = tmp_path / "court"
    pdfs = sorted(p.name for p in folder.glob("*.pdf"))
    docx = sorted(p.with_suffix(".pdf").name for p in folder.glob("*.docx"))
    assert pdfs == sorted([*docx, "01-slides.pdf", "01-slides-notes.pdf"])
    slides = len(Presentation(str(folder / "01-slides.pptx")).slides)
    assert pdf_pages(folder / "01-slides.pdf") == slides
    assert pdf_pages(folder / "01-slides-notes.pdf") == slides
    assert pdf_pages(folder / "09-certificate.pdf") == 1
    assert pdf_pages(folder / "03-run-sheet.pdf") == 1
    assert not list(tmp_path.rglob(".*.tmp"))


def test_qti_zip_is_a_content_package(court: Path) -> None:
    with zipfile.ZipFile(io.BytesIO((court / "11-questions-qti.zip").read_bytes())) as archive:
        assert sorted(archive.namelist()) == ["imsmanifest.xml", "questions.xml"]
        manifest = archive.read("imsmanifest.xml").decode()
    assert 'type="imsqti_xmlv1p2"' in manifest and 'href="questions.xml"' in manifest
