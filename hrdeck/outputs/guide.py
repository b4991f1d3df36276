"""The facilitator guide, written from a deck plan, as Markdown or one HTML file.

Both forms carry the same parts, in order: a heading (course, audience, date,
presenter), the learning objectives, an agenda table with clock start times and the
total, then every slide (number, title, minutes, its content as talking points and
its notes), the case discussion questions and the references.  The HTML file is
self-contained (embedded CSS, no external assets) and prints well: serif 11.5pt,
page breaks between parts, and on paper the address after each web link whose text
does not already show it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from html import escape

from hrdeck.outputs.markdown import escape_markdown, paras_markdown, runs_markdown
from hrdeck.outputs.outline import minutes_text
from hrdeck.plan.timing import clock
from hrdeck.plan.types import DeckPlan, SlidePlan
from hrdeck.richtext import Para, Run


@dataclass(frozen=True)
class GuideRow:
    start: float
    title: str
    minutes: float
    clock: str = ""  # the start as printed: "0:12", or "13:42" with a start time


def agenda_rows(plan: DeckPlan) -> list[GuideRow]:
    """One row per module or break, with its start time.

    A planned deck has its session's schedule (clock times as the notes give them);
    another plan gets one row per run of slides of one module, timed from 0:00.
    """
    if plan.session is not None:
        return [
            GuideRow(row.start, row.title, row.minutes, row.clock_start)
            for row in plan.session.schedule
        ]
    rows: list[GuideRow] = []
    module, start = None, 0.0
    for slide in plan.slides:
        minutes = slide.minutes or 0
        if slide.module_id == module and rows:
            last = rows[-1]
            rows[-1] = GuideRow(last.start, last.title, last.minutes + minutes, last.clock)
        else:
            rows.append(GuideRow(start, slide.module_title or slide.title, minutes, clock(start)))
        module = slide.module_id
        start += minutes
    return rows


REFERENCES_NOTE = "The full reference list is at the end of this guide."
REFERENCE_KINDS = ("references", "sources")  # slides the list at the end stands for


def _guide_slides(plan: DeckPlan) -> list[tuple[int, SlidePlan]]:
    """The slides the guide walks through, numbered as in the deck: a slide continued
    on more slides ("Resources (cont.)") once, with the blocks of all its parts; the
    continuations of a reference list not at all (the list is printed once, at the end)."""
    shown: list[tuple[int, SlidePlan]] = []
    for number, slide in enumerate(plan.slides, start=1):
        if shown and _continues(shown[-1][1], slide):
            if slide.kind not in REFERENCE_KINDS:
                first = shown[-1][1]
                whole = dataclasses.replace(first, blocks=first.blocks + slide.blocks)
                shown[-1] = (shown[-1][0], whole)
            continue
        shown.append((number, slide))
    return shown


def _continues(first: SlidePlan, slide: SlidePlan) -> bool:
    """Whether `slide` is a later part of `first` (same module and kind, its title
    with "(cont." after the first's)."""
    return (
        slide.kind == first.kind
        and slide.module_id == first.module_id
        and slide.title.startswith(f"{first.title} (cont.")
    )


def _end_clock(plan: DeckPlan) -> str:
    """When the session ends: the last row's end with a start time, else its length."""
    if plan.session is not None and plan.session.schedule:
        return plan.session.schedule[-1].clock_end
    return clock(plan.total_minutes)


def _contact_line(plan: DeckPlan) -> str:
    """'Contact time: 119 minutes (1.75 hours), the agenda without its 10 minutes of breaks.'"""
    session = plan.session
    if session is None or not session.break_minutes:
        return ""
    return (
        f"Contact time: {session.contact_minutes:g} minutes ({session.contact_hours:g} hours), "
        f"the agenda without its {session.break_minutes:g} minutes of breaks."
    )


def _questions(plan: DeckPlan) -> list[tuple[SlidePlan, tuple[Para, ...]]]:
    return [(s, b.paras) for s in plan.slides if s.kind == "questions" for b in s.blocks]


def _references(plan: DeckPlan) -> tuple[Para, ...]:
    """The full list of what the session cites (the deck shows a short Sources slide)."""
    if plan.references:
        return plan.references
    return tuple(p for s in plan.slides for b in s.blocks_with("citation") for p in b.paras)


def _subtitle(plan: DeckPlan) -> str:
    return f"Facilitator guide · {plan.audience_label} · {plan.date} · {plan.presenter}"


# --- Markdown --------------------------------------------------------------------------


def _slide_md(number: int, slide: SlidePlan) -> list[str]:
    lines = [f"### {number}. {escape_markdown(slide.title)} ({minutes_text(slide.minutes)})", ""]
    if slide.subtitle:
        lines += [f"*{escape_markdown(slide.subtitle)}*", ""]
    if slide.kind in REFERENCE_KINDS:
        return [*lines, REFERENCES_NOTE, ""]
    for block in slide.blocks:
        if block.heading:
            lines += [f"**{escape_markdown(block.heading)}**", ""]
        lines += [*paras_markdown(block.paras), ""]
    if slide.image:
        lines += [f"*Image:* {escape_markdown(slide.image.alt)}", ""]
    if slide.diagram:
        lines += [f"*Diagram:* {escape_markdown(slide.diagram.alt)}", ""]
    if slide.notes:
        lines += ["**Notes**", "", *paras_markdown(slide.notes, bullets=False), ""]
    return lines


def guide_markdown(plan: DeckPlan) -> str:
    """The facilitator guide as Markdown."""
    lines = [f"# {escape_markdown(plan.course_title)}", "", escape_markdown(_subtitle(plan)), ""]
    if plan.objectives:
        lines += ["## Learning objectives", ""]
        lines += [f"{n}. {escape_markdown(o)}" for n, o in enumerate(plan.objectives, 1)] + [""]
    lines += ["## Agenda", "", "| Start | Part | Minutes |", "| --- | --- | ---: |"]
    for row in agenda_rows(plan):
        lines.append(f"| {row.clock} | {escape_markdown(row.title)} | {row.minutes:g} |")
    lines += [f"| {_end_clock(plan)} | **Total** | {plan.total_minutes:g} |", ""]
    if _contact_line(plan):
        lines += [_contact_line(plan), ""]
    lines += ["## Slides", ""]
    for number, slide in _guide_slides(plan):
        lines += _slide_md(number, slide)
    for slide, paras in _questions(plan):
        lines += [f"## {escape_markdown(slide.title)}", "", *paras_markdown(paras), ""]
    references = _references(plan)
    if references:
        lines += ["## References", ""]
        lines += [line for p in references for line in (runs_markdown(p.runs), "")]
    return "\n".join(lines).rstrip() + "\n"


# --- HTML ------------------------------------------------------------------------------

CSS = """
body { font: 11.5pt/1.45 Georgia, "Times New Roman", serif; max-width: 46em;
       margin: 2em auto; padding: 0 1em; color: #1a1a1a; }
h1, h2, h3 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.2; }
h1 { font-size: 20pt; margin-bottom: 0.2em; }
h2 { font-size: 15pt; border-bottom: 1px solid #999; padding-bottom: 0.2em; margin-top: 2em; }
h3 { font-size: 12.5pt; margin: 1.6em 0 0.4em; }
.meta { color: #444; margin-top: 0; }
.minutes { font-weight: normal; color: #555; }
.label { font-weight: bold; margin: 0.6em 0 0.2em; }
ul { margin: 0.2em 0 0.6em; padding-left: 1.4em; }
.notes { background: #f4f4f0; border-left: 3px solid #888; padding: 0.4em 0.9em; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ccc; padding: 0.25em 0.5em; text-align: left; }
td.num, th.num { text-align: right; }
tr.total td { font-weight: bold; border-top: 2px solid #333; }
code { font-family: Menlo, Consolas, monospace; font-size: 0.92em; }
.refs p { padding-left: 2em; text-indent: -2em; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { page-break-before: always; break-before: page; }
  h2.first { page-break-before: avoid; break-before: avoid; }
  h3, .label { page-break-after: avoid; break-after: avoid; }
  section.slide { page-break-inside: avoid; break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a.show-url::after { content: " <" attr(href) ">"; font-size: 0.85em; word-break: break-all; }
}
"""


def run_html(run: Run) -> str:
    text = escape(run.text)
    if run.code:
        text = f"<code>{text}</code>"
    if run.italic:
        text = f"<em>{text}</em>"
    if run.bold:
        text = f"<strong>{text}</strong>"
    if run.link:
        shown = ' class="show-url"' if _address_hidden(run) else ""
        text = f'<a href="{escape(run.link)}"{shown}>{text}</a>'
    return text


def _address_hidden(run: Run) -> bool:
    """Whether paper would lose a web link's address: its text does not already show it.

    Printing adds the address after such links only; an e-mail link's text is its
    address, and a link written as its own URL (most references) is shown once.
    """
    link = run.link or ""
    if not link.startswith(("http://", "https://")):
        return False
    bare = link.split("://", 1)[1].removeprefix("www.").rstrip("/")
    return bare.casefold() not in run.text.casefold()


def runs_html(runs: tuple[Run, ...]) -> str:
    return "".join(run_html(run) for run in runs)


def paras_html(paras: tuple[Para, ...], bullets: bool = True) -> str:
    """Level-0 paragraphs as <p> (unless ``bullets``), the rest as nested <ul> lists."""
    out: list[str] = []
    depth = 0
    for para in paras:
        want = para.level + (1 if bullets else 0)
        while depth < want:
            out.append("<ul>")
            depth += 1
        while depth > want:
            out.append("</ul>")
            depth -= 1
        tag = "li" if depth else "p"
        out.append(f"<{tag}>{runs_html(para.runs)}</{tag}>")
    out += ["</ul>"] * depth
    return "\n".join(out)


def _slide_html(number: int, slide: SlidePlan) -> str:
    minutes = f' <span class="minutes">({escape(minutes_text(slide.minutes))})</span>'
    parts = [f'<section class="slide"><h3>{number}. {escape(slide.title)}{minutes}</h3>']
    if slide.subtitle:
        parts.append(f"<p><em>{escape(slide.subtitle)}</em></p>")
    if slide.kind in REFERENCE_KINDS:
        return "\n".join([*parts, f"<p>{escape(REFERENCES_NOTE)}</p>", "</section>"])
    for block in slide.blocks:
        if block.heading:
            parts.append(f'<p class="label">{escape(block.heading)}</p>')
        parts.append(paras_html(block.paras))
    if slide.image:
        parts.append(f"<p><em>Image:</em> {escape(slide.image.alt)}</p>")
    if slide.diagram:
        parts.append(f"<p><em>Diagram:</em> {escape(slide.diagram.alt)}</p>")
    if slide.notes:
        notes = paras_html(slide.notes, bullets=False)
        parts.append(f'<div class="notes"><p class="label">Notes</p>\n{notes}</div>')
    return "\n".join([*parts, "</section>"])


def _agenda_html(plan: DeckPlan) -> str:
    rows = [
        f'<tr><td>{r.clock}</td><td>{escape(r.title)}</td><td class="num">{r.minutes:g}</td></tr>'
        for r in agenda_rows(plan)
    ]
    total = (
        f'<tr class="total"><td>{_end_clock(plan)}</td><td>Total</td>'
        f'<td class="num">{plan.total_minutes:g}</td></tr>'
    )
    head = '<tr><th>Start</th><th>Part</th><th class="num">Minutes</th></tr>'
    contact = [f"<p>{escape(_contact_line(plan))}</p>"] if _contact_line(plan) else []
    return "\n".join(["<table>", head, *rows, total, "</table>", *contact])


def guide_html(plan: DeckPlan) -> str:
    """The facilitator guide as one self-contained, printable HTML file."""
    body = [
        f"<h1>{escape(plan.course_title)}</h1>",
        f'<p class="meta">{escape(_subtitle(plan))}</p>',
    ]
    if plan.objectives:
        items = "".join(f"<li>{escape(o)}</li>" for o in plan.objectives)
        body += ['<h2 class="first">Learning objectives</h2>', f"<ol>{items}</ol>"]
    agenda = "<h2>Agenda</h2>" if plan.objectives else '<h2 class="first">Agenda</h2>'
    body += [agenda, _agenda_html(plan), "<h2>Slides</h2>"]
    body += [_slide_html(n, s) for n, s in _guide_slides(plan)]
    for slide, paras in _questions(plan):
        body += [f"<h2>{escape(slide.title)}</h2>", paras_html(paras)]
    references = _references(plan)
    if references:
        refs = "\n".join(f"<p>{runs_html(p.runs)}</p>" for p in references)
        body += ["<h2>References</h2>", f'<div class="refs">{refs}</div>']
    title = escape(f"{plan.course_title} — facilitator guide ({plan.audience_label})")
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(plan.language)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
