"""What a theme takes from its agency template, and the template's problems as diagnostics.

With a template, theme.yaml may leave out ``palette`` and ``fonts``, or name only some
roles: the rest are read from the template (see :mod:`hrdeck.template.palette`), from
the layout bullets slides use, and their names are remembered in
``Theme.from_template`` so the renderer leaves them as the template has them.  A slide
kind ``layouts:`` leaves out gets the layout ``theme inspect`` would propose for it.  A
template hrdeck cannot use gives ``bad-template`` errors located at the ``template:``
line of theme.yaml, each naming the part of the package at fault.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hrdeck.diagnostics import Diagnostic, Loc, error, warning
from hrdeck.kinds import SLIDE_KINDS
from hrdeck.template.loading import LoadedTemplate, load_template_file
from hrdeck.template.model import Layout, Template
from hrdeck.template.palette import ROLES, fonts_from_template, palette_from_template
from hrdeck.template.problems import Problem
from hrdeck.template.resolve import NotFound, find_layout
from hrdeck.theme.model import LayoutRef
from hrdeck.theme.refs import named_settings

FONT_ROLES = ("heading", "body")
FALLBACK_FONT = "Calibri"


@dataclass(frozen=True)
class TemplateSettings:
    """Every colour role and font, what came from the template, and what went wrong."""

    palette: dict[str, str]
    fonts: dict[str, str]
    layouts: dict[str, LayoutRef]
    from_template: frozenset[str]
    diagnostics: tuple[Diagnostic, ...]


def template_settings(
    data: Mapping[str, Any], template: Path, refs: Mapping[str, LayoutRef], loc: Loc
) -> TemplateSettings:
    """The theme's palette, fonts and layouts, what theme.yaml leaves out read from
    ``template``."""
    palette, fonts = named_settings(data)
    loaded = load_template_file(template)
    found = tuple(problem_diagnostics(loaded, loc))
    if loaded.model is None:
        return TemplateSettings(palette, fonts, dict(refs), frozenset(), found)
    layouts = {**proposed_refs(loaded), **refs}
    taken = {f"layouts.{kind}" for kind in layouts if kind not in refs}
    layout = content_layout(loaded, refs)
    if layout is not None:
        palette = palette_from_template(loaded.model, layout, palette)
        read, notes = drawn_fonts(fonts_from_template(loaded.model, layout), loc)
        fonts, found = {**read, **fonts}, found + tuple(notes)
    taken |= {f"palette.{r}" for r in ROLES if r not in (data.get("palette") or {})}
    taken |= {f"fonts.{r}" for r in FONT_ROLES if r not in (data.get("fonts") or {})}
    return TemplateSettings(palette, _with_fallback(fonts), layouts, frozenset(taken), found)


def proposed_refs(loaded: LoadedTemplate) -> dict[str, LayoutRef]:
    """The layout ``theme inspect`` proposes for each kind, master included."""
    proposal = loaded.proposal
    if proposal is None:
        return {}
    return {
        kind: LayoutRef(choice.layout, choice.master)
        for kind, choice in proposal.mapping.items()
        if kind in SLIDE_KINDS
    }


def drawn_fonts(fonts: Mapping[str, str], loc: Loc) -> tuple[dict[str, str], list[Diagnostic]]:
    """The template's fonts as they are drawn here: one that is not installed becomes the
    font LibreOffice draws instead (so text is fitted to what is drawn), with a warning."""
    from hrdeck.theme.checks import SAFE_FONTS, font_substitute, suggest_font

    drawn, notes = {}, []
    for role, font in fonts.items():
        # a common font has a metric-compatible stand-in (Arial: Liberation Sans)
        substitute = None if font.casefold() in SAFE_FONTS else font_substitute(font)
        drawn[role] = substitute or font
        if substitute is None:
            continue
        message = (
            f"the template's {role} font {font!r} is not installed here: LibreOffice draws "
            f"{substitute!r} instead and hrdeck fits text to it; where {font!r} is installed "
            "line breaks may differ, and PowerPoint substitutes a font of its own where it is not"
        )
        hint = (
            f"install {font!r} where decks are built, or name a font in theme.yaml "
            f"(fonts: {{{role}: {suggest_font(font)}}})"
        )
        notes.append(warning(loc, "font-not-installed", message, hint))
    return drawn, notes


def _with_fallback(fonts: Mapping[str, str]) -> dict[str, str]:
    return {role: fonts.get(role) or FALLBACK_FONT for role in FONT_ROLES}


def content_layout(loaded: LoadedTemplate, refs: Mapping[str, LayoutRef]) -> Layout | None:
    """The layout bullets slides use: the theme's choice, else the proposed one."""
    model = loaded.model
    if model is None:
        return None
    ref = refs.get("bullets")
    if ref is not None:
        try:
            return find_layout(model, ref.layout, ref.master)
        except NotFound:
            pass  # reported by the template check; read colours from the proposal
    proposal = loaded.proposal
    choice = proposal.mapping.get("bullets") if proposal is not None else None
    if choice is not None:
        return model.layout(choice.master, choice.layout)
    return _first_with_text(model)


def _first_with_text(model: Template) -> Layout | None:
    layouts = list(model.layouts())
    with_text = [lay for lay in layouts if lay.title is not None and lay.text_placeholders]
    return next(iter(with_text or layouts), None)


def problem_diagnostics(loaded: LoadedTemplate, loc: Loc) -> list[Diagnostic]:
    """The template's errors and warnings, located at ``loc`` (repairs are not reported)."""
    return [
        problem_diagnostic(problem, loc, loaded.path.name)
        for problem in loaded.problems
        if problem.severity != "info"
    ]


def problem_diagnostic(problem: Problem, loc: Loc, template_name: str) -> Diagnostic:
    """One template problem as a diagnostic at ``loc``, naming the template and its part."""
    message = problem.message
    if problem.part and problem.part not in message and problem.master is None:
        message = f"{problem.part}: {message}"
    message = f"template {template_name}: {message}"
    make = error if problem.is_error else warning
    return make(loc, problem.code, message, problem.hint or None)


def usable_template(path: Path) -> LoadedTemplate:
    """The template at ``path`` read for inspection; ContentError ``bad-template`` naming
    the part at fault when hrdeck cannot use it."""
    from hrdeck.errors import ContentError

    loaded = load_template_file(path)
    if loaded.model is None:
        found = problem_diagnostics(loaded, Loc(str(path), 1, 1))
        raise ContentError(f"template {path.name} cannot be used", found)
    return loaded
