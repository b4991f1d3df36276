"""Validated YAML of the visual slide kinds -> :mod:`hrdeck.curriculum.visualmodel` values.

:func:`visual_fields` reads the fields a slide of a visual kind adds (stats, chart,
icons, quote, image credit, persona, caption, side) for
:mod:`hrdeck.curriculum.modelbuild`, which builds the rest of the slide; a module of
a visual kind becomes a module with that one slide (:func:`module_slide`).  Runs only
on documents that passed the schema.
"""

from __future__ import annotations

from typing import Any, Protocol

from hrdeck.curriculum.model import Slide, Text
from hrdeck.curriculum.sourcemap import JsonPath
from hrdeck.curriculum.visualmodel import (
    DEFAULT_PERSONA_ICON,
    Chart,
    IconItem,
    Persona,
    Quote,
    Series,
    Stat,
)
from hrdeck.diagnostics import Loc

Data = dict[str, Any]


class Reader(Protocol):
    """What the module builder offers: locations and Text values of its document."""

    def loc(self, path: JsonPath) -> Loc: ...

    def text(self, value: Any, path: JsonPath) -> Text: ...

    def texts(self, value: list[Any], path: JsonPath) -> tuple[Text, ...]: ...

    def slide(self, value: Data, path: JsonPath) -> Slide: ...


def visual_fields(r: Reader, value: Data, path: JsonPath) -> dict[str, Any]:
    """The Slide keyword arguments of a slide's visual fields that are present."""
    found: dict[str, Any] = {}
    if "kind" in value:
        found["kind"] = str(value["kind"])
    if "stats" in value:
        found["stats"] = tuple(
            stat(r, s, (*path, "stats", i)) for i, s in enumerate(value["stats"])
        )
    if "chart" in value:
        found["chart"] = chart(r, value["chart"], (*path, "chart"))
    if "icons" in value:
        found["icons"] = tuple(
            icon_item(r, item, (*path, "icons", i)) for i, item in enumerate(value["icons"])
        )
    if "quote" in value:
        found["quote"] = quote(r, value["quote"], (*path, "quote"))
    if "persona" in value:
        found["persona"] = persona(r, value["persona"], (*path, "persona"))
    if "caption" in value:
        found["caption"] = r.text(value["caption"], (*path, "caption"))
    if "side" in value:
        found["side"] = str(value["side"])
    return found


SLIDE_KEYS: tuple[str, ...] = (
    *("kind", "title", "notes", "cite", "caption", "side", "items", "image"),
    *("stats", "chart", "icons", "quote", "persona"),
)


def module_slide(r: Reader, data: Data) -> Slide:
    """The one slide of a module of a visual kind, from the module's own fields (located
    where the module wrote them; the module's ``audiences`` filter stays on the module)."""
    return r.slide({key: data[key] for key in SLIDE_KEYS if key in data}, ())


def _optional_text(r: Reader, value: Data, key: str, path: JsonPath) -> Text | None:
    return r.text(value[key], (*path, key)) if key in value else None


def stat(r: Reader, value: Data, path: JsonPath) -> Stat:
    return Stat(
        value=str(value["value"]),
        label=r.text(value["label"], (*path, "label")),
        as_of=str(value["as_of"]),
        review_by=str(value["review_by"]),
        kind=str(value.get("kind", "statistic")),
        source=_optional_text(r, value, "source", path),
        cite=tuple(value.get("cite", ())),
        loc=r.loc(path),
    )


def chart(r: Reader, value: Data, path: JsonPath) -> Chart:
    series = tuple(
        Series(
            str(s["name"]),
            tuple(None if v is None else float(v) for v in s["values"]),
            r.loc((*path, "series", i)),
        )
        for i, s in enumerate(value["series"])
    )
    return Chart(
        type=str(value["type"]),
        categories=tuple(str(c) for c in value["categories"]),
        series=series,
        as_of=str(value["as_of"]),
        review_by=str(value["review_by"]),
        units=str(value.get("units", "")),
        decimals=int(value.get("decimals", 0)),
        labels=bool(value.get("labels", True)),
        kind=str(value.get("kind", "statistic")),
        alt=_optional_text(r, value, "alt", path),
        source=_optional_text(r, value, "source", path),
        cite=tuple(value.get("cite", ())),
        loc=r.loc(path),
    )


def icon_item(r: Reader, value: Data, path: JsonPath) -> IconItem:
    audiences = value.get("audiences")
    return IconItem(
        icon=str(value["icon"]),
        label=r.text(value["label"], (*path, "label")),
        text=r.text(value.get("text", ""), (*path, "text")),
        audiences=None if audiences is None else frozenset(audiences),
        loc=r.loc(path),
    )


def quote(r: Reader, value: Data, path: JsonPath) -> Quote:
    return Quote(
        text=r.text(value["text"], (*path, "text")),
        attribution=_optional_text(r, value, "attribution", path),
        loc=r.loc(path),
    )


def persona(r: Reader, value: Data, path: JsonPath) -> Persona:
    return Persona(
        name=str(value["name"]),
        role=r.text(value["role"], (*path, "role")),
        details=r.texts(value.get("details", []), (*path, "details")),
        icon=str(value.get("icon", DEFAULT_PERSONA_ICON)),
        loc=r.loc(path),
    )
