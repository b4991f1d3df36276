"""Short visible addresses for links the audience should take away.

A projected or printed slide cannot show a 250-character URL, and an underlined name
shows none.  :func:`short_address` gives what a room can read and note down: the
domain and path (``samhsa.gov/find-help``), without scheme, ``www.``, query or
fragment; a long path keeps its last part (``ecfr.gov/…/part-2``) or only its start.
The full address stays in the link and the QR code beside it.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from hrdeck.plan.types import PlanLink

SHORT_LIMIT = 34  # characters: one line beside a QR code at 18 pt


def short_address(url: str, limit: int = SHORT_LIMIT) -> str:
    """'https://www.samhsa.gov/find-help/' -> 'samhsa.gov/find-help' (see the module doc)."""
    if url.startswith(("mailto:", "tel:")):
        return unquote(url.split(":", 1)[1].split("?", 1)[0])
    parts = urlsplit(url)
    domain = parts.netloc.rpartition("@")[2].lower().removeprefix("www.")
    segments = [s for s in unquote(parts.path).split("/") if s]
    for candidate in _candidates(domain, segments):
        if len(candidate) <= limit:
            return candidate
    return domain


def _candidates(domain: str, segments: list[str]) -> list[str]:
    if not segments:
        return [domain]
    found = ["/".join([domain, *segments])]
    if len(segments) > 1:
        found.append(f"{domain}/…/{segments[-1]}")
    found.append(f"{domain}/{segments[0]}/…" if len(segments) > 1 else f"{domain}/…")
    found.append(f"{domain}/…")
    return found


def plan_link(url: str, label: str, short: str | None = None) -> PlanLink:
    """A link with the address the room sees (`short`, else made from the url)."""
    return PlanLink(url=url, short=short or short_address(url), label=label)
