"""Checks of a template's layouts that render nothing: overlaps, edges, sizes, contrast.

Each finding is a :class:`~hrdeck.template.problems.Problem` naming the master and
layout (and the layout's part) and saying what to change.  What text would overlap,
run off the slide, not fit 18 pt or be hard to read is an ``error``; the same for the
date, footer and slide-number placeholders, a text box half on a band, and a
background whose colour cannot be known are ``warning``s.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

from hrdeck.template.backdrop import backdrop
from hrdeck.template.colors import contrast_ratio, nearest_passing
from hrdeck.template.model import EMU_PER_PT, Layout, Placeholder, Template
from hrdeck.template.problems import Problem, Severity

MIN_OVERLAP = 0.05  # of the smaller box; less is a shared edge, not an overlap
EDGE_TOLERANCE = 0.01  # of the slide's width or height
BODY_PT = 18
LINE_HEIGHT = 1.2
CHAR_WIDTH = 0.5  # of the font size, an average character
MIN_CHARACTERS = 15
CONTENT_SHARE = 0.08  # of the slide: a text box this large holds content (2 lines), not a head
INSETS = (91440 * 2, 45720 * 2)  # PowerPoint's default left+right and top+bottom insets
TITLE_RATIO = 3.0  # WCAG large text (titles are 24 pt or more)
BODY_RATIO = 4.5
MIN_EVEN = 0.75  # share of a text box that should sit on one colour
MASTER_VIEW = (
    "edit it in the slide master (PowerPoint: View > Slide Master; "
    "LibreOffice: View > Master Slide)"
)


def check_geometry(
    template: Template, only: Iterable[tuple[int, str]] | None = None, chrome: bool = True
) -> list[Problem]:
    """Every finding for the layouts ``only`` names ((master, layout name)), or all.

    ``chrome=False`` leaves out what concerns the date, footer and slide-number
    placeholders' own text (their overlaps and colours): for a caller that places and
    colours that text itself.
    """
    wanted = set(only) if only is not None else None
    found: list[Problem] = []
    for layout in template.layouts():
        if wanted is None or (layout.master, layout.name) in wanted:
            found += check_layout(template, layout, chrome)
    return found


def check_layout(template: Template, layout: Layout, chrome: bool = True) -> list[Problem]:
    return [
        *overlaps(layout, chrome),
        *duplicate_indices(layout),
        *off_slide(template, layout),
        *small_text_areas(template, layout),
        *contrast(template, layout, chrome),
    ]


def _problem(layout: Layout, severity: Severity, code: str, message: str, hint: str) -> Problem:
    where = f"layout {layout.name!r} of master {layout.master}: "
    return Problem(
        severity, code, layout.part, where + message, hint, 0, layout.master, layout.name
    )


def _label(placeholder: Placeholder) -> str:
    return f"{placeholder.name!r} ({placeholder.type})"


def _severity(*placeholders: Placeholder) -> Severity:
    return "warning" if any(p.is_chrome for p in placeholders) else "error"


def overlaps(layout: Layout, chrome: bool = True) -> list[Problem]:
    """Placeholders drawn over each other (date, footer and number among themselves aside;
    with ``chrome=False``, those three aside altogether)."""
    found = []
    placed = [p for p in layout.placeholders if p.box is not None and (chrome or not p.is_chrome)]
    for first, second in combinations(placed, 2):
        assert first.box is not None and second.box is not None
        if first.is_chrome and second.is_chrome:
            continue
        smaller = min(first.box.area, second.box.area) or 1
        share = first.box.overlap(second.box) / smaller
        if share > MIN_OVERLAP:
            message = (
                f"placeholders {_label(first)} and {_label(second)} overlap "
                f"({share:.0%} of the smaller); their text would be drawn over each other"
            )
            hint = f"move or shrink one of them: {MASTER_VIEW}"
            found.append(_problem(layout, _severity(first, second), "overlap", message, hint))
    return found


def duplicate_indices(layout: Layout) -> list[Problem]:
    """Two placeholders with one idx: tools that match by idx put both in one place."""
    seen: dict[int, Placeholder] = {}
    found = []
    for placeholder in layout.placeholders:
        if placeholder.idx is None:
            continue
        other = seen.setdefault(placeholder.idx, placeholder)
        if other is not placeholder:
            pair = f"{_label(other)} and {_label(placeholder)}"
            message = f"placeholders {pair} share idx {placeholder.idx}"
            hint = "hrdeck matches them by type and position; other tools may not"
            found.append(_problem(layout, "warning", "duplicate-idx", message, hint))
    return found


def off_slide(template: Template, layout: Layout) -> list[Problem]:
    """Placeholders that reach beyond an edge of the slide."""
    found = []
    tolerance_x = template.width * EDGE_TOLERANCE
    tolerance_y = template.height * EDGE_TOLERANCE
    for placeholder in layout.placeholders:
        box = placeholder.box
        if box is None:
            continue
        edges = [
            ("left", -box.x, tolerance_x),
            ("top", -box.y, tolerance_y),
            ("right", box.right - template.width, tolerance_x),
            ("bottom", box.bottom - template.height, tolerance_y),
        ]
        beyond = [(edge, emu) for edge, emu, tolerance in edges if emu > tolerance]
        for edge, emu in beyond:
            message = f"{_label(placeholder)} reaches {emu / 914400:.2f} in beyond the {edge} edge"
            hint = f"bring it inside the slide: {MASTER_VIEW}"
            found.append(_problem(layout, _severity(placeholder), "off-slide", message, hint))
    return found


def small_text_areas(template: Template, layout: Layout) -> list[Problem]:
    """Text placeholders too small for 18 pt text: 2 lines in a content-sized box, else 1."""
    found = []
    line = BODY_PT * LINE_HEIGHT * EMU_PER_PT
    min_width = MIN_CHARACTERS * BODY_PT * CHAR_WIDTH * EMU_PER_PT + INSETS[0]
    for placeholder in layout.placeholders:
        box = placeholder.box
        if box is None or not (placeholder.is_title or placeholder.is_text):
            continue
        length, across = (box.cx, box.cy) if placeholder.vertical else (box.cy, box.cx)
        content_sized = box.area >= CONTENT_SHARE * template.slide_box.area
        lines = 2 if placeholder.is_text and content_sized else 1
        if length >= lines * line + INSETS[1] and across >= min_width:
            continue
        message = (
            f"{_label(placeholder)} is {box.inches()}, too small for {lines} line(s) of "
            f"{MIN_CHARACTERS} characters at {BODY_PT} pt"
        )
        hint = f"make it larger: {MASTER_VIEW}"
        found.append(_problem(layout, "error", "small-text-area", message, hint))
    return found


def contrast(template: Template, layout: Layout, chrome: bool = True) -> list[Problem]:
    """Text colour against what each text placeholder sits on (WCAG 2 contrast)."""
    found = []
    for placeholder in layout.placeholders:
        if placeholder.box is None or placeholder.text_color is None:
            continue
        if not (placeholder.is_title or placeholder.is_text or (chrome and placeholder.is_chrome)):
            continue
        found += _contrast_of(template, layout, placeholder)
    return found


def _contrast_of(template: Template, layout: Layout, placeholder: Placeholder) -> list[Problem]:
    assert placeholder.box is not None and placeholder.text_color is not None
    behind = backdrop(layout, placeholder.box, template.slide_box)
    if behind.color is None:
        message = (
            f"the colour behind {_label(placeholder)} cannot be known "
            "(a picture that does not decode)"
        )
        hint = "use a PNG or JPEG background picture so its contrast can be checked"
        return [_problem(layout, "warning", "unknown-background", message, hint)]
    found = []
    needed = TITLE_RATIO if placeholder.is_title else BODY_RATIO
    ratio = contrast_ratio(placeholder.text_color, behind.color)
    if ratio < needed:
        found.append(_low_contrast(layout, placeholder, behind.color, ratio, needed))
    if behind.even < MIN_EVEN and not placeholder.is_chrome:
        message = (
            f"only {behind.even:.0%} of {_label(placeholder)} lies on one colour "
            f"(#{behind.color}); a band or picture crosses the text area"
        )
        hint = f"move the text area off the band, or choose another master; {MASTER_VIEW}"
        found.append(_problem(layout, "warning", "uneven-background", message, hint))
    return found


def _low_contrast(
    layout: Layout, placeholder: Placeholder, background: str, ratio: float, needed: float
) -> Problem:
    text = placeholder.text_color or "000000"
    message = (
        f"text #{text} of {_label(placeholder)} on #{background} has contrast "
        f"{ratio:.1f}:1; at least {needed:.1f}:1 is needed"
    )
    shade = nearest_passing(text, background, needed)
    hint = f"use #{shade} for this text" if shade else "change the text or background colour"
    hint += " (in the master's text styles), or map this kind to another master"
    return _problem(layout, _severity(placeholder), "low-contrast", message, hint)
