"""Text accessibility checks: size, language, colour contrast and link text.

Every text run of a slide is visited with its effective style: sizes and colours
are resolved through the inheritance chain in :mod:`hrdeck.a11y.style`
(explicit values always; placeholder, layout, master and theme values when the
XML allows).  Findings are reported once per shape (size, contrast) or once per
slide (language), so a long slide does not bury the summary.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from hrdeck.a11y.structure import A11yFinding, SlideView, is_chrome, shape_name
from hrdeck.a11y.style import NS, TRANSPARENT, Element, TextChain, fill_colour
from hrdeck.theme.contrast import AA_BODY, AA_LARGE, contrast_ratio, format_ratio

MIN_BODY_PT = 18.0
# Large text for WCAG contrast (3:1 instead of 4.5:1), as set for hrdeck decks.
LARGE_PT = 24.0
LARGE_BOLD_PT = 18.67
LONG_URL = 40
_URL = re.compile(r"(?i)^(https?://|www\.)\S+$")
_WORD = re.compile(r"[^\W\d_]{2,}")  # a word of two or more letters
CONTEXT_WORDS = 4  # words around a bare address that tell what it is (a citation has many)
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@dataclass(frozen=True)
class StyledRun:
    """One text run with the shape it belongs to and its inherited defaults."""

    element: Element
    rpr: Element | None
    chain: TextChain
    shape: Element  # the top-level (or grouped) shape, or the table's graphic frame
    cell: Element | None  # the table cell, when in a table
    font_scale: float

    @property
    def text(self) -> str:
        t = self.element.find("a:t", NS)
        return "" if t is None or t.text is None else str(t.text)


def _bodies(shape_el: Element) -> Iterator[tuple[Element, Element, Element | None]]:
    """(shape, txBody, table cell or None) for a shape, its group members, its table."""
    local = shape_el.tag.rsplit("}", 1)[-1]
    if local == "grpSp":
        for child in shape_el.iterchildren():
            yield from _bodies(child)
    elif local == "sp" and not is_chrome(shape_el):
        body = shape_el.find("p:txBody", NS)
        if body is not None:
            yield shape_el, body, None
    elif local == "graphicFrame":
        for cell in shape_el.iterfind(".//a:tc", NS):
            body = cell.find("a:txBody", NS)
            if body is not None:
                yield shape_el, body, cell


def slide_runs(ctx: SlideView) -> Iterator[StyledRun]:
    """Every run with visible text on a slide (date, footer, number placeholders aside)."""
    for top in ctx.tree.iterchildren():
        for shape_el, body, cell in _bodies(top):
            autofit = body.find("a:bodyPr/a:normAutofit", NS)
            scale = int(autofit.get("fontScale", "100000")) / 100000 if autofit is not None else 1
            for para in body.iterfind("a:p", NS):
                chain = ctx.style.defrpr_chain(shape_el, para, in_table=cell is not None)
                for el in para:
                    if el.tag.rsplit("}", 1)[-1] in ("r", "fld"):
                        run = StyledRun(el, el.find("a:rPr", NS), chain, shape_el, cell, scale)
                        if run.text.strip():
                            yield run


def run_size(ctx: SlideView, run: StyledRun) -> float | None:
    """Effective size in points, after autofit shrinking; None when unknown."""
    size = ctx.style.run_attr(run.rpr, run.chain, "sz")
    return None if size is None else int(size) / 100 * run.font_scale


def _by_shape(runs: Iterator[StyledRun]) -> dict[int, list[StyledRun]]:
    groups: dict[int, list[StyledRun]] = {}
    for run in runs:
        groups.setdefault(id(run.shape), []).append(run)
    return groups


def check_small_text(ctx: SlideView) -> list[A11yFinding]:
    findings = []
    for runs in _by_shape(slide_runs(ctx)).values():
        sizes = [s for s in (run_size(ctx, r) for r in runs) if s is not None]
        if sizes and min(sizes) < MIN_BODY_PT:
            message = f"text as small as {min(sizes):g} pt; use {MIN_BODY_PT:g} pt or more"
            if runs[0].font_scale < 1:
                message += f" (autofit shrinks it to {runs[0].font_scale:.0%})"
            findings.append(
                A11yFinding(ctx.number, "small-text", message, shape_name(runs[0].shape))
            )
    return findings


def _primary(lang: str) -> str:
    return lang.split("-")[0].casefold()


def dominant_language(contexts: list[SlideView]) -> str | None:
    """The most common run language in the deck (ties: alphabetical), if any is set."""
    counts: Counter[str] = Counter()
    for ctx in contexts:
        for run in slide_runs(ctx):
            if run.rpr is not None and run.rpr.get("lang"):
                counts[str(run.rpr.get("lang"))] += 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ranked[0][0] if ranked else None


def check_language(ctx: SlideView, dominant: str | None) -> list[A11yFinding]:
    missing, other = 0, Counter[str]()
    for run in slide_runs(ctx):
        lang = None if run.rpr is None else run.rpr.get("lang")
        if not lang:
            missing += 1
        elif dominant and _primary(str(lang)) != _primary(dominant):
            other[str(lang)] += 1
    findings = []
    if missing:
        message = f"{missing} text run{'s' * (missing != 1)} without a language; set one"
        findings.append(A11yFinding(ctx.number, "missing-language", message))
    if other:
        tags = ", ".join(sorted(other))
        count = sum(other.values())
        message = f"{count} text run{'s' * (count != 1)} in {tags}, not the deck's {dominant}"
        findings.append(A11yFinding(ctx.number, "missing-language", message, None, "warning"))
    return findings


def _contains(outer: Any, inner: Any) -> bool:
    if None in (outer.left, outer.top, outer.width, outer.height, inner.left, inner.top):
        return False
    cx = inner.left + (inner.width or 0) // 2
    cy = inner.top + (inner.height or 0) // 2
    return bool(
        outer.left <= cx <= outer.left + outer.width and outer.top <= cy <= outer.top + outer.height
    )


def _backdrop(ctx: SlideView, shape_el: Element) -> str | None:
    """What is behind a transparent shape: a filled shape under it, else the slide."""
    shapes = list(ctx.slide.shapes)
    target = next((s for s in shapes if s._element is shape_el), None)
    if target is not None:
        below = shapes[: shapes.index(target)]
        for under in reversed(below):
            fill = ctx.style.shape_fill(under._element)
            if fill not in (None, TRANSPARENT) and _contains(under, target):
                return fill
    return ctx.style.background()


def _background(ctx: SlideView, run: StyledRun) -> str | None:
    if run.cell is not None:
        return fill_colour(run.cell.find("a:tcPr", NS), ctx.style.theme)
    fill = ctx.style.shape_fill(run.shape)
    return _backdrop(ctx, run.shape) if fill == TRANSPARENT else fill


def _run_colour(ctx: SlideView, run: StyledRun) -> str | None:
    if run.cell is not None:  # table styles are not resolved: explicit colours only
        has_colour = run.rpr is not None and run.rpr.find("a:solidFill", NS) is not None
        return fill_colour(run.rpr, ctx.style.theme) if has_colour else None
    return ctx.style.run_colour(run.rpr, run.chain, run.shape)


def required_ratio(size_pt: float | None, bold: bool) -> float:
    """4.5:1, or 3:1 for large text (24 pt, or bold 18.67 pt); unknown size is small."""
    size = size_pt or 0.0
    large = size >= LARGE_PT or (bold and size >= LARGE_BOLD_PT)
    return AA_LARGE if large else AA_BODY


def _shortfall(ctx: SlideView, run: StyledRun) -> tuple[float, float, str, str] | None:
    """(ratio, required, text colour, background) when a run fails, else None."""
    colour, background = _run_colour(ctx, run), _background(ctx, run)
    if not colour or not background or background == TRANSPARENT:
        return None
    bold = ctx.style.run_attr(run.rpr, run.chain, "b") in ("1", "true")
    need = required_ratio(run_size(ctx, run), bold)
    ratio = contrast_ratio(colour, background)
    return (ratio, need, colour, background) if ratio < need else None


def check_contrast(ctx: SlideView) -> list[A11yFinding]:
    findings = []
    for runs in _by_shape(slide_runs(ctx)).values():
        failures = [f for f in (_shortfall(ctx, r) for r in runs) if f is not None]
        if not failures:
            continue
        ratio, need, colour, background = min(failures)
        message = (
            f"text #{colour} on #{background} has contrast {format_ratio(ratio, need)}, "
            f"below {need:g}:1"
        )
        findings.append(A11yFinding(ctx.number, "low-contrast", message, shape_name(runs[0].shape)))
    return findings


def _link_texts(ctx: SlideView) -> Iterator[tuple[str, Element, Element]]:
    """(text, shape, paragraph) of each hyperlink: adjacent runs with the same target joined."""
    current_id, text, para = None, "", None
    shape: Element | None = None
    for run in slide_runs(ctx):
        click = None if run.rpr is None else run.rpr.find("a:hlinkClick", NS)
        rid = None if click is None else click.get(_R_ID)
        run_para = run.element.getparent()
        if rid != current_id or run.shape is not shape or run_para is not para:
            if current_id and shape is not None and para is not None:
                yield text, shape, para
            current_id, text, shape, para = rid, "", run.shape, run_para
        text += run.text
    if current_id and shape is not None and para is not None:
        yield text, shape, para


def _paragraph_text(para: Element) -> str:
    return "".join(t.text or "" for t in para.iterfind(".//a:t", NS))


def described_by_context(link: str, para: Element) -> bool:
    """True when the link's paragraph says what it points to, as a citation does.

    WCAG 2.4.4 (Link Purpose, In Context) accepts a link whose purpose is clear from
    its enclosing paragraph.  A reference list entry in APA style ends with its DOI or
    URL as a bare address: the authors, year and title before it describe it, and
    replacing the address with words would hide the very thing a reader copies.
    """
    rest = _paragraph_text(para).replace(link, " ")
    return len(_WORD.findall(rest)) >= CONTEXT_WORDS


def check_links(ctx: SlideView) -> list[A11yFinding]:
    findings = []
    for text, shape_el, para in _link_texts(ctx):
        link = text.strip()
        if _URL.match(link) and len(link) > LONG_URL and not described_by_context(link, para):
            message = f"link text is a bare web address ({link[:30]}…); use descriptive text"
            findings.append(
                A11yFinding(ctx.number, "link-text", message, shape_name(shape_el), "warning")
            )
    return findings
