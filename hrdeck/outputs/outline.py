"""Print a deck plan: a human outline, stable JSON, and pandoc Markdown.

``plan_outline`` is what ``hrdeck plan`` shows and what the golden tests pin, one
line per slide with its blocks beneath; ``plan_json`` holds everything, with sorted
keys; ``plan_markdown`` is pandoc-flavoured Markdown (YAML metadata, a heading per
slide, ``::: notes`` divs) that ``pandoc -o deck.pptx`` turns into a plain deck.
Locations are printed relative to ``root`` when given, so output is stable.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re

from hrdeck.diagnostics import Loc
from hrdeck.plan.types import Block, DeckPlan, SlidePlan
from hrdeck.richtext import Para, Run


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
    return [f"    {block.role}{heading}:"] + [_para_line(p, 6) for p in block.paras]


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


# --- Markdown --------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def escape_markdown(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def run_markdown(run: Run) -> str:
    """One run as inline Markdown; spaces stay outside the emphasis markers."""
    core = run.text.strip()
    if not core:
        return run.text
    lead = run.text[: len(run.text) - len(run.text.lstrip())]
    trail = run.text[len(run.text.rstrip()) :]
    text = f"`{core}`" if run.code else escape_markdown(core)
    if run.italic:
        text = f"*{text}*"
    if run.bold:
        text = f"**{text}**"
    if run.link:
        text = f"[{text}](<{run.link}>)"
    return lead + text + trail


_LINE_START = re.compile(r"^(\d+)([.)])|^([-+#])(?=\s)")


def runs_markdown(runs: tuple[Run, ...]) -> str:
    """Runs as inline Markdown that cannot start a list by accident ('1. x', '- x')."""
    text = "".join(run_markdown(run) for run in runs)
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


def paras_markdown(paras: tuple[Para, ...], bullets: bool = True) -> list[str]:
    """Paragraphs as Markdown lines: bullets (indented by level) or plain paragraphs."""
    lines: list[str] = []
    for para in paras:
        text = runs_markdown(para.runs)
        if bullets or para.level > 0:
            level = para.level if bullets else para.level - 1
            lines.append("  " * level + "- " + text)
        else:
            lines += ["", text, ""]
    return _squeeze(lines)


def _squeeze(lines: list[str]) -> list[str]:
    """Drop repeated and edge blank lines, but keep a blank line around lists."""
    out: list[str] = []
    for line in lines:
        if line == "" and (not out or out[-1] == ""):
            continue
        if line.startswith(("-", " ")) and out and out[-1] and not out[-1].startswith(("-", " ")):
            out.append("")
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return out


def _yaml(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML string


def _slide_markdown(slide: SlidePlan) -> list[str]:
    level = "#" if slide.kind == "section" else "##"
    lines = [f"{level} {escape_markdown(slide.title)}", ""]
    if slide.subtitle:
        lines += [f"*{escape_markdown(slide.subtitle)}*", ""]
    if slide.kind == "comparison":
        lines += _columns(slide.blocks)
    else:
        for block in slide.blocks:
            if block.heading:
                lines += [f"**{escape_markdown(block.heading)}**", ""]
            bullets = block.role not in {"narrative", "caption", "presenter", "citation"}
            lines += [*paras_markdown(block.paras, bullets), ""]
    if slide.image:
        lines += [f"![{escape_markdown(slide.image.alt)}](<{slide.image.path}>)", ""]
    if slide.diagram:
        lines += [escape_markdown(slide.diagram.alt), ""]
    lines += ["::: notes", "", *paras_markdown(slide.notes, bullets=False), "", ":::", ""]
    return lines


def _columns(blocks: tuple[Block, ...]) -> list[str]:
    lines = [":::::: columns", ""]
    for block in blocks:
        lines += ["::: column", ""]
        if block.heading:
            lines += [f"**{escape_markdown(block.heading)}**", ""]
        lines += [*paras_markdown(block.paras), "", ":::", ""]
    return [*lines, "::::::", ""]


def plan_markdown(plan: DeckPlan) -> str:
    """Pandoc Markdown of the deck (the title slide comes from the metadata)."""
    title = next((s for s in plan.slides if s.kind == "title"), None)
    meta = [
        "---",
        f"title: {_yaml(plan.course_title)}",
        f"subtitle: {_yaml((title.subtitle if title else None) or plan.audience_label)}",
        f"author: {_yaml(plan.presenter)}",
        f"date: {_yaml(plan.date)}",
        f"lang: {_yaml(plan.language)}",
        "---",
        "",
    ]
    body: list[str] = []
    for slide in plan.slides:
        if slide.kind != "title":
            body += _slide_markdown(slide)
    return "\n".join(meta + body).rstrip() + "\n"
