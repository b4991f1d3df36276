"""Print a deck plan for people and tools: a human outline and stable JSON.

``plan_outline`` is what ``hrdeck plan`` shows and what the golden tests pin, one
line per slide with its blocks beneath; ``plan_json`` holds everything, with sorted
keys.  Locations are printed relative to ``root`` when given, so output is stable.
The pandoc Markdown export is :mod:`hrdeck.outputs.markdown`.
"""

from __future__ import annotations

import dataclasses
import json
import os

from hrdeck.diagnostics import Loc
from hrdeck.plan.types import Block, DeckPlan, SlidePlan
from hrdeck.richtext import Para


def loc_text(loc: Loc, root: str | None = None) -> str:
    """``file:line:col`` with the file relative to ``root`` when it lies inside it."""
    file = loc.file
    if root and os.path.isabs(file):
        relative = os.path.relpath(file, root)
        if not relative.startswith(".."):
            file = relative
    return str(dataclasses.replace(loc, file=file.replace(os.sep, "/")))


def minutes_text(minutes: float | None) -> str:
    return "—" if minutes is None else f"{minutes:g} min"


# --- outline ---------------------------------------------------------------------------


def _para_line(para: Para, indent: int) -> str:
    return " " * (indent + 2 * para.level) + "- " + para.text


def _block_lines(block: Block) -> list[str]:
    heading = f" ({block.heading})" if block.heading else ""
    icon = f" [icon: {block.icon}]" if block.icon else ""
    link = f" [QR: {block.link.url}]" if block.link else ""
    return [f"    {block.role}{heading}{icon}{link}:"] + [_para_line(p, 6) for p in block.paras]


def _notes_summary(slide: SlidePlan) -> str:
    authored = [p.text for p in slide.notes[1:]] or [p.text for p in slide.notes]
    first = authored[0] if authored else ""
    first = first if len(first) <= 100 else first[:99] + "…"
    more = f" (+{len(authored) - 1} more)" if len(authored) > 1 else ""
    return f"    notes: {first}{more}"


def slide_outline(number: int, slide: SlidePlan, root: str | None = None) -> list[str]:
    head = f"{number}. [{slide.kind}] {slide.title} ({minutes_text(slide.minutes)})"
    lines = [f"{head}  {loc_text(slide.source, root)}"]
    if slide.subtitle:
        lines.append(f"    subtitle: {slide.subtitle}")
    for block in slide.blocks:
        lines += _block_lines(block)
    if slide.image:
        lines.append(f"    image: {os.path.basename(slide.image.path)} — alt: {slide.image.alt}")
    if slide.diagram:
        d = slide.diagram
        lines.append(f"    diagram: {len(d.nodes)} nodes, {len(d.edges)} edges — alt: {d.alt}")
    if slide.chart:
        c = slide.chart
        lines.append(f"    chart: {c.type}, {len(c.categories)} categories — alt: {c.alt}")
    lines.append(_notes_summary(slide))
    return lines


def plan_outline(plan: DeckPlan, root: str | None = None) -> str:
    """One line per slide ("12. [myth] Title (3 min)  file:line:col"), blocks beneath."""
    lines = [
        f"{plan.course_title} — {plan.audience_label} ({plan.audience})",
        f"{len(plan.slides)} slides, {plan.total_minutes:g} minutes, {plan.date}",
        "",
    ]
    for number, slide in enumerate(plan.slides, start=1):
        lines += slide_outline(number, slide, root)
    return "\n".join(lines) + "\n"


# --- JSON ------------------------------------------------------------------------------


def _jsonable(value: object, root: str | None) -> object:
    if isinstance(value, Loc):
        return loc_text(value, root)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name), root) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_jsonable(v, root) for v in value]
    return value


def plan_json(plan: DeckPlan, root: str | None = None) -> str:
    """The whole plan as JSON: sorted keys, indent 2, locations as text."""
    data = _jsonable(plan, root)
    assert isinstance(data, dict)
    data["total_minutes"] = plan.total_minutes
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
