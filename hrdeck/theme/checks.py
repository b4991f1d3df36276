"""Theme quality checks: WCAG contrast, logo and template files, fonts.

No python-pptx: an agency template's layouts are checked by the renderer's template
module (:func:`hrdeck.pipeline.check_theme_full` runs both).

Codes: ``low-contrast``, ``logo-outside``, ``missing-logo``, ``logo-not-image`` (a
file that is no picture PowerPoint shows), ``bad-image`` (a damaged, huge or too
thin one: :mod:`hrdeck.curriculum.pictures` opens it as the build will),
``template-outside``, ``missing-template``, ``uncommon-font``, ``font-not-installed``
(``fc-match`` names the font drawn instead).  A colour that fails contrast gets the
nearest shade of it that passes.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from hrdeck.curriculum.load import display_path
from hrdeck.curriculum.pictures import Unusable, convert_hint, inspect_picture, logo_problem
from hrdeck.diagnostics import Diagnostic, Loc, error, sort_diagnostics, warning
from hrdeck.theme.contrast import (
    AA_BODY,
    AA_LARGE,
    contrast_ratio,
    format_ratio,
    relative_luminance,
)
from hrdeck.theme.model import Logo, Theme

# Fonts found on nearly every machine that shows decks (Windows, macOS, Office
# installs), with the metric-compatible stand-in LibreOffice uses on Linux.
SAFE_FONTS: Mapping[str, str] = {
    "calibri": "Carlito",
    "cambria": "Caladea",
    "arial": "Liberation Sans",
    "helvetica": "Liberation Sans",
    "times new roman": "Liberation Serif",
    "verdana": "DejaVu Sans",
    "tahoma": "DejaVu Sans",
    "segoe ui": "Open Sans",
    "georgia": "Gelasio",
    "trebuchet ms": "Ubuntu",
    "aptos": "Carlito",
    "courier new": "Liberation Mono",
    "consolas": "Inconsolata",
    "gill sans mt": "Gillius ADF",
    "century gothic": "URW Gothic",
}

# -- the files a theme names--------------------------------------------------------


def file_diagnostics(theme: Theme) -> list[Diagnostic]:
    """Logo and template: inside the theme folder, present, of the right kind."""
    found: list[Diagnostic] = []
    if theme.logo is not None:
        found += _logo_diagnostics(theme, theme.logo)
    if theme.template is not None:
        found += template_file_diagnostics(theme.folder, theme.template, theme.loc("template"))
    return found


def _outside(folder: Path, path: Path) -> bool:
    return not path.resolve().is_relative_to(folder.resolve())


def _logo_diagnostics(theme: Theme, logo: Logo) -> list[Diagnostic]:
    loc = theme.loc("logo.path")
    if _outside(theme.folder, logo.path):
        return [
            error(
                loc,
                "logo-outside",
                f"logo {logo.path} is outside the theme folder",
                "copy the logo into the theme folder so the theme travels as one folder",
            )
        ]
    if not logo.path.is_file():
        return [error(loc, "missing-logo", f"logo file {display_path(logo.path)} does not exist")]
    found = inspect_picture(logo.path)
    if isinstance(found, Unusable):
        code = "logo-not-image" if found.wrong_kind else "bad-image"
        message = f"logo {display_path(logo.path)} cannot be shown: {found.reason}"
        return [error(loc, code, message, convert_hint())]
    thin = logo_problem(found)
    if thin is not None:
        message = f"logo {display_path(logo.path)} cannot be shown: {thin}"
        hint = "crop the logo, or give it some margin, so it is at most 10 times as wide as high"
        return [error(loc, "bad-image", message, hint)]
    return []


def template_file_diagnostics(folder: Path, template: Path, loc: Loc) -> list[Diagnostic]:
    """A template outside the theme folder, or missing."""
    if _outside(folder, template):
        return [
            error(
                loc,
                "template-outside",
                f"template {template} is outside the theme folder",
                "put the .pptx/.potx in the theme folder and name it relative to theme.yaml",
            )
        ]
    if not template.is_file():
        return [error(loc, "missing-template", f"template {display_path(template)} does not exist")]
    return []


# -- quality checks ------------------------------------------------------------------

# (foreground, background, minimum ratio, what the pair is used for)
_CONTRAST_PAIRS = (
    ("text", "background", AA_BODY, "body text"),
    ("muted", "background", AA_BODY, "secondary text (footer, captions)"),
    ("title", "background", AA_LARGE, "title text"),
    ("accent_text", "accent", AA_BODY, "text on an accent shape"),
    ("accent_text", "accent2", AA_BODY, "text on an accent2 shape"),
    ("accent", "background", AA_LARGE, "an accent shape against the background"),
    ("accent2", "background", AA_LARGE, "an accent2 shape against the background"),
)


def _contrast_hint(theme: Theme, fg_name: str, bg_name: str, minimum: float) -> str:
    """Which way to move the colours, and the nearest passing shade of the one to change
    (the foreground, unless only the background is theme.yaml's own)."""
    fg, bg = getattr(theme.palette, fg_name), getattr(theme.palette, bg_name)
    if relative_luminance(fg) > relative_luminance(bg):
        way = f"lighten {fg_name} or darken {bg_name} (WCAG 2 level AA)"
    else:
        way = f"darken {fg_name} or lighten {bg_name} (WCAG 2 level AA)"
    from hrdeck.template.colors import nearest_passing  # only when a pair fails

    change_bg = theme.names(f"palette.{bg_name}") and not theme.names(f"palette.{fg_name}")
    role, colour, against = (bg_name, bg, fg) if change_bg else (fg_name, fg, bg)
    shade = nearest_passing(colour, against, minimum)
    if shade is None:
        return way
    return f"{role}: #{shade} is the nearest shade of #{colour} that passes; or {way}"


def contrast_diagnostics(theme: Theme) -> list[Diagnostic]:
    """Every palette pair below its WCAG AA minimum, naming both colours and the ratio."""
    found = []
    for fg_name, bg_name, minimum, use in _CONTRAST_PAIRS:
        fg, bg = getattr(theme.palette, fg_name), getattr(theme.palette, bg_name)
        ratio = contrast_ratio(fg, bg)
        if ratio < minimum:
            message = (
                f"{fg_name} #{fg} on {bg_name} #{bg} has contrast "
                f"{format_ratio(ratio, minimum)}; {use} needs at least {minimum:g}:1"
            )
            hint = _contrast_hint(theme, fg_name, bg_name, minimum)
            loc = setting_loc(theme, f"palette.{fg_name}")
            found.append(error(loc, "low-contrast", message, hint))
    return found


def font_diagnostics(theme: Theme) -> list[Diagnostic]:
    """Fonts not installed here (what stands in for them), or that presentation machines
    may lack, with a common font to name instead."""
    found = []
    seen = set()
    for role, font in (("heading", theme.heading_font), ("body", theme.body_font)):
        if font.casefold() in SAFE_FONTS or font in seen or not theme.names(f"fonts.{role}"):
            continue  # a template's own font is checked as it is read
        seen.add(font)
        loc = setting_loc(theme, f"fonts.{role}")
        substitute = font_substitute(font)
        if substitute is not None:
            message = (
                f"{role} font {font!r} is not installed here: LibreOffice draws it as "
                f"{substitute!r}, and PowerPoint substitutes a font of its own where it is "
                "missing, so line breaks may differ from those hrdeck fitted the text to"
            )
            hint = (
                f"install {font!r} wherever decks are built and shown, or name a common font "
                f"in theme.yaml (fonts: {{{role}: {suggest_font(font)}}})"
            )
            found.append(warning(loc, "font-not-installed", message, hint))
            continue
        message = (
            f"{role} font {font!r} may not be installed where the deck is shown; "
            f"PowerPoint would substitute another font and text may no longer fit"
        )
        hint = f"use a common font such as {suggest_font(font)}, or install {font!r} everywhere"
        found.append(warning(loc, "uncommon-font", message, hint))
    return found


def setting_loc(theme: Theme, key: str) -> Loc:
    """Where a setting was written; for one read from the template, its ``template:`` line."""
    return theme.loc(key) if theme.names(key) else theme.loc("template")


@lru_cache(maxsize=32)
def font_substitute(font: str) -> str | None:
    """The font fontconfig draws instead of ``font`` when it is not installed; None when it
    is installed, or when ``fc-match`` cannot tell (not installed itself, or failing)."""
    program = shutil.which("fc-match")
    if program is None:
        return None
    try:
        result = subprocess.run(
            [program, "-f", "%{family}", font], capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return None
    families = [name.strip() for name in result.stdout.split(",") if name.strip()]
    if result.returncode != 0 or not families:
        return None
    if font.casefold() in (name.casefold() for name in families):
        return None
    return families[0]


def suggest_font(font: str) -> str:
    """A safe font of the same broad family (serif, monospace, sans)."""
    name = font.casefold()
    if "mono" in name or "code" in name or "courier" in name:
        return "Consolas"
    if ("serif" in name and "sans" not in name) or "garamond" in name or "times" in name:
        return "Georgia"
    return "Calibri"


def check_theme(theme: Theme) -> list[Diagnostic]:
    """Contrast, logo and font problems (the template's layouts are checked elsewhere)."""
    found = list(theme.load_warnings) + contrast_diagnostics(theme)
    found += file_diagnostics(theme) + font_diagnostics(theme)
    return sort_diagnostics(dict.fromkeys(found))  # stable: ties keep check order
