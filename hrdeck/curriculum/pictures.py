"""Pictures a deck can show, checked the way the build will open them, before it does.

A module's picture and a theme's logo are opened with Pillow, as python-pptx opens
them when it places them, and decoded in full, so that a file the build would choke
on is a located error at ``hrdeck validate`` / ``theme check`` rather than a
traceback half-way through a build.  :func:`inspect_picture` says what is wrong, in
words for an editor (:class:`Unusable`), or returns the picture's format and size:

* the format must be one PowerPoint shows and python-pptx places: PNG, JPEG, GIF or
  BMP.  Only these decoders are run on the file; anything else (WEBP, SVG, TIFF, ICO,
  PSD, HEIC, PDF, text) is named from its first bytes.  TIFF is refused although
  PowerPoint on a desktop shows it: web browsers do not (the Markdown export links
  its pictures), and decoding TIFF runs the largest of Pillow's decoders on a file
  nobody needs as TIFF;
* the file at most :data:`MAX_PICTURE_BYTES`, each side at most :data:`MAX_SIDE`
  pixels and the whole at most :data:`MAX_PIXELS`, checked from the header before
  anything is decoded (a 20000 x 20000 PNG of 50 KB is a decompression bomb);
* the picture decodes to the end: a damaged, truncated or empty file is refused;
* a logo may be at most :data:`MAX_LOGO_ASPECT` times as wide as high or as high as
  wide (it is placed at a fixed height in a corner: a 20000 x 1 sliver is not a logo).

Results are remembered per file (by size and modification time), so a picture used
on many slides, or unchanged between two rebuilds of ``hrdeck watch``, is read once.
"""

from __future__ import annotations

import io
import math
import os
import stat
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ACCEPTED_FORMATS = ("PNG", "JPEG", "GIF", "BMP")
ACCEPTED_WORDS = "PNG, JPEG, GIF or BMP"
MAX_PICTURE_BYTES = 20 * 1024 * 1024  # a slide never needs more; PowerPoint would keep it all
MAX_SIDE = 10_000  # pixels; a 4K screen is 3840 across
MAX_PIXELS = 40_000_000  # decoding holds them all in memory (4 bytes each)
MAX_LOGO_ASPECT = 10.0

# what a refused file most likely is, from its first bytes (nothing else is decoded)
_SIGNATURES = (
    (b"RIFF", 8, b"WEBP", "a WEBP picture"),
    (b"II*\x00", 0, b"", "a TIFF picture"),
    (b"MM\x00*", 0, b"", "a TIFF picture"),
    (b"\x00\x00\x01\x00", 0, b"", "an icon (ICO)"),
    (b"8BPS", 0, b"", "a Photoshop document (PSD)"),
    (b"%PDF", 0, b"", "a PDF document"),
    (b"", 4, b"ftypheic", "an HEIC photo"),
    (b"", 4, b"ftypmif1", "an HEIF picture"),
    (b"", 4, b"ftypavif", "an AVIF picture"),
)


@dataclass(frozen=True)
class Picture:
    """A picture hrdeck can place: its format and size in pixels."""

    format: str
    width: int
    height: int


@dataclass(frozen=True)
class Unusable:
    """Why a file cannot be shown: ``reason`` is a clause for an editor ("it is a WEBP
    picture; ..."); ``wrong_kind`` when it is no picture PowerPoint shows at all (rather
    than a damaged or oversized one)."""

    reason: str
    wrong_kind: bool = False


def inspect_picture(path: Path) -> Picture | Unusable:
    """The picture at ``path``, or why it cannot be shown."""
    try:
        info = os.stat(path)
    except (OSError, ValueError) as exc:
        return Unusable(
            f"it cannot be read ({getattr(exc, 'strerror', None) or 'a bad file name'})"
        )
    if not stat.S_ISREG(info.st_mode):
        return Unusable("it is not a file")
    return _inspect(str(path), info.st_size, info.st_mtime_ns)


def logo_problem(picture: Picture) -> str | None:
    """What makes a good picture unfit to be a logo (too thin), or None."""
    wide, high = picture.width / picture.height, picture.height / picture.width
    if max(wide, high) <= MAX_LOGO_ASPECT:
        return None
    shape = "wide" if wide > high else "high"
    return (
        f"it is {picture.width} x {picture.height} pixels: more than {MAX_LOGO_ASPECT:g} "
        f"times as {shape} as it is {'high' if shape == 'wide' else 'wide'}, too thin for a logo"
    )


@lru_cache(maxsize=256)
def _inspect(path: str, size: int, modified: int) -> Picture | Unusable:
    """:func:`inspect_picture` of one version of a file (size and time are the key)."""
    if size == 0:
        return Unusable("the file is empty")
    if size > MAX_PICTURE_BYTES:
        return Unusable(
            f"the file is {size / 1024 / 1024:.0f} MB, over the {_megabytes()} a picture may be"
        )
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_PICTURE_BYTES + 1)
    except OSError as exc:
        return Unusable(f"it cannot be read ({exc.strerror or exc})")
    return _decoded(data)


def _decoded(data: bytes) -> Picture | Unusable:
    from PIL import Image, UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
        except UnidentifiedImageError:
            return _not_a_picture(data)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            return Unusable(f"it claims far more than the {MAX_PIXELS:,} pixels a picture may have")
        except Exception:  # Pillow's readers raise ValueError, SyntaxError, struct.error ...
            return Unusable("it is damaged: its header cannot be read")
        with image:
            return _checked(image)


def _checked(image: object) -> Picture | Unusable:
    from PIL import Image

    assert isinstance(image, Image.Image)
    width, height = image.size
    if image.format not in ACCEPTED_FORMATS:  # a JPEG holding several pictures is "MPO"
        return Unusable(
            f"it is a {image.format} picture; PowerPoint shows {ACCEPTED_WORDS}", wrong_kind=True
        )
    too_big = _size_problem(width, height)
    if too_big is not None:
        return too_big
    if not _dpi_readable(image.info.get("dpi")):
        return Unusable("its resolution (dots per inch) cannot be read")
    try:
        if image.format == "JPEG":
            image.draft(image.mode, (max(width // 8, 1), max(height // 8, 1)))  # scaled decode
        image.load()
    except Exception:  # OSError (truncated), ValueError, SyntaxError, zlib errors ...
        return Unusable("it is damaged or cut short: it does not decode to the end")
    return Picture(str(image.format), width, height)


def _size_problem(width: int, height: int) -> Unusable | None:
    if width < 1 or height < 1:
        return Unusable(f"it is {width} x {height} pixels: there is nothing to show")
    if max(width, height) > MAX_SIDE or width * height > MAX_PIXELS:
        return Unusable(
            f"it is {width:,} x {height:,} pixels, over the {MAX_SIDE:,} pixels a side "
            f"(and {MAX_PIXELS // 1_000_000} million in all) a picture may have"
        )
    return None


def _dpi_readable(dpi: object) -> bool:
    """python-pptx rounds each dpi value to an integer: an infinite one would crash it."""
    if not isinstance(dpi, tuple):
        return True
    for value in dpi:
        try:
            if math.isinf(float(value)):
                return False
        except (TypeError, ValueError, OverflowError):
            continue  # python-pptx falls back to 72 dpi
    return True


def _not_a_picture(data: bytes) -> Unusable:
    head = data[:64]
    for start, offset, marker, what in _SIGNATURES:
        if head.startswith(start) and head[offset : offset + len(marker)] == marker:
            return Unusable(f"it is {what}; PowerPoint shows {ACCEPTED_WORDS}", wrong_kind=True)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<svg", b"<?xml")) and b"<svg" in data[:4096].lower():
        return Unusable(
            f"it is an SVG drawing, which hrdeck cannot place; PowerPoint shows {ACCEPTED_WORDS}",
            wrong_kind=True,
        )
    if data.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM")):
        return Unusable("it is damaged: it starts like a picture but its header cannot be read")
    if _looks_like_text(head):
        return Unusable("it is a text file, not a picture", wrong_kind=True)
    return Unusable(
        f"it is not a picture hrdeck can read; PowerPoint shows {ACCEPTED_WORDS}", wrong_kind=True
    )


def _looks_like_text(head: bytes) -> bool:
    for cut in range(4):  # the first bytes may end inside a character
        try:
            decoded = head[: len(head) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
        return all(char.isprintable() or char in "\t\r\n" for char in decoded)
    return False


def _megabytes() -> str:
    return f"{MAX_PICTURE_BYTES // 1024 // 1024} MB"


def convert_hint() -> str:
    """What to do with a refused picture."""
    return (
        f"save it as PNG (or JPEG for a photograph), at most {MAX_SIDE:,} pixels a side; "
        "a slide rarely needs more than 2000"
    )
