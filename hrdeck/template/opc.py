"""The zip layer of a template: read parts within limits, content types, relationships.

Sizes are judged twice: from the zip directory before anything is decompressed, and
while reading, since a directory can lie.  Part names are kept as in the zip (no
leading slash); relationship targets are resolved against their source part.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from hrdeck.template.problems import Problem, bad

MAX_FILE_BYTES = 100 * 1024 * 1024  # a template with photos is a few MiB
MAX_TOTAL_BYTES = 300 * 1024 * 1024
MAX_PART_BYTES = 60 * 1024 * 1024
MAX_RATIO = 100  # XML compresses ~10-20x, images ~1x; far more is a bomb
MAX_ENTRIES = 5_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .ppt, or an encrypted OOXML file
CONTENT_TYPES = "[Content_Types].xml"
ROOT_RELS = "_rels/.rels"
BOMB_HINT = "use the agency's original template file"

RELS_CT = "application/vnd.openxmlformats-package.relationships+xml"
XML_CT = "application/xml"
DEFAULT_TYPES = {
    "rels": RELS_CT,
    "xml": XML_CT,
    "png": "image/png",
    "jpeg": "image/jpeg",
    "jpg": "image/jpeg",
    "gif": "image/gif",
    "bmp": "image/bmp",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "emf": "image/x-emf",
    "wmf": "image/x-wmf",
    "svg": "image/svg+xml",
}


class PackageRefused(Exception):
    """The file cannot be read as a package at all; carries the one problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def read_zip(blob: bytes, name: str) -> dict[str, bytes]:
    """Every file of the zip by name, in zip order; :class:`PackageRefused` if unsafe."""
    if blob.startswith(OLE_MAGIC):
        message = f"{name} is an old .ppt/.pot file or is password-protected"
        raise PackageRefused(bad("", message, "remove the password, or save it as .pptx/.potx"))
    if not zipfile.is_zipfile(io.BytesIO(blob)):
        raise PackageRefused(bad("", f"{name} is not a PowerPoint file (it is not a zip package)"))
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            entries = [info for info in archive.infolist() if not info.is_dir()]
            _refuse_bomb(entries, len(blob), name)
            return _read_entries(archive, entries, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as exc:
        raise PackageRefused(bad("", f"{name} is a damaged zip package ({exc})")) from exc


def _refuse_bomb(entries: list[zipfile.ZipInfo], packed: int, name: str) -> None:
    """Judge sizes from the directory before decompressing anything."""
    if len(entries) > MAX_ENTRIES:
        message = f"{name} holds {len(entries)} files; a template holds far fewer"
        raise PackageRefused(bad("", message, BOMB_HINT))
    total = sum(info.file_size for info in entries)
    if total > MAX_TOTAL_BYTES or total > MAX_RATIO * max(packed, 1):
        message = (
            f"{name} would expand to {total / 1024 / 1024:.0f} MiB from "
            f"{packed / 1024 / 1024:.1f} MiB; refusing it as a possible zip bomb"
        )
        raise PackageRefused(bad("", message, BOMB_HINT))
    for info in entries:
        if info.file_size > MAX_PART_BYTES:
            message = f"{info.filename} would expand to {info.file_size // 1024 // 1024} MiB"
            raise PackageRefused(bad(info.filename, message, BOMB_HINT))
        if info.flag_bits & 0x1:
            raise PackageRefused(bad(info.filename, f"{info.filename} is encrypted"))


def _read_entries(
    archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo], name: str
) -> dict[str, bytes]:
    parts: dict[str, bytes] = {}
    seen: set[str] = set()
    total = 0
    for info in entries:
        key = info.filename.lstrip("/")
        if key.casefold() in seen:
            raise PackageRefused(bad(key, f"{name} holds {key} twice"))
        seen.add(key.casefold())
        data = _read_capped(archive, info)
        total += len(data)
        if total > MAX_TOTAL_BYTES:
            raise PackageRefused(bad(key, f"{name} expands beyond its stated size", BOMB_HINT))
        parts[key] = data
    return parts


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """One entry, reading no more than the per-part limit even if the directory lies."""
    try:
        with archive.open(info) as stream:
            data = stream.read(MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, OSError) as exc:
        message = f"{info.filename} cannot be unpacked ({exc})"
        raise PackageRefused(bad(info.filename, message)) from exc
    if len(data) > MAX_PART_BYTES:
        raise PackageRefused(bad(info.filename, f"{info.filename} is too large", BOMB_HINT))
    return data


def write_zip(parts: dict[str, bytes]) -> bytes:
    """A deflated zip of ``parts`` with ``[Content_Types].xml`` first and fixed times."""
    out = io.BytesIO()
    names = [CONTENT_TYPES, *(n for n in parts if n != CONTENT_TYPES)]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for part in names:
            info = zipfile.ZipInfo(part, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, parts[part])
    return out.getvalue()


# -- content types ---------------------------------------------------------------------


@dataclass
class ContentTypes:
    """``[Content_Types].xml``: defaults by extension, overrides by part name."""

    defaults: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_root(cls, root: etree._Element) -> ContentTypes:
        types = cls()
        ns = "{http://schemas.openxmlformats.org/package/2006/content-types}"
        for element in root.iter(ns + "Default"):
            extension = (element.get("Extension") or "").casefold()
            types.defaults[extension] = element.get("ContentType") or ""
        for element in root.iter(ns + "Override"):
            part = (element.get("PartName") or "").lstrip("/")
            types.overrides[part.casefold()] = element.get("ContentType") or ""
        return types

    def of(self, part: str) -> str | None:
        """The content type of ``part``, or None if the package does not say."""
        found = self.overrides.get(part.casefold())
        if found is not None:
            return found
        return self.defaults.get(posixpath.splitext(part)[1][1:].casefold())

    def to_bytes(self, parts: list[str]) -> bytes:
        """The XML for a package holding ``parts`` (overrides of absent parts dropped)."""
        ns = "http://schemas.openxmlformats.org/package/2006/content-types"
        root = etree.Element(f"{{{ns}}}Types", nsmap={None: ns})
        for extension, content_type in sorted(self.defaults.items()):
            etree.SubElement(
                root, f"{{{ns}}}Default", Extension=extension, ContentType=content_type
            )
        present = {p.casefold(): p for p in parts}
        for key, content_type in sorted(self.overrides.items()):
            if key in present:
                etree.SubElement(
                    root, f"{{{ns}}}Override", PartName="/" + present[key], ContentType=content_type
                )
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# -- relationships ---------------------------------------------------------------------


@dataclass(frozen=True)
class Relationship:
    rid: str
    type: str
    target: str  # a part name for internal targets, the raw target for external ones
    external: bool

    @property
    def short_type(self) -> str:
        """``.../relationships/slideMaster`` -> ``slideMaster``."""
        return self.type.rsplit("/", 1)[-1]


def rels_name(part: str) -> str:
    """The relationships part of ``part`` (``ppt/x.xml`` -> ``ppt/_rels/x.xml.rels``)."""
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def resolve(source: str, target: str) -> str:
    """A relationship target as a part name, relative to its source part's folder."""
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    folder = posixpath.dirname(source)
    return posixpath.normpath(posixpath.join(folder, target)).lstrip("/")


def parse_rels(root: etree._Element, source: str) -> list[Relationship]:
    """The relationships in a parsed ``.rels`` part whose source is ``source``."""
    found = []
    for element in root.iter("{http://schemas.openxmlformats.org/package/2006/relationships}*"):
        if etree.QName(element).localname != "Relationship":
            continue
        target = element.get("Target") or ""
        external = element.get("TargetMode") == "External"
        found.append(
            Relationship(
                element.get("Id") or "",
                element.get("Type") or "",
                target if external else resolve(source, target),
                external,
            )
        )
    return found


def rels_bytes(rels: list[Relationship], source: str) -> bytes:
    """Serialise relationships whose targets are part names, relative to ``source``."""
    ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    root = etree.Element(f"{{{ns}}}Relationships", nsmap={None: ns})
    folder = posixpath.dirname(source)
    for rel in rels:
        target = rel.target if rel.external else posixpath.relpath(rel.target, folder or ".")
        element = etree.SubElement(root, f"{{{ns}}}Relationship", Id=rel.rid, Type=rel.type)
        element.set("Target", target)
        if rel.external:
            element.set("TargetMode", "External")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
