"""A theme as data: palette, fonts, logo, footer, slide size and an optional template.

Built by :mod:`hrdeck.theme.load` from a validated theme.yaml; read by the checks, the
renderer and the document writers.  Plain frozen data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from hrdeck.diagnostics import Diagnostic, Loc
from hrdeck.kinds import DEFAULT_LAYOUTS, KINDS, SLIDE_KINDS, SlideKind

LOGO_POSITIONS = ("top-left", "top-right", "bottom-left", "bottom-right")
THEME_FILE = "theme.yaml"
OWN_LAYOUT_PREFIX = "hrdeck "
# hrdeck's own layouts: one per shape of slide, shared by the kinds of that shape.
COVER, SECTION, CONTENT, COLUMNS, HEADED, DRAWING, LIST, PAGED = (
    "Cover",
    "Section",
    "Content",
    "Two columns",
    "Comparison",
    "Drawing",
    "Agenda",
    "References",
)
# Kinds whose layout is shaped for them alone: the agenda puts its title beside a list
# that runs the slide's full height; a reference list, continued page after page,
# starts at the top of each.
OWN_FAMILIES = {"agenda": LIST, "references": PAGED}


def own_layout_family(row: SlideKind) -> str:
    """The shape of hrdeck's own layout for a slide kind, from its registry row."""
    if row.name in OWN_FAMILIES:
        return OWN_FAMILIES[row.name]
    if row.cover:
        return COVER if row.centred else SECTION
    if row.text_placeholders >= 2:
        return HEADED if row.layout == "Comparison" else COLUMNS
    return CONTENT if row.text_placeholders == 1 else DRAWING


def own_layout_name(kind: str) -> str:
    """The layout of slide `kind` in hrdeck's own master: 'hrdeck Content', 'hrdeck Cover'.

    Derived from the kind's registry row (:data:`hrdeck.kinds.KINDS`), so a kind added
    there gets the layout of its shape with no other change; never a stock Office name.
    """
    return OWN_LAYOUT_PREFIX + own_layout_family(KINDS[kind])


@dataclass(frozen=True)
class Palette:
    """Colours as 6-digit hex strings without '#'.

    ``accent3`` .. ``accent6`` fill the rest of the theme's six accent slots, so a chart
    or shape a trainer adds in PowerPoint matches the deck.  A theme.yaml may declare
    them (the built-in themes do, each checked for contrast); one that does not gets
    them derived from its other roles (:func:`derived_accents`).
    """

    background: str
    text: str
    accent: str
    accent2: str
    muted: str  # secondary text, lines
    title: str  # title text colour
    accent_text: str  # text drawn on an accent-filled shape
    accent3: str = ""
    accent4: str = ""
    accent5: str = ""
    accent6: str = ""

    def __post_init__(self) -> None:
        for name, colour in zip(EXTRA_ACCENTS, derived_accents(self), strict=True):
            if not getattr(self, name):
                object.__setattr__(self, name, colour)

    @property
    def accents(self) -> tuple[str, str, str, str, str, str]:
        """The six theme accents, in slot order."""
        return (self.accent, self.accent2, self.accent3, self.accent4, self.accent5, self.accent6)


EXTRA_ACCENTS = ("accent3", "accent4", "accent5", "accent6")


def derived_accents(palette: Palette) -> tuple[str, str, str, str]:
    """accent3..accent6 from a palette's own roles, for themes that do not declare them:
    the accent and accent2 deepened towards the title colour, the muted colour, and the
    accent lightened halfway to the background (every one a blend of palette colours)."""
    return (
        mix(palette.accent, palette.title, 0.45),
        mix(palette.accent2, palette.title, 0.45),
        palette.muted,
        mix(palette.accent, palette.background, 0.45),
    )


def mix(base: str, other: str, amount: float) -> str:
    """`base` moved `amount` (0..1) of the way towards `other`, as RRGGBB."""
    a = bytes.fromhex(base.lstrip("#"))
    b = bytes.fromhex(other.lstrip("#"))
    return "".join(f"{round(x + (y - x) * amount):02X}" for x, y in zip(a, b, strict=True))


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
        found = self.layouts.get(kind) or self._default_layout(kind)
        return LayoutRef(found) if isinstance(found, str) else found

    def _default_layout(self, kind: str) -> str:
        """The stock Office name most agency templates keep, else (no template)
        hrdeck's own layout for the kind."""
        return DEFAULT_LAYOUTS[kind] if self.template is not None else own_layout_name(kind)

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
