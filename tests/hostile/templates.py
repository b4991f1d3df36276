"""Damaged agency templates: python-pptx's stock deck with one part broken.

Items 3 and 4 of issue 14 (missing parts, truncated or empty XML, a master without
``<p:cSld>``, DTDs and entities) and the sweep's variants.  Each damage is a function
from the package's parts (name -> bytes) to the damaged parts; :func:`template_bytes`
applies it to a fresh stock deck.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from functools import cache

import pptx

Parts = dict[str, bytes]
Damage = Callable[[Parts], Parts]

THEME = "ppt/theme/theme1.xml"
MASTER = "ppt/slideMasters/slideMaster1.xml"
SLIDE = "ppt/slides/slide1.xml"
BODY_LAYOUT = "ppt/slideLayouts/slideLayout2.xml"  # "Title and Content"
PRESENTATION = "ppt/presentation.xml"
CONTENT_TYPES = "[Content_Types].xml"
XML_DECLARATION = re.compile(rb"^<\?xml[^>]*\?>\s*")
FIRST_UNNAMED_SHAPE = b'name=""'

LAUGHS = b'<!ENTITY lol "lol">' + b"".join(
    b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10)
    for n in range(1, 10)
)


@cache
def stock_parts(with_slide: bool = False) -> tuple[tuple[str, bytes], ...]:
    """python-pptx's default deck (4:3, the usual layout names), with a notes master,
    and with one titled slide when ``with_slide``."""
    deck = pptx.Presentation()
    deck.notes_master  # noqa: B018 -- python-pptx adds the part on first access
    if with_slide:
        deck.slides.add_slide(deck.slide_layouts[1]).shapes.title.text = "A slide"
    stream = io.BytesIO()
    deck.save(stream)
    with zipfile.ZipFile(stream) as package:
        return tuple((name, package.read(name)) for name in package.namelist())


def template_bytes(damage: Damage | None = None, with_slide: bool = False) -> bytes:
    parts = dict(stock_parts(with_slide))
    if damage is not None:
        parts = damage(parts)
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return stream.getvalue()


def with_doctype(xml: bytes, declarations: bytes, use: bytes) -> bytes:
    """``xml`` with an internal DTD after its declaration and ``use`` in the first
    unnamed shape's (or the theme's) name."""
    declaration = XML_DECLARATION.match(xml)
    assert declaration is not None
    root = re.match(rb"<([\w:]+)", xml[declaration.end() :])
    assert root is not None
    doctype = b"<!DOCTYPE " + root.group(1) + b" [" + declarations + b"]>\n"
    body = xml[declaration.end() :]
    if FIRST_UNNAMED_SHAPE in body:
        body = body.replace(FIRST_UNNAMED_SHAPE, b'name="' + use + b'"', 1)
    else:
        body = re.sub(rb'name="[^"]*"', b'name="' + use + b'"', body, count=1)
    return declaration.group() + doctype + body


def changed(name: str, change: Callable[[bytes], bytes]) -> Damage:
    def damage(parts: Parts) -> Parts:
        return {**parts, name: change(parts[name])}

    return damage


def removed(name: str) -> Damage:
    def damage(parts: Parts) -> Parts:
        return {key: value for key, value in parts.items() if key != name}

    return damage


def internal_entity(xml: bytes) -> bytes:
    return with_doctype(xml, b'<!ENTITY xxe "Injected">', b"&xxe;")


def external_entity(xml: bytes) -> bytes:
    return with_doctype(xml, b'<!ENTITY xxe SYSTEM "file:///etc/hostname">', b"&xxe;")


def billion_laughs(xml: bytes) -> bytes:
    return with_doctype(xml, LAUGHS, b"&lol9;")


def halved(xml: bytes) -> bytes:
    return xml[: len(xml) // 2]


def emptied(_: bytes) -> bytes:
    return b""


def without_common_slide_data(xml: bytes) -> bytes:
    stripped = re.sub(rb"<p:cSld>.*?</p:cSld>", b"", xml, count=1, flags=re.DOTALL)
    assert stripped != xml
    return stripped


def slide_size(cx: int, cy: int) -> Callable[[bytes], bytes]:
    def change(xml: bytes) -> bytes:
        return re.sub(rb'<p:sldSz cx="\d+" cy="\d+"', b'<p:sldSz cx="%d" cy="%d"' % (cx, cy), xml)

    return change


def macro_enabled(parts: Parts) -> Parts:
    """Declared as a macro-enabled deck (.pptm) under a .pptx name."""
    types = parts[CONTENT_TYPES].replace(
        b"presentationml.presentation.main+xml", b"ms-powerpoint.presentation.macroEnabled.main+xml"
    )
    return {**parts, CONTENT_TYPES: types}


def no_masters(xml: bytes) -> bytes:
    return re.sub(rb"<p:sldMasterIdLst>.*?</p:sldMasterIdLst>", b"", xml, flags=re.DOTALL)


def declared_utf16(xml: bytes) -> bytes:
    return xml.replace(b"UTF-8", b"UTF-16", 1).replace(b"utf-8", b"UTF-16", 1)


ISSUE_DAMAGES: dict[str, tuple[Damage, str]] = {
    # name: (damage, the part a diagnostic should name)
    "missing-master": (removed(MASTER), "slideMaster1.xml"),
    "missing-layout": (removed(BODY_LAYOUT), "slideLayout2.xml"),
    "missing-theme": (removed(THEME), "theme1.xml"),
    "truncated-theme": (changed(THEME, halved), "theme1.xml"),
    "empty-theme": (changed(THEME, emptied), "theme1.xml"),
    "master-without-cSld": (changed(MASTER, without_common_slide_data), "slideMaster1.xml"),
    "theme-dtd-entity": (changed(THEME, internal_entity), "theme1.xml"),
    "theme-billion-laughs": (changed(THEME, billion_laughs), "theme1.xml"),
}
ENTITY_DAMAGES: dict[str, tuple[Damage, str]] = {
    "layout-dtd-entity": (changed(BODY_LAYOUT, internal_entity), "slideLayout2.xml"),
    "layout-external-entity": (changed(BODY_LAYOUT, external_entity), "slideLayout2.xml"),
    "master-dtd-entity": (changed(MASTER, internal_entity), "slideMaster1.xml"),
}
SWEEP_DAMAGES: dict[str, tuple[Damage, str]] = {
    "no-content-types": (removed(CONTENT_TYPES), "[Content_Types].xml"),
    "no-master-list": (changed(PRESENTATION, no_masters), "presentation.xml"),
    "zero-slide-size": (changed(PRESENTATION, slide_size(0, 0)), "presentation.xml"),
    "giant-slide-size": (
        changed(PRESENTATION, slide_size(2**31 - 1, 2**31 - 1)),
        "presentation.xml",
    ),
    "macro-enabled": (macro_enabled, "[Content_Types].xml"),
    "layout-declared-utf16": (changed(BODY_LAYOUT, declared_utf16), "slideLayout2.xml"),
    "presentation-billion-laughs": (changed(PRESENTATION, billion_laughs), "presentation.xml"),
}
