"""Content types and relationship types of PresentationML packages."""

from __future__ import annotations

_PML = "application/vnd.openxmlformats-officedocument.presentationml."
PRESENTATION_CT = _PML + "presentation.main+xml"
CONVERTIBLE_CTS = {
    _PML + "template.main+xml": ".potx",
    _PML + "slideshow.main+xml": ".ppsx",
}
MACRO_CTS = {
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml": ".pptm",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml": ".potm",
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml": ".ppsm",
}
OTHER_APPS = {"wordprocessingml": "a Word document", "spreadsheetml": "an Excel workbook"}
VIEW_PROPS_CT = _PML + "viewProps+xml"
PRES_PROPS_CT = _PML + "presProps+xml"
TABLE_STYLES_CT = _PML + "tableStyles+xml"

_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_OFFICE_DOCUMENT = _RT + "officeDocument"
RT_STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
RT_VIEW_PROPS = _RT + "viewProps"
RT_PRES_PROPS = _RT + "presProps"
RT_TABLE_STYLES = _RT + "tableStyles"
RT_SLIDE_MASTER = _RT + "slideMaster"

# Short relationship types (the last path segment) of the parts hrdeck walks.
SLIDE = "slide"
SLIDE_MASTER = "slideMaster"
SLIDE_LAYOUT = "slideLayout"
THEME = "theme"
IMAGE = "image"
