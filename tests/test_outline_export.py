"""Plan printing: outline, JSON and pandoc Markdown."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from hrdeck.diagnostics import Loc
from hrdeck.outputs.markdown import plan_markdown, run_markdown
from hrdeck.outputs.outline import loc_text, plan_json, plan_outline
from hrdeck.plan.build import build_plan
from hrdeck.plan.types import DeckPlan
from hrdeck.richtext import Run
from hrdeck.tailor import tailor
from tests.factories import sample_curriculum


@pytest.fixture(scope="module")
def plan() -> DeckPlan:
    return build_plan(tailor(sample_curriculum(), "court"))


def test_outline_has_one_numbered_line_per_slide_with_kind_minutes_and_location(plan: DeckPlan):
    lines = plan_outline(plan).splitlines()
    assert "3. [myth] It keeps people alive (5 min)  modules/myths.yaml:1:1" in lines
    heads = [line for line in lines if re.match(r"\d+\. \[", line)]
    assert len(heads) == len(plan.slides)


def test_outline_shows_blocks_indented_and_the_first_authored_note(plan: DeckPlan):
    text = plan_outline(plan)
    assert "    left (Provider):\n      - Treat\n" in text
    assert "    body:\n      - Naloxone\n        - Nasal spray\n" in text
    assert "    notes: Say why. (+3 more)" in text  # the last: its Sources line


def test_locations_are_printed_relative_to_the_root():
    assert loc_text(Loc("/cur/modules/a.yaml", 3, 5), "/cur") == "modules/a.yaml:3:5"
    assert loc_text(Loc("/elsewhere/a.yaml", 3, 5), "/cur") == "/elsewhere/a.yaml:3:5"
    assert loc_text(Loc("modules/a.yaml", 1, 1), "/cur") == "modules/a.yaml:1:1"


def test_json_is_stable_sorted_and_complete(plan: DeckPlan):
    text = plan_json(plan)
    assert text == plan_json(plan)
    data = json.loads(text)
    assert list(data) == sorted(data)
    assert data["total_minutes"] == plan.total_minutes
    assert len(data["slides"]) == len(plan.slides)
    first_myth = data["slides"][2]
    assert first_myth["source"] == "modules/myths.yaml:1:1"
    assert first_myth["blocks"][0]["paras"][0]["runs"][1] == {
        "bold": False,
        "code": False,
        "italic": True,
        "link": None,
        "text": "enables",
    }


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        (Run("plain"), "plain"),
        (Run("bold ", bold=True), "**bold** "),
        (Run("both", bold=True, italic=True), "***both***"),
        (Run("a*b"), r"a\*b"),
        (Run("x", code=True), "`x`"),
        (Run("SAMHSA", link="https://www.samhsa.gov"), "[SAMHSA](<https://www.samhsa.gov>)"),
    ],
)
def test_runs_become_inline_markdown(run: Run, expected: str):
    assert run_markdown(run) == expected


def test_markdown_has_metadata_a_heading_per_slide_and_notes_divs(plan: DeckPlan):
    text = plan_markdown(plan)
    assert text.startswith('---\ntitle: "Harm Reduction and Mandated Clients"\n')
    assert text.count("\n# ") == len(plan.slides) - 1  # the title slide is the metadata
    assert "\n## " not in text  # one heading level: pandoc makes one slide per heading
    assert text.count("::: notes") == len(plan.slides) - 1
    assert "- Naloxone\n  - Nasal spray" in text
    assert "- 1\\. It is a free-for-all" in text
    assert ":::::: columns" in text


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc not installed")
def test_pandoc_turns_the_markdown_into_a_deck_with_notes(plan: DeckPlan, tmp_path: Path):
    source = tmp_path / "deck.md"
    source.write_text(plan_markdown(plan), encoding="utf-8")
    deck = tmp_path / "deck.pptx"
    subprocess.run(["pandoc", str(source), "-o", str(deck)], check=True, timeout=60)
    with zipfile.ZipFile(deck) as package:
        names = package.namelist()
        slides = [n for n in names if n.startswith("ppt/slides/slide") and n.endswith(".xml")]
        notes = [n for n in names if n.startswith("ppt/notesSlides/notesSlide")]
        xml = "".join(package.read(n).decode("utf-8") for n in slides)
    assert len(slides) == len(plan.slides)
    assert len(notes) >= len(plan.slides) - 1
    assert "Nasal spray" in xml
    assert "https://www.samhsa.gov" in "".join(package_rels(deck))


def package_rels(deck: Path) -> list[str]:
    with zipfile.ZipFile(deck) as package:
        return [package.read(n).decode("utf-8") for n in package.namelist() if n.endswith(".rels")]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc not installed")
@pytest.mark.parametrize("audience", ["court", "clinician", "peer"])
def test_plain_pandoc_makes_one_slide_per_hrdeck_slide_of_the_built_in_decks(
    audience: str, tmp_path: Path
) -> None:
    from pptx import Presentation

    from hrdeck.paths import builtin_curriculum
    from hrdeck.pipeline import load_valid, plan_audience

    curriculum, _ = load_valid(builtin_curriculum())
    deck_plan = plan_audience(curriculum, audience).plan
    source = tmp_path / f"{audience}.md"
    source.write_text(plan_markdown(deck_plan), encoding="utf-8")
    out = tmp_path / f"{audience}.pptx"
    subprocess.run(["pandoc", str(source), "-o", str(out)], check=True, timeout=120)
    deck = Presentation(str(out))
    assert len(deck.slides) == len(deck_plan.slides)
    assert deck.slide_width * 9 == deck.slide_height * 16  # 16:9, as the default theme
    words = [
        len(shape.text_frame.text.split())
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
    ]
    assert max(words) < 150  # no section packed onto one slide
    diagram = next(s for s in deck_plan.slides if s.diagram is not None)
    text = "\n".join(
        shape.text_frame.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame and slide.shapes.title.text == diagram.title
    )
    assert "→" in text or "↔" in text  # the connections as a list, not the alt-text prose
