"""The slide-kind registry is the one table: the plan, the theme and the renderer agree with it."""

from __future__ import annotations

import json

import pptx

from hrdeck.kinds import DEFAULT_LAYOUTS, KINDS, SLIDE_KINDS
from hrdeck.paths import builtin_curriculum, schemas_dir
from hrdeck.pipeline import load_valid, plan_audience
from hrdeck.plan.makers import MAKERS
from hrdeck.render.slides import RENDERERS
from tests.plan_samples import sample_plan


def test_every_registered_kind_has_a_renderer_and_no_renderer_is_unregistered() -> None:
    assert set(RENDERERS) == set(SLIDE_KINDS)


def test_every_kind_maps_to_a_layout_of_the_stock_template() -> None:
    names = {layout.name for layout in pptx.Presentation().slide_layouts}
    assert set(DEFAULT_LAYOUTS) == set(SLIDE_KINDS)
    assert set(DEFAULT_LAYOUTS.values()) <= names


def test_fitted_roles_are_roles_of_the_kind() -> None:
    for row in KINDS.values():
        assert set(row.placeholder_roles) <= set(row.roles), row.name
        assert row.single is None or not row.panels, row.name
        assert not row.paginated or row.single, row.name
        assert not row.repeat_panel or len(row.panels) == 2, row.name


def test_every_module_kind_of_the_schema_has_a_maker() -> None:
    schema = json.loads((schemas_dir() / "module.schema.json").read_text("utf-8"))
    assert set(schema["properties"]["kind"]["enum"]) == set(MAKERS)


def test_the_built_in_decks_and_the_sample_plan_use_registered_kinds_only() -> None:
    curriculum, _ = load_valid(builtin_curriculum())
    planned = {slide.kind for slide in sample_plan().slides}
    for audience in curriculum.audiences:
        plan = plan_audience(curriculum, audience.id).plan
        planned |= {slide.kind for slide in plan.slides}
    assert planned <= set(SLIDE_KINDS)
