"""One hardened XML parser for every template part, and the namespaces they use.

Template parts come from strangers: the parser never loads a DTD, never touches the
network, never expands entities and keeps lxml's size limits (no ``huge_tree``).  A
part that declares a DOCTYPE is kept without it; a part that *uses* an entity (which
only a DTD could define) is refused, since its text would change meaning.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from hrdeck.template.problems import Problem, bad

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "p14": "http://schemas.microsoft.com/office/powerpoint/2010/main",
}


def qn(tag: str) -> str:
    """``"p:cSld"`` -> Clark notation ``"{namespace}cSld"``."""
    prefix, local = tag.split(":")
    return f"{{{NS[prefix]}}}{local}"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


@dataclass(frozen=True)
class ParsedPart:
    """A well-formed part: its root element, and whether a DOCTYPE was dropped."""

    root: etree._Element
    had_doctype: bool

    def clean_bytes(self) -> bytes:
        """The part serialised without any DOCTYPE (the root only, never the tree)."""
        return etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)


def parse_part(data: bytes, part: str) -> ParsedPart | Problem:
    """Parse one part with the hardened parser; a located ``bad-template`` if it fails."""
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or 0
        reason = str(exc.msg or exc).split(", line")[0]
        return bad(part, f"{part} is not well-formed XML ({reason})", line=line)
    except (ValueError, TypeError) as exc:  # e.g. bytes lxml cannot decode at all
        return bad(part, f"{part} is not readable XML ({exc})")
    entities = sorted({node.name for node in root.iter(etree.Entity)} | _in_attributes(root))
    if entities:
        names = ", ".join(f"&{name};" for name in entities)
        message = f"{part} uses the entity {names}, which only a DTD could define"
        hint = "hrdeck never expands entities; " + _RESAVE
        return bad(part, message, hint, line=_first_entity_line(root))
    return ParsedPart(root, bool(root.getroottree().docinfo.doctype))


def _in_attributes(root: etree._Element) -> set[str]:
    """Entities of the part's own DTD used in attribute values.

    lxml gives such a value expanded but writes the reference back out, where no DTD
    defines it any more; so a use is found in the serialised part.
    """
    dtd = root.getroottree().docinfo.internalDTD
    declared = [entity.name for entity in dtd.iterentities()] if dtd is not None else []
    if not declared:
        return set()
    text = etree.tostring(root)
    return {name for name in declared if name and f"&{name};".encode() in text}


_RESAVE = "save the template again from PowerPoint or LibreOffice (they write no DTDs)"


def _first_entity_line(root: etree._Element) -> int:
    for node in root.iter(etree.Entity):
        return node.sourceline or 0
    return 0


def int_attr(element: etree._Element | None, name: str, default: int | None = None) -> int | None:
    """An integer attribute, or ``default`` when absent or not an integer."""
    if element is None:
        return default
    value = element.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        return default


def local_name(element: etree._Element) -> str:
    return etree.QName(element).localname
