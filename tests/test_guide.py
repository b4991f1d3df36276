"""The facilitator guide, as Markdown and as one printable HTML file."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from hrdeck.outputs.guide import CSS, agenda_rows, guide_html, guide_markdown, paras_html, run_html
from hrdeck.paths import builtin_curriculum
from hrdeck.pipeline import load_valid, plan_audience
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
        "### 3. It keeps people alive (5 min)",
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
        "<p>&lt;b&gt;&amp;<strong>bold</strong>"
        '<a href="https://x.org/?a=&quot;1&quot;" class="show-url">site</a></p>'
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
    # a resource: its name, then its address as a link whose text is the address
    assert "<li><strong>SAMHSA</strong></li>" in html
    assert '<li><a href="https://www.samhsa.gov">samhsa.gov</a></li>' in html
    assert '<html lang="en-US">' in html


@pytest.mark.parametrize(
    ("text", "link", "printed"),
    [
        ("SAMHSA", "https://www.samhsa.gov", True),
        ("https://doi.org/10.1/x", "https://doi.org/10.1/x", False),
        ("samhsa.gov/find-help", "https://www.samhsa.gov/find-help/", False),
        ("sam@example.org", "mailto:sam@example.org", False),
    ],
)
def test_print_shows_a_link_address_only_where_its_text_does_not(
    text: str, link: str, printed: bool
) -> None:
    html = run_html(Run(text, link=link))
    assert ('class="show-url"' in html) is printed
    assert "a.show-url::after" in CSS and 'a[href^="mailto"]' not in CSS


def test_the_guide_prints_each_address_once_and_the_reference_list_once() -> None:
    curriculum, _ = load_valid(builtin_curriculum())
    plan = plan_audience(curriculum, "court").plan
    html = guide_html(plan)
    assert "(cont." not in html  # continuation slides of the list are not walked through
    body = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    printed = re.findall(r'<a href="([^"]+)"( class="show-url")?>(.*?)</a>', body)
    assert printed
    for href, shown, text in printed:
        visible = text + (f" <{href}>" if shown else "")
        assert visible.count(href.split("://")[-1].rstrip("/")) <= 1 or not shown, href
    slides_part, _, references_part = body.partition("<h2>References</h2>")
    assert "Binswanger" in references_part and "Binswanger, I. A." not in slides_part
    assert slides_part.count("The full reference list is at the end of this guide.") == 1
