"""A YAML file's bytes to text: the size limit, the encoding, and where a byte is.

A curriculum file must be UTF-8 (a byte-order mark is allowed).  Anything else is
named as what it most likely is, so the hint is right: UTF-32 and UTF-16 by their
byte-order marks, or by the NUL bytes they put beside every ASCII character when
saved without one; any other NUL byte means a binary file.  Every problem is
located at its line and column, never at a byte offset alone.

Codes: ``file-too-large``, ``encoding``, ``binary-file``.
"""

from __future__ import annotations

from pathlib import Path

from hrdeck.diagnostics import Diagnostic, Loc, error

MAX_FILE_BYTES = 1024 * 1024  # 1 MiB: a module is a few KiB; more is a mistake

# (byte-order mark, encoding): UTF-32 first, as its little-endian mark starts like UTF-16's
_MARKS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
_SAVE_AS_UTF8 = "save the file as UTF-8 (in most editors: Save with Encoding > UTF-8)"


def read_limited(path: Path) -> bytes | None:
    """The file's bytes, or ``None`` when it is larger than the limit."""
    with path.open("rb") as handle:
        raw = handle.read(MAX_FILE_BYTES + 1)
    return None if len(raw) > MAX_FILE_BYTES else raw


def decode(raw: bytes | None, display: str) -> tuple[str | None, Diagnostic | None]:
    """The text of a file read by :func:`read_limited`, or why it is not UTF-8 text."""
    loc = Loc(display, 1, 1)
    if raw is None:
        limit = f"{MAX_FILE_BYTES // 1024 // 1024} MiB"
        message = f"the file is larger than {limit}, the limit for a curriculum file"
        hint = "split it into several modules; images belong in images/, not in YAML"
        return None, error(loc, "file-too-large", message, hint)
    encoding = _wide_encoding(raw)
    if encoding is not None:
        message = f"the file is {encoding} text, not UTF-8"
        return None, error(loc, "encoding", message, "save the file as UTF-8")
    nul = raw.find(b"\x00")
    if nul >= 0:
        message = f"this is not a text file (a NUL byte at offset {nul})"
        return None, error(byte_loc(raw, nul, display), "binary-file", message)
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        byte = raw[exc.start]
        message = f"the file is not UTF-8: byte 0x{byte:02X} at offset {exc.start} is invalid"
        return None, error(byte_loc(raw, exc.start, display), "encoding", message, _SAVE_AS_UTF8)


def _wide_encoding(raw: bytes) -> str | None:
    """'UTF-32' or 'UTF-16' when the bytes are text in one of them, else None."""
    for mark, encoding in _MARKS:
        if raw.startswith(mark):
            return encoding
    head = raw[:4]
    if len(head) < 4 or b"\x00" not in head:
        return None
    if head[1:] == b"\x00\x00\x00" or head[:3] == b"\x00\x00\x00":
        return "UTF-32"  # ASCII text saved as UTF-32 without a mark
    if (head[1], head[3]) == (0, 0) or (head[0], head[2]) == (0, 0):
        return "UTF-16"
    return None


def byte_loc(raw: bytes, offset: int, display: str) -> Loc:
    """The line and column (in characters) of the byte at ``offset`` of UTF-8 ``raw``."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    col = len(raw[line_start:offset].decode("utf-8", "replace")) + 1
    return Loc(display, line, col)


def char_loc(text: str, index: int, display: str) -> Loc:
    """The line and column of the character at ``index`` of ``text``."""
    line_start = text.rfind("\n", 0, index) + 1
    return Loc(display, text.count("\n", 0, index) + 1, index - line_start + 1)
