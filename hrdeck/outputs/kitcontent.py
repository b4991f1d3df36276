"""The handout's content, read from the deck plan's slides: key points, resources, references.

- **Key points**: per module, in deck order, the top-level text of its teaching slides
  (a bullet slide's bullets; "Myth: ... Fact: ..." per myth; each side of a comparison
  with its items; each stage of a spectrum; a diagram's caption; a case's narrative and
  its discussion questions, each marked "To discuss:"). Sub-bullets, notes, titles and
  the slides that teach nothing of their own (title, agenda, sections, breaks,
  resources, references, closing) are left out; a point repeated on a continuation
  slide is kept once.
- **Resources**: each paragraph of the resources slides, as the plan writes it: the name
  linked to its address, then " — " and the description. The printed short address
  comes from :func:`~hrdeck.outputs.kit.shortaddress.short_address`.
- **References**: each APA paragraph of the reference slides, with its first link.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from hrdeck.outputs.kit.model import HandoutReference, HandoutResource, ModuleSummary, RichText
from hrdeck.outputs.kit.shortaddress import short_address
from hrdeck.plan.types import Block, DeckPlan, SlidePlan
from hrdeck.richtext import Para, Run

DESCRIPTION_DASH = " — "  # between a resource's linked name and its description
SKIPPED_KINDS = frozenset({"title", "agenda", "section", "resources", "references", "closing"})


def module_summaries(plan: DeckPlan) -> tuple[ModuleSummary, ...]:
    """Key points per module, in the order the deck teaches them."""
    summaries: list[ModuleSummary] = []
    current: str | None = None
    for slide in plan.slides:
        if slide.kind in SKIPPED_KINDS:
            current = None
            continue
        points = tuple(_points(slide))
        if not points:
            continue
        if slide.module_id == current and summaries:
            last = summaries[-1]
            summaries[-1] = ModuleSummary(last.title, _unique((*last.key_points, *points)))
        else:
            title = slide.module_title or slide.title
            summaries.append(ModuleSummary(title, _unique(points)))
        current = slide.module_id
    return tuple(summaries)


def _points(slide: SlidePlan) -> Iterator[RichText]:
    kind = slide.kind
    if kind == "myth":
        yield from _myth(slide)
    elif kind == "comparison":
        yield from (_labelled(b.heading, _joined(b.paras)) for b in slide.blocks if b.paras)
    elif kind == "questions":
        label = Run("To discuss: ", bold=True)
        yield from ((label, *runs) for runs in _top_level(slide.blocks))
    elif kind == "spectrum":
        yield from (_labelled(b.heading, _top_runs(b)) for b in slide.blocks_with("stage"))
        yield from _top_level(slide.blocks_with("caption"))
    else:  # bullets, case, questions, diagram (caption): the top-level paragraphs
        yield from _top_level(slide.blocks)


def _myth(slide: SlidePlan) -> Iterator[RichText]:
    myth, fact = slide.block("myth"), slide.block("fact")
    if myth is None or fact is None:
        yield from _top_level(slide.blocks)
        return
    yield (
        Run("Myth: ", bold=True),
        *_joined(myth.paras),
        Run(" Fact: ", bold=True),
        *_joined(fact.paras),
    )


def _top_level(blocks: Iterable[Block]) -> Iterator[tuple[Run, ...]]:
    for block in blocks:
        for para in block.paras:
            if para.level == 0 and para.text.strip():
                yield para.runs


def _top_runs(block: Block) -> tuple[Run, ...]:
    return _joined(tuple(p for p in block.paras if p.level == 0))


def _joined(paras: Iterable[Para]) -> tuple[Run, ...]:
    """Top-level paragraphs as one run of text, parted by '; '."""
    runs: list[Run] = []
    for para in paras:
        if para.level or not para.text.strip():
            continue
        if runs:
            runs.append(Run("; "))
        runs.extend(para.runs)
    return tuple(runs)


def _labelled(label: str | None, runs: tuple[Run, ...]) -> RichText:
    if not label:
        return runs
    return (Run(f"{label}: ", bold=True), *runs) if runs else label


def _unique(points: Iterable[RichText]) -> tuple[RichText, ...]:
    seen: set[RichText] = set()
    kept = []
    for point in points:
        if point not in seen:
            seen.add(point)
            kept.append(point)
    return tuple(kept)


def handout_resources(plan: DeckPlan) -> tuple[HandoutResource, ...]:
    """Every resource of the resources slides that links somewhere, in order, once."""
    found: dict[str, HandoutResource] = {}
    for slide in plan.slides:
        if slide.kind != "resources":
            continue
        for block in slide.blocks:
            for para in block.paras:
                resource = _resource(para)
                if resource is not None and resource.url not in found:
                    found[resource.url] = resource
    return tuple(found.values())


def _resource(para: Para) -> HandoutResource | None:
    """``[name](url) — description`` as the plan writes a resource; None without a link."""
    runs = para.runs
    linked = [index for index, run in enumerate(runs) if run.link]
    if not linked:
        return None
    url = runs[linked[0]].link
    assert url is not None
    name_end = linked[0]
    while name_end < len(runs) and runs[name_end].link == url:
        name_end += 1
    name = "".join(run.text for run in runs[:name_end]).strip()
    rest = runs[name_end:]
    if rest and rest[0].text == DESCRIPTION_DASH:
        rest = rest[1:]
    description: RichText = tuple(rest) if any(run.text.strip() for run in rest) else ""
    return HandoutResource(name or url, url, short_address(url), description)


def handout_references(plan: DeckPlan) -> tuple[HandoutReference, ...]:
    """The full APA list the deck cites (the plan carries it whether the deck shows it
    as reference slides or as one Sources slide), else the reference slides' list."""
    paras = plan.references or tuple(
        para
        for slide in plan.slides
        for block in slide.blocks_with("citation")
        for para in block.paras
    )
    return tuple(
        HandoutReference(para.runs, next((run.link for run in para.runs if run.link), None))
        for para in paras
    )
