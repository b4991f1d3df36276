"""Generate hrdeck/textfit/fontdata/*.json: compact advance-width tables for text fitting.

hrdeck measures text with real font metrics but does not ship fonts.  This script
reads metric-compatible open fonts (same advance widths as the fonts themes name)
with fontTools and writes, per family, units-per-em, the line height and the
advance widths of the characters a curriculum uses (Basic Latin, Latin-1, Latin
Extended-A, general punctuation, a few symbols) for the regular and bold faces,
plus a default width for anything else.

    python tools/make_font_metrics.py            # writes hrdeck/textfit/fontdata/*.json

Debian/Ubuntu packages: fonts-crosextra-carlito, fonts-liberation2, fonts-dejavu-core.
DejaVu Sans is not metric-compatible with Verdana, only close (a little narrower):
hrdeck scales it up when it stands in (see hrdeck/metrics.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from fontTools.ttLib import TTFont

OUT = Path(__file__).resolve().parent.parent / "hrdeck" / "textfit" / "fontdata"
CARLITO = "/usr/share/fonts/truetype/crosextra/Carlito-{}.ttf"
LIBERATION = "/usr/share/fonts/truetype/liberation2/Liberation{}-{}.ttf"

# family name -> (stand-in, generic class, regular path, bold path)
FAMILIES = {
    "calibri": ("Calibri", "Carlito", "sans", CARLITO.format("Regular"), CARLITO.format("Bold")),
    "arial": (
        "Arial",
        "Liberation Sans",
        "sans",
        LIBERATION.format("Sans", "Regular"),
        LIBERATION.format("Sans", "Bold"),
    ),
    "times": (
        "Times New Roman",
        "Liberation Serif",
        "serif",
        LIBERATION.format("Serif", "Regular"),
        LIBERATION.format("Serif", "Bold"),
    ),
    "verdana": (
        "Verdana",
        "DejaVu Sans",
        "sans",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ),
}

# (first, last) code points measured: what a curriculum's text uses.
RANGES = (
    (0x20, 0x7E),  # Basic Latin
    (0xA0, 0x17F),  # Latin-1 Supplement, Latin Extended-A
    (0x2010, 0x2027),  # dashes, quotes, bullet, ellipsis
    (0x2030, 0x203A),  # per mille, primes, angle quotes
    (0x20AC, 0x20AC),  # euro
    (0x2122, 0x2122),  # trade mark
    (0x2190, 0x2195),  # arrows
    (0x2212, 0x2212),  # minus
    (0x2264, 0x2265),  # less/greater or equal
)


def face(path: str) -> dict[str, object]:
    """Advance widths of one face, as runs of consecutive code points."""
    font = TTFont(path)
    cmap = font.getBestCmap()
    metrics = font["hmtx"].metrics
    runs = []
    for first, last in RANGES:
        widths = [metrics[cmap[c]][0] if c in cmap else None for c in range(first, last + 1)]
        runs.append([first, widths])
    return {"default": font["head"].unitsPerEm * 0.6, "runs": runs}


def line_height(path: str) -> float:
    """Single line spacing in ems, as LibreOffice and PowerPoint set it."""
    font = TTFont(path)
    hhea, os2, upm = font["hhea"], font["OS/2"], font["head"].unitsPerEm
    hhea_height = hhea.ascent - hhea.descent + hhea.lineGap
    win_height = os2.usWinAscent + os2.usWinDescent
    return round(max(hhea_height, win_height) / upm, 4)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (family, stand_in, generic, regular, bold) in FAMILIES.items():
        data = {
            "family": family,
            "measured_from": stand_in,
            "generic": generic,
            "units_per_em": TTFont(regular)["head"].unitsPerEm,
            "line_height": line_height(regular),
            "regular": face(regular),
            "bold": face(bold),
        }
        text = json.dumps(data, separators=(",", ":"))
        (OUT / f"{name}.json").write_text(text + "\n", encoding="utf-8")
        print(f"{name}.json: {len(text)} bytes")


if __name__ == "__main__":
    main()
