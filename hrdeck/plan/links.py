"""Short visible addresses for links the audience should take away.

A projected or printed slide cannot show a 250-character URL, and an underlined name
shows none.  :func:`short_address` gives what a room can read and note down: the
domain and path (``samhsa.gov/find-help``), without scheme, ``www.``, query or
fragment; a long path keeps its last part (``ecfr.gov/…/part-2``) or only its start.
The full address stays in the link and the QR code beside it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from urllib.parse import unquote, urlsplit

from hrdeck.plan.types import Block, PlanLink
from hrdeck.richtext import Para, Run
from hrdeck.textfit.measure import TextArea
from hrdeck.textfit.metrics import FontMetrics

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


def address_fits(run: Run, room: float, size: float, metrics: FontMetrics) -> bool:
    """Whether a linked run fits on one line: a renderer (LibreOffice) lays a link out
    as one piece, which it breaks between letters when the line is too short."""
    return metrics.width(run.text, size, run.bold) <= room


def shorter_addresses(block: Block, area: TextArea, size: float, metrics: FontMetrics) -> Block:
    """`block` with each linked run too wide for its line replaced by a shorter address
    of the same link (down to its domain); its link's short address follows."""
    paras, shortest = [], None
    for para in block.paras:
        room = min(area.line_widths(para.level))
        runs = []
        for run in para.runs:
            if run.link and not address_fits(run, room, size, metrics):
                run = dataclasses.replace(run, text=_fitting(run, room, size, metrics))
                shortest = run.text
            runs.append(run)
        paras.append(Para(tuple(runs), para.level))
    link = block.link
    if link is not None and shortest is not None:
        link = dataclasses.replace(link, short=shortest)
    return dataclasses.replace(block, paras=tuple(paras), link=link)


def _fitting(run: Run, room: float, size: float, metrics: FontMetrics) -> str:
    url = run.link or ""
    for limit in range(len(run.text) - 1, 8, -1):
        candidate = short_address(url, limit)
        if metrics.width(candidate, size, run.bold) <= room:
            return candidate
    return short_address(url, 0)


def linked_runs(paras: Sequence[Para]) -> bool:
    return any(run.link for para in paras for run in para.runs)


def plan_link(url: str, label: str, short: str | None = None) -> PlanLink:
    """A link with the address the room sees (`short`, else made from the url)."""
    return PlanLink(url=url, short=short or short_address(url), label=label)
