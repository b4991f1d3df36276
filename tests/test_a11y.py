"""`hrdeck check`: each accessibility check fires exactly once on a deck that breaks it.

Every case starts from a clean two-slide deck built here with python-pptx (titles,
body text tagged en-US, notes, a described picture, a table with a header row, a
descriptive link), breaks one thing, and expects exactly one finding.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml import parse_xml
from pptx.util import Inches, Pt

from hrdeck.a11y.check import A11yFinding, check_deck, format_findings
from hrdeck.a11y.structure import ADEC
from hrdeck.a11y.style import DeckColours, resolve_colour
from hrdeck.cli import cli
from hrdeck.errors import ContentError

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
LONG_URL = "https://www.example.org/resources/harm-reduction/naloxone-distribution-guide"


def _png(tmp_path: Path) -> Path:
    path = tmp_path / "naloxone.png"
    Image.new("RGB", (8, 8), (200, 30, 30)).save(path)
    return path


def tag_language(slide: Any, lang: str = "en-US") -> None:
    """Give every run on the slide a language, as PowerPoint itself does."""
    for run in slide.shapes._spTree.iter(f"{A}r"):
        rpr = run.find(f"{A}rPr")
        if rpr is None:
            rpr = run.makeelement(f"{A}rPr", {})
            run.insert(0, rpr)
        rpr.set("lang", rpr.get("lang", lang))


def add_slide(prs: Any, title: str, body: str = "Carry naloxone.", notes: str = "Say it.") -> Any:
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = title
    slide.placeholders[1].text = body
    if notes:
        slide.notes_slide.notes_text_frame.text = notes
    tag_language(slide)
    return slide


def clean_deck(tmp_path: Path) -> Any:
    prs = Presentation()
    add_slide(prs, "Why harm reduction")
    slide = add_slide(prs, "Resources", body="Find local services.")
    body = slide.placeholders[1]
    body.top, body.height = Inches(1.6), Inches(1.2)
    picture = slide.shapes.add_picture(str(_png(tmp_path)), Inches(1), Inches(3), Inches(1))
    picture._element.nvPicPr.cNvPr.set("descr", "A red naloxone kit")
    frame = slide.shapes.add_table(2, 2, Inches(3), Inches(3), Inches(4), Inches(1.5))
    frame._element.nvGraphicFramePr.cNvPr.set("descr", "Where to get naloxone")
    table = frame.table
    for cell, words in zip(table.iter_cells(), ["Kit", "Where", "Naloxone", "Clinic"], strict=True):
        cell.text = words
    link = slide.shapes.add_textbox(Inches(1), Inches(5.5), Inches(6), Inches(0.8))
    run = link.text_frame.paragraphs[0].add_run()
    run.text = "the naloxone distribution guide"
    run.hyperlink.address = LONG_URL
    tag_language(slide)
    return prs


def save(prs: Any, tmp_path: Path) -> Path:
    path = tmp_path / "deck.pptx"
    prs.save(path)
    return path


def _second(prs: Any) -> Any:
    return prs.slides[1]


def _no_title(prs: Any) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(5), Inches(1))
    box.text_frame.text = "Questions?"
    slide.notes_slide.notes_text_frame.text = "Take questions."
    tag_language(slide)


def _empty_title(prs: Any) -> None:
    add_slide(prs, "")


def _duplicate_title(prs: Any) -> None:
    add_slide(prs, "why harm reduction ")


def _picture(prs: Any) -> Any:
    return next(s for s in _second(prs).shapes if s.shape_type == 13)


def _no_alt(prs: Any) -> None:
    _picture(prs)._element.nvPicPr.cNvPr.set("descr", "")


def _file_name_alt(prs: Any) -> None:
    _picture(prs)._element.nvPicPr.cNvPr.set("descr", "IMG_0042.JPG")


def _title_alt(prs: Any) -> None:
    _picture(prs)._element.nvPicPr.cNvPr.set("descr", "Resources")


def _shape_without_text(prs: Any) -> None:
    _second(prs).shapes.add_shape(1, Inches(8), Inches(6), Inches(1), Inches(1))


def _decorative_shape(prs: Any) -> None:
    shape = _second(prs).shapes.add_shape(1, Inches(8), Inches(6), Inches(1), Inches(1))
    c_nv_pr = shape._element.nvSpPr.cNvPr
    ext_lst = c_nv_pr.makeelement(f"{A}extLst", {})
    ext = ext_lst.makeelement(f"{A}ext", {"uri": "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"})
    ext.append(ext.makeelement(f"{{{ADEC}}}decorative", {"val": "1"}))
    ext_lst.append(ext)
    c_nv_pr.append(ext_lst)


def _body_before_title(prs: Any) -> None:
    tree = prs.slides[0].shapes._spTree
    title = prs.slides[0].shapes.title._element
    tree.remove(title)
    tree.append(title)


def _boxes_bottom_first(prs: Any) -> None:
    slide = prs.slides[0]
    slide.placeholders[1].top, slide.placeholders[1].height = Inches(1.6), Inches(1)
    lower = slide.shapes.add_textbox(Inches(1), Inches(5), Inches(4), Inches(1))
    lower.text_frame.text = "Lower"
    upper = slide.shapes.add_textbox(Inches(1), Inches(3), Inches(4), Inches(1))
    upper.text_frame.text = "Upper"
    tag_language(slide)


def _same_row_boxes(prs: Any) -> None:
    slide = prs.slides[0]
    slide.placeholders[1].top, slide.placeholders[1].height = Inches(1.6), Inches(1)
    for left, top, words in ((1, 3.0, "Left"), (5, 3.1, "Right")):
        box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(3), Inches(1))
        box.text_frame.text = words
    tag_language(slide)


def _two_columns(prs: Any) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[4])  # Comparison: column by column
    for placeholder, words in zip(
        slide.placeholders, ["Roles", "Court", "Sets terms", "Clinic", "Treats"], strict=True
    ):
        placeholder.text = words
    slide.notes_slide.notes_text_frame.text = "Compare."
    tag_language(slide)


def _small_text(prs: Any) -> None:
    prs.slides[0].placeholders[1].text_frame.paragraphs[0].runs[0].font.size = Pt(12)


def _no_language(prs: Any) -> None:
    body = prs.slides[0].placeholders[1].text_frame
    body.add_paragraph().add_run().text = "Untagged words"


def _other_language(prs: Any) -> None:
    body = prs.slides[0].placeholders[1].text_frame
    run = body.add_paragraph().add_run()
    run.text = "Reducción de daños"
    run._r.get_or_add_rPr().set("lang", "es-ES")


def _low_contrast(prs: Any) -> None:
    run = prs.slides[0].placeholders[1].text_frame.paragraphs[0].runs[0]
    run.font.color.rgb = RGBColor(0xAA, 0xAA, 0xAA)


def _dark_box_white_text(prs: Any) -> None:
    slide = prs.slides[0]
    slide.placeholders[1].top, slide.placeholders[1].height = Inches(1.6), Inches(1)
    box = slide.shapes.add_shape(1, Inches(1), Inches(3), Inches(6), Inches(2))
    box.fill.solid()
    box.fill.fore_color.rgb = RGBColor(0x1F, 0x2A, 0x44)
    box.text = "White on navy"
    box.text_frame.paragraphs[0].runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    box._element.nvSpPr.cNvPr.set("descr", "Navy panel")
    tag_language(slide)


def _no_notes(prs: Any) -> None:
    add_slide(prs, "Wrap-up", notes="")


def _url_link(prs: Any) -> None:
    run = _second(prs).shapes[-1].text_frame.paragraphs[0].runs[0]
    run.text = LONG_URL


def _url_at_end_of_citation(prs: Any) -> None:
    """An APA reference: the address is the link text, the citation says what it is."""
    paragraph = _second(prs).shapes[-1].text_frame.paragraphs[0]
    paragraph.runs[0].text = LONG_URL
    lead = paragraph._p.makeelement(f"{A}r", {})
    lead.append(lead.makeelement(f"{A}rPr", {"lang": "en-US"}))
    lead.append(lead.makeelement(f"{A}t", {}))
    lead[1].text = "Example Health. (2024). Naloxone distribution guide. "
    paragraph.runs[0]._r.addprevious(lead)


def _table_without_header(prs: Any) -> None:
    frame = next(s for s in _second(prs).shapes if s.has_table)
    frame.table.first_row = False


CASES: list[tuple[str, Callable[[Any], None], list[tuple[int, str, str]]]] = [
    ("clean", lambda prs: None, []),
    ("no title placeholder", _no_title, [(3, "missing-title", "error")]),
    ("empty title", _empty_title, [(3, "missing-title", "error")]),
    ("duplicate title", _duplicate_title, [(3, "duplicate-title", "error")]),
    ("picture without alt text", _no_alt, [(2, "missing-alt-text", "error")]),
    ("alt text is a file name", _file_name_alt, [(2, "bad-alt-text", "error")]),
    ("alt text is the title", _title_alt, [(2, "bad-alt-text", "error")]),
    ("shape without text or alt", _shape_without_text, [(2, "missing-alt-text", "error")]),
    ("decorative shape", _decorative_shape, []),
    ("title read last", _body_before_title, [(1, "reading-order", "warning")]),
    ("boxes bottom first", _boxes_bottom_first, [(1, "reading-order", "warning")]),
    ("same-row boxes left first", _same_row_boxes, []),
    ("two columns read column by column", _two_columns, []),
    ("12 pt body text", _small_text, [(1, "small-text", "error")]),
    ("run without language", _no_language, [(1, "missing-language", "error")]),
    ("run in another language", _other_language, [(1, "missing-language", "warning")]),
    ("grey text on white", _low_contrast, [(1, "low-contrast", "error")]),
    ("white text on a navy box", _dark_box_white_text, []),
    ("no speaker notes", _no_notes, [(3, "missing-notes", "warning")]),
    ("bare URL as link text", _url_link, [(2, "link-text", "warning")]),
    ("bare URL ending a citation", _url_at_end_of_citation, []),
    ("table without header row", _table_without_header, [(2, "table-header", "warning")]),
]


@pytest.mark.parametrize(("name", "break_it", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_check_fires_once(
    tmp_path: Path,
    name: str,
    break_it: Callable[[Any], None],
    expected: list[tuple[int, str, str]],
) -> None:
    prs = clean_deck(tmp_path)
    break_it(prs)
    findings = check_deck(save(prs, tmp_path))
    assert [(f.slide, f.code, f.severity) for f in findings] == expected, findings


def test_formatted_output_names_slide_code_and_shape(tmp_path: Path) -> None:
    prs = clean_deck(tmp_path)
    _no_title(prs)
    _small_text(prs)
    _low_contrast(prs)
    _table_without_header(prs)
    findings = check_deck(save(prs, tmp_path))
    assert format_findings(findings, Path("deck.pptx")) == (
        "deck.pptx: slide 1: error[small-text]: text as small as 12 pt; use 18 pt or more"
        " (shape 'Content Placeholder 2')\n"
        "deck.pptx: slide 1: error[low-contrast]: text #AAAAAA on #FFFFFF has contrast"
        " 2.32:1, below 4.5:1 (shape 'Content Placeholder 2')\n"
        "deck.pptx: slide 2: warning[table-header]: the table has no header row;"
        " turn on 'Header Row' in Table Design (shape 'Table 4')\n"
        "deck.pptx: slide 3: error[missing-title]: the slide has no title\n"
        "deck.pptx: 3 errors, 1 warning on 3 slides\n"
    )


def test_clean_deck_formats_as_no_problems() -> None:
    assert format_findings([], Path("deck.pptx")) == "deck.pptx: no accessibility problems found\n"


def test_deck_level_finding_has_no_slide_prefix() -> None:
    finding = A11yFinding(0, "empty-deck", "the presentation has no slides", None, "warning")
    assert format_findings([finding], Path("d.pptx")) == (
        "d.pptx: warning[empty-deck]: the presentation has no slides\nd.pptx: 0 errors, 1 warning\n"
    )


def test_deck_without_slides_is_a_warning(tmp_path: Path) -> None:
    findings = check_deck(save(Presentation(), tmp_path))
    assert [(f.slide, f.code, f.severity) for f in findings] == [(0, "empty-deck", "warning")]


def _scheme(val: str, transform: str = "") -> Any:
    return parse_xml(f'<a:schemeClr xmlns:a="{A[1:-1]}" val="{val}">{transform}</a:schemeClr>')


THEME_COLOURS = [
    ("tx1 maps to dk1", "tx1", "", "1F2937"),
    ("bg1 maps to lt1", "bg1", "", "FFFFFF"),
    ("tint mixes with white in linear light", "tx1", '<a:tint val="75000"/>', "8C8D90"),
    ("shade darkens in linear light", "bg1", '<a:shade val="50000"/>', "BCBCBC"),
    ("lumMod darkens in HSL", "bg1", '<a:lumMod val="85000"/>', "D9D9D9"),
    ("unknown scheme colour", "accent9", "", None),
]


@pytest.mark.parametrize(
    ("name", "val", "transform", "expected"), THEME_COLOURS, ids=[t[0] for t in THEME_COLOURS]
)
def test_theme_colours_resolve(name: str, val: str, transform: str, expected: str | None) -> None:
    theme = DeckColours(colours={"dk1": "1F2937", "lt1": "FFFFFF"})
    assert resolve_colour(_scheme(val, transform), theme) == expected


def test_inherited_layout_colour_is_checked(tmp_path: Path) -> None:
    prs = clean_deck(tmp_path)
    slide = prs.slides.add_slide(prs.slide_layouts[0])  # subtitle: tx1 tinted 75%, grey
    slide.shapes.title.text = "Harm reduction and mandated clients"
    slide.placeholders[1].text = "A training for courts"
    slide.placeholders[1].text_frame.paragraphs[0].runs[0].font.size = Pt(20)
    slide.notes_slide.notes_text_frame.text = "Welcome."
    tag_language(slide)
    findings = check_deck(save(prs, tmp_path))
    assert [(f.slide, f.code, f.message) for f in findings] == [
        (3, "low-contrast", "text #898989 on #FFFFFF has contrast 3.50:1, below 4.5:1")
    ]


def test_large_text_needs_only_three_to_one(tmp_path: Path) -> None:
    prs = clean_deck(tmp_path)
    font = prs.slides[0].placeholders[1].text_frame.paragraphs[0].runs[0].font
    font.color.rgb = RGBColor(0x94, 0x94, 0x94)  # 3.03:1 on white
    font.size = Pt(24)
    assert check_deck(save(prs, tmp_path)) == []


def test_theme_colour_is_resolved_through_the_master(tmp_path: Path) -> None:
    prs = clean_deck(tmp_path)
    run = prs.slides[0].placeholders[1].text_frame.paragraphs[0].runs[0]
    run.font.color.theme_color = 14  # MSO_THEME_COLOR.BACKGROUND_1: white on white
    findings = check_deck(save(prs, tmp_path))
    assert [(f.code, f.message) for f in findings] == [
        ("low-contrast", "text #FFFFFF on #FFFFFF has contrast 1.00:1, below 3:1")
    ]


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


BAD_FILES: list[tuple[str, Callable[[Path], Path], str]] = [
    ("missing", lambda d: d / "nope.pptx", "no such file"),
    ("text file", lambda d: _write(d / "notes.pptx", b"just text"), "not a zip archive"),
    ("zip of other things", lambda d: _zip(d / "x.pptx", {"a.txt": b"a"}), "not a PowerPoint"),
    (
        "broken parts",
        lambda d: _zip(d / "y.pptx", {"[Content_Types].xml": b"<oops"}),
        "not a readable PowerPoint presentation",
    ),
]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("name", "make", "says"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_is_a_content_error(
    tmp_path: Path, name: str, make: Callable[[Path], Path], says: str
) -> None:
    with pytest.raises(ContentError, match=says):
        check_deck(make(tmp_path))


def _declare_size(path: Path, size: int) -> None:
    """Rewrite the uncompressed size in every central-directory header (a lying zip)."""
    data = bytearray(path.read_bytes())
    start = data.find(b"PK\x01\x02")
    while start != -1:
        struct.pack_into("<I", data, start + 24, size)
        start = data.find(b"PK\x01\x02", start + 4)
    path.write_bytes(bytes(data))


def test_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    path = _zip(tmp_path / "bomb.pptx", {"[Content_Types].xml": b"<x/>", "a.bin": b"0"})
    _declare_size(path, 0xFFFF0000)
    with pytest.raises(ContentError, match="zip bomb"):
        check_deck(path)


def test_highly_compressed_deck_over_the_limit_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO(b"\0" * 4_000_000)
    path = _zip(tmp_path / "big.pptx", {"[Content_Types].xml": buffer.getvalue()})
    assert path.stat().st_size < 50_000
    with pytest.raises(ContentError, match="unpack to 4 MiB"):
        check_deck(path, max_uncompressed=1_000_000)


def test_cli_check_clean_deck_exits_zero(tmp_path: Path) -> None:
    path = save(clean_deck(tmp_path), tmp_path)
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 0
    assert result.stdout == f"{path}: no accessibility problems found\n"
    assert result.stderr == ""


def test_cli_check_exits_one_on_errors(tmp_path: Path) -> None:
    prs = clean_deck(tmp_path)
    _small_text(prs)
    path = save(prs, tmp_path)
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    assert "error[small-text]" in result.stdout
    assert result.stdout.endswith(f"{path}: 1 error, 0 warnings on 1 slide\n")
    assert result.stderr == ""


def test_cli_check_warnings_alone_exit_zero(tmp_path: Path) -> None:
    prs = clean_deck(tmp_path)
    _no_notes(prs)
    result = CliRunner().invoke(cli, ["check", str(save(prs, tmp_path))])
    assert result.exit_code == 0
    assert "warning[missing-notes]" in result.stdout


def test_cli_check_bad_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    path = _write(tmp_path / "deck.pptx", b"not a deck")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"hrdeck: {path}: not a .pptx file")
    assert "Traceback" not in result.stderr
