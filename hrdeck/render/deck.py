"""render_deck: a fitted DeckPlan + Theme -> the bytes of an editable .pptx.

The steps: open the theme's template (or python-pptx's default) and drop any slides
it carries; size it and apply the palette and fonts; then, for every plan slide, add
a slide from its named layout, its footer / number / logo, its content and its
speaker notes; finally save reproducibly.

An agency template is opened from its sanitized copy (:mod:`hrdeck.template`: DTDs
stripped, damaged parts refused as ``bad-template`` naming the part, gaps PowerPoint
would repair filled), its layouts' placeholders numbered apart, and only what
theme.yaml itself names of the palette and fonts written into it
(:mod:`hrdeck.render.templatetheme`); each slide is prepared for its kind
(:func:`hrdeck.render.placement.prepare_slide`) before its content is set.

The plan must already be fitted to the theme's text boxes (``DeckPlan.fitted``: text
sizes chosen, long slides split): the renderer sets text, it does not plan it.  A
plan from ``build_plan`` is fitted; one made by hand goes through
``hrdeck.pipeline.render_plan``, which fits it first.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pptx
from pptx.presentation import Presentation
from pptx.slide import NotesSlide, Slide, SlideLayout
from pptx.text.text import TextFrame

from hrdeck.errors import ContentError
from hrdeck.kinds import KINDS
from hrdeck.plan.types import DeckPlan, SlidePlan
from hrdeck.render import chrome, oxml
from hrdeck.render.design.ownpackage import own_presentation
from hrdeck.render.layouts import LayoutCache, find_layout
from hrdeck.render.master import apply_theme, resize
from hrdeck.render.package import PartFactory, reproducible_bytes
from hrdeck.render.slides import RENDERERS, SlideContext
from hrdeck.render.text import TextStyle, fill, tag_language
from hrdeck.textfit.measure import LineMemo
from hrdeck.theme.model import Theme

if TYPE_CHECKING:
    from hrdeck.template.loading import LoadedTemplate
    from hrdeck.template.model import Template

_SP = oxml.clark("p:sp")


@dataclass(frozen=True)
class RenderMemo:
    """What a long-lived process (``hrdeck watch``) keeps from one render to the next:
    only pure results of text (QR code modules by address), never python-pptx objects."""

    qr_codes: dict[str, list[bytearray]] = field(default_factory=dict)


def render_deck(
    plan: DeckPlan,
    theme: Theme,
    memo: RenderMemo | None = None,
    lines: LineMemo | None = None,
) -> bytes:
    """The .pptx file for the fitted `plan` in `theme`, as bytes (same inputs, same bytes).

    `lines`: the line breaks the plan's fitting measured (the renderer checks the plan's
    sizes in the same boxes, and finds most of them there).  ValueError if the plan was
    not fitted (see the module's docstring).
    """
    if not plan.fitted:
        raise ValueError(
            f"render_deck needs a fitted plan; the plan for {plan.audience!r} was not fitted: "
            "fit it with hrdeck.plan.fit.fit_deck(plan, fit_rules(theme), diagnostics) "
            "or render it with hrdeck.pipeline.render_plan(plan, theme)"
        )
    build = start_deck(theme)
    if memo is not None:
        build.layouts.qr_codes = memo.qr_codes
    if lines is not None:
        build.layouts.lines = lines
    for spec in plan.slides:
        if spec.kind not in RENDERERS:
            raise ContentError(f"slide {spec.title!r} has unknown kind {spec.kind!r}")
    for number, spec in enumerate(plan.slides, start=1):
        slide = add_slide(build, plan, spec, number)
        if spec.notes:
            add_notes(slide, spec, plan.language, build.parts)
        tag_language(slide.element, plan.language)
    return reproducible_bytes(build.prs, plan)


@dataclass(frozen=True)
class DeckBuild:
    """A presentation being built in a theme, with the part factory and layout cache that
    belong to it (made together by :func:`start_deck`, dropped together), and the
    agency template's model when there is one."""

    prs: Presentation
    theme: Theme
    parts: PartFactory
    layouts: LayoutCache
    model: Template | None = None
    chosen: dict[str, SlideLayout] = field(default_factory=dict)  # kind -> its layout


def start_deck(theme: Theme) -> DeckBuild:
    """An empty presentation in `theme` (template, size, palette, fonts), ready for slides."""
    if theme.template is None:
        prs = own_presentation(theme)
        resize(prs, theme.slide_size)
        apply_theme(prs, theme)
        return DeckBuild(prs, theme, PartFactory(prs), LayoutCache())
    from hrdeck.render.placement import number_placeholders  # a template: only then
    from hrdeck.render.templatetheme import apply_template_theme
    from hrdeck.template.loading import load_template_file

    loaded = load_template_file(theme.template)
    prs = open_presentation(theme, loaded)
    number_placeholders(prs)
    resize(prs, theme.slide_size)
    apply_template_theme(prs, theme)
    return DeckBuild(prs, theme, PartFactory(prs), LayoutCache(agency=True), loaded.model)


def add_slide(build: DeckBuild, plan: DeckPlan, spec: SlidePlan, number: int) -> Slide:
    """Slide `number` of the deck: its layout, chrome and content (not its notes)."""
    prs, theme = build.prs, build.theme
    layout = layout_for(build, spec.kind)
    slide = build.parts.add_slide(layout)
    build.layouts.slide_layouts[slide.part] = layout
    if build.layouts.agency:
        from hrdeck.render.placement import prepare_slide

        prepare_slide(prs, slide, spec, build.layouts, chrome_band(theme, spec.kind))
    ctx = SlideContext(prs, slide, spec, plan, theme, build.parts, build.layouts)
    add_chrome(ctx, number)
    RENDERERS[spec.kind](ctx)
    return slide


def layout_for(build: DeckBuild, kind: str) -> SlideLayout:
    """The layout the theme maps `kind` to (looked up once per kind and deck)."""
    found = build.chosen.get(kind)
    if found is None:
        ref = build.theme.layout_ref(kind)
        found = build.chosen[kind] = find_layout(build.prs, ref, kind, build.model)
    return found


def chrome_band(theme: Theme, kind: str) -> frozenset[str]:
    """The footer-band placeholder types hrdeck fills on a slide of `kind`."""
    if not KINDS[kind].chrome:
        return frozenset()
    return frozenset(
        name
        for name, shown in (("ftr", bool(theme.footer)), ("sldNum", theme.slide_numbers))
        if shown
    )


def open_presentation(theme: Theme, loaded: LoadedTemplate | None = None) -> Presentation:
    """The theme's template without its own slides (sanitized: see the module docstring),
    or hrdeck's own master; ContentError ``bad-template`` naming the part at fault."""
    if theme.template is None:
        return own_presentation(theme)
    from hrdeck.template.loading import load_template_file
    from hrdeck.theme.templated import problem_diagnostics

    loaded = loaded or load_template_file(theme.template)
    if loaded.data is None:
        found = problem_diagnostics(loaded, theme.loc("template"))
        raise ContentError(f"template {theme.template.name} cannot be used", found)
    prs = pptx.Presentation(io.BytesIO(loaded.data))
    oxml.drop_all_slides(prs)
    return prs


def add_chrome(ctx: SlideContext, number: int) -> None:
    """Footer, slide number and logo, as the theme asks and the kind allows."""
    row, theme = KINDS[ctx.spec.kind], ctx.theme
    if not row.chrome:
        return
    if theme.footer:
        chrome.add_footer(ctx.slide, ctx.prs, theme.footer, theme, ctx.lang, ctx.layouts)
    if theme.slide_numbers:
        chrome.add_slide_number(ctx.slide, ctx.prs, number, theme, ctx.lang, ctx.layouts)
    if theme.logo is not None and row.logo:
        chrome.add_logo(ctx.slide, ctx.prs, theme.logo, ctx.parts, ctx.layouts)


def add_notes(slide: Slide, spec: SlidePlan, lang: str, parts: PartFactory) -> None:
    """The plan's notes in the notes placeholder, keeping levels and emphasis."""
    notes_slide = parts.notes_slide(slide)
    frame = _notes_body(notes_slide)
    if frame is None:  # a custom notes master without a body placeholder: add one
        oxml.add_notes_body(notes_slide)
        frame = notes_slide.notes_text_frame
    assert frame is not None
    fill(frame, spec.notes, TextStyle(lang=lang, markers="notes"))
    tag_language(notes_slide.element, lang)


def _notes_body(notes_slide: NotesSlide) -> TextFrame | None:
    """The notes placeholder's text frame, found in the XML directly (python-pptx's
    ``notes_text_frame`` resolves every placeholder's type through XPath)."""
    for element in oxml.shape_tree(notes_slide).iterchildren(_SP):
        ph = oxml.ph_element(element)
        if ph is not None and ph.get("type") == "body":
            return oxml.notes_placeholder(notes_slide, element).text_frame
    return None
