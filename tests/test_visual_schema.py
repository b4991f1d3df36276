"""The visual slide kinds in the curriculum format: valid examples, and located errors.

``tests/fixtures/visuals`` holds one example of every kind and validates clean.  Each
case below breaks one kind in a copy of it and checks the diagnostic: its code, its
wording (with the hint an editor needs) and the line it points at.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hrdeck.curriculum.validate import validate_curriculum
from hrdeck.curriculum.visualcheck import icon_names
from hrdeck.curriculum.visualmodel import Chart, Persona, Quote, Stat
from hrdeck.diagnostics import Diagnostic

FIXTURE = Path(__file__).parent / "fixtures" / "visuals"


def broken(tmp_path: Path, module: str, old: str, new: str) -> list[Diagnostic]:
    """The diagnostics of the fixture with `old` replaced by `new` in one module."""
    root = tmp_path / "visuals"
    shutil.copytree(FIXTURE, root)
    path = next((root / "modules").glob(f"*-{module}.yaml"))
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")
    model, diagnostics = validate_curriculum(root, display_base=tmp_path)
    assert model is None or not any(d.severity == "error" for d in diagnostics)
    return diagnostics


def only(found: list[Diagnostic], code: str) -> Diagnostic:
    matching = [d for d in found if d.code == code]
    assert len(matching) == 1, [d.format() for d in found]
    return matching[0]


def test_the_fixture_with_every_visual_kind_is_valid_and_builds_its_model() -> None:
    model, diagnostics = validate_curriculum(FIXTURE, display_base=FIXTURE.parent)
    assert diagnostics == []
    assert model is not None
    numbers = model.module("numbers")
    assert numbers is not None
    chart, stat = numbers.slides
    assert chart.kind == "chart" and isinstance(chart.chart, Chart)
    assert chart.chart.categories == ("2019", "2020", "2021", "2022", "2023", "2024")
    assert chart.chart.series[0].values[-1] == 80391.0
    assert stat.kind == "stat" and all(isinstance(s, Stat) for s in stat.stats)
    assert stat.stats[0].value == "129×" and stat.stats[0].cite == ("binswanger-2007",)
    icons = model.module("strategies")
    assert icons is not None and icons.kind == "icons"
    (cell_slide,) = icons.slides  # a module of a visual kind is that one slide
    assert [i.icon for i in cell_slide.icons] == ["first-aid", "test-tube", "syringe", "phone"]
    assert cell_slide.notes and cell_slide.cite == ("nhrc-principles",) and not icons.notes
    voices = model.module("voices")
    assert voices is not None and isinstance(voices.slides[0].quote, Quote)
    kit = model.module("kit")
    assert kit is not None and kit.slides[0].image is not None
    assert kit.slides[0].image.credit == "Illustration: Example Agency"
    assert kit.slides[0].side == "left"
    case = model.module("case")
    assert case is not None and isinstance(case.persona, Persona)
    assert case.persona.details[2] == "Used once after a family crisis, and said so"
    resources = model.module("resources")
    assert resources is not None and resources.resources[2].short == "nida.nih.gov (Words Matter)"
    court, peer = model.audience("court"), model.audience("peer")
    assert court is not None and court.knowledge_checks and court.references is None
    assert peer is not None and peer.references == "slides"
    assert model.course.sources_url == "https://training.example.org/hr-mandated/references"


def test_validation_knows_the_icon_set_the_renderer_draws() -> None:
    from hrdeck.render.icons import IconLibrary

    assert icon_names() == IconLibrary().names()
    assert {"syringe", "pill", "first-aid", "scales", "phone", "users"} <= set(icon_names())


CASES = [
    # (module, old, new, code, words in the message, words in the hint, line)
    ("numbers", "  - kind: stat", "  - kind: stats", "bad-value", "'kind' cannot be 'stats'",
     "did you mean 'stat'?", 24),
    ("numbers", "      - value: 129×", "      - valu: 129×", "unknown-key",
     "'valu' is not a field of a stat", "did you mean 'value'?", 27),
    ("numbers", "        label: overdose death", "        lable: overdose death", "missing-key",
     "a stat needs 'label'", "add 'label:'", 27),
    ("numbers", "      type: column", "      type: pie", "bad-value", "'type' cannot be 'pie'",
     "the allowed values are: column, bar, line", 11),
    ("numbers", "80391]", "80391, 70000]", "chart-data",
     "series 'Overdose deaths' has 7 values for 6 categories", "one value per category", 16),
    ("numbers", "    caption: The 2024", "    captoin: The 2024", "unknown-key",
     "'captoin' is not a field of a chart slide", "did you mean 'caption'?", 22),
    ("strategies", "icon: test-tube,", "icon: test-tubes,", "unknown-icon",
     "'test-tubes' is not an icon of the set", "did you mean 'test-tube'", 9),
    ("voices", "  text: Nobody", "  words: Nobody", "unknown-key",
     "'words' is not a field of a quote", "the fields are: attribution, text", 6),
    ("kit", "  alt: An open", "  altt: An open", "missing-key", "an image needs 'alt'",
     "add 'alt:'", 7),
    ("kit", "path: images/naloxone-kit.png", "path: images/kit.png", "missing-image",
     "there is no image at 'images/kit.png'", "relative to the curriculum folder", 7),
    ("kit", "side: left", "side: top", "bad-value", "'side' cannot be 'top'",
     "the allowed values are: left, right", 14),
    ("case", "  icon: user", "  icon: person", "unknown-icon", "'person' is not an icon",
     "", 13),
    ("resources", "    short: nida.nih.gov (Words Matter)",
     "    short: nida.nih.gov (Words Matter, terms to use and to avoid)", "text-too-long",
     "'short' is 54 characters long; it may be at most 40", "shorten it", 14),
]  # fmt: skip


@pytest.mark.parametrize(("module", "old", "new", "code", "message", "hint", "line"), CASES)
def test_a_broken_visual_kind_gets_a_located_diagnostic_with_a_hint(
    tmp_path: Path,
    module: str,
    old: str,
    new: str,
    code: str,
    message: str,
    hint: str,
    line: int,
) -> None:
    found = only(broken(tmp_path, module, old, new), code)
    assert message in found.message, found.format()
    assert hint in (found.hint or ""), found.format()
    assert found.loc.line == line, found.format()
    assert found.loc.file.endswith(f"-{module}.yaml")


SYRINGE = "  - {icon: syringe, label: Sterile supplies, text: New equipment every time}\n"
TEST_STRIPS = (
    "  - {icon: test-tube, label: Test strips, text: Check for fentanyl and xylazine first}\n"
)


def test_fewer_than_three_icons_is_an_error_naming_the_minimum(tmp_path: Path) -> None:
    root = tmp_path / "visuals"
    shutil.copytree(FIXTURE, root)
    path = root / "modules" / "03-strategies.yaml"
    path.write_text(path.read_text("utf-8").replace(SYRINGE, "").replace(TEST_STRIPS, ""))
    _model, diagnostics = validate_curriculum(root, display_base=tmp_path)
    error = only(diagnostics, "bad-value")
    assert error.message == "'icons' needs at least 3 entries (found 2)"
    assert error.loc.line == 8  # the list, from its first entry


def test_a_stat_past_its_review_date_is_reported_like_a_fact(tmp_path: Path) -> None:
    found = broken(
        tmp_path, "numbers", "        review_by: 2027-11-01", "        review_by: 2025-01-01"
    )
    warned = only(found, "review-due")
    assert "the statistic '129× overdose death risk" in warned.message
    assert warned.loc.line == 31


def test_a_chart_reviewed_before_it_was_true_is_an_error(tmp_path: Path) -> None:
    found = broken(
        tmp_path, "numbers", "      review_by: 2027-05-31", "      review_by: 2024-01-01"
    )
    assert only(found, "review-before-as-of").loc.line == 20


def test_references_setting_suggests_the_close_value(tmp_path: Path) -> None:
    root = tmp_path / "visuals"
    shutil.copytree(FIXTURE, root)
    audience = root / "audiences" / "peer.yaml"
    audience.write_text(
        audience.read_text("utf-8").replace("references: slides", "references: slide")
    )
    _model, diagnostics = validate_curriculum(root, display_base=tmp_path)
    error = only(diagnostics, "bad-value")
    assert error.message == "'references' cannot be 'slide'"
    assert error.hint == "did you mean 'slides'?"


def test_the_format_guide_s_examples_of_the_visual_kinds_are_valid() -> None:
    import json
    import re

    from jsonschema import Draft202012Validator

    from hrdeck.curriculum.load import parse_yaml_text
    from hrdeck.curriculum.sourcemap import SourceMap
    from hrdeck.paths import builtin_curriculum, schemas_dir

    guide = (builtin_curriculum() / "FORMAT.md").read_text("utf-8")
    section = guide.split("## Visual slides", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```yaml\n(.*?)```", section, flags=re.S)
    slides = []
    for block in blocks:
        text = block if block.startswith("slides:") else "slides:\n" + block
        data, _smap, problems = parse_yaml_text(text, SourceMap("FORMAT.md"))  # as hrdeck reads
        assert problems == [] and isinstance(data, dict)
        slides += data["slides"]
    assert {s["kind"] for s in slides} == {"stat", "chart", "icons", "quote", "image", "persona"}
    schema = json.loads((schemas_dir() / "module.schema.json").read_text("utf-8"))
    module = {"id": "example", "kind": "bullets", "title": "Example", "slides": slides}
    assert list(Draft202012Validator(schema).iter_errors(module)) == []
