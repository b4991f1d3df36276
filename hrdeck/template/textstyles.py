"""Master text styles for templates that keep them only as sample text (LibreOffice's).

PowerPoint styles a slide's text from its master's ``<p:txStyles>``: title, body (one
paragraph style per outline level: indents, spacing, bullets, font, size, colour) and
other text.  LibreOffice writes no ``<p:txStyles>``; it puts the same formatting on the
sample paragraphs of the master's title and body placeholders ("Click to edit the
outline text format", "Second Outline Level", ...), which neither PowerPoint nor
LibreOffice itself reads back as styles.  A deck built on such a template shows body
text without bullets or indents, in default fonts and colours.

:func:`add_master_text_styles` builds the missing ``<p:txStyles>`` of each master
from those samples: each paragraph's properties become the style of its outline level,
its first run's properties that level's default run properties.  A master with no
samples to read gets no styles.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable

from lxml import etree

from hrdeck.template.parts import PackageParts
from hrdeck.template.problems import repaired
from hrdeck.template.xmlsafe import NS, int_attr, local_name, qn

LEVELS = 9
DEFAULT_SIZE = 1800  # hundredths of a point, when a sample run states none
LINE = 1.2  # a line is 1.2 times the text size
STYLES = (("titleStyle", ("title", "ctrTitle")), ("bodyStyle", ("body",)))
_AFTER_STYLES = ("extLst",)  # the only child of <p:sldMaster> after <p:txStyles>


def add_master_text_styles(parts: PackageParts, masters: Iterable[str]) -> None:
    """Give each master without ``<p:txStyles>`` the styles its sample text shows."""
    for master in masters:
        root = parts.xml(master)
        if root is None or root.find("p:txStyles", NS) is not None:
            continue
        styles = _styles_from_samples(root)
        if styles is None:
            continue
        later = [child for child in root if local_name(child) in _AFTER_STYLES]
        if later:
            later[0].addprevious(styles)
        else:
            root.append(styles)
        parts.changed(master)
        message = f"made the text styles of {master} from its sample text (as LibreOffice shows it)"
        parts.problems.append(repaired(master, message))


def _styles_from_samples(root: etree._Element) -> etree._Element | None:
    styles = etree.Element(qn("p:txStyles"))
    found = False
    for style_name, types in STYLES:
        levels = _sample_levels(root, types)
        style = etree.SubElement(styles, qn(f"p:{style_name}"))
        for level in range(LEVELS):
            sample = levels.get(level) or levels.get(
                max((k for k in levels if k < level), default=-1)
            )
            if sample is not None:
                style.append(_level_style(level, *sample))
                found = True
    etree.SubElement(styles, qn("p:otherStyle"))
    return styles if found else None


def _sample_levels(
    root: etree._Element, types: tuple[str, ...]
) -> dict[int, tuple[etree._Element | None, etree._Element | None]]:
    """(paragraph properties, first run properties) by outline level, from the master's
    first placeholder of one of ``types``."""
    for shape in root.iterfind("p:cSld/p:spTree/p:sp", NS):
        ph = shape.find("p:nvSpPr/p:nvPr/p:ph", NS)
        if ph is None or (ph.get("type") or "obj") not in types:
            continue
        levels: dict[int, tuple[etree._Element | None, etree._Element | None]] = {}
        for paragraph in shape.iterfind("p:txBody/a:p", NS):
            properties = paragraph.find("a:pPr", NS)
            run = paragraph.find("a:r/a:rPr", NS)
            level = int_attr(properties, "lvl", 0) or 0
            if run is not None and 0 <= level < LEVELS:
                levels.setdefault(level, (properties, run))
        return levels
    return {}


def _level_style(
    level: int, properties: etree._Element | None, run: etree._Element | None
) -> etree._Element:
    """``<a:lvlNpPr>``: the sample paragraph's properties with its run's as defaults."""
    style = etree.Element(qn(f"a:lvl{level + 1}pPr"))
    if properties is not None:
        for name, value in properties.attrib.items():
            if name != "lvl":
                style.set(name, value)
        kept = [c for c in properties if local_name(c) not in ("extLst", "defRPr")]
        style.extend(copy.deepcopy(child) for child in kept)
    _proportional_spacing(style, int_attr(run, "sz", DEFAULT_SIZE) or DEFAULT_SIZE)
    if run is not None:
        defaults = copy.deepcopy(run)
        defaults.tag = qn("a:defRPr")
        for name in ("lang", "altLang", "dirty", "err", "smtClean", "smtId", "noProof"):
            defaults.attrib.pop(name, None)
        style.append(defaults)
    return style


def _proportional_spacing(style: etree._Element, size: int) -> None:
    """``<a:spcBef>``/``<a:spcAft>`` in points -> a percentage of a line at ``size``."""
    for tag in ("a:spcBef", "a:spcAft"):
        spacing = style.find(tag, NS)
        points = spacing.find("a:spcPts", NS) if spacing is not None else None
        if spacing is None or points is None:
            continue
        share = (int_attr(points, "val", 0) or 0) / (size * LINE)
        spacing.remove(points)
        etree.SubElement(spacing, qn("a:spcPct"), val=str(round(share * 100000)))
