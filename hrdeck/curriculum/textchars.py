"""Characters a deck cannot hold, found before anything is built.

A double-quoted YAML string can carry any character as an escape (``"\\a"``,
``"\\x07"``, ``"\\0"``), but XML 1.0, and so a .pptx, refuses the C0 control
characters other than tab, line feed and carriage return, and the non-characters
U+FFFE and U+FFFF.  DEL and the C1 controls (U+007F to U+009F) are allowed in XML
but have no place on a slide either, and U+009B is a terminal's "control sequence
introducer": a deck or a printed diagnostic carrying one can drive the terminal
that shows it.  :func:`check_characters` reports each string (value or key)
holding one, at its line and column, so the build stops with a diagnostic instead
of failing half-way through writing a slide.

Code: ``control-character``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from hrdeck.curriculum.load import Document
from hrdeck.curriculum.sourcemap import JsonPath, SourceMap
from hrdeck.diagnostics import Diagnostic, error

NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def check_characters(doc: Document) -> list[Diagnostic]:
    """One error per string of a loaded document holding a character a slide cannot store."""
    return character_diagnostics(doc.data, doc.smap)


def character_diagnostics(data: object, smap: SourceMap) -> list[Diagnostic]:
    """:func:`check_characters` for any loaded YAML data (a theme, a project file)."""
    problems = []
    for path, text, is_key in strings_in(data):
        found = CONTROLS.search(text)
        if found is None:
            continue
        loc = smap.key(path) if is_key else smap.value(path)
        where = "key" if is_key else "text"
        char = found.group()
        why = (
            "which a slide cannot store"
            if NOT_IN_XML.match(char)
            else "which has no place on a slide"
        )
        problems.append(
            error(
                loc,
                "control-character",
                f"the {where} holds {describe_char(char)}, {why}",
                "remove it (in a double-quoted YAML string it is an escape such as \\a or \\0)",
            )
        )
    return problems


def describe_char(char: str) -> str:
    """'U+0007 (BELL)'-style name for an invisible character."""
    code = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "")
    return f"{code} ({name})" if name else f"the control character {code}"


def strings_in(data: object, path: JsonPath = ()) -> Iterator[tuple[JsonPath, str, bool]]:
    """(path, string, is_key) for every string in `data`; iterative, so depth is no risk."""
    stack: list[tuple[object, JsonPath]] = [(data, path)]
    while stack:
        value, here = stack.pop()
        if isinstance(value, str):
            yield here, value, False
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str):
                    yield (*here, key), key, True
                stack.append((item, (*here, key)))
        elif isinstance(value, list):
            stack.extend((item, (*here, index)) for index, item in enumerate(value))
