"""The deck plan as pandoc Markdown, and the Markdown of runs and paragraphs.

``plan_markdown`` is pandoc-flavoured Markdown (YAML metadata, a heading per slide,
``::: notes`` divs) that ``pandoc -o deck.pptx`` turns into a plain deck; the guide
writes its Markdown version with the same run and paragraph writers.
"""

from __future__ import annotations

import json
import re

from hrdeck.plan.types import Block, DeckPlan, PlanDiagram, SlidePlan
from hrdeck.richtext import Para, Run

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
    """One pandoc slide: every slide is a level-1 heading followed by its content.

    pandoc chooses its slide level from the first heading followed by content; with
    every slide at level 1 (section dividers too, their subtitle as a line under the
    title) it makes exactly one slide per hrdeck slide.
    """
    lines = [f"# {escape_markdown(slide.title)}", ""]
    if slide.subtitle:
        lines += [f"*{escape_markdown(slide.subtitle)}*", ""]
    if slide.kind == "comparison" or slide.kind == "myth":
        lines += _columns(slide.blocks)
    else:
        lines += _blocks_markdown(slide.blocks)
    if slide.image:
        lines += [f"![{escape_markdown(slide.image.alt)}](<{slide.image.path}>)", ""]
    if slide.diagram:
        lines += [*_diagram_markdown(slide.diagram), ""]
    lines += ["::: notes", "", *paras_markdown(slide.notes, bullets=False), "", ":::", ""]
    return lines


_PROSE_ROLES = frozenset({"narrative", "caption", "presenter", "citation"})


def _blocks_markdown(blocks: tuple[Block, ...]) -> list[str]:
    """Blocks in order; a spectrum's stages become one list of 'label: description'."""
    lines: list[str] = []
    stages = [b for b in blocks if b.role == "stage"]
    if stages:
        lines += [f"- **{escape_markdown(b.heading or '')}**: {_joined(b)}" for b in stages]
        lines.append("")
    for block in blocks:
        if block.role == "stage":
            continue
        if block.heading:
            lines += [f"**{escape_markdown(block.heading)}**", ""]
        lines += [*paras_markdown(block.paras, block.role not in _PROSE_ROLES), ""]
    return lines


def _joined(block: Block) -> str:
    return " ".join(runs_markdown(para.runs) for para in block.paras)


def _diagram_markdown(diagram: PlanDiagram) -> list[str]:
    """A diagram as the list of its connections, readable on a slide and by a screen reader."""
    label = {node.id: node.label for node in diagram.nodes}
    lines = []
    for edge in diagram.edges:
        arrow = "↔" if edge.both_ways else "→"
        link = (
            f"{escape_markdown(label[edge.source])} {arrow} {escape_markdown(label[edge.target])}"
        )
        lines.append(f"- {link}: {escape_markdown(edge.label)}" if edge.label else f"- {link}")
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
