"""The web address printed beside a QR code: short enough to read aloud and type.

``https://www.samhsa.gov/find-help/harm-reduction/framework`` prints as
``samhsa.gov/find-help``: no scheme, no ``www.``, and as many leading path segments as
fit in :data:`SHORT_LIMIT` characters. The QR code beside it carries the full address;
the printed one leads a reader who types it to the right site, usually the right section.
An address that must be typed whole (the evaluation form's) prints as
:func:`full_address`: all of it but the scheme and ``www.``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

SHORT_LIMIT = 32


def short_address(url: str, limit: int = SHORT_LIMIT) -> str:
    """``url`` as people type it, at most ``limit`` characters past the host name."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    if not host:
        return url
    shown = host
    for segment in (s for s in parts.path.split("/") if s):
        longer = f"{shown}/{segment}"
        if len(longer) > max(limit, len(host)):
            break
        shown = longer
    return shown


def full_address(url: str) -> str:
    """``url`` without its scheme, ``www.`` and a trailing slash: all of it, to type."""
    parts = urlsplit(url)
    if not parts.hostname:
        return url
    rest = url.split("://", 1)[1].removeprefix("www.")
    return rest.rstrip("/")
