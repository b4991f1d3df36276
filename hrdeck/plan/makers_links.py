"""Slides that send people elsewhere: resources, sources, the evaluation link.

- **Resources**: one card per resource, its name, line and short visible address
  beside a QR code of its link (:func:`resource_blocks`).
- **References off the projected deck**: by default the references module makes one
  "Sources" slide: the works this session cites, short ("Binswanger et al., 2007 —
  Release from prison"), most-cited first (the plan's fitting keeps what fits and says
  how many more there are), and where the full list is: a QR code when the course
  sets ``sources_url``, else the handout and the facilitator guide.  The full APA
  list of the cited works rides on the plan (``DeckPlan.references``) for the guide
  and the handout.  ``references: slides`` (course or audience) puts that full list
  back on slides instead.  Either way only works the session cites are listed.
- **The evaluation link** on the closing slide, as a QR code (:func:`evaluation_block`).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable

from hrdeck.curriculum.model import Citation, Resource
from hrdeck.plan.citations import format_citation, in_text, sort_key
from hrdeck.plan.links import plan_link, short_address
from hrdeck.plan.makers_visual import Context, text_of
from hrdeck.plan.markup import plain
from hrdeck.plan.types import Block
from hrdeck.richtext import Para, Run
from hrdeck.tailor import Tailored

SOURCES_TITLE = "Sources"
SHORT_TITLE = 48  # characters of a work's title on the Sources slide


# --- resources ---------------------------------------------------------------------------


def resource_blocks(ctx: Context, resources: Iterable[Resource]) -> tuple[Block, ...]:
    """One block per resource: its name, its line, its short address (linked, last)."""
    blocks = []
    for r in resources:
        # the name in bold, not a link: the QR code and the short address carry that
        name = tuple(
            dataclasses.replace(run, bold=True, link=None)
            for run in ctx.inline(text_of(r.name), r.loc)
        )
        description = ctx.inline(text_of(r.description), r.loc)
        link = plan_link(r.url, plain(text_of(r.name)), r.short)
        paras = (Para(name), *((Para(description),) if description else ()))
        address = Para((Run(link.short, link=r.url),))
        blocks.append(Block("resource", (*paras, address), link=link))
    return tuple(blocks)


# --- what the session cites --------------------------------------------------------------


def cite_counts(tailored: Tailored) -> Counter[str]:
    """How often each citation key is cited by the session's modules (the references
    module's own list aside): on slides, facts, stats, charts, myths, notes and dated
    statements."""
    counts: Counter[str] = Counter()
    for module in tailored.modules:
        _count(module.module, counts)
    return counts


def _count(node: object, counts: Counter[str]) -> None:
    """Add the `cite` keys under `node` (tuples and dataclasses are walked; text, numbers
    and the references module's own ``citations`` list are not)."""
    if isinstance(node, tuple):
        for value in node:
            if not isinstance(value, _LEAVES):
                _count(value, counts)
        return
    for name in _walked_fields(type(node)):
        value = getattr(node, name)
        if name == "cite":
            counts.update(value)
        elif not isinstance(value, _LEAVES):
            _count(value, counts)


_LEAVES = (str, int, float, type(None))  # what can hold no citation (bool is an int)
_FIELDS: dict[type, tuple[str, ...]] = {}


def _walked_fields(cls: type) -> tuple[str, ...]:
    """The fields of dataclass `cls` that :func:`_count` looks into (none for any other
    type); worked out once per class."""
    found = _FIELDS.get(cls)
    if found is None:
        names = [f.name for f in dataclasses.fields(cls)] if dataclasses.is_dataclass(cls) else []
        found = _FIELDS[cls] = tuple(n for n in names if n != "citations")
    return found


def cited_citations(tailored: Tailored, citations: Iterable[Citation]) -> list[Citation]:
    """The citations the session cites, in APA order."""
    counts = cite_counts(tailored)
    return sorted((c for c in citations if counts[c.key]), key=sort_key)


def full_references(tailored: Tailored) -> tuple[Para, ...]:
    """The full APA list of the works the session cites (for the guide and handout)."""
    every = [c for m in tailored.curriculum.modules for c in m.citations]
    unique = list({c.key: c for c in every}.values())
    return tuple(Para(format_citation(c)) for c in cited_citations(tailored, unique))


def references_mode(tailored: Tailored) -> str:
    """'sources' (one Sources slide) or 'slides' (the full list): audience, else course."""
    return tailored.audience.references or tailored.course.references


# --- the Sources slide -------------------------------------------------------------------


def short_title(title: str, limit: int = SHORT_TITLE) -> str:
    """The main title (before a colon), cut at a word when longer than `limit`."""
    main = title.split(": ", 1)[0].strip().rstrip(".")
    if len(main) <= limit:
        return main
    cut = main[: limit - 1].rsplit(" ", 1)[0].rstrip(",;—– ")
    return cut + "…"


def source_entries(citations: list[Citation]) -> tuple[Para, ...]:
    """'Binswanger et al., 2007 — Release from prison—A high risk of death…' for each;
    two works whose entries would read the same keep their whole main titles."""
    shorts = [(in_text(c), short_title(c.title)) for c in citations]
    seen = Counter(shorts)
    entries = []
    for citation, (who, title) in zip(citations, shorts, strict=True):
        if seen[(who, title)] > 1:
            title = short_title(citation.title, limit=len(citation.title))
        entries.append(Para((Run(who, bold=True), Run(" — "), Run(title))))
    return tuple(entries)


def sources_blocks(tailored: Tailored, citations: Iterable[Citation]) -> tuple[Block, ...]:
    """The short list (most-cited first), and where the full list is."""
    counts = cite_counts(tailored)
    cited = [c for c in citations if counts[c.key]]
    cited.sort(key=lambda c: (-counts[c.key], sort_key(c)))
    listing = Block("body", source_entries(cited))
    return (listing, _where_block(tailored.course.sources_url, len(cited)))


def _where_block(url: str | None, count: int) -> Block:
    works = f"all {count} sources" if count != 1 else "the source"
    if url is None:
        paras = (
            Para((Run(f"The full list of {works}", bold=True),)),
            Para((Run("is in your handout and the facilitator guide (APA 7, with links)."),)),
        )
        return Block("link", paras)
    link = plan_link(url, "the full reference list")
    paras = (
        Para((Run(f"The full list of {works}, with links", bold=True),)),
        Para((Run(link.short, link=url),)),
    )
    return Block("link", paras, link=link)


def sources_notes(count: int, url: str | None) -> tuple[Para, ...]:
    where = f"online ({short_address(url)}, the QR code)" if url else "in the handout"
    text = (
        f"This session cites {count} works. Point people to the full list {where}; "
        "it is also at the end of the facilitator guide. No need to read the list aloud."
    )
    return (Para((Run(text),)),)


# --- the evaluation link -----------------------------------------------------------------


def take_away_blocks(ctx: Context, resources: Iterable[Resource]) -> tuple[Block, ...]:
    """The closing slide's take-away link when the course has no evaluation link: a QR
    code, the resource's name and its short address (role "link", as the evaluation)."""
    return tuple(
        dataclasses.replace(block, role="link", paras=(block.paras[0], block.paras[-1]))
        for block in resource_blocks(ctx, resources)
    )


def evaluation_block(url: str) -> Block:
    """The closing slide's evaluation link: a QR code, 'Evaluation' and the short address."""
    link = plan_link(url, "the session evaluation form")
    paras = (Para((Run("Evaluation", bold=True),)), Para((Run(link.short, link=url),)))
    return Block("link", paras, link=link)
