"""``hrdeck check DECK.pptx``: PowerPoint-style accessibility checks on any deck.

:func:`check_deck` opens a .pptx safely (a zip's declared sizes are checked before
anything is unpacked), runs every check on every slide and returns
:class:`A11yFinding` values; :func:`format_findings` prints them per slide with a
summary.  The checks themselves live in :mod:`hrdeck.a11y.structure` (slide
structure) and :mod:`hrdeck.a11y.text` (text runs).

Codes: missing-title, duplicate-title, missing-alt-text, bad-alt-text,
reading-order, small-text, missing-language, low-contrast, missing-notes,
link-text, table-header; empty-deck for a presentation without slides.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from hrdeck.a11y import structure, text
from hrdeck.a11y.structure import A11yFinding, SlideView
from hrdeck.a11y.style import NS, SlideStyle, read_deck_colours
from hrdeck.errors import ContentError

__all__ = ["MAX_ENTRIES", "MAX_UNCOMPRESSED", "A11yFinding", "check_deck", "format_findings"]

MAX_UNCOMPRESSED = 512 * 1024 * 1024  # bytes a deck may unpack to; real decks are far smaller
MAX_ENTRIES = 20_000

SlideCheck = Callable[[SlideView], list[A11yFinding]]
SLIDE_CHECKS: tuple[SlideCheck, ...] = (
    structure.check_title,
    structure.check_alt_text,
    structure.check_reading_order,
    text.check_small_text,
    text.check_contrast,
    text.check_links,
    structure.check_tables,
    structure.check_notes,
)


def _check_package(path: Path, max_uncompressed: int) -> None:
    """Refuse what is not a zip, or would unpack to too much (a zip bomb)."""
    if not path.is_file():
        raise ContentError(f"{path}: no such file")
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ContentError(f"{path}: not a .pptx file (not a zip archive: {exc})") from None
    total = sum(entry.file_size for entry in entries)
    if total > max_uncompressed or len(entries) > MAX_ENTRIES:
        raise ContentError(
            f"{path}: refusing to open: it would unpack to {total / 2**20:,.0f} MiB in "
            f"{len(entries)} files (limit {max_uncompressed / 2**20:,.0f} MiB); "
            "it may be a zip bomb"
        )
    if "[Content_Types].xml" not in {entry.filename for entry in entries}:
        raise ContentError(f"{path}: not a PowerPoint presentation (a zip without Office parts)")


def _open(path: Path) -> Any:
    from pptx import Presentation

    try:
        return Presentation(str(path))
    except Exception as exc:  # python-pptx raises many types for damaged packages
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ContentError(f"{path}: not a readable PowerPoint presentation ({reason})") from None


def _contexts(presentation: Any) -> list[SlideView]:
    default_style = presentation.part._element.find("p:defaultTextStyle", NS)
    width = presentation.slide_width or 9144000
    height = presentation.slide_height or 6858000
    themes: dict[int, Any] = {}
    contexts = []
    for number, slide in enumerate(presentation.slides, start=1):
        layout = slide.slide_layout
        master = layout.slide_master
        theme = themes.setdefault(id(master), read_deck_colours(master))
        style = SlideStyle(slide._element, layout._element, master._element, default_style, theme)
        contexts.append(SlideView(number, slide, style, width, height))
    return contexts


def check_deck(path: Path, *, max_uncompressed: int = MAX_UNCOMPRESSED) -> list[A11yFinding]:
    """Every accessibility finding of a .pptx, ordered by slide.

    Raises :class:`ContentError` for a file that is not a presentation or is too big
    once unpacked.
    """
    _check_package(path, max_uncompressed)
    from pptx.exc import PythonPptxError  # e.g. a slide without its <p:cSld>

    presentation = _open(path)
    try:
        contexts = _contexts(presentation)
        return _run_checks(contexts)
    except (KeyError, ValueError, AttributeError, PythonPptxError) as exc:
        reason = str(exc).replace("``", "") or type(exc).__name__
        raise ContentError(f"{path}: the presentation is damaged ({reason})") from None


def _run_checks(contexts: list[SlideView]) -> list[A11yFinding]:
    if not contexts:
        return [A11yFinding(0, "empty-deck", "the presentation has no slides", None, "warning")]
    dominant = text.dominant_language(contexts)
    findings = structure.check_duplicate_titles(contexts)
    for ctx in contexts:
        for check in SLIDE_CHECKS:
            findings.extend(check(ctx))
        findings.extend(text.check_language(ctx, dominant))
    return sorted(findings, key=lambda f: f.slide)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def summary(findings: Iterable[A11yFinding]) -> str:
    items = list(findings)
    errors = sum(1 for f in items if f.severity == "error")
    slides = len({f.slide for f in items if f.slide})
    counts = f"{_plural(errors, 'error')}, {_plural(len(items) - errors, 'warning')}"
    return f"{counts} on {_plural(slides, 'slide')}" if slides else counts


def format_findings(findings: Iterable[A11yFinding], path: Path) -> str:
    """One line per finding, grouped by slide, then a summary line."""
    items = sorted(findings, key=lambda f: f.slide)
    if not items:
        return f"{path}: no accessibility problems found\n"
    lines = [finding.format(str(path)) for finding in items]
    lines.append(f"{path}: {summary(items)}")
    return "\n".join(lines) + "\n"
