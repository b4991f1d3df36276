"""Where the parts of a drawn slide go: one layout, shared by the plan and the renderer.

The drawn kinds (stat, chart, icons, quote, persona, resources, sources) fill the area
under the title.  Each function here divides that area (a :class:`Rect` in points)
into the boxes of one slide: cards, icon cells, a QR code, text boxes.  The plan calls
them with the area the theme's probe measured (``<kind>/content`` in the fit rules) to
choose text sizes (:mod:`hrdeck.plan.fitvisual`); the renderer calls them with the
real area of the slide to draw.  Same area, same boxes, so a size the plan chose fits.

Pure arithmetic; one grid: every layout starts at the area's left edge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

GAP = 18.0  # between cards and columns
PAD = 16.0  # inside a card, around its text
BAR = 6.0  # an accent bar along a card's edge


@dataclass(frozen=True)
class Rect:
    """A box in points."""

    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def inset(self, dx: float, dy: float) -> Rect:
        return Rect(self.left + dx, self.top + dy, self.width - 2 * dx, self.height - 2 * dy)

    def rows(self, *shares: float, gap: float = 0.0) -> list[Rect]:
        """The box cut into rows of the given shares of its height (after the gaps)."""
        room = self.height - gap * (len(shares) - 1)
        total = sum(shares)
        found, top = [], self.top
        for share in shares:
            height = room * share / total
            found.append(Rect(self.left, top, self.width, height))
            top += height + gap
        return found

    def columns(self, *shares: float, gap: float = 0.0) -> list[Rect]:
        """The box cut into columns of the given shares of its width (after the gaps)."""
        room = self.width - gap * (len(shares) - 1)
        total = sum(shares)
        found, left = [], self.left
        for share in shares:
            width = room * share / total
            found.append(Rect(left, self.top, width, self.height))
            left += width + gap
        return found

    def top_part(self, height: float) -> Rect:
        return Rect(self.left, self.top, self.width, min(height, self.height))

    def middle(self, height: float) -> Rect:
        """A box of at most `height`, centred vertically in this one."""
        height = min(height, self.height)
        return Rect(self.left, self.top + (self.height - height) / 2, self.width, height)


def grid(area: Rect, count: int, columns: int, row_height: float) -> list[Rect]:
    """`count` cells, `columns` a row, rows of at most `row_height`, the whole block
    centred vertically in `area` (body content is balanced, never hanging from the top)."""
    rows = max(1, math.ceil(count / columns))
    height = min(row_height, (area.height - GAP * (rows - 1)) / rows)
    block = area.middle(rows * height + GAP * (rows - 1))
    width = (block.width - GAP * (columns - 1)) / columns
    return [
        Rect(
            block.left + (i % columns) * (width + GAP),
            block.top + (i // columns) * (height + GAP),
            width,
            height,
        )
        for i in range(count)
    ]


def with_caption(area: Rect, caption: bool, height: float = 64.0) -> tuple[Rect, Rect | None]:
    """The area above a caption line, and the caption's box (None without a caption)."""
    if not caption:
        return area, None
    above = Rect(area.left, area.top, area.width, area.height - height - GAP / 2)
    return above, Rect(area.left, above.bottom + GAP / 2, area.width, height)


# --- stat --------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatCard:
    card: Rect
    value: Rect
    label: Rect
    source: Rect


def stat_cards(area: Rect, count: int, caption: bool) -> tuple[list[StatCard], Rect | None]:
    """Cards side by side (one number: a wide card, the number beside its label)."""
    cards_area, caption_box = with_caption(area, caption)
    if count == 1:
        card = cards_area.middle(220.0)
        value, text = card.inset(PAD, PAD).columns(2, 3, gap=GAP)
        value = Rect(value.left + BAR, value.top, value.width - BAR, value.height)
        label, source = text.rows(3, 1, gap=4)
        return [StatCard(card, value, label, source)], caption_box
    cards = grid(cards_area, count, count, 300.0)
    found = []
    for card in cards:
        inner = card.inset(PAD, PAD)
        inner = Rect(inner.left + BAR, inner.top, inner.width - BAR, inner.height)
        value, label, source = inner.rows(4, 3.5, 2.5, gap=4)
        found.append(StatCard(card, value, label, source))
    return found, caption_box


# --- icons -------------------------------------------------------------------------------


@dataclass(frozen=True)
class IconCell:
    disc: Rect  # the tinted circle the icon sits on
    label: Rect
    text: Rect


def icon_cells(area: Rect, count: int) -> list[IconCell]:
    """Three in a row, the icon above its text; four as two rows of two, five and six as
    rows of three, each icon beside its text."""
    if count <= 3:
        found = []
        for cell in grid(area, count, count, 300.0):
            disc = min(96.0, cell.height * 0.32)
            below = Rect(cell.left, cell.top + disc + 14, cell.width, cell.height - disc - 14)
            label, text = below.rows(2, 4, gap=4)
            found.append(IconCell(Rect(cell.left, cell.top, disc, disc), label, text))
        return found
    columns = 2 if count == 4 else 3
    found = []
    for cell in grid(area, count, columns, 170.0):
        disc = min(84.0 if columns == 2 else 64.0, cell.height * 0.5)
        side = Rect(cell.left + disc + 16, cell.top, cell.width - disc - 16, cell.height)
        label, text = side.rows(2, 3, gap=2)
        found.append(IconCell(Rect(cell.left, cell.top + 4, disc, disc), label, text))
    return found


# --- quote and persona ---------------------------------------------------------------------


@dataclass(frozen=True)
class QuoteBoxes:
    mark: Rect  # the quotation-mark icon
    text: Rect
    attribution: Rect


def quote_boxes(area: Rect) -> QuoteBoxes:
    """A quotation mark at the left, the quote beside it, who said it underneath."""
    block = area.middle(330.0)
    mark = Rect(block.left, block.top, 64.0, 64.0)
    column = Rect(block.left + 88.0, block.top, block.width - 88.0, block.height)
    text, attribution = column.rows(4, 1, gap=8)
    return QuoteBoxes(mark, text, attribution)


@dataclass(frozen=True)
class PersonaBoxes:
    panel: Rect  # the coloured part of the card: icon, name, role
    disc: Rect
    name: Rect
    role: Rect
    details_panel: Rect
    details: Rect


def persona_boxes(area: Rect) -> PersonaBoxes:
    """A card across the area: who (coloured, left), facts about them (tinted, right)."""
    card = area.middle(320.0)
    panel, details_panel = card.columns(2, 3)
    inner = panel.inset(PAD + 4, PAD + 4)
    disc = Rect(inner.left, inner.top, 72.0, 72.0)
    text = Rect(inner.left, disc.bottom + 12, inner.width, inner.bottom - disc.bottom - 12)
    name, role = text.rows(3, 2, gap=4)
    details = details_panel.inset(PAD + 8, PAD + 4)
    return PersonaBoxes(panel, disc, name, role, details_panel, details)


# --- links ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkCard:
    qr: Rect
    text: Rect


MAX_QR = 110.0  # a resource's QR code: about 1.5 in, readable across a training room


def resource_cards(area: Rect, count: int) -> list[LinkCard]:
    """A QR code and the name, line and address beside it; two columns from three."""
    columns = 1 if count <= 2 else 2
    cells = grid(area, count, columns, 170.0)
    found = []
    for cell in cells:
        side = min(MAX_QR, cell.height, cell.width * 0.3)
        qr = Rect(cell.left, cell.top + (cell.height - side) / 2, side, side)
        found.append(
            LinkCard(qr, Rect(qr.right + 14, cell.top, cell.right - qr.right - 14, cell.height))
        )
    return found


@dataclass(frozen=True)
class SourcesBoxes:
    listing: Rect  # the short list
    qr: Rect  # the QR code of the full list, or an icon when it is not online
    note: Rect  # where the full list is


def sources_boxes(area: Rect) -> SourcesBoxes:
    """The short list on the left; where the full list is (QR code or note) on the right."""
    listing, side = area.columns(62, 38, gap=GAP * 2)
    qr_side = min(side.width * 0.7, side.height * 0.55, 180.0)
    qr = Rect(side.left, side.top + 6, qr_side, qr_side)
    note = Rect(side.left, qr.bottom + 12, side.width, side.bottom - qr.bottom - 12)
    return SourcesBoxes(listing, qr, note)


@dataclass(frozen=True)
class ChartBoxes:
    chart: Rect
    caption: Rect | None
    source: Rect


SOURCE_LINE = 30.0  # one line at 18 pt and its insets


def chart_boxes(area: Rect, caption: bool) -> ChartBoxes:
    """The chart, then a caption line (if any), then the source line at the bottom."""
    above = Rect(area.left, area.top, area.width, area.height - SOURCE_LINE - 4)
    source = Rect(area.left, above.bottom + 4, area.width, SOURCE_LINE)
    chart, caption_box = with_caption(above, caption, 56.0)
    return ChartBoxes(chart, caption_box, source)


@dataclass(frozen=True)
class LinkPanel:
    qr: Rect
    text: Rect


def link_panel(area: Rect) -> LinkPanel:
    """A QR code with its label and short address underneath (closing slide)."""
    side = min(area.width, area.height - 70.0, 150.0)
    qr = Rect(area.left, area.top, side, side)
    return LinkPanel(qr, Rect(area.left, qr.bottom + 8, area.width, area.bottom - qr.bottom - 8))
