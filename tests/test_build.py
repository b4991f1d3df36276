"""The build as a library: outputs named per audience, atomic writes, new audiences as YAML."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pptx import Presentation

from hrdeck.errors import BuildError, ContentError, UsageError
from hrdeck.paths import builtin_curriculum
from hrdeck.pipeline import BuildRequest, output_names, run_build
from tests.helpers import BuiltDecks, copy_builtin, folder_listing

COURSE_ID = "hr-mandated-clients"
BUILTIN_AUDIENCES = ["clinician", "court", "peer"]

JUDGE_AUDIENCE = """\
id: judge
label: Judges
description: Judges who preside over a treatment court.
objectives:
  - id: responses-to-use
    text: Describe a response to self-reported use that keeps a participant honest.
modules:
  - {id: title, minutes: 2}
  - {id: agenda, minutes: 2}
  - {id: what-is-harm-reduction, minutes: 5}
  - {id: myths, minutes: 8}
  - {id: case-anthony, minutes: 20}
  - {id: resources, minutes: 2}
  - {id: references, minutes: 1}
  - {id: closing, minutes: 2}
"""


def break_a_module(root: Path) -> None:
    module = root / "modules" / "03-what-is-harm-reduction.yaml"
    module.write_text(module.read_text(encoding="utf-8") + "\nnote: typo for notes\n")


@pytest.fixture(scope="module")
def built_all(builtin_decks: BuiltDecks) -> tuple[Path, Path]:
    """The built-in curriculum and its build for every audience (the session's, shared)."""
    return builtin_curriculum(), builtin_decks.out


def test_output_names_are_course_and_audience() -> None:
    assert output_names("c", "court") == ("c-court.pptx", "c-court-guide.md", "c-court-guide.html")


def test_all_builds_a_deck_and_two_guides_per_audience(built_all: tuple[Path, Path]) -> None:
    _, out = built_all
    expected = sorted(
        name for audience in BUILTIN_AUDIENCES for name in output_names(COURSE_ID, audience)
    )
    assert sorted(path.name for path in out.iterdir()) == expected


def test_written_files_are_complete_decks_and_guides(built_all: tuple[Path, Path]) -> None:
    _, out = built_all
    for audience in BUILTIN_AUDIENCES:
        deck, md, html = (out / name for name in output_names(COURSE_ID, audience))
        assert len(Presentation(str(deck)).slides) > 20
        assert md.read_text(encoding="utf-8").startswith("#")
        assert html.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_default_audience_is_every_audience_and_default_folder_is_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert BuildRequest(root=tmp_path).out_dir == Path("build")
    root = copy_builtin(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = run_build(BuildRequest(root=root))
    assert result.audiences == BUILTIN_AUDIENCES
    assert {path.parent for path in result.written} == {Path("build")}
    assert len(list((tmp_path / "build").iterdir())) == 9


def test_unknown_audience_is_a_usage_error_listing_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        run_build(BuildRequest(root=builtin_curriculum(), audience="jury", out_dir=tmp_path))
    assert "'jury'" in caught.value.message
    for known in [*BUILTIN_AUDIENCES, "all"]:
        assert known in caught.value.message
    assert not list(tmp_path.iterdir())


def test_dropped_content_is_reported_per_audience(
    built_all: tuple[Path, Path], tmp_path: Path
) -> None:
    root, _ = built_all
    result = run_build(BuildRequest(root=root, audience="court", out_dir=tmp_path))
    lines = result.dropped_lines()
    assert any(line.startswith("court: dropped module 'treatment-tasks'") for line in lines)
    infections = "dropped slide 'Strategies to decrease infections'"  # PrEP/PEP: not for court
    assert any(infections in line and "only for clinician, peer" in line for line in lines)
    assert any("SAMHSA TIP 64" in line and "only for peer" in line for line in lines)


def test_invalid_curriculum_writes_nothing_and_keeps_the_last_good_deck(tmp_path: Path) -> None:
    root = copy_builtin(tmp_path)
    out = tmp_path / "out"
    run_build(BuildRequest(root=root, audience="court", out_dir=out))
    before = folder_listing(out)
    break_a_module(root)
    with pytest.raises(ContentError) as caught:
        run_build(BuildRequest(root=root, audience="court", out_dir=out))
    assert any(d.code == "unknown-key" for d in caught.value.diagnostics)
    assert folder_listing(out) == before


def test_render_failure_for_a_later_audience_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hrdeck.render.deck

    real_render = hrdeck.render.deck.render_deck

    def render_then_fail(
        plan: object, theme: object, memo: object = None, lines: object = None
    ) -> bytes:
        # audiences may be built in forked processes: fail by audience, not by call count
        if plan.audience == BUILTIN_AUDIENCES[1]:  # type: ignore[attr-defined]
            raise RuntimeError("renderer broke on the second audience")
        return real_render(plan, theme)  # type: ignore[arg-type]

    monkeypatch.setattr(hrdeck.render.deck, "render_deck", render_then_fail)
    out = tmp_path / "out"
    with pytest.raises(RuntimeError, match="second audience"):
        run_build(BuildRequest(root=builtin_curriculum(), audience="all", out_dir=out))
    assert not out.exists() or not list(out.iterdir())


def test_a_content_error_in_a_build_process_keeps_its_diagnostics(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hrdeck.render.deck
    from hrdeck.diagnostics import NOWHERE, error
    from hrdeck.errors import ContentError

    problem = error(NOWHERE, "bad-layout", "no such layout", "pick another")

    def render_refuses(
        plan: object, theme: object, memo: object = None, lines: object = None
    ) -> bytes:
        raise ContentError(f"cannot render {plan.audience}", [problem])  # type: ignore[attr-defined]

    monkeypatch.setattr(hrdeck.render.deck, "render_deck", render_refuses)
    with pytest.raises(ContentError) as caught:
        run_build(BuildRequest(builtin_curriculum(), audience="all", out_dir=tmp_path / "out"))
    assert caught.value.message == f"cannot render {BUILTIN_AUDIENCES[0]}"
    assert caught.value.diagnostics == (problem,)


def test_a_failed_write_leaves_no_temporary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hrdeck.atomic

    out = tmp_path / "out"
    run_build(BuildRequest(root=builtin_curriculum(), audience="peer", out_dir=out))
    before = folder_listing(out)
    real_fill = hrdeck.atomic._fill
    filled: list[int] = []

    def fill_then_fail(handle: int, data: bytes) -> None:
        filled.append(handle)
        if len(filled) == 3:
            os.close(handle)
            raise OSError(28, "No space left on device")
        real_fill(handle, data)

    monkeypatch.setattr(hrdeck.atomic, "_fill", fill_then_fail)
    with pytest.raises(BuildError, match="nothing was changed"):
        run_build(BuildRequest(root=builtin_curriculum(), audience="peer", out_dir=out))
    assert folder_listing(out) == before


def test_a_fourth_audience_added_as_yaml_builds_without_code(tmp_path: Path) -> None:
    root = copy_builtin(tmp_path)
    (root / "audiences" / "judge.yaml").write_text(JUDGE_AUDIENCE, encoding="utf-8")
    out = tmp_path / "out"
    result = run_build(BuildRequest(root=root, audience="all", out_dir=out))
    assert sorted(result.audiences) == sorted([*BUILTIN_AUDIENCES, "judge"])
    deck = out / f"{COURSE_ID}-judge.pptx"
    slides = Presentation(str(deck)).slides
    titles = [slide.shapes.title.text for slide in slides if slide.shapes.title is not None]
    assert "Case scenario: Anthony" in titles
    assert "The lines of team communication" not in titles  # not in the judge's module list
    text = " ".join(
        shape.text_frame.text for s in slides for shape in s.shapes if shape.has_text_frame
    )
    assert "telling the truth safer for Anthony" in text  # the case's default questions
    assert (out / f"{COURSE_ID}-judge-guide.html").is_file()


def test_a_folder_where_an_output_belongs_stops_the_build_before_any_write(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    (out / f"{COURSE_ID}-court-guide.md").mkdir(parents=True)
    with pytest.raises(BuildError, match="is a folder where an output belongs"):
        run_build(BuildRequest(root=builtin_curriculum(), audience="court", out_dir=out))
    assert [path.name for path in out.iterdir()] == [f"{COURSE_ID}-court-guide.md"]


def test_a_rename_failing_midway_puts_the_previous_files_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hrdeck.atomic

    out = tmp_path / "out"
    run_build(BuildRequest(root=builtin_curriculum(), audience="court", out_dir=out))
    before = folder_listing(out)
    root = copy_builtin(tmp_path)
    course = root / "course.yaml"
    course.write_text(course.read_text(encoding="utf-8").replace("title: ", "title: New ", 1))
    real_replace = os.replace
    renames: list[str] = []

    def replace_then_fail(source: str | Path, target: str | Path) -> None:
        renames.append(str(target))
        if len(renames) == 2:
            raise OSError(13, "Permission denied")
        real_replace(source, target)

    monkeypatch.setattr(hrdeck.atomic.os, "replace", replace_then_fail)
    with pytest.raises(BuildError, match="Permission denied; the previous files are back in place"):
        run_build(BuildRequest(root=root, audience="court", out_dir=out))
    assert folder_listing(out) == before  # not the new deck beside the old guides


def test_a_rename_failing_midway_in_a_new_folder_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hrdeck.atomic

    real_replace = os.replace
    renames: list[str] = []

    def replace_then_fail(source: str | Path, target: str | Path) -> None:
        renames.append(str(target))
        if len(renames) == 2:
            raise OSError(13, "Permission denied")
        real_replace(source, target)

    monkeypatch.setattr(hrdeck.atomic.os, "replace", replace_then_fail)
    out = tmp_path / "out"
    with pytest.raises(BuildError, match=f"cannot replace {COURSE_ID}-court-guide.md"):
        run_build(BuildRequest(root=builtin_curriculum(), audience="court", out_dir=out))
    assert not out.exists()  # the folder the build made, empty again, is gone too
