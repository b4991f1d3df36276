"""Read a sanitized template package into the frozen model of :mod:`.model`.

Give it the ``data`` of a :class:`~hrdeck.template.package.SanitizedTemplate`; parts
are parsed again with the same hardened parser.  What the format leaves implicit is
made explicit: a placeholder without ``type`` is ``obj``, one without ``idx`` has None,
a layout placeholder without a position takes its master's (matched by type, as
PowerPoint does), a layout without a background shows its master's, and a text colour
follows PowerPoint's inheritance through the layout's colour map (see
:func:`hrdeck.template.shapes.text_color`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

import hrdeck.template.model as model
from hrdeck.template.colors import ColorContext, color_child
from hrdeck.template.colors import resolve_color as resolve
from hrdeck.template.fills import Fill, ImageLoader, fill_in, fill_of
from hrdeck.template.ooxml import RT_OFFICE_DOCUMENT, SLIDE_LAYOUT, THEME
from hrdeck.template.opc import CONTENT_TYPES, ContentTypes, read_zip
from hrdeck.template.package import SanitizedTemplate, sanitize_file
from hrdeck.template.parts import PackageParts
from hrdeck.template.shapes import (
    Inherited,
    Owner,
    decorations,
    master_placeholders,
    placeholders,
)
from hrdeck.template.structure import STANDARD_CLR_MAP
from hrdeck.template.xmlsafe import NS, int_attr, qn

DEFAULT_SIZE = (12192000, 6858000)
SCHEME_SLOTS = ("dk1", "lt1", "dk2", "lt2", *(f"accent{n}" for n in range(1, 7)))
SCHEME_SLOTS += ("hlink", "folHlink")
FALLBACK_SCHEME = dict.fromkeys(SCHEME_SLOTS, "000000") | {"lt1": "FFFFFF", "lt2": "FFFFFF"}
WHITE = model.Background("none", "FFFFFF", "default", "no background fill: white")


def read_template(data: bytes) -> model.Template:
    """The model of a sanitized template package (see :func:`sanitize_template`)."""
    parts = PackageParts(read_zip(data, "template"))
    types = parts.xml(CONTENT_TYPES)
    if types is not None:
        parts.types = ContentTypes.from_root(types)
    main = next((r.target for r in parts.rels("") if r.type == RT_OFFICE_DOCUMENT), "")
    return _TemplateReader(parts, main).read()


@dataclass(frozen=True)
class _MasterContext:
    """What a master's layouts inherit while they are read."""

    owner: Owner
    number: int
    background: model.Background
    inherited: Inherited
    decorations: tuple[model.Decoration, ...]


class _TemplateReader:
    def __init__(self, parts: PackageParts, main: str) -> None:
        self.parts = parts
        self.main = main
        self.presentation = parts.xml(main)

    def _find(self, path: str) -> etree._Element | None:
        return self.presentation.find(path, NS) if self.presentation is not None else None

    def read(self) -> model.Template:
        size = self._find("p:sldSz")
        width = int_attr(size, "cx", DEFAULT_SIZE[0]) or DEFAULT_SIZE[0]
        height = int_attr(size, "cy", DEFAULT_SIZE[1]) or DEFAULT_SIZE[1]
        masters = tuple(self._master(n, part) for n, part in enumerate(self._master_parts(), 1))
        notes = bool(self.parts.related(self.main, "notesMaster"))
        return model.Template(width, height, masters, notes)

    def _master_parts(self) -> list[str]:
        if self.presentation is None:
            return []
        found = []
        for entry in self.presentation.iterfind("p:sldMasterIdLst/p:sldMasterId", NS):
            rel = self.parts.target_of(self.main, entry.get(qn("r:id")) or "")
            if rel is not None and self.parts.xml(rel.target) is not None:
                found.append(rel.target)
        return found

    def _images(self, part: str) -> ImageLoader:
        def load(rid: str) -> bytes | None:
            rel = self.parts.target_of(part, rid)
            if rel is None or rel.external:
                return None
            return self.parts.files.get(rel.target)

        return load

    def _master(self, number: int, part: str) -> model.Master:
        root = self.parts.xml(part)
        assert root is not None  # _master_parts keeps parsed masters only
        theme_part = next(iter(self.parts.related(part, THEME)), "")
        theme = self.parts.xml(theme_part) if theme_part else None
        scheme = color_scheme(theme)
        clr_map = _attributes(root.find("p:clrMap", NS)) or STANDARD_CLR_MAP
        owner = Owner(part, root, ColorContext(scheme.as_dict(), clr_map), self._images(part))
        inherited = Inherited(
            master_placeholders(root), root.find("p:txStyles", NS), self._find("p:defaultTextStyle")
        )
        context = _MasterContext(
            owner,
            number,
            background(owner, theme, "own") or WHITE,
            inherited,
            decorations(owner, from_master=True),
        )
        layouts = [
            self._layout(context, theme, index, layout)
            for index, layout in enumerate(self._layout_parts(part, root), 1)
        ]
        return model.Master(
            index=number,
            name=_slide_name(root),
            part=part,
            theme_name=theme.get("name", "") if theme is not None else "",
            theme_part=theme_part,
            colors=scheme,
            fonts=fonts(theme),
            text_fonts=text_fonts(root.find("p:txStyles", NS), fonts(theme)),
            background=context.background,
            placeholders=placeholders(owner, inherited),
            decorations=context.decorations,
            layouts=tuple(layouts),
        )

    def _layout_parts(self, master: str, root: etree._Element) -> list[str]:
        found = []
        for entry in root.iterfind("p:sldLayoutIdLst/p:sldLayoutId", NS):
            rel = self.parts.target_of(master, entry.get(qn("r:id")) or "")
            usable = rel is not None and rel.short_type == SLIDE_LAYOUT
            if rel is not None and usable and self.parts.xml(rel.target) is not None:
                found.append(rel.target)
        return found

    def _layout(
        self, master: _MasterContext, theme: etree._Element | None, index: int, part: str
    ) -> model.Layout:
        root = self.parts.xml(part)
        assert root is not None  # _layout_parts keeps parsed layouts only
        override = _attributes(root.find("p:clrMapOvr/a:overrideClrMapping", NS))
        ctx = ColorContext(master.owner.ctx.scheme, override or master.owner.ctx.clr_map)
        owner = Owner(part, root, ctx, self._images(part))
        own = background(owner, theme, "own")
        inherited_bg = dataclasses.replace(master.background, source="master")
        shown = master.decorations if root.get("showMasterSp") not in ("0", "false") else ()
        return model.Layout(
            master=master.number,
            index=index,
            name=_slide_name(root),
            part=part,
            type=root.get("type"),
            background=own or inherited_bg,
            placeholders=placeholders(owner, master.inherited),
            decorations=shown + decorations(owner, from_master=False),
        )


def _attributes(element: etree._Element | None) -> dict[str, str]:
    return {str(k): str(v) for k, v in element.attrib.items()} if element is not None else {}


def _slide_name(root: etree._Element) -> str:
    common = root.find("p:cSld", NS)
    return (common.get("name") or "") if common is not None else ""


def color_scheme(theme: etree._Element | None) -> model.ColorScheme:
    """The theme's colour scheme (black and white where a slot is missing)."""
    scheme = theme.find("a:themeElements/a:clrScheme", NS) if theme is not None else None
    ctx = ColorContext({}, {})
    colors = {}
    for slot in SCHEME_SLOTS:
        slot_element = scheme.find(f"a:{slot}", NS) if scheme is not None else None
        colors[slot] = resolve(color_child(slot_element), ctx) or FALLBACK_SCHEME[slot]
    name = scheme.get("name", "") if scheme is not None else ""
    return model.ColorScheme(name=name, **colors)


def fonts(theme: etree._Element | None) -> model.Fonts:
    """The theme's major (headings) and minor (body) latin typefaces."""
    found: list[str | None] = []
    for kind in ("majorFont", "minorFont"):
        path = f"a:themeElements/a:fontScheme/a:{kind}/a:latin"
        latin = theme.find(path, NS) if theme is not None else None
        found.append((latin.get("typeface") or None) if latin is not None else None)
    return model.Fonts(found[0], found[1])


def text_fonts(styles: etree._Element | None, theme_fonts: model.Fonts) -> model.Fonts:
    """The fonts the master's title and body text styles use (theme fonts resolved)."""
    found: list[str | None] = []
    for style, default in (("p:titleStyle", theme_fonts.major), ("p:bodyStyle", theme_fonts.minor)):
        path = f"{style}/a:lvl1pPr/a:defRPr/a:latin"
        latin = styles.find(path, NS) if styles is not None else None
        typeface = (latin.get("typeface") or None) if latin is not None else None
        themed = {"+mj-lt": theme_fonts.major, "+mn-lt": theme_fonts.minor}
        found.append(themed.get(typeface, typeface) if typeface else default)
    return model.Fonts(found[0], found[1])


def background(owner: Owner, theme: etree._Element | None, source: str) -> model.Background | None:
    """The background a master or layout sets itself, or None when it sets none."""
    bg = owner.root.find("p:cSld/p:bg", NS)
    if bg is None:
        return None
    properties = bg.find("p:bgPr", NS)
    if properties is not None:
        fill = fill_in(properties, owner.ctx, owner.images)
    else:
        fill = _theme_background(bg.find("p:bgRef", NS), owner, theme)
    if fill is None:
        return None
    if fill.kind == "none":
        return model.Background("none", "FFFFFF", source, "no fill: white")
    return model.Background(fill.kind, fill.color, source, fill.detail, fill.grid)


def _theme_background(
    reference: etree._Element | None, owner: Owner, theme: etree._Element | None
) -> Fill | None:
    """A ``<p:bgRef>``: a fill from the theme's style lists, coloured by the reference."""
    if reference is None or theme is None:
        return None
    idx = int_attr(reference, "idx", 0) or 0
    if idx >= 1001:
        styles, position = "a:bgFillStyleLst", idx - 1001
    elif idx >= 1:
        styles, position = "a:fillStyleLst", idx - 1
    else:
        return None
    style_list = theme.find(f"a:themeElements/a:fmtScheme/{styles}", NS)
    if style_list is None or position >= len(style_list):
        return None
    color = resolve(color_child(reference), owner.ctx)
    ctx = ColorContext(owner.ctx.scheme, owner.ctx.clr_map, color)
    return fill_of(style_list[position], ctx, owner.images)


def load_template(path: Path) -> tuple[SanitizedTemplate, model.Template | None]:
    """Sanitize ``path`` and, when it is usable, read its model."""
    sanitized = sanitize_file(path)
    if sanitized.data is None:
        return sanitized, None
    return sanitized, read_template(sanitized.data)
