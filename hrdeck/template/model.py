"""A template as plain frozen values: slide size, masters, layouts, placeholders, colours.

Masters and layouts are numbered from 1 in package order, as a user counts them in
``theme inspect``; a layout is found by (master number, layout name), since names
repeat across masters (LibreOffice's Vivid has three masters with the same names).
Lengths are EMU; colours are ``RRGGBB``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

EMU_PER_PT = 12700
TITLE_TYPES = frozenset({"title", "ctrTitle"})
TEXT_TYPES = frozenset({"body", "obj", "subTitle"})
CHROME_TYPES = frozenset({"dt", "ftr", "sldNum", "hdr"})


@dataclass(frozen=True)
class Box:
    """A rectangle in EMU: left, top, width, height."""

    x: int
    y: int
    cx: int
    cy: int

    @property
    def right(self) -> int:
        return self.x + self.cx

    @property
    def bottom(self) -> int:
        return self.y + self.cy

    @property
    def area(self) -> int:
        return max(self.cx, 0) * max(self.cy, 0)

    def overlap(self, other: Box) -> int:
        """The area both boxes cover."""
        width = min(self.right, other.right) - max(self.x, other.x)
        height = min(self.bottom, other.bottom) - max(self.y, other.y)
        return max(width, 0) * max(height, 0)

    def inches(self) -> str:
        return f"{self.cx / 914400:.2f} x {self.cy / 914400:.2f} in"


@dataclass(frozen=True)
class Placeholder:
    """One placeholder of a layout (or master).

    ``type`` is the OOXML type with ``obj`` for an absent type; ``idx`` is None when
    the file has none.  ``box`` is the layout's own position, else the matching master
    placeholder's (``box_source`` says which), else None.  ``order`` is the position in
    the shape tree.  ``text_color`` is the effective colour of its first-level text;
    ``vertical`` is true for text set top to bottom (``orient="vert"``).
    """

    type: str
    idx: int | None
    name: str
    box: Box | None
    box_source: str  # own, master, none
    order: int
    text_color: str | None = None
    vertical: bool = False

    @property
    def is_title(self) -> bool:
        return self.type in TITLE_TYPES

    @property
    def is_text(self) -> bool:
        """A body, content or subtitle placeholder (where slide text goes)."""
        return self.type in TEXT_TYPES

    @property
    def is_chrome(self) -> bool:
        """Date, footer, slide number, header."""
        return self.type in CHROME_TYPES


@dataclass(frozen=True)
class Background:
    """A slide background reduced to its dominant colour (None when unknown)."""

    kind: str  # solid, gradient, picture, pattern, none (no fill: white)
    color: str | None
    source: str  # own, master, default
    detail: str = ""
    grid: tuple[tuple[str | None, ...], ...] = ()  # a picture's colours over the slide


@dataclass(frozen=True)
class Decoration:
    """A filled shape that is not a placeholder (a band, a picture), as text sits on it."""

    name: str
    box: Box
    color: str | None
    kind: str
    from_master: bool
    opacity: float = 1.0
    outlines: tuple[tuple[tuple[float, float], ...], ...] = ()  # EMU polygons; () = the box
    grid: tuple[tuple[str | None, ...], ...] = ()  # a picture's colours over its box


@dataclass(frozen=True)
class ColorScheme:
    name: str
    dk1: str
    lt1: str
    dk2: str
    lt2: str
    accent1: str
    accent2: str
    accent3: str
    accent4: str
    accent5: str
    accent6: str
    hlink: str
    folHlink: str

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if k != "name"}


@dataclass(frozen=True)
class Fonts:
    major: str | None
    minor: str | None


@dataclass(frozen=True)
class Layout:
    master: int
    index: int
    name: str
    part: str
    type: str | None  # the layout's own type attribute (title, obj, twoObj, ...), if any
    background: Background
    placeholders: tuple[Placeholder, ...]
    decorations: tuple[Decoration, ...]

    @property
    def title(self) -> Placeholder | None:
        return next((p for p in self.placeholders if p.is_title), None)

    @property
    def text_placeholders(self) -> tuple[Placeholder, ...]:
        return tuple(p for p in self.placeholders if p.is_text)


@dataclass(frozen=True)
class Master:
    index: int
    name: str
    part: str
    theme_name: str
    theme_part: str
    colors: ColorScheme
    fonts: Fonts  # the theme's major (headings) and minor (body) fonts
    text_fonts: Fonts  # the fonts its title and body text styles use (theme fonts resolved)
    background: Background
    placeholders: tuple[Placeholder, ...]
    decorations: tuple[Decoration, ...]
    layouts: tuple[Layout, ...]


@dataclass(frozen=True)
class Template:
    width: int
    height: int
    masters: tuple[Master, ...]
    has_notes_master: bool

    @property
    def slide_box(self) -> Box:
        return Box(0, 0, self.width, self.height)

    def layouts(self) -> Iterator[Layout]:
        for master in self.masters:
            yield from master.layouts

    def layout(self, master: int, name: str) -> Layout | None:
        """The first layout of master ``master`` (1-based) named ``name``."""
        if not 1 <= master <= len(self.masters):
            return None
        return next((lay for lay in self.masters[master - 1].layouts if lay.name == name), None)
