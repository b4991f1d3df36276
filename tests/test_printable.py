"""Nothing a curriculum or a command line holds can drive the terminal (issue 14 #17).

:func:`hrdeck.diagnostics.printable` escapes control characters and shortens long
values; Diagnostic.format and every message of the command line use it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from hrdeck.cli import cli
from hrdeck.diagnostics import MAX_LINE, MAX_QUOTED, Diagnostic, Loc, printable, shortened

RAW = "\x1b]0;owned\x07\x1b[2J\x9b31m\x7f\x00\r"


def test_escape_sequences_and_c0_c1_controls_are_shown_as_escapes() -> None:
    assert printable(f"a{RAW}b") == "a\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\x7f\\x00\\rb"


@pytest.mark.parametrize(
    ("char", "shown"),
    [
        ("\u202e", "\\u202e"),  # right-to-left override: reorders what the line seems to say
        ("\u2066", "\\u2066"),
        ("\u2028", "\\u2028"),  # a line separator some terminals honour
        ("\udcff", "\\udcff"),  # a file name that is not UTF-8 (cannot even be encoded)
    ],
)
def test_invisible_reordering_and_unencodable_characters_are_escaped(char: str, shown: str) -> None:
    assert printable(f"x{char}y") == f"x{shown}y"


def test_one_line_unless_multiline() -> None:
    assert printable("one\ntwo\tthree") == "one\\ntwo\\tthree"
    assert printable("one\ntwo\tthree\x1b", multiline=True) == "one\ntwo\tthree\\x1b"


def test_a_document_printed_whole_keeps_its_text_but_not_terminal_controls() -> None:
    """An outline or Markdown export goes to a file as often as to a screen: only what
    drives a terminal is escaped; long lines and right-to-left marks stay."""
    document = (
        "# \u05e9\u05dc\u05d5\u05dd\u200f\n" + "x" * 5000 + "\n'" + "q" * 500 + "'\n\x9b2J\r\n"
    )
    shown = printable(document, multiline=True)
    assert shown == document.replace("\x9b", "\\x9b").replace("\r", "\\r")


def test_ordinary_text_is_unchanged() -> None:
    text = "modules/03-x.yaml:4:7: error[bad-value]: 'Señora Þ — “quoted”' is wrong (\\n kept)"
    assert printable(text) == text


def test_a_long_quoted_value_keeps_its_start_and_end_and_says_how_much_is_left_out() -> None:
    title = "B" + "T" * 100_000 + "E"
    shown = printable(f"the title '{title}' does not fit its box")
    assert shown.startswith("the title 'BTTT") and shown.endswith("TTE' does not fit its box")
    assert "more characters ...]" in shown
    quoted = shown[len("the title '") : shown.index("' does not fit")]
    assert len(quoted) <= MAX_QUOTED


def test_no_printed_line_is_longer_than_the_limit() -> None:
    assert len(printable("x" * 100_000)) <= MAX_LINE
    assert len(printable("\x1b" * 100_000)) <= MAX_LINE  # escaping makes it longer first


@pytest.mark.parametrize("size", [MAX_LINE + 1, 5_000, 100_000, 10_000_000])
def test_shortening_fits_the_limit_and_is_idempotent(size: int) -> None:
    once = shortened("x" * size, MAX_LINE)
    assert len(once) <= MAX_LINE
    assert shortened(once, MAX_LINE) == once
    assert printable(printable("'" + "y" * size + "'")) == printable("'" + "y" * size + "'")


def test_a_diagnostic_escapes_its_file_message_and_hint() -> None:
    found = Diagnostic(
        Loc("modules/\x1b[2J.yaml", 3, 1), "error", "bad-kind", f"kind '{RAW}'", hint="\x9b1m"
    )
    text = found.format()
    assert text == (
        "modules/\\x1b[2J.yaml:3:1: error[bad-kind]: kind "
        "'\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\x7f\\x00\\r'\n  hint: \\x9b1m"
    )


def test_the_command_line_escapes_its_own_messages_and_clicks(tmp_path: Path) -> None:
    runner = CliRunner()
    unknown = runner.invoke(cli, ["build", "-a", "\x1b[2J"], color=True)
    assert unknown.exit_code == 2
    assert "unknown audience '\\x1b[2J'" in unknown.stderr
    no_option = runner.invoke(cli, ["build", "--\x1b]0;x\x07"], color=True)
    assert no_option.exit_code == 2
    assert "No such option" in no_option.stderr and "\\x1b]0;x\\x07" in no_option.stderr
    missing = runner.invoke(cli, ["validate", str(tmp_path / "\x9bnope")], color=True)
    assert missing.exit_code == 2 and "\\x9bnope" in missing.stderr
    for result in (unknown, no_option, missing):
        assert not any(c in result.output for c in "\x1b\x07\x9b")
