"""Build a deck, render it with LibreOffice and tile every slide into one PNG.

The README shows what a trainer gets before installing anything; this script makes
that picture from the built-in curriculum, so it stays true as the look changes:

    python tools/contact_sheet.py                       # docs/court-contact-sheet.png
    python tools/contact_sheet.py --audience peer --theme high-contrast --out peer.png

It needs LibreOffice (``soffice``) and poppler (``pdftoppm``) on the PATH, and Pillow
(an hrdeck dependency).  LibreOffice runs with a private profile in a temporary
folder, so it never collides with another running instance.  The deck is built with
``SOURCE_DATE_EPOCH`` unset or as given: the slides carry no clock time either way.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

from hrdeck.paths import builtin_curriculum
from hrdeck.pipeline import BuildRequest, run_build

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "docs" / "court-contact-sheet.png"
GAP, BACKDROP = 12, (203, 213, 225)  # pixels between slides; slate 300 behind them
COLOURS = 128  # a palette PNG: a few hundred KiB for the README instead of 1.5 MiB


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    missing = [tool for tool in ("soffice", "pdftoppm") if shutil.which(tool) is None]
    if missing:
        print(f"contact_sheet: needs {' and '.join(missing)} on the PATH", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="hrdeck-sheet-") as tmp:
        work = Path(tmp)
        deck = build_deck(args.audience, args.theme, work / "deck")
        pages = render_pages(deck, work / "pages", args.dpi)
        sheet = tile(pages, args.columns)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    sheet.quantize(colors=COLOURS, dither=Image.Dither.NONE).save(args.out, optimize=True)
    print(f"{args.out}: {len(pages)} slides, {sheet.width} x {sheet.height} px")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--audience", default="court", help="built-in audience (court)")
    parser.add_argument("--theme", default="default", help="theme name or folder (default)")
    parser.add_argument("--columns", type=int, default=6, help="slides per row (6)")
    parser.add_argument("--dpi", type=int, default=36, help="pixels per inch of a slide (36)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the PNG to write")
    return parser


def build_deck(audience: str, theme: str, out_dir: Path) -> Path:
    """The built-in curriculum's deck for `audience` in `theme`."""
    request = BuildRequest(builtin_curriculum(), audience, theme, out_dir)
    return next(path for path in run_build(request).written if path.suffix == ".pptx")


def render_pages(deck: Path, out_dir: Path, dpi: int) -> list[Path]:
    """One PNG per slide: LibreOffice makes a PDF, pdftoppm rasterises its pages."""
    out_dir.mkdir(parents=True)
    profile = out_dir / "lo-profile"
    soffice = [
        "soffice",
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out_dir),
        str(deck),
    ]
    subprocess.run(soffice, check=True, capture_output=True, timeout=600)
    pdf = out_dir / f"{deck.stem}.pdf"
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(out_dir / "slide")], check=True
    )
    return sorted(out_dir.glob("slide-*.png"))


def tile(pages: list[Path], columns: int) -> Image.Image:
    """The pages in rows of `columns`, left to right, with a gap around each."""
    images = [Image.open(page).convert("RGB") for page in pages]
    width, height = images[0].size
    rows = -(-len(images) // columns)
    sheet = Image.new("RGB", (columns * (width + GAP) + GAP, rows * (height + GAP) + GAP), BACKDROP)
    for index, image in enumerate(images):
        row, column = divmod(index, columns)
        sheet.paste(image, (GAP + column * (width + GAP), GAP + row * (height + GAP)))
    return sheet


if __name__ == "__main__":
    sys.exit(main())
