"""Text fitting on the render side: real boxes -> :class:`~hrdeck.textfit.measure.TextArea`.

PowerPoint ignores autofit flags until someone edits the text, so sizes are fixed at
build time from font metrics (:mod:`hrdeck.textfit.metrics`, :mod:`hrdeck.textfit.measure`).  Two
jobs live here, both reading the template with python-pptx:

* :func:`fit_rules` tells the plan the text boxes of a theme: it renders one probe
  slide per kind with the real slide renderers (so logo room, myth panels and
  insets are exactly what a deck gets) and reads back each box's size, insets,
  list markers, indents and spacing;
* :func:`area_of`, :func:`fit_size`, :func:`text_height` measure text in a shape
  or box the renderer is filling (titles, captions, spectrum descriptions), and
  check the plan's chosen size against the real box.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from typing import Any

from pptx.parts.slide import SlidePart
from pptx.presentation import Presentation

from hrdeck.kinds import DEFAULT_LAYOUTS, KINDS, SLIDE_KINDS
from hrdeck.plan.types import Block, DeckPlan, SlidePlan
from hrdeck.render.layouts import box_of, find_layout, layout_name, own_xfrm, ph_element, ph_kind
from hrdeck.render.text import qn  # memoised Clark names
from hrdeck.richtext import Para, Run
from hrdeck.textfit import measure as fitplan
from hrdeck.textfit.measure import BODY_SIZES, MIN_BODY_PT, FitRules, TextArea
from hrdeck.textfit.metrics import metrics_for
from hrdeck.theme.model import Theme

__all__ = ["BODY_SIZES", "MIN_BODY_PT", "area_of", "fit_rules", "fit_size", "text_height"]

EMU_PER_PT = 12700
DEFAULT_INSETS = (91440, 91440, 45720, 45720)  # left, right, top, bottom
_INSET_NAMES = ("lIns", "rIns", "tIns", "bIns")
_BODY_PR = f"{qn('p:txBody')}/{qn('a:bodyPr')}"
PROBE = "\u00a7{}\u00a7"  # a marker no curriculum text contains


# --- measuring in a box ----------------------------------------------------------------


def _box_area(width_pt: float, height_pt: float, indented: bool) -> TextArea:
    return TextArea(width_pt, height_pt, markers="template" if indented else "none")


def text_height(
    paras: Sequence[Para],
    width_pt: float,
    size_pt: float,
    indented: bool = True,
    font: str = "Calibri",
) -> float:
    """Height in points of `paras` at `size_pt` in a box `width_pt` wide, insets included."""
    area = _box_area(width_pt, 0.0, indented)
    metrics, _ = metrics_for(font)
    inner = fitplan.paras_height(paras, area, size_pt, metrics)
    return inner + area.inset_top + area.inset_bottom


def fit_size(
    paras: Sequence[Para],
    width_pt: float,
    height_pt: float,
    sizes: Sequence[int] = BODY_SIZES,
    indented: bool = True,
    font: str = "Calibri",
) -> int:
    """The largest of `sizes` at which `paras` fit the box; the smallest if none do."""
    metrics, _ = metrics_for(font)
    found = fitplan.fit_size(paras, _box_area(width_pt, height_pt, indented), sizes, metrics)
    return int(found) if found is not None else sizes[-1]


def fit_in(area: TextArea, paras: Sequence[Para], sizes: Sequence[float], font: str) -> float:
    """The largest of `sizes` at which `paras` fit `area`; the smallest if none do."""
    metrics, _ = metrics_for(font)
    found = fitplan.fit_size(paras, area, sizes, metrics)
    return found if found is not None else sizes[-1]


def area_of(shape: Any, markers: str, prs: Presentation) -> TextArea:
    """The text area of a placeholder or text box as the renderer fills it.

    A slide placeholder that still inherits its layout's position and insets has the
    same area on every slide of that layout: that answer is kept on the layout part.
    """
    key = _inherited_key(shape, markers)
    if key is None:
        return _measure_area(shape, markers, prs)
    layout_part = shape.part.slide_layout.part
    cache: dict[tuple[str, str, str], TextArea] | None = getattr(layout_part, "_hrdeck_areas", None)
    if cache is None:
        cache = layout_part._hrdeck_areas = {}
    area = cache.get(key)
    if area is None:
        area = cache[key] = _measure_area(shape, markers, prs)
    return area


def _inherited_key(shape: Any, markers: str) -> tuple[str, str, str] | None:
    """(idx, type, markers) of a slide placeholder with no position or insets of its
    own; None for anything else (its area depends on the shape itself)."""
    element = shape._element
    ph = ph_element(element)
    if ph is None or not isinstance(shape.part, SlidePart) or own_xfrm(element) is not None:
        return None
    body_pr = element.find(_BODY_PR)
    if body_pr is not None and any(body_pr.get(name) is not None for name in _INSET_NAMES):
        return None
    return (ph.get("idx", "0"), ph_kind(ph), markers)


def _measure_area(shape: Any, markers: str, prs: Presentation) -> TextArea:
    box = box_of(shape)
    left, right, top, bottom = _insets(shape)
    indents, line_spacing, space_before = body_spacing(prs)
    return TextArea(
        width_pt=box.width / EMU_PER_PT,
        height_pt=box.height / EMU_PER_PT,
        inset_left=left / EMU_PER_PT,
        inset_right=right / EMU_PER_PT,
        inset_top=top / EMU_PER_PT,
        inset_bottom=bottom / EMU_PER_PT,
        markers=markers,
        level_indents=indents,
        line_spacing=line_spacing,
        space_before=space_before,
    )


def _insets(shape: Any) -> tuple[int, int, int, int]:
    """lIns, rIns, tIns, bIns: the shape's own, else its layout placeholder's, else 0.1in/0.05in."""
    found: list[int | None] = [None] * 4
    for body_pr in _body_prs(shape):
        for index, name in enumerate(_INSET_NAMES):
            value = body_pr.get(name)
            if found[index] is None and value is not None:
                found[index] = int(value)
    return tuple(  # type: ignore[return-value]
        value if value is not None else default
        for value, default in zip(found, DEFAULT_INSETS, strict=True)
    )


def _body_prs(shape: Any) -> list[Any]:
    elements = [shape._element]
    base = getattr(shape, "_base_placeholder", None)
    if base is not None:
        elements.append(base._element)
    found = []
    for element in elements:
        body_pr = element.find(_BODY_PR)
        if body_pr is not None:
            found.append(body_pr)
    return found


def body_spacing(prs: Presentation) -> tuple[tuple[float, ...], float, float]:
    """Per-level left margins (pt), line spacing (x single) and space before (x line)
    of the first master's body text style."""
    return _body_spacing(prs.slide_masters[0]._element)


@functools.lru_cache(maxsize=8)
def _body_spacing(master: Any) -> tuple[tuple[float, ...], float, float]:
    style = master.find(f"{qn('p:txStyles')}/{qn('p:bodyStyle')}")
    if style is None:
        return fitplan.TEMPLATE_INDENTS, 1.0, 0.2
    levels = [style.find(qn(f"a:lvl{n}pPr")) for n in range(1, 10)]
    indents = tuple(
        int(lvl.get("marL", "0")) / EMU_PER_PT if lvl is not None else 0.0 for lvl in levels
    )
    first = levels[0]
    if first is None:
        return indents, 1.0, 0.2
    return indents, _percent(first, "a:lnSpc", 1.0), _percent(first, "a:spcBef", 0.0)


def _percent(level: Any, tag: str, default: float) -> float:
    spacing = level.find(qn(tag))
    if spacing is None:
        return default
    pct = spacing.find(qn("a:spcPct"))
    if pct is not None:
        return int(pct.get("val", "100000")) / 100000
    pts = spacing.find(qn("a:spcPts"))
    if pts is not None:  # points (x100): as a share of a 24 pt line
        return int(pts.get("val", "0")) / 100 / (24 * 1.2)
    return default


# --- the plan's table, from probe slides -----------------------------------------------


def fit_rules(theme: Theme) -> FitRules:
    """The text boxes of every slide kind in `theme`, for the plan to fit text into.

    A theme on hrdeck's own layouts at 16:9 without a logo has exactly the boxes of
    :data:`~hrdeck.textfit.measure.DEFAULT_RULES` (palette, fonts, footer and numbers move no
    text box; a test compares the two), so it is spared the probe slides.
    """
    if _default_geometry(theme):
        return FitRules(
            areas=fitplan.DEFAULT_RULES.areas,
            body_font=theme.body_font,
            heading_font=theme.heading_font,
            font_loc=theme.loc("fonts.body"),
        )
    return probe_rules(theme)


def _default_geometry(theme: Theme) -> bool:
    return (
        theme.template is None
        and theme.logo is None
        and theme.slide_size == "16:9"
        and all(theme.layout_name(kind) == DEFAULT_LAYOUTS[kind] for kind in SLIDE_KINDS)
    )


def probe_rules(theme: Theme) -> FitRules:
    """:func:`fit_rules` measured from probe slides rendered in `theme`."""
    from hrdeck.render.deck import add_chrome, open_presentation
    from hrdeck.render.master import apply_theme, resize
    from hrdeck.render.package import PartFactory
    from hrdeck.render.slides import IMAGE_TEXT_SHARE, RENDERERS, SlideContext

    prs = open_presentation(theme)
    resize(prs, theme.slide_size)
    apply_theme(prs, theme)
    parts = PartFactory(prs)
    plan = _probe_plan()
    areas: dict[str, TextArea] = {}
    for spec in plan.slides:
        slide = parts.add_slide(find_layout(prs, layout_name(theme.layouts, spec.kind), spec.kind))
        add_chrome(prs, slide, spec, 1, theme, plan.language, parts)
        RENDERERS[spec.kind](SlideContext(prs, slide, spec, plan, theme, parts))
        areas.update(_probed_areas(slide, spec.kind, prs))
    body = areas.get("bullets/body")
    if body is not None:
        areas["bullets/body+image"] = dataclasses.replace(
            body, width_pt=body.width_pt * IMAGE_TEXT_SHARE
        )
    return FitRules(
        areas=areas,
        body_font=theme.body_font,
        heading_font=theme.heading_font,
        font_loc=theme.loc("fonts.body"),
    )


def _probe_plan() -> DeckPlan:
    slides = []
    for kind in SLIDE_KINDS:
        blocks = tuple(
            Block(role, (Para((Run(PROBE.format(f"{kind}/{role}")),)),), heading="Heading")
            for role in KINDS[kind].placeholder_roles
        )
        slides.append(SlidePlan(kind, PROBE.format(f"{kind}/title"), kind, _nowhere(), blocks))
    return DeckPlan("probe", "Probe", "probe", "Probe", "en-US", "", "", (), tuple(slides))


def _nowhere() -> Any:
    from hrdeck.diagnostics import NOWHERE

    return NOWHERE


def _probed_areas(slide: Any, kind: str, prs: Presentation) -> dict[str, TextArea]:
    areas = {}
    for shape in slide.shapes:
        if not shape.has_text_frame:
            continue
        text = shape.text_frame.text
        for key in (f"{kind}/{role}" for role in (*KINDS[kind].placeholder_roles, "title")):
            if PROBE.format(key) in text:
                areas[key] = area_of(shape, _markers(shape), prs)
    return areas


def _markers(shape: Any) -> str:
    """How the renderer set the list markers of the shape's first paragraph."""
    p_pr = shape.text_frame.paragraphs[0]._p.find(qn("a:pPr"))
    if p_pr is None:
        return "template"
    if p_pr.find(qn("a:buAutoNum")) is not None:
        return "number"
    if p_pr.find(qn("a:buNone")) is not None:
        return "hanging" if p_pr.get("indent", "0").startswith("-") else "none"
    return "template"
