"""Package-level helpers: linear-time part creation and a reproducible save.

python-pptx names each new part by walking every part in the package
(``OpcPackage.next_partname``, issue #644) and finds images by walking them again,
so a deck of N slides with notes and a logo costs O(N²).  :class:`PartFactory`
hands out notes-slide part names from a counter and reuses image parts, touching
only the slide being built.  Nothing is patched globally.

:func:`reproducible_bytes` saves with core properties taken from the plan and
rewrites the zip with fixed timestamps and a stable entry order, so the same plan
gives byte-identical files.  The one timestamp (document created/modified, every
zip entry) is ``SOURCE_DATE_EPOCH`` when set (reproducible-builds.org), else the
course's own ``date``: never the clock.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
import posixpath
import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.opc.serialized import PackageWriter
from pptx.oxml.ns import qn
from pptx.oxml.slide import CT_NotesSlide, CT_Slide
from pptx.parts.image import ImagePart
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.presentation import Presentation
from pptx.shapes.picture import Picture
from pptx.shapes.shapetree import SlideShapes
from pptx.slide import NotesSlide, Slide, SlideLayout
from pptx.util import Length

from hrdeck.errors import UsageError
from hrdeck.plan.types import DeckPlan

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip entry can carry
_ZIP_LATEST = dt.datetime(2107, 12, 31, 23, 59, 58)
FALLBACK_DATE = dt.datetime(2000, 1, 1)
PROPERTY_LIMIT = 255  # characters in a core property (python-pptx enforces Office's limit)
_NOTES_NUMBER = re.compile(r"^/ppt/notesSlides/notesSlide(\d+)\.xml$")
_SLIDE_NUMBER = re.compile(r"^/ppt/slides/slide(\d+)\.xml$")


class PartFactory:
    """Creates slides, notes slides and pictures without walking the whole package.

    Slides and notes slides are copied from a prototype element per layout (built
    once with python-pptx's own placeholder cloning), named from counters, and
    related to the presentation without python-pptx's linear search for an existing
    relationship (a new part cannot have one).
    """

    def __init__(self, prs: Presentation) -> None:
        self._prs = prs
        self._images: dict[Path, ImagePart] = {}
        names = [str(p.partname) for p in prs.part.package.iter_parts()]
        self._next_notes = 1 + _highest(_NOTES_NUMBER, names)
        self._next_slide = 1 + _highest(_SLIDE_NUMBER, names)
        id_list = prs.slides._sldIdLst
        self._next_slide_id = 1 + max([255, *(int(i.get("id")) for i in id_list)])
        self._notes_master_part: Any = None
        self._notes_prototype: Any = None
        self._slide_prototypes: dict[int, Any] = {}

    def add_slide(self, layout: SlideLayout) -> Slide:
        """A new slide at the end of the deck, with the layout's placeholders cloned."""
        partname = PackURI(f"/ppt/slides/slide{self._next_slide}.xml")
        self._next_slide += 1
        element = copy.deepcopy(self._slide_prototype(layout))
        package = self._prs.part.package
        slide_part = SlidePart(partname, CT.PML_SLIDE, package, element)
        slide_part.relate_to(layout.part, RT.SLIDE_LAYOUT)
        rId = self._prs.part.rels._add_relationship(RT.SLIDE, slide_part)
        id_list = self._prs.slides._sldIdLst
        slide_id = etree.SubElement(id_list, qn("p:sldId"), id=str(self._next_slide_id))
        slide_id.set(qn("r:id"), rId)
        self._next_slide_id += 1
        return slide_part.slide

    def _slide_prototype(self, layout: SlideLayout) -> Any:
        key = id(layout.part)
        if key not in self._slide_prototypes:
            element = CT_Slide.new()
            SlideShapes(element.cSld.spTree, cast(Any, None)).clone_layout_placeholders(layout)
            self._slide_prototypes[key] = element
        return self._slide_prototypes[key]

    def notes_slide(self, slide: Slide) -> NotesSlide:
        """A new notes slide for `slide` (which must not have one yet)."""
        slide_part: SlidePart = slide.part
        if self._notes_master_part is None:
            self._notes_master_part = self._prs.part.notes_master_part
        master_part = self._notes_master_part
        partname = PackURI(f"/ppt/notesSlides/notesSlide{self._next_notes}.xml")
        self._next_notes += 1
        prototype = self._notes_prototype
        element = CT_NotesSlide.new() if prototype is None else copy.deepcopy(prototype)
        part = NotesSlidePart(partname, CT.PML_NOTES_SLIDE, slide_part.package, element)
        part.relate_to(master_part, RT.NOTES_MASTER)
        part.relate_to(slide_part, RT.SLIDE)
        if prototype is None:
            part.notes_slide.clone_master_placeholders(master_part.notes_master)
            self._notes_prototype = copy.deepcopy(element)
        slide_part.relate_to(part, RT.NOTES_SLIDE)
        return part.notes_slide

    def picture(
        self,
        slide: Slide,
        path: Path,
        left: Length,
        top: Length,
        width: Length | None,
        height: Length | None,
    ) -> Picture:
        """Add the image at `path` to `slide`, sharing one image part per file."""
        image_part = self._images.get(path)
        if image_part is None:
            picture = slide.shapes.add_picture(str(path), left, top, width, height)
            rId = str(picture._element.blip_rId)
            self._images[path] = cast(ImagePart, picture.part.related_part(rId))
            return picture
        rId = slide.part.relate_to(image_part, RT.IMAGE)
        slide.shapes._add_pic_from_image_part(image_part, rId, left, top, width, height)
        return slide.shapes[-1]  # type: ignore[return-value]


def _highest(pattern: re.Pattern[str], names: list[str]) -> int:
    found = (pattern.match(name) for name in names)
    return max((int(m.group(1)) for m in found if m), default=0)


def set_core_properties(prs: Presentation, plan: DeckPlan, stamp: dt.datetime) -> None:
    """Core properties from the plan and `stamp` only (no clock, no user name)."""
    props = prs.core_properties
    props.title = _property(plan.course_title)
    props.subject = _property(plan.audience_label)
    props.author = _property(plan.presenter or "hrdeck")
    props.last_modified_by = "hrdeck"
    props.comments = _property(f"Built with hrdeck from the {plan.course_id} curriculum")
    props.revision = 1
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp
    props.language = plan.language
    props.keywords = _property(f"hrdeck; {plan.course_id}; {plan.audience}")


def _property(text: str) -> str:
    """A document property fits Office's 255-character limit (the slides keep the full text)."""
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "…"


def plan_datetime(date: str) -> dt.datetime:
    """The plan's ISO date (or datetime) as a naive UTC datetime; 2000-01-01 if unparsable."""
    try:
        parsed = dt.datetime.fromisoformat(date)
    except (TypeError, ValueError):
        return FALLBACK_DATE
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC)
    return parsed.replace(tzinfo=None, microsecond=0)


def source_date_epoch(
    environ: Mapping[str, str] = os.environ,
) -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as a naive UTC datetime; None when unset or empty.

    A malformed value is an error, as the specification asks: silently falling back
    to another date would make a "reproducible" build quietly differ.
    """
    raw = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        seconds = int(raw)
        stamp = dt.datetime.fromtimestamp(seconds, dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise UsageError(
            f"SOURCE_DATE_EPOCH={raw!r} is not a whole number of seconds since "
            "1970-01-01 UTC; unset it, or set it to e.g. $(git log -1 --format=%ct)"
        ) from None
    return stamp.replace(tzinfo=None)


def deck_timestamp(plan: DeckPlan) -> dt.datetime:
    """The one timestamp a deck carries: SOURCE_DATE_EPOCH when set, else the course date."""
    return source_date_epoch() or plan_datetime(plan.date)


def zip_time(stamp: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """`stamp` as a zip entry's date_time, kept inside the range a zip can hold."""
    if stamp < dt.datetime(*ZIP_TIME):
        return ZIP_TIME
    stamp = min(stamp, _ZIP_LATEST)
    return (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)


def reproducible_bytes(prs: Presentation, plan: DeckPlan) -> bytes:
    """The .pptx bytes of `prs`: fixed timestamps and permissions, a stable entry order.

    python-pptx's own package writer serialises the parts into memory (no zip, no
    clock); the zip is then written once here.
    """
    stamp = deck_timestamp(plan)
    set_core_properties(prs, plan, stamp)
    package = prs.part.package
    collector = _EntryCollector()
    _CollectingWriter(cast(Any, collector), package._rels, tuple(package.iter_parts()))._write()
    return zip_entries(collector.entries, zip_time(stamp))


class _EntryCollector:
    """Stands in for python-pptx's zip writer: keeps each member's bytes."""

    def __init__(self) -> None:
        self.entries: dict[str, bytes] = {}

    def __enter__(self) -> _EntryCollector:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        self.entries[pack_uri.membername] = blob


class _CollectingWriter(PackageWriter):
    """python-pptx's PackageWriter, writing into an :class:`_EntryCollector`."""

    def _write(self) -> None:
        collector = cast(Any, self._pkg_file)
        self._write_content_types_stream(collector)
        self._write_pkg_rels(collector)
        self._write_parts(collector)

    def _write_parts(self, phys_writer: Any) -> None:
        """As python-pptx does, with each part's .rels built by :func:`rels_xml`."""
        for part in self._parts:
            phys_writer.write(part.partname, part.blob)
            if part._rels:
                phys_writer.write(part.partname.rels_uri, rels_xml(part.rels))


_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_RELS_TAG = f"{{{_RELS_NS}}}Relationships"
_REL_TAG = f"{{{_RELS_NS}}}Relationship"


def rels_xml(rels: Any) -> bytes:
    """The .rels bytes python-pptx writes (``_Relationships.xml``: relationships in
    numerical rId order, TargetMode only when external), built with plain lxml instead
    of parsing a template element per relationship; a test compares the two."""
    root = etree.Element(_RELS_TAG, nsmap={None: _RELS_NS})
    numbered = sorted(
        (int(rId[3:]) if rId.startswith("rId") and rId[3:].isdigit() else 0, rId) for rId in rels
    )
    for _, rId in numbered:
        rel = rels[rId]
        element = etree.SubElement(root, _REL_TAG)
        element.set("Id", rId)
        element.set("Type", rel.reltype)
        if rel.is_external:
            element.set("Target", rel.target_ref)
            element.set("TargetMode", "External")
        else:
            element.set("Target", _relative_ref(str(rel.target_partname), rel._base_uri))
    return etree.tostring(root, encoding="UTF-8", standalone=True)


def _relative_ref(partname: str, base: str) -> str:
    """``PackURI.relative_ref`` (posixpath.relpath) without its cost for the usual cases:
    a part in the base folder itself or in a sibling folder of it."""
    if base == "/":
        return partname[1:]
    folder, _, name = partname.rpartition("/")
    if folder == base:
        return name
    parent, _, sibling = folder.rpartition("/")
    if parent and parent == base.rpartition("/")[0]:
        return f"../{sibling}/{name}"
    return posixpath.relpath(partname, base)


def normalise_zip(data: bytes, date_time: tuple[int, ...] = ZIP_TIME) -> bytes:
    """Rewrite any zip with fixed timestamps, fixed permissions and a stable order."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    return zip_entries(entries, date_time)


def zip_entries(entries: dict[str, bytes], date_time: tuple[int, ...] = ZIP_TIME) -> bytes:
    """A zip of `entries` that depends only on their names, bytes and `date_time`."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(entries, key=_entry_rank):
            info = zipfile.ZipInfo(name, date_time=cast(Any, date_time))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, entries[name], compresslevel=6)
    return out.getvalue()


def _entry_rank(name: str) -> tuple[int, str]:
    """[Content_Types].xml first (Office expects it), then _rels, then the rest by name."""
    if name == "[Content_Types].xml":
        return (0, name)
    if name.startswith("_rels/"):
        return (1, name)
    return (2, name)
