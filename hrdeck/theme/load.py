"""Themes: theme.yaml (palette, fonts, logo, footer, size, optional template) as data.

Pure data and loading, no python-pptx.  :func:`load_theme` finds a theme by name
(project ``themes/<name>`` first, then the built-in themes) or by path, validates it
against ``schemas/theme.schema.json`` and the files it names, and raises
``ContentError`` with every located diagnostic.  Schema errors are worded in
:mod:`hrdeck.theme.schema`; quality checks (contrast, logo, fonts) live in
:mod:`hrdeck.theme.checks`; an agency template's layouts are checked by the
renderer's template module, and :func:`hrdeck.pipeline.check_theme_full` runs both.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from hrdeck.curriculum.load import display_path, load_yaml_file
from hrdeck.diagnostics import Diagnostic, Loc, has_errors, sort_diagnostics
from hrdeck.errors import ContentError, UsageError
from hrdeck.paths import builtin_themes
from hrdeck.theme.model import THEME_FILE, Logo, Palette, Theme
from hrdeck.theme.refs import layout_refs, named_settings


def list_themes(project_dir: Path | None = None) -> list[tuple[str, Path, str]]:
    """``(name, folder, origin)`` for project themes (origin "project"), then built-ins."""
    found: list[tuple[str, Path, str]] = []
    if project_dir is not None:
        found += [(p.name, p, "project") for p in _theme_folders(project_dir / "themes")]
    found += [(p.name, p, "built-in") for p in _theme_folders(builtin_themes())]
    return found


def _theme_folders(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / THEME_FILE).is_file())


def find_theme_file(spec: str | Path | None, project_dir: Path | None = None) -> Path:
    """The theme.yaml that ``spec`` names; UsageError listing known themes if none.

    A ``Path``, or text with a slash or a .yaml suffix, is a path (to a folder or its
    theme.yaml; relative to the current folder, else to ``project_dir``).  Other text
    is a name: ``project_dir/themes/<name>`` first, then the built-in themes, then a
    folder of that name holding a theme.yaml.
    """
    spec = "default" if spec is None else spec
    if isinstance(spec, Path) or _looks_like_path(spec):
        found = _theme_at(Path(spec), project_dir)
        if found is None:
            raise UsageError(f"no theme.yaml at {spec}; " + _known_themes(project_dir))
        return found
    for name, folder, _origin in list_themes(project_dir):
        if name == spec:
            return folder / THEME_FILE
    found = _theme_at(Path(spec), project_dir)  # a folder here, named without a slash
    if found is not None and found.name == THEME_FILE:
        return found
    raise UsageError(f"no theme named {spec!r}; " + _known_themes(project_dir))


def _theme_at(path: Path, project_dir: Path | None) -> Path | None:
    candidates = [path]
    if project_dir is not None and not path.is_absolute():
        candidates.append(project_dir / path)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
        if (candidate / THEME_FILE).is_file():
            return candidate / THEME_FILE
    return None


def _looks_like_path(spec: str) -> bool:
    return "/" in spec or os.sep in spec or spec.endswith((".yaml", ".yml")) or spec == "."


def _known_themes(project_dir: Path | None) -> str:
    known = sorted({name for name, _path, _origin in list_themes(project_dir)})
    return f"known themes: {', '.join(known)} (or give the path of a folder holding a theme.yaml)"


# -- loading ------------------------------------------------------------------------


def load_theme(spec: str | Path | None, project_dir: Path | None = None) -> Theme:
    """Find, read and validate a theme; ContentError with every problem if invalid."""
    from hrdeck.curriculum.textchars import character_diagnostics
    from hrdeck.theme.checks import file_diagnostics  # imports this module: late
    from hrdeck.theme.schema import theme_schema_diagnostics

    path = find_theme_file(spec, project_dir)
    display = display_path(path)
    data, smap, diagnostics = load_yaml_file(path, display)
    diagnostics = list(diagnostics)
    if not has_errors(diagnostics):
        diagnostics += theme_schema_diagnostics(data, smap)
        diagnostics += character_diagnostics(data, smap)
    if has_errors(diagnostics):
        raise _invalid(display, diagnostics)
    assert isinstance(data, dict)  # schema-valid
    theme = theme_from_data(data, path.parent, _locs(smap.values, smap.keys, display))
    diagnostics += file_diagnostics(theme)
    if has_errors(diagnostics):
        raise _invalid(display, diagnostics)
    return _with_warnings(theme, diagnostics)


def _invalid(display: str, diagnostics: list[Diagnostic]) -> ContentError:
    count = sum(d.is_error for d in diagnostics)
    return ContentError(f"theme {display}: {count} error(s)", sort_diagnostics(diagnostics))


def _with_warnings(theme: Theme, diagnostics: list[Diagnostic]) -> Theme:
    found = tuple(dict.fromkeys([*diagnostics, *theme.load_warnings]))
    return replace(theme, load_warnings=found) if found else theme


def _locs(values: Mapping[Any, Loc], keys: Mapping[Any, Loc], display: str) -> dict[str, Loc]:
    """Dotted names -> locations; keys for sections, values for scalars."""
    locs: dict[str, Loc] = {"": Loc(display, 1, 1)}
    for table in (keys, values):
        for path, loc in table.items():
            if path:
                locs[".".join(str(part) for part in path)] = loc
    return locs


def theme_from_data(data: Mapping[str, Any], folder: Path, locs: Mapping[str, Loc]) -> Theme:
    """Build a Theme from schema-valid theme.yaml data (paths relative to ``folder``).

    With a template, what theme.yaml leaves out of ``palette`` and ``fonts`` is read from
    it (:mod:`hrdeck.theme.templated`); ContentError when that cannot be done.
    """
    logo = data.get("logo")
    refs = layout_refs(data)
    template = folder / data["template"] if data.get("template") else None
    palette, fonts = named_settings(data)
    from_template: frozenset[str] = frozenset()
    warnings: tuple[Diagnostic, ...] = ()
    where = locs.get("template") or Loc(str(folder / THEME_FILE), 1, 1)
    if template is not None and not _complete(palette, fonts):
        _require_template_file(folder, template, where)
    if template is not None and _template_file_usable(folder, template):
        from hrdeck.theme.templated import template_settings  # reads templates: only then

        settings = template_settings(data, template, refs, where)
        if has_errors(settings.diagnostics):
            raise _invalid(where.file, list(settings.diagnostics))
        palette, fonts, refs = settings.palette, settings.fonts, settings.layouts
        from_template, warnings = settings.from_template, settings.diagnostics
    return Theme(
        name=data["name"],
        folder=folder,
        palette=Palette(**palette),
        heading_font=fonts["heading"],
        body_font=fonts["body"],
        logo=Logo(folder / logo["path"], logo["alt"], logo.get("position", "top-right"))
        if logo
        else None,
        footer=data.get("footer"),
        slide_numbers=data.get("slide_numbers", True),
        slide_size=data.get("slide_size", None if template else "16:9"),
        template=template,
        layouts=refs,
        description=data.get("description", ""),
        locs=dict(locs),
        load_warnings=warnings,
        from_template=from_template,
    )


def _complete(palette: Mapping[str, str], fonts: Mapping[str, str]) -> bool:
    return set(palette) == {f.name for f in fields(Palette)} and set(fonts) >= {"heading", "body"}


def _require_template_file(folder: Path, template: Path, loc: Loc) -> None:
    """ContentError when the template theme.yaml reads colours or fonts from is not there."""
    from hrdeck.theme.checks import template_file_diagnostics  # imports this module: late

    found = template_file_diagnostics(folder, template, loc)
    if found:
        raise _invalid(loc.file, found)


def _template_file_usable(folder: Path, template: Path) -> bool:
    """Inside the theme folder and present (the file checks report the rest)."""
    return template.resolve().is_relative_to(folder.resolve()) and template.is_file()
