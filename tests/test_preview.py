"""`hrdeck theme preview` shows each kind with real text from the built-in court deck."""

from __future__ import annotations

import io

import pptx

from hrdeck.kinds import SLIDE_KINDS
from hrdeck.pipeline import preview_examples
from hrdeck.render.preview import SAMPLES, preview_bytes, sample_plan
from hrdeck.theme.load import load_theme


def test_examples_are_first_slides_of_the_builtin_court_deck_with_its_knowledge_checks() -> None:
    examples = preview_examples()
    assert {"title", "myth", "comparison", "resources", "closing"} <= set(examples)
    assert {"check-question", "check-answer"} <= set(examples)
    assert all("(cont." not in slide.title for slide in examples.values())
    assert examples["title"].title == "Harm Reduction and Mandated Clients"


def test_the_preview_takes_each_kind_from_the_examples_and_sample_text_for_the_rest() -> None:
    examples = preview_examples()
    theme = load_theme("default")
    plan = sample_plan(theme, examples)
    assert [slide.kind for slide in plan.slides] == list(SLIDE_KINDS)
    for slide in plan.slides:
        if slide.kind in examples:
            assert slide.title == examples[slide.kind].title
        else:
            assert slide.title == SAMPLES.get(slide.kind, (slide.kind.title(), ()))[0]
    deck = pptx.Presentation(io.BytesIO(preview_bytes(theme, examples=examples)))
    titles = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None]
    assert "Harm Reduction and Mandated Clients" in titles
