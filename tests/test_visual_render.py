"""The visual kinds in a built deck, read back with python-pptx.

The fixture with one example of every kind is built for the court (knowledge checks,
Sources slide, QR codes) in both built-in themes; each test reads one thing back: the
native chart's type, categories and values; icons as custom geometry, decorative next
to their labels; the persona's text; QR codes as one path with alt text and a link;
alt text on every picture and chart; a clean accessibility check and OOXML audit; the
same bytes from the same input.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pptx
import pytest
from openxml_audit import validate_pptx
from pptx.enum.chart import XL_CHART_TYPE

from hrdeck.a11y.check import check_deck
from hrdeck.pipeline import BuildRequest, run_build
from hrdeck.render.qr import dark_runs, qr_matrix

FIXTURE = Path(__file__).parent / "fixtures" / "visuals"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
ADEC = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"


def build(out: Path, audience: str = "court", theme: str = "default") -> Path:
    request = BuildRequest(root=FIXTURE, audience=audience, theme=theme, out_dir=out)
    (deck,) = [p for p in run_build(request).written if p.suffix == ".pptx"]
    return deck


@pytest.fixture(scope="module", params=["default", "high-contrast"])
def deck_path(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp(request.param), theme=request.param)


@pytest.fixture(scope="module")
def deck(deck_path: Path) -> Any:
    return pptx.Presentation(str(deck_path))


def slide_titled(deck: Any, title: str) -> Any:
    return next(s for s in deck.slides if s.shapes.title.text_frame.text == title)


def descr(shape: Any) -> str:
    return str(shape.element[0][0].get("descr", ""))


def decorative(shape: Any) -> bool:
    return shape.element[0][0].find(f".//{ADEC}") is not None


def test_the_chart_is_a_native_column_chart_of_the_yaml_data(deck: Any) -> None:
    slide = slide_titled(deck, "Overdose deaths fell in 2024, but remain far above 2019")
    (frame,) = [s for s in slide.shapes if s.has_chart]
    chart = frame.chart
    assert chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert list(chart.plots[0].categories) == ["2019", "2020", "2021", "2022", "2023", "2024"]
    (series,) = chart.series
    assert series.name == "Overdose deaths"
    assert list(series.values) == [70630, 91799, 106699, 107941, 105007, 80391]
    assert chart.plots[0].has_data_labels and chart.plots[0].data_labels.font.size.pt == 18
    assert descr(frame).startswith("Column chart of deaths, 2019 to 2024: Overdose deaths fell")
    assert "107,941 in 2022" in descr(frame)
    axis_ids = {e.get("val") for e in chart.element.iter() if e.tag.endswith(("axId", "crossAx"))}
    assert axis_ids == {"1", "2"}


def test_the_chart_can_be_edited_its_workbook_holds_the_data(deck: Any) -> None:
    slide = slide_titled(deck, "Overdose deaths fell in 2024, but remain far above 2019")
    (frame,) = [s for s in slide.shapes if s.has_chart]
    workbook = frame.chart.part.chart_workbook.xlsx_part.blob
    with zipfile.ZipFile(io.BytesIO(workbook)) as xlsx:
        sheet = xlsx.read("xl/worksheets/sheet1.xml").decode()
        core = xlsx.read("docProps/core.xml").decode()
    assert "107941" in sheet
    assert "2026-01-15T00:00:00Z" in core  # the course date, not the time of the build


def test_stats_are_big_numbers_with_label_and_source(deck: Any) -> None:
    slide = slide_titled(deck, "Risk is highest right after release")
    texts = {s.name: s.text_frame.text for s in slide.shapes if s.has_text_frame}
    assert texts["Stat 1 value"] == "129×" and texts["Stat 2 value"] == "4.6%"
    assert texts["Stat 1 source"] == "Source: Binswanger et al., 2007"
    value = next(s for s in slide.shapes if s.name == "Stat 1 value")
    run = value.text_frame.paragraphs[0].runs[0]
    assert run.font.bold and run.font.size.pt >= 48
    cards = [
        s for s in slide.shapes if s.name.startswith("Stat") and s.name.endswith(("card", "bar"))
    ]
    assert len(cards) == 4 and all(decorative(c) for c in cards)


def test_icons_are_custom_geometry_and_decorative_beside_their_labels(deck: Any) -> None:
    slide = slide_titled(deck, "Safer-use strategies that keep people alive")
    icons = [s for s in slide.shapes if s.name.startswith("Icon: ")]
    assert [s.name for s in icons] == [
        "Icon: first-aid",
        "Icon: test-tube",
        "Icon: syringe",
        "Icon: phone",
    ]
    for shape in icons:
        assert shape.element.find(f".//{A}custGeom") is not None
        assert decorative(shape) and not descr(shape)
    labels = [s.text_frame.text for s in slide.shapes if s.name.endswith("label")]
    assert labels == ["Naloxone", "Test strips", "Sterile supplies", "Never use alone"]


def test_the_persona_card_shows_name_role_and_facts(deck: Any) -> None:
    slide = slide_titled(deck, "Case study: Anthony")
    texts = {s.name: s.text_frame.text for s in slide.shapes if s.has_text_frame}
    assert texts["Persona name"] == "Anthony"
    assert texts["Persona role"] == "34 · treatment-court participant"
    assert texts["Persona facts"].split("\n") == [
        "Six months into treatment court",
        "Takes buprenorphine as prescribed",
        "Used once after a family crisis, and said so",
        "Carries naloxone",
    ]
    notes = slide.notes_slide.notes_text_frame.text
    assert "Read the scenario aloud:" in notes and "Anthony, 34, is six months" in notes


def test_the_quote_and_who_said_it(deck: Any) -> None:
    slide = slide_titled(deck, "In their words")
    texts = {s.name: s.text_frame.text for s in slide.shapes if s.has_text_frame}
    assert texts["Quote"].startswith("Nobody asked me why I used.")
    assert texts["Attribution"] == "— Participant, adult treatment court (shared with permission)"


def test_the_image_has_its_alt_text_and_credit_and_sits_left(deck: Any) -> None:
    slide = slide_titled(deck, "What a naloxone kit holds")
    (picture,) = [s for s in slide.shapes if s.shape_type == 13]
    assert descr(picture).startswith("An open naloxone kit holding two nasal spray devices")
    body = next(s for s in slide.placeholders if s.placeholder_format.idx != 0)
    assert picture.left < body.left
    credit = next(s for s in slide.shapes if s.name == "Image credit")
    assert credit.text_frame.text == "Illustration: Example Agency"


def qr_codes(slide: Any) -> list[Any]:
    return [s for s in slide.shapes if s.name.startswith("QR code:")]


def test_qr_codes_are_one_path_with_alt_text_and_the_link(deck: Any) -> None:
    slide = slide_titled(deck, "Harm reduction resources")
    codes = qr_codes(slide)
    assert len(codes) == 4
    first = codes[0]
    paths = first.element.findall(f".//{A}custGeom/{A}pathLst/{A}path")
    assert len(paths) == 1  # every dark module in one path
    runs = list(dark_runs(qr_matrix("https://harmreduction.org")))
    assert len(paths[0].findall(f"{A}moveTo")) == len(runs)
    assert descr(first) == "QR code: National Harm Reduction Coalition, harmreduction.org"
    assert first.click_action.hyperlink.address == "https://harmreduction.org"
    assert first.width == first.height


def test_resources_show_the_short_address_never_the_long_url(deck: Any) -> None:
    slide = slide_titled(deck, "Harm reduction resources")
    text = "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
    assert "samhsa.gov/…/framework" in text and "nida.nih.gov (Words Matter)" in text
    assert "https://" not in text


def test_sources_and_closing_carry_their_qr_codes(deck: Any) -> None:
    sources = slide_titled(deck, "Sources")
    (code,) = qr_codes(sources)
    assert code.click_action.hyperlink.address.endswith("/hr-mandated/references")
    closing = slide_titled(deck, "Questions and feedback")
    (code,) = qr_codes(closing)
    assert descr(code) == "QR code: the session evaluation form, forms.example.org/hr-evaluation"


def test_knowledge_check_slides_show_question_then_answer(deck: Any) -> None:
    question = slide_titled(deck, "Knowledge check (2 of 2)")
    answer = slide_titled(deck, "Knowledge check (2 of 2): answer")
    body = next(s for s in question.placeholders if s.placeholder_format.idx != 0)
    assert body.text_frame.text.split("\n")[1] == "A. Call for help and give naloxone"
    body = next(s for s in answer.placeholders if s.placeholder_format.idx != 0)
    assert body.text_frame.text.startswith("Answer: A. Call for help and give naloxone")


def test_hrdeck_check_finds_nothing_and_the_package_is_valid_ooxml(deck_path: Path) -> None:
    assert check_deck(deck_path) == []
    assert validate_pptx(str(deck_path)).errors == []


def test_the_same_curriculum_gives_the_same_bytes(tmp_path: Path) -> None:
    first = build(tmp_path / "one").read_bytes()
    second = build(tmp_path / "two").read_bytes()
    assert first == second


def test_the_peer_deck_has_the_full_references_on_a_slide_and_no_sources_slide(
    tmp_path: Path,
) -> None:
    deck = pptx.Presentation(str(build(tmp_path, "peer")))
    titles = [s.shapes.title.text_frame.text for s in deck.slides]
    assert "References" in titles and "Sources" not in titles
