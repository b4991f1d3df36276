"""Synthetic curricula for the benchmark: N bullet slides, three audiences.

One content model (:func:`slide_content`, runs with bold / italic / link and a
nesting level) is written three ways, so that every tool renders the same slides:

* a curriculum folder in the format of ``curriculum/FORMAT.md`` (for ``hrdeck``);
* a JSON list of slides with pre-parsed runs (for ``bench/baseline_pptx.py``);
* pandoc-flavoured Markdown (``##`` per slide, ``::: notes`` divs), used only as a
  fallback when ``hrdeck plan --format markdown`` fails.

Every slide's text carries its own number, so no cache can serve one slide's text
for another's.  The ``bench`` audience sees exactly ``n`` slides of five bullets
(four top level, one nested) with notes; ``court`` and ``peer`` exist for realism
(audience-specific notes and a court-only bullet that ``bench`` never sees).
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

import yaml

SLIDES_PER_MODULE = 10
AUDIENCES = ("bench", "court", "peer")
LINK = "https://www.samhsa.gov/substance-use/harm-reduction/framework"

# A run is (text, bold, italic, link); a paragraph is (level, runs).
RunT = tuple[str, bool, bool, str | None]
ParaT = tuple[int, tuple[RunT, ...]]


@dataclass(frozen=True)
class SlideContent:
    title: str
    bullets: tuple[ParaT, ...]
    notes: tuple[RunT, ...]


def _r(text: str, bold: bool = False, italic: bool = False, link: str | None = None) -> RunT:
    return (text, bold, italic, link)


def slide_content(i: int) -> SlideContent:
    """The bench audience's view of slide ``i`` (1-based)."""
    bullets: tuple[ParaT, ...] = (
        (0, (_r("Offer "), _r("naloxone", bold=True), _r(f" and test strips at visit {i}"))),
        (0, (_r("Ask, do not assume, "), _r("what matters most", italic=True), _r(" today"))),
        (0, (_r("See the "), _r(f"SAMHSA framework, part {i}", link=LINK), _r(" for details"))),
        (0, (_r(f"Three questions for team meeting {i}"),)),
        (1, (_r("Is the person "), _r("safer", bold=True), _r(" than last week?"))),
    )
    notes = (
        _r("Explain "),
        _r("why", bold=True),
        _r(f" practice point {i} matters before moving on. Ask the room for "),
        _r("one", italic=True),
        _r(" example from their own work, and thank whoever answers. "),
        _r("Keep it brief:", bold=True),
        _r(" two minutes at most, then connect it to the next slide."),
    )
    return SlideContent(f"Practice point {i}: keeping people engaged", bullets, notes)


def _markdown(runs: tuple[RunT, ...]) -> str:
    out = []
    for text, bold, italic, link in runs:
        piece = f"[{text}]({link})" if link else text
        if italic:
            piece = f"*{piece}*"
        if bold:
            piece = f"**{piece}**"
        out.append(piece)
    return "".join(out)


def _items(content: SlideContent, i: int) -> list[object]:
    """The slide's YAML items: nesting as ``{text, items}``, plus a court-only bullet."""
    tree: list[dict[str, object]] = []
    for level, runs in content.bullets:
        if level == 0:
            tree.append({"text": _markdown(runs), "items": []})
        else:
            tree[-1]["items"].append(_markdown(runs))  # type: ignore[attr-defined]
    items: list[object] = [node if node["items"] else node["text"] for node in tree]
    if i % 7 == 0:
        items.append({"text": f"Check the court's *own* standard {i}", "audiences": ["court"]})
    return items


def _notes(content: SlideContent, i: int) -> object:
    notes = _markdown(content.notes)
    if i % 4 == 0:
        return {"default": notes, "court": f"For the bench: {notes}"}
    return notes


def _yaml_file(path: Path, schema: str, data: object) -> None:
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
    header = f"# yaml-language-server: $schema={schema}\n"
    path.write_text(header + text, encoding="utf-8")


def _module_ids(n: int) -> list[str]:
    return [f"part-{m:03d}" for m in range(1, (n + SLIDES_PER_MODULE - 1) // SLIDES_PER_MODULE + 1)]


def write_curriculum(root: Path, n: int) -> Path:
    """Write a curriculum of ``n`` bullet slides (for the bench audience) under ``root``."""
    (root / "audiences").mkdir(parents=True, exist_ok=True)
    (root / "modules").mkdir(exist_ok=True)
    module_ids = _module_ids(n)
    course = {
        "id": f"bench-{n}",
        "title": f"Benchmark course of {n} slides",
        "subtitle": "Synthetic content for timing hrdeck",
        "presenter": {"name": "Bench Presenter", "credentials": "LCSW", "email": ["b@example.org"]},
        "language": "en-US",
        "date": datetime.date(2026, 11, 1),
        "outline": module_ids,
    }
    _yaml_file(root / "course.yaml", "../hrdeck/schemas/course.schema.json", course)
    for audience in AUDIENCES:
        _yaml_file(
            root / "audiences" / f"{audience}.yaml",
            "../../hrdeck/schemas/audience.schema.json",
            _audience(audience, module_ids),
        )
    for number, module_id in enumerate(module_ids):
        first = number * SLIDES_PER_MODULE + 1
        last = min(n, first + SLIDES_PER_MODULE - 1)
        _yaml_file(
            root / "modules" / f"{number + 1:03d}-{module_id}.yaml",
            "../../hrdeck/schemas/module.schema.json",
            _module(module_id, number + 1, range(first, last + 1)),
        )
    return root


def _audience(audience: str, module_ids: list[str]) -> dict[str, object]:
    return {
        "id": audience,
        "label": f"Benchmark audience {audience}",
        "description": f"A synthetic {audience} audience for the benchmark.",
        "objectives": [
            {
                "id": "adopt-one-practice",
                "text": "Describe one harm reduction practice the team can adopt this month.",
            }
        ],
        "modules": [{"id": module_id, "minutes": SLIDES_PER_MODULE} for module_id in module_ids],
        "breaks": {"after": []},  # exactly N slides: no break slides in the benchmark
        "vocabulary": [{"prefer": "people who use drugs", "instead_of": ["PWUD"]}],
    }


def _module(module_id: str, number: int, slide_numbers: range) -> dict[str, object]:
    slides = []
    for i in slide_numbers:
        content = slide_content(i)
        slides.append(
            {"title": content.title, "items": _items(content, i), "notes": _notes(content, i)}
        )
    return {
        "id": module_id,
        "kind": "bullets",
        "title": f"Part {number}",
        "attribution": {"default": f"Source: synthetic part {number}", "court": "Source: bench"},
        "slides": slides,
        "objectives": ["adopt-one-practice"],
    }


def slides_json(n: int) -> str:
    """The bench audience's slides as JSON, for the plain python-pptx script."""
    slides = []
    for i in range(1, n + 1):
        content = slide_content(i)
        slides.append(
            {
                "title": content.title,
                "bullets": [[level, [list(r) for r in runs]] for level, runs in content.bullets],
                "notes": [list(r) for r in content.notes],
            }
        )
    return json.dumps(slides)


def markdown(n: int) -> str:
    """Fallback pandoc Markdown of the bench audience's deck (title block + one ``##`` each)."""
    lines = ["---", f"title: Benchmark course of {n} slides", "lang: en-US", "---", ""]
    for i in range(1, n + 1):
        content = slide_content(i)
        lines += [f"## {content.title}", ""]
        lines += [f"{'    ' * level}- {_markdown(runs)}" for level, runs in content.bullets]
        lines += ["", "::: notes", _markdown(content.notes), ":::", ""]
    return "\n".join(lines)
