"""Generate hrdeck/render/icondata/ from lucide-static: the curated icons as plain path data.

hrdeck draws icons as native DrawingML shapes (see hrdeck/render/icons.py), so it ships
no SVG and needs no icon package at run time.  This dev-time script reads the curated
icons from the lucide-static npm package (ISC licence), converts every SVG element
(path with all commands, circle, ellipse, rect with rx/ry, line, polyline, polygon) into
subpaths in absolute coordinates that use only moveTo, lineTo, cubic Bézier and close,
and writes icons.json plus the package's licence, verbatim, next to it.

    npm pack lucide-static@1.62.0                      # once: lucide-static-1.62.0.tgz
    python tools/make_icons.py --source lucide-static-1.62.0.tgz   # writes icondata/
    python tools/make_icons.py --preview out/icons.pptx     # contact sheet of the shipped set

Which icons, under which hrdeck names and with which default alt text, is the table
icondata/curation.txt.  The output depends only on that table and the .tgz, so running
the script twice gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import tarfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

OUT = Path(__file__).resolve().parent.parent / "hrdeck" / "render" / "icondata"
SVG_NS = "{http://www.w3.org/2000/svg}"


Point = tuple[float, float]
Op = list[Any]  # ["M", x, y] | ["L", x, y] | ["C", x1, y1, x2, y2, x, y]


class SvgError(ValueError):
    """An SVG this converter does not understand (it never guesses)."""


# ---------------------------------------------------------------- path data


_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_SEPARATOR = re.compile(r"[\s,]*")
_COMMANDS = "MmLlHhVvCcSsQqTtAaZz"


class _Scanner:
    """Reads commands, numbers and arc flags ("0 01" and "001" alike) from path data."""

    def __init__(self, data: str) -> None:
        self.data, self.pos = data, 0

    def _skip(self) -> None:
        self.pos = _SEPARATOR.match(self.data, self.pos).end()  # type: ignore[union-attr]

    def at_end(self) -> bool:
        self._skip()
        return self.pos >= len(self.data)

    def command(self) -> str | None:
        self._skip()
        char = self.data[self.pos : self.pos + 1]
        if char and char in _COMMANDS:
            self.pos += 1
            return char
        return None

    def number(self) -> float:
        self._skip()
        match = _NUMBER.match(self.data, self.pos)
        if match is None:
            raise SvgError(f"expected a number at offset {self.pos} of path {self.data!r}")
        self.pos = match.end()
        return float(match.group())

    def flag(self) -> bool:
        self._skip()
        char = self.data[self.pos : self.pos + 1]
        if char not in ("0", "1"):
            raise SvgError(f"expected an arc flag at offset {self.pos} of path {self.data!r}")
        self.pos += 1
        return char == "1"


def arc_to_cubics(
    start: Point, radii: Point, rotation: float, large: bool, sweep: bool, end: Point
) -> list[tuple[Point, Point, Point]]:
    """An SVG elliptical arc as cubic Béziers of at most 90 degrees each (SVG 1.1, F.6)."""
    rx, ry = abs(radii[0]), abs(radii[1])
    if start == end:
        return []
    if rx == 0 or ry == 0:
        return [(start, end, end)]
    phi = math.radians(rotation)
    cos_phi, sin_phi = math.cos(phi), math.sin(phi)
    half_dx, half_dy = (start[0] - end[0]) / 2, (start[1] - end[1]) / 2
    x1 = cos_phi * half_dx + sin_phi * half_dy
    y1 = -sin_phi * half_dx + cos_phi * half_dy
    excess = (x1 / rx) ** 2 + (y1 / ry) ** 2
    if excess > 1:  # radii too small for the end points: scale them up (F.6.6)
        rx, ry = rx * math.sqrt(excess), ry * math.sqrt(excess)
    numerator = (rx * ry) ** 2 - (rx * y1) ** 2 - (ry * x1) ** 2
    denominator = (rx * y1) ** 2 + (ry * x1) ** 2
    factor = math.sqrt(max(0.0, numerator / denominator))
    if large == sweep:
        factor = -factor
    cx1, cy1 = factor * rx * y1 / ry, -factor * ry * x1 / rx
    centre = (
        cos_phi * cx1 - sin_phi * cy1 + (start[0] + end[0]) / 2,
        sin_phi * cx1 + cos_phi * cy1 + (start[1] + end[1]) / 2,
    )
    theta = math.atan2((y1 - cy1) / ry, (x1 - cx1) / rx)
    delta = math.atan2((-y1 - cy1) / ry, (-x1 - cx1) / rx) - theta
    if sweep and delta < 0:
        delta += 2 * math.pi
    elif not sweep and delta > 0:
        delta -= 2 * math.pi

    def on_ellipse(x: float, y: float) -> Point:
        return (
            centre[0] + rx * cos_phi * x - ry * sin_phi * y,
            centre[1] + rx * sin_phi * x + ry * cos_phi * y,
        )

    count = max(1, math.ceil(abs(delta) / (math.pi / 2) - 1e-9))
    step = delta / count
    handle = 4 / 3 * math.tan(step / 4)
    curves = []
    for index in range(count):
        a, b = theta + index * step, theta + (index + 1) * step
        first = on_ellipse(math.cos(a) - handle * math.sin(a), math.sin(a) + handle * math.cos(a))
        second = on_ellipse(math.cos(b) + handle * math.sin(b), math.sin(b) - handle * math.cos(b))
        curves.append((first, second, on_ellipse(math.cos(b), math.sin(b))))
    curves[-1] = (curves[-1][0], curves[-1][1], end)
    return curves


class _PathBuilder:
    """Collects subpaths in absolute coordinates; tracks the points SVG commands refer to."""

    def __init__(self) -> None:
        self.subpaths: list[dict[str, Any]] = []
        self.ops: list[Op] | None = None
        self.current: Point = (0.0, 0.0)
        self.start: Point = (0.0, 0.0)
        self.cubic_handle: Point | None = None
        self.quad_handle: Point | None = None

    def move(self, point: Point) -> None:
        self.ops = [["M", *point]]
        self.subpaths.append({"closed": False, "ops": self.ops})
        self.current = self.start = point

    def _ensure_open(self) -> list[Op]:
        if self.ops is None:  # drawing right after a close starts a new subpath there
            self.move(self.current)
        assert self.ops is not None
        return self.ops

    def line(self, point: Point) -> None:
        self._ensure_open().append(["L", *point])
        self.current, self.cubic_handle, self.quad_handle = point, None, None

    def cubic(self, first: Point, second: Point, end: Point) -> None:
        self._ensure_open().append(["C", *first, *second, *end])
        self.current, self.cubic_handle, self.quad_handle = end, second, None

    def quadratic(self, control: Point, end: Point) -> None:
        x0, y0 = self.current
        first = (x0 + 2 / 3 * (control[0] - x0), y0 + 2 / 3 * (control[1] - y0))
        second = (end[0] + 2 / 3 * (control[0] - end[0]), end[1] + 2 / 3 * (control[1] - end[1]))
        self.cubic(first, second, end)
        self.quad_handle = control

    def arc(self, radii: Point, rotation: float, large: bool, sweep: bool, end: Point) -> None:
        for first, second, point in arc_to_cubics(self.current, radii, rotation, large, sweep, end):
            self.cubic(first, second, point)
        self.current, self.cubic_handle, self.quad_handle = end, None, None

    def close(self) -> None:
        if self.ops is not None:
            self.subpaths[-1]["closed"] = True
        self.ops, self.current = None, self.start
        self.cubic_handle = self.quad_handle = None

    def reflected(self, handle: Point | None) -> Point:
        if handle is None:
            return self.current
        return (2 * self.current[0] - handle[0], 2 * self.current[1] - handle[1])


def _run_command(builder: _PathBuilder, command: str, scan: _Scanner) -> None:
    """Apply one SVG path command (with its arguments) to the builder."""
    relative, kind = command.islower(), command.upper()
    ox, oy = builder.current if relative else (0.0, 0.0)

    def point() -> Point:
        x = scan.number()
        return (x + ox, scan.number() + oy)

    if kind == "M":
        builder.move(point())
    elif kind == "L":
        builder.line(point())
    elif kind == "H":
        builder.line((scan.number() + ox, builder.current[1]))
    elif kind == "V":
        builder.line((builder.current[0], scan.number() + oy))
    elif kind == "C":
        builder.cubic(point(), point(), point())
    elif kind == "S":
        first = builder.reflected(builder.cubic_handle)
        builder.cubic(first, point(), point())
    elif kind == "Q":
        builder.quadratic(point(), point())
    elif kind == "T":
        builder.quadratic(builder.reflected(builder.quad_handle), point())
    elif kind == "A":
        radii = (scan.number(), scan.number())
        rotation, large, sweep = scan.number(), scan.flag(), scan.flag()
        builder.arc(radii, rotation, large, sweep, point())
    else:
        builder.close()


def parse_path(data: str) -> list[dict[str, Any]]:
    """SVG path data -> subpaths: {"closed": bool, "ops": [["M"|"L"|"C", coords...], ...]}."""
    scan, builder = _Scanner(data), _PathBuilder()
    command = scan.command()
    if command not in ("M", "m"):
        raise SvgError(f"path data must start with a moveto: {data!r}")
    while True:
        _run_command(builder, command, scan)
        if scan.at_end():
            break
        following = scan.command()
        if following is None:  # more arguments: repeat; a moveto repeats as lineto
            if command in "Zz":
                raise SvgError(f"unexpected number after closepath in {data!r}")
            following = {"M": "L", "m": "l"}.get(command, command)
        command = following
    return [sub for sub in builder.subpaths if len(sub["ops"]) > 1]


# ---------------------------------------------------------------- SVG elements


def _num(element: ElementTree.Element, name: str, default: float | None = None) -> float:
    value = element.get(name)
    if value is None:
        if default is None:
            raise SvgError(f"<{_local(element)}> has no {name}")
        return default
    return float(value)


def _points(element: ElementTree.Element) -> str:
    numbers = _NUMBER.findall(element.get("points", ""))
    if len(numbers) < 4 or len(numbers) % 2:
        raise SvgError(f"<{_local(element)}> needs an even number of at least 4 coordinates")
    return "M" + " ".join(numbers)


def _rect_path(el: ElementTree.Element) -> str:
    x, y, w, h = _num(el, "x", 0), _num(el, "y", 0), _num(el, "width"), _num(el, "height")
    rx, ry = el.get("rx"), el.get("ry")
    rx_v = float(rx if rx is not None else ry if ry is not None else 0)
    ry_v = float(ry if ry is not None else rx_v)
    rx_v, ry_v = min(rx_v, w / 2), min(ry_v, h / 2)
    if rx_v <= 0 or ry_v <= 0:
        return f"M{x} {y}H{x + w}V{y + h}H{x}Z"
    arc = f"A{rx_v} {ry_v} 0 0 1"
    return (
        f"M{x + rx_v} {y}H{x + w - rx_v}{arc} {x + w} {y + ry_v}V{y + h - ry_v}"
        f"{arc} {x + w - rx_v} {y + h}H{x + rx_v}{arc} {x} {y + h - ry_v}"
        f"V{y + ry_v}{arc} {x + rx_v} {y}Z"
    )


def _ellipse_path(cx: float, cy: float, rx: float, ry: float) -> str:
    arc = f"A{rx} {ry} 0 0 1"
    return (
        f"M{cx + rx} {cy}{arc} {cx} {cy + ry}{arc} {cx - rx} {cy}"
        f"{arc} {cx} {cy - ry}{arc} {cx + rx} {cy}Z"
    )


ELEMENT_PATHS: dict[str, Callable[[ElementTree.Element], str]] = {
    "path": lambda el: el.get("d", ""),
    "circle": lambda el: _ellipse_path(
        _num(el, "cx", 0), _num(el, "cy", 0), _num(el, "r"), _num(el, "r")
    ),
    "ellipse": lambda el: _ellipse_path(
        _num(el, "cx", 0), _num(el, "cy", 0), _num(el, "rx"), _num(el, "ry")
    ),
    "rect": _rect_path,
    "line": lambda el: (
        f"M{_num(el, 'x1', 0)} {_num(el, 'y1', 0)}L{_num(el, 'x2', 0)} {_num(el, 'y2', 0)}"
    ),
    "polyline": _points,
    "polygon": lambda el: _points(el) + "Z",
}
GEOMETRY = {"d", "cx", "cy", "r", "rx", "ry", "x", "y", "width", "height", "points"}
GEOMETRY |= {"x1", "y1", "x2", "y2"}
ROOT = {"xmlns", "width", "height", "viewBox", "fill", "stroke", "stroke-width", "class"}
ROOT |= {"stroke-linecap", "stroke-linejoin"}


def _local(element: ElementTree.Element) -> str:
    return element.tag.removeprefix(SVG_NS)


def _paints(element: ElementTree.Element, root: ElementTree.Element, what: str) -> bool:
    value = element.get(what, root.get(what, "black" if what == "fill" else "none"))
    return value != "none"


def convert_svg(text: str) -> dict[str, Any]:
    """One icon's SVG -> {"view_box", "stroke_width", "subpaths"}; refuses what it can't draw."""
    root = ElementTree.fromstring(text)
    if unknown := set(root.attrib) - ROOT:
        raise SvgError(f"<svg> attributes not supported: {sorted(unknown)}")
    view_box = [float(v) for v in root.get("viewBox", "").replace(",", " ").split()]
    if len(view_box) != 4:
        raise SvgError("<svg> needs a viewBox of four numbers")
    subpaths: list[dict[str, Any]] = []
    for element in root:
        tag = _local(element)
        if tag not in ELEMENT_PATHS:
            raise SvgError(f"<{tag}> is not supported")
        if unknown := set(element.attrib) - GEOMETRY - {"fill", "stroke"}:
            raise SvgError(f"<{tag}> attributes not supported: {sorted(unknown)}")
        stroke, fill = _paints(element, root, "stroke"), _paints(element, root, "fill")
        if not (stroke or fill):
            continue
        for sub in parse_path(ELEMENT_PATHS[tag](element)):
            subpaths.append({"closed": sub["closed"], "fill": fill, "stroke": stroke, **sub})
    return {
        "view_box": [_tidy(v) for v in view_box],
        "stroke_width": _tidy(float(root.get("stroke-width", "1"))),
        "subpaths": [_rounded(sub) for sub in subpaths],
    }


def _tidy(value: float) -> float | int:
    value = round(value, 3) + 0.0  # + 0.0 turns -0.0 into 0.0
    return int(value) if value.is_integer() else value


def _rounded(sub: dict[str, Any]) -> dict[str, Any]:
    ops = [[op[0], *(_tidy(v) for v in op[1:])] for op in sub["ops"]]
    return {"closed": sub["closed"], "fill": sub["fill"], "stroke": sub["stroke"], "ops": ops}


# ---------------------------------------------------------------- source and output


def read_curation(path: Path) -> dict[str, tuple[str, str]]:
    """icondata/curation.txt: hrdeck name -> (lucide icon, default alt text)."""
    curated: dict[str, tuple[str, str]] = {}
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            fields = line.split(maxsplit=2)
            if len(fields) != 3 or fields[0] in curated:
                raise SystemExit(f"{path}:{number}: want a new name, a lucide icon and alt text")
            curated[fields[0]] = (fields[1], fields[2])
    return curated


def read_source(source: Path, wanted: set[str]) -> tuple[dict[str, Any], str, dict[str, str]]:
    """(package.json, licence text, {lucide icon: svg text}) from `npm pack`'s .tgz."""
    package, licence, svgs = None, None, {}
    with tarfile.open(source, "r:gz") as archive:
        for member in archive.getmembers():
            handle = archive.extractfile(member) if member.isfile() else None
            name = member.name.removeprefix("package/")
            if handle is None:
                continue
            if name == "package.json":
                package = json.loads(handle.read())
            elif name == "LICENSE":
                licence = handle.read().decode("utf-8")
            elif name.startswith("icons/") and name[6:-4] in wanted and name.endswith(".svg"):
                svgs[name[6:-4]] = handle.read().decode("utf-8")
    if package is None or licence is None:
        raise SystemExit(f"{source}: no package.json or LICENSE: is this lucide-static?")
    if missing := sorted(wanted - set(svgs)):
        raise SystemExit(f"{source}: icons missing from this version: {', '.join(missing)}")
    return package, licence, svgs


def build_catalogue(
    package: dict[str, Any], curated: dict[str, tuple[str, str]], svgs: dict[str, str]
) -> dict[str, Any]:
    icons = []
    for name, (lucide, alt) in curated.items():
        try:
            converted = convert_svg(svgs[lucide])
        except (SvgError, ElementTree.ParseError) as error:
            raise SystemExit(f"lucide icon {lucide!r}: {error}") from None
        icons.append({"name": name, "source": lucide, "alt": alt, **converted})
    return {
        "set": package["name"],
        "version": package["version"],
        "licence": package.get("license", ""),
        "licence_file": "LICENSE-lucide",
        "homepage": package.get("homepage", ""),
        "icons": icons,
    }


def dump_catalogue(catalogue: dict[str, Any]) -> str:
    """JSON with one icon header and one subpath per line: reviewable in a diff."""
    head = {key: value for key, value in catalogue.items() if key != "icons"}
    lines = ["{", *(f" {json.dumps(k)}: {json.dumps(v)}," for k, v in head.items()), ' "icons": [']
    for index, icon in enumerate(catalogue["icons"]):
        fields = {key: value for key, value in icon.items() if key != "subpaths"}
        lines.append("  " + json.dumps(fields)[:-1] + ', "subpaths": [')
        subs = [f"   {json.dumps(sub)}" for sub in icon["subpaths"]]
        lines.append(",\n".join(subs))
        lines.append("  ]}" + ("," if index < len(catalogue["icons"]) - 1 else ""))
    lines += [" ]", "}", ""]
    return "\n".join(lines)


def write_icondata(source: Path, out: Path = OUT) -> None:
    curated = read_curation(out / "curation.txt")
    package, licence, svgs = read_source(source, {lucide for lucide, _ in curated.values()})
    catalogue = build_catalogue(package, curated, svgs)
    (out / "icons.json").write_text(dump_catalogue(catalogue), "utf-8")
    (out / "LICENSE-lucide").write_text(licence, "utf-8")
    print(f"wrote {len(curated)} icons from {package['name']} {package['version']} to {out}")


def write_preview(out: Path) -> None:
    """A contact sheet: every shipped icon, labelled, large in accent1 and small in hex."""
    from pptx import Presentation
    from pptx.util import Inches, Pt

    from hrdeck.render.icons import IconLibrary

    icons = IconLibrary()

    deck, names = Presentation(), icons.names()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    per_slide, columns, cell_w, cell_h = 36, 6, Inches(2.08), Inches(1.14)
    for page, first in enumerate(range(0, len(names), per_slide), start=1):
        slide = deck.slides.add_slide(deck.slide_layouts[6])
        header = slide.shapes.add_textbox(Inches(0.4), Inches(0.1), Inches(12), Inches(0.4))
        info = icons.info()
        header.text_frame.text = (
            f"hrdeck icons from {info.name} {info.version}, page {page}: "
            "0.7 in in theme colour accent1, 0.35 in in hex 1F2937"
        )
        for index, name in enumerate(names[first : first + per_slide]):
            left = Inches(0.45) + cell_w * (index % columns)
            top = Inches(0.55) + cell_h * (index // columns)
            for size, colour, dx, dy in (
                (Inches(0.7), "accent1", 0, 0),
                (Inches(0.35), "1F2937", Inches(0.95), Inches(0.18)),
            ):
                icons.element(
                    name,
                    shape_id=slide.shapes._next_shape_id,
                    left=left + dx,
                    top=top + dy,
                    size=size,
                    colour=colour,
                    parent=slide.shapes._spTree,
                )
            label = slide.shapes.add_textbox(left, top + Inches(0.72), cell_w, Inches(0.3))
            label.text_frame.text = name
            label.text_frame.paragraphs[0].runs[0].font.size = Pt(11)
    out.parent.mkdir(parents=True, exist_ok=True)
    deck.save(str(out))
    print(f"wrote a contact sheet of {len(names)} icons to {out}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, help="lucide-static .tgz from `npm pack`")
    parser.add_argument("--preview", type=Path, help="write a contact sheet .pptx here")
    args = parser.parse_args(argv)
    if args.source is None and args.preview is None:
        parser.error("give --source (to regenerate the data) and/or --preview OUT.pptx")
    if args.source is not None:
        write_icondata(args.source)
    if args.preview is not None:
        write_preview(args.preview)


if __name__ == "__main__":
    main()
