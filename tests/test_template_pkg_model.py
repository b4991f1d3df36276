"""hrdeck.template model, scoring and geometry on decks whose every detail the test sets.

python-pptx's stock deck (PowerPoint's stock layout names and types) is changed with
python-pptx or lxml, saved, sanitized and read back: backgrounds of each fill kind,
colour maps, renamed layouts in other languages, moved placeholders.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from typing import Any

import pptx
import pytest
from lxml import etree
from PIL import Image
from pptx.dml.color import RGBColor
from pptx.util import Emu

from hrdeck.kinds import DEFAULT_LAYOUTS
from hrdeck.template.colors import contrast_ratio, nearest_passing
from hrdeck.template.geometry import check_geometry
from hrdeck.template.model import Box, Template
from hrdeck.template.names import fold, name_match
from hrdeck.template.outline import inside, outlines
from hrdeck.template.package import sanitize_template
from hrdeck.template.pictures import dominant_color
from hrdeck.template.reader import read_template
from hrdeck.template.scoring import propose

P = "http://schemas.openxmlformats.org/presentationml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# every kind on the stock Office layout the kinds registry names for it
STOCK_MAPPING = dict(DEFAULT_LAYOUTS)
GERMAN = {
    "Title Slide": "Titelfolie",
    "Title and Content": "Titel und Inhalt",
    "Section Header": "Abschnittsüberschrift",
    "Two Content": "Zwei Inhalte",
    "Comparison": "Vergleich",
    "Title Only": "Nur Titel",
    "Blank": "Leer",
}
FRENCH = {
    "Title Slide": "Diapositive de titre",
    "Title and Content": "Titre et contenu",
    "Section Header": "En-tête de section",
    "Two Content": "Deux contenus",
    "Comparison": "Comparaison",
    "Title Only": "Titre seul",
    "Blank": "Vide",
}

FIRST_IMAGE = "ppt/media/image1.png"  # where python-pptx stores a deck's first picture
Edit = Callable[[pptx.presentation.Presentation], None]


def model(edit: Edit | None = None, replace: dict[str, bytes] | None = None) -> Template:
    """The stock deck, changed by ``edit`` and ``replace`` (part bytes), sanitized and read."""
    prs = pptx.Presentation()
    if edit is not None:
        edit(prs)
    out = io.BytesIO()
    prs.save(out)
    blob = out.getvalue()
    if replace:
        blob = replaced(blob, replace)
    sanitized = sanitize_template(blob)
    assert sanitized.data is not None, [p.format() for p in sanitized.problems]
    return read_template(sanitized.data)


def replaced(blob: bytes, parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, parts.get(info.filename, source.read(info)))
    return out.getvalue()


def layout_named(prs: pptx.presentation.Presentation, name: str) -> pptx.slide.SlideLayout:
    return next(lay for lay in prs.slide_layouts if lay.name == name)


def placeholder(prs: pptx.presentation.Presentation, layout: str, idx: int) -> Any:
    """A layout's placeholder by idx (python-pptx types these loosely)."""
    shapes: Any = layout_named(prs, layout).placeholders
    return next(s for s in shapes if s.placeholder_format.idx == idx)


def png(color: tuple[int, int, int], size: tuple[int, int] = (40, 30)) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, color)
    image.paste((0, 0, 255), (0, 0, size[0] // 4, size[1] // 4))  # a small blue corner
    image.save(out, "PNG")
    return out.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A 1x1 PNG whose header claims ``width`` x ``height`` (a decompression bomb's face)."""
    data = bytearray(png((255, 0, 0), (1, 1)))
    header = b"IHDR" + struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = header[4:]
    data[29:33] = struct.pack(">I", zlib.crc32(header))
    return bytes(data)


def picture_background(image: bytes) -> Edit:
    def edit(prs: pptx.presentation.Presentation) -> None:
        master = prs.slide_master
        _part, rid = master.part.get_or_add_image_part(io.BytesIO(image))
        common = master._element.find(f"{{{P}}}cSld")
        for old in common.findall(f"{{{P}}}bg"):
            common.remove(old)
        background = etree.fromstring(
            f'<p:bg xmlns:p="{P}" xmlns:a="{A}" xmlns:r="{R}"><p:bgPr>'
            f'<a:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
            "</a:blipFill><a:effectLst/></p:bgPr></p:bg>"
        )
        common.insert(0, background)

    return edit


# -- reading -------------------------------------------------------------------------------


def test_stock_master_reads_theme_background_and_text_styles() -> None:
    template = model()
    master = template.masters[0]
    assert (template.width, template.height) == (9144000, 6858000)
    assert master.colors.dk1 == "000000" and master.colors.lt2 == "EEECE1"
    assert master.fonts.major == "Calibri"
    assert (master.background.kind, master.background.color) == ("solid", "FFFFFF")  # bgRef
    content = template.layout(1, "Title and Content")
    assert content is not None and content.type == "obj"
    title, body = content.title, content.text_placeholders[0]
    assert title is not None and title.box_source == "master" and title.box is not None
    assert body.type == "obj" and body.idx == 1
    assert title.text_color == "000000"  # the master's titleStyle: tx1


def test_solid_and_gradient_backgrounds() -> None:
    def solid(prs: pptx.presentation.Presentation) -> None:
        fill = prs.slide_master.background.fill
        fill.solid()
        fill.fore_color.rgb = RGBColor(0x11, 0x22, 0x33)

    def gradient(prs: pptx.presentation.Presentation) -> None:
        fill = layout_named(prs, "Title Only").background.fill
        fill.gradient()
        stops = fill.gradient_stops
        stops[0].color.rgb, stops[0].position = RGBColor(0, 0, 0), 0.0
        stops[1].color.rgb, stops[1].position = RGBColor(255, 255, 255), 1.0

    assert model(solid).masters[0].background.color == "112233"
    layouts = {lay.name: lay for lay in model(gradient).layouts()}
    only = layouts["Title Only"].background
    assert (only.kind, only.source) == ("gradient", "own")
    assert only.color in ("7F7F7F", "808080")  # two stops, each half of the span
    assert layouts["Blank"].background.source == "master"


def test_picture_background_takes_its_dominant_colour() -> None:
    background = model(picture_background(png((200, 30, 30)))).masters[0].background
    assert background.kind == "picture"
    assert background.color is not None
    red, green, blue = (int(background.color[i : i + 2], 16) for i in (0, 2, 4))
    assert red > 180 and green < 60 and blue < 60


@pytest.mark.parametrize(
    "image", [png_claiming(30000, 30000), b"\x89PNG\r\n\x1a\n" + b"broken" * 20]
)
def test_undecodable_picture_background_is_unknown_and_reported(image: bytes) -> None:
    """python-pptx would not add such a picture: the test swaps it in after saving."""
    sound = png((1, 2, 3))
    template = model(picture_background(sound), {FIRST_IMAGE: image})
    assert template.masters[0].background.color is None
    found = check_geometry(template, [(1, "Title and Content")])
    assert "unknown-background" in {p.code for p in found}


def test_dominant_colour_caps_pixels_before_decoding() -> None:
    assert dominant_color(png_claiming(30000, 30000)) is None
    assert dominant_color(png((10, 200, 10))) == "0AC80A"


def test_layout_colour_map_override_changes_text_colour() -> None:
    def dark(prs: pptx.presentation.Presentation) -> None:
        layout = layout_named(prs, "Title Only")._element
        override = etree.fromstring(
            f'<p:clrMapOvr xmlns:p="{P}" xmlns:a="{A}"><a:overrideClrMapping bg1="dk1" '
            'tx1="lt1" bg2="dk2" tx2="lt2" accent1="accent1" accent2="accent2" '
            'accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" '
            'hlink="hlink" folHlink="folHlink"/></p:clrMapOvr>'
        )
        layout.find(f"{{{P}}}cSld").addnext(override)

    template = model(dark)
    layout = template.layout(1, "Title Only")
    assert layout is not None and layout.title is not None
    assert layout.title.text_color == "FFFFFF"


# -- scoring -------------------------------------------------------------------------------


def test_stock_layouts_map_to_their_stock_names() -> None:
    proposal = propose(model())
    assert {kind: choice.layout for kind, choice in proposal.mapping.items()} == STOCK_MAPPING
    assert proposal.content_master == 1


@pytest.mark.parametrize("names", [GERMAN, FRENCH], ids=["de", "fr"])
def test_layout_names_in_other_languages(names: dict[str, str]) -> None:
    def rename(prs: pptx.presentation.Presentation) -> None:
        for layout in prs.slide_layouts:
            layout.name = names.get(layout.name, layout.name)

    mapping = {kind: choice.layout for kind, choice in propose(model(rename)).mapping.items()}
    assert mapping == {kind: names[name] for kind, name in STOCK_MAPPING.items()}


def test_without_names_placeholders_decide() -> None:
    def anonymous(prs: pptx.presentation.Presentation) -> None:
        for number, layout in enumerate(prs.slide_layouts, 1):
            layout.name = f"Layout {number}"

    mapping = {kind: choice.layout for kind, choice in propose(model(anonymous)).mapping.items()}
    assert mapping["title"] == "Layout 1"  # centred title and subtitle
    assert mapping["bullets"] == "Layout 2"
    assert mapping["myth"] == "Layout 4"  # two columns, no heads
    assert mapping["spectrum"] == "Layout 6"


def test_a_body_moved_over_the_title_loses_to_one_that_is_not() -> None:
    def crowd(prs: pptx.presentation.Presentation) -> None:
        body = placeholder(prs, "Title and Content", 1)
        body.left, body.top = Emu(457200), Emu(274638)  # the title's corner
        body.width, body.height = Emu(8229600), Emu(5000000)

    proposal = propose(model(crowd))
    assert proposal.mapping["bullets"].layout != "Title and Content"
    crowded = next(s for s in proposal.scores["bullets"] if s.layout == "Title and Content")
    assert any("overlap" in reason for reason in crowded.reasons)


@pytest.mark.parametrize(
    ("name", "family", "match"),
    [
        ("Title, Content", "content", "exact"),
        ("Title, 2 Content", "two", "exact"),
        ("Abschnittsüberschrift", "section", "exact"),
        ("En-tête de section", "section", "exact"),
        ("Sólo el título", "title only", "exact"),
        ("Agency Section Divider", "section", "partial"),
        ("Title Slide", "content", None),
    ],
)
def test_names_fold_case_accents_and_punctuation(name: str, family: str, match: str | None) -> None:
    assert name_match(name, family) == match
    assert fold(" Title,  2 Content ") == "title 2 content"


# -- geometry ------------------------------------------------------------------------------


def test_stock_deck_has_no_geometry_findings() -> None:
    assert check_geometry(model()) == []


def test_overlap_off_slide_small_and_duplicate_idx_are_found() -> None:
    def damage(prs: pptx.presentation.Presentation) -> None:
        left, right = placeholder(prs, "Two Content", 1), placeholder(prs, "Two Content", 2)
        right.left = left.left  # the right column on top of the left
        right._element.nvSpPr.nvPr.ph.set("idx", "1")
        title = placeholder(prs, "Title Only", 0)
        title.left, title.width = Emu(8000000), Emu(2000000)  # past the right edge
        body = placeholder(prs, "Content with Caption", 2)
        body.width, body.height = Emu(900000), Emu(300000)

    found = check_geometry(model(damage))
    by_code = {(p.code, p.layout) for p in found}
    assert ("overlap", "Two Content") in by_code
    assert ("duplicate-idx", "Two Content") in by_code
    assert ("off-slide", "Title Only") in by_code
    assert ("small-text-area", "Content with Caption") in by_code
    overlap = next(p for p in found if p.code == "overlap")
    assert overlap.is_error and overlap.master == 1 and "Slide Master" in overlap.hint
    assert check_geometry(model(damage), [(1, "Title Slide")]) == []


def test_low_contrast_names_the_layout_and_a_passing_shade() -> None:
    def dark(prs: pptx.presentation.Presentation) -> None:
        fill = prs.slide_master.background.fill
        fill.solid()
        fill.fore_color.rgb = RGBColor(0x22, 0x22, 0x22)

    found = [p for p in check_geometry(model(dark)) if p.code == "low-contrast"]
    chrome = ("(dt)", "(ftr)", "(sldNum)")
    assert found and all(p.is_error or any(c in p.message for c in chrome) for p in found)
    title = next(p for p in found if p.layout == "Title Only" and "(title)" in p.message)
    assert "#000000" in title.message and "#222222" in title.message
    shade = title.hint.split("#")[1][:6]
    assert contrast_ratio(shade, "222222") >= 3.0


def test_nearest_passing_shade_keeps_the_hue() -> None:
    shade = nearest_passing("3399FF", "FFFFFF", 4.5)
    assert shade is not None and contrast_ratio(shade, "FFFFFF") >= 4.5
    assert int(shade[4:6], 16) > int(shade[0:2], 16)  # still blue
    assert nearest_passing("000000", "000000", 30) is None


# -- outlines ------------------------------------------------------------------------------


def shape_properties(geometry: str, xfrm: str = "<a:xfrm/>") -> etree._Element:
    return etree.fromstring(f'<p:spPr xmlns:p="{P}" xmlns:a="{A}">{xfrm}{geometry}</p:spPr>')


TRIANGLE_PATH = (
    '<a:custGeom><a:pathLst><a:path w="100" h="100"><a:moveTo><a:pt x="0" y="0"/></a:moveTo>'
    '<a:lnTo><a:pt x="100" y="0"/></a:lnTo><a:lnTo><a:pt x="0" y="100"/></a:lnTo><a:close/>'
    "</a:path></a:pathLst></a:custGeom>"
)


def test_custom_geometry_is_a_polygon_not_its_box() -> None:
    box = Box(0, 0, 1000, 1000)
    polygons = outlines(shape_properties(TRIANGLE_PATH), box)
    assert inside(polygons, 100, 100) and not inside(polygons, 900, 900)
    flipped = outlines(shape_properties(TRIANGLE_PATH, '<a:xfrm flipH="1"/>'), box)
    assert inside(flipped, 900, 100) and not inside(flipped, 100, 900)
    turned = outlines(shape_properties(TRIANGLE_PATH, '<a:xfrm rot="10800000"/>'), box)
    assert inside(turned, 900, 900) and not inside(turned, 100, 100)


def test_presets_and_formulas() -> None:
    box = Box(0, 0, 1000, 1000)
    ellipse = outlines(shape_properties('<a:prstGeom prst="ellipse"/>'), box)
    assert inside(ellipse, 500, 500) and not inside(ellipse, 20, 20)
    assert outlines(shape_properties('<a:prstGeom prst="rect"/>'), box) == ()
    formula = TRIANGLE_PATH.replace('x="100" y="0"', 'x="r" y="0"')
    assert outlines(shape_properties(formula), box) == ()  # the box stands in


# -- pictures and groups behind text -------------------------------------------------------


def halves(left: tuple[int, int, int], right: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", (64, 36), left)
    image.paste(right, (32, 0, 64, 36))
    image.save(out, "PNG")
    return out.getvalue()


def test_a_photo_counts_as_the_colours_it_has_where_it_has_them() -> None:
    template = model(picture_background(halves((0, 0, 0), (255, 255, 255))))
    found = check_geometry(template, [(1, "Title and Content")])
    uneven = [p for p in found if p.code == "uneven-background"]
    assert any("(obj)" in p.message for p in uneven)
    plain = model(picture_background(halves((255, 255, 255), (255, 255, 255))))
    assert check_geometry(plain, [(1, "Title and Content")]) == []


def test_shapes_inside_groups_are_placed_on_the_slide() -> None:
    def grouped_band(prs: pptx.presentation.Presentation) -> None:
        tree = prs.slide_master._element.find(f"{{{P}}}cSld/{{{P}}}spTree")
        group = etree.fromstring(
            f'<p:grpSp xmlns:p="{P}" xmlns:a="{A}"><p:nvGrpSpPr><p:cNvPr id="90" name="g"/>'
            "<p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm>"
            '<a:off x="0" y="3429000"/><a:ext cx="9144000" cy="3429000"/>'
            '<a:chOff x="0" y="0"/><a:chExt cx="100" cy="100"/></a:xfrm></p:grpSpPr>'
            '<p:sp><p:nvSpPr><p:cNvPr id="91" name="band"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
            '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="100" cy="100"/></a:xfrm>'
            '<a:prstGeom prst="rect"/><a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
            "</p:spPr></p:sp></p:grpSp>"
        )
        tree.insert(2, group)  # behind the placeholders, as a designer draws a band

    template = model(grouped_band)
    [band] = template.masters[0].decorations
    assert (band.box.x, band.box.y, band.box.cx, band.box.cy) == (0, 3429000, 9144000, 3429000)
    found = check_geometry(template, [(1, "Title and Content")])
    assert any(p.code == "uneven-background" and "(obj)" in p.message for p in found)
