"""What every template must hold: a presentation, masters with layouts, and themes.

Each check names the part at fault.  Two gaps PowerPoint would repair on its own are
filled instead of refused: a master without ``<p:clrMap>`` gets the standard map, and
a layout without a relationship back to its master gets one.
"""

from __future__ import annotations

from lxml import etree

from hrdeck.template.ooxml import RT_SLIDE_MASTER, SLIDE_MASTER, THEME
from hrdeck.template.parts import PackageParts
from hrdeck.template.problems import Problem, bad, repaired
from hrdeck.template.xmlsafe import NS, qn

STANDARD_CLR_MAP = {
    "bg1": "lt1",
    "tx1": "dk1",
    "bg2": "lt2",
    "tx2": "dk2",
    **{f"accent{n}": f"accent{n}" for n in range(1, 7)},
    "hlink": "hlink",
    "folHlink": "folHlink",
}
THEME_ELEMENTS = ("a:clrScheme", "a:fontScheme", "a:fmtScheme")


def check_presentation(parts: PackageParts, main: str) -> list[str]:
    """The master parts ``main`` lists (problems go to ``parts.problems``)."""
    root = parts.xml(main)
    if root is None:
        return []
    if root.tag != qn("p:presentation"):
        parts.problems.append(bad(main, f"{main} is not a PowerPoint presentation part"))
        return []
    parts.problems.extend(_bad_numbers(main, root, ("p:sldSz", "p:notesSz"), ("cx", "cy")))
    parts.problems.extend(_slide_size_problems(main, root))
    masters = _listed_parts(parts, main, root.findall("p:sldMasterIdLst/p:sldMasterId", NS))
    if not masters:
        parts.problems.append(bad(main, f"{main} lists no slide master"))
    for master in masters:
        check_master(parts, master)
    return masters


def _listed_parts(parts: PackageParts, source: str, entries: list[etree._Element]) -> list[str]:
    """Parts named by ``r:id`` attributes of ``entries``; a dangling id is a problem."""
    found = []
    for entry in entries:
        rid = entry.get(qn("r:id")) or ""
        rel = parts.target_of(source, rid)
        if rel is None or rel.external:
            message = f"{source} refers to relationship {rid!r}, which it does not have"
            parts.problems.append(bad(source, message, line=entry.sourceline or 0))
        elif parts.exists(rel.target):
            found.append(rel.target)
    return found


def check_master(parts: PackageParts, master: str) -> None:
    root = _slide_like(parts, master, "p:sldMaster", "a slide master")
    if root is None:
        return
    _ensure_clr_map(parts, master, root)
    _check_master_theme(parts, master)
    entries = root.findall("p:sldLayoutIdLst/p:sldLayoutId", NS)
    layouts = _listed_parts(parts, master, entries)
    if not entries:
        parts.problems.append(bad(master, f"{master} has no slide layouts"))
    for layout in layouts:
        check_layout(parts, layout, master)


def _slide_like(parts: PackageParts, part: str, tag: str, what: str) -> etree._Element | None:
    """The root of a master or layout part, its shape tree and shape ids checked; None
    (and a problem said) when the part is missing or is not `what`."""
    root = parts.xml(part)
    if root is None:
        return None
    if root.tag != qn(tag):
        parts.problems.append(bad(part, f"{part} is not {what}"))
        return None
    problem = _missing_shape_tree(part, root)
    if problem is not None:
        parts.problems.append(problem)
    _check_shape_numbers(parts, part, root)
    return root


def _missing_shape_tree(part: str, root: etree._Element) -> Problem | None:
    if root.find("p:cSld", NS) is None:
        return bad(part, f"{part} has no <p:cSld> (the shapes of the slide)")
    if root.find("p:cSld/p:spTree", NS) is None:
        return bad(part, f"{part} has no <p:spTree> in <p:cSld>")
    return None


# ST_SlideSizeCoordinate: PowerPoint refuses a deck whose slides are outside 1 to 56 in.
SLIDE_SIDE_EMU = (914400, 51206400)


def _slide_size_problems(part: str, root: etree._Element) -> list[Problem]:
    """A slide width or height PowerPoint refuses (a deck of such slides cannot open)."""
    size = root.find("p:sldSz", NS)
    low, high = SLIDE_SIDE_EMU
    found = []
    for name in ("cx", "cy") if size is not None else ():
        value = size.get(name) if size is not None else None
        if value is None or not value.isdigit() or low <= int(value) <= high:
            continue
        side = "width" if name == "cx" else "height"
        message = (
            f"{part} gives the slides a {side} of {int(value) / 914400:.2f} in; "
            "PowerPoint accepts 1 to 56 in"
        )
        found.append(bad(part, message, line=size.sourceline or 0))
    return found


def _bad_numbers(
    part: str, root: etree._Element, paths: tuple[str, ...], names: tuple[str, ...]
) -> list[Problem]:
    """Attributes that must be whole numbers (python-pptx fails on anything else)."""
    found = []
    for path in paths:
        for element in root.iterfind(f".//{path}", NS):
            for name in names:
                value = element.get(name)
                if value is not None and not value.lstrip("-").isdigit():
                    tag = path.split(":")[1]
                    message = f"{part} has {tag} {name}={value!r}, which is not a whole number"
                    found.append(bad(part, message, line=element.sourceline or 0))
    return found


def _check_shape_numbers(parts: PackageParts, part: str, root: etree._Element) -> None:
    """Positions, sizes and placeholder indices of a master's or layout's shapes."""
    parts.problems.extend(_bad_numbers(part, root, ("a:off", "a:chOff"), ("x", "y")))
    parts.problems.extend(_bad_numbers(part, root, ("a:ext", "a:chExt"), ("cx", "cy")))
    parts.problems.extend(_bad_numbers(part, root, ("p:ph",), ("idx",)))


def _ensure_clr_map(parts: PackageParts, master: str, root: etree._Element) -> None:
    common = root.find("p:cSld", NS)
    if root.find("p:clrMap", NS) is not None or common is None:
        return
    common.addnext(etree.Element(qn("p:clrMap"), STANDARD_CLR_MAP))
    parts.changed(master)
    parts.problems.append(repaired(master, f"added the standard colour map to {master}"))


def _check_master_theme(parts: PackageParts, master: str) -> None:
    themes = parts.related(master, THEME)
    if not themes:
        parts.problems.append(bad(master, f"{master} has no theme"))
    for theme in themes:
        check_theme(parts, theme)


def check_theme(parts: PackageParts, theme: str) -> None:
    root = parts.xml(theme)
    if root is None:
        return
    if root.tag != qn("a:theme"):
        parts.problems.append(bad(theme, f"{theme} is not a theme"))
        return
    for tag in THEME_ELEMENTS:
        if root.find(f"a:themeElements/{tag}", NS) is None:
            message = f"{theme} has no <{tag}> (its colours, fonts or effects)"
            parts.problems.append(bad(theme, message))


def check_layout(parts: PackageParts, layout: str, master: str) -> None:
    root = _slide_like(parts, layout, "p:sldLayout", "a slide layout")
    if root is None:
        return
    if master not in parts.related(layout, SLIDE_MASTER):
        parts.add_relationship(layout, RT_SLIDE_MASTER, master)
        parts.problems.append(repaired(layout, f"related {layout} back to its master {master}"))
