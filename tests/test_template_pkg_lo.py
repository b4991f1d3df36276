"""hrdeck.template on templates LibreOffice makes: read, scored, checked, and audited.

LibreOffice's bundled .otp templates, converted to .pptx (tests/lotemplates.py), are
what issue 11 tried: placeholders without idx, several masters with the same layout
names, a title master with a band, and no viewProps part.
"""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pptx
import pytest
from openxml_audit import validate_pptx
from PIL import Image

from hrdeck.template.geometry import check_geometry
from hrdeck.template.model import Box, Template
from hrdeck.template.package import sanitize_file
from hrdeck.template.reader import load_template, read_template
from hrdeck.template.scoring import KIND_NEEDS, propose
from tests.lotemplates import WANTED, convert, lo_potx, lo_templates  # noqa: F401 -- fixtures

CONTENT_KINDS = [kind for kind, needs in KIND_NEEDS.items() if needs.shape == "content"]
PAIR_KINDS = [kind for kind, needs in KIND_NEEDS.items() if needs.shape == "pair"]
FREE_KINDS = [kind for kind, needs in KIND_NEEDS.items() if needs.shape == "free"]


@pytest.fixture(scope="module")
def models(lo_templates: dict[str, Path]) -> dict[str, Template]:  # noqa: F811
    found = {}
    for name, path in lo_templates.items():
        sanitized, template = load_template(path)
        assert template is not None, [p.format() for p in sanitized.problems]
        found[name] = template
    return found


# -- reading -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", WANTED)
def test_masters_layouts_and_placeholders_are_read(models: dict[str, Template], name: str) -> None:
    template = models[name]
    assert template.width > template.height > 0
    assert template.masters
    for master in template.masters:
        assert len(master.layouts) == 12  # LibreOffice writes its 12 auto-layouts
        assert [lay.index for lay in master.layouts] == list(range(1, 13))
        content = next(lay for lay in master.layouts if lay.name == "Title, Content")
        title, body = content.title, content.text_placeholders[0]
        assert title is not None and title.idx is None and title.box is not None
        assert body.type == "obj" and body.idx is None and body.box is not None


def test_missing_idx_and_inherited_boxes(models: dict[str, Template]) -> None:
    """Footers keep their idx and take the master's box; titles and bodies have no idx."""
    layout = models["Vivid"].layout(1, "Title Slide")
    assert layout is not None
    by_type = {p.type: p for p in layout.placeholders}
    assert by_type["title"].idx is None and by_type["subTitle"].idx is None
    assert by_type["ftr"].idx is not None and by_type["ftr"].box_source == "master"
    assert [p.order for p in layout.placeholders] == sorted(p.order for p in layout.placeholders)


def test_vivid_has_three_masters_with_the_same_layout_names(models: dict[str, Template]) -> None:
    masters = models["Vivid"].masters
    assert len(masters) == 3
    names = [[lay.name for lay in master.layouts] for master in masters]
    assert names[0] == names[1] == names[2]
    assert models["Vivid"].layout(2, "Title, Content") is not None
    assert models["Vivid"].layout(4, "Title, Content") is None


def test_vivid_title_master_has_a_band_across_the_bottom(models: dict[str, Template]) -> None:
    template = models["Vivid"]
    band = max(template.masters[0].decorations, key=lambda d: d.box.area)
    assert band.box.y > template.height * 0.6 and band.box.cy > template.height * 0.3
    assert band.kind == "pattern" and band.color is not None
    content_master = template.masters[2]
    assert all(d.box.cy < template.height * 0.05 for d in content_master.decorations)


def test_theme_colours_fonts_and_backgrounds(models: dict[str, Template]) -> None:
    master = models["Vivid"].masters[0]
    assert master.colors.dk1 == "000000" and master.colors.lt1 == "FFFFFF"  # sysClr lastClr
    assert master.colors.accent1 == "4F81BD"
    assert master.fonts.major and master.fonts.minor
    assert models["Vivid"].masters[1].background.kind == "picture"
    assert models["Lights"].masters[0].decorations[0].kind == "gradient"
    layout = models["Vivid"].masters[1].layouts[2]
    assert layout.background.source == "master"


# -- scoring -------------------------------------------------------------------------------


def test_vivid_content_goes_to_the_content_master_not_the_title_slide(
    models: dict[str, Template],
) -> None:
    proposal = propose(models["Vivid"])
    assert proposal.content_master == 3
    for kind in CONTENT_KINDS:
        choice = proposal.mapping[kind]
        assert (choice.master, choice.layout) == (3, "Title, Content"), kind
    assert proposal.mapping["myth"].layout == "Title, 2 Content"
    assert proposal.mapping["spectrum"].layout == "Title Only"
    ranked = proposal.scores["bullets"]
    band = next(s for s in ranked if (s.master, s.layout) == (1, "Title, Content"))
    assert band.score < ranked[0].score
    assert any("on one legible colour" in reason for reason in band.reasons)


@pytest.mark.parametrize("name", WANTED)
def test_every_kind_gets_a_layout_that_fits(models: dict[str, Template], name: str) -> None:
    proposal = propose(models[name])
    assert not proposal.missing
    assert set(proposal.mapping) == set(KIND_NEEDS)
    for kind in CONTENT_KINDS:
        assert proposal.mapping[kind].layout == "Title, Content", (name, kind)
    for kind in PAIR_KINDS:
        assert proposal.mapping[kind].layout == "Title, 2 Content", (name, kind)
    for kind in FREE_KINDS:
        assert proposal.mapping[kind].layout == "Title Only", (name, kind)
    assert proposal.mapping["title"].layout == "Title Slide"


@pytest.mark.parametrize(("name", "master"), [("Piano", 2), ("Focus", 4), ("Lights", 3)])
def test_the_calm_master_is_the_content_master(
    models: dict[str, Template], name: str, master: int
) -> None:
    """Piano's first master is a keyboard photo under black; Focus's are coloured blocks."""
    assert propose(models[name]).content_master == master


# -- geometry ------------------------------------------------------------------------------


def test_vivid_bodies_overlap_the_footers(models: dict[str, Template]) -> None:
    found = check_geometry(models["Vivid"], [(3, "Title, Content")])
    overlaps = [p for p in found if p.code == "overlap"]
    assert {p.severity for p in overlaps} == {"warning"}
    assert any("(obj)" in p.message and "(ftr)" in p.message for p in overlaps)
    assert all(p.master == 3 and p.layout == "Title, Content" for p in found)
    assert not [p for p in found if p.is_error]


def test_white_text_on_a_photo_as_libreoffice_draws_it(models: dict[str, Template]) -> None:
    """LibreOffice keeps Metropolis's white text only in sample paragraphs; the sanitized
    copy's text styles say so, and white on the dark photo passes (black did not)."""
    found = check_geometry(models["Metropolis"], [(1, "Title, Content")])
    layout = models["Metropolis"].layout(1, "Title, Content")
    assert layout is not None
    assert {p.text_color for p in layout.placeholders if p.is_title or p.is_text} == {"FFFFFF"}
    assert not [p for p in found if p.code == "low-contrast" and "(obj)" in p.message]
    [uneven] = [p for p in found if p.code == "uneven-background" and "(obj)" in p.message]
    assert uneven.severity == "warning"


def test_a_subtitle_below_the_slide_is_off_slide(models: dict[str, Template]) -> None:
    found = check_geometry(models["Midnightblue"], [(1, "Centered Text")])
    [off] = [p for p in found if p.code == "off-slide"]
    assert off.is_error and "beyond the bottom edge" in off.message


def test_vivid_title_master_band_makes_the_body_uneven(models: dict[str, Template]) -> None:
    found = check_geometry(models["Vivid"], [(1, "Title, Content")])
    assert any(p.code == "uneven-background" and "(obj)" in p.message for p in found)


# -- python-pptx and openxml-audit ---------------------------------------------------------


def audit_findings(path: Path) -> list[str]:
    return [f"{e.node}: {e.description}" for e in validate_pptx(path).errors]


def test_sanitized_templates_build_decks_openxml_audit_accepts(
    lo_templates: dict[str, Path],  # noqa: F811
    tmp_path: Path,
) -> None:
    raw = audit_findings(lo_templates["Vivid"])
    assert any(finding.startswith("viewProps") for finding in raw), raw
    for name, path in lo_templates.items():
        sanitized = sanitize_file(path)
        assert sanitized.data is not None
        deck = tmp_path / f"{name}.pptx"
        build_one_slide_per_kind(sanitized.data, deck)
        assert audit_findings(deck) == [], name


def build_one_slide_per_kind(data: bytes, out: Path) -> None:
    """With python-pptx: a slide per kind on the proposed layout, its placeholders filled."""
    prs = pptx.Presentation(io.BytesIO(data))
    proposal = propose(read_template(data))
    for kind, choice in proposal.mapping.items():
        master = prs.slide_masters[choice.master - 1]
        layout = next(lay for lay in master.slide_layouts if lay.name == choice.layout)
        slide = prs.slides.add_slide(layout)
        for shape in slide.placeholders:
            shape.text_frame.text = f"{kind}: {shape.name}"
    prs.save(str(out))


def test_potx_from_libreoffice_opens_once_sanitized(lo_potx: Path) -> None:  # noqa: F811
    with pytest.raises(ValueError, match="not a PowerPoint file"):
        pptx.Presentation(str(lo_potx))
    sanitized = sanitize_file(lo_potx)
    assert sanitized.data is not None
    prs = pptx.Presentation(io.BytesIO(sanitized.data))
    assert len(prs.slide_masters) == 3


@pytest.mark.slow
def test_scoring_agrees_with_what_libreoffice_draws(
    lo_templates: dict[str, Path],  # noqa: F811
    tmp_path: Path,
) -> None:
    """The body area of Vivid's title master is a third band; its content master's is not."""
    data = sanitize_file(lo_templates["Vivid"]).data
    assert data is not None
    template = read_template(data)
    prs = pptx.Presentation(io.BytesIO(data))
    boxes = []
    for master_number in (1, 3):
        master = prs.slide_masters[master_number - 1]
        layout = next(lay for lay in master.slide_layouts if lay.name == "Title, Content")
        prs.slides.add_slide(layout)
        model = template.layout(master_number, "Title, Content")
        assert model is not None and model.text_placeholders[0].box is not None
        boxes.append(model.text_placeholders[0].box)
    deck = tmp_path / "vivid.pptx"
    prs.save(str(deck))
    pages = render_pages(deck, tmp_path)
    band_shares = [blue_share(page, box, template) for page, box in zip(pages, boxes, strict=True)]
    assert band_shares[0] > 0.25, band_shares
    assert band_shares[1] < 0.03, band_shares
    ranked = propose(template).scores["bullets"]
    scores = {s.master: s.score for s in ranked if s.layout == "Title, Content"}
    assert scores[3] > scores[1]


def render_pages(deck: Path, out_dir: Path) -> list[Path]:
    convert([deck], out_dir, out_dir / "profile", to="pdf")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", str(out_dir / f"{deck.stem}.pdf"), str(out_dir / "page")],
        check=True,
        capture_output=True,
    )
    return sorted(out_dir.glob("page-*.png"))


def blue_share(page: Path, box: Box, template: Template) -> float:
    """Share of the pixels inside ``box`` that are the band's blue."""
    with Image.open(page) as image:
        rgb = image.convert("RGB")
        scale_x, scale_y = rgb.width / template.width, rgb.height / template.height
        area = rgb.crop(
            (
                int(box.x * scale_x),
                int(box.y * scale_y),
                int(box.right * scale_x),
                int(box.bottom * scale_y),
            )
        )
        raw = area.tobytes()
    pixels = [(raw[i], raw[i + 1], raw[i + 2]) for i in range(0, len(raw), 3)]
    blue = sum(1 for r, g, b in pixels if b > r + 60 and b > 120)
    return blue / max(len(pixels), 1)
