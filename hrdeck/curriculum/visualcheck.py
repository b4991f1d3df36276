"""Checks of the visual slide kinds that the schema cannot make: icon names, chart data.

Run by :func:`hrdeck.curriculum.crosscheck.cross_check` on every readable module, on
the slides of its ``slides:`` list, on the module itself when it is of a visual kind,
and on a case's persona.  Reading is defensive: a value of the wrong shape is the
schema's to report.

Codes: ``unknown-icon`` (an icon the set does not have, with "did you mean"),
``chart-data`` (a series with more or fewer values than the chart has categories).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from functools import cache

from hrdeck.curriculum.docdata import get
from hrdeck.curriculum.load import Document
from hrdeck.curriculum.sourcemap import JsonPath
from hrdeck.curriculum.visualmodel import VISUAL_KINDS
from hrdeck.diagnostics import Diagnostic, error
from hrdeck.paths import icon_data_dir

ICON_LIST_HINT = "the icons are listed in curriculum/FORMAT.md (Icons)"


@cache
def icon_names() -> tuple[str, ...]:
    """The names of the shipped icon set (read once per process)."""
    catalogue = json.loads((icon_data_dir() / "icons.json").read_text("utf-8"))
    return tuple(str(icon["name"]) for icon in catalogue["icons"])


def check_visuals(doc: Document) -> list[Diagnostic]:
    """Unknown icons and chart series of the wrong length in one module document."""
    found: list[Diagnostic] = []
    for path, slide in _visual_nodes(doc):
        found += _icons(doc, path, slide)
        found += _chart(doc, (*path, "chart"), slide.get("chart"))
    return found


def _visual_nodes(doc: Document) -> Iterator[tuple[JsonPath, dict[str, object]]]:
    """(path, mapping) of the module (when of a visual kind) and of each slide."""
    data = doc.data
    if not isinstance(data, dict):
        return
    if get(doc, "kind") in (*VISUAL_KINDS, "case"):
        yield (), data
    slides = data.get("slides")
    for index, slide in enumerate(slides if isinstance(slides, list) else []):
        if isinstance(slide, dict):
            yield ("slides", index), slide


def _icons(doc: Document, path: JsonPath, slide: dict[str, object]) -> list[Diagnostic]:
    found = []
    items = slide.get("icons")
    for index, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict):
            found += _icon(doc, (*path, "icons", index, "icon"), item.get("icon"))
    persona = slide.get("persona")
    if isinstance(persona, dict):
        found += _icon(doc, (*path, "persona", "icon"), persona.get("icon"))
    return found


def _icon(doc: Document, path: JsonPath, name: object) -> list[Diagnostic]:
    if not isinstance(name, str) or not name or name in icon_names():
        return []
    close = difflib.get_close_matches(name, icon_names(), n=3, cutoff=0.5)
    hint = f"did you mean {' or '.join(repr(c) for c in close)}?" if close else ICON_LIST_HINT
    message = f"'{name}' is not an icon of the set"
    return [error(doc.smap.value(path), "unknown-icon", message, hint)]


def _chart(doc: Document, path: JsonPath, chart: object) -> list[Diagnostic]:
    if not isinstance(chart, dict):
        return []
    categories, series = chart.get("categories"), chart.get("series")
    if not isinstance(categories, list) or not isinstance(series, list):
        return []
    found = []
    for index, entry in enumerate(series):
        values = entry.get("values") if isinstance(entry, dict) else None
        if not isinstance(values, list) or len(values) == len(categories):
            continue
        name = entry.get("name", f"{index + 1}")
        message = f"series '{name}' has {len(values)} values for {len(categories)} categories"
        hint = "give one value per category, in order (null where there is none)"
        loc = doc.smap.value((*path, "series", index, "values"))
        found.append(error(loc, "chart-data", message, hint))
    return found
