"""Inline Markdown to runs and paragraphs; what a slide cannot show is reported."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrdeck.diagnostics import Diagnostic, Loc
from hrdeck.plan.markup import (
    _PLAIN_URL,
    _fast_inline,
    _fast_paragraphs,
    _href,
    _parsed_blocks,
    _parsed_inline,
    markdown_parser,
    parse_blocks,
    parse_inline,
    plain,
)
from hrdeck.richtext import Para, Run

LOC = Loc("modules/05-strategies.yaml", 12, 5)


def test_plain_text_is_one_plain_run():
    assert parse_inline("People who use drugs") == (Run("People who use drugs"),)


def test_bold_italic_and_code_become_run_formatting():
    runs = parse_inline("a **bold** *it* `x`")
    assert runs == (
        Run("a "),
        Run("bold", bold=True),
        Run(" "),
        Run("it", italic=True),
        Run(" "),
        Run("x", code=True),
    )


def test_nested_emphasis_sets_both_flags():
    assert Run("both", bold=True, italic=True) in parse_inline("***both***")


def test_link_becomes_a_run_with_its_target():
    runs = parse_inline("see [SAMHSA](https://www.samhsa.gov) now")
    assert Run("SAMHSA", link="https://www.samhsa.gov") in runs


def test_bold_link_text_keeps_link_and_bold():
    runs = parse_inline("[**NHRC**](https://harmreduction.org)")
    assert runs == (Run("NHRC", bold=True, link="https://harmreduction.org"),)


@pytest.mark.parametrize(
    "href",
    ["//attacker.example/x", "\\\\host\\share", "notes.docx", "#top"],
)
def test_a_link_to_no_web_mail_or_phone_address_keeps_its_text_but_no_link(href: str) -> None:
    runs = parse_inline(f"See [the share]({href}) now")
    assert "".join(run.text for run in runs) == "See the share now"
    assert all(run.link is None for run in runs)
    paras = parse_blocks(f"- See [the share]({href}) now")
    assert all(run.link is None for para in paras for run in para.runs)


@pytest.mark.parametrize("href", ["https://x.org/a", "HTTP://x.org", "mailto:a@b.org", "tel:+1555"])
def test_web_mail_and_phone_links_stay_links(href: str) -> None:
    assert [run.link for run in parse_inline(f"[x]({href})")] == [_href(href)]


def test_bare_urls_are_not_linkified():
    assert parse_inline("go to https://hri.global") == (Run("go to https://hri.global"),)


def test_entities_and_escapes_are_decoded():
    assert plain(r"Groups \*and\* Recovery &amp; more") == "Groups *and* Recovery & more"


def test_soft_breaks_become_spaces():
    assert parse_blocks("one\ntwo") == (Para((Run("one two"),)),)


def test_inline_parse_does_not_read_block_syntax():
    assert plain("1. Safety first") == "1. Safety first"


def test_paragraphs_are_level_zero_and_list_items_are_levels_below():
    paras = parse_blocks("Intro.\n\n- first\n  - nested\n- second\n\nAfter.")
    assert [(p.text, p.level) for p in paras] == [
        ("Intro.", 0),
        ("first", 1),
        ("nested", 2),
        ("second", 1),
        ("After.", 0),
    ]


def test_numbered_lists_keep_their_numbers():
    paras = parse_blocks("3. three\n4. four")
    assert [(p.text, p.level) for p in paras] == [("3. three", 1), ("4. four", 1)]


UNSUPPORTED = [
    ("![naloxone kit](kit.png)", "image", "naloxone kit"),
    ("# Heading", "heading", "Heading"),
    ("> quoted words", "block quote", "quoted words"),
    ("    code line", "code block", "code line"),
    ("```\nfenced\n```", "code block", "fenced"),
    ("<div>raw html</div>", "HTML", "raw html"),
    ("a <b>tag</b> or <name>", "inline HTML", "a <b>tag</b> or <name>"),
    ("~~gone~~ kept", "strikethrough", "gone kept"),
    ("| a | b |\n|---|---|\n| 1 | 2 |", "table", "a | b 1 | 2"),
]


@pytest.mark.parametrize(("text", "what", "shown"), UNSUPPORTED, ids=[u[1] for u in UNSUPPORTED])
def test_unsupported_markup_warns_at_the_yaml_location_and_keeps_the_text(
    text: str, what: str, shown: str
):
    diagnostics: list[Diagnostic] = []
    paras = parse_blocks(text, LOC, diagnostics)
    assert " ".join(p.text for p in paras) == shown
    assert [(d.code, d.loc, d.severity) for d in diagnostics] == [
        ("unsupported-markup", LOC, "warning")
    ]
    assert diagnostics[0].message.startswith(what)


def test_inline_image_is_reported_and_shows_its_alt_text():
    diagnostics: list[Diagnostic] = []
    assert plain("x ![alt words](p.png)") == "x alt words"
    parse_inline("x ![alt words](p.png)", LOC, diagnostics)
    assert [d.code for d in diagnostics] == ["unsupported-markup"]


def test_cached_text_reports_problems_every_time():
    first: list[Diagnostic] = []
    second: list[Diagnostic] = []
    parse_blocks("# Again", LOC, first)
    parse_blocks("# Again", LOC, second)
    assert len(first) == len(second) == 1


def test_supported_markup_gives_no_diagnostics():
    diagnostics: list[Diagnostic] = []
    parse_blocks("**a** *b* `c` [d](https://e.org)\n\n- f\n  - g", LOC, diagnostics)
    assert diagnostics == []


# -- the fast path for simple inline Markdown agrees with markdown-it ------------------------

_PIECES = [
    "harm", "reduction", "42", "é", "—", " ", " ", "  ", ".", ",", ";", ":", "?", "(", ")",
    "*", "**", "`", "[", "]", "_", "\\", "&amp;", "<b>", "!", "~~", "\u00a0", "'", '"', "-",
    "https://example.org/a?b=1#c", "(https://example.org)", "](https://nida.nih.gov/x)",
    "(mailto:a@b.org)", "(javascript:alert)", "(/local/path)", "(http://ex%41mple.org/ü)",
]  # fmt: skip


_WORDS = st.sampled_from(
    ["harm", "harm reduction", "x", "é ü", "(a)", "a.b", " a", "a ", "a*b", "a`b", "1", "—", "_"]
)
_URLS = st.sampled_from(
    ["https://example.org/a?b=1#c", "https://EX.org/ä", "mailto:a@b.org", "javascript:x",
     "/local", "http://ex%41mple.org", "data:text/html,x", "a b", "https://x.org/a_b*c"]
)  # fmt: skip
_CONSTRUCTS = st.one_of(
    st.sampled_from(_PIECES),
    st.builds(lambda w, d: f"{d}{w}{d}", _WORDS, st.sampled_from(["*", "**", "`", "***"])),
    st.builds(lambda w, u: f"[{w}]({u})", _WORDS, _URLS),
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_CONSTRUCTS, max_size=10))
def test_fast_inline_path_equals_markdown_it_wherever_it_answers(pieces: list[str]) -> None:
    text = "".join(pieces).strip()
    fast = _fast_inline(text)
    if fast is not None:
        assert (fast, ()) == _parsed_inline(text), text


@pytest.mark.parametrize(
    "text",
    [
        "A **bold** claim, an *aside* and `code` (see [NIDA](https://nida.nih.gov/x)).",
        "Slide 12: **naloxone** reverses *opioid* overdose; [CDC](https://www.cdc.gov).",
        "(**Note**) plain *words*?",
    ],
)
def test_everyday_markdown_takes_the_fast_path(text: str) -> None:
    assert _fast_inline(text) is not None
    assert (_fast_inline(text), ()) == _parsed_inline(text)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(_PLAIN_URL, fullmatch=True))
def test_plain_web_addresses_are_what_markdown_it_makes_of_them(url: str) -> None:
    assert _href(url) == markdown_parser().normalizeLink(url)


_LINES = st.lists(st.one_of(_WORDS, _WORDS.map(lambda w: f"{w} "), _CONSTRUCTS), max_size=6).map(
    lambda pieces: "".join(pieces)
)
_BREAKS = st.sampled_from(
    ["\n", "\n\n", "\n \n", "\n\n\n", "  \n", "\n  ", "\n- ", "\n\n- ", "\n-  ", "\n* ",
     "\n1. ", "\n-", "\n- - ", "\n---\n", "\n===\n"]
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(_LINES, _BREAKS), max_size=5))
def test_fast_paragraphs_equal_markdown_it_wherever_they_answer(
    parts: list[tuple[str, str]],
) -> None:
    text = "".join(line + brk for line, brk in parts).lstrip("\n").rstrip()
    fast = _fast_paragraphs(text)
    if fast is not None:
        assert (fast, ()) == _parsed_blocks(text), text


def test_speaker_notes_in_plain_paragraphs_take_the_fast_path() -> None:
    text = "Welcome everyone.\nIntroduce **yourself**.\n\nThen walk through the *agenda*."
    assert _fast_paragraphs(text) is not None
    assert (_fast_paragraphs(text), ()) == _parsed_blocks(text)
    assert len(_fast_paragraphs(text) or ()) == 2
    notes = "Define the terms.\n- **Naloxone**: carry it\nand teach it.\n- Test strips\n\nThen ask."
    paras = _fast_paragraphs(notes)
    assert paras is not None and [p.level for p in paras] == [0, 1, 1, 0]
    assert (paras, ()) == _parsed_blocks(notes)
