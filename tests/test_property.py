"""Hostile input loses nothing: any mutation of a valid curriculum builds or is reported.

Hypothesis takes the valid fixture curriculum, edits it and runs ``hrdeck build`` for
one audience (one whose deck shows the edit) in-process.  Each example makes one to three
text edits a trainer could make (odd Unicode, 100,000-character strings, text just over
a limit, Markdown, emoji, in titles, labels, bullets or notes) and builds: these should
build, so the renderer meets them.  Then it adds a control character or a structural
edit (a value of another type, a deleted key or item, a made-up key, deep nesting) and
builds again: validation should report those, and keep the first build's outputs.
Whatever a build does:

* the command exits 0 (built) or 1 (diagnostics, each located ``file:line:col``);
  never a traceback, never another exit code;
* no temporary file is left in the output folder, and every deck there opens;
* a failed build leaves the decks and guides of the earlier good build untouched.

The run is derandomized and counts its outcomes: at least half of the first builds must
build (reach the renderer) and at least half of the second must be reported; in
practice nearly all do, whatever the seed.
"""

from __future__ import annotations

import copy
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pptx import Presentation

from hrdeck.cli import cli
from hrdeck.paths import builtin_themes
from tests.helpers import folder_listing, make_runner, no_traceback

FIXTURE = Path(__file__).parent / "fixtures" / "valid"
SURROGATES: tuple[Literal["Cs"]] = ("Cs",)  # unpaired, they cannot even be written as UTF-8
LOCATED_ERROR = re.compile(r"^\S.*:\d+:\d+: error\[[a-z-]+\]: ", re.MULTILINE)

ODD_TEXT = [
    "\u200f\u202eright-to-left override\u202c",  # RTL mark and override
    "e\u0301\u0302\u0303\u0304" * 50,  # stacked combining marks
    "👩🏽‍⚕️ 🧪 🏳️‍🌈 naloxone",  # emoji with modifiers and ZWJ sequences
    "\ufeffbyte order mark and zero\u200bwidth space",
    "\x85 next line \u2028 line separator \u2029",
    "tab\tand\r\ncarriage return",
    "日本語のテキストと한국어와 العربية",
    "[link](javascript:alert(1)) <script>x</script> & **bold",
    "{{ template }} ${var} %s %(x)s",
    "",
    " ",
]
CONTROL_TEXT = [  # characters XML refuses; YAML escapes carry them
    "bell \x07 and nul \x00 and escape \x1b",
    "Ring \x07 now",
    "\x1b[31mred\x1b[0m",  # a terminal colour escape pasted in
    "form\x0cfeed",
    "\ufffe\uffff non-characters",
]
# 100,000 characters on one line; the many-line text is shorter because a bullet of
# 20,000 short lines takes minutes to fit (line_breaks re-measures the whole paragraph
# for every continuation slide: 20,000 characters 4 s, 100,000 over 2 minutes)
HUGE_TEXT = ["x" * 100_000, ("harm reduction " * 7_000).strip(), "word\n" * 2_000]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(ODD_TEXT + CONTROL_TEXT + HUGE_TEXT),
    st.text(st.characters(exclude_categories=SURROGATES), max_size=30),
    st.dates(),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=3),
    ),
    max_leaves=6,
)
texts = st.one_of(
    st.sampled_from(ODD_TEXT),
    st.sampled_from(HUGE_TEXT),
    st.integers(200, 1_200).map(lambda n: ("Harm reduction saves lives. " * 50)[:n]),  # limits
    st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=40),
    st.text(st.sampled_from(list("ab *_`[]()#>-|\n")), min_size=1, max_size=20),  # Markdown
)

DEEP = re.compile(r"deep-nesting-marker-(\d+)")
# values that name things rather than say them: editing these is a structural edit
NAMING_KEYS = frozenset({"id", "kind", "key", "path", "url", "doi", "email", "language", "date"})
NAMING_LISTS = frozenset({"outline", "modules", "cite", "audiences"})


def nested(depth: int) -> str:
    """A marker :func:`write_yaml` turns into `depth` nested flow lists (no recursion here)."""
    return f"deep-nesting-marker-{depth}"


def yaml_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.yaml"))


def read_yaml(path: Path) -> Any:
    """Read as hrdeck does (libyaml: it takes `{a: Questions?}`, pure PyYAML does not)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def write_yaml(path: Path, data: Any) -> None:
    text = yaml.dump(
        data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=10**9
    )
    text = DEEP.sub(lambda m: "[" * int(m[1]) + "deep" + "]" * int(m[1]), text)
    path.write_text(text, encoding="utf-8")


@cache
def fixture_data(name: str) -> Any:
    """A fixture file's data, read once (mutations work on a deep copy)."""
    return read_yaml(FIXTURE / name)


def paths_in(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every JSON path in `data`, the root included."""
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths_in(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += paths_in(value, (*prefix, index))
    return found


def value_at(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def is_prose(data: Any, path: tuple[Any, ...]) -> bool:
    """A string a trainer writes (a title, a bullet, a note), not a name or an address."""
    named = any(step in NAMING_KEYS or step in NAMING_LISTS for step in path)
    return isinstance(value_at(data, path), str) and not named


@cache
def prose_paths(name: str) -> list[tuple[Any, ...]]:
    data = fixture_data(name)
    return [path for path in paths_in(data) if is_prose(data, path)]


@cache
def container_paths(name: str) -> list[tuple[Any, ...]]:
    data = fixture_data(name)
    return [path for path in paths_in(data) if isinstance(value_at(data, path), dict | list)]


def parent_of(data: Any, path: tuple[Any, ...]) -> Any:
    return value_at(data, path[:-1])


def replace_at(data: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    parent_of(data, path)[path[-1]] = new
    return data


def delete_at(data: Any, path: tuple[Any, ...]) -> Any:
    if not path:
        return {}
    del parent_of(data, path)[path[-1]]
    return data


def add_key(data: Any, path: tuple[Any, ...], key: str, value: Any) -> Any:
    target = value_at(data, path)
    if isinstance(target, dict):
        target[key] = value
    else:
        target.append({key: value})
    return data


@dataclass(frozen=True)
class Edit:
    """One change to one fixture file; `structural` when validation should refuse it."""

    file: str
    change: Callable[[Any], Any]
    description: str
    structural: bool = False


META_FILES = ["course.yaml", "audiences/court.yaml", "audiences/peer.yaml"]
MODULE_FILES = [name for name in yaml_files(FIXTURE) if name.startswith("modules/")]
AUDIENCES = ("court", "peer")


@st.composite
def text_edits(draw: st.DrawFn, new_text: st.SearchStrategy[str] = texts) -> Edit:
    """A title, label, bullet or note replaced by odd text, or odd text added to it.

    Half go to the course and audience files: their titles and labels reach every
    slide's footer and the document properties (where a long title once crashed).
    """
    name = draw(st.one_of(st.sampled_from(META_FILES), st.sampled_from(MODULE_FILES)))
    path = draw(st.sampled_from(prose_paths(name)))
    text = draw(new_text)
    if draw(st.booleans()):
        before = value_at(fixture_data(name), path)
        return Edit(name, lambda d: replace_at(d, path, before + text), f"{path} += {text!r:.60}")
    return Edit(name, lambda d: replace_at(d, path, text), f"{path} = {text!r:.60}")


@st.composite
def structural_edits(draw: st.DrawFn) -> Edit:
    """Any node retyped or deleted, a made-up key in any mapping or list, deep nesting."""
    name = draw(st.sampled_from(yaml_files(FIXTURE)))
    kind = draw(st.sampled_from(["retype", "delete", "key", "deep"]))
    if kind == "key":
        path = draw(st.sampled_from(container_paths(name)))
        key = draw(st.text(st.characters(exclude_categories=SURROGATES), min_size=1, max_size=12))
        value = draw(values)
        return Edit(name, lambda d: add_key(d, path, key, value), f"{path} add {key!r}", True)
    path = draw(st.sampled_from(paths_in(fixture_data(name))))
    if kind == "retype":
        value = draw(values)
        return Edit(name, lambda d: replace_at(d, path, value), f"{path} = {value!r:.80}", True)
    if kind == "delete":
        return Edit(name, lambda d: delete_at(d, path), f"delete {path}", True)
    depth = draw(st.sampled_from([30, 200, 1000]))
    return Edit(name, lambda d: replace_at(d, path, nested(depth)), f"{path} nested {depth}", True)


@cache
def audiences_meeting(name: str) -> tuple[str, ...]:
    """The audiences whose deck shows what a file says (every one for the course file
    and for modules no audience takes: those are only validated)."""
    if name.startswith("audiences/"):
        return (Path(name).stem,)
    if name.startswith("modules/"):
        module_id = fixture_data(name)["id"]
        taking = tuple(
            audience
            for audience in AUDIENCES
            if any(
                m["id"] == module_id for m in fixture_data(f"audiences/{audience}.yaml")["modules"]
            )
        )
        return taking or AUDIENCES
    return AUDIENCES


@dataclass(frozen=True)
class Mutation:
    """Text edits to build, then one more edit to build with them, and the audience."""

    edits: list[Edit]
    extra: Edit
    audience: str


@st.composite
def mutations(draw: st.DrawFn) -> Mutation:
    """One to three text edits, then a control character or a structural edit, and an
    audience whose deck shows the control character, or else the first text edit."""
    edits = draw(st.lists(text_edits(), min_size=1, max_size=3))
    if draw(st.booleans()):
        control = draw(text_edits(st.sampled_from(CONTROL_TEXT)))
        return Mutation(edits, control, draw(st.sampled_from(audiences_meeting(control.file))))
    audience = draw(st.sampled_from(audiences_meeting(edits[0].file)))
    return Mutation(edits, draw(structural_edits()), audience)


def apply(root: Path, edits: list[Edit]) -> None:
    changed: dict[str, Any] = {}
    for edit in edits:
        data = changed.get(edit.file, copy.deepcopy(fixture_data(edit.file)))
        changed[edit.file] = edit.change(data)
    for name, data in changed.items():
        write_yaml(root / name, data)


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
    result, out = build_copy(tmp_path, lambda root: None, "--theme", str(theme))
    assert result.exit_code == 1, result.output
    assert "theme.yaml:18:9: error[control-character]" in result.stderr
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


@pytest.mark.xfail(
    strict=True,
    reason="a module or audience name that is not text passes validation (the schema "
    "leaves it to the cross-file check, x-checked-elsewhere, which skips non-text)",
)
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
