"""The question bank as an IMS QTI 1.2 package (a zip), for Canvas, Blackboard, Brightspace.

The zip holds ``imsmanifest.xml`` (an IMS content package naming one resource of type
``imsqti_xmlv1p2``) and the assessment, ``questions.xml``: one ``item`` per question,
identified by the question id, with its type and the learning objective in the item's
metadata, the stem and each option as plain text (``response_lid`` with one
``response_label`` per option, A, B, C ...), the right option scored 100 in
``resprocessing`` and the reason as general feedback. True/false items are choice items
with the options True and False, as Canvas writes them. The zip's members carry the
session date, so the same kit gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import string
import xml.etree.ElementTree as ET
import zipfile

from hrdeck.outputs.kit.checks import require_valid
from hrdeck.outputs.kit.model import Kit
from hrdeck.plan.session import QuestionPlan

QTI_NAMESPACE = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NAMESPACE = "http://www.imsglobal.org/xsd/imscp_v1p1"
ASSESSMENT_FILE = "questions.xml"
RESPONSE = "response1"
FEEDBACK = "general_fb"
LABELS = string.ascii_uppercase
QTI_TYPES = {"multiple-choice": "multiple_choice_question", "true-false": "true_false_question"}


def write_qti(kit: Kit) -> bytes:
    """The kit's question bank as a QTI 1.2 zip."""
    require_valid(kit)
    members = {
        "imsmanifest.xml": _xml(_manifest(kit)),
        ASSESSMENT_FILE: _xml(_assessment(kit)),
    }
    return _zip(members, kit.stamp_date)


def _assessment(kit: Kit) -> ET.Element:
    session = kit.session
    root = ET.Element("questestinterop", xmlns=QTI_NAMESPACE)
    title = f"{session.course_title}: {session.audience_label}"
    assessment = ET.SubElement(root, "assessment", ident=_ident(kit), title=title)
    section = ET.SubElement(assessment, "section", ident="root_section")
    for question in session.questions:
        section.append(_item(question))
    return root


def _ident(kit: Kit) -> str:
    return f"{kit.session.course_id}-{kit.session.audience}"


def _item(question: QuestionPlan) -> ET.Element:
    item = ET.Element("item", ident=question.id, title=question.id)
    _metadata(item, question)
    presentation = ET.SubElement(item, "presentation")
    _text(presentation, question.stem)
    choices = ET.SubElement(
        ET.SubElement(presentation, "response_lid", ident=RESPONSE, rcardinality="Single"),
        "render_choice",
    )
    for index, option in enumerate(question.options):
        _text(ET.SubElement(choices, "response_label", ident=LABELS[index]), option)
    _scoring(item, LABELS[question.answer])
    feedback = ET.SubElement(item, "itemfeedback", ident=FEEDBACK)
    _text(ET.SubElement(feedback, "flow_mat"), question.reason)
    return item


def _metadata(item: ET.Element, question: QuestionPlan) -> None:
    fields = ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata")
    for label, entry in (
        ("question_type", QTI_TYPES[question.type]),
        ("points_possible", "1"),
        ("objective", question.objective),
    ):
        field = ET.SubElement(fields, "qtimetadatafield")
        ET.SubElement(field, "fieldlabel").text = label
        ET.SubElement(field, "fieldentry").text = entry


def _scoring(item: ET.Element, right: str) -> None:
    processing = ET.SubElement(item, "resprocessing")
    outcomes = ET.SubElement(processing, "outcomes")
    ET.SubElement(
        outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal"
    )
    every = ET.SubElement(processing, "respcondition", {"continue": "Yes"})
    ET.SubElement(ET.SubElement(every, "conditionvar"), "other")
    ET.SubElement(every, "displayfeedback", feedbacktype="Response", linkrefid=FEEDBACK)
    correct = ET.SubElement(processing, "respcondition", {"continue": "No"})
    ET.SubElement(
        ET.SubElement(correct, "conditionvar"), "varequal", respident=RESPONSE
    ).text = right
    ET.SubElement(correct, "setvar", action="Set", varname="SCORE").text = "100"


def _text(parent: ET.Element, text: str) -> None:
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", texttype="text/plain").text = text


def _manifest(kit: Kit) -> ET.Element:
    root = ET.Element("manifest", identifier=f"{_ident(kit)}-manifest", xmlns=CP_NAMESPACE)
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(root, "organizations")
    resources = ET.SubElement(root, "resources")
    resource = ET.SubElement(
        resources,
        "resource",
        identifier=f"{_ident(kit)}-questions",
        type="imsqti_xmlv1p2",
        href=ASSESSMENT_FILE,
    )
    ET.SubElement(resource, "file", href=ASSESSMENT_FILE)
    return root


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _zip(members: dict[str, bytes], iso_date: str) -> bytes:
    day = dt.date.fromisoformat(iso_date)
    stamp = (max(day.year, 1980), day.month, day.day, 12, 0, 0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
