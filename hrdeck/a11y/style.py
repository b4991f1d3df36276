"""Effective text style and colours of any .pptx, for the accessibility checks.

PowerPoint text properties inherit: run -> paragraph -> the shape's list style ->
(placeholders) the layout's and the master's placeholder -> the master's text styles,
or (other shapes) the shape style's font colour -> the presentation's default text
style.  Colours may be theme colours (``schemeClr``) mapped through the master's
colour map onto its theme's colour scheme, with luminance transforms.  This module
resolves what can be resolved from the XML and returns ``None`` for the rest
(gradients, pictures, table styles), so a check skips rather than guesses.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass, field
from typing import Any

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml

Element = Any  # lxml element; lxml ships no type stubs

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
}
TRANSPARENT = "transparent"
DEFAULT_CLR_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
_TITLE_TYPES = {"title", "ctrTitle"}
_BODY_TYPES = {"body", "obj", "subTitle"}
_SCHEME_NAMES = ("dk1", "lt1", "dk2", "lt2", *(f"accent{i}" for i in range(1, 7)))


def _q(tag: str) -> str:
    prefix, local = tag.split(":")
    return f"{{{NS[prefix]}}}{local}"


def placeholder_of(shape_el: Element) -> Element | None:
    """The ``p:ph`` element of a shape, or None when it is not a placeholder."""
    return shape_el.find("./*/p:nvPr/p:ph", NS)


def ph_type(ph: Element) -> str:
    return str(ph.get("type", "obj"))


@dataclass
class DeckColours:
    """A master's colour scheme, colour map and fill style lists."""

    colours: dict[str, str] = field(default_factory=dict)
    clr_map: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_CLR_MAP))
    fill_styles: list[Element] = field(default_factory=list)
    bg_fill_styles: list[Element] = field(default_factory=list)


def read_deck_colours(master: Any) -> DeckColours:
    """Read the colour scheme and colour map of a python-pptx slide master."""
    theme = DeckColours()
    clr_map = master._element.find("p:clrMap", NS)
    if clr_map is not None:
        theme.clr_map.update(clr_map.attrib)
    try:
        root = parse_xml(master.part.part_related_by(RT.THEME).blob)
    except (KeyError, ValueError, SyntaxError):
        return theme
    scheme = root.find(".//a:clrScheme", NS)
    for name in _SCHEME_NAMES:
        slot = scheme.find(f"a:{name}", NS) if scheme is not None else None
        colour = _literal_colour(slot[0]) if slot is not None and len(slot) else None
        if colour:
            theme.colours[name] = colour
    theme.fill_styles = list(root.iterfind(".//a:fmtScheme/a:fillStyleLst/*", NS))
    theme.bg_fill_styles = list(root.iterfind(".//a:fmtScheme/a:bgFillStyleLst/*", NS))
    return theme


def _literal_colour(el: Element) -> str | None:
    if el.tag == _q("a:srgbClr"):
        return str(el.get("val", "")).upper() or None
    if el.tag == _q("a:sysClr"):
        return str(el.get("lastClr", "")).upper() or None
    return None


def resolve_colour(
    el: Element | None, theme: DeckColours, placeholder: str | None = None
) -> str | None:
    """Hex colour of a colour-choice element (``a:srgbClr``, ``a:schemeClr``, ...)."""
    if el is None:
        return None
    base = _literal_colour(el)
    if el.tag == _q("a:schemeClr"):
        name = str(el.get("val"))
        mapped = theme.colours.get(theme.clr_map.get(name, name))
        base = placeholder if name == "phClr" else mapped
    return _apply_transforms(base, el) if base else None


def fill_colour(
    fill_parent: Element | None, theme: DeckColours, placeholder: str | None = None
) -> str | None:
    """Solid colour of the first ``a:solidFill`` child, else None."""
    if fill_parent is None:
        return None
    solid = fill_parent.find("a:solidFill", NS)
    if solid is None or not len(solid):
        return None
    return resolve_colour(solid[0], theme, placeholder)


def _to_linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _to_srgb(c: float) -> float:
    return c * 12.92 if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def _apply_transforms(hex_colour: str, el: Element) -> str:
    """Apply lumMod/lumOff (in HSL) and tint/shade (in linear RGB, as Office does)."""
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4))
    for child in el:
        value = int(child.get("val", "100000")) / 100000
        local = child.tag.rsplit("}", 1)[-1]
        if local in ("lumMod", "lumOff"):
            h, lum, s = colorsys.rgb_to_hls(r, g, b)
            lum = lum * value if local == "lumMod" else lum + value
            r, g, b = colorsys.hls_to_rgb(h, min(1.0, max(0.0, lum)), s)
        elif local in ("tint", "shade"):
            offset = 1 - value if local == "tint" else 0.0
            r, g, b = (_to_srgb(_to_linear(c) * value + offset) for c in (r, g, b))
    return "".join(f"{round(min(1.0, max(0.0, c)) * 255):02X}" for c in (r, g, b))


def matching_placeholder(part_el: Element, ph: Element, by_idx: bool) -> Element | None:
    """The placeholder shape in a layout (by idx, then type) or master (by type)."""
    wanted_type = ph_type(ph)
    if wanted_type == "obj":
        wanted_type = "body"
    for candidate in part_el.iterfind(".//p:sp", NS):
        other = placeholder_of(candidate)
        if other is None:
            continue
        if by_idx and ph.get("idx") is not None and other.get("idx") == ph.get("idx"):
            return candidate
        other_type = ph_type(other)
        if (other_type if other_type != "obj" else "body") == wanted_type:
            return candidate
    return None


def _lst_level(container: Element | None, level: int) -> Element | None:
    """``lvlNpPr/defRPr`` of a list style (``a:lstStyle``, ``p:titleStyle``, ...)."""
    if container is None:
        return None
    return container.find(f"a:lvl{level + 1}pPr/a:defRPr", NS)


@dataclass(frozen=True)
class TextChain:
    """Run-property defaults of a paragraph: the shape's own, then inherited ones."""

    local: list[Element]
    inherited: list[Element]


def _present(elements: list[Element | None]) -> list[Element]:
    return [el for el in elements if el is not None]


@dataclass
class SlideStyle:
    """Everything needed to resolve text style and backgrounds on one slide."""

    slide_el: Element
    layout_el: Element
    master_el: Element
    default_text_style: Element | None
    theme: DeckColours

    def defrpr_chain(self, shape_el: Element, para: Element, in_table: bool) -> TextChain:
        """The run-property defaults a run in ``para`` inherits, nearest first."""
        ppr = para.find("a:pPr", NS)
        level = int(ppr.get("lvl", "0")) if ppr is not None else 0
        local = [para.find("a:pPr/a:defRPr", NS)]
        if not in_table:
            local.append(_lst_level(shape_el.find("p:txBody/a:lstStyle", NS), level))
        ph = None if in_table else placeholder_of(shape_el)
        inherited: list[Element | None] = []
        if ph is not None:
            inherited = self._placeholder_chain(ph, level)
        elif self.default_text_style is not None:
            inherited.append(_lst_level(self.default_text_style, level))
            inherited.append(self.default_text_style.find("a:defPPr/a:defRPr", NS))
        return TextChain(_present(local), _present(inherited))

    def _placeholder_chain(self, ph: Element, level: int) -> list[Element | None]:
        chain: list[Element | None] = []
        for part_el, by_idx in ((self.layout_el, True), (self.master_el, False)):
            base = matching_placeholder(part_el, ph, by_idx)
            if base is not None:
                chain.append(_lst_level(base.find("p:txBody/a:lstStyle", NS), level))
        kind = ph_type(ph)
        style = "title" if kind in _TITLE_TYPES else "body" if kind in _BODY_TYPES else "other"
        chain.append(_lst_level(self.master_el.find(f"p:txStyles/p:{style}Style", NS), level))
        return chain

    def run_attr(self, rpr: Element | None, chain: TextChain, name: str) -> str | None:
        """An attribute (``sz``, ``b``, ``lang``) of a run, explicit or inherited."""
        for el in [rpr, *chain.local, *chain.inherited]:
            if el is not None and el.get(name) is not None:
                return str(el.get(name))
        return None

    def run_colour(self, rpr: Element | None, chain: TextChain, shape_el: Element) -> str | None:
        """The text colour of a run: explicit, local styles, shape font style, inherited."""
        for el in [rpr, *chain.local]:
            if el is not None and el.find("a:solidFill", NS) is not None:
                return fill_colour(el, self.theme)
        font_ref = shape_el.find("p:style/a:fontRef", NS)
        if font_ref is not None and len(font_ref):
            return resolve_colour(font_ref[0], self.theme)
        for el in chain.inherited:
            if el.find("a:solidFill", NS) is not None:
                return fill_colour(el, self.theme)
        return self.theme.colours.get(self.theme.clr_map.get("tx1", "dk1"))

    def shape_fill(self, shape_el: Element) -> str | None:
        """Solid fill colour of a shape, TRANSPARENT, or None when not solid."""
        sppr = shape_el.find("p:spPr", NS)
        if sppr is not None and sppr.find("a:noFill", NS) is not None:
            return TRANSPARENT
        if sppr is not None and sppr.find("a:solidFill", NS) is not None:
            return fill_colour(sppr, self.theme)
        if sppr is not None and any(sppr.find(f"a:{k}", NS) is not None for k in _OTHER_FILLS):
            return None
        fill_ref = shape_el.find("p:style/a:fillRef", NS)
        if fill_ref is None or fill_ref.get("idx", "0") == "0":
            return TRANSPARENT
        return self._style_fill(int(fill_ref.get("idx")), fill_ref)

    def _style_fill(self, idx: int, ref: Element) -> str | None:
        styles = self.theme.bg_fill_styles if idx >= 1001 else self.theme.fill_styles
        position = idx - 1001 if idx >= 1001 else idx - 1
        if not 0 <= position < len(styles) or styles[position].tag != _q("a:solidFill"):
            return None
        placeholder = resolve_colour(ref[0], self.theme) if len(ref) else None
        return resolve_colour(styles[position][0], self.theme, placeholder)

    def background(self) -> str | None:
        """The slide's solid background colour (slide, layout, master), else None."""
        for part_el in (self.slide_el, self.layout_el, self.master_el):
            bg = part_el.find("p:cSld/p:bg", NS)
            if bg is None:
                continue
            bg_pr = bg.find("p:bgPr", NS)
            if bg_pr is not None:
                return fill_colour(bg_pr, self.theme)
            ref = bg.find("p:bgRef", NS)
            return None if ref is None else self._style_fill(int(ref.get("idx", "0")), ref)
        return "FFFFFF"


_OTHER_FILLS = ("gradFill", "blipFill", "pattFill", "grpFill")
