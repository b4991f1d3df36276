"""Hostile pictures, as bytes: formats PowerPoint cannot show, damaged and huge files.

Items 1 and 5 of issue 14 and the sweep's image variants.  Everything is generated,
small and deterministic; the 20000 x 20000 PNG is a real, complete one-bit image
whose rows of zeros deflate to about 50 KB.
"""

from __future__ import annotations

import io
import random
import struct
import zlib
from collections.abc import Callable
from functools import cache

from PIL import Image

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff\xe0"
GIF_SIGNATURE = b"GIF89a"
SIGNATURES = {"png": PNG_SIGNATURE, "jpg": JPEG_SIGNATURE, "gif": GIF_SIGNATURE}
BYTES_PER_PIXEL = {"L": 1, "RGB": 3, "RGBA": 4, "CMYK": 4, "I;16": 2}


def encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    stream = io.BytesIO()
    image.save(stream, fmt, **options)
    return stream.getvalue()


def noise(size: tuple[int, int] = (64, 64), mode: str = "RGB", seed: int = 14) -> Image.Image:
    """A picture of random pixels (so it does not compress to nothing)."""
    data = random.Random(seed).randbytes(size[0] * size[1] * BYTES_PER_PIXEL[mode])
    return Image.frombytes(mode, size, data)


def png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png_header(width: int, height: int, depth: int = 8, colour: int = 0) -> bytes:
    return png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0))


def png_of(width: int, height: int, idat: bytes, *extra: bytes, depth: int = 8) -> bytes:
    """A PNG built chunk by chunk: header, extra chunks, one IDAT, end."""
    body = b"".join(extra) + png_chunk(b"IDAT", idat)
    return PNG_SIGNATURE + png_header(width, height, depth) + body + png_chunk(b"IEND", b"")


# -- item 1: pictures in a module -------------------------------------------------------


def webp() -> bytes:
    return encoded(noise((32, 32)), "WEBP")


def svg() -> bytes:
    return b'<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="teal"/></svg>\n'  # noqa: E501


def text_named_png() -> bytes:
    return b"These are meeting notes, saved with the wrong name.\n"


def corrupt_png() -> bytes:
    """A real signature and header, then an IDAT of random bytes."""
    return png_of(64, 64, random.Random(1).randbytes(500))


def truncated_png() -> bytes:
    whole = encoded(noise((64, 64)), "PNG")
    return whole[: len(whole) // 2]


def zero_size_png() -> bytes:
    return png_of(0, 0, zlib.compress(b""))


@cache
def huge_png(side: int = 20_000) -> bytes:
    """A complete one-bit ``side`` x ``side`` PNG of zeros (400 M pixels, ~50 KB)."""
    row = bytes(1 + (side + 7) // 8)  # filter byte, then the packed pixels
    packer = zlib.compressobj(9)
    chunks = [packer.compress(row * 500) for _ in range(side // 500)]
    chunks.append(packer.compress(row * (side % 500)))
    return png_of(side, side, b"".join(chunks) + packer.flush(), depth=1)


# -- item 5: logos with a real signature and a bad body -----------------------------------


def corrupt_after_signature(kind: str) -> Callable[[], bytes]:
    """A file that starts like a ``kind`` picture and continues with random bytes."""

    def make() -> bytes:
        return SIGNATURES[kind] + random.Random(kind).randbytes(600)

    make.__name__ = f"corrupt_{kind}"
    return make


# -- the sweep: formats and shapes beyond the issue ---------------------------------------


def tiff() -> bytes:
    return encoded(noise((32, 32)), "TIFF")


def ico() -> bytes:
    return encoded(noise((32, 32)), "ICO")


def animated_gif() -> bytes:
    frames = [noise((32, 32), seed=n).convert("P") for n in range(3)]
    return encoded(frames[0], "GIF", save_all=True, append_images=frames[1:], loop=0)


def cmyk_jpeg() -> bytes:
    return encoded(noise((32, 32), "CMYK"), "JPEG")


def sixteen_bit_png() -> bytes:
    return encoded(noise((32, 32), "I;16"), "PNG")


@cache
def huge_iccp_png() -> bytes:
    """A small picture whose colour profile inflates to 64 MB (over Pillow's limit)."""
    profile = b"hostile\0\0" + zlib.compress(bytes(64 * 1024 * 1024), 9)
    rows = zlib.compress(bytes(1 + 8) * 8)
    return png_of(8, 8, rows, png_chunk(b"iCCP", profile))


def thin_png() -> bytes:
    """One pixel high, 20,000 wide: a sliver no slide can show sensibly."""
    return png_of(20_000, 1, zlib.compress(bytes(1 + 20_000)))


def huge_bmp_header() -> bytes:
    """A BMP header claiming 50000 x 50000 pixels, with no pixel data behind it."""
    info = struct.pack("<IiiHHIIiiII", 40, 50_000, 50_000, 1, 24, 0, 0, 2835, 2835, 0, 0)
    return b"BM" + struct.pack("<IHHI", 14 + len(info), 0, 0, 14 + len(info)) + info


def psd() -> bytes:
    """A Photoshop header (Pillow reads PSD; PowerPoint does not)."""
    header = b"8BPS" + struct.pack(">H6xHIIHH", 1, 3, 16, 16, 8, 3)
    return header + struct.pack(">I", 0) * 3 + struct.pack(">H", 0) + bytes(16 * 16 * 3)


def empty() -> bytes:
    return b""


def png_named_jpg() -> bytes:
    """A good PNG under a .jpg name: fine to show, as long as the type is right."""
    return encoded(noise((16, 16)), "PNG")


ISSUE_IMAGES: list[Callable[[], bytes]] = [
    webp,
    svg,
    text_named_png,
    corrupt_png,
    truncated_png,
    zero_size_png,
    huge_png,
]
BAD_SIGNATURE_LOGOS: list[Callable[[], bytes]] = [
    corrupt_after_signature("png"),
    corrupt_after_signature("jpg"),
    corrupt_after_signature("gif"),
    huge_png,
]
SWEEP_IMAGES: list[Callable[[], bytes]] = [
    tiff,
    ico,
    animated_gif,
    cmyk_jpeg,
    sixteen_bit_png,
    huge_iccp_png,
    thin_png,
    huge_bmp_header,
    psd,
    empty,
]
