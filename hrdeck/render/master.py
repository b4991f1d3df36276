"""Bring the template's master, layouts and theme part in line with a Theme.

* :func:`resize` sets the slide size (16:9 or 4:3) and rescales every position on
  the masters and layouts, so placeholders use the full width; an agency template
  keeps its own size unless theme.yaml names one.
* :func:`apply_theme` writes the palette and fonts into an agency template's master
  (background, title and body text styles) and into the theme part's colour scheme
  (all six accents from the palette) and font scheme,
  and replaces layout text tinted lighter than the text colour with ``muted``,
  so the deck restyles cleanly in PowerPoint's Design tab and new text the trainer
  types picks up the agency's look.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation
from pptx.util import Emu

from hrdeck.render import oxml
from hrdeck.render.design.colours import scheme_colours
from hrdeck.render.design.masterxml import own_master_name
from hrdeck.render.oxml import XmlElement, clark
from hrdeck.theme.model import Theme, mix

SLIDE_SIZES = {"16:9": (Emu(12192000), Emu(6858000)), "4:3": (Emu(9144000), Emu(6858000))}
TITLE_PT = 36
BODY_LEVEL_PT = (28, 24, 20, 18, 18, 18, 18, 18, 18)
_TEXT_SLOTS = ("tx1", "tx2", "dk1", "dk2")
_LIGHTENERS = ("tint", "lumMod", "lumOff", "alpha")
_FILLS = ("a:noFill", "a:solidFill", "a:gradFill", "a:blipFill", "a:pattFill", "a:grpFill")


def resize(prs: Presentation, slide_size: str | None) -> None:
    """Set the slide size and scale master and layout shapes to match.

    ``None`` (a template and no ``slide_size`` in theme.yaml) keeps the template's size:
    a 4:3 agency template stays 4:3.
    """
    if slide_size is None:
        return
    width, height = SLIDE_SIZES.get(slide_size, SLIDE_SIZES["16:9"])
    old_w, old_h = prs.slide_width or width, prs.slide_height or height
    prs.slide_width, prs.slide_height = width, height
    if (old_w, old_h) == (width, height):
        return
    fx, fy = width / old_w, height / old_h
    for element in _master_and_layout_elements(prs):
        _scale_positions(element, fx, fy)


def _master_and_layout_elements(prs: Presentation) -> Iterator[XmlElement]:
    for master in prs.slide_masters:
        yield master.element
        for layout in master.slide_layouts:
            yield layout.element


def _scale_positions(element: XmlElement, fx: float, fy: float) -> None:
    for tag in ("a:off", "a:chOff"):
        for node in element.iter(clark(tag)):
            node.set("x", str(round(int(node.get("x", "0")) * fx)))
            node.set("y", str(round(int(node.get("y", "0")) * fy)))
    for tag in ("a:ext", "a:chExt"):
        for node in element.iter(clark(tag)):
            if node.get("cx") is None:
                continue  # an extension-list entry, not a size
            node.set("cx", str(round(int(node.get("cx", "0")) * fx)))
            node.set("cy", str(round(int(node.get("cy", "0")) * fy)))


def apply_theme(prs: Presentation, theme: Theme) -> None:
    """Palette and fonts into every master and its theme part (hrdeck's own master is
    written in the theme's palette and fonts already, and is left as it is)."""
    for master in prs.slide_masters:
        if master.name == own_master_name(theme):
            continue
        set_background(master.element, theme.palette.background)
        _set_text_styles(master.element, theme)
        _firm_up_pale_text(master.element, theme.palette.muted)
        for layout in master.slide_layouts:
            _firm_up_pale_text(layout.element, theme.palette.muted)
        theme_part = master.part.part_related_by(RT.THEME)
        oxml.replace_blob(theme_part, themed_theme_xml(theme_part.blob, theme))


def _firm_up_pale_text(element: XmlElement, muted: str) -> None:
    """Placeholder text set in a lightened text colour gets the palette's muted colour.

    Stock layouts tint their subtitles (``tx1`` at 75%): PowerPoint shows dark grey,
    LibreOffice about #8B8B8B, under 4.5:1 on white.  ``muted`` is checked at AA.
    """
    for style in element.iter(clark("a:lstStyle")):
        for colour in list(style.iter(clark("a:schemeClr"))):
            if colour.get("val") in _TEXT_SLOTS and any(
                etree.QName(child).localname in _LIGHTENERS for child in colour
            ):
                firm = etree.Element(clark("a:srgbClr"), val=muted.lstrip("#").upper())
                colour.getparent().replace(colour, firm)


def set_background(master: XmlElement, colour: str) -> None:
    """A master's background: one solid colour (a p:bg in place of any other)."""
    c_sld = master.find(clark("p:cSld"))
    old = c_sld.find(clark("p:bg"))
    if old is not None:
        c_sld.remove(old)
    bg = etree.Element(clark("p:bg"))
    bg_pr = etree.SubElement(bg, clark("p:bgPr"))
    _solid(bg_pr, colour)
    etree.SubElement(bg_pr, clark("a:effectLst"))
    c_sld.insert(0, bg)


def _solid(parent: XmlElement, colour: str, index: int | None = None) -> None:
    fill = etree.Element(clark("a:solidFill"))
    etree.SubElement(fill, clark("a:srgbClr")).set("val", colour.lstrip("#").upper())
    if index is None:
        parent.append(fill)
    else:
        parent.insert(index, fill)


def _set_text_styles(master: XmlElement, theme: Theme) -> None:
    styles = master.find(clark("p:txStyles"))
    if styles is None:
        return
    palette = theme.palette
    for level in text_levels(styles.find(clark("p:titleStyle"))):
        _set_def_run(level, palette.title, theme.heading_font, TITLE_PT)
    for index, level in enumerate(text_levels(styles.find(clark("p:bodyStyle")))):
        _set_def_run(level, palette.text, theme.body_font, BODY_LEVEL_PT[min(index, 8)])
        set_bullet_colour(level, palette.accent)
    for level in text_levels(styles.find(clark("p:otherStyle"))):
        _set_def_run(level, palette.text, theme.body_font, None)


def text_levels(style: XmlElement | None) -> list[XmlElement]:
    """The lvlNpPr children of a master text style (none for a missing style)."""
    if style is None:
        return []
    return [child for child in style if etree.QName(child).localname.startswith("lvl")]


def _set_def_run(level: XmlElement, colour: str, font: str, size: int | None) -> None:
    def_rpr = level.find(clark("a:defRPr"))
    if def_rpr is None:
        def_rpr = etree.SubElement(level, clark("a:defRPr"))
    if size is not None:
        def_rpr.set("sz", str(size * 100))
    set_run_colour(def_rpr, colour)
    set_latin(def_rpr, font)


def set_run_colour(def_rpr: XmlElement, colour: str) -> None:
    """A run-property element's fill: one solid colour, in its schema place (after a:ln)."""
    for tag in _FILLS:
        for old in def_rpr.findall(clark(tag)):
            def_rpr.remove(old)
    _solid(def_rpr, colour, 1 if def_rpr.find(clark("a:ln")) is not None else 0)


def set_latin(def_rpr: XmlElement, font: str) -> None:
    """The Latin typeface of a run-property element (a:latin in its schema place)."""
    latin = def_rpr.find(clark("a:latin"))
    if latin is None:
        latin = etree.Element(clark("a:latin"))
        later = (def_rpr.find(clark(t)) for t in ("a:ea", "a:cs", "a:sym", "a:hlinkClick"))
        anchor = next((e for e in later if e is not None), None)
        if anchor is not None:
            anchor.addprevious(latin)
        else:
            def_rpr.append(latin)
    latin.set("typeface", font)


def set_bullet_colour(level: XmlElement, colour: str) -> None:
    """Bullets in the accent colour (a:buClr goes after spacing, before bullet size)."""
    for old in level.findall(clark("a:buClr")):
        level.remove(old)
    clr = etree.Element(clark("a:buClr"))
    etree.SubElement(clr, clark("a:srgbClr")).set("val", colour.lstrip("#").upper())
    spacing = [level.find(clark(t)) for t in ("a:lnSpc", "a:spcBef", "a:spcAft")]
    present = [s for s in spacing if s is not None]
    if present:
        present[-1].addnext(clr)
    else:
        level.insert(0, clr)


def themed_theme_xml(blob: bytes, theme: Theme) -> bytes:
    """The theme part's XML with hrdeck's colour and font schemes."""
    root = etree.fromstring(blob)
    elements = root.find(clark("a:themeElements"))
    colours = scheme_colours(theme.palette)
    scheme = elements.find(clark("a:clrScheme"))
    for name, colour in colours.items():
        slot = scheme.find(clark(f"a:{name}"))
        if slot is None:
            continue
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, clark("a:srgbClr")).set("val", colour.lstrip("#").upper())
    fonts = elements.find(clark("a:fontScheme"))
    for kind, font in (("a:majorFont", theme.heading_font), ("a:minorFont", theme.body_font)):
        latin = fonts.find(clark(kind)).find(clark("a:latin"))
        latin.set("typeface", font)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def blend(base: str, other: str, amount: float) -> str:
    """`base` moved `amount` (0..1) of the way towards `other`, as RRGGBB."""
    return mix(base, other, amount)
