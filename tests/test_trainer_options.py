"""Trainer settings without a project: --presenter, --org, --contact, --date (issue 11).

The built-in course credits its author and puts no one's email on the cover; a
trainer names themself per build (or in hrdeck.yaml under ``course:``), and the
command line wins over hrdeck.yaml.  Bad values are usage errors (exit 2).
"""

from __future__ import annotations

from pathlib import Path

import pptx
import pytest
from click.testing import CliRunner, Result

from hrdeck.cli import cli
from hrdeck.curriculum.trainer import TrainerOverrides, apply_trainer
from hrdeck.errors import UsageError
from hrdeck.paths import builtin_curriculum
from hrdeck.pipeline import load_valid

DECK = "hr-mandated-clients-court.pptx"
AUTHOR_CREDIT = "Curriculum by Dr. Delores Blackwell, LCSW"
PROJECT = """\
extends: builtin
course:
  presenter:
    name: Sam Rivera
    organization: Lakeside Recovery Services
    email: sam@lakeside.example
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def slide_text(slide: object) -> str:
    shapes = slide.shapes  # type: ignore[attr-defined]
    return "\n".join(s.text_frame.text for s in shapes if s.has_text_frame)


def cover_and_closing(out: Path) -> tuple[str, str]:
    slides = list(pptx.Presentation(str(out / DECK)).slides)
    return slide_text(slides[0]), slide_text(slides[-1])


def test_the_builtin_course_credits_its_author_and_shows_no_email(tmp_path: Path) -> None:
    result = run("build", "-a", "court", "--out", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    for text in cover_and_closing(tmp_path):
        assert AUTHOR_CREDIT in text
        assert "@" not in text


def test_presenter_org_contact_and_date_reach_the_cover_closing_and_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    result = run(
        *("build", "-a", "court", "--out", str(tmp_path)),
        *("--presenter", "Ana Ortiz, CPRS", "--org", "Riverside Peer Network"),
        *("--contact", "ana@riverside.example", "--contact", "training@riverside.example"),
        *("--date", "2027-03-04"),
    )
    assert result.exit_code == 0, result.stderr
    for text in cover_and_closing(tmp_path):
        lines = text.splitlines()
        assert "Ana Ortiz, CPRS" in lines and "Riverside Peer Network" in lines
        assert "ana@riverside.example" in lines and "training@riverside.example" in lines
        assert AUTHOR_CREDIT in lines  # the author is still credited, without contacts
        assert text.count("Blackwell") == 1
    props = pptx.Presentation(str(tmp_path / DECK)).core_properties
    assert props.author == "Ana Ortiz, CPRS — Riverside Peer Network"
    assert props.created is not None and props.created.date().isoformat() == "2027-03-04"


def test_plan_takes_the_same_options(tmp_path: Path) -> None:
    result = run("plan", "-a", "peer", "--presenter", "Ana Ortiz", "--org", "Riverside")
    assert result.exit_code == 0, result.stderr
    cover = result.stdout.split("\n2. [agenda]")[0]
    people = [line.strip() for line in cover.split("presenter:")[1].splitlines()[1:4]]
    assert people == ["- Ana Ortiz", "- Riverside", f"- {AUTHOR_CREDIT}"]


def test_the_command_line_wins_over_hrdeck_yaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "hrdeck.yaml").write_text(PROJECT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("build", "-a", "court", "--org", "Lakeside Harm Reduction", "--out", "out")
    assert result.exit_code == 0, result.stderr
    cover, closing = cover_and_closing(tmp_path / "out")
    for text in (cover, closing):
        assert "Sam Rivera" in text  # the project's presenter, kept
        assert "Lakeside Harm Reduction" in text and "Lakeside Recovery" not in text
        assert "sam@lakeside.example" in text


def test_org_or_contact_without_any_presenter_is_a_usage_error(tmp_path: Path) -> None:
    result = run("build", "-a", "court", "--org", "Somewhere", "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "give --presenter NAME too" in result.stderr
    assert not tmp_path.exists() or not any(tmp_path.iterdir())


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--date", "2027-13-01", "--date takes a date as YYYY-MM-DD"),
        ("--date", "March 4", "--date takes a date as YYYY-MM-DD"),
        ("--contact", "555-0100", "--contact takes an email address"),
        ("--presenter", "   ", "--presenter needs some text"),
    ],
)
def test_bad_values_are_usage_errors_before_any_work(
    tmp_path: Path, option: str, value: str, expected: str
) -> None:
    result = run("build", "-a", "court", option, value, "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_apply_trainer_changes_only_what_is_given() -> None:
    curriculum, _ = load_valid(builtin_curriculum())
    same = apply_trainer(curriculum, TrainerOverrides())
    assert same is curriculum
    dated = apply_trainer(curriculum, TrainerOverrides(date=" 2027-01-31 "))
    assert dated.course.date == "2027-01-31"
    assert dated.course.presenters == curriculum.course.presenters == ()
    named = apply_trainer(curriculum, TrainerOverrides("Ana  Ortiz", contacts=("mailto:a@b.org",)))
    assert [(p.name, p.email) for p in named.course.presenters] == [("Ana Ortiz", ("a@b.org",))]
    assert named.course.author == curriculum.course.author


def test_contact_alone_needs_a_presenter() -> None:
    curriculum, _ = load_valid(builtin_curriculum())
    with pytest.raises(UsageError, match="--presenter"):
        apply_trainer(curriculum, TrainerOverrides(contacts=("a@b.org",)))


VENUE = "Lakeside County Courthouse, Room 4"


def test_venue_reaches_the_cover_and_the_kit(tmp_path: Path) -> None:
    import docx

    result = run("build", "-a", "court", "--venue", f"  {VENUE} ", "--kit", "--out", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    slides = list(pptx.Presentation(str(tmp_path / "court" / "01-slides.pptx")).slides)
    assert f"November 1, 2026 · {VENUE}" in slide_text(slides[0])
    for name in ("03-run-sheet.docx", "04-sign-in.docx", "09-certificate.docx"):
        text = "\n".join(p.text for p in docx.Document(str(tmp_path / "court" / name)).paragraphs)
        assert VENUE in text, name


def test_without_a_venue_the_cover_shows_only_the_date(tmp_path: Path) -> None:
    result = run("build", "-a", "court", "--out", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    cover, _ = cover_and_closing(tmp_path)
    assert cover.splitlines()[-1] == "November 1, 2026"


def test_a_project_names_its_venue_and_the_command_line_wins(tmp_path: Path) -> None:
    project = tmp_path / "lakeside"
    project.mkdir()
    (project / "hrdeck.yaml").write_text(PROJECT + "  venue: Lakeside Library\n")
    out = tmp_path / "out"
    assert run("build", str(project), "-a", "court", "--out", str(out)).exit_code == 0
    assert "Lakeside Library" in cover_and_closing(out)[0]
    again = run("build", str(project), "-a", "court", "--venue", VENUE, "--out", str(out))
    assert again.exit_code == 0, again.stderr
    assert VENUE in cover_and_closing(out)[0] and "Library" not in cover_and_closing(out)[0]


def test_an_empty_venue_is_a_usage_error() -> None:
    result = run("build", "-a", "court", "--venue", "   ")
    assert result.exit_code == 2
    assert "--venue needs some text" in result.stderr


@pytest.mark.parametrize(
    ("option", "value", "said"),
    [
        ("--venue", "Room\x07 4", "--venue holds the control character U+0007"),
        ("--presenter", "Sam\x9b Rivera", "--presenter holds"),
        ("--org", "x" * 121, "--org is 121 characters long; it may be at most 120"),
        ("--contact", "sam\x07@lakeside.example", "--contact takes an email address"),
    ],
)
def test_a_trainer_value_a_slide_cannot_hold_is_a_usage_error(
    option: str, value: str, said: str
) -> None:
    extra = ["--presenter", "Sam Rivera"] if option in ("--org", "--contact") else []
    result = run("build", "-a", "court", *extra, option, value)
    assert result.exit_code == 2, result.output
    assert said in result.stderr
    assert "Traceback" not in result.output
