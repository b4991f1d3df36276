"""The facilitator guide, as Markdown and as one printable HTML file."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from hrdeck.outputs.guide import agenda_rows, guide_html, guide_markdown, paras_html
from hrdeck.plan.build import build_plan
from hrdeck.plan.types import DeckPlan
from hrdeck.richtext import Para, Run
from hrdeck.tailor import tailor
from tests.factories import sample_curriculum


@pytest.fixture(scope="module")
def plan() -> DeckPlan:
    return build_plan(tailor(sample_curriculum(), "court"))


def test_agenda_rows_group_slides_by_module_with_clock_starts(plan: DeckPlan):
    rows = [(r.start, r.title, r.minutes) for r in agenda_rows(plan)]
    assert rows[:3] == [
        (0, "Harm Reduction and Mandated Clients", 2),
        (2, "Agenda", 1),
        (3, "Harm Reduction Myth", 10),
    ]
    assert ("Case: Anthony", 15) in [(title, minutes) for _, title, minutes in rows]
    assert sum(r.minutes for r in agenda_rows(plan)) == plan.total_minutes


def test_markdown_guide_has_heading_objectives_agenda_slides_questions_references(plan: DeckPlan):
    text = guide_markdown(plan)
    assert text.startswith("# Harm Reduction and Mandated Clients\n")
    assert "Facilitator guide · Court · 2026-11-01 · Sam Rivera, LCSW — Test Agency" in text
    order = [
        "## Learning objectives",
        "1. Describe 42 CFR Part 2",
        "## Agenda",
        "| 0:23 | Case: Anthony | 15 |",
        "| 0:42 | **Total** | 42 |",
        "## Slides",
        "### 3. Harm Reduction Myth #1 (5 min)",
        "\n## Discussion questions\n",
        "- What safety steps?",
        "## References",
        "Francis, T. (2015).",
    ]
    position = 0
    for part in order:  # each part is found after the previous one
        position = text.index(part, position)


def test_markdown_guide_shows_talking_points_and_notes_for_each_slide(plan: DeckPlan):
    text = guide_markdown(plan)
    strategies = text[text.index("### 5. Strategies") : text.index("### 6.")]
    assert "- Naloxone\n  - Nasal spray" in strategies
    assert "**Notes**" in strategies
    assert "Say why." in strategies


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"link", "script", "img", "iframe"}:
            self.external.append(tag)
        if tag not in {"meta", "br"}:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


def test_html_guide_is_well_nested_and_self_contained(plan: DeckPlan):
    parser = _Tags()
    parser.feed(guide_html(plan))
    assert parser.errors == []
    assert parser.stack == []
    assert parser.external == []


def test_html_guide_has_print_css_with_page_breaks_and_link_urls(plan: DeckPlan):
    html = guide_html(plan)
    print_css = html[html.index("@media print") :]
    assert "page-break-before: always" in print_css
    assert 'content: " <" attr(href) ">"' in print_css
    assert re.search(r"font: 11\.5pt/1\.45 Georgia", html)


def test_html_escapes_text_and_renders_runs_as_tags():
    paras = (Para((Run("<b>&"), Run("bold", bold=True), Run("site", link='https://x.org/?a="1"'))),)
    assert paras_html(paras, bullets=False) == (
        '<p>&lt;b&gt;&amp;<strong>bold</strong><a href="https://x.org/?a=&quot;1&quot;">site</a></p>'
    )


def test_html_nests_lists_by_level():
    paras = (Para((Run("intro"),)), Para((Run("a"),), 1), Para((Run("b"),), 2))
    assert paras_html(paras, bullets=False) == (
        "<p>intro</p>\n<ul>\n<li>a</li>\n<ul>\n<li>b</li>\n</ul>\n</ul>"
    )


def test_html_guide_contains_the_agenda_total_questions_and_links(plan: DeckPlan):
    html = guide_html(plan)
    assert '<tr class="total"><td>0:42</td><td>Total</td><td class="num">42</td></tr>' in html
    assert "<li>What would you share?</li>" in html
    assert '<a href="https://www.samhsa.gov">SAMHSA</a>' in html
    assert '<html lang="en-US">' in html
