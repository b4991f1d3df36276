"""The JSON Schemas themselves: valid 2020-12, documented, strict, kind-discriminated."""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from hrdeck.curriculum import schemafast
from hrdeck.curriculum.load import load_yaml_file
from hrdeck.curriculum.schema import reference_validator
from hrdeck.paths import builtin_curriculum, schemas_dir

MINE = ("course", "audience", "module")


def load(name: str) -> dict[str, Any]:
    return json.loads((schemas_dir() / f"{name}.schema.json").read_text(encoding="utf-8"))


def walk(schema: object) -> list[dict[str, Any]]:
    """Every sub-schema mapping, depth first, except ``if`` conditions."""
    found: list[dict[str, Any]] = []
    if isinstance(schema, dict):
        found.append(schema)
        for key, value in schema.items():
            if key != "if":
                found += walk(value)
    elif isinstance(schema, list):
        for value in schema:
            found += walk(value)
    return found


@pytest.mark.parametrize("name", MINE)
def test_schema_is_valid_draft_2020_12_with_id_and_title(name: str) -> None:
    schema = load(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(f"/{name}.schema.json")
    assert schema["title"] and schema["description"]


@pytest.mark.parametrize("name", MINE)
def test_every_object_schema_with_properties_forbids_unknown_keys(name: str) -> None:
    schema = load(name)
    subs = walk(schema)[1:] if name == "module" else walk(schema)  # module: per kind
    for sub in subs:
        if isinstance(sub.get("properties"), dict):
            assert sub.get("additionalProperties") is False, sorted(sub["properties"])


@pytest.mark.parametrize("name", ["course", "audience"])
def test_every_field_has_a_description_for_editors(name: str) -> None:
    for sub in walk(load(name)):
        for field, spec in sub.get("properties", {}).items():
            assert "description" in spec, field


def test_module_fields_have_descriptions_for_editors() -> None:
    schema = load("module")
    for field, spec in schema["properties"].items():
        assert "description" in spec, field
    for name, definition in schema["$defs"].items():
        for field, spec in definition.get("properties", {}).items():
            if spec is not True:
                assert "description" in spec, f"{name}.{field}"


def test_module_kind_is_a_discriminator_with_if_then_not_one_of() -> None:
    schema = load("module")
    kinds = schema["properties"]["kind"]["enum"]
    branches = schema["allOf"]
    assert [b["if"]["properties"]["kind"]["const"] for b in branches] == kinds
    assert all(b["if"]["required"] == ["kind"] for b in branches)
    assert "oneOf" not in json.dumps(schema)


def test_each_kind_branch_allows_the_common_fields() -> None:
    schema = load("module")
    common = set(schema["properties"])
    for branch in schema["allOf"]:
        target = branch["then"]["$ref"].rsplit("/", 1)[-1]
        assert common <= set(schema["$defs"][target]["properties"]), target


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("plain", True),
        ({"default": "a", "court": "b"}, True),
        ({"court": "b"}, True),
        ({}, False),
        ({"default": 3}, False),
        ({"Court": "b"}, False),
        (3, False),
    ],
)
def test_text_is_a_string_or_a_mapping_by_audience(value: object, valid: bool) -> None:
    module = {"id": "m", "kind": "section", "title": value}
    assert reference_validator(load("module")).is_valid(module) is valid


def test_module_files_in_the_valid_fixture_match_the_schema() -> None:
    validator = reference_validator(load("module"))
    folder = Path(__file__).parent / "fixtures" / "valid" / "modules"
    for path in sorted(folder.glob("*.yaml")):
        data, _smap, problems = load_yaml_file(path, path.name)
        assert problems == []
        assert list(validator.iter_errors(data)) == [], path.name


# -- the fast checker agrees with jsonschema --------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_documents() -> list[tuple[str, str, object]]:
    """(schema, file, data) for every readable YAML file of the fixtures and curriculum."""
    folders = [FIXTURES, builtin_curriculum()]
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*.yaml")):
            if "theme" in path.parts or "themes" in path.parts:
                continue
            name = {"audiences": "audience", "modules": "module"}.get(path.parent.name, "course")
            data, _smap, _problems = load_yaml_file(path, path.name)
            if isinstance(data, dict) and (name != "course" or path.name == "course.yaml"):
                found.append((name, str(path), data))
    return found


DOCUMENTS = fixture_documents()


@cache
def schema_and_validator(name: str) -> tuple[dict[str, Any], Any]:
    """A schema read once, with the jsonschema validator hrdeck uses (both reused)."""
    schema = load(name)
    return schema, reference_validator(schema)


def agree(name: str, data: object) -> bool:
    """The fast checker says what jsonschema says; return whether `data` is valid."""
    schema, validator = schema_and_validator(name)
    reference = validator.is_valid(data)
    assert schemafast.is_valid(schema, data) is reference
    return reference


@pytest.mark.parametrize(("name", "file", "data"), DOCUMENTS, ids=[d[1] for d in DOCUMENTS])
def test_fast_check_agrees_with_jsonschema_on_every_fixture(
    name: str, file: str, data: object
) -> None:
    agree(name, data)


def paths_of(value: object, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += paths_of(child, (*prefix, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += paths_of(child, (*prefix, i))
    return found


def replaced(value: Any, path: tuple[Any, ...], new: object) -> Any:
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = replaced(value[path[0]], path[1:], new)
    return copy


def removed(value: Any, path: tuple[Any, ...]) -> Any:
    copy = dict(value) if isinstance(value, dict) else list(value)
    if len(path) == 1:
        del copy[path[0]]
    else:
        copy[path[0]] = removed(value[path[0]], path[1:])
    return copy


def value_at(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 3000)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(
        ["", "x", "court", "default", "Court", "2024-01-01", "10.1/x", "https://a.b"]
    ),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["text", "default", "court", "items", "x"]), inner, max_size=3
        )
    ),
    max_leaves=6,
)
STRINGS = st.sampled_from(
    ["", "x", "court", "default", "Court", "2024-01-01", "10.1/x", "https://a.b", "a b"]
)


def alike(value: object) -> st.SearchStrategy[Any]:
    """Another value of the same JSON type (often still valid, often not)."""
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int | float):
        return st.integers(-5, 3000) | st.floats(-5, 3000, allow_nan=False)
    if isinstance(value, str):
        return STRINGS | st.just(f"{value} more") | st.just(value.upper())
    if isinstance(value, list) and value:
        return st.lists(st.sampled_from(value), max_size=len(value) + 1)  # fewer, repeated
    return st.just(value)


@st.composite
def mutated_documents(draw: st.DrawFn) -> tuple[str, Any]:
    """A fixture document with one value changed for one of its type, one key or item
    deleted, or (one time in four) one node replaced by any JSON value."""
    name, _file, document = draw(st.sampled_from(DOCUMENTS))
    paths = paths_of(document)
    how = draw(st.sampled_from(["alike", "alike", "delete", "retype"]))
    if how == "delete":
        return name, removed(document, draw(st.sampled_from(paths[1:])))
    path = draw(st.sampled_from(paths))
    new = draw(alike(value_at(document, path)) if how == "alike" else JSON_VALUES)
    return name, replaced(document, path, new)


def test_fast_check_agrees_with_jsonschema_on_mutated_documents() -> None:
    """Both answers are compared every time; a valid document makes the fast checker walk
    it all, so mutations keep about half of them valid (one in 80 was, before)."""
    outcomes: Counter[bool] = Counter()

    @settings(max_examples=400, deadline=None)
    @given(mutated_documents())
    def agrees(mutation: tuple[str, Any]) -> None:
        valid = agree(*mutation)
        outcomes[valid] += 1
        event(f"valid={valid}")

    agrees()
    total = sum(outcomes.values())
    assert min(outcomes[True], outcomes[False]) >= total / 4, outcomes


RULES_WINDOWS: list[object] = [3, 0, 51, "sentence", "paragraph", 2.0, True, None]


@pytest.mark.parametrize("window", RULES_WINDOWS)
def test_fast_check_agrees_with_jsonschema_on_the_language_rules(window: object) -> None:
    import yaml

    from hrdeck.lint.rules import RULES_FILE

    data = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    agree("rules", data)
    data["rules"][0]["patterns"].append({"match": "x", "near": "y", "window": window})
    agree("rules", data)
    data["rules"][0]["patterns"].append("")
    agree("rules", data)


THEME_CHANGES: list[dict[str, object]] = [
    {},
    {"footer": None},
    {"footer": 3},
    {"palette": {"text": "#12345"}},
    {"logo": {"path": "logo.png", "alt": "Our logo", "position": "top-left"}},
    {"logo": {"path": "logo.png"}},
    {"slide_size": "5:4"},
    {"colour": "#FFFFFF"},
]


@pytest.mark.parametrize("change", THEME_CHANGES)
def test_fast_check_agrees_with_jsonschema_on_themes(change: dict[str, object]) -> None:
    import yaml

    for path in sorted(Path(__file__).parent.parent.joinpath("themes").glob("*/theme.yaml")):
        data = {**yaml.safe_load(path.read_text(encoding="utf-8")), **change}
        agree("theme", data)


@pytest.mark.parametrize(
    "change",
    [{}, {"theme": 3}, {"audiences": ["court"]}, {"course": {"title": 1}}, {"extends": "x"}],
)
def test_fast_check_agrees_with_jsonschema_on_hrdeck_yaml(change: dict[str, object]) -> None:
    from hrdeck.curriculum.layers import project_schema

    data = {"extends": "builtin", "course": {"title": "T", "presenter": {"name": "N"}}, **change}
    reference = reference_validator(project_schema()).is_valid(data)
    assert schemafast.is_valid(project_schema(), data) is reference


# -- patterns as JSON Schema means them, and real dates --------------------------------


@pytest.mark.parametrize(
    ("pattern", "text", "matches"),
    [
        ("^[a-z]+$", "court", True),
        ("^[a-z]+$", "court\n", False),  # Python's own '$' would match here
        ("^\\d{4}$", "2026", True),
        ("^\\d{4}$", "٢٠٢٦", False),  # Arabic-Indic digits: '\d' is ASCII in ECMA 262
        ("^[\\d-]+$", "1-2", True),
        ("^[$]+$", "$$", True),  # a '$' in a class is a dollar sign
        ("\\$$", "cost $", True),
        ("\\.(pptx|potx)$", "a.pptx\n", False),
    ],
)
def test_schema_patterns_read_as_ecma_262(pattern: str, text: str, matches: bool) -> None:
    assert bool(schemafast.schema_regex(pattern).search(text)) is matches
    assert reference_validator({"pattern": pattern}).is_valid(text) is matches


@pytest.mark.parametrize(
    ("text", "real"),
    [
        ("2026-11-01", True),
        ("2024-02-29", True),
        ("2026-02-29", False),
        ("2026-02-30", False),
        ("2026-04-31", False),
        ("0000-01-01", False),
        ("not a date", True),  # another shape: the pattern reports it
    ],
)
def test_format_date_is_a_day_of_the_calendar(text: str, real: bool) -> None:
    assert schemafast.is_real_date(text) is real
    assert reference_validator({"format": "date"}).is_valid(text) is real


def slug_and_date_errors(document: dict[str, Any], name: str) -> list[tuple[str, str]]:
    from hrdeck.curriculum.schema import schema_diagnostics
    from hrdeck.curriculum.sourcemap import SourceMap

    found = schema_diagnostics(load(name), document, SourceMap(f"{name}.yaml"))
    return [(d.code, d.message) for d in found]


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("id", "hr-mandated-clients\n", "bad-value"),
        ("date", "2026-11-01\n", "bad-value"),
        ("date", "2026-02-30", "bad-date"),
        ("date", "0000-01-01", "bad-date"),
    ],
)
def test_course_slug_and_date_refuse_newlines_and_impossible_days(
    field: str, value: str, code: str
) -> None:
    course = yaml_course()
    course[field] = value
    assert [c for c, _ in slug_and_date_errors(course, "course")] == [code]


def yaml_course() -> dict[str, Any]:
    data, _smap, problems = load_yaml_file(builtin_curriculum() / "course.yaml", "course.yaml")
    assert problems == [] and isinstance(data, dict)
    return data


def test_a_module_fact_on_a_day_that_does_not_exist_is_a_bad_date() -> None:
    fact = {"claim": "Half say so", "as_of": "2025-02-29", "review_by": "2026-02-30"}
    module = {"id": "m", "kind": "bullets", "title": "T"}
    module["slides"] = [{"title": "S", "items": ["a"], "notes": "n", "facts": [fact]}]
    found = slug_and_date_errors(module, "module")
    assert [code for code, _ in found] == ["bad-date", "bad-date"]
    assert "'as_of' is not a real date: 2025-02-29" in [message for _, message in found]


# -- limits: long text, big diagrams, theme strings, citation numbers ------------------


def codes_of(document: dict[str, Any], name: str) -> list[tuple[str, str]]:
    return slug_and_date_errors(document, name)


def bullets_module(text: object) -> dict[str, Any]:
    slide = {"title": "S", "items": [text], "notes": "n"}
    return {"id": "m", "kind": "bullets", "title": "T", "slides": [slide]}


@pytest.mark.parametrize("text", ["x" * 20_001, {"default": "x" * 20_001}, {"text": "y" * 30_000}])
def test_a_text_over_20000_characters_is_too_long(text: object) -> None:
    [(code, message)] = codes_of(bullets_module(text), "module")
    assert code == "text-too-long"
    assert "it may be at most 20,000" in message


def test_a_text_of_20000_characters_is_allowed() -> None:
    assert codes_of(bullets_module("x" * 20_000), "module") == []


def diagram_module(nodes: int, edges: int) -> dict[str, Any]:
    listed = [{"id": f"n{n}", "label": f"Node {n}"} for n in range(nodes)]
    joins = [{"from": "n0", "to": f"n{n % nodes}"} for n in range(edges)]
    return {
        "id": "d",
        "kind": "diagram",
        "title": "D",
        "diagram": {"alt": "A diagram", "nodes": listed, "edges": joins},
    }


def test_a_diagram_of_more_than_20_nodes_or_40_edges_is_refused() -> None:
    assert codes_of(diagram_module(20, 40), "module") == []
    found = codes_of(diagram_module(21, 41), "module")
    assert [code for code, _ in found] == ["too-many-nodes", "too-many-nodes"]
    assert "at most 20 entries (found 21)" in found[0][1]


@pytest.mark.parametrize(("field", "value"), [("volume", -1), ("pages", 10**7), ("issue", 10**40)])
def test_citation_numbers_have_limits(field: str, value: int) -> None:
    citation = {"key": "k", "authors": [{"name": "Org"}], "year": 2020, "title": "T", field: value}
    module = {"id": "r", "kind": "references", "title": "R", "citations": [citation]}
    assert [code for code, _ in codes_of(module, "module")] == ["bad-value"]


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"footer": "F" * 201}, "text-too-long"),
        ({"fonts": {"heading": "X" * 65, "body": "Calibri"}}, "text-too-long"),
    ],
)
def test_theme_footer_and_font_names_have_limits(change: dict[str, Any], code: str) -> None:
    import yaml

    path = Path(__file__).parent.parent / "themes" / "default" / "theme.yaml"
    theme = {**yaml.safe_load(path.read_text(encoding="utf-8")), **change}
    assert [c for c, _ in codes_of(theme, "theme")] == [code]
