"""The empty presentation hrdeck builds a deck in when a theme names no template.

:func:`own_presentation` writes a complete, slide-less .pptx package in memory (the
master and one layout per slide kind from :mod:`hrdeck.render.design.masterxml`, the
theme part from the palette and fonts, a notes master for the speaker notes) and
opens it with python-pptx's public ``Presentation``.  No binary template ships with
hrdeck: everything a reviewer needs to judge the look is in these modules.
"""

from __future__ import annotations

import io
import zipfile

import pptx
from pptx.presentation import Presentation

from hrdeck.render.design.colours import scheme_colours
from hrdeck.render.design.grid import Grid, pt
from hrdeck.render.design.masterxml import layouts_xml, master_xml, own_master_name
from hrdeck.render.design.xmlparts import (
    CLR_MAP,
    DECLARATION,
    EMPTY_GROUP,
    NAMESPACES,
    body_pr,
    level,
    list_style,
    placeholder,
    run_props,
    theme_xml,
)
from hrdeck.render.layouts import Box
from hrdeck.theme.model import Theme

SLIDE_SIZES = {"16:9": (12192000, 6858000), "4:3": (9144000, 6858000)}
NOTES_SIZE = (6858000, 9144000)  # 7.5 x 10 in, portrait
NOTES_PT = 14
NOTES_SPACING = '<a:spcBef><a:spcPts val="600"/></a:spcBef>'  # 6 pt between paragraphs

_CT = "application/vnd.openxmlformats-officedocument."
_PML = _CT + "presentationml."
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def own_presentation(theme: Theme) -> Presentation:
    """An empty presentation on hrdeck's own master, in `theme`'s size, colours and fonts."""
    return pptx.Presentation(io.BytesIO(own_package(theme)))


def own_package(theme: Theme) -> bytes:
    """The .pptx bytes of an empty presentation on hrdeck's own master."""
    width, height = SLIDE_SIZES.get(theme.slide_size or "16:9", SLIDE_SIZES["16:9"])
    grid = Grid(width, height)
    layouts = layouts_xml(theme, grid)
    entries = {
        "[Content_Types].xml": _content_types(len(layouts)),
        "_rels/.rels": _rels([("officeDocument", "ppt/presentation.xml")], extended=True),
        "docProps/core.xml": _CORE,
        "docProps/app.xml": _APP,
        "ppt/presentation.xml": _presentation(theme, width, height),
        "ppt/_rels/presentation.xml.rels": _rels(
            [
                ("slideMaster", "slideMasters/slideMaster1.xml"),
                ("notesMaster", "notesMasters/notesMaster1.xml"),
                ("theme", "theme/theme1.xml"),
                ("presProps", "presProps.xml"),
                ("viewProps", "viewProps.xml"),
                ("tableStyles", "tableStyles.xml"),
            ]
        ),
        "ppt/presProps.xml": _PRES_PROPS,
        "ppt/viewProps.xml": _VIEW_PROPS,
        "ppt/tableStyles.xml": _TABLE_STYLES,
        "ppt/theme/theme1.xml": _theme(theme),
        "ppt/theme/theme2.xml": _theme(theme),
        "ppt/slideMasters/slideMaster1.xml": master_xml(
            theme, grid, [f"rId{n}" for n in range(1, len(layouts) + 1)]
        ),
        "ppt/slideMasters/_rels/slideMaster1.xml.rels": _rels(
            [
                ("slideLayout", f"../slideLayouts/slideLayout{n}.xml")
                for n in range(1, len(layouts) + 1)
            ]
            + [("theme", "../theme/theme1.xml")]
        ),
        "ppt/notesMasters/notesMaster1.xml": _notes_master(theme),
        "ppt/notesMasters/_rels/notesMaster1.xml.rels": _rels([("theme", "../theme/theme2.xml")]),
    }
    for number, layout in enumerate(layouts, start=1):
        entries[f"ppt/slideLayouts/slideLayout{number}.xml"] = layout.xml
        entries[f"ppt/slideLayouts/_rels/slideLayout{number}.xml.rels"] = _rels(
            [("slideMaster", "../slideMasters/slideMaster1.xml")]
        )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as package:
        for name, xml in entries.items():
            package.writestr(name, xml.encode("utf-8"))
    return out.getvalue()


def _theme(theme: Theme) -> str:
    name = own_master_name(theme)
    return theme_xml(name, scheme_colours(theme.palette), theme.heading_font, theme.body_font)


def _rels(targets: list[tuple[str, str]], extended: bool = False) -> str:
    rels = [
        f'<Relationship Id="rId{n}" Type="{_RT}{kind}" Target="{target}"/>'
        for n, (kind, target) in enumerate(targets, start=1)
    ]
    if extended:
        rels.append(
            f'<Relationship Id="rId{len(rels) + 1}" Type="http://schemas.openxmlformats.org/'
            'package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        )
        rels.append(
            f'<Relationship Id="rId{len(rels) + 1}" Type="{_RT}extended-properties" '
            'Target="docProps/app.xml"/>'
        )
    return f'{DECLARATION}<Relationships xmlns="{_RELS_NS}">{"".join(rels)}</Relationships>'


def _content_types(layouts: int) -> str:
    overrides = {
        "/ppt/presentation.xml": _PML + "presentation.main+xml",
        "/ppt/slideMasters/slideMaster1.xml": _PML + "slideMaster+xml",
        "/ppt/notesMasters/notesMaster1.xml": _PML + "notesMaster+xml",
        "/ppt/theme/theme1.xml": _CT + "theme+xml",
        "/ppt/theme/theme2.xml": _CT + "theme+xml",
        "/ppt/presProps.xml": _PML + "presProps+xml",
        "/ppt/viewProps.xml": _PML + "viewProps+xml",
        "/ppt/tableStyles.xml": _PML + "tableStyles+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": _CT + "extended-properties+xml",
    }
    for n in range(1, layouts + 1):
        overrides[f"/ppt/slideLayouts/slideLayout{n}.xml"] = _PML + "slideLayout+xml"
    items = "".join(f'<Override PartName="{k}" ContentType="{v}"/>' for k, v in overrides.items())
    return (
        f'{DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f"{items}</Types>"
    )


def _presentation(theme: Theme, width: int, height: int) -> str:
    """presentation.xml: sizes, the master and notes master, and the text style of text
    boxes (the body font in the text colour, so drawn labels match the placeholders)."""
    notes_w, notes_h = NOTES_SIZE
    props = run_props(18, theme.palette.text, theme.body_font)
    return (
        f'{DECLARATION}<p:presentation {NAMESPACES} saveSubsetFonts="1">'
        '<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>'
        '<p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst>'
        f'<p:sldSz cx="{width}" cy="{height}"/><p:notesSz cx="{notes_w}" cy="{notes_h}"/>'
        f'<p:defaultTextStyle><a:defPPr><a:defRPr lang="en-US"/></a:defPPr>{level(1, props)}'
        "</p:defaultTextStyle></p:presentation>"
    )


def _notes_master(theme: Theme) -> str:
    """The notes page: the slide on top, the notes below in the body font at 14 pt."""
    palette = theme.palette
    notes_w, _ = NOTES_SIZE
    side = pt(54)
    image_w = notes_w - 2 * side
    image = Box(side, pt(40), image_w, round(image_w * 9 / 16))
    body = Box(side, image.bottom + pt(24), image_w, pt(720 - 60) - image.bottom - pt(24))
    number = Box(notes_w - side - pt(72), pt(720 - 48), pt(72), pt(24))
    props = NOTES_SPACING + run_props(NOTES_PT, palette.text, theme.body_font)
    notes_levels = list_style(level(n, props, f' marL="{(n - 1) * 228600}"') for n in range(1, 10))
    shapes = (
        placeholder(2, "Slide Image", 'type="sldImg" idx="2"', image, body_pr())
        + placeholder(
            3, "Notes", 'type="body" idx="3"', body, body_pr(), notes_levels, prompt=("Notes",)
        )
        + placeholder(
            4,
            "Slide Number",
            'type="sldNum" sz="quarter" idx="5"',
            number,
            body_pr(anchor="b"),
            list_style([level(1, run_props(12, palette.muted), ' algn="r"')]),
        )
    )
    notes_style = notes_levels.replace("a:lstStyle", "p:notesStyle")
    return (
        f"{DECLARATION}<p:notesMaster {NAMESPACES}><p:cSld><p:spTree>{EMPTY_GROUP}{shapes}"
        f"</p:spTree></p:cSld><p:clrMap {CLR_MAP}/>{notes_style}</p:notesMaster>"
    )


_CORE = (
    f"{DECLARATION}<cp:coreProperties "
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'
)
_APP = (
    f"{DECLARATION}<Properties "
    'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>hrdeck</Application></Properties>"
)
_PRES_PROPS = f"{DECLARATION}<p:presentationPr {NAMESPACES}/>"
_VIEW_PROPS = (
    f'{DECLARATION}<p:viewPr {NAMESPACES} lastView="sldThumbnailView"><p:normalViewPr>'
    '<p:restoredLeft sz="15620"/><p:restoredTop sz="94660"/></p:normalViewPr>'
    '<p:gridSpacing cx="76200" cy="76200"/></p:viewPr>'
)
_TABLE_STYLES = (
    f'{DECLARATION}<a:tblStyleLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    ' def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>'
)
