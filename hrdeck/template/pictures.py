"""Pictures reduced to colours: the most common one, and a coarse grid of where each is.

Pictures are decoded with Pillow only below a pixel cap (a header claiming 30000 x
30000 is not decoded at all) and reduced to a small thumbnail first.  The grid lets a
photo behind a text box count as the several colours it is, not as one.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image

from hrdeck.template.colors import hex_of, mix
from hrdeck.template.model import Box

MAX_PIXELS = 20_000_000  # a 5000 x 4000 background photo; larger ones are not decoded
GRID_SIZE = (16, 9)  # columns, rows
Grid = tuple[tuple[str | None, ...], ...]  # rows of cells; None where see-through


@dataclass(frozen=True)
class PictureColors:
    dominant: str | None
    grid: Grid


@lru_cache(maxsize=64)
def picture_colors(data: bytes, max_pixels: int = MAX_PIXELS) -> PictureColors | None:
    """The dominant colour and colour grid of an image, None if it cannot be decoded."""
    image = _small_rgba(data, max_pixels)
    if image is None:
        return None
    raw = image.tobytes()
    opaque = [(raw[i], raw[i + 1], raw[i + 2]) for i in range(0, len(raw), 4) if raw[i + 3] >= 128]
    return PictureColors(_most_common(opaque), _grid(image))


def dominant_color(data: bytes, max_pixels: int = MAX_PIXELS) -> str | None:
    """The most common colour of an image (buckets of 32 levels), None if undecodable."""
    colors = picture_colors(data, max_pixels)
    return colors.dominant if colors is not None else None


def _small_rgba(data: bytes, max_pixels: int) -> Image.Image | None:
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width * height > max_pixels or width == 0 or height == 0:
                return None
            image.draft("RGB", (128, 128))
            image.thumbnail((64, 64))
            return image.convert("RGBA")
    except Exception:  # Pillow's decoders raise many exception types on damaged data
        return None


def _most_common(pixels: list[tuple[int, int, int]]) -> str | None:
    """The mean colour of the fullest bucket of 32 levels per channel."""
    if not pixels:
        return None
    buckets = Counter((r // 32, g // 32, b // 32) for r, g, b in pixels)
    top = buckets.most_common(1)[0][0]
    members = [p for p in pixels if (p[0] // 32, p[1] // 32, p[2] // 32) == top]
    return mix([(hex_of(p), 1.0) for p in members])


def _grid(image: Image.Image) -> Grid:
    columns, rows = GRID_SIZE
    cells = image.resize((columns, rows), Image.Resampling.BOX).tobytes()
    grid = []
    for row in range(rows):
        line = []
        for column in range(columns):
            i = 4 * (row * columns + column)
            alpha = cells[i + 3]
            line.append(hex_of((cells[i], cells[i + 1], cells[i + 2])) if alpha >= 128 else None)
        grid.append(tuple(line))
    return tuple(grid)


def grid_color(grid: Grid, box: Box, x: float, y: float) -> str | None:
    """The grid cell of a picture stretched over ``box`` at (x, y)."""
    if not grid or box.cx <= 0 or box.cy <= 0:
        return None
    rows, columns = len(grid), len(grid[0])
    column = min(max(int((x - box.x) / box.cx * columns), 0), columns - 1)
    row = min(max(int((y - box.y) / box.cy * rows), 0), rows - 1)
    return grid[row][column]
