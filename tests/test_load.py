"""Loading YAML: source maps, and a coded diagnostic (never a traceback) for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrdeck.curriculum.load import (
    MAX_FILE_BYTES,
    display_path,
    load_tree,
    load_yaml_file,
    parse_yaml_text,
)
from hrdeck.curriculum.sourcemap import SourceMap
from hrdeck.diagnostics import Loc
from tests.helpers import Reach


def parse(text: str) -> tuple[object, SourceMap, list[str]]:
    data, smap, problems = parse_yaml_text(text, SourceMap("f.yaml"))
    return data, smap, [f"{d.loc.line}:{d.loc.col} {d.code}" for d in problems]


def load_bytes(tmp_path: Path, raw: bytes) -> list[str]:
    path = tmp_path / "m.yaml"
    path.write_bytes(raw)
    _data, _smap, problems = load_yaml_file(path, "m.yaml")
    return [f"{d.loc.line}:{d.loc.col} {d.code}" for d in problems]


# -- the source map --------------------------------------------------------------------


def test_source_map_locates_keys_values_and_items() -> None:
    data, smap, problems = parse("id: x\nslides:\n  - title: A\n    items: [one, two]\n")
    assert problems == []
    assert data == {"id": "x", "slides": [{"title": "A", "items": ["one", "two"]}]}
    assert smap.key(("slides",)) == Loc("f.yaml", 2, 1)
    assert smap.value(("slides", 0)) == Loc("f.yaml", 3, 5)
    assert smap.key(("slides", 0, "items")) == Loc("f.yaml", 4, 5)
    assert smap.value(("slides", 0, "items", 1)) == Loc("f.yaml", 4, 18)


def test_source_map_falls_back_to_the_nearest_ancestor() -> None:
    _data, smap, _ = parse("a:\n  b: 1\n")
    assert smap.value(("a", "b", "missing", 3)) == Loc("f.yaml", 2, 6)
    assert smap.key(("a", 0)) == Loc("f.yaml", 2, 3)


def test_dates_stay_the_strings_the_editor_wrote_and_scalars_keep_yaml_types() -> None:
    data, _smap, _ = parse("date: 2026-11-01\nyes_: yes\nn: 0x10\nf: 1.5\nnull_: ~\nk: 1\n")
    assert data == {"date": "2026-11-01", "yes_": True, "n": 16, "f": 1.5, "null_": None, "k": 1}


def test_keys_are_kept_as_written() -> None:
    data, _smap, _ = parse("1: one\nyes: two\n")
    assert data == {"1": "one", "yes": "two"}


def test_merge_keys_fill_in_missing_fields() -> None:
    data, _smap, problems = parse("base: &b {x: 1, y: 2}\nc:\n  <<: *b\n  y: 3\n")
    assert problems == []
    assert data == {"base": {"x": 1, "y": 2}, "c": {"y": 3, "x": 1}}


# -- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["1:1 empty-file"]),
        ("   \n\n", ["1:1 empty-file"]),
        ("# only a comment\n", ["1:1 empty-file"]),
        ("---\n", ["1:1 empty-file"]),
        ("- a\n- b\n", ["1:1 not-a-mapping"]),
        ("just text\n", ["1:1 not-a-mapping"]),
        ("a: b: c\n", ["1:5 yaml-syntax"]),
        ("a: 'open\n", ["2:1 yaml-syntax"]),
        ("a: 1\n---\nb: 2\n", ["2:1 yaml-syntax"]),
        ("a: *nowhere\n", ["1:4 yaml-syntax"]),
        ("a:\n\tb: 1\n", ["2:1 yaml-tab"]),
        ("a:\n  - x\n  \t- y\n", ["3:3 yaml-tab"]),
        ("a: 1\nb: 2\na: 3\n", ["3:1 duplicate-key"]),
        ("a: &x [*x]\n", ["1:4 yaml-alias"]),
        ("[a]: 1\n", ["1:1 yaml-syntax"]),
    ],
)
def test_bad_yaml_gives_one_located_diagnostic(text: str, expected: list[str]) -> None:
    _data, _smap, problems = parse(text)
    assert problems == expected


def test_duplicate_key_names_the_first_line_and_keeps_the_data() -> None:
    data, _smap, problems = parse_yaml_text("a:\n  notes: one\n  notes: two\n", SourceMap("f"))
    assert "first on line 2" in problems[0].message
    assert data == {"a": {"notes": "two"}}


def test_billion_laughs_is_refused_before_expanding() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 12):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    _data, _smap, problems = parse("\n".join(lines) + "\n")
    assert [p.split()[1] for p in problems] == ["yaml-alias"]


def test_many_alias_uses_are_refused() -> None:
    text = "x: &x 1\nlist: [" + ", ".join(["*x"] * 150) + "]\n"
    _data, _smap, problems = parse(text)
    assert [p.split()[1] for p in problems] == ["yaml-alias"]


def test_a_few_aliases_are_fine() -> None:
    data, _smap, problems = parse("x: &x [1, 2]\ny: *x\n")
    assert problems == []
    assert data == {"x": [1, 2], "y": [1, 2]}


@pytest.mark.parametrize("start", ["a: [", "a: {a: ", "a:\n  - ", "- "])
def test_absurd_nesting_is_refused_without_crashing_libyaml(start: str) -> None:
    opener = start.split()[-1] + " "
    text = start + opener * 100_000 + "x\n"
    _data, _smap, problems = parse(text)
    assert [p.split()[1] for p in problems] == ["yaml-too-deep"]
    line, col = (int(n) for n in problems[0].split()[0].split(":"))
    assert (line, col) > (1, 100)  # where the 101st level opens, not at the top


def test_invalid_deep_block_nesting_is_a_syntax_error_where_it_breaks() -> None:
    _data, _smap, problems = parse("a: " + "- " * 100_000 + "x\n")  # no list after 'a: '
    assert problems == ["1:4 yaml-syntax"]


@pytest.mark.parametrize(
    "text",
    [
        "a: '" + "[" * 1001 + "'\n",
        'a: "' + "{" * 1001 + '"\n',
        "a: b\n# " + "[" * 1001 + "\n",
        "a: |\n  " + "{" * 1001 + "\n",
        "a: >\n  " + "- " * 1001 + "\n",
    ],
    ids=["single-quoted", "double-quoted", "comment", "block-scalar", "folded-dashes"],
)
def test_brackets_in_text_and_comments_are_not_nesting(text: str) -> None:
    data, _smap, problems = parse(text)
    assert problems == []
    assert isinstance(data, dict)


def test_moderate_nesting_beyond_the_limit_is_refused() -> None:
    _data, _smap, problems = parse("a: " + "[" * 150 + "]" * 150 + "\n")
    assert [p.split()[1] for p in problems] == ["yaml-too-deep"]


def test_non_utf8_byte_is_located_by_line_and_column(tmp_path: Path) -> None:
    assert load_bytes(tmp_path, "id: x\ntitle: Café\n".encode("latin-1")) == ["2:11 encoding"]


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    assert load_bytes(tmp_path, b"\xef\xbb\xbfid: x\n") == []


def test_nul_bytes_mean_a_binary_file(tmp_path: Path) -> None:
    assert load_bytes(tmp_path, b"id: x\n\x00\x01\x02") == ["2:1 binary-file"]


def test_oversize_file_is_refused_with_the_limit_in_the_message(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * MAX_FILE_BYTES)
    _data, _smap, problems = load_yaml_file(path, "big.yaml")
    assert [d.code for d in problems] == ["file-too-large"]
    assert "1 MiB" in problems[0].message


def test_unreadable_file_is_a_diagnostic(tmp_path: Path) -> None:
    _data, _smap, problems = load_yaml_file(tmp_path / "gone.yaml", "gone.yaml")
    assert [d.code for d in problems] == ["read-error"]


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_is_named_utf32_with_or_without_a_mark(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes("id: x\ntitle: Probe\n".encode(encoding))
    _data, _smap, problems = load_yaml_file(path, "m.yaml")
    assert [(d.code, d.message) for d in problems] == [
        ("encoding", "the file is UTF-32 text, not UTF-8")
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_named_utf16_with_or_without_a_mark(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes("id: x\n".encode(encoding))
    _data, _smap, problems = load_yaml_file(path, "m.yaml")
    assert [d.message for d in problems] == ["the file is UTF-16 text, not UTF-8"]


@pytest.mark.parametrize("char", ["\x86", "\x9b", "\x7f", "\x1b", "\ufffe"])
def test_a_raw_control_character_is_located_at_its_line_and_column(char: str) -> None:
    _data, _smap, problems = parse(f"id: x\nitems:\n  - Café {char} here\n")
    assert problems == ["3:10 control-character"]


def test_a_raw_control_character_message_names_it_without_an_offset() -> None:
    _data, _smap, found = parse_yaml_text("a: é\x86\n", SourceMap("f.yaml"))
    assert "U+0086" in found[0].message and "position" not in found[0].message


# -- tags and numbers ------------------------------------------------------------------


@pytest.mark.parametrize(
    "tagged",
    ['!!bool "maybe"', '!!int ""', '!!float "x"', '!!timestamp "x"', '!!binary "%%"'],
)
def test_a_value_its_tag_cannot_hold_is_a_located_error(tagged: str) -> None:
    data, smap, problems = parse(f"id: x\nitems:\n  - {tagged}\n")
    assert problems == ["3:5 yaml-tag"]
    assert isinstance(data, dict) and isinstance(data["items"][0], str)  # kept as written
    assert smap.was_reported(("items", 0))


def test_binary_data_is_refused_even_when_it_decodes() -> None:
    _data, _smap, problems = parse("picture: !!binary aGVsbG8=\n")
    assert problems == ["1:10 yaml-tag"]


@pytest.mark.parametrize(
    ("tagged", "value"),
    [("!!int '12'", 12), ("!!float '1.5'", 1.5), ("!!bool 'yes'", True), ("!!str 12", "12")],
)
def test_a_value_its_tag_can_hold_is_converted(tagged: str, value: object) -> None:
    data, _smap, problems = parse(f"a: {tagged}\n")
    assert problems == []
    assert data == {"a": value}


def test_an_explicit_date_tag_keeps_the_date_as_written() -> None:
    assert parse("a: !!timestamp '2026-11-01'\n")[0] == {"a": "2026-11-01"}


def test_an_unknown_tag_is_a_warning_and_the_value_is_text() -> None:
    data, _smap, found = parse_yaml_text(
        "a: !foo bar\nb: !!python/object:os.system x\nc: !!set {x}\n", SourceMap("f.yaml")
    )
    assert data == {"a": "bar", "b": "x", "c": {"x": None}}
    assert [(d.loc.line, d.severity, d.code) for d in found] == [
        (1, "warning", "yaml-tag"),
        (2, "warning", "yaml-tag"),
        (3, "warning", "yaml-tag"),
    ]


@pytest.mark.parametrize(
    ("written", "code"),
    [
        (".nan", "not-a-number"),
        (".NaN", "not-a-number"),
        (".inf", "not-a-number"),
        ("-.inf", "not-a-number"),
        ("!!float '.nan'", "not-a-number"),
        ("1.0e+400", "too-large"),
        ("-1.0e+400", "too-large"),
        ("9" * 5000, "too-large"),
        ("!!int '" + "9" * 5000 + "'", "yaml-tag"),
    ],
)
def test_a_number_no_field_can_use_is_a_located_error(written: str, code: str) -> None:
    data, smap, problems = parse(f"id: x\nminutes: {written}\n")
    assert problems == [f"2:10 {code}"]
    assert isinstance(data, dict) and isinstance(data["minutes"], str)
    assert smap.was_reported(("minutes",))


def test_ordinary_numbers_are_still_numbers() -> None:
    assert parse("a: 5\nb: -2.5\nc: 1.0e+3\nd: 0x10\n")[0] == {
        "a": 5,
        "b": -2.5,
        "c": 1000.0,
        "d": 16,
    }


_YAML_CHARS = st.sampled_from(list("ab:-[]{}&*!|>'\"#,? \n\t0"))
_ODD_VALUES = st.text(_YAML_CHARS, max_size=8)
_PLAIN_VALUES = st.sampled_from(["a", "a b", "'q: x'", '"d"', "[a, b]", "{a: b}", "0", "-1", "~"])


@st.composite
def yaml_mappings(draw: st.DrawFn) -> str:
    """``key: value`` lines with plain, quoted or flow values; in half of the texts one
    value or one line of odd characters."""
    keys = st.sampled_from(["id", "title", "a", "items", "b c", "'q'"])
    lines = [f"{k}: {draw(_PLAIN_VALUES)}" for k in draw(st.lists(keys, min_size=1, unique=True))]
    odd = draw(st.sampled_from(["none", "value", "none", "line"]))
    where = draw(st.integers(0, len(lines) - 1))
    if odd == "value":
        lines[where] = f"{lines[where].split(':')[0]}: {draw(_ODD_VALUES)}"
    elif odd == "line":
        lines.insert(where, draw(st.sampled_from(["  ", "- ", "  - "])) + draw(_ODD_VALUES))
    return "\n".join(lines)


YAML_TEXTS = st.one_of(st.text(_YAML_CHARS, max_size=60), yaml_mappings(), yaml_mappings())


def test_any_text_gives_data_or_diagnostics_never_an_exception() -> None:
    mappings = Reach()

    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(YAML_TEXTS)
    def data_or_diagnostics(text: str) -> None:
        data, _smap, problems = parse_yaml_text(text, SourceMap("f.yaml"))
        assert isinstance(data, dict) or problems
        mappings.count(isinstance(data, dict))  # the loader's source map was walked

    data_or_diagnostics()
    assert mappings.share >= 0.4, mappings


# -- the folder --------------------------------------------------------------------------


def test_load_tree_reads_course_audiences_and_modules_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "audiences").mkdir()
    (tmp_path / "modules").mkdir()
    (tmp_path / "course.yaml").write_text("id: c\n")
    (tmp_path / "audiences" / "peer.yaml").write_text("id: peer\n")
    (tmp_path / "modules" / "02-b.yml").write_text("id: b\n")
    (tmp_path / "modules" / "01-a.yaml").write_text("id: a\n")
    (tmp_path / "modules" / ".01-a.yaml.swp").write_text("junk")
    (tmp_path / "modules" / "notes.txt").write_text("not yaml")
    tree, problems = load_tree(tmp_path, display_base=tmp_path)
    assert problems == []
    assert tree.course is not None and tree.course.display == "course.yaml"
    assert [d.display for d in tree.audiences] == ["audiences/peer.yaml"]
    assert [d.display for d in tree.modules] == ["modules/01-a.yaml", "modules/02-b.yml"]


def test_load_tree_reports_a_missing_course_file(tmp_path: Path) -> None:
    _tree, problems = load_tree(tmp_path, display_base=tmp_path)
    assert [(d.code, str(d.loc)) for d in problems] == [("missing-file", "course.yaml:1:1")]


def test_display_path_is_relative_under_the_base_else_as_given(tmp_path: Path) -> None:
    inside = tmp_path / "a" / "b.yaml"
    assert display_path(inside, tmp_path) == "a/b.yaml"
    assert display_path(inside, tmp_path / "other") == inside.as_posix()
