"""The training-kit documents: read back with python-docx and checked against the kit.

Every writer's output opens, passes openxml-audit, is byte-for-byte reproducible, carries
its content (every objective, question, resource, hour and credit statement), brands
through styles, repeats table header rows and gives every picture alt text. The GIFT
export is read back with a parser written here, apart from the writer. LibreOffice tests
(marked slow) check the page counts a trainer will print.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st
from openxml_audit import OpenXmlValidator

from hrdeck.outputs.kit.checks import KitInputError, kit_problems
from hrdeck.outputs.kit.evaluation import write_evaluation
from hrdeck.outputs.kit.handout import write_handout
from hrdeck.outputs.kit.lms import write_gift
from hrdeck.outputs.kit.model import Delivery, Kit, plain_text
from hrdeck.outputs.kit.qti import write_qti
from hrdeck.outputs.kit.quiz import question_order, write_answer_key, write_pretest
from hrdeck.outputs.kit.runsheet import write_run_sheet
from hrdeck.outputs.kit.schedule import format_hours
from hrdeck.outputs.kit.writers import WRITERS
from hrdeck.plan.session import CreditPlan, LeftOutPlan, ObjectivePlan, QuestionPlan
from tests.kit_gift import GiftQuestion, parse_gift
from tests.kit_qti import QtiItem, parse_qti
from tests.kit_samples import (
    AGENDA,
    EVALUATION_URL,
    all_text,
    header_rows_repeat,
    item,
    make_logo,
    open_docx,
    paragraphs_in,
    pictures,
    sample_kit,
    sample_session,
    timed,
)
from tests.lo import needs_soffice, pdf_pages, to_pdfs

DOCX_WRITERS = {name: writer for name, writer in WRITERS.items() if name.endswith(".docx")}
Writer = Callable[[Kit], bytes]


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    return sample_kit(make_logo(tmp_path_factory.mktemp("logo") / "logo.png"))


@pytest.fixture(scope="module")
def built(kit: Kit) -> dict[str, bytes]:
    return {name: writer(kit) for name, writer in WRITERS.items()}


# --- Every document ----------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(DOCX_WRITERS))
def test_document_passes_openxml_audit(name: str, built: dict[str, bytes], tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(built[name])
    result = OpenXmlValidator().validate(path)
    assert result.is_valid, [str(error) for error in result.errors]


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_same_kit_gives_same_bytes(name: str, kit: Kit, built: dict[str, bytes]) -> None:
    assert WRITERS[name](kit) == built[name]


def test_bytes_do_not_depend_on_the_process(kit: Kit, built: dict[str, bytes]) -> None:
    """Another interpreter with another hash seed writes the same files."""
    logo = kit.brand.logo_path
    script = (
        "import hashlib, pathlib, sys\n"
        "from tests.kit_samples import sample_kit\n"
        "from hrdeck.outputs.kit.writers import WRITERS\n"
        "kit = sample_kit(pathlib.Path(sys.argv[1]))\n"
        "for name, writer in sorted(WRITERS.items()):\n"
        "    print(name, hashlib.sha256(writer(kit)).hexdigest())\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-c", script, str(logo)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=root,
    ).stdout
    expected = [f"{n} {hashlib.sha256(built[n]).hexdigest()}" for n in sorted(WRITERS)]
    assert out.split("\n")[:-1] == expected


@pytest.mark.parametrize("name", sorted(DOCX_WRITERS))
def test_zip_and_properties_are_stamped_with_the_session_date(
    name: str, kit: Kit, built: dict[str, bytes]
) -> None:
    with zipfile.ZipFile(io.BytesIO(built[name])) as archive:
        assert archive.namelist()[0] == "[Content_Types].xml"
        assert {info.date_time[:3] for info in archive.infolist()} == {(2026, 11, 3)}
        assert not any("thumbnail" in n or "stylesWithEffects" in n for n in archive.namelist())
    props = open_docx(built[name]).core_properties
    assert props.created == props.modified
    assert props.created is not None and props.created.date().isoformat() == kit.session.date
    assert props.author == kit.brand.org_name
    assert kit.session.course_title in (props.title or "")


@pytest.mark.parametrize("name", sorted(DOCX_WRITERS))
def test_every_style_a_document_uses_exists(name: str, built: dict[str, bytes]) -> None:
    """Styles are set by id (docbase.style_id), so a misspelt name would fall back to
    Normal without an error: every id used must be defined."""
    document = open_docx(built[name])
    defined = {style.style_id for style in document.styles}
    parts = [document.element, *(s.header._element for s in document.sections)]
    used = {
        node.get(qn("w:val"))
        for part in parts
        for tag in ("w:pStyle", "w:rStyle", "w:tblStyle")
        for node in part.iter(qn(tag))
    }
    assert used and used <= defined, used - defined


@pytest.mark.parametrize("name", sorted(DOCX_WRITERS))
def test_every_table_repeats_its_header_row(name: str, built: dict[str, bytes]) -> None:
    document = open_docx(built[name])
    for table in document.tables:
        assert header_rows_repeat(table)
        assert table._tbl.tblPr.find(qn("w:tblCaption")) is not None


@pytest.mark.parametrize("name", sorted(DOCX_WRITERS))
def test_every_picture_has_alt_text_and_a_unique_id(name: str, built: dict[str, bytes]) -> None:
    document = open_docx(built[name])
    assert all(alt.strip() for alt, _ in pictures(document))
    ids = [
        doc_pr.get("id")
        for part in document.part.package.iter_parts()
        if hasattr(part, "element")
        for doc_pr in part.element.iter(qn("wp:docPr"))
    ]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", sorted(DOCX_WRITERS))
def test_brand_lives_in_styles_not_in_runs(name: str, kit: Kit, built: dict[str, bytes]) -> None:
    document = open_docx(built[name])
    for run_props in document.element.body.iter(qn("w:rPr")):
        assert run_props.find(qn("w:rFonts")) is None
        assert run_props.find(qn("w:color")) is None
    styles = document.styles
    assert styles["Normal"].font.name == kit.brand.body_font
    assert styles["Heading 1"].font.name == kit.brand.heading_font
    assert str(styles["Heading 1"].font.color.rgb) == kit.brand.accent_color.lstrip("#")
    assert str(styles["Normal"].font.color.rgb) == kit.brand.text_color.lstrip("#")
    for style in styles:
        if style.type == WD_STYLE_TYPE.CHARACTER and style.base_style is not None:
            assert style.base_style.type == WD_STYLE_TYPE.CHARACTER, style.name
    assert str(styles["Heading 1 Char"].font.color.rgb) == kit.brand.accent_color.lstrip("#")
    theme = document.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
    ).blob
    assert f'typeface="{kit.brand.heading_font}"'.encode() in theme
    assert kit.brand.accent_color.lstrip("#").encode() in theme


@pytest.mark.parametrize("name", ["handout.docx", "evaluation.docx", "sign-in.docx"])
def test_header_carries_the_logo_and_the_agency(
    name: str, kit: Kit, built: dict[str, bytes]
) -> None:
    header = open_docx(built[name]).sections[0].header
    assert kit.brand.org_name in header.paragraphs[0].text
    inline = next(header._element.iter(qn("wp:inline")))
    assert inline.find(qn("wp:docPr")).get("descr") == kit.brand.logo_alt


def test_a4_when_asked(kit: Kit) -> None:
    section = open_docx(write_handout(dataclasses.replace(kit, paper="a4"))).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    letter = open_docx(write_handout(kit)).sections[0]
    assert (letter.page_width.inches, letter.page_height.inches) == (8.5, 11)


@pytest.mark.parametrize("name", sorted(DOCX_WRITERS))
def test_a_bare_kit_still_writes_sound_documents(name: str, tmp_path: Path) -> None:
    """No logo, presenter, evaluation link, credit, level, disclosure, delivery details,
    modules, resources or references."""
    session = sample_session(
        evaluation_url=None, credits=(), presenters=(), level=None, disclosures=()
    )
    bare = dataclasses.replace(
        sample_kit(None),
        session=session,
        delivery=Delivery(),
        modules=(),
        resources=(),
        references=(),
    )
    path = tmp_path / name
    path.write_bytes(DOCX_WRITERS[name](bare))
    document = open_docx(path.read_bytes())
    assert pictures(document) == []
    assert bare.session.course_title in all_text(document)
    result = OpenXmlValidator().validate(path)
    assert result.is_valid, [str(error) for error in result.errors]


# --- Handout ------------------------------------------------------------------------------


def test_handout_carries_objectives_points_and_references(
    kit: Kit, built: dict[str, bytes]
) -> None:
    document = open_docx(built["handout.docx"])
    text = all_text(document)
    assert paragraphs_in(document, "Title") == [kit.session.course_title]
    assert paragraphs_in(document, "List Number") == [o.text for o in kit.session.objectives]
    assert paragraphs_in(document, "Heading 2") == [m.title for m in kit.modules]
    bullets = paragraphs_in(document, "List Bullet")
    assert bullets == [plain_text(point) for m in kit.modules for point in m.key_points]
    assert all(p.bio and p.bio in text and p.line in text for p in kit.session.presenters)
    assert kit.session.disclosures[0].text in text
    references = paragraphs_in(document, "Kit Reference")
    assert len(references) == len(kit.references)
    for reference, printed in zip(kit.references, references, strict=True):
        assert printed.startswith(plain_text(reference.text))
        assert reference.url is None or printed.count(reference.url) == 1
    assert {r.url for r in kit.references if r.url} <= _hyperlink_targets(document)
    hanging = document.styles["Kit Reference"].paragraph_format
    assert hanging.first_line_indent is not None and hanging.first_line_indent < 0


def test_handout_resources_have_short_addresses_and_qr_codes(
    kit: Kit, built: dict[str, bytes]
) -> None:
    document = open_docx(built["handout.docx"])
    resources_table = document.tables[1]
    rows = resources_table.rows[1:]
    assert len(rows) == len(kit.resources)
    for row, resource in zip(rows, kit.resources, strict=True):
        assert resource.name in row.cells[1].text and resource.short_url in row.cells[1].text
    qr_alts = [alt for alt, _ in pictures(document)]
    urls = [r.url for r in kit.resources] + [EVALUATION_URL]
    assert len(qr_alts) == len(urls)
    for alt, url in zip(qr_alts, urls, strict=True):
        assert alt.startswith("QR code") and url in alt
    assert EVALUATION_URL in _hyperlink_targets(document)


def test_handout_qr_codes_decode_to_their_urls(kit: Kit, built: dict[str, bytes]) -> None:
    """Needs zxing-cpp (a test-only QR decoder)."""
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    decoded = []
    for _, blob in pictures(open_docx(built["handout.docx"])):
        (result,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(blob)))
        decoded.append(result.text)
    assert decoded == [r.url for r in kit.resources] + [EVALUATION_URL]


def _hyperlink_targets(document: object) -> set[str]:
    rels = document.part.rels.values()  # type: ignore[attr-defined]
    return {rel.target_ref for rel in rels if rel.is_external}


# --- Evaluation form ----------------------------------------------------------------------


def test_evaluation_rates_every_objective_on_five_tick_boxes(
    kit: Kit, built: dict[str, bytes]
) -> None:
    document = open_docx(built["evaluation.docx"])
    objectives = document.tables[0]
    assert [c.text for c in objectives.rows[0].cells][1:] == ["1", "2", "3", "4", "5"]
    rows = objectives.rows[1:]
    assert [row.cells[0].text for row in rows] == [o.text for o in kit.session.objectives]
    assert all([c.text for c in row.cells[1:]] == ["☐"] * 5 for row in rows)


def test_evaluation_asks_about_presenters_relevance_and_follow_up(
    kit: Kit, built: dict[str, bytes]
) -> None:
    document = open_docx(built["evaluation.docx"])
    headers = [table.rows[0].cells[0].text for table in document.tables]
    assert headers[1:-1] == [p.line for p in kit.session.presenters]
    text = all_text(document)
    assert "relevant to my role" in text and "commercial bias" in text
    assert "One thing I will do differently" in text
    assert "30 days" in text and "Email or phone" in text
    assert f"{format_hours(kit.session.contact_hours)} contact hours" in text
    assert all(_shown(credit) in text for credit in kit.session.credits)


def _shown(credit: CreditPlan) -> str:
    """A statement as printed: a placeholder without its 'TBD:' mark."""
    return credit.statement.removeprefix("TBD:").strip()


# --- Certificate --------------------------------------------------------------------------


def test_certificate_is_landscape_with_hours_credit_and_signature(
    kit: Kit, built: dict[str, bytes]
) -> None:
    document = open_docx(built["certificate.docx"])
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width > section.page_height
    assert section._sectPr.find(qn("w:pgBorders")) is not None
    text = all_text(document)
    assert "Certificate of Attendance" in text and kit.session.course_title in text
    assert paragraphs_in(document, "Kit Certificate Hours") == ["1.75 contact hours"]
    assert all(_shown(credit) in text for credit in kit.session.credits)
    lead = kit.session.presenters[0].line
    assert paragraphs_in(document, "Kit Certificate Signature") == [f"\t{lead}, presenter\tDate"]
    assert paragraphs_in(document, "Kit Certificate Name") == [""]
    assert [alt for alt, _ in pictures(document)] == [kit.brand.logo_alt]


def test_placeholder_credit_statements_are_marked(kit: Kit, built: dict[str, bytes]) -> None:
    placeholder = next(c for c in kit.session.credits if c.placeholder)
    for name in ("certificate.docx", "evaluation.docx", "handout.docx"):
        document = open_docx(built[name])
        marked = [
            run.text
            for paragraph in document.paragraphs
            for run in paragraph.runs
            if run.style is not None and run.style.name == "Kit Placeholder"
        ]
        assert marked == [f"To be completed by the agency before use: {_shown(placeholder)}"]


# --- Sign-in sheet ------------------------------------------------------------------------


def test_signin_sheet_has_numbered_rows_under_a_repeating_header(
    kit: Kit, built: dict[str, bytes]
) -> None:
    document = open_docx(built["sign-in.docx"])
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    (table,) = document.tables
    heads = [cell.text for cell in table.rows[0].cells]
    assert heads == ["#", "Name (please print)", "Role", "Agency", "Email (optional)", "Signature"]
    numbers = [row.cells[0].text for row in table.rows[1:]]
    assert numbers == [str(n) for n in range(1, kit.signin_rows + 1)]
    text = all_text(document)
    assert kit.session.course_title in text and "November 3, 2026" in text
    assert "Attendance verified by" in text


# --- Pre-test, post-test and answer key ---------------------------------------------------


def _stems(data: bytes) -> list[str]:
    return [text.split("\t", 1)[1] for text in paragraphs_in(open_docx(data), "Kit Question")]


def test_pre_and_post_tests_hold_every_question_in_different_orders(
    kit: Kit, built: dict[str, bytes]
) -> None:
    pre, post = _stems(built["pre-test.docx"]), _stems(built["post-test.docx"])
    stems = [question.stem for question in kit.session.questions]
    assert sorted(pre) == sorted(post) == sorted(stems)
    assert pre != post
    assert pre == [q.stem for q in question_order(kit, "pre")]
    numbers = [
        t.split("\t")[0] for t in paragraphs_in(open_docx(built["pre-test.docx"]), "Kit Question")
    ]
    assert numbers == [f"{n}." for n in range(1, len(stems) + 1)]
    assert "Name" in all_text(open_docx(built["pre-test.docx"]))


def test_each_test_lists_every_option_of_every_question(kit: Kit, built: dict[str, bytes]) -> None:
    document = open_docx(built["post-test.docx"])
    options = paragraphs_in(document, "Kit Option") + paragraphs_in(document, "Kit Option Last")
    assert len(options) == sum(len(q.options) for q in kit.session.questions)
    assert all(option.startswith("☐\t") for option in options)


def test_the_order_follows_the_seed(kit: Kit) -> None:
    other = dataclasses.replace(kit, shuffle_seed="another delivery")
    assert question_order(other, "pre") != question_order(kit, "pre")
    session = dataclasses.replace(kit.session, questions=kit.session.questions[:2])
    two = dataclasses.replace(kit, session=session)
    assert question_order(two, "pre") != question_order(two, "post")


def test_the_sessions_own_orders_come_first(kit: Kit) -> None:
    ids = [question.id for question in kit.session.questions]
    session = dataclasses.replace(kit.session, pretest=tuple(reversed(ids)), posttest=tuple(ids))
    ordered = dataclasses.replace(kit, session=session)
    assert [q.id for q in question_order(ordered, "pre")] == list(reversed(ids))
    assert [q.id for q in question_order(ordered, "post")] == ids
    by_id = {q.id: q.stem for q in kit.session.questions}
    assert _stems(write_pretest(ordered)) == [by_id[i] for i in reversed(ids)]


def test_answer_key_maps_both_tests_with_answers_reasons_and_objectives(
    kit: Kit, built: dict[str, bytes]
) -> None:
    document = open_docx(built["answer-key.docx"])
    (table,) = document.tables
    rows = table.rows[1:]
    assert len(rows) == len(kit.session.questions)
    pre, post = question_order(kit, "pre"), question_order(kit, "post")
    objective_numbers = {o.id: n for n, o in enumerate(kit.session.objectives, start=1)}
    for row, question in zip(rows, pre, strict=True):
        cells = [cell.text for cell in row.cells]
        assert cells[0] == str(pre.index(question) + 1)
        assert cells[1] == str(post.index(question) + 1)
        assert question.stem in cells[2] and question.options[question.answer] in cells[2]
        assert f"Item id: {question.id}" in cells[2]
        assert cells[3] == question.reason
        assert cells[4] == f"O{objective_numbers[question.objective]}"


def test_answer_key_names_objectives_no_question_checks(kit: Kit) -> None:
    extra = ObjectivePlan("court-5", "Name two local syringe services programs.")
    session = dataclasses.replace(kit.session, objectives=(*kit.session.objectives, extra))
    text = all_text(open_docx(write_answer_key(dataclasses.replace(kit, session=session))))
    assert f"{extra.text}  (no question checks this objective)" in text


# --- Run sheet ----------------------------------------------------------------------------


def test_run_sheet_prints_the_plans_times_breaks_materials_and_room(
    kit: Kit, built: dict[str, bytes]
) -> None:
    document = open_docx(built["run-sheet.docx"])
    schedule, before = document.tables
    times = [row.cells[0].text for row in schedule.rows[1:]]
    assert times[0] == "09:00 – 09:10" and times[-1] == "10:50 – 11:00"
    assert times == [f"{r.clock_start} – {r.clock_end}" for r in kit.session.schedule]
    titles = [row.cells[2].text for row in schedule.rows[1:]]
    assert titles == [r.title for r in kit.session.schedule]
    break_row = schedule.rows[1 + 4]
    assert break_row.cells[0].paragraphs[0].style.name == "Kit Agenda Break"
    assert break_row.cells[0].text == "09:55 – 10:05"
    materials, room = before.rows[1].cells
    assert [p.text for p in materials.paragraphs] == [f"☐\t{m}" for m in kit.delivery.materials]
    assert [p.text for p in room.paragraphs] == list(kit.delivery.room_setup)
    assert "including 10 minutes of breaks" in all_text(document)


def test_run_sheet_without_a_start_prints_elapsed_time(kit: Kit) -> None:
    agenda, schedule = timed(AGENDA, start=None)
    session = dataclasses.replace(kit.session, start=None, agenda=agenda, schedule=schedule)
    document = open_docx(write_run_sheet(dataclasses.replace(kit, session=session)))
    times = [row.cells[0].text for row in document.tables[0].rows[1:]]
    assert times[:2] == ["0:00 – 0:10", "0:10 – 0:25"]
    assert document.tables[0].rows[0].cells[0].text == "Elapsed"


def test_run_sheet_marks_shortened_modules_and_names_what_was_left_out(kit: Kit) -> None:
    first, *rest = kit.session.schedule
    shortened = dataclasses.replace(first, full_minutes=15.0)
    left = LeftOutPlan("why-it-matters", "Why this matters now", "does not fit 120 minutes")
    session = dataclasses.replace(kit.session, schedule=(shortened, *rest), left_out=(left,))
    document = open_docx(write_run_sheet(dataclasses.replace(kit, session=session)))
    assert document.tables[0].rows[1].cells[2].text == f"{first.title} (short; full 15 min)"
    assert "Left out to fit the time: Why this matters now." in all_text(document)


def test_run_sheet_falls_back_to_the_agenda(kit: Kit) -> None:
    session = dataclasses.replace(kit.session, schedule=())
    document = open_docx(write_run_sheet(dataclasses.replace(kit, session=session)))
    titles = [row.cells[2].text for row in document.tables[0].rows[1:]]
    assert titles == [row.title for row in kit.session.agenda]


def test_handout_agenda_shows_the_participants_rows(kit: Kit, built: dict[str, bytes]) -> None:
    agenda = open_docx(built["handout.docx"]).tables[0]
    rows = [[cell.text for cell in row.cells] for row in agenda.rows[1:]]
    assert rows == [
        [f"{r.clock_start} – {r.clock_end}", f"{r.minutes:g}", r.title] for r in kit.session.agenda
    ]


# --- Bad input ----------------------------------------------------------------------------


def test_bad_kit_gets_every_problem_located(kit: Kit, tmp_path: Path) -> None:
    brand = dataclasses.replace(kit.brand, accent_color="teal", logo_path=tmp_path / "none.png")
    orphan = item("q-orphan", "court-9", "Stem?", answer=5, reason="", options=("A", "B"))
    agenda, schedule = timed((("Welcome", 60, False), ("Overlap", 30, False)))
    overlapping = (schedule[0], dataclasses.replace(schedule[1], start=30.0))
    session = sample_session(
        contact_hours=3.0,
        objectives=(*kit.session.objectives, kit.session.objectives[0]),
        agenda=agenda,
        schedule=overlapping,
        questions=(*kit.session.questions, orphan),
        pretest=("q-meds",),
    )
    bad = dataclasses.replace(kit, brand=brand, session=session)
    with pytest.raises(KitInputError) as caught:
        write_handout(bad)
    where = {problem.where for problem in caught.value.problems}
    assert {
        "brand.accent_color",
        "brand.logo_path",
        "session.objectives[4].id",
        "session.contact_hours",
        "session.schedule[1]",
        "session.questions[10].objective",
        "session.questions[10].answer",
        "session.questions[10].reason",
        "session.pretest",
    } <= where
    assert "session.questions[10].objective: 'court-9' is not one of" in str(caught.value)


def test_a_sound_kit_has_no_problems(kit: Kit) -> None:
    assert kit_problems(kit) == []


def test_a_logo_that_is_not_an_image_is_refused(kit: Kit, tmp_path: Path) -> None:
    fake = tmp_path / "logo.png"
    fake.write_text("not a picture")
    brand = dataclasses.replace(kit.brand, logo_path=fake)
    problems = kit_problems(dataclasses.replace(kit, brand=brand))
    assert [str(p) for p in problems] == ["brand.logo_path: logo.png is not a readable image"]


def test_faint_brand_colours_fall_back_to_readable_ink(kit: Kit) -> None:
    brand = dataclasses.replace(kit.brand, accent_color="#A7F3D0")  # mint: 1.3:1 on white
    document = open_docx(write_evaluation(dataclasses.replace(kit, brand=brand)))
    assert str(document.styles["Heading 1"].font.color.rgb) == kit.brand.text_color.lstrip("#")


# --- GIFT export --------------------------------------------------------------------------


def test_gift_round_trips_every_question(kit: Kit, built: dict[str, bytes]) -> None:
    category, parsed = parse_gift(built["questions.gift.txt"])
    assert (
        category == "$course$/top/Harm Reduction and Mandated Clients/Courts and mandating entities"
    )
    assert [_as_question(q) for q in parsed] == list(kit.session.questions)
    assert all(q.text_format == "plain" and q.name == q.idnumber for q in parsed)


def _as_question(parsed: GiftQuestion) -> QuestionPlan:
    (objective,) = parsed.tags
    kind = "true-false" if parsed.true_false else "multiple-choice"
    options = ("True", "False") if parsed.true_false else parsed.choices
    return QuestionPlan(
        parsed.idnumber, kind, parsed.stem, options, parsed.answer, parsed.feedback, objective, ()
    )


GIFT_TEXT = (
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"))
        | st.sampled_from("~=#{}:\\\n[]/"),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=60, deadline=None)
@given(
    stem=GIFT_TEXT,
    options=st.lists(GIFT_TEXT, min_size=2, max_size=5, unique=True),
    reason=GIFT_TEXT,
    pick=st.integers(min_value=0, max_value=4),
)
def test_gift_escapes_any_text(
    kit: Kit, stem: str, options: list[str], reason: str, pick: int
) -> None:
    question = item(
        "q-any", "court-1", stem, answer=pick % len(options), reason=reason, options=tuple(options)
    )
    truth = item("q-tf", "court-2", stem, answer=pick % 2, reason=reason, type="tf")
    bank = dataclasses.replace(kit, session=sample_session(questions=(question, truth)))
    _, parsed = parse_gift(write_gift(bank))
    assert [_as_question(q) for q in parsed] == [question, truth]


# --- QTI 1.2 export -----------------------------------------------------------------------


def _from_qti(parsed: QtiItem) -> QuestionPlan:
    kind = {"multiple_choice_question": "multiple-choice", "true_false_question": "true-false"}
    return QuestionPlan(
        parsed.id,
        kind[parsed.kind],
        parsed.stem,
        parsed.options,
        parsed.answer,
        parsed.reason,
        parsed.objective,
        (),
    )


def test_qti_round_trips_every_question(kit: Kit, built: dict[str, bytes]) -> None:
    parsed = parse_qti(built["questions-qti.zip"])
    assert [_from_qti(item) for item in parsed] == list(kit.session.questions)


@settings(max_examples=40, deadline=None)
@given(
    stem=GIFT_TEXT,
    options=st.lists(GIFT_TEXT, min_size=2, max_size=5, unique=True),
    reason=GIFT_TEXT,
    pick=st.integers(min_value=0, max_value=4),
)
def test_qti_keeps_any_text(
    kit: Kit, stem: str, options: list[str], reason: str, pick: int
) -> None:
    question = item(
        "q-any",
        "court-1",
        stem + " <&>",
        answer=pick % len(options),
        reason=reason,
        options=tuple(options),
    )
    bank = dataclasses.replace(kit, session=sample_session(questions=(question,)))
    assert [_from_qti(parsed) for parsed in parse_qti(write_qti(bank))] == [question]


# --- What a trainer prints (LibreOffice) --------------------------------------------------

COURT_MODULE_MINUTES = (2, 2, 6, 5, 1, 10, 1, 6, 5, 5, 3, 1, 9, 1, 6, 5, 6, 4, 1, 25, 4, 3, 2, 1, 5)


def _long_agenda_kit(kit: Kit) -> Kit:
    """Today's 25-module court agenda plus a break: 26 rows on one run sheet."""
    rows = [(f"Module {n}: segment title", m, False) for n, m in enumerate(COURT_MODULE_MINUTES)]
    rows.insert(13, ("Break", 10, True))
    agenda, schedule = timed(tuple(rows))
    session = dataclasses.replace(kit.session, agenda=agenda, schedule=schedule)
    return dataclasses.replace(kit, session=session)


@pytest.mark.slow
@needs_soffice
def test_libreoffice_prints_the_expected_pages(
    kit: Kit, built: dict[str, bytes], tmp_path: Path
) -> None:
    documents = dict(DOCX_WRITERS.items())
    files = {name: built[name] for name in documents}
    files["run-sheet-long.docx"] = write_run_sheet(_long_agenda_kit(kit))
    a4 = dataclasses.replace(kit, paper="a4")
    files["certificate-a4.docx"] = WRITERS["certificate.docx"](a4)
    files["run-sheet-a4.docx"] = write_run_sheet(a4)
    paths = []
    for name, data in files.items():
        paths.append(tmp_path / name)
        paths[-1].write_bytes(data)
    pages = {pdf.stem + ".docx": pdf_pages(pdf) for pdf in to_pdfs(paths, tmp_path)}
    assert pages["certificate.docx"] == pages["certificate-a4.docx"] == 1
    run_sheets = ("run-sheet.docx", "run-sheet-long.docx", "run-sheet-a4.docx")
    assert [pages[name] for name in run_sheets] == [1, 1, 1]
    assert pages["sign-in.docx"] >= 1
    assert pages["evaluation.docx"] == 2
    assert pages["handout.docx"] >= 2
    certificate = _pdf_text(tmp_path / "certificate.pdf")
    assert "1.75 contact hours" in certificate and "Certificate of Attendance" in certificate


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
