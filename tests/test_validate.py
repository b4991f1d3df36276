"""Validation: one negative fixture per diagnostic code, pinned by golden text.

Each ``tests/fixtures/invalid/<code>/`` folder is an overlay on the valid fixture
curriculum: its files replace or add files, and ``_delete.txt`` lists files to
remove.  Cases that need binary or huge files are generated here instead.
Regenerate the golden files with ``HRDECK_UPDATE_GOLDEN=1 pytest tests/test_validate.py``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from hrdeck.curriculum import validate as validate_module
from hrdeck.curriculum.load import MAX_FILE_BYTES
from hrdeck.curriculum.model import Variants
from hrdeck.curriculum.validate import validate_curriculum
from hrdeck.errors import UsageError
from hrdeck.paths import builtin_curriculum

FIXTURES = Path(__file__).parent / "fixtures"
VALID = FIXTURES / "valid"
INVALID = FIXTURES / "invalid"
GOLDEN = Path(__file__).parent / "golden" / "diagnostics"
OVERLAY_CODES = sorted(p.name for p in INVALID.iterdir() if p.is_dir())


def make_curriculum(tmp_path: Path, overlay: Path | None = None) -> Path:
    """A copy of the valid fixture at tmp_path/curriculum, with an overlay applied."""
    root = tmp_path / "curriculum"
    shutil.copytree(VALID, root)
    if overlay is not None:
        for source in sorted(overlay.rglob("*")):
            relative = source.relative_to(overlay)
            if source.name == "_delete.txt":
                for line in source.read_text().split():
                    (root / line).unlink()
            elif source.is_file():
                (root / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(source, root / relative)
    return root


def diagnostics_text(root: Path, base: Path) -> str:
    _model, diagnostics = validate_curriculum(root, display_base=base)
    return "".join(d.format() + "\n" for d in diagnostics)


def assert_golden(name: str, text: str) -> None:
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("HRDECK_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}; run with HRDECK_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")


def codes_of(root: Path, base: Path) -> set[str]:
    _model, diagnostics = validate_curriculum(root, display_base=base)
    return {d.code for d in diagnostics}


# -- the valid fixture ---------------------------------------------------------------


def test_valid_fixture_builds_a_model_without_diagnostics() -> None:
    model, diagnostics = validate_curriculum(VALID, display_base=FIXTURES)
    assert diagnostics == []
    assert model is not None
    kinds = {m.kind for m in model.modules}
    assert kinds >= {"title", "agenda", "section", "bullets", "exercise", "myths", "spectrum"}
    assert kinds >= {"roles", "comparison", "diagram", "case", "resources", "references"}


def test_model_keeps_variants_items_and_locations() -> None:
    model, _ = validate_curriculum(VALID, display_base=FIXTURES)
    assert model is not None
    basics = model.module("basics")
    assert basics is not None
    slide = basics.slides[0]
    assert isinstance(slide.notes, Variants)
    assert slide.notes.default is None
    assert slide.notes.for_audience("court") == "Court notes."
    assert slide.items[1].items[0].text == "A child bullet"
    assert slide.items[2].audiences == frozenset({"peer"})
    assert str(slide.items[0].loc) == "valid/modules/04-basics.yaml:9:9"
    assert slide.image is not None and slide.image.path == "images/spectrum.png"
    assert slide.facts[0].as_of == "2024-05-01"


def test_model_normalises_course_and_citation_values() -> None:
    model, _ = validate_curriculum(VALID, display_base=FIXTURES)
    assert model is not None
    assert model.course.presenter.email == ("sam@example.org",)
    assert model.course.date == "2026-01-15"
    references = model.module("references")
    assert references is not None
    assert references.citations[0].volume == "3"
    assert references.citations[1].year is None
    case = model.module("case")
    assert case is not None and isinstance(case.questions, Variants)
    assert case.questions.for_audience("peer") == ("What would you say to him?",)


def test_image_named_relative_to_the_module_file_resolves_inside_the_folder() -> None:
    model, _ = validate_curriculum(VALID, display_base=FIXTURES)
    assert model is not None
    practice = model.module("practice")
    assert practice is not None and practice.slides[0].image is not None
    assert practice.slides[0].image.path == "images/spectrum.png"


# -- one fixture per code ---------------------------------------------------------------


@pytest.mark.parametrize("code", OVERLAY_CODES)
def test_invalid_fixture_reports_its_code_and_matches_golden(tmp_path: Path, code: str) -> None:
    root = make_curriculum(tmp_path, INVALID / code)
    model, diagnostics = validate_curriculum(root, display_base=tmp_path)
    assert model is None
    assert code in {d.code for d in diagnostics}
    assert_golden(code, "".join(d.format() + "\n" for d in diagnostics))


def _write_bytes(relative: str, data: bytes) -> Callable[[Path], None]:
    return lambda root: (root / relative).write_bytes(data)


GENERATED: dict[str, Callable[[Path], None]] = {
    "encoding": _write_bytes("modules/02-agenda.yaml", b"id: agenda\ntitle: Caf\xe9\n"),
    "binary-file": _write_bytes("modules/02-agenda.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    "file-too-large": _write_bytes(
        "modules/02-agenda.yaml", b"id: agenda\nnotes: " + b"x" * MAX_FILE_BYTES + b"\n"
    ),
    "yaml-too-deep": _write_bytes("modules/02-agenda.yaml", b"id: " + b"[" * 200_000),
    "utf-16": _write_bytes("modules/02-agenda.yaml", "id: agenda\n".encode("utf-16")),
}


@pytest.mark.parametrize("case", sorted(GENERATED))
def test_generated_bad_file_is_reported_not_raised(tmp_path: Path, case: str) -> None:
    root = make_curriculum(tmp_path)
    GENERATED[case](root)
    text = diagnostics_text(root, tmp_path)
    assert_golden(case, text)


def test_curriculum_with_many_problems_reports_all_of_them_at_once(tmp_path: Path) -> None:
    root = make_curriculum(tmp_path, FIXTURES / "many-problems")
    codes = codes_of(root, tmp_path)
    assert codes >= {
        "unknown-key",
        "missing-key",
        "bad-value",
        "audience-id-mismatch",
        "unknown-module",
        "yaml-syntax",
        "unknown-citation",
        "unknown-audience",
        "wrong-type",
        "missing-image",
        "duplicate-id",
        "unknown-kind",
    }
    assert_golden("many-problems", diagnostics_text(root, tmp_path))


# -- behaviour details ------------------------------------------------------------------


def test_unknown_key_points_at_the_key_and_suggests_the_close_field(tmp_path: Path) -> None:
    root = make_curriculum(tmp_path, INVALID / "unknown-key")
    _model, diagnostics = validate_curriculum(root, display_base=tmp_path)
    note = next(d for d in diagnostics if "'note'" in d.message)
    assert note.format() == (
        "curriculum/modules/06-myths.yaml:7:5: error[unknown-key]: "
        "'note' is not a field of a myth\n  hint: did you mean 'notes'?"
    )


def test_variant_without_default_is_complete_when_the_filter_narrows_audiences(
    tmp_path: Path,
) -> None:
    root = make_curriculum(tmp_path)
    (root / "modules" / "03-section.yaml").write_text(
        "id: section-one\nkind: section\ntitle: Part one\naudiences: [court]\n"
        "subtitle: {court: Only the court sees this module}\n"
    )
    model, diagnostics = validate_curriculum(root, display_base=tmp_path)
    assert diagnostics == []
    assert model is not None


def test_duplicate_id_names_both_files(tmp_path: Path) -> None:
    root = make_curriculum(tmp_path, INVALID / "duplicate-id")
    _model, diagnostics = validate_curriculum(root, display_base=tmp_path)
    (dup,) = [d for d in diagnostics if d.code == "duplicate-id"]
    assert dup.loc.file == "curriculum/modules/17-more-basics.yaml"
    assert "curriculum/modules/04-basics.yaml" in dup.message


def test_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        validate_curriculum(tmp_path / "nowhere")


def test_crash_inside_a_check_becomes_an_internal_diagnostic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(tree: object) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.delenv("HRDECK_DEBUG", raising=False)
    monkeypatch.setattr(validate_module, "cross_check", broken)
    model, diagnostics = validate_curriculum(make_curriculum(tmp_path), display_base=tmp_path)
    assert model is None
    assert [d.code for d in diagnostics] == ["internal"]
    assert "RuntimeError: boom" in diagnostics[0].message


def test_display_paths_default_to_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_curriculum(tmp_path, INVALID / "unknown-kind")
    monkeypatch.chdir(tmp_path)
    _model, diagnostics = validate_curriculum(Path("curriculum"))
    assert diagnostics[0].loc.file == "curriculum/modules/16-strategies.yaml"
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    _model, diagnostics = validate_curriculum(root)
    assert diagnostics[0].loc.file == str(root / "modules" / "16-strategies.yaml")


# -- the built-in curriculum ----------------------------------------------------------------

BUILTIN = builtin_curriculum()


@pytest.mark.skipif(not (BUILTIN / "course.yaml").exists(), reason="no built-in curriculum yet")
def test_builtin_curriculum_validates_without_errors() -> None:
    model, diagnostics = validate_curriculum(BUILTIN, display_base=BUILTIN.parent)
    assert [d.format() for d in diagnostics if d.is_error] == []
    assert model is not None
