"""Themes: theme.yaml (palette, fonts, logo, footer, size, optional template) as data.

Pure data and checks; python-pptx is not imported here (templates are opened by
``hrdeck.render.template``).  ``load_theme`` finds a theme by built-in name or path.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

# The slide kinds of hrdeck.deckplan, each mapped to a layout name of the template.
SLIDE_KINDS = (
    "title",
    "agenda",
    "section",
    "bullets",
    "myth",
    "comparison",
    "spectrum",
    "diagram",
    "case",
    "questions",
    "references",
    "resources",
    "closing",
)


@dataclass(frozen=True)
class Palette:
    """Colours as 6-digit hex strings without '#'."""

    background: str
    text: str
    accent: str
    accent2: str
    muted: str  # secondary text, lines
    title: str  # title text colour
    accent_text: str  # text drawn on an accent-filled shape


@dataclass(frozen=True)
class Logo:
    path: Path
    alt: str
    position: str = "top-right"  # top-left | top-right | bottom-left | bottom-right


@dataclass(frozen=True)
class Theme:
    name: str
    folder: Path
    palette: Palette
    heading_font: str
    body_font: str
    logo: Logo | None = None
    footer: str | None = None
    slide_numbers: bool = True
    slide_size: str = "16:9"  # or "4:3"
    template: Path | None = None  # agency .pptx/.potx; None = hrdeck's own layouts
    layouts: Mapping[str, str] = field(default_factory=dict)  # slide kind -> layout name
