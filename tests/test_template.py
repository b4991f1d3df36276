"""Agency templates: opened sanitized, layouts checked by name and master, bad files refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pptx
import pytest
from pptx.enum.shapes import PP_PLACEHOLDER

from hrdeck.diagnostics import Diagnostic, Loc
from hrdeck.errors import ContentError
from hrdeck.kinds import SLIDE_KINDS
from hrdeck.pipeline import check_theme_full
from hrdeck.render.template import check_mapping, has_notes_master, notes_diagnostics, open_template
from hrdeck.template.loading import load_template_file
from hrdeck.template.model import Template
from hrdeck.theme.load import load_theme
from hrdeck.theme.model import LayoutRef
from tests.agency import AGENCY_LAYOUTS, agency_template, as_potx

AGENCY_MAPPING = {kind: LayoutRef(name) for kind, name in AGENCY_LAYOUTS.items()}
HERE = Loc("theme.yaml", 1, 1)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def agency_pptx(path: Path, notes_master: bool = True) -> Path:
    return agency_template(path, notes_master=notes_master)


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


def refusal(path: Path) -> Diagnostic:
    with pytest.raises(ContentError) as caught:
        open_template(path)
    [found] = caught.value.diagnostics
    assert found.code == "bad-template"
    return found


def model_of(path: Path) -> Template:
    model = load_template_file(path).model
    assert model is not None
    return model


def check(
    path: Path, mapping: dict[str, LayoutRef], kinds: tuple[str, ...] = SLIDE_KINDS
) -> list[Diagnostic]:
    """check_mapping for the `kinds` of `mapping`, every kind located at HERE."""
    wanted = {kind: mapping[kind] for kind in kinds}
    return check_mapping(model_of(path), wanted, dict.fromkeys(wanted, HERE))


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
    assert [d for d in check(potx, AGENCY_MAPPING) if d.is_error] == []


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
    assert found.message == (
        "template agency.pptx: agency.pptx is not a PowerPoint file (it is not a zip package)"
    )


def test_an_old_ppt_or_password_protected_file_is_refused_with_a_way_out(
    tmp_path: Path,
) -> None:
    path = tmp_path / "agency.pptx"
    path.write_bytes(OLE_MAGIC + bytes(504))
    found = refusal(path)
    assert "old .ppt/.pot file or is password-protected" in found.message
    assert "save it as .pptx" in (found.hint or "")


def test_a_zip_that_is_not_an_office_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "agency.pptx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("readme.txt", "hello")
    assert "is a zip file but not an Office file" in refusal(path).message


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


def test_a_damaged_presentation_is_refused_naming_the_part(tmp_path: Path, agency: Path) -> None:
    path = tmp_path / "damaged.pptx"
    with zipfile.ZipFile(agency) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, b"<broken" if info.filename == "ppt/presentation.xml" else data)
    message = refusal(path).message
    assert "ppt/presentation.xml is not well-formed XML" in message


# -- checking layouts -------------------------------------------------------------


def test_a_template_with_every_mapped_layout_passes(agency: Path) -> None:
    assert [d for d in check(agency, AGENCY_MAPPING) if d.is_error] == []


def test_a_missing_layout_is_named_with_the_layouts_the_template_has(agency: Path) -> None:
    mapping = {**AGENCY_MAPPING, "bullets": LayoutRef("Agency Bullets")}
    [found] = [d for d in check(agency, mapping) if d.code == "missing-layout"]
    assert found.is_error
    assert "no layout named 'Agency Bullets'" in found.message
    assert "(needed for bullets slides)" in found.message
    assert "its layouts are: 'Agency Title', 'Agency Content', 'Agency Section'" in found.message
    assert "hrdeck theme inspect" in (found.hint or "")


def test_kinds_sharing_a_missing_layout_are_reported_once(agency: Path) -> None:
    mapping = dict.fromkeys(SLIDE_KINDS, LayoutRef("Nope"))
    [found] = check(agency, mapping, ("agenda", "bullets"))
    assert "(needed for agenda, bullets slides)" in found.message


def test_only_the_kinds_needed_are_checked(agency: Path) -> None:
    mapping = {**AGENCY_MAPPING, "diagram": LayoutRef("Agency Diagram")}
    assert [d for d in check(agency, mapping, ("title", "bullets")) if d.is_error] == []


def test_a_layout_without_title_is_an_error_and_without_body_a_warning(agency: Path) -> None:
    mapping = {**AGENCY_MAPPING, "bullets": LayoutRef("Blank")}
    found = check(agency, mapping, ("bullets",))
    assert codes(found)[:2] == ["layout-no-title", "layout-no-body"]
    assert (
        found[0].message
        == "layout 'Blank' of master 1 (for bullets slides) has no title placeholder"
    )
    assert found[1].severity == "warning" and "draws text boxes" in found[1].message


def test_myth_slides_on_a_one_column_layout_get_a_text_box_and_a_warning(agency: Path) -> None:
    mapping = {**AGENCY_MAPPING, "myth": LayoutRef("Agency Content")}
    [found] = [d for d in check(agency, mapping, ("myth",)) if d.code == "layout-no-body"]
    assert found.severity == "warning"
    assert "has 1 body/content placeholder(s); myth slides need 2" in found.message


def test_a_template_without_notes_master_warns_that_notes_use_a_default(
    tmp_path: Path,
) -> None:
    prs = open_template(agency_pptx(tmp_path / "bare.pptx", notes_master=False))
    assert not has_notes_master(prs)
    [found] = notes_diagnostics(prs, HERE)
    assert (found.code, found.severity) == ("no-notes-master", "warning")


def test_a_notes_master_without_a_notes_placeholder_is_an_error(tmp_path: Path) -> None:
    prs = pptx.Presentation(str(agency_pptx(tmp_path / "a.pptx")))
    for shape in list(prs.notes_master.placeholders):
        if shape.placeholder_format.type == PP_PLACEHOLDER.BODY:
            shape._element.getparent().remove(shape._element)
    prs.save(str(tmp_path / "no-notes.pptx"))
    [found] = notes_diagnostics(open_template(tmp_path / "no-notes.pptx"), HERE)
    assert (found.code, found.severity) == ("no-notes-placeholder", "error")
    assert "speaker notes cannot be added" in found.message


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
    theme = load_theme(write_template_theme(folder, folder / "agency.potx", AGENCY_LAYOUTS))
    assert check_theme_full(theme) == []


def test_template_problems_are_located_at_the_layouts_line_of_theme_yaml(
    agency: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "theme"
    folder.mkdir()
    (folder / "agency.pptx").write_bytes(agency.read_bytes())
    mapping = {**AGENCY_LAYOUTS, "case": "Agency Case"}
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
    write_template_theme(folder, folder / "agency.pptx", AGENCY_LAYOUTS)
    with (folder / "theme.yaml").open("a") as stream:
        stream.write('slide_size: "16:9"\n')
    [found] = check_theme_full(load_theme(folder))
    assert (found.code, found.severity) == ("slide-size-mismatch", "warning")
    assert "10.00 x 7.50 in" in found.message
