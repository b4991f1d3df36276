"""A theme as data: palette, fonts, logo, footer, slide size and an optional template.

Built by :mod:`hrdeck.theme.load` from a validated theme.yaml; read by the checks, the
renderer and the document writers.  Plain frozen data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from hrdeck.diagnostics import Diagnostic, Loc
from hrdeck.kinds import DEFAULT_LAYOUTS, SLIDE_KINDS

LOGO_POSITIONS = ("top-left", "top-right", "bottom-left", "bottom-right")
THEME_FILE = "theme.yaml"


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
class LayoutRef:
    """Where a slide kind's layout is in the template: its name, and optionally its master.

    ``master`` is a 1-based number, a master's name, or None for the first master that
    has a layout of that name (as written in theme.yaml: a plain string, or
    ``{master: 2, layout: "Title, Content"}``).
    """

    layout: str
    master: int | str | None = None

    def __str__(self) -> str:
        if self.master is None:
            return repr(self.layout)
        return f"{self.layout!r} of master {self.master!r}"


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
    slide_size: str | None = "16:9"  # or "4:3"; None keeps the template's own size
    template: Path | None = None  # agency .pptx/.potx; None = hrdeck's own layouts
    # slide kind -> layout (a plain name is a layout in the first master that has it)
    layouts: Mapping[str, LayoutRef | str] = field(default_factory=dict)
    # Optional extras (defaults keep hand-built themes simple):
    description: str = ""
    # Where each setting was written, by dotted name ("palette.text", "template", "").
    locs: Mapping[str, Loc] = field(default_factory=dict, compare=False)
    # Warnings found while loading (kept so `hrdeck theme check` can show them).
    load_warnings: tuple[Diagnostic, ...] = field(default=(), compare=False)
    # Settings theme.yaml leaves out that were read from the template ("palette.accent",
    # "fonts.body"): the renderer leaves those as the template has them.
    from_template: frozenset[str] = frozenset()

    def layout_ref(self, kind: str) -> LayoutRef:
        """Where the layout for a slide kind is (theme mapping, else the Office name)."""
        found = self.layouts.get(kind) or DEFAULT_LAYOUTS[kind]
        return LayoutRef(found) if isinstance(found, str) else found

    def layout_name(self, kind: str) -> str:
        """The template layout name for a slide kind (theme mapping, else Office default)."""
        return self.layout_ref(kind).layout

    def layout_mapping(self) -> dict[str, LayoutRef]:
        """Every slide kind mapped to its layout."""
        return {kind: self.layout_ref(kind) for kind in SLIDE_KINDS}

    def names(self, setting: str) -> bool:
        """True when theme.yaml itself sets ``setting`` (e.g. ``palette.text``), rather
        than leaving it to the template."""
        return setting not in self.from_template

    def loc(self, key: str = "") -> Loc:
        """Where ``key`` (dotted, e.g. ``palette.text``) was written, else the file."""
        while key and key not in self.locs:
            key = key.rpartition(".")[0]
        return self.locs.get(key) or Loc(str(self.folder / THEME_FILE), 1, 1)


# -- finding themes ----------------------------------------------------------------
