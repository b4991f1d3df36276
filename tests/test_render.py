"""The PowerPoint renderer, read back with python-pptx: structure, not pixels."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import OpcPackage

from hrdeck.errors import ContentError
from hrdeck.kinds import DEFAULT_LAYOUTS, SLIDE_KINDS
from hrdeck.pipeline import render_plan
from hrdeck.plan.fit import fit_deck
from hrdeck.plan.types import Block, DeckPlan
from hrdeck.render.deck import render_deck
from hrdeck.render.probe import fit_rules
from hrdeck.theme.model import Logo, Palette, Theme, own_layout_name
from tests import visual_samples
from tests.plan_samples import KINDS, big_plan, sample_plan

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
OFFICE_LAYOUT_NAMES = {
    "Title Slide",
    "Title and Content",
    "Section Header",
    "Two Content",
    "Comparison",
    "Title Only",
    "Blank",
    "Content with Caption",
    "Picture with Caption",
    "Title and Vertical Text",
    "Vertical Title and Text",
}
PALETTE = Palette(
    background="FFFFFF",
    text="1F2937",
    accent="0F766E",
    accent2="B45309",
    muted="6B7280",
    title="0F172A",
    accent_text="FFFFFF",
)


def make_theme(**changes: Any) -> Theme:
    theme = Theme(
        name="test",
        folder=Path("."),
        palette=PALETTE,
        heading_font="Calibri",
        body_font="Calibri",
        footer="Regional Training Collaborative",
    )
    return dataclasses.replace(theme, **changes)


@pytest.fixture(scope="module")
def logo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("img") / "agency-logo.png"
    Image.new("RGB", (300, 100), (15, 118, 110)).save(path)
    return path


@pytest.fixture(scope="module")
def deck_bytes(logo: Path) -> bytes:
    theme = make_theme(logo=Logo(logo, "Regional Training Collaborative logo"))
    return render_plan(sample_plan(image_path=str(logo)), theme)


@pytest.fixture(scope="module")
def deck(deck_bytes: bytes) -> Any:
    return Presentation(io.BytesIO(deck_bytes))


def expanded_kinds(image: bool = True) -> list[str]:
    """The sample's kinds as rendered (the reference list splits in two); the image
    slide is there when the sample has a picture."""
    kinds = [kind for kind in KINDS if image or kind != "image"]
    at = kinds.index("references")
    return [*kinds[: at + 1], "references", *kinds[at + 1 :]]


def slides_of(deck: Any, kind: str) -> list[Any]:
    return [s for s, k in zip(deck.slides, expanded_kinds(), strict=True) if k == kind]


def runs(element: Any) -> Iterator[Any]:
    yield from element.iter(f"{A}r")


def test_the_sample_uses_every_slide_kind() -> None:
    assert set(KINDS) == set(SLIDE_KINDS) == set(DEFAULT_LAYOUTS)


def test_every_slide_has_a_title_placeholder_with_text(deck: Any) -> None:
    assert len(deck.slides) == len(expanded_kinds())
    for slide in deck.slides:
        assert slide.shapes.title is not None
        assert slide.shapes.title.is_placeholder
        assert slide.shapes.title.text_frame.text.strip()


def test_slides_use_the_named_layouts(deck: Any) -> None:
    used = [slide.slide_layout.name for slide in deck.slides]
    assert used == [own_layout_name(kind) for kind in expanded_kinds()]


def test_the_master_and_its_layouts_are_hrdecks_own_one_per_shape_of_slide(deck: Any) -> None:
    [master] = deck.slide_masters
    assert master.name == "hrdeck test"
    names = [layout.name for layout in master.slide_layouts]
    assert sorted(names) == sorted({own_layout_name(kind) for kind in SLIDE_KINDS})
    assert all(name.startswith("hrdeck ") for name in names)
    assert not set(names) & OFFICE_LAYOUT_NAMES


def test_all_six_theme_accents_come_from_the_palette(deck_bytes: bytes) -> None:
    import zipfile

    theme = etree.fromstring(zipfile.ZipFile(io.BytesIO(deck_bytes)).read("ppt/theme/theme1.xml"))
    ns = {"a": A[1:-1]}
    accents = [
        theme.xpath(f"//a:clrScheme/a:accent{n}/a:srgbClr/@val", namespaces=ns)[0]
        for n in range(1, 7)
    ]
    assert accents == [c.upper() for c in PALETTE.accents]
    assert theme.get("name") == "hrdeck test"


def test_body_text_is_in_real_placeholders(deck: Any) -> None:
    bullets = slides_of(deck, "bullets")[0]
    body = [s for s in bullets.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.OBJECT]
    assert "minimize" in body[0].text_frame.text
    assert [para.level for para in body[0].text_frame.paragraphs] == [0, 1, 0, 0, 1, 0]


def test_slide_is_sixteen_by_nine_and_placeholders_use_the_width(deck: Any) -> None:
    assert (deck.slide_width, deck.slide_height) == (12192000, 6858000)
    slide = slides_of(deck, "bullets")[0]
    layout_title = slide.slide_layout.placeholders[0]
    assert layout_title.left + layout_title.width > deck.slide_width * 0.9
    title = slide.shapes.title  # narrowed to make room for the logo
    [logo] = [s for s in slide.shapes if s.name == "Logo"]
    assert title.left + title.width < logo.left


def test_four_by_three_keeps_the_default_size() -> None:
    data = render_plan(sample_plan(), make_theme(slide_size="4:3"))
    prs = Presentation(io.BytesIO(data))
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000)


def test_notes_are_on_every_slide_with_plan_notes_keeping_levels(deck: Any) -> None:
    for slide, kind in zip(deck.slides, expanded_kinds(), strict=True):
        if slide.shapes.title.text_frame.text.endswith("(cont.)"):
            continue
        assert slide.has_notes_slide, kind
        assert "Facilitator notes." in slide.notes_slide.notes_text_frame.text
    notes = slides_of(deck, "bullets")[0].notes_slide.notes_text_frame
    assert [para.level for para in notes.paragraphs] == [0, 0, 1, 2]
    assert notes.paragraphs[2]._p.find(f"{A}pPr/{A}buChar") is not None
    assert notes.paragraphs[0].runs[0].font.bold


def test_links_are_real_hyperlinks(deck: Any) -> None:
    resources = slides_of(deck, "resources")[0]
    links = [
        run.hyperlink.address
        for shape in resources.shapes
        if shape.has_text_frame
        for para in shape.text_frame.paragraphs
        for run in para.runs
        if run.hyperlink.address
    ]
    urls = [url for _name, _line, url in visual_samples.RESOURCES]
    assert links == [url for url in urls for _ in ("name", "short address")]


def test_code_runs_use_a_monospace_font(deck: Any) -> None:
    bullets = slides_of(deck, "bullets")[0]
    fonts = {r.text: r.font.name for s in bullets.placeholders for r in _runs_of(s)}
    assert fonts["42 CFR Part 2"] == "Consolas"


def _runs_of(shape: Any) -> Iterator[Any]:
    for para in shape.text_frame.paragraphs:
        yield from para.runs


def test_every_run_carries_the_plan_language(deck: Any) -> None:
    for slide in deck.slides:
        elements = [slide._element]
        if slide.has_notes_slide:
            elements.append(slide.notes_slide._element)
        for element in elements:
            for run in runs(element):
                assert run.find(f"{A}rPr").get("lang") == "en-US"


def test_body_text_is_at_least_18pt_and_titles_28_to_44(deck: Any) -> None:
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.is_placeholder and shape.placeholder_format.type in (
                PP_PLACEHOLDER.FOOTER,
                PP_PLACEHOLDER.SLIDE_NUMBER,
            ):
                continue
            for run in runs(shape._element):
                size = int(run.find(f"{A}rPr").get("sz", "1800")) / 100
                assert size >= 18, (shape.name, size)
        title_sizes = {r.font.size.pt for r in _runs_of(slide.shapes.title)}
        assert title_sizes <= {28, 32, 36, 40, 44}


def run_sizes(shape: Any) -> set[float]:
    return {r.font.size.pt for r in _runs_of(shape)}


def test_the_fact_leads_and_the_myth_is_labelled_smaller_and_muted(deck: Any) -> None:
    slide = slides_of(deck, "myth")[0]
    labels = {s.text_frame.text: s for s in slide.shapes if s.name.endswith("label")}
    assert set(labels) == {"MYTH", "FACT"}
    label_colour = {k: {str(r.font.color.rgb) for r in _runs_of(v)} for k, v in labels.items()}
    assert label_colour == {"MYTH": {PALETTE.accent2}, "FACT": {PALETTE.accent}}
    myth, fact = (s for s in slide.placeholders if s.placeholder_format.idx in (1, 2))
    assert max(run_sizes(myth)) < min(run_sizes(fact))
    assert {str(r.font.color.rgb) for r in _runs_of(myth)} == {PALETTE.muted}
    assert myth.width < fact.width
    texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame and s.text_frame.text]
    order = [texts.index(t) for t in ("MYTH", myth.text_frame.text, "FACT", fact.text_frame.text)]
    assert order == sorted(order)  # each label read before its text


def test_the_myth_colour_marks_the_myth_and_nothing_else(deck: Any) -> None:
    for slide, kind in zip(deck.slides, expanded_kinds(), strict=True):
        users = {
            s.name
            for s in slide.shapes
            for colour in s._element.iter(f"{A}srgbClr")
            if colour.get("val") == PALETTE.accent2
        }
        assert users <= ({"Myth label", "Myth rule"} if kind == "myth" else set()), kind


def test_comparison_fills_the_four_placeholders(deck: Any) -> None:
    slide = slides_of(deck, "comparison")[0]
    texts = [s.text_frame.text for s in slide.placeholders if s.placeholder_format.idx in (1, 3)]
    assert texts == ["Court", "Clinician"]


def test_spectrum_is_native_autoshapes_left_to_right(deck: Any) -> None:
    slide = slides_of(deck, "spectrum")[0]
    stages = [s for s in slide.shapes if s.name.startswith("Stage") and ":" in s.name]
    assert all(s.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE for s in stages)
    assert [s.left for s in stages] == sorted(s.left for s in stages)
    labels = [s.text_frame.text for s in stages]
    assert labels[0] == "No use" and labels[-1] == "Chronic dependence"
    pictures = [s.name for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert pictures == ["Logo"]


def test_diagram_is_a_group_with_alt_text_nodes_and_connectors(deck: Any) -> None:
    slide = slides_of(deck, "diagram")[0]
    group = next(s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.GROUP)
    descr = group._element.xpath("./p:nvGrpSpPr/p:cNvPr/@descr")[0]
    assert descr.startswith("A diagram of five boxes")
    connectors = [s for s in group.shapes if s.shape_type == MSO_SHAPE_TYPE.LINE]
    assert len(connectors) == 7
    ends = [
        (c._element.find(".//" + f"{A}headEnd"), c._element.find(".//" + f"{A}tailEnd"))
        for c in connectors
    ]
    assert all(tail is not None for _, tail in ends)
    assert sum(head is not None for head, _ in ends) == 6  # one edge runs one way
    glued = connectors[0]._element.find(
        ".//" + "{http://schemas.openxmlformats.org/presentationml/2006/main}cNvCxnSpPr"
    )
    assert glued.find(f"{A}stCxn") is not None and glued.find(f"{A}endCxn") is not None
    nodes = [s.text_frame.text for s in group.shapes if s.name.startswith("Node")]
    assert "Client / participant" in nodes


def test_references_split_onto_a_continuation_slide(deck: Any) -> None:
    titles = [s.shapes.title.text_frame.text for s in slides_of(deck, "references")]
    assert titles == ["References", "References (cont.)"]
    citations = [
        len(s.placeholders[1].text_frame.paragraphs) for s in slides_of(deck, "references")
    ]
    assert sum(citations) == 6


def test_questions_are_numbered(deck: Any) -> None:
    body = slides_of(deck, "questions")[0].placeholders[1].text_frame
    assert all(para._p.find(f"{A}pPr/{A}buAutoNum") is not None for para in body.paragraphs)


def test_logo_has_alt_text_on_every_slide(deck: Any) -> None:
    for slide, kind in zip(deck.slides, expanded_kinds(), strict=True):
        logos = [s for s in slide.shapes if s.name == "Logo"]
        assert len(logos) == 1, kind
        for shape in logos:
            assert shape._element.xpath("./p:nvPicPr/p:cNvPr/@descr") == [
                "Regional Training Collaborative logo"
            ]
    image = next(s for s in slides_of(deck, "bullets")[0].shapes if s.name == "Image")
    assert image._element.xpath("./p:nvPicPr/p:cNvPr/@descr") == ["Naloxone nasal spray kit"]


def test_logo_image_is_stored_once(deck_bytes: bytes) -> None:
    import zipfile

    names = zipfile.ZipFile(io.BytesIO(deck_bytes)).namelist()
    assert len([n for n in names if n.startswith("ppt/media/")]) == 1


def test_footer_and_slide_numbers_use_the_layout_placeholders(deck: Any) -> None:
    slide = deck.slides[1]
    kinds = {s.placeholder_format.type: s for s in slide.placeholders}
    assert kinds[PP_PLACEHOLDER.FOOTER].text_frame.text == "Regional Training Collaborative"
    field = kinds[PP_PLACEHOLDER.SLIDE_NUMBER]._element.find(".//" + f"{A}fld")
    assert field.get("type") == "slidenum" and field.findtext(f"{A}t") == "2"
    title_slide = {s.placeholder_format.type for s in deck.slides[0].placeholders}
    assert PP_PLACEHOLDER.FOOTER not in title_slide


def test_palette_and_fonts_reach_master_and_theme_part(deck: Any) -> None:
    master = deck.slide_master._element
    assert master.xpath(".//p:bg//a:srgbClr/@val") == [PALETTE.background]
    title_style = master.xpath(".//p:titleStyle/a:lvl1pPr/a:defRPr")[0]
    assert title_style.xpath("./a:solidFill/a:srgbClr/@val") == [PALETTE.title]
    theme = etree.fromstring(deck.slide_master.part.part_related_by(RT.THEME).blob)
    ns = {"a": A[1:-1]}
    assert theme.xpath("//a:clrScheme/a:accent1/a:srgbClr/@val", namespaces=ns) == [PALETTE.accent]
    assert theme.xpath("//a:clrScheme/a:dk1/a:srgbClr/@val", namespaces=ns) == [PALETTE.text]
    assert theme.xpath("//a:majorFont/a:latin/@typeface", namespaces=ns) == ["Calibri"]


def test_same_plan_gives_identical_bytes(deck_bytes: bytes, logo: Path) -> None:
    theme = make_theme(logo=Logo(logo, "Regional Training Collaborative logo"))
    assert render_plan(sample_plan(image_path=str(logo)), theme) == deck_bytes


def test_core_properties_come_from_the_plan(deck: Any) -> None:
    props = deck.core_properties
    assert props.created.date().isoformat() == "2025-03-14"
    assert props.last_modified_by == "hrdeck" and props.revision == 1
    assert props.title == "Harm Reduction and Mandated Clients"


def test_unknown_kind_is_a_content_error() -> None:
    plan = sample_plan()
    odd = dataclasses.replace(plan.slides[3], kind="poster")
    with pytest.raises(ContentError, match="poster"):
        render_plan(dataclasses.replace(plan, slides=(odd,)), make_theme())


def test_missing_layout_names_what_the_template_has() -> None:
    theme = make_theme(layouts={"bullets": "Fancy Bullets"})
    with pytest.raises(ContentError, match=r"Fancy Bullets.*hrdeck Content"):
        render_plan(sample_plan(), theme)


def test_agency_template_slides_are_removed(tmp_path: Path) -> None:
    pytest.importorskip("hrdeck.render.template")
    template = Presentation()
    template.slides.add_slide(template.slide_layouts[0]).shapes.title.text = "Old slide"
    path = tmp_path / "agency.pptx"
    template.save(str(path))
    data = render_plan(sample_plan(), make_theme(template=path))
    prs = Presentation(io.BytesIO(data))
    assert len(prs.slides) == len(expanded_kinds(image=False))
    assert "Old slide" not in [s.shapes.title.text_frame.text for s in prs.slides]


def count_package_walks(plan: DeckPlan, monkeypatch: pytest.MonkeyPatch) -> int:
    calls = {"n": 0}
    original_iter, original_next = OpcPackage.iter_parts, OpcPackage.next_partname

    def iter_parts(self: OpcPackage) -> Any:
        calls["n"] += 1
        return original_iter(self)

    def next_partname(self: OpcPackage, tmpl: str) -> Any:
        calls["n"] += 1
        return original_next(self, tmpl)

    monkeypatch.setattr(OpcPackage, "iter_parts", iter_parts)
    monkeypatch.setattr(OpcPackage, "next_partname", next_partname)
    render_plan(plan, make_theme())
    monkeypatch.undo()
    return calls["n"]


def test_package_walks_do_not_grow_with_slide_count(monkeypatch: pytest.MonkeyPatch) -> None:
    """python-pptx #644: naming each notes slide walked every part (quadratic)."""
    small = count_package_walks(big_plan(50), monkeypatch)
    large = count_package_walks(big_plan(200), monkeypatch)
    assert large == small


def test_blocks_without_text_still_render() -> None:
    plan = sample_plan()
    empty = dataclasses.replace(plan.slides[3], blocks=(Block("body", ()),), notes=())
    data = render_plan(dataclasses.replace(plan, slides=(empty,)), make_theme())
    assert len(Presentation(io.BytesIO(data)).slides) == 1


def test_layout_boxes_read_from_the_xml_equal_python_pptx_inheritance() -> None:
    """read_layout_boxes reads positions itself (python-pptx's inheritance lookups are slow)."""
    import pptx

    from hrdeck.render.layouts import read_layout_boxes
    from hrdeck.render.oxml import ph_element, ph_kind

    prs = pptx.Presentation()
    checked = 0
    for layout in prs.slide_layouts:
        boxes = read_layout_boxes(layout)
        for placeholder in layout.placeholders:
            ph = ph_element(placeholder._element)
            expected = tuple(
                int(v or 0)
                for v in (placeholder.left, placeholder.top, placeholder.width, placeholder.height)
            )
            box = boxes[("idx", int(ph.get("idx", "0")))]
            assert (box.left, box.top, box.width, box.height) == expected, ph_kind(ph)
            checked += 1
    assert checked > 30


def test_render_deck_refuses_a_plan_that_was_not_fitted() -> None:
    with pytest.raises(ValueError, match=r"needs a fitted plan.*render_plan"):
        render_deck(sample_plan(), make_theme())


def test_render_plan_fits_a_hand_made_plan_to_the_theme_first(logo: Path) -> None:
    theme = make_theme(logo=Logo(logo, "logo"), slide_size="4:3")  # boxes from probe slides
    plan = sample_plan()
    fitted = fit_deck(plan, fit_rules(theme), [])
    assert render_plan(plan, theme) == render_deck(fitted, theme)
    assert render_plan(fitted, theme) == render_deck(fitted, theme)
