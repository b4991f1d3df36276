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
from tests.helpers import Reach

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
#
# The fast paths answer only for simple Markdown and are compared with markdown-it only
# when they answer, so the generated text is mostly well formed (plain words, *italic*,
# **bold**, `code` and [links](https://...) between spaces and punctuation) with, in about
# half of the texts, one odd piece: a delimiter touching a word, ***both***, an escape,
# an entity, a bracket out of place, an address markdown-it rewrites.  The fast path must
# decline those or agree; the reach tests keep most texts reaching the comparison.

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
_PLAIN_WORDS = st.sampled_from(
    ["harm", "harm reduction", "x", "é ü", "(a)", "a.b", "1", "—", "naloxone", "42 CFR Part 2",
     "people's", "?"]
)  # fmt: skip
_PLAIN_URLS = st.sampled_from(
    ["https://example.org/a?b=1#c", "mailto:a@b.org", "https://nida.nih.gov/x", "/local"]
)
_WELL_FORMED = st.one_of(
    _PLAIN_WORDS,
    st.builds(lambda w, d: f"{d}{w}{d}", _PLAIN_WORDS, st.sampled_from(["*", "**", "`"])),
    st.builds(lambda w, u: f"[{w}]({u})", _PLAIN_WORDS, _PLAIN_URLS),
)
_ENTITIES_AND_ESCAPES = st.sampled_from(
    ["&amp;", "AT&amp;T", "&copy;", "&#42;", "&nbsp;", "a & b", "\\*", "\\_", "a\\b"]
)
_ODD = st.one_of(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4).map("".join),
    _ENTITIES_AND_ESCAPES,
    st.builds(lambda w, d: f"{d}{w}{d}", _WORDS, st.sampled_from(["*", "**", "`", "***"])),
    st.builds(  # a space inside a delimiter: not emphasis (CommonMark's flanking rule)
        lambda w, d, edges: f"{d}{edges[0]}{w}{edges[1]}{d}",
        _PLAIN_WORDS,
        st.sampled_from(["*", "**", "`"]),
        st.sampled_from([(" ", ""), ("", " "), (" ", " ")]),
    ),
    st.builds(lambda w, u: f"[{w}]({u})", _PLAIN_WORDS, _URLS),  # an address to rewrite
    st.builds(lambda w, u: f"[{w}]({u})", _WORDS, _PLAIN_URLS),  # a label to read again
    st.tuples(_WELL_FORMED, _WELL_FORMED).map("".join),  # glued: a delimiter touches a word
)
_SPACES = st.sampled_from([" ", " ", " ", ", ", ". ", " (", ") ", "; ", ": ", "? ", "  "])
_COIN = st.booleans()


@st.composite
def inline_texts(draw: st.DrawFn, odd: st.SearchStrategy[bool] = _COIN, pieces: int = 6) -> str:
    """Well-formed inline Markdown; when ``odd`` draws True, one odd piece somewhere in it,
    spaced like the rest or touching the word before."""
    parts = draw(st.lists(st.tuples(_WELL_FORMED, _SPACES), min_size=1, max_size=pieces))
    words = [construct + space for construct, space in parts]
    if draw(odd):
        where = draw(st.integers(0, len(words)))
        if where and draw(st.booleans()):
            words[where - 1] = words[where - 1].rstrip(" ,.;:?(")
        words.insert(where, draw(_ODD) + draw(_SPACES))
    return "".join(words).strip()


def test_fast_inline_path_equals_markdown_it_wherever_it_answers() -> None:
    reach = Reach()

    @settings(max_examples=500, deadline=None, derandomize=True)
    @given(inline_texts())
    def agrees(text: str) -> None:
        fast = _fast_inline(text)
        if reach.count(fast is not None):
            assert (fast, ()) == _parsed_inline(text), text

    agrees()
    assert reach.share >= 0.5, reach


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


@settings(max_examples=200, deadline=None)
@given(st.from_regex(_PLAIN_URL, fullmatch=True))
def test_plain_web_addresses_are_what_markdown_it_makes_of_them(url: str) -> None:
    assert _href(url) == markdown_parser().normalizeLink(url)


_NEWLINES = st.sampled_from(["\n", "\n\n", "\n- ", "\n\n- "])
_ODD_BREAKS = st.sampled_from(
    ["\n \n", "\n\n\n", "  \n", "\n  ", "\n-  ", "\n* ", "\n1. ", "\n-", "\n- - ", "\n---\n",
     "\n===\n"]
)  # fmt: skip


@st.composite
def block_texts(draw: st.DrawFn) -> str:
    """Paragraphs and "- " items of short well-formed lines, each starting with a word; in
    two texts of five, one odd line or one odd break (block syntax, edge spaces, a setext
    underline, a nested list)."""
    odd = draw(st.sampled_from(["none", "line", "none", "break", "none"]))
    lines = [
        f"{draw(_PLAIN_WORDS)} {line}"
        for line in draw(st.lists(inline_texts(st.just(False), pieces=3), min_size=1, max_size=4))
    ]
    breaks = [*(draw(_NEWLINES) for _ in lines[1:]), ""]
    where = draw(st.integers(0, len(lines) - 1))
    if odd == "line":
        lines[where] = draw(inline_texts(st.just(True), pieces=2))
    elif odd == "break":
        breaks[where] = draw(_ODD_BREAKS)
    return "".join(line + brk for line, brk in zip(lines, breaks, strict=True)).strip("\n").rstrip()


def test_fast_paragraphs_equal_markdown_it_wherever_they_answer() -> None:
    reach = Reach()

    @settings(max_examples=500, deadline=None, derandomize=True)
    @given(block_texts())
    def agree(text: str) -> None:
        fast = _fast_paragraphs(text)
        if reach.count(fast is not None):
            assert (fast, ()) == _parsed_blocks(text), text

    agree()
    assert reach.share >= 0.5, reach


def test_speaker_notes_in_plain_paragraphs_take_the_fast_path() -> None:
    text = "Welcome everyone.\nIntroduce **yourself**.\n\nThen walk through the *agenda*."
    assert _fast_paragraphs(text) is not None
    assert (_fast_paragraphs(text), ()) == _parsed_blocks(text)
    assert len(_fast_paragraphs(text) or ()) == 2
    notes = "Define the terms.\n- **Naloxone**: carry it\nand teach it.\n- Test strips\n\nThen ask."
    paras = _fast_paragraphs(notes)
    assert paras is not None and [p.level for p in paras] == [0, 1, 1, 0]
    assert (paras, ()) == _parsed_blocks(notes)
