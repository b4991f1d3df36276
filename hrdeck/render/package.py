"""Package-level helpers: linear-time part creation and a reproducible save.

python-pptx names each new part by walking every part in the package
(``OpcPackage.next_partname``, issue #644) and finds images by walking them again,
so a deck of N slides with notes and a logo costs O(N²).  :class:`PartFactory`
hands out notes-slide part names from a counter and reuses image parts, touching
only the slide being built.  Nothing is patched globally.

:func:`reproducible_bytes` saves with core properties taken from the plan and
rewrites the zip with fixed timestamps and a stable entry order, so the same plan
gives byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any, cast

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.slide import CT_NotesSlide
from pptx.parts.image import ImagePart
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.presentation import Presentation
from pptx.shapes.picture import Picture
from pptx.slide import NotesSlide, Slide
from pptx.util import Length

from hrdeck.deckplan import DeckPlan

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_NOTES_NUMBER = re.compile(r"^/ppt/notesSlides/notesSlide(\d+)\.xml$")


class PartFactory:
    """Creates notes slides and pictures without walking the whole package."""

    def __init__(self, prs: Presentation) -> None:
        self._prs = prs
        self._images: dict[Path, ImagePart] = {}
        used = [_NOTES_NUMBER.match(str(p.partname)) for p in prs.part.package.iter_parts()]
        self._next_notes = 1 + max((int(m.group(1)) for m in used if m), default=0)
        self._notes_master_part: Any = None

    def notes_slide(self, slide: Slide) -> NotesSlide:
        """A new notes slide for `slide` (which must not have one yet)."""
        slide_part: SlidePart = slide.part
        if self._notes_master_part is None:
            self._notes_master_part = self._prs.part.notes_master_part
        master_part = self._notes_master_part
        partname = PackURI(f"/ppt/notesSlides/notesSlide{self._next_notes}.xml")
        self._next_notes += 1
        part = NotesSlidePart(partname, CT.PML_NOTES_SLIDE, slide_part.package, CT_NotesSlide.new())
        part.relate_to(master_part, RT.NOTES_MASTER)
        part.relate_to(slide_part, RT.SLIDE)
        part.notes_slide.clone_master_placeholders(master_part.notes_master)
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


def set_core_properties(prs: Presentation, plan: DeckPlan) -> None:
    """Core properties from the plan only (no clock, no user name)."""
    stamp = plan_datetime(plan.date)
    props = prs.core_properties
    props.title = plan.course_title
    props.subject = plan.audience_label
    props.author = plan.presenter or "hrdeck"
    props.last_modified_by = "hrdeck"
    props.revision = 1
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp
    props.language = plan.language
    props.keywords = f"hrdeck; {plan.course_id}; {plan.audience}"


def plan_datetime(date: str) -> dt.datetime:
    """The plan's ISO date (or datetime) as a naive datetime; 2000-01-01 if unparsable."""
    try:
        parsed = dt.datetime.fromisoformat(date)
    except (TypeError, ValueError):
        return dt.datetime(2000, 1, 1)
    return parsed.replace(tzinfo=None, microsecond=0)


def reproducible_bytes(prs: Presentation, plan: DeckPlan) -> bytes:
    """Save `prs` and return zip bytes that depend only on its content."""
    set_core_properties(prs, plan)
    raw = io.BytesIO()
    prs.save(raw)
    return normalise_zip(raw.getvalue())


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps, fixed permissions and a stable order."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    entries.sort(key=lambda entry: _entry_rank(entry[0]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, payload in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, payload, compresslevel=6)
    return out.getvalue()


def _entry_rank(name: str) -> tuple[int, str]:
    """[Content_Types].xml first (Office expects it), then _rels, then the rest by name."""
    if name == "[Content_Types].xml":
        return (0, name)
    if name.startswith("_rels/"):
        return (1, name)
    return (2, name)
