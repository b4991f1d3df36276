"""Tokens longer than a line are shortened (web addresses) or given break points (#18)."""

from __future__ import annotations

import re

import pytest

from hrdeck.plan.markup import parse_blocks, parse_inline, plain
from hrdeck.plan.tokens import LONG_TOKEN, TOKEN_PIECE, elided_address
from hrdeck.richtext import Run

ZWSP = "\u200b"
LONG_URL = "https://example.org/reports/" + "a" * 1500 + "/final.pdf"


def longest_unbreakable(text: str) -> int:
    return max((len(word) for word in re.split(rf"[\s{ZWSP}]+", text)), default=0)


def test_a_long_web_address_is_shown_short_and_still_links_in_full() -> None:
    runs = parse_inline(f"See {LONG_URL}.")
    assert runs[0] == Run("See ")
    shown = runs[1]
    assert shown.link == LONG_URL
    assert shown.text.startswith("example.org/reports/") and shown.text.endswith("final.pdf")
    assert "…" in shown.text and len(shown.text.replace(ZWSP, "")) <= 48
    assert runs[2:] == (Run("."),)  # the full stop is no part of the address


def test_a_long_address_as_a_link_label_keeps_its_own_link() -> None:
    runs = parse_inline(f"[{LONG_URL}](https://example.org/short)")
    assert [run.link for run in runs] == ["https://example.org/short"]
    assert longest_unbreakable(runs[0].text) <= LONG_TOKEN


@pytest.mark.parametrize("token", ["ACGT" * 1250, "x" * (LONG_TOKEN + 1), "`" * 300])
def test_any_other_long_token_gets_break_points_and_keeps_its_characters(token: str) -> None:
    text = "".join(run.text for run in parse_inline(f"Before {token} after"))
    assert longest_unbreakable(text) <= TOKEN_PIECE
    assert text.replace(ZWSP, "") == f"Before {token} after"


def test_a_long_token_in_code_is_broken_not_shortened() -> None:
    [run] = parse_inline(f"`{LONG_URL}`")
    assert run.code and run.link is None
    assert run.text.replace(ZWSP, "") == LONG_URL


def test_tokens_up_to_the_limit_are_left_as_written() -> None:
    token = "y" * LONG_TOKEN
    assert parse_inline(f"a {token} b") == (Run(f"a {token} b"),)
    url = "https://example.org/" + "p" * (LONG_TOKEN - 20)
    assert parse_inline(url) == (Run(url),)


def test_paragraphs_notes_and_titles_are_made_breakable_too() -> None:
    [para] = parse_blocks(f"A note with {'G' * 500} inside.")
    assert longest_unbreakable(para.text) <= TOKEN_PIECE
    assert longest_unbreakable(plain(f"Title {'T' * 500}")) <= TOKEN_PIECE


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://example.org/a", "example.org/a"),
        ("http://" + "h" * 100 + ".org", "h" * 20 + ZWSP + "h" * 15 + "…" + "h" * 8 + ".org"),
    ],
)
def test_short_address(url: str, shown: str) -> None:
    assert elided_address(url) == shown
