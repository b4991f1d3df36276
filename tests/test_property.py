"""Hostile input loses nothing: any mutation of a valid curriculum builds or is reported.

Hypothesis takes the valid fixture curriculum and edits it (:mod:`tests.mutations`):
one to three text edits a trainer could make, built for one audience in-process, which
should build, so the renderer meets them; then one more edit, a control character or a
structural one, built again over the same output folder, which validation should
report.  Whatever a build does:

* the command exits 0 (built) or 1 (diagnostics, each located ``file:line:col``);
  never a traceback, never another exit code;
* no temporary file is left in the output folder, and every deck there opens;
* a failed build leaves the decks and guides of the earlier good build untouched.

The run is derandomized and counts its outcomes: at least half of the first builds must
build (reach the renderer) and at least half of the second must be reported; in
practice nearly all do, whatever the seed.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from pptx import Presentation

from hrdeck.cli import cli
from hrdeck.paths import builtin_themes
from tests.helpers import folder_listing, make_runner, no_traceback
from tests.mutations import FIXTURE, Edit, Mutation, apply, mutations

LOCATED_ERROR = re.compile(r"^\S.*:\d+:\d+: error\[[a-z-]+\]: ", re.MULTILINE)


@pytest.fixture(scope="module")
def good_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The outputs of a build of the unchanged fixture, every audience."""
    out = tmp_path_factory.mktemp("good") / "out"
    result = make_runner().invoke(cli, ["build", "--out", str(out), str(FIXTURE)])
    assert result.exit_code == 0, result.output
    return out


def build_and_check(root: Path, out: Path, audience: str, edits: list[Edit]) -> str:
    """Build `root` (edited with `edits`) into `out`; check it; say how it ended."""
    before = folder_listing(out)
    args = ["build", "--audience", audience, "--out", str(out), str(root)]
    result = make_runner().invoke(cli, args)

    edited = "\n".join(f"{e.file}: {e.description}" for e in edits)
    context = f"{edited}\n{result.output[-3000:]}"
    assert result.exit_code in (0, 1), context
    no_traceback(result)
    assert not [p for p in out.iterdir() if p.suffix == ".tmp"], context
    for deck in out.glob("*.pptx"):
        Presentation(str(deck))
    if result.exit_code == 1:
        assert LOCATED_ERROR.search(result.stderr), context
        assert folder_listing(out) == before, context
    return "built" if result.exit_code == 0 else "reported"


def edit_and_build(good_build: Path, mutation: Mutation) -> tuple[str, str]:
    """Over a copy of the good build: build the text edits, then with the extra edit too."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "curriculum"
        shutil.copytree(FIXTURE, root)
        out = Path(tmp) / "out"
        shutil.copytree(good_build, out)
        apply(root, mutation.edits)
        first = build_and_check(root, out, mutation.audience, mutation.edits)
        every_edit = [*mutation.edits, mutation.extra]
        apply(root, every_edit)
        return first, build_and_check(root, out, mutation.audience, every_edit)


def test_mutated_curriculum_builds_or_is_reported(good_build: Path) -> None:
    text_builds: Counter[str] = Counter()
    extra_builds: Counter[str] = Counter()

    @settings(
        max_examples=40,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(mutation=mutations())
    def builds_or_is_reported(mutation: Mutation) -> None:
        first, second = edit_and_build(good_build, mutation)
        text_builds[first] += 1
        extra_builds[second] += 1
        event(f"text edits {first}, then {second}")

    builds_or_is_reported()
    # the renderer met the odd text, and the failure paths were taken
    assert text_builds["built"] >= sum(text_builds.values()) / 2, text_builds
    assert extra_builds["reported"] >= sum(extra_builds.values()) / 2, extra_builds


# -- what the property test found, pinned -------------------------------------------


def build_copy(tmp_path: Path, edit: Callable[[Path], None], *extra: str) -> Any:
    root = tmp_path / "curriculum"
    shutil.copytree(FIXTURE, root)
    edit(root)
    out = tmp_path / "out"
    return make_runner().invoke(cli, ["build", "--out", str(out), *extra, str(root)]), out


def test_a_control_character_in_a_module_is_a_located_error(tmp_path: Path) -> None:
    def bell_in_a_bullet(root: Path) -> None:
        module = root / "modules" / "04-basics.yaml"
        text = module.read_text(encoding="utf-8")
        module.write_text(text.replace("- Plain **bold** bullet", '- "Ring \\a now"'), "utf-8")

    result, out = build_copy(tmp_path, bell_in_a_bullet)
    assert result.exit_code == 1, result.output
    assert "04-basics.yaml:9:9: error[control-character]: the text holds the control " in (
        result.stderr
    )
    assert not out.exists()


def test_a_control_character_in_a_theme_footer_is_a_located_error(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    shutil.copytree(builtin_themes() / "default", theme)
    text = (theme / "theme.yaml").read_text(encoding="utf-8")
    (theme / "theme.yaml").write_text(text.replace("footer: null", 'footer: "A\\0B"'), "utf-8")
    line = text.splitlines().index("footer: null") + 1
    result, out = build_copy(tmp_path, lambda root: None, "--theme", str(theme))
    assert result.exit_code == 1, result.output
    assert f"theme.yaml:{line}:9: error[control-character]" in result.stderr
    assert not out.exists()


def test_a_course_title_longer_than_a_document_property_still_builds(tmp_path: Path) -> None:
    long_title = "Harm reduction " * 20  # 300 characters; Office allows 255 in properties

    def retitle(root: Path) -> None:
        course = root / "course.yaml"
        text = course.read_text(encoding="utf-8")
        course.write_text(text.replace("A Small Complete Course", long_title.strip()), "utf-8")

    result, out = build_copy(tmp_path, retitle)
    assert result.exit_code == 0, result.output
    deck = Presentation(str(next(out.glob("*.pptx"))))
    title = deck.core_properties.title
    assert len(title) == 255 and title.endswith("…")


NAMES_THAT_ARE_NOT_TEXT = [
    ("audiences/peer.yaml", "{id: title,", "{id: [],"),  # tailor crashes
    ("audiences/peer.yaml", "{id: title,", "{id: 3,"),  # the module is dropped, silently
    ("course.yaml", "outline: [title,", "outline: [[],"),  # crashes
    ("course.yaml", "outline: [title,", "outline: [null,"),  # dropped, silently
    ("modules/06-myths.yaml", "audiences: [court]", "audiences: [3]"),  # crashes
]


@pytest.mark.parametrize(("name", "old", "new"), NAMES_THAT_ARE_NOT_TEXT)
def test_a_name_that_is_not_text_is_a_located_error(
    tmp_path: Path, name: str, old: str, new: str
) -> None:
    def retype(root: Path) -> None:
        text = (root / name).read_text(encoding="utf-8")
        assert old in text
        (root / name).write_text(text.replace(old, new, 1), "utf-8")

    result, out = build_copy(tmp_path, retype, "--audience", "court")
    no_traceback(result)
    assert result.exit_code == 1, result.output
    assert f"{name}:" in result.stderr and LOCATED_ERROR.search(result.stderr)
    assert not out.exists()
