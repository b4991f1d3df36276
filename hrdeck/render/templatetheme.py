"""An agency template keeps its look: only what theme.yaml names is written into it.

hrdeck's own master takes every colour and font of the theme
(:func:`hrdeck.render.master.apply_theme`).  An agency template is the agency's look:
its backgrounds (pictures, gradients), its title and body colours, its fonts.  So on a
template only the settings theme.yaml itself names are applied (``Theme.names``):

- ``background``: a solid background on every master (layouts with their own keep it);
- ``title``, ``text``: the colour of the masters' title and body text styles;
  ``accent``: the colour of the body text's bullets;
- ``fonts.heading``, ``fonts.body``: the masters' title and body text styles;
- every named role and font also goes into the theme part's colour and font schemes
  (``dk1`` text, ``lt1`` background, ``dk2`` title, ``accent1``/``hlink`` accent,
  ``accent2``/``folHlink`` accent2, ``accent3`` muted; major and minor fonts), so new
  text a trainer types and PowerPoint's Design tab follow the brand.
"""

from __future__ import annotations

from collections.abc import Mapping

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation

from hrdeck.render import oxml
from hrdeck.render.master import (
    set_background,
    set_bullet_colour,
    set_latin,
    set_run_colour,
    text_levels,
)
from hrdeck.render.oxml import XmlElement, clark
from hrdeck.theme.model import Theme

ROLE_SLOTS: Mapping[str, tuple[str, ...]] = {
    "text": ("dk1",),
    "background": ("lt1",),
    "title": ("dk2",),
    "accent": ("accent1", "hlink"),
    "accent2": ("accent2", "folHlink"),
    "muted": ("accent3",),
}
FONT_SCHEMES = {"heading": "a:majorFont", "body": "a:minorFont"}


def named_colours(theme: Theme) -> dict[str, str]:
    """The palette roles theme.yaml names (``RRGGBB``)."""
    palette = theme.palette
    return {
        role: getattr(palette, role).lstrip("#").upper()
        for role in (*ROLE_SLOTS, "accent_text")
        if theme.names(f"palette.{role}")
    }


def named_fonts(theme: Theme) -> dict[str, str]:
    """``heading`` and ``body`` fonts theme.yaml names."""
    fonts = {"heading": theme.heading_font, "body": theme.body_font}
    return {role: font for role, font in fonts.items() if theme.names(f"fonts.{role}")}


def apply_template_theme(prs: Presentation, theme: Theme) -> None:
    """Write the palette roles and fonts theme.yaml names into every master and theme."""
    colours, fonts = named_colours(theme), named_fonts(theme)
    if not colours and not fonts:
        return
    for master in prs.slide_masters:
        element = master.element
        if "background" in colours:
            set_background(element, colours["background"])
        _set_text_styles(element, colours, fonts)
        theme_part = master.part.part_related_by(RT.THEME)
        oxml.replace_blob(theme_part, _themed(theme_part.blob, colours, fonts))


def _set_text_styles(
    master: XmlElement, colours: Mapping[str, str], fonts: Mapping[str, str]
) -> None:
    styles = master.find(clark("p:txStyles"))
    if styles is None:
        return
    for style, colour_role, font_role in (
        ("p:titleStyle", "title", "heading"),
        ("p:bodyStyle", "text", "body"),
    ):
        for level in text_levels(styles.find(clark(style))):
            _set_run_defaults(level, colours.get(colour_role), fonts.get(font_role))
            if style == "p:bodyStyle" and "accent" in colours:
                set_bullet_colour(level, colours["accent"])


def _set_run_defaults(level: XmlElement, colour: str | None, font: str | None) -> None:
    if colour is None and font is None:
        return
    def_rpr = level.find(clark("a:defRPr"))
    if def_rpr is None:
        def_rpr = etree.SubElement(level, clark("a:defRPr"))
    if colour is not None:
        set_run_colour(def_rpr, colour)
    if font is not None:
        set_latin(def_rpr, font)


def _themed(blob: bytes, colours: Mapping[str, str], fonts: Mapping[str, str]) -> bytes:
    """The theme part with the named colours and fonts in its schemes."""
    root = etree.fromstring(blob)
    elements = root.find(clark("a:themeElements"))
    scheme = elements.find(clark("a:clrScheme")) if elements is not None else None
    for role, slots in ROLE_SLOTS.items():
        if role not in colours or scheme is None:
            continue
        for name in slots:
            slot = scheme.find(clark(f"a:{name}"))
            if slot is not None:
                slot[:] = [etree.Element(clark("a:srgbClr"), val=colours[role])]
    font_scheme = elements.find(clark("a:fontScheme")) if elements is not None else None
    for role, tag in FONT_SCHEMES.items():
        holder = font_scheme.find(clark(tag)) if font_scheme is not None else None
        latin = holder.find(clark("a:latin")) if holder is not None else None
        if role in fonts and latin is not None:
            latin.set("typeface", fonts[role])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
