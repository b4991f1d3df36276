"""An agency's PowerPoint template for tests: python-pptx's stock deck, layouts renamed.

Shared by the template unit tests and the theme build tests, so both exercise the
same non-default layout names, as .pptx and as .potx.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pptx

AGENCY_NAMES = {
    "Title Slide": "Agency Title",
    "Title and Content": "Agency Content",
    "Two Content": "Agency Two",
    "Comparison": "Agency Compare",
    "Section Header": "Agency Section",
    "Title Only": "Agency Blank Title",
}
AGENCY_LAYOUTS = {
    "title": "Agency Title",
    "closing": "Agency Title",
    "agenda": "Agency Content",
    "bullets": "Agency Content",
    "case": "Agency Content",
    "questions": "Agency Content",
    "references": "Agency Content",
    "resources": "Agency Content",
    "section": "Agency Section",
    "myth": "Agency Two",
    "comparison": "Agency Compare",
    "spectrum": "Agency Blank Title",
    "diagram": "Agency Blank Title",
    **dict.fromkeys(
        ("stat", "chart", "icons", "quote", "persona", "sources"), "Agency Blank Title"
    ),
    **dict.fromkeys(("image", "check-question", "check-answer"), "Agency Content"),
}
PRESENTATION_CT = b"presentationml.presentation.main+xml"
TEMPLATE_CT = b"presentationml.template.main+xml"


def agency_template(path: Path, drop: str | None = None, notes_master: bool = True) -> Path:
    """The stock 4:3 deck with its layouts renamed (``drop`` removes one stock layout)."""
    prs = pptx.Presentation()
    for layout in list(prs.slide_layouts):
        if layout.name == drop:
            prs.slide_layouts.remove(layout)
            continue
        layout.name = AGENCY_NAMES.get(layout.name, layout.name)
    if notes_master:
        prs.notes_master  # noqa: B018 -- python-pptx adds the part on first access
    prs.save(str(path))
    return path


def as_potx(pptx_path: Path, potx_path: Path) -> Path:
    """The same package saved as a template: only the main content type differs."""
    with zipfile.ZipFile(pptx_path) as source, zipfile.ZipFile(potx_path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(PRESENTATION_CT, TEMPLATE_CT)
            target.writestr(info, data)
    return potx_path
