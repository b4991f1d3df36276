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
from pptx.presentation import Presentation
from pptx.shapes.picture import Picture
from pptx.slide import NotesSlide, Slide, SlideLayout
from pptx.util import Length

from hrdeck.errors import UsageError
from hrdeck.plan.types import DeckPlan
from hrdeck.render import oxml

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
        self._images: dict[Path, Any] = {}
        names = [str(p.partname) for p in prs.part.package.iter_parts()]
        self._next_notes = 1 + _highest(_NOTES_NUMBER, names)
        self._next_slide = 1 + _highest(_SLIDE_NUMBER, names)
        slide_ids = (int(i.get("id")) for i in oxml.slide_id_list(prs))
        self._next_slide_id = 1 + max([255, *slide_ids])
        self._notes_master_part: Any = None
        self._notes_prototype: Any = None
        self._slide_prototypes: dict[int, Any] = {}

    def add_slide(self, layout: SlideLayout) -> Slide:
        """A new slide at the end of the deck, with the layout's placeholders cloned."""
        partname = f"/ppt/slides/slide{self._next_slide}.xml"
        self._next_slide += 1
        element = copy.deepcopy(self._slide_prototype(layout))
        slide = oxml.attach_slide(self._prs, element, layout, partname, self._next_slide_id)
        self._next_slide_id += 1
        return slide

    def _slide_prototype(self, layout: SlideLayout) -> Any:
        key = id(layout.part)
        if key not in self._slide_prototypes:
            self._slide_prototypes[key] = oxml.new_slide_element(layout)
        return self._slide_prototypes[key]

    def notes_slide(self, slide: Slide) -> NotesSlide:
        """A new notes slide for `slide` (which must not have one yet)."""
        if self._notes_master_part is None:
            self._notes_master_part = oxml.notes_master_part(self._prs)
        master_part = self._notes_master_part
        partname = f"/ppt/notesSlides/notesSlide{self._next_notes}.xml"
        self._next_notes += 1
        prototype = self._notes_prototype
        element = oxml.new_notes_element() if prototype is None else copy.deepcopy(prototype)
        notes_slide = oxml.attach_notes_slide(slide, master_part, element, partname)
        if prototype is None:
            notes_slide.clone_master_placeholders(self._prs.notes_master)
            self._notes_prototype = copy.deepcopy(element)
        return notes_slide

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
            self._images[path] = oxml.image_part_of(picture)
            return picture
        return oxml.add_picture_from_part(slide, image_part, left, top, width, height)


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

    Each part is serialised as python-pptx's package writer does (its .rels built by
    :func:`rels_xml`), into memory; the zip is then written once here.
    """
    stamp = deck_timestamp(plan)
    set_core_properties(prs, plan, stamp)
    return zip_entries(package_entries(prs), zip_time(stamp))


def package_entries(prs: Presentation) -> dict[str, bytes]:
    """Every zip member of the saved deck: content types, relationships and parts."""
    package = prs.part.package
    parts = tuple(package.iter_parts())
    entries = {
        "[Content_Types].xml": oxml.content_types_xml(parts),
        "_rels/.rels": oxml.package_rels_xml(package),
    }
    for part in parts:
        partname = part.partname
        entries[partname.membername] = part.blob
        if part.rels:
            entries[partname.rels_uri.membername] = rels_xml(part.rels, partname.baseURI)
    return entries


_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_RELS_TAG = f"{{{_RELS_NS}}}Relationships"
_REL_TAG = f"{{{_RELS_NS}}}Relationship"


def rels_xml(rels: Any, base_uri: str) -> bytes:
    """The .rels bytes python-pptx writes (``_Relationships.xml``: relationships in
    numerical rId order, TargetMode only when external) for the part whose folder is
    `base_uri`, built with plain lxml instead of parsing a template element per
    relationship; a test compares the two."""
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
            element.set("Target", _relative_ref(str(rel.target_partname), base_uri))
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
