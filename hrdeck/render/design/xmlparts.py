"""DrawingML and PresentationML snippets for hrdeck's own master, written as strings.

The master, its layouts, the notes master and the theme part are small, fixed
documents whose only variables are the theme's colours, fonts and the grid's
numbers, so they are written from string templates in one pass (no object model,
no parsing until python-pptx opens the finished package).  Every value that comes
from a theme file (names, fonts) is XML-escaped here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from hrdeck.render.layouts import Box

NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NAMESPACES = f'xmlns:a="{NS_A}" xmlns:r="{NS_R}" xmlns:p="{NS_P}"'
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# PowerPoint's "Mark as decorative" (Office 2019+): screen readers skip the shape.
DECORATIVE = (
    '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
    '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative"'
    ' val="1"/></a:ext></a:extLst>'
)
EMPTY_GROUP = (
    '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
    '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>'
    '<a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>'
)
CLR_MAP = (
    'bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" '
    'accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" '
    'hlink="hlink" folHlink="folHlink"'
)


def text(value: str) -> str:
    """`value` escaped for XML character data (xml.sax.saxutils would import urllib's
    HTTP client on every start)."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attr(value: str) -> str:
    """`value` as a double-quoted, escaped XML attribute value."""
    escaped = text(value).replace('"', "&quot;")
    return f'"{escaped}"'


def solid(colour: str) -> str:
    return f'<a:solidFill><a:srgbClr val="{colour.lstrip("#").upper()}"/></a:solidFill>'


def xfrm(box: Box) -> str:
    return (
        f'<a:xfrm><a:off x="{box.left}" y="{box.top}"/>'
        f'<a:ext cx="{box.width}" cy="{box.height}"/></a:xfrm>'
    )


def background(colour: str) -> str:
    return f"<p:bg><p:bgPr>{solid(colour)}<a:effectLst/></p:bgPr></p:bg>"


def body_pr(insets: Sequence[int] = (0, 0, 0, 0), anchor: str = "t") -> str:
    """An a:bodyPr with insets (left, top, right, bottom, EMU), anchor and no autofit."""
    left, top, right, bottom = insets
    return (
        f'<a:bodyPr vert="horz" wrap="square" lIns="{left}" tIns="{top}" rIns="{right}" '
        f'bIns="{bottom}" rtlCol="0" anchor="{anchor}"><a:noAutofit/></a:bodyPr>'
    )


def run_props(
    size: float | None = None,
    colour: str | None = None,
    font: str | None = None,
    bold: bool | None = None,
    tag: str = "a:defRPr",
) -> str:
    """An a:defRPr (or a:rPr) with size (pt), bold, colour and latin typeface."""
    attrs = f' sz="{round(size * 100)}"' if size else ""
    if bold is not None:
        attrs += f' b="{int(bold)}"'
    inner = (solid(colour) if colour else "") + (
        f"<a:latin typeface={attr(font)}/>" if font else ""
    )
    return f"<{tag}{attrs}>{inner}</{tag}>" if inner else f"<{tag}{attrs}/>"


def level(number: int, props: str, paragraph: str = "") -> str:
    """a:lvlNpPr with paragraph attributes `paragraph` and inner `props`."""
    return f"<a:lvl{number}pPr{paragraph}>{props}</a:lvl{number}pPr>"


def list_style(levels: Iterable[str]) -> str:
    return "<a:lstStyle>" + "".join(levels) + "</a:lstStyle>"


def paragraph(words: str, lvl: int = 0) -> str:
    ppr = f'<a:pPr lvl="{lvl}"/>' if lvl else ""
    return f'<a:p>{ppr}<a:r><a:rPr lang="en-US"/><a:t>{text(words)}</a:t></a:r></a:p>'


def placeholder(
    shape_id: int,
    name: str,
    ph: str,
    box: Box,
    body: str,
    styles: str = "<a:lstStyle/>",
    prompt: Sequence[str] = (),
    fill: str | None = None,
) -> str:
    """A placeholder p:sp: `ph` is the p:ph attributes, `body` its a:bodyPr, `styles` its
    a:lstStyle, `prompt` the text shown in an empty placeholder while editing."""
    shape_fill = solid(fill) if fill else ""
    paras = "".join(paragraph(line, lvl) for lvl, line in enumerate(prompt)) or (
        '<a:p><a:endParaRPr lang="en-US"/></a:p>'
    )
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={attr(name)}/>'
        f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph {ph}/></p:nvPr></p:nvSpPr>'
        f'<p:spPr>{xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{shape_fill}</p:spPr>'
        f"<p:txBody>{body}{styles}{paras}</p:txBody></p:sp>"
    )


def field_placeholder(shape_id: int, name: str, ph: str, box: Box, body: str, styles: str) -> str:
    """A slide-number placeholder holding the slidenum field."""
    field = (
        '<a:p><a:fld id="{4FAE1B2C-6D0E-4C5B-9A51-3E2F0D7C8B11}" type="slidenum">'
        '<a:rPr lang="en-US"/><a:t>‹#›</a:t></a:fld></a:p>'
    )
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={attr(name)}/>'
        f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph {ph}/></p:nvPr></p:nvSpPr>'
        f'<p:spPr>{xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>'
        f"<p:txBody>{body}{styles}{field}</p:txBody></p:sp>"
    )


def decorative_rect(shape_id: int, name: str, box: Box, colour: str) -> str:
    """A filled rectangle without outline, marked decorative (accent bars and rules)."""
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={attr(name)}>{DECORATIVE}</p:cNvPr>'
        '<p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr>'
        f'<p:spPr>{xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{solid(colour)}'
        "<a:ln><a:noFill/></a:ln></p:spPr>"
        '<p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/>'
        '<a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>'
    )


# --- the theme part --------------------------------------------------------------------

_FMT_SCHEME = (
    '<a:fmtScheme name="hrdeck">'
    "<a:fillStyleLst>"
    '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    '<a:solidFill><a:schemeClr val="phClr"><a:tint val="50000"/></a:schemeClr></a:solidFill>'
    '<a:solidFill><a:schemeClr val="phClr"><a:shade val="80000"/></a:schemeClr></a:solidFill>'
    "</a:fillStyleLst><a:lnStyleLst>"
    '<a:ln w="12700" cap="flat" cmpd="sng" algn="ctr">'
    '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/></a:ln>'
    '<a:ln w="19050" cap="flat" cmpd="sng" algn="ctr">'
    '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/></a:ln>'
    '<a:ln w="28575" cap="flat" cmpd="sng" algn="ctr">'
    '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/></a:ln>'
    "</a:lnStyleLst><a:effectStyleLst>"
    "<a:effectStyle><a:effectLst/></a:effectStyle>"
    "<a:effectStyle><a:effectLst/></a:effectStyle>"
    "<a:effectStyle><a:effectLst/></a:effectStyle>"
    "</a:effectStyleLst><a:bgFillStyleLst>"
    '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    '<a:solidFill><a:schemeClr val="phClr"><a:tint val="95000"/></a:schemeClr></a:solidFill>'
    '<a:solidFill><a:schemeClr val="phClr"><a:shade val="90000"/></a:schemeClr></a:solidFill>'
    "</a:bgFillStyleLst></a:fmtScheme>"
)
_SLOTS = ("dk1", "lt1", "dk2", "lt2", *(f"accent{n}" for n in range(1, 7)), "hlink", "folHlink")


def theme_xml(name: str, colours: dict[str, str], heading_font: str, body_font: str) -> str:
    """The theme part: colour scheme (`colours` by slot), fonts and flat, shadowless
    formatting (shapes a trainer adds get a plain fill and a thin line, no effects)."""
    scheme = "".join(f'<a:{slot}><a:srgbClr val="{colours[slot]}"/></a:{slot}>' for slot in _SLOTS)
    fonts = "".join(
        f'<a:{kind}><a:latin typeface={attr(font)}/><a:ea typeface=""/><a:cs typeface=""/>'
        f"</a:{kind}>"
        for kind, font in (("majorFont", heading_font), ("minorFont", body_font))
    )
    return (
        f'{DECLARATION}<a:theme xmlns:a="{NS_A}" name={attr(name)}><a:themeElements>'
        f"<a:clrScheme name={attr(name)}>{scheme}</a:clrScheme>"
        f"<a:fontScheme name={attr(name)}>{fonts}</a:fontScheme>{_FMT_SCHEME}"
        "</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
    )
