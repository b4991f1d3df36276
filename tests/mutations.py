"""Mutations of the valid fixture curriculum, for the property test (``test_property``).

A :class:`Mutation` is one to three text edits a trainer could make (odd Unicode,
100,000-character strings, text just over a limit, Markdown, emoji, in the titles,
labels, bullets and notes: :func:`is_prose`), which should build, then one extra edit
that validation should report: a control character (which XML refuses; half of the
examples) or a structural edit (a value of another type, a deleted key or item, a
made-up key, deep nesting).  Half of the text edits go to the course and audience
files, whose titles and labels reach every slide and the document properties; the
audience built is one whose deck shows the control character, else the first edit.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from hypothesis import strategies as st

FIXTURE = Path(__file__).parent / "fixtures" / "valid"
SURROGATES: tuple[Literal["Cs"]] = ("Cs",)  # unpaired, they cannot even be written as UTF-8

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
# 100,000 characters on one line, a long paragraph, and 20,000 short lines (fitting the
# last once took minutes: each continuation slide re-measured the whole paragraph)
HUGE_TEXT = ["x" * 100_000, ("harm reduction " * 7_000).strip(), "word\n" * 20_000]

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
