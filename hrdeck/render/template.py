"""Agency templates: opened from their sanitized copy and checked against a theme's mapping.

:func:`open_template` gives python-pptx the sanitized package (see
:mod:`hrdeck.template.package`), so a damaged or hostile template is a ``bad-template``
error naming its part, never a traceback or a corrupt deck.  :func:`check_theme_template`
is everything ``hrdeck theme check`` and ``hrdeck build`` ask of a template, without
rendering: every mapped layout found (master by number or name); a title and the text
placeholders each kind fills (a missing one is drawn as a text box: a warning);
overlaps, edges, sizes for 18 pt text and contrast of the layouts used, named by master
and layout (:mod:`hrdeck.template.geometry`); the colours theme.yaml names against each
layout's own background (a picture's or gradient's dominant colour), with the nearest
passing shade; notes master and slide size.  Each finding is located at the
``layouts.<kind>`` line of theme.yaml, else at its ``template:`` line.

Codes: ``bad-template``, ``missing-layout``, ``unknown-master``, ``ambiguous-master``,
``layout-no-title``, ``layout-no-body``, ``duplicate-layout``, ``overlap``, ``off-slide``,
``small-text-area``, ``low-contrast``, ``uneven-background``, ``duplicate-idx``,
``unknown-background``, ``no-notes-master``, ``no-notes-placeholder``,
``slide-size-mismatch``.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pptx
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.presentation import Presentation

from hrdeck.diagnostics import Diagnostic, Loc, error, warning
from hrdeck.errors import ContentError
from hrdeck.kinds import KINDS, SLIDE_KINDS
from hrdeck.template.backdrop import backdrop
from hrdeck.template.colors import contrast_ratio, nearest_passing
from hrdeck.template.geometry import check_geometry
from hrdeck.template.loading import LoadedTemplate, load_template_file
from hrdeck.template.model import Layout, Placeholder, Template
from hrdeck.template.resolve import NotFound, find_layout
from hrdeck.theme.model import LayoutRef, Theme
from hrdeck.theme.templated import problem_diagnostics

SLIDE_ASPECTS = {"16:9": 16 / 9, "4:3": 4 / 3}
EMU_PER_INCH = 914400
TITLE_RATIO, BODY_RATIO = 3.0, 4.5
# theme.yaml colour role -> the placeholders it colours on a template
ROLE_TEXT = {"title": "title", "text": "body"}


# -- opening -------------------------------------------------------------------------


def open_template(path: Path, loc: Loc | None = None) -> Presentation:
    """The sanitized template as a python-pptx Presentation; ContentError ``bad-template``
    naming the part at fault when hrdeck cannot use it."""
    return open_loaded(load_template_file(path), loc or Loc(str(path), 1, 1))


def open_loaded(loaded: LoadedTemplate, loc: Loc) -> Presentation:
    if loaded.data is None:
        raise ContentError(
            f"template {loaded.path.name} cannot be used", problem_diagnostics(loaded, loc)
        )
    return pptx.Presentation(io.BytesIO(loaded.data))


# -- checking ------------------------------------------------------------------------


def check_theme_template(
    theme: Theme, needed_kinds: Iterable[str] = SLIDE_KINDS
) -> list[Diagnostic]:
    """Everything building `theme` would trip on in its template (see the module docstring)."""
    if theme.template is None:
        return []
    origin = theme.loc("template")
    loaded = load_template_file(theme.template)
    if loaded.model is None or loaded.data is None:
        return problem_diagnostics(loaded, origin)
    mapping = {kind: theme.layout_ref(kind) for kind in needed_kinds}
    found = check_mapping(loaded.model, mapping, _locs(theme, mapping, origin), theme)
    prs = open_loaded(loaded, origin)
    return found + notes_diagnostics(prs, origin) + size_diagnostics(prs, theme)


def _locs(theme: Theme, mapping: Mapping[str, LayoutRef], origin: Loc) -> dict[str, Loc]:
    return {kind: theme.locs.get(f"layouts.{kind}", origin) for kind in mapping}


def check_mapping(
    model: Template,
    mapping: Mapping[str, LayoutRef],
    locs: Mapping[str, Loc],
    theme: Theme | None = None,
) -> list[Diagnostic]:
    """What the template lacks for the slide kinds in `mapping`, once per layout."""
    groups: dict[LayoutRef, list[str]] = {}
    for kind, ref in mapping.items():
        groups.setdefault(ref, []).append(kind)
    found: list[Diagnostic] = []
    used: dict[tuple[int, str], tuple[Layout, list[str], Loc]] = {}
    for ref, kinds in groups.items():
        loc = locs[kinds[0]]
        try:
            layout = find_layout(model, ref.layout, ref.master)
        except NotFound as exc:
            found.append(
                error(loc, exc.code, exc.said_for(f"needed for {_kinds(kinds)}"), exc.hint)
            )
            continue
        key = (layout.master, layout.name)
        previous = used.get(key)
        used[key] = (
            layout,
            (previous[1] if previous else []) + kinds,
            previous[2] if previous else loc,
        )
    for layout, kinds, loc in used.values():
        found += _placeholder_diagnostics(layout, kinds, loc)
        found += _geometry_diagnostics(model, layout, kinds, loc)
        if theme is not None:
            found += _named_colour_diagnostics(model, layout, kinds, theme)
            found += _chrome_diagnostics(model, layout, kinds, theme, loc)
    return found


def _kinds(kinds: list[str]) -> str:
    return ", ".join(kinds) + " slides"


def _where(layout: Layout) -> str:
    return f"layout {layout.name!r} of master {layout.master}"


def _placeholder_diagnostics(layout: Layout, kinds: list[str], loc: Loc) -> list[Diagnostic]:
    found = []
    if layout.title is None:
        message = f"{_where(layout)} (for {_kinds(kinds)}) has no title placeholder"
        hint = "screen readers and outline view need slide titles: map them to another layout"
        found.append(error(loc, "layout-no-title", message, hint))
    have = len([p for p in layout.text_placeholders if p.box is not None])
    short = [k for k in kinds if KINDS[k].text_placeholders > have]
    if short:
        needed = max(KINDS[k].text_placeholders for k in short)
        message = (
            f"{_where(layout)} has {have} body/content placeholder(s); {_kinds(short)} need "
            f"{needed}: hrdeck draws text boxes in its body area instead"
        )
        hint = "map those kinds to a layout with enough placeholders (`hrdeck theme inspect`)"
        found.append(warning(loc, "layout-no-body", message, hint))
    return found


def _geometry_diagnostics(
    model: Template, layout: Layout, kinds: list[str], loc: Loc
) -> list[Diagnostic]:
    return [
        Diagnostic(
            loc,
            problem.severity,
            problem.code,
            f"{problem.message} (used for {_kinds(kinds)})",
            problem.hint or None,
        )
        for problem in check_geometry(model, [(layout.master, layout.name)], chrome=False)
    ]


def _named_colour_diagnostics(
    model: Template, layout: Layout, kinds: list[str], theme: Theme
) -> list[Diagnostic]:
    """Text colours theme.yaml names against what the layout's text sits on."""
    found = []
    for role, placeholder_kind in ROLE_TEXT.items():
        if not theme.names(f"palette.{role}"):
            continue
        colour = getattr(theme.palette, role)
        for placeholder in _text_boxes(layout, placeholder_kind):
            diagnostic = _contrast(
                model, layout, placeholder, role, colour, theme.loc(f"palette.{role}")
            )
            if diagnostic is not None:
                found.append(diagnostic)
                break
    return found


def _chrome_diagnostics(
    model: Template, layout: Layout, kinds: list[str], theme: Theme, loc: Loc
) -> list[Diagnostic]:
    """The footer and slide number hrdeck writes in ``muted`` on the layout's own boxes."""
    shown = {"ftr": bool(theme.footer), "sldNum": theme.slide_numbers}
    if not any(KINDS[kind].chrome for kind in kinds):
        return []
    found = []
    for placeholder in layout.placeholders:
        if placeholder.box is None or not shown.get(placeholder.type):
            continue
        behind = backdrop(layout, placeholder.box, model.slide_box).color
        muted = theme.palette.muted
        if behind is None or contrast_ratio(muted, behind) >= BODY_RATIO:
            continue
        ratio = contrast_ratio(muted, behind)
        message = (
            f"the {CHROME_NAMES[placeholder.type]} of {_where(layout)} would be muted #{muted} "
            f"on #{behind}, contrast {ratio:.2f}:1; small text needs {BODY_RATIO:g}:1 "
            f"(used for {_kinds(kinds)})"
        )
        shade = nearest_passing(muted, behind, BODY_RATIO)
        hint = f"set palette.muted to #{shade}" if shade else "set palette.muted to another colour"
        found.append(warning(loc, "low-contrast", message, hint + " in theme.yaml"))
    return found


CHROME_NAMES = {"ftr": "footer", "sldNum": "slide number"}


def _text_boxes(layout: Layout, kind: str) -> list[Placeholder]:
    if kind == "title":
        return [p for p in layout.placeholders if p.is_title and p.box is not None]
    return [p for p in layout.text_placeholders if p.box is not None]


def _contrast(
    model: Template, layout: Layout, placeholder: Placeholder, role: str, colour: str, loc: Loc
) -> Diagnostic | None:
    assert placeholder.box is not None
    behind = backdrop(layout, placeholder.box, model.slide_box).color
    needed = TITLE_RATIO if role == "title" else BODY_RATIO
    if behind is None or contrast_ratio(colour, behind) >= needed:
        return None
    ratio = contrast_ratio(colour, behind)
    message = (
        f"{role} #{colour} on #{behind}, behind {placeholder.name!r} of {_where(layout)}, has "
        f"contrast {ratio:.2f}:1; at least {needed:g}:1 is needed"
    )
    shade = nearest_passing(colour, behind, needed)
    hint = f"use #{shade}, the nearest shade that passes" if shade else "choose another colour"
    return error(loc, "low-contrast", message, hint + ", or map these kinds to another master")


def has_notes_master(prs: Presentation) -> bool:
    """True if the file itself has a notes master (python-pptx invents one otherwise)."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        prs.part.part_related_by(RT.NOTES_MASTER)
    except KeyError:
        return False
    return True


def notes_diagnostics(prs: Presentation, loc: Loc) -> list[Diagnostic]:
    """How speaker notes will work with this template."""
    if not has_notes_master(prs):
        message = (
            "the template has no notes master; hrdeck will add python-pptx's plain "
            "default notes page, so speaker notes work but printed notes look generic"
        )
        hint = "in PowerPoint open View > Notes Master once and save the template again"
        return [warning(loc, "no-notes-master", message, hint)]
    shapes: Any = prs.notes_master.placeholders  # python-pptx types these loosely
    types = [shape.placeholder_format.type for shape in shapes]
    if PP_PLACEHOLDER.BODY not in types:
        message = "the template's notes master has no notes (body) placeholder"
        hint = "View > Notes Master > Master Layout: tick 'Body', then save the template"
        return [
            error(loc, "no-notes-placeholder", message + "; speaker notes cannot be added", hint)
        ]
    return []


def size_diagnostics(prs: Presentation, theme: Theme) -> list[Diagnostic]:
    """A slide_size written in theme.yaml that differs from the template's."""
    if theme.slide_size is None or "slide_size" not in theme.locs:
        return []
    aspect = int(prs.slide_width or 1) / int(prs.slide_height or 1)
    if abs(aspect - SLIDE_ASPECTS[theme.slide_size]) < 0.02:
        return []
    message = (
        f"theme.yaml asks for {theme.slide_size} slides but the template's are "
        f"{_inches(prs.slide_width)} x {_inches(prs.slide_height)} in"
    )
    hint = "remove slide_size from theme.yaml to keep the template's size"
    return [warning(theme.loc("slide_size"), "slide-size-mismatch", message, hint)]


def _inches(emu: int | None) -> str:
    return f"{int(emu or 0) / EMU_PER_INCH:.2f}"
