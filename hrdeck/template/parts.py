"""The parts of a template package while it is checked and repaired, parsed lazily.

Every XML part is parsed once, with the hardened parser; a part that cannot be parsed
is reported once (``bad-template`` naming it) and then treated as absent.  Changed
trees and relationship lists are serialised again only when the package is written.
"""

from __future__ import annotations

import posixpath

from lxml import etree

from hrdeck.template.opc import (
    CONTENT_TYPES,
    ContentTypes,
    Relationship,
    parse_rels,
    rels_bytes,
    rels_name,
)
from hrdeck.template.problems import Problem, repaired
from hrdeck.template.xmlsafe import ParsedPart, parse_part

XML_SUFFIXES = (".xml", ".rels", ".vml")


def is_xml(part: str, content_type: str | None) -> bool:
    """Parts hrdeck parses: XML by name or by content type."""
    if part.casefold().endswith(XML_SUFFIXES):
        return True
    return content_type is not None and content_type.endswith("xml")


class PackageParts:
    """A package's files, parsed on demand, with the changes made to them."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files
        self.problems: list[Problem] = []
        self.types = ContentTypes()
        self._parsed: dict[str, ParsedPart | None] = {}
        self._rels: dict[str, list[Relationship]] = {}
        self._changed: set[str] = set()
        self.added: list[str] = []

    def exists(self, part: str) -> bool:
        return part in self.files

    def xml(self, part: str) -> etree._Element | None:
        """The root of ``part``, or None when it is missing or not well-formed."""
        if part not in self._parsed:
            self._parsed[part] = self._parse(part)
        parsed = self._parsed[part]
        return parsed.root if parsed is not None else None

    def _parse(self, part: str) -> ParsedPart | None:
        if part not in self.files:
            return None
        parsed = parse_part(self.files[part], part)
        if isinstance(parsed, Problem):
            self.problems.append(parsed)
            return None
        if parsed.had_doctype:
            self.problems.append(repaired(part, f"removed the DOCTYPE declaration from {part}"))
            self._changed.add(part)
        return parsed

    def changed(self, part: str) -> None:
        """Mark a part whose tree was edited, so it is written from the tree."""
        self._changed.add(part)

    def rels(self, part: str) -> list[Relationship]:
        """The relationships whose source is ``part`` ('' is the package itself)."""
        if part not in self._rels:
            root = self.xml(rels_name(part))
            self._rels[part] = parse_rels(root, part) if root is not None else []
        return self._rels[part]

    def related(self, part: str, short_type: str) -> list[str]:
        """Internal targets of ``part``'s relationships of one type (e.g. ``slideLayout``)."""
        return [r.target for r in self.rels(part) if r.short_type == short_type and not r.external]

    def target_of(self, part: str, rid: str) -> Relationship | None:
        return next((r for r in self.rels(part) if r.rid == rid), None)

    def set_rels(self, part: str, rels: list[Relationship]) -> None:
        self._rels[part] = rels

    def add_relationship(self, source: str, rel_type: str, target: str) -> str:
        """Relate ``source`` to ``target`` with a fresh id; returns the id."""
        rels = self.rels(source)
        taken = {r.rid for r in rels}
        number = len(rels) + 1
        while f"rId{number}" in taken:
            number += 1
        rid = f"rId{number}"
        self.set_rels(source, [*rels, Relationship(rid, rel_type, target, external=False)])
        return rid

    def add_part(self, part: str, content_type: str, data: bytes) -> None:
        self.files[part] = data
        self.added.append(part)
        self.types.overrides[part.casefold()] = content_type
        self._parsed.pop(part, None)

    def free_name(self, wanted: str) -> str:
        """``wanted``, or ``stem2.ext``, ``stem3.ext``... if a file already has that name."""
        stem, ext = posixpath.splitext(wanted)
        taken = {name.casefold() for name in self.files}
        name, number = wanted, 1
        while name.casefold() in taken:
            number += 1
            name = f"{stem}{number}{ext}"
        return name

    def output(self, keep: list[str]) -> dict[str, bytes]:
        """The files to write: the ``keep`` parts, their relationships, content types."""
        out: dict[str, bytes] = {}
        for part in keep:
            out[part] = self._bytes_of(part)
            rels = self.rels(part)
            if rels:
                out[rels_name(part)] = rels_bytes(rels, part)
        if self.rels(""):
            out[rels_name("")] = rels_bytes(self.rels(""), "")
        out[CONTENT_TYPES] = self.types.to_bytes(list(out))
        return out

    def _bytes_of(self, part: str) -> bytes:
        parsed = self._parsed.get(part)
        if part in self._changed and parsed is not None:
            return parsed.clean_bytes()
        return self.files[part]
