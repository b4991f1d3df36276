"""Text that fits: font metrics, wrapping, sizes, continuation slides, diagnostics.

The plan measures text with the theme's font metrics against the boxes the renderer
derives from the template; what does not fit at 18 pt is split onto numbered
continuation slides, and every shrink or split is a located warning.  The
LibreOffice view of the same decks is in ``test_overflow_libreoffice.py``.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import hrdeck.textfit.metrics as metrics_module
from hrdeck.cli import cli
from hrdeck.curriculum.model import Curriculum
from hrdeck.curriculum.validate import validate_curriculum
from hrdeck.diagnostics import Diagnostic
from hrdeck.paths import builtin_curriculum
from hrdeck.plan.build import build_plan
from hrdeck.plan.fit import continued_title
from hrdeck.plan.types import DeckPlan
from hrdeck.render.design.cards import CARD_PAD, RULE_WIDTH
from hrdeck.render.probe import fit_rules, probe_rules
from hrdeck.richtext import Para, Run
from hrdeck.tailor import tailor
from hrdeck.textfit.measure import (
    DEFAULT_RULES,
    MIN_BODY_PT,
    LineMemo,
    TextArea,
    cut_para,
    fit_size,
    fits,
    paras_height,
    split_paras,
)
from hrdeck.textfit.metrics import Piece, line_breaks, load_table, metrics_for
from hrdeck.theme.load import load_theme
from tests.overflow import Page, Rect, TextBox, Word, overflow_findings

LONG = Path(__file__).parent / "fixtures" / "long"
CARLITO = Path("/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf")
CALIBRI, _ = metrics_for("Calibri")


def para(text: str, level: int = 0) -> Para:
    return Para((Run(text),), level)


def curriculum(root: Path) -> Curriculum:
    found, diagnostics = validate_curriculum(root, display_base=root)
    assert found is not None, "\n".join(d.format() for d in diagnostics)
    return found


@pytest.fixture(scope="module")
def long_plan() -> tuple[DeckPlan, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    plan = build_plan(tailor(curriculum(LONG), "trainers"), diagnostics)
    return plan, diagnostics


# --- metrics ---------------------------------------------------------------------------


@pytest.mark.skipif(not CARLITO.is_file(), reason="Carlito not installed")
def test_shipped_calibri_widths_are_carlitos_advance_widths() -> None:
    from fontTools.ttLib import TTFont

    font = TTFont(str(CARLITO))
    cmap, hmtx, upm = font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm
    text = "Harm reduction — “meets people” where they are…"
    expected = sum(hmtx[cmap[ord(c)]][0] for c in text) / upm * 20
    assert CALIBRI.width(text, 20) == pytest.approx(expected)


def test_bold_text_is_wider_and_arial_is_wider_than_calibri() -> None:
    arial, _ = metrics_for("Arial")
    text = "Naloxone reverses an opioid overdose"
    assert CALIBRI.width(text, 20, bold=True) > CALIBRI.width(text, 20)
    assert arial.width(text, 20) > CALIBRI.width(text, 20) * 1.05


@pytest.mark.parametrize(
    ("font", "family", "exact"),
    [
        ("Calibri", "Calibri", True),
        ("arial", "Arial", True),
        ("Liberation Sans", "Arial", True),
        ("Times New Roman", "Times New Roman", True),
        ("Fancy Serif Display", "Times New Roman", False),
        ("Agency Brand Sans", "Arial", False),
    ],
)
def test_unknown_fonts_use_the_closest_shipped_metrics(font: str, family: str, exact: bool) -> None:
    metrics, is_exact = metrics_for(font)
    assert (metrics.family, is_exact) == (family, exact)


def test_a_stand_in_is_wider_than_the_table_it_borrows() -> None:
    stand_in, _ = metrics_for("Agency Brand Sans")
    assert stand_in.width("abc", 10) > load_table("arial").width("abc", 10)


def test_characters_outside_the_tables_still_have_a_width() -> None:
    assert CALIBRI.width("Ωж", 10) > 0
    assert CALIBRI.width("漢", 10) == pytest.approx(10.0)  # wide characters: one em


# --- wrapping --------------------------------------------------------------------------


def lines(text: str, width: float, size: float = 20) -> int:
    return len(line_breaks([Piece(text)], CALIBRI, size, width, width))


def test_words_wrap_at_spaces() -> None:
    word = CALIBRI.width("aaaa", 20)
    space = CALIBRI.width(" ", 20)
    assert lines("aaaa aaaa", 2 * word + space + 0.1) == 1
    assert lines("aaaa aaaa", 2 * word + space - 0.1) == 2
    assert lines("", 100) == 1


def test_a_word_longer_than_the_line_breaks_between_characters() -> None:
    url = "https://example.org/" + "x" * 60
    width = CALIBRI.width(url, 20) / 2.5
    assert lines(url, width) == 3


def test_bullet_levels_narrow_the_line() -> None:
    area = TextArea(400, 300)
    text = "word " * 30
    top = paras_height([para(text, 0)], area, 20, CALIBRI)
    nested = paras_height([para(text, 3)], area, 20, CALIBRI)
    assert nested > top


def test_the_largest_size_that_fits_is_chosen() -> None:
    area = TextArea(864, 356)
    few = [para("Short point")] * 3
    many = [para("A longer point that takes most of a line at a large size")] * 9
    assert fit_size(few, area, (28, 24, 18), CALIBRI) == 28
    assert fit_size(many, area, (28, 24, 20, 18), CALIBRI) in (24, 20, 18)
    assert fit_size([para("x ")] * 60, area, (28, 18), CALIBRI) is None


def test_split_keeps_order_drops_nothing_and_every_chunk_fits() -> None:
    area = TextArea(600, 200)
    paras = [para(f"Point {n} " + "word " * 25) for n in range(9)]
    chunks = split_paras(paras, area, 20, CALIBRI)
    assert len(chunks) > 1
    assert [p for chunk in chunks for p in chunk] == paras
    assert all(paras_height(c, area, 20, CALIBRI) <= area.text_height for c in chunks)


def test_a_paragraph_taller_than_the_box_is_cut_between_words() -> None:
    area = TextArea(600, 120)
    long = para(" ".join(f"w{n}" for n in range(400)))
    chunks = split_paras([long], area, 20, CALIBRI)
    assert len(chunks) > 2
    words = " ".join(p.text for chunk in chunks for p in chunk).split()
    assert words == long.text.split()


def test_cutting_a_paragraph_keeps_run_formatting_and_level() -> None:
    source = Para((Run("one two "), Run("three four", bold=True), Run(" five")), 1)
    head, tail = cut_para(source, 3)
    assert head == Para((Run("one two "), Run("three", bold=True)), 1)
    assert tail == Para((Run("four", bold=True), Run(" five")), 1)


def test_a_zero_width_space_is_a_place_to_break_a_line() -> None:
    piece = "a" * 20
    width = CALIBRI.width(piece, 20) * 1.5
    assert lines("\u200b".join([piece] * 4), width) == 4
    assert lines(piece * 4, width) == 3  # without: broken between characters, line by line


def test_words_are_what_the_cut_counts_as_words() -> None:
    source = Para((Run("one\u200btwo\tthree  four\nfive"),))
    assert cut_para(source, 2) == (Para((Run("one\u200btwo"),)), Para((Run("three  four\nfive"),)))


def test_wrapping_can_stop_after_a_number_of_lines() -> None:
    text = " ".join(["word"] * 2000)
    width = CALIBRI.width("word " * 10, 20)
    full = line_breaks([Piece(text)], CALIBRI, 20, width, width)
    assert len(full) == 200
    assert line_breaks([Piece(text)], CALIBRI, 20, width, width, max_lines=5) == full[:6]


@pytest.mark.parametrize("words", [50, 400, 3000])
def test_fits_answers_as_the_full_height_would(words: int) -> None:
    area = TextArea(600, 200)
    paras = [para(" ".join(["harm"] * words)), para("one more")]
    for size in (28, 20, 18):
        full = paras_height(paras, area, size, CALIBRI) <= area.text_height
        assert fits(paras, area, size, CALIBRI) is full
        assert fits(paras, area, size, CALIBRI, LineMemo()) is full


def test_splitting_a_long_paragraph_measures_in_proportion_to_its_length(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Linear, counted in words measured (a timed test would only measure the machine)."""
    area = TextArea(864, 356)
    real = metrics_module._measure_word
    measured = [0]

    def counting(*args: Any) -> tuple[float, float]:
        measured[0] += 1
        return real(*args)

    monkeypatch.setattr(metrics_module, "_measure_word", counting)

    def words_measured(words: int) -> int:
        text = " ".join(f"w{n % 997}" for n in range(words))
        measured[0] = 0
        chunks = split_paras([para(text)], area, 18, CALIBRI, LineMemo())
        assert " ".join(p.text for c in chunks for p in c).split() == text.split()
        return measured[0]

    small, large = words_measured(2_000), words_measured(16_000)
    assert large <= 8 * small * 1.25  # 8 times the text, about 8 times the work
    assert large <= 4 * 16_000  # each word measured a few times, not once per chunk


def test_split_can_stop_once_it_has_more_chunks_than_asked() -> None:
    area = TextArea(600, 120)
    long = para(" ".join(f"w{n}" for n in range(2000)))
    every = split_paras([long], area, 20, CALIBRI)
    assert len(every) > 10
    assert split_paras([long], area, 20, CALIBRI, max_chunks=3) == every[:4]


# --- the table of boxes ----------------------------------------------------------------


def test_default_rules_are_what_the_renderer_derives_for_the_default_theme() -> None:
    derived = probe_rules(load_theme("default"))
    assert sorted(derived.areas) == sorted(DEFAULT_RULES.areas)
    for key, area in derived.areas.items():
        for name, value in dataclasses.asdict(area).items():
            expected = getattr(DEFAULT_RULES.areas[key], name)
            assert value == expected, (key, name)


@pytest.mark.parametrize(
    "changes",
    [{}, {"footer": "Eastside Outreach"}, {"slide_numbers": False}, {"slide_size": "4:3"}],
)
@pytest.mark.parametrize("name", ["default", "high-contrast"])
def test_rules_without_probe_slides_equal_the_probed_ones(
    name: str, changes: dict[str, object]
) -> None:
    theme = dataclasses.replace(load_theme(name), **changes)  # type: ignore[arg-type]
    assert fit_rules(theme) == probe_rules(theme)


def test_rules_follow_the_theme_fonts_and_the_myth_panel_insets() -> None:
    rules = fit_rules(load_theme("high-contrast"))
    assert (rules.body_font, rules.heading_font) == ("Arial", "Arial")
    assert rules.areas["myth/fact"].inset_left == pytest.approx(CARD_PAD + RULE_WIDTH)
    assert rules.areas["questions/body"].markers == "number"
    assert rules.areas["references/citation"].markers == "hanging"


# --- the long fixture ------------------------------------------------------------------


def test_long_content_is_split_onto_numbered_continuation_slides(long_plan) -> None:
    plan, _ = long_plan
    titles = [s.title for s in plan.slides]
    assert len(set(titles)) == len(titles)
    assert "Twenty-five bullets on one slide (cont., 3 of 3)" in titles
    assert "A long case: Anthony (cont.)" in titles
    assert sum(t.startswith("References") for t in titles) > 3


def test_split_slides_keep_every_bullet_in_order(long_plan) -> None:
    plan, _ = long_plan
    parts = [s for s in plan.slides if s.title.startswith("Twenty-five bullets")]
    texts = [p.text for s in parts for b in s.blocks_with("body") for p in b.paras]
    expected = [f"Point number {n}: a short reminder of one practical step" for n in range(1, 26)]
    assert texts == expected


def test_continuations_carry_a_note_and_share_the_minutes(long_plan) -> None:
    plan, _ = long_plan
    parts = [s for s in plan.slides if s.title.startswith("Twenty-five bullets")]
    assert "Go through these quickly" in " ".join(p.text for p in parts[0].notes)
    for part in parts[1:]:
        assert "Continued from the previous slide" in " ".join(p.text for p in part.notes)
        assert part.notes[0].text.startswith(("About", "Brief"))  # the timing line
    bullets_module = [s for s in plan.slides if s.module_id == "long-bullets"]
    assert sum(s.minutes or 0 for s in bullets_module) == 15


def test_myth_continuation_repeats_the_myth_beside_the_rest_of_the_fact(long_plan) -> None:
    plan, _ = long_plan
    first, second = (s for s in plan.slides if s.kind == "myth")
    assert first.block("myth") == dataclasses.replace(second.block("myth"))
    fact = " ".join(p.text for s in (first, second) for p in s.block("fact").paras)
    assert fact.count("Harm reduction meets people") == 5


def test_every_block_has_a_size_of_at_least_18_pt(long_plan) -> None:
    plan, _ = long_plan
    sizes = [b.size_pt for s in plan.slides for b in s.blocks if b.size_pt is not None]
    assert sizes and min(sizes) >= MIN_BODY_PT
    assert all(s.title_pt and s.title_pt >= 28 for s in plan.slides)


def test_shrinks_and_splits_are_warnings_at_the_yaml_that_caused_them(long_plan) -> None:
    _, diagnostics = long_plan
    found = {(d.code, Path(d.loc.file).name, d.loc.line) for d in diagnostics}
    assert ("text-split", "03-long-bullets.yaml", 39) in found  # the 25-bullet slide
    assert ("text-split", "04-myths.yaml", 6) in found  # the myth item
    assert ("text-split", "06-case.yaml", 2) in found
    assert ("text-shrunk", "03-long-bullets.yaml", 6) in found
    assert all(d.severity == "warning" for d in diagnostics if d.code.startswith("text-"))
    assert not any(Path(d.loc.file).name == "08-references.yaml" for d in diagnostics)


def test_continuation_titles_are_numbered() -> None:
    assert continued_title("References", 1, 2) == "References (cont.)"
    assert continued_title("References", 2, 4) == "References (cont., 3 of 4)"


@pytest.mark.parametrize("theme", ["default", "high-contrast"])
def test_the_built_in_curriculum_fits_without_warnings(theme: str) -> None:
    rules = fit_rules(load_theme(theme))
    root = builtin_curriculum()
    for audience in ("court", "clinician", "peer"):
        diagnostics: list[Diagnostic] = []
        plan = build_plan(tailor(curriculum(root), audience), diagnostics, rules)
        fitting = [d.format() for d in diagnostics if d.code.startswith(("text-", "title-"))]
        assert fitting == [], audience
        titles = [s.title for s in plan.slides]
        assert len(set(titles)) == len(titles)


def test_strict_build_of_long_content_fails_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(LONG), "--out", str(out), "--strict"])
    assert result.exit_code == 1
    assert "warning[text-split]" in result.output
    assert not out.exists() or not any(out.iterdir())


def test_long_content_builds_without_strict(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(LONG), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "long-content-trainers.pptx").is_file()


# --- the overflow checker itself -------------------------------------------------------


def _page(*words: Word) -> Page:
    return Page(960, 540, words)


BODY = TextBox("Content Placeholder 2", "Hello,world", Rect(36, 126, 900, 482))
NUMBER = TextBox("Slide Number 3", "7", Rect(700, 500, 920, 530))


def test_overflow_checker_accepts_words_inside_their_box() -> None:
    page = _page(Word("Hello,", Rect(40, 130, 80, 150)), Word("7", Rect(900, 505, 910, 525)))
    assert overflow_findings([page], [[BODY, NUMBER]]) == []


def test_overflow_checker_reports_text_below_its_box_off_the_page_and_over_the_footer() -> None:
    below = Word("world", Rect(40, 490, 90, 510))
    off = Word("world", Rect(940, 100, 990, 120))
    tall = TextBox("Content Placeholder 2", "Hello,world", Rect(36, 126, 900, 530))
    pages = [_page(below), _page(off), _page(below)]
    findings = overflow_findings(pages, [[BODY, NUMBER], [BODY, NUMBER], [tall, NUMBER]])
    assert any("slide 1" in f and "outside its box" in f for f in findings)
    assert any("slide 2" in f and "off the page" in f for f in findings)
    assert any("slide 3" in f and "footer" in f for f in findings)


def test_a_short_two_column_slide_keeps_its_own_size_beside_a_long_one() -> None:
    """Roles (twelve lines) need 20 pt; team goals (seven short lines), in another module
    of the same part, keep a larger size instead of being pulled down to match."""
    from hrdeck.paths import builtin_curriculum
    from hrdeck.pipeline import BuildRequest, plan_for

    plan, _ = plan_for(BuildRequest(builtin_curriculum(), "court"))
    sizes = {s.title: {b.size_pt for b in s.blocks} for s in plan.slides if s.kind == "comparison"}
    assert sizes["Who plays what role"] == {20}
    (goals,) = sizes["Treatment team goals"]
    assert goals is not None and goals > 20
