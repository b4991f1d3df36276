"""Hostile input loses nothing: any mutation of a valid curriculum builds or is reported.

Hypothesis takes the valid fixture curriculum, mutates one YAML file (a value of
another type, a deleted key or item, a 100,000-character string, odd Unicode, deep
nesting, a made-up key) and runs ``hrdeck build`` in-process.  Whatever it does:

* the command exits 0 (built) or 1 (diagnostics, each located ``file:line:col``);
  never a traceback, never another exit code;
* no temporary file is left in the output folder, and every deck there opens;
* a failed build leaves the decks and guides of the earlier good build untouched.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation

from hrdeck.cli import cli
from hrdeck.paths import builtin_themes

FIXTURE = Path(__file__).parent / "fixtures" / "valid"
LOCATED_ERROR = re.compile(r"^\S.*:\d+:\d+: error\[[a-z-]+\]: ", re.MULTILINE)

ODD_TEXT = [
    "\u200f\u202eright-to-left override\u202c",  # RTL mark and override
    "e\u0301\u0302\u0303\u0304" * 50,  # stacked combining marks
    "👩🏽‍⚕️ 🧪 🏳️‍🌈 naloxone",  # emoji with modifiers and ZWJ sequences
    "\ufeffbyte order mark and zero\u200bwidth space",
    "bell \x07 and nul \x00 and escape \x1b",  # C0 controls: YAML escapes carry them
    "\x85 next line \u2028 line separator \u2029",
    "\ufffe\uffff non-characters",
    "tab\tand\r\ncarriage return",
    "日本語のテキストと한국어와 العربية",
    "[link](javascript:alert(1)) <script>x</script> & **bold",
    "{{ template }} ${var} %s %(x)s",
    "",
    " ",
]
HUGE_TEXT = ["x" * 100_000, ("harm reduction " * 7_000).strip(), "word\n" * 20_000]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(ODD_TEXT + HUGE_TEXT),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=30),
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


DEEP = re.compile(r"deep-nesting-marker-(\d+)")


def nested(depth: int) -> str:
    """A marker :func:`write_yaml` turns into `depth` nested flow lists (no recursion here)."""
    return f"deep-nesting-marker-{depth}"


def yaml_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.yaml"))


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


def parent_of(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        data = data[step]
    return data


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
    target = parent_of(data, (*path, None))
    if isinstance(target, dict):
        target[key] = value
    elif isinstance(target, list):
        target.append({key: value})
    return data


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, Callable[[Any], Any], str]:
    """(file, a function mutating that file's data, a description for failures)."""
    files = [p.relative_to(FIXTURE).as_posix() for p in yaml_files(FIXTURE)]
    name = draw(st.sampled_from(files))
    data = read_yaml(FIXTURE / name)
    path = draw(st.sampled_from(paths_in(data)))
    kind = draw(st.sampled_from(["retype", "delete", "huge", "odd", "deep", "key", "text"]))
    if kind == "retype":
        value = draw(values)
        return name, lambda d: replace_at(d, path, value), f"{path} = {value!r:.80}"
    if kind == "delete":
        return name, lambda d: delete_at(d, path), f"delete {path}"
    if kind in ("huge", "odd", "text"):
        pool = {"huge": HUGE_TEXT, "odd": ODD_TEXT}.get(kind)
        text = draw(st.sampled_from(pool) if pool else st.text(max_size=40))
        return name, lambda d: replace_at(d, path, text), f"{path} = {text!r:.60}"
    if kind == "deep":
        depth = draw(st.sampled_from([30, 200, 1000]))
        return name, lambda d: replace_at(d, path, nested(depth)), f"{path} nested {depth}"
    key = draw(st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=12))
    value = draw(values)
    return name, lambda d: add_key(d, path, key, value), f"{path} add key {key!r}"


def read_yaml(path: Path) -> Any:
    """Read as hrdeck does (libyaml: it takes `{a: Questions?}`, pure PyYAML does not)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def write_yaml(path: Path, data: Any) -> None:
    text = yaml.dump(
        data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=10**9
    )
    text = DEEP.sub(lambda m: "[" * int(m[1]) + "deep" + "]" * int(m[1]), text)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def good_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The outputs of a build of the unchanged fixture."""
    out = tmp_path_factory.mktemp("good") / "out"
    result = CliRunner().invoke(cli, ["build", "--out", str(out), str(FIXTURE)])
    assert result.exit_code == 0, result.output
    return out


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(mutation=mutations())
def test_mutated_curriculum_builds_or_is_reported(
    good_build: Path, mutation: tuple[str, Callable[[Any], Any], str]
) -> None:
    name, mutate, description = mutation
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "curriculum"
        shutil.copytree(FIXTURE, root)
        target = root / name
        write_yaml(target, mutate(read_yaml(target)))
        out = Path(tmp) / "out"
        shutil.copytree(good_build, out)
        before = snapshot(out)

        result = CliRunner().invoke(cli, ["build", "--out", str(out), str(root)])

        context = f"{name}: {description}\n{result.output[-3000:]}"
        assert result.exit_code in (0, 1), context
        crash = result.exception
        assert crash is None or isinstance(crash, SystemExit), f"{context}\n{crash!r:.500}"
        assert "Traceback" not in result.output, context
        assert not [p for p in out.iterdir() if p.suffix == ".tmp"], context
        for deck in out.glob("*.pptx"):
            Presentation(str(deck))
        if result.exit_code == 1:
            assert LOCATED_ERROR.search(result.stderr), context
            assert snapshot(out) == before, context


# -- what the property test found, pinned -------------------------------------------


def build_copy(tmp_path: Path, edit: Callable[[Path], None], *extra: str) -> Any:
    root = tmp_path / "curriculum"
    shutil.copytree(FIXTURE, root)
    edit(root)
    out = tmp_path / "out"
    return CliRunner().invoke(cli, ["build", "--out", str(out), *extra, str(root)]), out


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
