"""Characters a deck cannot hold, or that drive a terminal, are located errors."""

from __future__ import annotations

import pytest

from hrdeck.curriculum.sourcemap import SourceMap
from hrdeck.curriculum.textchars import character_diagnostics
from hrdeck.diagnostics import Loc


def found(data: object) -> list[tuple[str, str]]:
    smap = SourceMap("m.yaml")
    smap.values[("items", 0)] = Loc("m.yaml", 3, 5)
    smap.keys[("x\x9b",)] = Loc("m.yaml", 4, 1)
    return [(str(d.loc), d.message) for d in character_diagnostics(data, smap)]


@pytest.mark.parametrize("char", ["\x9b", "\x85", "\x80", "\x9f", "\x7f"])
def test_c1_controls_and_del_in_text_are_flagged_like_c0(char: str) -> None:
    [(where, message)] = found({"items": [f"a {char}[2J b"]})
    assert where == "m.yaml:3:5"
    assert f"U+{ord(char):04X}" in message and "no place on a slide" in message


def test_c0_controls_say_a_slide_cannot_store_them() -> None:
    [(_, message)] = found({"items": ["ring \x07"]})
    assert message == "the text holds the control character U+0007, which a slide cannot store"


def test_a_c1_control_in_a_key_is_located_at_the_key() -> None:
    assert [where for where, _ in found({"x\x9b": 1})] == ["m.yaml:4:1"]


@pytest.mark.parametrize("text", ["tab\tand\nnewline\r", "é ü ß — “quotes”", "\u00a0nbsp"])
def test_ordinary_text_passes(text: str) -> None:
    assert found({"items": [text]}) == []
