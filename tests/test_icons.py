"""Icons: the shipped path data, the DrawingML shapes built from it, the SVG converter.

The converter (tools/make_icons.py) is checked against points known by construction;
the shapes are put in a real deck, saved, reopened with python-pptx, audited with
openxml-audit, and (slow) rendered with LibreOffice to see that every icon draws lines.
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from openxml_audit import validate_pptx
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches

from hrdeck.a11y.check import check_deck
from hrdeck.render.icons import IconLibrary, UnknownIconError
from tests.lo import needs_soffice, to_pdf

ROOT = Path(__file__).resolve().parent.parent
ICONDATA = ROOT / "hrdeck" / "render" / "icondata"
TOOL = ROOT / "tools" / "make_icons.py"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
ADEC = "{http://schemas.microsoft.com/office/drawing/2017/decorative}"
Point = tuple[float, float]

ICONS = IconLibrary()  # read once for the whole module, as a renderer does per deck


def shipped_icons() -> list[dict[str, Any]]:
    icons: list[dict[str, Any]] = json.loads((ICONDATA / "icons.json").read_text("utf-8"))["icons"]
    return icons


def cubic_at(p0: Point, c1: Point, c2: Point, p1: Point, t: float) -> Point:
    u = 1 - t
    x = u**3 * p0[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t**3 * p1[0]
    y = u**3 * p0[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t**3 * p1[1]
    return (x, y)


def curve_points(ops: list[list[Any]], steps: int = 16) -> list[Point]:
    """Points along a subpath: every end point, and samples along each cubic."""
    current: Point = (0.0, 0.0)
    found: list[Point] = []
    for op in ops:
        points = [(op[i], op[i + 1]) for i in range(1, len(op), 2)]
        if op[0] == "C":
            c1, c2, end = points
            found += [cubic_at(current, c1, c2, end, step / steps) for step in range(1, steps)]
        current = points[-1]
        found.append(current)
    return found


# ---------------------------------------------------------------- the shipped data


def test_the_set_is_named_versioned_and_licensed() -> None:
    info = ICONS.info()
    assert (info.name, info.licence) == ("lucide-static", "ISC")
    assert re.fullmatch(r"\d+\.\d+\.\d+", info.version)
    assert info.licence_text.startswith("ISC License")
    assert "Permission to use, copy, modify, and/or distribute" in info.licence_text


def test_names_are_unique_kebab_case_with_alt_text() -> None:
    names = ICONS.names()
    assert len(names) == len(set(names)) >= 35
    for name in names:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name)
        assert ICONS.alt(name).strip() and ICONS.alt(name) != name


def test_the_field_s_icons_are_there() -> None:
    wanted = {"syringe", "pill", "test-tube", "first-aid", "handshake", "scales", "house"}
    wanted |= {"phone", "heart", "shield", "users", "chat", "qr-code", "lock", "life-buoy"}
    assert wanted <= set(ICONS.names())


def test_data_matches_the_curation_table() -> None:
    rows = [
        line.split(maxsplit=2)
        for line in (ICONDATA / "curation.txt").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    shipped = [[icon["name"], icon["source"], icon["alt"]] for icon in shipped_icons()]
    assert shipped == rows


def test_subpaths_use_only_move_line_cubic_in_absolute_form() -> None:
    arity = {"M": 2, "L": 2, "C": 6}
    for icon in shipped_icons():
        assert icon["subpaths"], icon["name"]
        for sub in icon["subpaths"]:
            ops = sub["ops"]
            assert ops[0][0] == "M" and all(op[0] in "LC" for op in ops[1:]), icon["name"]
            assert all(len(op) == 1 + arity[op[0]] for op in ops)
            assert sub["stroke"] or sub["fill"]


def test_every_curve_stays_inside_the_view_box() -> None:
    for icon in shipped_icons():
        min_x, min_y, width, height = icon["view_box"]
        for sub in icon["subpaths"]:
            for x, y in curve_points(sub["ops"]):
                assert min_x <= x <= min_x + width, (icon["name"], x)
                assert min_y <= y <= min_y + height, (icon["name"], y)


def test_a_circle_s_bezier_points_lie_on_the_circle() -> None:
    """lucide's circle-check starts with <circle cx=12 cy=12 r=10>."""
    (icon,) = [icon for icon in shipped_icons() if icon["name"] == "check-circle"]
    ring = icon["subpaths"][0]
    assert ring["closed"] and not ring["fill"]
    for x, y in curve_points(ring["ops"]):
        assert math.hypot(x - 12, y - 12) == pytest.approx(10, abs=0.005)


# ---------------------------------------------------------------- the shapes


def test_every_icon_builds_a_custom_geometry_shape() -> None:
    for name in ICONS.names():
        shape = ICONS.element(name, shape_id=7, left=0, top=0, size=Inches(1), colour="accent1")
        icon = next(i for i in shipped_icons() if i["name"] == name)
        paths = shape.findall(f"{P}spPr/{A}custGeom/{A}pathLst/{A}path")
        assert len(paths) == len(icon["subpaths"])
        for path, sub in zip(paths, icon["subpaths"], strict=True):
            assert (path.get("w"), path.get("h")) == ("24000", "24000")
            assert (path.get("fill") == "none") is not sub["fill"]
            assert (path.find(f"{A}close") is not None) is sub["closed"]
            for pt in path.iter(f"{A}pt"):  # integer path units, inside the path box
                assert 0 <= int(pt.get("x")) <= 24000 and 0 <= int(pt.get("y")) <= 24000


def test_line_width_follows_size_and_line_scale() -> None:
    def width(size: int, scale: float = 1.0) -> int:
        shape = ICONS.element(
            "heart", shape_id=2, left=0, top=0, size=size, colour="tx1", line_scale=scale
        )
        return int(shape.find(f"{P}spPr/{A}ln").get("w"))

    assert width(Inches(1.2)) == Inches(0.1)  # lucide: a stroke of 2 on 24 = size / 12
    assert width(Inches(0.6)) == Inches(0.05)
    assert width(Inches(1.2), 0.5) == Inches(0.05)


def test_lines_are_round_and_stroke_only_icons_are_unfilled() -> None:
    shape = ICONS.element("syringe", shape_id=2, left=0, top=0, size=Inches(1), colour="tx1")
    sp_pr = shape.find(f"{P}spPr")
    line = sp_pr.find(f"{A}ln")
    assert line.get("cap") == "rnd" and line.find(f"{A}round") is not None
    assert sp_pr.find(f"{A}noFill") is not None


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A saved deck: every icon on slide 1, plus four icons in the ways callers use them."""
    presentation = Presentation()
    grid = presentation.slides.add_slide(presentation.slide_layouts[5])
    grid.shapes.title.text = "Every icon"
    for index, name in enumerate(ICONS.names()):
        left, top = Inches(0.3 + 0.9 * (index % 10)), Inches(1.5 + 0.8 * (index // 10))
        grid.shapes._spTree.append(  # standalone, appended by the caller
            ICONS.element(
                name,
                shape_id=grid.shapes._next_shape_id,
                left=left,
                top=top,
                size=Inches(0.6),
                colour="000000",
            )
        )
    uses = presentation.slides.add_slide(presentation.slide_layouts[5])
    uses.shapes.title.text = "Icons as callers use them"
    calls: list[dict[str, Any]] = [
        {"name": "syringe", "colour": "accent2"},
        {"name": "scales", "colour": "#1f6f78", "alt": "Courts and the law"},
        {"name": "sprout", "colour": "tx1", "decorative": True},
        {"name": "qr-code", "colour": "bg2", "line_scale": 1.5},
    ]
    for index, call in enumerate(calls):
        ICONS.element(
            shape_id=uses.shapes._next_shape_id,
            left=Inches(1 + 2 * index),
            top=Inches(3),
            size=Inches(1.5),
            parent=uses.shapes._spTree,
            **call,
        )
    path = tmp_path_factory.mktemp("icons") / "icons.pptx"
    presentation.save(str(path))
    return path


def icon_shapes(path: Path, slide_index: int) -> dict[str, Any]:
    slide = Presentation(str(path)).slides[slide_index]
    return {s.name: s for s in slide.shapes if s.name.startswith("Icon: ")}


def test_python_pptx_reopens_every_icon_as_a_freeform(deck: Path) -> None:
    shapes = icon_shapes(deck, 0)
    assert sorted(shapes) == sorted(f"Icon: {name}" for name in ICONS.names())
    for shape in shapes.values():
        assert shape.shape_type == MSO_SHAPE_TYPE.FREEFORM
        assert shape.width == shape.height == Inches(0.6)


def test_alt_text_decorative_mark_and_colours_survive_a_save(deck: Path) -> None:
    shapes = icon_shapes(deck, 1)

    def c_nv_pr(name: str) -> Any:
        return shapes[f"Icon: {name}"]._element.find(f"{P}nvSpPr/{P}cNvPr")

    def colour(name: str) -> Any:
        return shapes[f"Icon: {name}"]._element.find(f"{P}spPr/{A}ln/{A}solidFill")[0]

    assert c_nv_pr("syringe").get("descr") == "Syringe"
    assert c_nv_pr("scales").get("descr") == "Courts and the law"
    sprout = c_nv_pr("sprout")
    assert sprout.get("descr") is None
    assert sprout.find(f".//{ADEC}decorative").get("val") == "1"
    assert (colour("syringe").tag, colour("syringe").get("val")) == (f"{A}schemeClr", "accent2")
    assert (colour("scales").tag, colour("scales").get("val")) == (f"{A}srgbClr", "1F6F78")
    assert shapes["Icon: qr-code"].line.width == round(Inches(1.5) / 12 * 1.5)


def test_a_shape_added_to_a_parent_works_with_python_pptx_at_once() -> None:
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    tree = slide.shapes._spTree
    tree.append(tree.makeelement(f"{P}extLst"))
    kept = ICONS.element(
        "phone", shape_id=9, left=0, top=0, size=Inches(1), colour="accent1", parent=tree
    )
    (shape,) = slide.shapes  # python-pptx reads it while the caller still holds `kept`
    assert (shape.name, shape.shape_id, shape.line.width) == ("Icon: phone", 9, Inches(1) / 12)
    assert kept.getparent() is tree and tree[-1].tag == f"{P}extLst"


def test_openxml_audit_finds_nothing(deck: Path) -> None:
    result = validate_pptx(deck)
    assert result.is_valid, [str(error) for error in result.errors]


def test_hrdeck_check_sees_alt_text_or_decorative_on_every_icon(deck: Path) -> None:
    codes = {finding.code for finding in check_deck(deck)}
    assert not codes & {"missing-alt-text", "bad-alt-text"}


# ---------------------------------------------------------------- bad input


def test_an_unknown_name_suggests_the_closest() -> None:
    with pytest.raises(UnknownIconError, match="did you mean 'syringe'") as caught:
        ICONS.element("syringes", shape_id=2, left=0, top=0, size=Inches(1), colour="tx1")
    assert isinstance(caught.value, KeyError)
    with pytest.raises(KeyError, match="unknown icon 'zzzz'; known icons: syringe, pill"):
        ICONS.alt("zzzz")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"colour": "accent7"}, "neither a theme colour"),
        ({"colour": "12345"}, "hex colour like"),
        ({"colour": ["accent1"]}, "neither a theme colour"),
        ({"size": 0}, "size must be positive"),
        ({"size": 914400.5}, "whole EMU"),
        ({"shape_id": 0}, "positive integer"),
        ({"line_scale": float("nan")}, "line_scale"),
        ({"alt": "  "}, "non-empty printable"),
        ({"alt": "bell\x07"}, "non-empty printable"),
        ({"alt": "Gavel", "decorative": True}, "either described"),
    ],
)
def test_bad_arguments_say_what_is_wrong(change: dict[str, Any], message: str) -> None:
    call: dict[str, Any] = {"shape_id": 2, "left": 0, "top": 0, "size": Inches(1)}
    call |= {"colour": "accent1", **change}
    with pytest.raises(ValueError, match=message):
        ICONS.element("gavel", **call)


# ---------------------------------------------------------------- the converter


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    if not TOOL.is_file():
        pytest.skip("tools/make_icons.py is not in this source tree")
    spec = importlib.util.spec_from_file_location("make_icons", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_relative_commands_and_moves_after_close(tool: ModuleType) -> None:
    first, second, third = tool.parse_path("m2 2 h4 v4 h-4 z m10 0 l2 2 1 1zV7")
    assert first == {"closed": True, "ops": [["M", 2, 2], ["L", 6, 2], ["L", 6, 6], ["L", 2, 6]]}
    assert second["ops"] == [["M", 12, 2], ["L", 14, 4], ["L", 15, 5]]
    assert third == {"closed": False, "ops": [["M", 12, 2], ["L", 12, 7]]}


def test_smooth_curves_reflect_the_previous_handle(tool: ModuleType) -> None:
    (cubic,) = tool.parse_path("M0 0C1 2 3 2 4 0S7-2 8 0")
    assert cubic["ops"][2] == ["C", 5, -2, 7, -2, 8, 0]
    (quad,) = tool.parse_path("M0 0Q2 4 4 0T8 0")
    op = quad["ops"][2]
    c1, c2, end = op[1:3], op[3:5], op[5:]
    assert c1 == pytest.approx([4 + 2 / 3 * 2, -8 / 3]) and c2 == pytest.approx([8 - 4 / 3, -8 / 3])
    assert end == [8, 0]


def test_a_quadratic_becomes_the_same_curve(tool: ModuleType) -> None:
    (sub,) = tool.parse_path("M0 0q5 10 10 0")
    c = sub["ops"][1]
    for t in (0.25, 0.5, 0.8):
        quadratic = ((1 - t) ** 2 * 0 + 2 * (1 - t) * t * 5 + t * t * 10, 2 * (1 - t) * t * 10)
        assert cubic_at((0, 0), (c[1], c[2]), (c[3], c[4]), (c[5], c[6]), t) == pytest.approx(
            quadratic
        )


def test_an_arc_runs_along_its_circle_on_the_swept_side(tool: ModuleType) -> None:
    (sub,) = tool.parse_path("M2 12A10 10 0 0 1 22 12")
    points = curve_points(sub["ops"])
    assert all(math.hypot(x - 12, y - 12) == pytest.approx(10, abs=0.003) for x, y in points)
    assert min(y for _, y in points) == pytest.approx(2, abs=0.003)  # sweep 1: over the top
    (other,) = tool.parse_path("M2 12A10 10 0 0 0 22 12")
    assert max(y for _, y in curve_points(other["ops"])) == pytest.approx(22, abs=0.003)


def test_a_rotated_large_arc_stays_on_its_ellipse(tool: ModuleType) -> None:
    centre, rx, ry, phi = (12.0, 12.0), 6.0, 3.0, math.radians(30)

    def at(t: float) -> Point:
        x, y = rx * math.cos(t), ry * math.sin(t)
        return (
            centre[0] + x * math.cos(phi) - y * math.sin(phi),
            centre[1] + x * math.sin(phi) + y * math.cos(phi),
        )

    start, end = at(0), at(math.radians(250))
    data = f"M{start[0]} {start[1]}A{rx} {ry} 30 1 1 {end[0]} {end[1]}"
    (sub,) = tool.parse_path(data)
    for x, y in curve_points(sub["ops"]):
        dx, dy = x - centre[0], y - centre[1]
        u = dx * math.cos(phi) + dy * math.sin(phi)
        v = -dx * math.sin(phi) + dy * math.cos(phi)
        assert (u / rx) ** 2 + (v / ry) ** 2 == pytest.approx(1, abs=0.002)
    assert len(sub["ops"]) == 1 + 3  # 250 degrees: three cubics of at most 90 degrees


def test_arc_radii_too_small_grow_and_compact_flags_parse(tool: ModuleType) -> None:
    (sub,) = tool.parse_path("M0 0A1 1 0 0 1 10 0")
    assert all(
        math.hypot(x - 5, y) == pytest.approx(5, abs=0.002) for x, y in curve_points(sub["ops"])
    )
    (compact,) = tool.parse_path("M0 0a5 5 0 015 5")
    assert compact["ops"][-1][-2:] == [5, 5]


def svg(body: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" '
        f'stroke="currentColor" stroke-width="2">{body}</svg>'
    )


def test_svg_elements_become_subpaths(tool: ModuleType) -> None:
    converted = tool.convert_svg(
        svg(
            '<rect x="2" y="4" width="20" height="10" rx="2"/>'
            '<rect x="1" y="1" width="3" height="3"/>'
            '<line x1="1" y1="2" x2="3" y2="4"/>'
            '<polyline points="1 1, 2 2 3 1"/><polygon points="1,1 2,2 3,1"/>'
            '<ellipse cx="12" cy="12" rx="4" ry="2"/>'
            '<circle cx="5" cy="5" r="1" fill="currentColor" stroke="none"/>'
            '<path stroke="none" fill="none" d="M0 0h24v24H0z"/>'
        )
    )
    subs = converted["subpaths"]
    assert converted["stroke_width"] == 2 and len(subs) == 7
    rounded, square, line, polyline, polygon, ellipse, dot = subs
    assert rounded["closed"] and [op[0] for op in rounded["ops"]] == list("MLCLCLCLC")
    for x, y in curve_points(rounded["ops"][1:3]):  # top right corner: radius 2 about (20, 6)
        assert math.hypot(x - 20, y - 6) == pytest.approx(2, abs=0.003)
    assert square["ops"] == [["M", 1, 1], ["L", 4, 1], ["L", 4, 4], ["L", 1, 4]]
    assert line == {
        "closed": False,
        "fill": False,
        "stroke": True,
        "ops": [["M", 1, 2], ["L", 3, 4]],
    }
    assert not polyline["closed"] and polygon["closed"] and len(polygon["ops"]) == 3
    assert ellipse["ops"][1] == ["C", 16, 13.105, 14.209, 14, 12, 14]
    assert (dot["fill"], dot["stroke"]) == (True, False)


@pytest.mark.parametrize(
    "body",
    [
        '<path d="M0 0L5 5" transform="scale(2)"/>',
        '<g><path d="M0 0L5 5"/></g>',
        '<path d="L5 5"/>',
        '<path d="M0 0A5 5 0 2 1 5 5"/>',
    ],
)
def test_the_converter_refuses_what_it_cannot_draw(tool: ModuleType, body: str) -> None:
    with pytest.raises(tool.SvgError):
        tool.convert_svg(svg(body))


# ---------------------------------------------------------------- what a person sees


DPI = 50


def page_png(pdf: Path, page: int) -> Image.Image:
    prefix = pdf.with_name(f"{pdf.stem}-page")
    command = f"pdftoppm -png -r {DPI} -f {page} -l {page}".split()
    subprocess.run([*command, str(pdf), str(prefix)], check=True)
    (png,) = pdf.parent.glob(f"{prefix.name}*.png")
    return Image.open(png).convert("RGB")


def inch_box(left: float, top: float, size: float) -> tuple[int, int, int, int]:
    return (
        round(left * DPI),
        round(top * DPI),
        round((left + size) * DPI),
        round((top + size) * DPI),
    )


def dark_fraction(image: Image.Image, box: tuple[int, int, int, int]) -> float:
    cell = image.convert("L").crop(box)
    return sum(cell.histogram()[:128]) / (cell.width * cell.height)


@pytest.mark.slow
@needs_soffice
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm not installed")
def test_libreoffice_draws_every_icon_as_lines(deck: Path, tmp_path: Path) -> None:
    page = page_png(to_pdf(deck, tmp_path), 1)
    for index, name in enumerate(ICONS.names()):  # the grid the deck fixture drew
        box = inch_box(0.3 + 0.9 * (index % 10), 1.5 + 0.8 * (index // 10), 0.6)
        ink = dark_fraction(page, box)
        assert 0.08 < ink < 0.5, f"{name}: {ink:.0%} of its box is dark"


def with_theme_accent2(deck: Path, out: Path, hex_colour: str) -> Path:
    """A copy of `deck` whose theme's accent2 is `hex_colour` (nothing else changes)."""
    with zipfile.ZipFile(deck) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.namelist():
            data = source.read(item)
            if item == "ppt/theme/theme1.xml":
                data, count = re.subn(
                    rb'<a:accent2><a:srgbClr val="[0-9A-F]{6}"/>',
                    f'<a:accent2><a:srgbClr val="{hex_colour}"/>'.encode(),
                    data,
                )
                assert count == 1, "the theme's accent2 is not a plain sRGB colour"
            target.writestr(item, data)
    return out


@pytest.mark.slow
@needs_soffice
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm not installed")
def test_a_theme_coloured_icon_follows_the_theme(deck: Path, tmp_path: Path) -> None:
    green = with_theme_accent2(deck, tmp_path / "green.pptx", "00A000")
    syringe = inch_box(1, 3, 1.5)  # the accent2 syringe on the fixture's second slide

    def green_pixels(path: Path) -> int:
        pixels = page_png(to_pdf(path, tmp_path), 2).crop(syringe).tobytes()
        rgb = zip(pixels[0::3], pixels[1::3], pixels[2::3], strict=True)
        return sum(1 for r, g, b in rgb if g > 120 and r < 80 and b < 80)

    assert green_pixels(deck) == 0
    assert green_pixels(green) > 100
