"""A QTI 1.2 reader for tests, written apart from the writer, to read hrdeck's package back.

It reads what an LMS reads: the manifest's QTI resource, then each ``item`` of the
assessment it names: the ident, the objective in the item metadata, the stem, the option
texts in order, the option ``resprocessing`` scores (``varequal`` with ``setvar`` 100)
and the general feedback the item displays.
"""

from __future__ import annotations

import dataclasses
import io
import xml.etree.ElementTree as ET
import zipfile

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"


@dataclasses.dataclass(frozen=True)
class QtiItem:
    id: str
    kind: str
    objective: str
    stem: str
    options: tuple[str, ...]
    answer: int
    reason: str


def parse_qti(data: bytes) -> list[QtiItem]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
        (resource,) = [
            r for r in manifest.iter(f"{CP}resource") if r.get("type") == "imsqti_xmlv1p2"
        ]
        assessment = ET.fromstring(archive.read(str(resource.get("href"))))
    return [_item(item) for item in assessment.iter(f"{QTI}item")]


def _item(item: ET.Element) -> QtiItem:
    metadata = {
        field.findtext(f"{QTI}fieldlabel"): field.findtext(f"{QTI}fieldentry")
        for field in item.iter(f"{QTI}qtimetadatafield")
    }
    presentation = item.find(f"{QTI}presentation")
    assert presentation is not None
    stem = presentation.findtext(f"{QTI}material/{QTI}mattext") or ""
    labels = list(presentation.iter(f"{QTI}response_label"))
    options = tuple(label.findtext(f"{QTI}material/{QTI}mattext") or "" for label in labels)
    idents = [label.get("ident") for label in labels]
    return QtiItem(
        id=str(item.get("ident")),
        kind=str(metadata["question_type"]),
        objective=str(metadata["objective"]),
        stem=stem,
        options=options,
        answer=idents.index(_scored(item)),
        reason=_feedback(item),
    )


def _scored(item: ET.Element) -> str:
    """The option whose condition sets the score to 100."""
    for condition in item.iter(f"{QTI}respcondition"):
        score = condition.find(f"{QTI}setvar")
        right = condition.find(f"{QTI}conditionvar/{QTI}varequal")
        if score is not None and right is not None and (score.text or "").strip() == "100":
            return (right.text or "").strip()
    raise AssertionError(f"item {item.get('ident')} scores no option")


def _feedback(item: ET.Element) -> str:
    shown = {display.get("linkrefid") for display in item.iter(f"{QTI}displayfeedback")}
    for feedback in item.iter(f"{QTI}itemfeedback"):
        if feedback.get("ident") in shown:
            return feedback.findtext(f".//{QTI}mattext") or ""
    raise AssertionError(f"item {item.get('ident')} shows no feedback")
