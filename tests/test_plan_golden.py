"""Golden outlines: the plan of every audience of the built-in curriculum, pinned.

A change to content, tailoring or planning shows up here as a readable diff of
``tests/golden/plan/<audience>.txt``.  After checking the diff is intended, rewrite
the files with ``HRDECK_UPDATE_GOLDEN=1 pytest tests/test_plan_golden.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hrdeck.curriculum.model import Curriculum
from hrdeck.curriculum.validate import validate_curriculum
from hrdeck.outputs.outline import plan_outline
from hrdeck.paths import builtin_curriculum
from hrdeck.plan.build import build_plan
from hrdeck.tailor import tailor

GOLDEN = Path(__file__).parent / "golden" / "plan"
ROOT = builtin_curriculum()
UPDATE = os.environ.get("HRDECK_UPDATE_GOLDEN") == "1"


def _builtin() -> Curriculum:
    curriculum, diagnostics = validate_curriculum(ROOT, display_base=ROOT)
    assert curriculum is not None, "\n".join(d.format() for d in diagnostics)
    return curriculum


def _audiences() -> list[str]:
    return sorted(path.stem for path in (ROOT / "audiences").glob("*.yaml"))


def test_every_built_in_audience_has_a_golden_outline():
    assert _audiences(), "the built-in curriculum has no audiences"
    if not UPDATE:
        assert sorted(p.stem for p in GOLDEN.glob("*.txt")) == _audiences()


@pytest.mark.parametrize("audience", _audiences())
def test_plan_outline_matches_golden(audience: str):
    plan = build_plan(tailor(_builtin(), audience))
    outline = plan_outline(plan, root=str(ROOT))
    golden = GOLDEN / f"{audience}.txt"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(outline, encoding="utf-8")
    assert golden.exists(), f"no golden file; run with HRDECK_UPDATE_GOLDEN=1 to create {golden}"
    assert outline == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("audience", _audiences())
def test_built_in_plan_has_unique_titles_and_notes_on_every_slide(audience: str):
    plan = build_plan(tailor(_builtin(), audience))
    titles = [s.title for s in plan.slides]
    assert len(set(titles)) == len(titles)
    assert all(s.notes for s in plan.slides)
    assert "<generated>" not in plan_outline(plan, root=str(ROOT))
