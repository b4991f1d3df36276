"""Icons as native DrawingML shapes: editable in PowerPoint and coloured from the theme.

The icon set (curated from lucide, ISC licence; see icondata/LICENSE-lucide) ships as
plain path data in icondata/icons.json, written by tools/make_icons.py.  Each icon
becomes one ``p:sp`` with custom geometry: one ``a:path`` per subpath, stroked with round
caps and joins at lucide's weight (a stroke of 2 on a 24-unit grid, so a line width of
size / 12), in a theme colour (``a:schemeClr``, so it follows the theme) or a fixed one.
Every icon carries alt text or PowerPoint's "decorative" mark.

Pure lxml.  An :class:`IconLibrary` reads the set once; whoever draws icons (a deck's
renderer) makes one and keeps it for the run, so nothing is cached at module level.
"""

from __future__ import annotations

import json
import math
import re
from copy import deepcopy
from dataclasses import dataclass
from difflib import get_close_matches
from importlib import resources
from typing import Any

from lxml import etree

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
# PowerPoint's "Mark as decorative" (Office 2019+): screen readers skip the shape.
DECORATIVE_EXT_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"
# Theme colour slots a slide shape may name (ST_SchemeColorVal without phClr).
SCHEME_COLOURS = frozenset(
    {"bg1", "tx1", "bg2", "tx2", "dk1", "lt1", "dk2", "lt2", "hlink", "folHlink"}
    | {f"accent{n}" for n in range(1, 7)}
)
PATH_UNITS = 1000  # path units per icon grid unit: DrawingML path points are integers
_HEX = re.compile(r"#?([0-9A-Fa-f]{6})")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _a(tag: str) -> str:
    return f"{{{A_NS}}}{tag}"


def _p(tag: str) -> str:
    return f"{{{P_NS}}}{tag}"


class UnknownIconError(KeyError):
    """An icon name that is not in the set; the message suggests the closest names."""

    def __init__(self, name: str, known: tuple[str, ...]) -> None:
        self.name = name
        self.known = known
        self.suggestions = tuple(get_close_matches(name, known, n=3, cutoff=0.5))
        super().__init__(name)

    def __str__(self) -> str:
        hint = f"did you mean {' or '.join(map(repr, self.suggestions))}?"
        if not self.suggestions:
            hint = f"known icons: {', '.join(self.known)}"
        return f"unknown icon {self.name!r}; {hint}"


@dataclass(frozen=True)
class IconSet:
    """Where the icons come from, for credits and the licence notice."""

    name: str
    version: str
    licence: str
    licence_text: str


def _path_element(sub: dict[str, Any], origin: tuple[float, float], w: int, h: int) -> Any:
    path = etree.Element(_a("path"), w=str(w), h=str(h))
    if not sub["fill"]:
        path.set("fill", "none")
    if not sub["stroke"]:
        path.set("stroke", "0")
    tags = {"M": "moveTo", "L": "lnTo", "C": "cubicBezTo"}
    for op in sub["ops"]:
        command = etree.SubElement(path, _a(tags[op[0]]))
        coords = op[1:]
        for x, y in zip(coords[::2], coords[1::2], strict=True):
            x_units = round((x - origin[0]) * PATH_UNITS)
            y_units = round((y - origin[1]) * PATH_UNITS)
            etree.SubElement(command, _a("pt"), x=str(x_units), y=str(y_units))
    if sub["closed"]:
        etree.SubElement(path, _a("close"))
    return path


def colour_element(colour: str) -> Any:
    """``a:schemeClr`` for a theme slot ('accent1', 'tx1', ...), ``a:srgbClr`` for hex."""
    if isinstance(colour, str) and colour in SCHEME_COLOURS:
        return etree.Element(_a("schemeClr"), val=colour)
    match = _HEX.fullmatch(colour) if isinstance(colour, str) else None
    if match is None:
        slots = ", ".join(sorted(SCHEME_COLOURS))
        raise ValueError(
            f"icon colour {colour!r} is neither a theme colour ({slots}) "
            "nor a hex colour like '1F6F78'"
        )
    return etree.Element(_a("srgbClr"), val=match.group(1).upper())


def _add_solid_fill(parent: Any, paint: Any) -> None:
    etree.SubElement(parent, _a("solidFill")).append(deepcopy(paint))


def _add_non_visual(shape: Any, name: str, shape_id: int, alt: str, decorative: bool) -> None:
    nv = etree.SubElement(shape, _p("nvSpPr"))
    c_nv_pr = etree.SubElement(nv, _p("cNvPr"), id=str(shape_id), name=f"Icon: {name}")
    if decorative:
        ext_lst = etree.SubElement(c_nv_pr, _a("extLst"))
        ext = etree.SubElement(ext_lst, _a("ext"), uri=DECORATIVE_EXT_URI)
        marker = etree.SubElement(
            ext, f"{{{DECORATIVE_NS}}}decorative", nsmap={"adec": DECORATIVE_NS}
        )
        marker.set("val", "1")
    else:
        c_nv_pr.set("descr", alt)
    c_nv_sp_pr = etree.SubElement(nv, _p("cNvSpPr"))
    etree.SubElement(c_nv_sp_pr, _a("spLocks"), noChangeAspect="1")
    etree.SubElement(nv, _p("nvPr"))


def _new_shape(parent: Any | None) -> Any:
    """An empty ``p:sp``; made in `parent`'s document and appended (before a trailing
    ``p:extLst``, which must stay last), so a library that gives elements its own classes
    (python-pptx) sees its classes on the new shape too."""
    if parent is None:
        return etree.Element(_p("sp"), nsmap={"a": A_NS, "p": P_NS})
    shape = parent.makeelement(_p("sp"))
    last = parent[-1] if len(parent) else None
    if last is not None and last.tag == _p("extLst"):
        last.addprevious(shape)
    else:
        parent.append(shape)
    return shape


def _check_args(
    shape_id: int, box: tuple[int, int, int], line_scale: float, alt: str | None, decorative: bool
) -> None:
    if not isinstance(shape_id, int) or shape_id < 1:
        raise ValueError(f"icon shape_id must be a positive integer, not {shape_id!r}")
    if not all(isinstance(v, int) for v in box):
        raise ValueError(f"icon left, top and size must be whole EMU, not {box!r}")
    if box[2] <= 0:
        raise ValueError(f"icon size must be positive, not {box[2]}")
    if not (isinstance(line_scale, int | float) and math.isfinite(line_scale)) or line_scale <= 0:
        raise ValueError(f"icon line_scale must be a positive number, not {line_scale!r}")
    if alt is not None and decorative:
        raise ValueError("an icon is either described (alt) or decorative, not both")
    if alt is not None and (not isinstance(alt, str) or not alt.strip() or _NOT_XML.search(alt)):
        raise ValueError(f"icon alt text must be non-empty printable text, not {alt!r}")


def _geometry_of(icon: dict[str, Any]) -> Any:
    """An icon's ``a:custGeom``."""
    min_x, min_y, width, height = icon["view_box"]
    w, h = round(width * PATH_UNITS), round(height * PATH_UNITS)
    geometry = etree.Element(_a("custGeom"))
    for tag in ("avLst", "gdLst", "ahLst", "cxnLst"):
        etree.SubElement(geometry, _a(tag))
    etree.SubElement(geometry, _a("rect"), l="l", t="t", r="r", b="b")
    paths = etree.SubElement(geometry, _a("pathLst"))
    for sub in icon["subpaths"]:
        paths.append(_path_element(sub, (min_x, min_y), w, h))
    return geometry


class IconLibrary:
    """The icon set, read from icondata/ once; make one per run and keep it."""

    def __init__(self) -> None:
        folder = resources.files(__package__ or "hrdeck.render") / "icondata"
        self._catalogue: dict[str, Any] = json.loads((folder / "icons.json").read_text("utf-8"))
        self._by_name = {icon["name"]: icon for icon in self._catalogue["icons"]}
        self._licence_text = (folder / self._catalogue["licence_file"]).read_text("utf-8")
        self._geometries: dict[str, Any] = {}

    def names(self) -> tuple[str, ...]:
        """Every icon's name, in the set's order (grouped by topic)."""
        return tuple(self._by_name)

    def alt(self, name: str) -> str:
        """The icon's default alt text: what it shows, e.g. 'Balance scales'."""
        return str(self._icon(name)["alt"])

    def info(self) -> IconSet:
        """The source set's name, version and licence (its full text, to ship with a deck)."""
        c = self._catalogue
        return IconSet(c["set"], c["version"], c["licence"], self._licence_text)

    def _icon(self, name: str) -> dict[str, Any]:
        icon = self._by_name.get(name) if isinstance(name, str) else None
        if icon is None:
            raise UnknownIconError(str(name), self.names())
        return icon

    def _geometry(self, name: str) -> Any:
        """The icon's ``a:custGeom``, built once per name and copied into each shape."""
        found = self._geometries.get(name)
        if found is None:
            found = self._geometries[name] = _geometry_of(self._icon(name))
        return found

    def element(
        self,
        name: str,
        *,
        shape_id: int,
        left: int,
        top: int,
        size: int,
        colour: str,
        line_scale: float = 1.0,
        alt: str | None = None,
        decorative: bool = False,
        parent: Any | None = None,
    ) -> Any:
        """A ``p:sp`` drawing icon `name` in a `size` x `size` EMU box at (`left`, `top`).

        `colour` is a theme slot ('accent1'..'accent6', 'tx1', 'bg1', ...: recolours with the
        theme) or hex ('1F6F78' or '#1F6F78').  Lines are lucide's weight times `line_scale`.
        The shape's alt text is `alt`, else the icon's default; `decorative=True` marks it
        decorative instead.  `shape_id` must be unique on the slide.

        Pass the slide's ``p:spTree`` as `parent` to add the shape to it.  Without `parent`
        the element stands alone: append it yourself, and with python-pptx do not keep the
        returned reference (lxml keeps a kept proxy's plain class, which python-pptx's shape
        objects cannot use).
        """
        icon = self._icon(name)
        _check_args(shape_id, (left, top, size), line_scale, alt, decorative)
        paint = colour_element(colour)
        _, _, grid_w, grid_h = icon["view_box"]
        longest = max(grid_w, grid_h)
        width, height = round(size * grid_w / longest), round(size * grid_h / longest)
        line_width = round(size * icon["stroke_width"] / longest * line_scale)

        shape = _new_shape(parent)
        _add_non_visual(shape, name, shape_id, self.alt(name) if alt is None else alt, decorative)
        sp_pr = etree.SubElement(shape, _p("spPr"))
        xfrm = etree.SubElement(sp_pr, _a("xfrm"))
        etree.SubElement(xfrm, _a("off"), x=str(left), y=str(top))
        etree.SubElement(xfrm, _a("ext"), cx=str(width), cy=str(height))
        sp_pr.append(deepcopy(self._geometry(name)))
        if any(sub["fill"] for sub in icon["subpaths"]):
            _add_solid_fill(sp_pr, paint)
        else:
            etree.SubElement(sp_pr, _a("noFill"))
        line = etree.SubElement(sp_pr, _a("ln"), w=str(max(1, line_width)), cap="rnd")
        _add_solid_fill(line, paint)
        etree.SubElement(line, _a("round"))
        return shape
