"""The text boxes of a theme, for the plan to fit text into: :func:`fit_rules`.

The plan stage must not open a template, so the renderer tells it where text goes.
One probe slide per kind is rendered with the real slide renderers (so logo room,
myth panels and insets are exactly what a deck gets); each text box is found by the
marker text it was filled with and measured with :func:`hrdeck.render.measure.area_of`;
on an agency template, the room each title may grow into is measured too
(:func:`hrdeck.render.placement.title_room`).
A theme whose geometry is hrdeck's own (no template, no logo, 16:9) is spared the
probe slides: its boxes are :data:`hrdeck.textfit.measure.DEFAULT_RULES`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from pptx.presentation import Presentation

from hrdeck.diagnostics import NOWHERE
from hrdeck.kinds import KINDS, SLIDE_KINDS
from hrdeck.plan.titlefit import ROOM_ROLE
from hrdeck.plan.types import Block, DeckPlan, SlidePlan
from hrdeck.render.deck import add_slide, start_deck
from hrdeck.render.design.grid import Grid
from hrdeck.render.layouts import Box, LayoutCache, content_area, slide_size
from hrdeck.render.measure import area_of
from hrdeck.render.oxml import clark, paragraph_element
from hrdeck.render.placement import title_room
from hrdeck.render.slides import IMAGE_TEXT_SHARE
from hrdeck.richtext import Para, Run
from hrdeck.textfit.measure import DEFAULT_RULES, FitRules, TextArea
from hrdeck.theme.model import Theme, own_layout_name

PROBE = "\u00a7{}\u00a7"  # a marker no curriculum text contains


def fit_rules(theme: Theme) -> FitRules:
    """The text boxes of every slide kind in `theme`, for the plan to fit text into.

    A theme on hrdeck's own layouts at 16:9 without a logo has exactly the boxes of
    :data:`~hrdeck.textfit.measure.DEFAULT_RULES` (palette, fonts, footer and numbers move no
    text box; a test compares the two), so it is spared the probe slides.
    """
    if _default_geometry(theme):
        return _rules(theme, DEFAULT_RULES.areas)
    return probe_rules(theme)


def _default_geometry(theme: Theme) -> bool:
    return (
        theme.template is None
        and theme.logo is None
        and theme.slide_size == "16:9"
        and all(theme.layout_name(kind) == own_layout_name(kind) for kind in SLIDE_KINDS)
    )


def _rules(theme: Theme, areas: Mapping[str, TextArea]) -> FitRules:
    return FitRules(
        areas=areas,
        body_font=theme.body_font,
        heading_font=theme.heading_font,
        font_loc=theme.loc("fonts.body"),
    )


def probe_rules(theme: Theme) -> FitRules:
    """:func:`fit_rules` measured from probe slides rendered in `theme`."""
    build = start_deck(theme)
    plan = _probe_plan()
    areas: dict[str, TextArea] = {}
    for spec in plan.slides:
        slide = add_slide(build, plan, spec, 1)
        areas.update(_probed_areas(slide, spec.kind, build.prs, build.layouts))
    body = areas.get("bullets/body")
    if body is not None:
        areas["bullets/body+image"] = dataclasses.replace(
            body, width_pt=body.width_pt * IMAGE_TEXT_SHARE
        )
    return _rules(theme, areas)


def _probe_plan() -> DeckPlan:
    """One slide per kind, each text block and title holding its own marker."""
    slides = []
    for kind in SLIDE_KINDS:
        blocks = tuple(
            Block(role, (Para((Run(PROBE.format(f"{kind}/{role}")),)),), heading="Heading")
            for role in KINDS[kind].placeholder_roles
        )
        slides.append(SlidePlan(kind, PROBE.format(f"{kind}/title"), kind, NOWHERE, blocks))
    return DeckPlan("probe", "Probe", "probe", "Probe", "en-US", "", "", (), tuple(slides))


def drawing_box(prs: Presentation, slide: Any, layouts: LayoutCache) -> Box:
    """Where drawn content goes: the grid's body area on hrdeck's own master (the
    renderer's choice too), else the free area between an agency layout's title and its
    footer band."""
    if not layouts.agency:
        return Grid(*slide_size(prs)).body
    return content_area(prs, slide, layouts)


def _probed_areas(
    slide: Any, kind: str, prs: Presentation, layouts: LayoutCache
) -> dict[str, TextArea]:
    """The area of each text box on `slide`, keyed by the marker it holds."""
    areas = {}
    if KINDS[kind].drawn:  # the area under the title, which the plan lays out itself
        box = drawing_box(prs, slide, layouts)
        areas[f"{kind}/content"] = TextArea(box.width_pt, box.height_pt, markers="none")
    for shape in slide.shapes:
        if not shape.has_text_frame:
            continue
        text = shape.text_frame.text
        for key in (f"{kind}/{role}" for role in (*KINDS[kind].placeholder_roles, "title")):
            if PROBE.format(key) in text:
                areas[key] = area_of(shape, _markers(shape), prs, layouts)
    title = areas.get(f"{kind}/title")
    room = title_room(prs, slide, layouts) if title is not None and layouts.agency else None
    if title is not None and room is not None:
        areas[f"{kind}/{ROOM_ROLE}"] = dataclasses.replace(title, height_pt=room.height_pt)
    return areas


def _markers(shape: Any) -> str:
    """How the renderer set the list markers of the shape's first paragraph."""
    p_pr = paragraph_element(shape.text_frame.paragraphs[0]).find(clark("a:pPr"))
    if p_pr is None:
        return "template"
    if p_pr.find(clark("a:buAutoNum")) is not None:
        return "number"
    if p_pr.find(clark("a:buNone")) is not None:
        return "hanging" if p_pr.get("indent", "0").startswith("-") else "none"
    return "template"
