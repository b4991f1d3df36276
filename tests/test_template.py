"""Agency templates: .pptx and .potx opened, layouts checked by name, bad files refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pptx
import pytest
from pptx.enum.shapes import PP_PLACEHOLDER

from hrdeck.diagnostics import Diagnostic
from hrdeck.errors import ContentError
from hrdeck.kinds import SLIDE_KINDS
from hrdeck.pipeline import check_theme_full
from hrdeck.render import template as tpl
from hrdeck.render.template import (
    check_template,
    has_notes_master,
    inspect_template,
    open_template,
)
from hrdeck.theme.load import load_theme
from tests.agency import AGENCY_LAYOUTS, agency_template, as_potx

AGENCY_MAPPING = AGENCY_LAYOUTS


def agency_pptx(path: Path, notes_master: bool = True) -> Path:
    return agency_template(path, notes_master=notes_master)


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


def refusal(path: Path) -> Diagnostic:
    with pytest.raises(ContentError) as caught:
        open_template(path)
    [found] = caught.value.diagnostics
    assert found.code == "bad-template"
    assert found.message == caught.value.message
    return found


@pytest.fixture
def agency(tmp_path: Path) -> Path:
    return agency_pptx(tmp_path / "agency.pptx")


# -- opening ---------------------------------------------------------------------


def test_a_pptx_template_opens_with_its_own_layout_names(agency: Path) -> None:
    prs = open_template(agency)
    names = [layout.name for layout in prs.slide_layouts]
    assert names[:2] == ["Agency Title", "Agency Content"]


def test_a_potx_template_opens_although_python_pptx_alone_refuses_it(
    agency: Path, tmp_path: Path
) -> None:
    potx = as_potx(agency, tmp_path / "agency.potx")
    with pytest.raises(ValueError, match="not a PowerPoint file"):
        pptx.Presentation(str(potx))
    prs = open_template(potx)
    assert "Agency Compare" in [layout.name for layout in prs.slide_layouts]
    assert check_template(prs, AGENCY_MAPPING) == []


def test_a_deck_built_on_a_potx_keeps_its_layouts_and_speaker_notes(
    agency: Path, tmp_path: Path
) -> None:
    prs = open_template(as_potx(agency, tmp_path / "agency.potx"))
    layout = next(lay for lay in prs.slide_layouts if lay.name == "Agency Content")
    slide = prs.slides.add_slide(layout)
    slide.notes_slide.notes_text_frame.text = "Ask the room first."
    out = io.BytesIO()
    prs.save(out)
    again = pptx.Presentation(io.BytesIO(out.getvalue()))
    assert again.slides[0].slide_layout.name == "Agency Content"
    assert again.slides[0].notes_slide.notes_text_frame.text == "Ask the room first."


def test_a_file_that_is_not_a_zip_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "agency.pptx"
    path.write_text("this is a Word 97 document, honestly")
    found = refusal(path)
    assert found.message == "agency.pptx is not a PowerPoint file (it is not a zip package)"


def test_an_old_ppt_or_password_protected_file_is_refused_with_a_way_out(
    tmp_path: Path,
) -> None:
    path = tmp_path / "agency.pptx"
    path.write_bytes(tpl.OLE_MAGIC + bytes(504))
    found = refusal(path)
    assert "old .ppt/.pot file or is password-protected" in found.message
    assert "save it as .pptx" in (found.hint or "")


def test_a_zip_that_is_not_an_office_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "agency.pptx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("readme.txt", "hello")
    assert "not an Office document" in refusal(path).message


def test_a_word_document_is_refused_as_not_a_presentation(tmp_path: Path) -> None:
    path = tmp_path / "agency.potx"
    word = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", b'<Types><Override ContentType="' + word + b'"/>')
    assert "not a PowerPoint presentation" in refusal(path).message


def test_a_zip_bomb_is_refused_before_it_is_expanded(tmp_path: Path) -> None:
    path = tmp_path / "agency.pptx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("ppt/media/huge.bin", "w") as member:
            for _ in range(32):
                member.write(bytes(1024 * 1024))
    found = refusal(path)
    assert "would expand to 32 MiB" in found.message
    assert "zip bomb" in found.message


def test_a_package_too_large_when_expanded_is_refused(
    agency: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tpl, "MAX_UNCOMPRESSED_BYTES", 1000)
    assert "possible zip bomb" in refusal(agency).message


def test_a_damaged_presentation_is_refused(tmp_path: Path, agency: Path) -> None:
    path = tmp_path / "damaged.pptx"
    with zipfile.ZipFile(agency) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, b"<broken" if info.filename == "ppt/presentation.xml" else data)
    assert "not a readable PowerPoint file" in refusal(path).message


# -- checking layouts -------------------------------------------------------------


def test_a_template_with_every_mapped_layout_passes(agency: Path) -> None:
    assert check_template(open_template(agency), AGENCY_MAPPING, SLIDE_KINDS) == []


def test_a_missing_layout_is_named_with_the_layouts_the_template_has(agency: Path) -> None:
    mapping = {**AGENCY_MAPPING, "bullets": "Agency Bullets"}
    [found] = check_template(open_template(agency), mapping, SLIDE_KINDS)
    assert found.code == "missing-layout" and found.is_error
    assert "no layout named 'Agency Bullets' (needed for bullets slides)" in found.message
    assert "its layouts are: 'Agency Title', 'Agency Content', 'Agency Section'" in found.message
    assert "hrdeck theme inspect" in (found.hint or "")


def test_kinds_sharing_a_missing_layout_are_reported_once(agency: Path) -> None:
    mapping = dict.fromkeys(SLIDE_KINDS, "Nope")
    [found] = check_template(open_template(agency), mapping, ("agenda", "bullets"))
    assert "(needed for agenda, bullets slides)" in found.message


def test_only_the_kinds_needed_are_checked(agency: Path) -> None:
    mapping = {**AGENCY_MAPPING, "diagram": "Agency Diagram"}
    assert check_template(open_template(agency), mapping, ("title", "bullets")) == []


def test_a_layout_without_title_or_body_placeholder_is_reported(agency: Path) -> None:
    mapping = {**AGENCY_MAPPING, "bullets": "Blank"}
    found = check_template(open_template(agency), mapping, ("bullets",))
    assert codes(found) == ["layout-no-title", "layout-no-body"]
    assert found[0].message == "layout 'Blank' (for bullets slides) has no title placeholder"


def test_myth_slides_need_two_text_placeholders(agency: Path) -> None:
    mapping = {**AGENCY_MAPPING, "myth": "Agency Content"}
    [found] = check_template(open_template(agency), mapping, ("myth",))
    assert found.code == "layout-no-body"
    assert "has 1 body/content placeholder(s); myth slides need 2" in found.message


def test_a_template_without_notes_master_warns_that_notes_use_a_default(
    tmp_path: Path,
) -> None:
    prs = open_template(agency_pptx(tmp_path / "bare.pptx", notes_master=False))
    assert not has_notes_master(prs)
    [found] = check_template(prs, AGENCY_MAPPING)
    assert (found.code, found.severity) == ("no-notes-master", "warning")


def test_a_notes_master_without_a_notes_placeholder_is_an_error(tmp_path: Path) -> None:
    prs = pptx.Presentation(str(agency_pptx(tmp_path / "a.pptx")))
    for shape in list(prs.notes_master.placeholders):
        if shape.placeholder_format.type == PP_PLACEHOLDER.BODY:
            shape._element.getparent().remove(shape._element)
    prs.save(str(tmp_path / "no-notes.pptx"))
    [found] = check_template(open_template(tmp_path / "no-notes.pptx"), AGENCY_MAPPING)
    assert (found.code, found.severity) == ("no-notes-placeholder", "error")
    assert "speaker notes cannot be added" in found.message


# -- inspecting -------------------------------------------------------------------


def test_inspect_lists_layouts_with_placeholder_idx_type_name_and_size(agency: Path) -> None:
    text = inspect_template(agency)
    assert "layout 'Agency Content'" in text
    assert "idx 1   OBJECT         'Content Placeholder 2'          9.00 x 4.95 in" in text
    assert "notes master: yes" in text


def test_inspect_suggests_a_mapping_by_placeholders_for_renamed_layouts(agency: Path) -> None:
    text = inspect_template(agency)
    assert "  bullets: 'Agency Content'" in text
    assert "  title: 'Agency Title'" in text
    assert "  section: 'Agency Section'" in text


# -- a theme with a template ------------------------------------------------------


def write_template_theme(folder: Path, template: Path, layouts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    palette = builtin_palette()
    lines = ["name: agency", palette, "fonts:\n  heading: Arial\n  body: Arial"]
    lines.append(f"template: {template.name}")
    lines.append("layouts:")
    lines += [f'  {kind}: "{name}"' for kind, name in layouts.items()]
    (folder / "theme.yaml").write_text("\n".join(lines) + "\n")
    return folder


def builtin_palette() -> str:
    default = (load_theme("default").folder / "theme.yaml").read_text()
    start = default.index("palette:")
    return default[start : default.index("fonts:")].rstrip()


def test_a_theme_with_a_potx_template_and_mapping_passes_the_full_check(
    agency: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "theme"
    folder.mkdir()
    as_potx(agency, folder / "agency.potx")
    theme = load_theme(write_template_theme(folder, folder / "agency.potx", AGENCY_MAPPING))
    assert check_theme_full(theme) == []


def test_template_problems_are_located_at_the_layouts_line_of_theme_yaml(
    agency: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "theme"
    folder.mkdir()
    (folder / "agency.pptx").write_bytes(agency.read_bytes())
    mapping = {**AGENCY_MAPPING, "case": "Agency Case"}
    theme = load_theme(write_template_theme(folder, folder / "agency.pptx", mapping))
    [found] = check_theme_full(theme)
    assert found.code == "missing-layout"
    theme_yaml = (folder / "theme.yaml").read_text().splitlines()
    assert theme_yaml[found.loc.line - 1].strip() == 'case: "Agency Case"'


def test_a_theme_slide_size_differing_from_the_template_is_a_warning(
    agency: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "theme"
    folder.mkdir()
    (folder / "agency.pptx").write_bytes(agency.read_bytes())  # 4:3, 10 x 7.5 in
    write_template_theme(folder, folder / "agency.pptx", AGENCY_MAPPING)
    with (folder / "theme.yaml").open("a") as stream:
        stream.write('slide_size: "16:9"\n')
    [found] = check_theme_full(load_theme(folder))
    assert (found.code, found.severity) == ("slide-size-mismatch", "warning")
    assert "10.00 x 7.50 in" in found.message
