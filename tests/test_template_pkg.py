"""hrdeck.template.package: damaged, hostile and foreign packages give located problems.

Every broken package is built here from python-pptx's stock deck with one part changed,
so each test names exactly what is wrong.  Nothing may raise; a usable result must
open in python-pptx.
"""

from __future__ import annotations

import io
import random
import time
import zipfile
from collections.abc import Mapping
from pathlib import Path

import pptx
import pytest

from hrdeck.template.geometry import check_geometry
from hrdeck.template.package import SanitizedTemplate, sanitize_file, sanitize_template
from hrdeck.template.problems import Problem
from hrdeck.template.reader import read_template
from hrdeck.template.scoring import propose

MASTER = "ppt/slideMasters/slideMaster1.xml"
LAYOUT = "ppt/slideLayouts/slideLayout2.xml"
THEME = "ppt/theme/theme1.xml"
PRESENTATION = "ppt/presentation.xml"
CT = "[Content_Types].xml"
PML_CT = b"application/vnd.openxmlformats-officedocument.presentationml."
LOL = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    b'<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
    b'<!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">]>\n'
)


@pytest.fixture(scope="module")
def stock() -> bytes:
    """python-pptx's stock deck with one slide, as package bytes."""
    prs = pptx.Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    assert slide.shapes.title is not None
    slide.shapes.title.text = "A sample slide"
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def parts_of(blob: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def changed(blob: bytes, edits: Mapping[str, bytes | None]) -> bytes:
    """``blob`` with parts replaced (bytes) or removed (None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = edits.get(info.filename, source.read(info))
            if data is not None:
                target.writestr(info.filename, data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def with_doctype(xml: bytes, doctype: bytes) -> bytes:
    """``xml`` with its declaration replaced by ``doctype`` (which carries its own)."""
    body = xml.split(b"?>", 1)[1].lstrip()
    return doctype + body


def the_error(result: SanitizedTemplate) -> Problem:
    assert result.data is None, "a damaged template must not be usable"
    errors = result.errors
    assert len(errors) >= 1
    return errors[0]


def opens(result: SanitizedTemplate) -> pptx.presentation.Presentation:
    assert result.data is not None, [p.format() for p in result.problems]
    return pptx.Presentation(io.BytesIO(result.data))


# -- a sound package -------------------------------------------------------------------


def test_stock_deck_comes_back_usable_without_its_slides(stock: bytes) -> None:
    result = sanitize_template(stock, "stock.pptx")
    prs = opens(result)
    assert len(prs.slides) == 0
    assert not result.errors
    assert not any(name.startswith("ppt/slides/") for name in parts_of(result.data or b""))
    assert "left out the template's 1 sample slide" in [p.message for p in result.problems]


def test_keep_slides_keeps_them(stock: bytes) -> None:
    prs = opens(sanitize_template(stock, keep_slides=True))
    assert len(prs.slides) == 1


def test_output_is_deterministic(stock: bytes) -> None:
    assert sanitize_template(stock).data == sanitize_template(stock).data


def test_potx_is_opened_as_a_presentation(stock: bytes) -> None:
    types = parts_of(stock)[CT].replace(PML_CT + b"presentation.main", PML_CT + b"template.main")
    result = sanitize_template(changed(stock, {CT: types}), "agency.potx")
    opens(result)
    assert b"presentation.main+xml" in parts_of(result.data or b"")[CT]
    assert any("opened the .potx file as a .pptx" in p.message for p in result.problems)


def test_sanitize_file_reads_from_disk(stock: bytes, tmp_path: Path) -> None:
    path = tmp_path / "agency.pptx"
    path.write_bytes(stock)
    opens(sanitize_file(path))
    missing = sanitize_file(tmp_path / "nowhere.pptx")
    assert "cannot read template" in the_error(missing).message


# -- not a presentation at all ---------------------------------------------------------


@pytest.mark.parametrize(
    ("blob", "says"),
    [
        (b"just some text, renamed to .pptx\n", "not a zip package"),
        (b"", "not a zip package"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old .ppt/.pot file"),
        (b"PK\x03\x04 truncated", "not a zip package"),
    ],
)
def test_files_that_are_not_packages_are_refused(blob: bytes, says: str) -> None:
    assert says in the_error(sanitize_template(blob, "x.pptx")).message


def test_a_zip_without_content_types_is_not_an_office_file() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert "not an Office file" in the_error(sanitize_template(out.getvalue())).message


def test_a_word_document_is_named_as_such(stock: bytes) -> None:
    word = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    types = parts_of(stock)[CT].replace(PML_CT + b"presentation.main+xml", word)
    problem = the_error(sanitize_template(changed(stock, {CT: types})))
    assert "a Word document, not a PowerPoint presentation" in problem.message


def test_macro_enabled_templates_are_refused(stock: bytes) -> None:
    macro = b"application/vnd.ms-powerpoint.template.macroEnabled.main+xml"
    types = parts_of(stock)[CT].replace(PML_CT + b"presentation.main+xml", macro)
    problem = the_error(sanitize_template(changed(stock, {CT: types})))
    assert ".potm" in problem.message and "save it as .pptx" in problem.hint


# -- zip bombs ---------------------------------------------------------------------------


def test_a_highly_compressed_part_is_refused_before_it_is_unpacked(stock: bytes) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts_of(stock).items():
            archive.writestr(name, data)
        archive.writestr("ppt/media/bomb.png", bytes(80 * 1024 * 1024))
    started = time.monotonic()
    problem = the_error(sanitize_template(out.getvalue(), "bomb.pptx"))
    assert "zip bomb" in problem.message
    assert time.monotonic() - started < 2


def test_too_many_entries_are_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for number in range(5_001):
            archive.writestr(f"ppt/media/{number}.bin", b"")
    assert "holds 5001 files" in the_error(sanitize_template(out.getvalue())).message


# -- missing and damaged parts ---------------------------------------------------------


def test_missing_master_names_the_part(stock: bytes) -> None:
    problem = the_error(sanitize_template(changed(stock, {MASTER: None})))
    assert problem.code == "bad-template"
    assert problem.part == MASTER
    assert "missing from the package" in problem.message


def test_missing_layout_names_the_part(stock: bytes) -> None:
    problem = the_error(sanitize_template(changed(stock, {LAYOUT: None})))
    assert problem.part == LAYOUT


def test_missing_theme_names_the_part(stock: bytes) -> None:
    problem = the_error(sanitize_template(changed(stock, {THEME: None})))
    assert problem.part == THEME


@pytest.mark.parametrize("cut", [0, 1, 200, 3000])
def test_empty_or_truncated_theme_is_not_well_formed(stock: bytes, cut: int) -> None:
    theme = parts_of(stock)[THEME][:cut]
    problem = the_error(sanitize_template(changed(stock, {THEME: theme})))
    assert problem.part == THEME
    assert "is not well-formed XML" in problem.message


def test_theme_without_colour_scheme(stock: bytes) -> None:
    theme = parts_of(stock)[THEME].replace(b"<a:clrScheme", b"<a:clrSchemeGone")
    theme = theme.replace(b"</a:clrScheme>", b"</a:clrSchemeGone>")
    problem = the_error(sanitize_template(changed(stock, {THEME: theme})))
    assert problem.part == THEME and "<a:clrScheme>" in problem.message


def test_master_without_common_slide_data(stock: bytes) -> None:
    master = parts_of(stock)[MASTER]
    start, end = master.index(b"<p:cSld"), master.index(b"</p:cSld>") + len(b"</p:cSld>")
    problem = the_error(sanitize_template(changed(stock, {MASTER: master[:start] + master[end:]})))
    assert problem.part == MASTER and "<p:cSld>" in problem.message


def test_presentation_without_masters(stock: bytes) -> None:
    presentation = parts_of(stock)[PRESENTATION]
    start = presentation.index(b"<p:sldMasterIdLst>")
    end = presentation.index(b"</p:sldMasterIdLst>") + len(b"</p:sldMasterIdLst>")
    edited = presentation[:start] + presentation[end:]
    problem = the_error(sanitize_template(changed(stock, {PRESENTATION: edited})))
    assert problem.part == PRESENTATION and "lists no slide master" in problem.message


# -- DTDs and entities -------------------------------------------------------------------


def test_billion_laughs_in_the_theme_is_refused_quickly(stock: bytes) -> None:
    theme = parts_of(stock)[THEME]
    attack = with_doctype(theme, LOL).replace(b"<a:themeElements>", b"<a:themeElements>&lol9;", 1)
    started = time.monotonic()
    problem = the_error(sanitize_template(changed(stock, {THEME: attack})))
    assert time.monotonic() - started < 2
    assert problem.part == THEME and "&lol9;" in problem.message


def test_internal_entity_used_in_the_theme_is_refused_not_expanded(stock: bytes) -> None:
    theme = parts_of(stock)[THEME].replace(b'name="Office Theme"', b'name="&brand;"')
    doctype = b'<?xml version="1.0"?>\n<!DOCTYPE a:theme [<!ENTITY brand "Agency">]>\n'
    theme = with_doctype(theme.replace(b"<a:themeElements>", b"<a:themeElements>&brand;"), doctype)
    problem = the_error(sanitize_template(changed(stock, {THEME: theme})))
    assert "&brand;" in problem.message and problem.part == THEME


def test_external_entity_is_never_read(stock: bytes) -> None:
    doctype = b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    layout = parts_of(stock)[LAYOUT].replace(b"</p:cSld>", b"</p:cSld>&xxe;", 1)
    result = sanitize_template(changed(stock, {LAYOUT: with_doctype(layout, doctype)}))
    assert "&xxe;" in the_error(result).message
    assert b"root:" not in repr(result).encode()


def test_undefined_entity_in_a_layout_names_the_part_and_line(stock: bytes) -> None:
    layout = parts_of(stock)[LAYOUT].replace(b"</p:cSld>", b"</p:cSld>\n&xxe;", 1)
    problem = the_error(sanitize_template(changed(stock, {LAYOUT: layout})))
    assert problem.part == LAYOUT
    assert "Entity 'xxe' not defined" in problem.message
    assert problem.line >= 2
    assert problem.format().startswith(f"{LAYOUT}:{problem.line}: error[bad-template]")


def test_unused_doctype_is_removed_and_the_part_kept(stock: bytes) -> None:
    doctype = b'<?xml version="1.0"?>\n<!DOCTYPE p:sldLayout [<!ENTITY unused "x">]>\n'
    layout = with_doctype(parts_of(stock)[LAYOUT], doctype)
    result = sanitize_template(changed(stock, {LAYOUT: layout}))
    opens(result)
    cleaned = parts_of(result.data or b"")[LAYOUT]
    assert b"DOCTYPE" not in cleaned and b"<p:sldLayout" in cleaned
    assert f"removed the DOCTYPE declaration from {LAYOUT}" in [p.message for p in result.problems]


# -- repairs -----------------------------------------------------------------------------


def test_missing_view_props_table_styles_and_pres_props_are_added(stock: bytes) -> None:
    files = parts_of(stock)
    rels = files["ppt/_rels/presentation.xml.rels"]
    for name in (b"viewProps", b"presProps", b"tableStyles"):
        rels = rels.replace(b"relationships/" + name, b"relationships/gone" + name)
    edits = {"ppt/_rels/presentation.xml.rels": rels}
    result = sanitize_template(changed(stock, edits))
    opens(result)
    out = parts_of(result.data or b"")
    for part in ("ppt/viewProps.xml", "ppt/presProps.xml", "ppt/tableStyles.xml"):
        assert part in out
        assert f'PartName="/{part}"'.encode() in out[CT]


def test_master_without_colour_map_gets_the_standard_one(stock: bytes) -> None:
    master = parts_of(stock)[MASTER]
    start = master.index(b"<p:clrMap ")
    end = master.index(b"/>", start) + 2
    result = sanitize_template(changed(stock, {MASTER: master[:start] + master[end:]}))
    opens(result)
    assert b'<p:clrMap bg1="lt1"' in parts_of(result.data or b"")[MASTER]


def test_missing_notes_size_is_added_in_schema_order(stock: bytes) -> None:
    presentation = parts_of(stock)[PRESENTATION]
    start = presentation.index(b"<p:notesSz")
    end = presentation.index(b"/>", start) + 2
    result = sanitize_template(
        changed(stock, {PRESENTATION: presentation[:start] + presentation[end:]})
    )
    out = parts_of(result.data or b"")[PRESENTATION]
    assert out.index(b"<p:sldSz") < out.index(b"<p:notesSz") < out.index(b"<p:defaultTextStyle")
    opens(result)


# -- nothing raises ------------------------------------------------------------------------


def test_removing_or_cutting_any_part_never_raises(stock: bytes) -> None:
    """Every part removed, emptied or cut in half: a result, and a usable one opens."""
    for name, data in parts_of(stock).items():
        for replacement in (None, b"", data[: len(data) // 2], data + b"<trailing/>"):
            result = sanitize_template(changed(stock, {name: replacement}))
            if result.data is not None:
                pptx.Presentation(io.BytesIO(result.data))
            else:
                assert result.errors, name


def test_random_byte_damage_never_raises(stock: bytes) -> None:
    """Seeded damage to the XML parts: a result, and a usable one reads, scores and checks."""
    files = parts_of(stock)
    names = sorted(n for n in files if n.endswith((".xml", ".rels")))
    rng = random.Random(20261129)
    for _round in range(150):
        name = rng.choice(names)
        data = bytearray(files[name])
        for _flip in range(rng.randint(1, 4)):
            data[rng.randrange(len(data))] = rng.choice(b"<>&;\"'x\x00\xff")
        result = sanitize_template(changed(stock, {name: bytes(data)}))
        if result.data is not None:
            pptx.Presentation(io.BytesIO(result.data))
            template = read_template(result.data)
            propose(template)
            check_geometry(template)


@pytest.mark.parametrize(
    ("part", "old", "new", "says"),
    [
        (LAYOUT, b'idx="1"', b'idx="one"', "idx='one'"),
        (MASTER, b'<a:off x="457200"', b'<a:off x="1in"', "x='1in'"),
        (PRESENTATION, b'<p:sldSz cx="9144000"', b'<p:sldSz cx="wide"', "cx='wide'"),
    ],
)
def test_numbers_python_pptx_cannot_read_are_located(
    stock: bytes, part: str, old: bytes, new: bytes, says: str
) -> None:
    data = parts_of(stock)[part]
    assert old in data
    problem = the_error(sanitize_template(changed(stock, {part: data.replace(old, new, 1)})))
    assert problem.part == part and says in problem.message and problem.line > 0


def test_parser_limits_hold_for_deep_nesting(stock: bytes) -> None:
    layout = parts_of(stock)[LAYOUT]
    deep = b"<p:extLst>" + b"<a:x>" * 300 + b"</a:x>" * 300 + b"</p:extLst>"
    problem = the_error(
        sanitize_template(
            changed(stock, {LAYOUT: layout.replace(b"</p:cSld>", b"</p:cSld>" + deep)})
        )
    )
    assert problem.part == LAYOUT and "depth" in problem.message
