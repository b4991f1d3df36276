"""Agency templates without LibreOffice: layout references, placeholders, stand-ins, theme.

Each deck here is the sample deck of ``hrdeck theme preview`` (one slide of every kind,
in registry order) built on python-pptx's stock template with renamed layouts
(tests/agency.py), damaged on purpose where a test needs it, and read back.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pptx
import pytest
from click.testing import CliRunner
from lxml import etree

from hrdeck.cli import cli
from hrdeck.curriculum.schema import load_schema
from hrdeck.errors import ContentError
from hrdeck.kinds import SLIDE_KINDS
from hrdeck.pipeline import check_theme_full
from hrdeck.render.placement import number_placeholders
from hrdeck.render.preview import preview_bytes
from hrdeck.template import convert
from hrdeck.template.loading import forget_templates, load_template_file
from hrdeck.theme.load import load_theme
from hrdeck.theme.model import LayoutRef
from tests.agency import AGENCY_LAYOUTS, agency_template

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
KIND_SLIDE = {kind: number for number, kind in enumerate(SLIDE_KINDS)}


def theme_folder(folder: Path, body: str, template: Path | None = None) -> Path:
    """A theme folder with `body` as theme.yaml and the agency template beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    agency_template(template or folder / "agency.pptx")
    (folder / "theme.yaml").write_text(body, encoding="utf-8")
    forget_templates()
    return folder


def mapping_lines(**changes: str) -> str:
    mapping = {**AGENCY_LAYOUTS, **changes}
    return "layouts:\n" + "".join(f'  {kind}: "{name}"\n' for kind, name in mapping.items())


def preview(folder: Path) -> pptx.presentation.Presentation:
    return pptx.Presentation(io.BytesIO(preview_bytes(load_theme(folder))))


def text_shapes(slide: pptx.slide.Slide) -> list[Any]:
    """Shapes with text other than the title and the slide number, left to right."""
    shapes: Any = slide.shapes
    found = [
        s
        for s in shapes
        if s.has_text_frame
        and s.text_frame.text.strip()
        and s != slide.shapes.title
        and s.name != "Slide Number"
    ]
    return sorted(found, key=lambda s: (int(s.left), int(s.top)))


# -- theme.yaml: palette, fonts and layouts from the template -------------------------------


def test_with_a_template_palette_fonts_and_layouts_may_be_left_out(tmp_path: Path) -> None:
    folder = theme_folder(tmp_path / "t", "name: agency\ntemplate: agency.pptx\n")
    theme = load_theme(folder)
    assert theme.heading_font == "Calibri" and theme.body_font == "Calibri"  # Office theme
    assert theme.palette.background == "FFFFFF" and theme.palette.text == "000000"
    assert "palette.accent" in theme.from_template and "fonts.body" in theme.from_template
    assert theme.layout_ref("bullets") == LayoutRef("Agency Content", 1)
    assert theme.layout_ref("comparison") == LayoutRef("Agency Compare", 1)
    assert [d for d in check_theme_full(theme) if d.is_error] == []


def test_a_partial_palette_overrides_only_what_it_names(tmp_path: Path) -> None:
    body = 'name: agency\ntemplate: agency.pptx\npalette:\n  accent: "#7C2D12"\n'
    theme = load_theme(theme_folder(tmp_path / "t", body))
    assert theme.palette.accent == "7C2D12" and theme.names("palette.accent")
    assert not theme.names("palette.background")
    deck = preview(tmp_path / "t")
    scheme = etree.fromstring(deck.slide_masters[0].part.part_related_by(_THEME).blob)
    accent1 = scheme.find(f".//{A}accent1/{A}srgbClr")
    assert accent1 is not None and accent1.get("val") == "7C2D12"
    own = pptx.Presentation(str(tmp_path / "t" / "agency.pptx")).slide_masters[0]
    kept, before = (m.element.find(".//{*}cSld/{*}bg") for m in (deck.slide_masters[0], own))
    assert etree.tostring(kept) == etree.tostring(before)  # the template's own background


_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"


def test_without_a_template_palette_and_fonts_are_each_required_once(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "theme.yaml").write_text('name: x\npalette:\n  text: "#000000"\n')
    with pytest.raises(ContentError) as caught:
        load_theme(folder)
    messages = [d.message for d in caught.value.diagnostics]
    assert len(messages) == len(set(messages)) == 7  # 6 palette roles and fonts
    assert "the palette (a theme without a template) needs 'background'" in messages


def test_layouts_name_a_master_by_number_or_name(tmp_path: Path) -> None:
    body = (
        "name: agency\ntemplate: agency.pptx\nlayouts:\n"
        '  bullets: {master: 1, layout: "Agency Content"}\n'
        '  case: {master: "Office Theme", layout: "Agency Content"}\n'
        '  questions: "Agency Content"\n'
    )
    theme = load_theme(theme_folder(tmp_path / "t", body))
    assert theme.layout_ref("bullets") == LayoutRef("Agency Content", 1)
    assert theme.layout_ref("case") == LayoutRef("Agency Content", "Office Theme")
    assert theme.layout_ref("questions") == LayoutRef("Agency Content")
    assert [d for d in check_theme_full(theme) if d.is_error] == []
    deck = preview(tmp_path / "t")
    assert deck.slides[KIND_SLIDE["case"]].slide_layout.name == "Agency Content"


@pytest.mark.parametrize(
    ("entry", "code", "words"),
    [
        ('{master: 2, layout: "Agency Content"}', "unknown-master", "has no master 2"),
        ('{master: "Brand", layout: "Agency Content"}', "unknown-master", "no master named"),
        ('{master: 1, layout: "Nope"}', "missing-layout", "master 1 (Office Theme) has no layout"),
    ],
)
def test_a_wrong_master_or_layout_is_located_in_theme_yaml(
    tmp_path: Path, entry: str, code: str, words: str
) -> None:
    body = f"name: agency\ntemplate: agency.pptx\nlayouts:\n  bullets: {entry}\n"
    theme = load_theme(theme_folder(tmp_path / "t", body))
    [found] = [d for d in check_theme_full(theme) if d.is_error]
    assert (found.code, found.loc.line) == (code, 4) and words in found.message
    with pytest.raises(ContentError) as caught:  # build stops the same way
        preview(tmp_path / "t")
    assert caught.value.diagnostics[0].code == code


def test_a_layouts_entry_of_the_wrong_form_says_which_forms_work(tmp_path: Path) -> None:
    body = "name: agency\ntemplate: agency.pptx\nlayouts:\n  bullets: {master: 0, layout: A}\n"
    with pytest.raises(ContentError) as caught:
        load_theme(theme_folder(tmp_path / "t", body))
    [found] = caught.value.diagnostics
    assert found.code == "bad-value" and found.loc.line == 4
    assert "{master: 2, layout:" in (found.hint or "")


# -- placeholders: numbered apart, matched by position, stood in for ------------------------


def without_idx(template: Path, layout_name: str, idx: str | None = None) -> None:
    """Give the named layout's body placeholders no idx (or all the same one)."""
    prs = pptx.Presentation(str(template))
    layout = next(lay for lay in prs.slide_layouts if lay.name == layout_name)
    shapes: Any = layout.placeholders
    for shape in shapes:
        ph = shape.element.find(".//{*}nvPr/{*}ph")
        if ph.get("type") in (None, "body", "obj"):
            ph.attrib.pop("idx", None)
            if idx is not None:
                ph.set("idx", idx)
    prs.save(str(template))


@pytest.mark.parametrize("idx", [None, "1"])
def test_columns_without_or_with_the_same_idx_land_in_two_boxes(
    tmp_path: Path, idx: str | None
) -> None:
    folder = theme_folder(tmp_path / "t", "name: agency\ntemplate: agency.pptx\n" + mapping_lines())
    without_idx(folder / "agency.pptx", "Agency Two", idx)
    forget_templates()
    myth = preview(folder).slides[KIND_SLIDE["myth"]]
    panels = [s for s in text_shapes(myth) if s.is_placeholder]
    assert len(panels) == 2
    assert int(panels[0].left) + int(panels[0].width) <= int(panels[1].left)
    assert len({p.placeholder_format.idx for p in panels}) == 2


def test_numbering_keeps_distinct_idx_and_numbers_the_rest_after_them(tmp_path: Path) -> None:
    template = agency_template(tmp_path / "agency.pptx")
    without_idx(template, "Agency Compare", "3")
    prs = pptx.Presentation(str(template))
    assert number_placeholders(prs) == 3  # four columns shared idx 3: one keeps it
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Agency Compare")
    numbers = [int(ph.get("idx", "0")) for ph in layout.element.iter("{*}ph")]
    assert len(numbers) == len(set(numbers))


def test_a_two_column_kind_on_a_one_column_layout_gets_a_second_box(tmp_path: Path) -> None:
    body = "name: agency\ntemplate: agency.pptx\n" + mapping_lines(myth="Agency Content")
    myth = preview(theme_folder(tmp_path / "t", body)).slides[KIND_SLIDE["myth"]]
    shapes = text_shapes(myth)
    first = next(s for s in shapes if "encourages" in s.text_frame.text)
    second = next(s for s in shapes if "no increase" in s.text_frame.text)
    assert int(first.left) + int(first.width) <= int(second.left)
    assert second.name.startswith("Body text")


def test_a_layout_without_a_body_gets_a_text_box_in_the_body_area(tmp_path: Path) -> None:
    body = "name: agency\ntemplate: agency.pptx\n" + mapping_lines(
        bullets="Agency Blank Title", title="Agency Blank Title"
    )
    deck = preview(theme_folder(tmp_path / "t", body))
    bullets = deck.slides[KIND_SLIDE["bullets"]]
    [stand_in] = [s for s in text_shapes(bullets) if s.name.startswith("Body text")]
    assert "Meet people where they are" in stand_in.text_frame.text
    title = bullets.shapes.title
    assert title is not None and int(stand_in.top) >= int(title.top) + int(title.height)
    cover = deck.slides[KIND_SLIDE["title"]]
    assert any("The why and the how" in s.text_frame.text for s in text_shapes(cover))


def test_comparison_columns_get_heading_boxes_on_a_two_column_layout(tmp_path: Path) -> None:
    body = "name: agency\ntemplate: agency.pptx\n" + mapping_lines(comparison="Agency Two")
    slide = preview(theme_folder(tmp_path / "t", body)).slides[KIND_SLIDE["comparison"]]
    heads = [s for s in text_shapes(slide) if s.name.startswith("Body text head")]
    assert [h.text_frame.text for h in heads] == ["Conditional care", "Harm reduction"]
    for head in heads:
        column = next(
            s for s in text_shapes(slide) if s.is_placeholder and int(s.left) == int(head.left)
        )
        assert int(column.top) >= int(head.top) + int(head.height)


def test_leftover_sample_slides_never_appear(tmp_path: Path) -> None:
    folder = theme_folder(tmp_path / "t", "name: agency\ntemplate: agency.pptx\n")
    prs = pptx.Presentation(str(folder / "agency.pptx"))
    for text in ("SAMPLE ONE", "SAMPLE TWO"):
        prs.slides.add_slide(prs.slide_layouts[1]).shapes.title.text = text
    prs.save(str(folder / "agency.pptx"))
    forget_templates()
    data = preview_bytes(load_theme(folder))
    deck = pptx.Presentation(io.BytesIO(data))
    assert len(deck.slides) == len(SLIDE_KINDS)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        content = b"".join(package.read(name) for name in package.namelist())
    assert b"SAMPLE ONE" not in content and b"SAMPLE TWO" not in content


# -- LibreOffice templates without LibreOffice ---------------------------------------------


def test_an_otp_without_libreoffice_says_the_exact_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(convert, "soffice", lambda: None)
    monkeypatch.setenv("HRDECK_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "brand"
    folder.mkdir()
    (folder / "Brand.otp").write_bytes(b"PK\x03\x04 not really")
    (folder / "theme.yaml").write_text("name: brand\ntemplate: Brand.otp\n")
    forget_templates()
    with pytest.raises(ContentError) as caught:
        load_theme(folder)
    [found] = caught.value.diagnostics
    assert found.code == "bad-template" and found.loc.line == 2
    assert "Brand.otp is a LibreOffice template" in found.message
    command = f"soffice --headless --convert-to pptx --outdir {folder} {folder / 'Brand.otp'}"
    assert command in (found.hint or "")


def test_a_template_is_read_again_when_its_file_changes(tmp_path: Path) -> None:
    template = agency_template(tmp_path / "agency.pptx")
    first = load_template_file(template)
    assert load_template_file(template) is first
    prs = pptx.Presentation(str(template))
    prs.slide_layouts[0].name = "Renamed"
    prs.save(str(template))
    again = load_template_file(template)
    assert again is not first and again.model is not None
    assert next(again.model.layouts()).name == "Renamed"


# -- theme check and theme inspect -------------------------------------------------------


def test_theme_check_fails_a_layout_whose_body_overlaps_its_title(tmp_path: Path) -> None:
    folder = theme_folder(tmp_path / "t", "name: agency\ntemplate: agency.pptx\n" + mapping_lines())
    prs = pptx.Presentation(str(folder / "agency.pptx"))
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Agency Content")
    shapes: Any = layout.placeholders
    body = next(s for s in shapes if s.placeholder_format.idx == 1)
    left, width, height = body.left, body.width, body.height
    body.left, body.top, body.width, body.height = left, 0, width, height  # over the title
    prs.save(str(folder / "agency.pptx"))
    forget_templates()
    result = CliRunner().invoke(cli, ["theme", "check", str(folder)])
    assert result.exit_code == 1
    [line] = [x for x in result.stderr.splitlines() if "error[overlap]" in x]
    assert "theme.yaml:6:" in line  # the agenda: line, the first kind on that layout
    assert "layout 'Agency Content' of master 1: placeholders 'Title 1' (title)" in line
    assert "(used for agenda, bullets, case, questions, references, " in line


def test_inspect_write_makes_a_complete_theme_that_builds(tmp_path: Path) -> None:
    template = agency_template(tmp_path / "agency.pptx")
    folder = tmp_path / "themes" / "eastside"
    result = CliRunner().invoke(cli, ["theme", "inspect", str(template), "--write", str(folder)])
    assert result.exit_code == 0, result.output
    text = (folder / "theme.yaml").read_text()
    assert 'name: "eastside"' in text and 'template: "agency.pptx"' in text
    assert '  comparison: "Agency Compare"' in text and "palette" not in text.split("#")[0]
    assert (folder / "agency.pptx").is_file() and "copied the template" in result.stderr
    check = CliRunner().invoke(cli, ["theme", "check", str(folder)])
    assert check.exit_code == 0, check.output
    assert len(preview(folder).slides) == len(SLIDE_KINDS)


def test_format_md_shows_every_theme_yaml_option_in_an_example() -> None:
    text = (Path(__file__).parent.parent / "themes" / "FORMAT.md").read_text()
    schema = load_schema("theme")
    keys = [*schema["properties"], *schema["properties"]["palette"]["properties"]]
    keys += [*schema["properties"]["fonts"]["properties"], "path", "alt", "position"]
    missing = [key for key in keys if f"  {key}:" not in text and f"\n{key}:" not in text]
    assert missing == []
    assert "{master: 2, layout:" in text and '{master: "' in text
    assert all(kind in text for kind in SLIDE_KINDS)
