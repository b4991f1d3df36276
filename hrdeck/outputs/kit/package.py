"""Save a document to bytes that depend only on the kit: same input, same bytes.

python-docx stamps the save time into the core properties and zipfile stamps each member
with the current time; both are replaced by the kit's date. Members keep python-docx's
order (which starts with ``[Content_Types].xml``, as some readers require), with fixed
timestamps, permissions and compression.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx.oxml.ns import qn

from hrdeck.outputs.kit.docbase import KitDocument

FILE_MODE = 0o644 << 16


def document_bytes(kd: KitDocument, title: str, subject: str) -> bytes:
    """The finished document as .docx bytes, with its properties set from the kit."""
    _set_properties(kd, title, subject)
    _number_drawings(kd)
    buffer = io.BytesIO()
    kd.document.save(buffer)
    return normalize_zip(buffer.getvalue(), _stamp(kd.kit.stamp_date))


def _set_properties(kd: KitDocument, title: str, subject: str) -> None:
    props = kd.document.core_properties
    moment = _stamp(kd.kit.stamp_date)
    props.title = title
    props.subject = subject
    props.author = kd.kit.brand.org_name
    props.last_modified_by = kd.kit.brand.org_name
    props.keywords = "harm reduction; training; hrdeck"
    props.comments = f"{kd.kit.session.course_title}, {kd.kit.session.audience_label}"
    props.language = kd.kit.session.language
    props.revision = 1
    props.created = moment
    props.modified = moment


def _number_drawings(kd: KitDocument) -> None:
    """Give every picture a package-wide unique ``wp:docPr`` id.

    python-docx counts ids per part, so the logo in the header and the first picture in
    the body would both be id 1, which Word treats as a defect.
    """
    next_id = 1
    for part in kd.document.part.package.iter_parts():
        root = getattr(part, "element", None)
        if root is None:
            continue
        for doc_pr in root.iter(qn("wp:docPr")):
            doc_pr.set("id", str(next_id))
            next_id += 1


def _stamp(iso_date: str) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(iso_date), dt.time(12, 0))


def normalize_zip(data: bytes, moment: dt.datetime) -> bytes:
    """Rewrite the zip with every member dated ``moment`` and no host-specific fields."""
    stamp = (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = FILE_MODE
            target.writestr(info, source.read(name), compresslevel=6)
    return out.getvalue()
