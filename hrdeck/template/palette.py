"""A theme's colour roles and fonts as a template has them, for what theme.yaml leaves out.

Read from the layout content slides use (its master's colour scheme and fonts, the
colours its title and body text are set in, and the colour behind its body):

- ``background``: the colour behind the body text box (a picture's or gradient's
  dominant colour, bands included); ``text`` and ``title``: the colours the body and
  title text inherit;
- ``accent``, ``accent2``: the scheme's accent 1 and 2; ``muted``: the text colour a
  third of the way to the background; ``accent_text``: white on a light background
  (the accent then darkened as far as white text needs), black on a dark one, or
  whichever reads better on an accent theme.yaml names.

Colours read this way are moved, only as far as needed and keeping their hue, to
the WCAG contrast hrdeck asks of each role (a template's own colours are not the
user's to fix); the roles theme.yaml names are kept exactly as written.
"""

from __future__ import annotations

from collections.abc import Mapping

from hrdeck.template.backdrop import backdrop
from hrdeck.template.colors import contrast_ratio, luminance, mix, nearest_passing
from hrdeck.template.model import Layout, Placeholder, Template

ROLES = ("background", "text", "accent", "accent2", "muted", "title", "accent_text")
WHITE, BLACK = "FFFFFF", "000000"
LIGHT = 0.4  # relative luminance from which a background counts as light
MUTED_SHARE = 0.35  # of the way from the text colour to the background
# (role, against, ratio): the order matters, each pair is settled once
CONTRAST_RULES = (
    ("text", "background", 4.5),
    ("title", "background", 3.0),
    ("muted", "background", 4.5),
    ("accent", "background", 3.0),
    ("accent2", "background", 3.0),
    ("accent", "accent_text", 4.5),
    ("accent2", "accent_text", 4.5),
)


def template_colors(template: Template, layout: Layout) -> dict[str, str]:
    """Every colour role as the template has it on ``layout`` (before any adjustment)."""
    master = template.masters[layout.master - 1]
    body = _largest_text(layout)
    title = layout.title
    background = layout.background.color or WHITE
    if body is not None and body.box is not None:
        background = backdrop(layout, body.box, template.slide_box).color or background
    text = (body.text_color if body is not None else None) or master.colors.dk1
    accent = master.colors.accent1
    return {
        "background": background,
        "text": text,
        "title": (title.text_color if title is not None else None) or text,
        "accent": accent,
        "accent2": master.colors.accent2,
        "muted": mix([(text, 1 - MUTED_SHARE), (background, MUTED_SHARE)]) or text,
        "accent_text": _better_on(accent),
    }


def palette_from_template(
    template: Template, layout: Layout, named: Mapping[str, str]
) -> dict[str, str]:
    """Every role: ``named`` ones as given, the rest read from the template and made legible."""
    palette = {**template_colors(template, layout), **named}
    if "accent_text" not in named:
        palette["accent_text"] = _text_for_accent(palette, "accent" in named)
    for role, against, ratio in CONTRAST_RULES:
        if role in named or contrast_ratio(palette[role], palette[against]) >= ratio:
            continue
        palette[role] = nearest_passing(palette[role], palette[against], ratio) or palette[role]
    return palette


def fonts_from_template(template: Template, layout: Layout) -> dict[str, str]:
    """``heading`` and ``body``: the fonts the title and body text of ``layout``'s master
    use (its text styles' fonts, else its theme's major and minor fonts)."""
    fonts = template.masters[layout.master - 1].text_fonts
    found = {"heading": fonts.major, "body": fonts.minor}
    return {role: font for role, font in found.items() if font}


def _text_for_accent(palette: Mapping[str, str], accent_named: bool) -> str:
    if accent_named:
        return _better_on(palette["accent"])
    return WHITE if luminance(palette["background"]) >= LIGHT else BLACK


def _better_on(color: str) -> str:
    return WHITE if contrast_ratio(WHITE, color) >= contrast_ratio(BLACK, color) else BLACK


def _largest_text(layout: Layout) -> Placeholder | None:
    placed = [p for p in layout.text_placeholders if p.box is not None and p.type != "subTitle"]
    return max(placed, key=lambda p: p.box.area if p.box else 0, default=None)
