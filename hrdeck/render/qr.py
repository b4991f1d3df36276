"""QR codes as one native shape: the dark modules as a single custom-geometry path.

Why a shape and not a PNG: a path stays sharp at any size a projector or printer
gives it (a bitmap scaled up blurs its module edges, which is what scanners stumble
on), weighs a few kilobytes of XML instead of an image part, can be recoloured or
resized in PowerPoint like any shape, and carries alt text and a click-through link
like one.  Each row's run of dark modules becomes one rectangle of the path; the
quiet zone (four modules, as the standard asks) is part of the shape's box, with a
light backing square behind it so the code scans on any slide background.

segno (pure Python) encodes the link at error correction level M.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree
from pptx.enum.shapes import MSO_SHAPE
from pptx.shapes.autoshape import Shape

from hrdeck.plan.types import PlanLink
from hrdeck.plan.visualgrid import Rect
from hrdeck.render import shapes
from hrdeck.render.drawn import SlideCtx, emu_box
from hrdeck.render.layouts import set_alt
from hrdeck.render.oxml import NAMESPACES, XmlElement, clark
from hrdeck.theme.contrast import contrast_ratio

QUIET = 4  # modules of light margin on every side
LIGHT = "FFFFFF"
DARK = "000000"
SCAN_CONTRAST = 7.0  # a theme's text colour is dark enough for the modules from here


def dark_runs(matrix: tuple[bytearray, ...] | list[bytearray]) -> Iterator[tuple[int, int, int]]:
    """(row, first column, past-the-last column) of every horizontal run of dark modules."""
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if not row[x]:
                x += 1
                continue
            end = x
            while end < len(row) and row[end]:
                end += 1
            yield y, x, end
            x = end


def _matrix(ctx: SlideCtx, url: str) -> list[bytearray]:
    """`url`'s modules, encoded once per render (or per watch session, see RenderMemo)."""
    known = ctx.layouts.qr_codes
    if url not in known:
        if len(known) >= 1024:
            known.clear()
        known[url] = qr_matrix(url)
    return known[url]


def qr_matrix(url: str) -> list[bytearray]:
    """The modules of `url`'s QR code (1 = dark), without the quiet zone."""
    import segno  # only a deck with links needs the encoder

    code = segno.make(url, error="m", micro=False)
    return [bytearray(row) for row in code.matrix]


def geometry(matrix: list[bytearray]) -> XmlElement:
    """An ``a:custGeom`` whose one path draws every dark module, quiet zone included.

    Written as text and parsed once: a code has hundreds of runs, and building each
    point as an element costs ten times as much."""
    side = len(matrix) + 2 * QUIET
    runs = []
    for y, x0, x1 in dark_runs(matrix):
        top, bottom, left, right = y + QUIET, y + QUIET + 1, x0 + QUIET, x1 + QUIET
        runs.append(
            f'<a:moveTo><a:pt x="{left}" y="{top}"/></a:moveTo>'
            f'<a:lnTo><a:pt x="{right}" y="{top}"/></a:lnTo>'
            f'<a:lnTo><a:pt x="{right}" y="{bottom}"/></a:lnTo>'
            f'<a:lnTo><a:pt x="{left}" y="{bottom}"/></a:lnTo><a:close/>'
        )
    xml = (
        f'<a:custGeom xmlns:a="{NAMESPACES["a"]}"><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/>'
        '<a:rect l="l" t="t" r="r" b="b"/><a:pathLst>'
        f'<a:path w="{side}" h="{side}" stroke="0">{"".join(runs)}</a:path>'
        "</a:pathLst></a:custGeom>"
    )
    return etree.fromstring(xml)


def module_colour(text_colour: str) -> str:
    """The theme's text colour when it is dark enough on the light backing, else black."""
    return text_colour if contrast_ratio(text_colour, LIGHT) >= SCAN_CONTRAST else DARK


def add_qr(ctx: SlideCtx, rect: Rect, link: PlanLink) -> Shape:
    """The QR code of `link` in a square at `rect` (its top left), alt text and link set."""
    side = min(rect.width, rect.height)
    square = Rect(rect.left, rect.top, side, side)
    backing = shapes.add_box(ctx.slide, MSO_SHAPE.RECTANGLE, emu_box(square), LIGHT, "QR backing")
    shapes.mark_decorative(backing)
    colour = module_colour(ctx.theme.palette.text)
    code = shapes.add_box(ctx.slide, MSO_SHAPE.RECTANGLE, emu_box(square), colour, "QR code")
    sp_pr = code.element.find(clark("p:spPr"))
    preset = sp_pr.find(clark("a:prstGeom"))
    preset.addprevious(geometry(_matrix(ctx, link.url)))
    sp_pr.remove(preset)
    code.name = f"QR code: {link.short}"
    set_alt(code, f"QR code: {link.label}, {link.short}")
    locks = code.element.find(f"{clark('p:nvSpPr')}/{clark('p:cNvSpPr')}")
    etree.SubElement(locks, clark("a:spLocks"), noChangeAspect="1")
    code.click_action.hyperlink.address = link.url
    return code
