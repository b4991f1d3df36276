"""Links that are no web, mail or phone address are warned of where they are written."""

from __future__ import annotations

from pathlib import Path

import pytest

from hrdeck.curriculum.links import check_links, is_safe_link
from hrdeck.curriculum.load import Document
from hrdeck.curriculum.sourcemap import SourceMap
from hrdeck.diagnostics import Loc


def module_with(text: str) -> Document:
    smap = SourceMap("m.yaml")
    smap.values[("slides", 0, "items", 0)] = Loc("m.yaml", 7, 9)
    data = {"id": "m", "slides": [{"items": [text], "notes": "Say it."}]}
    return Document(Path("m.yaml"), "m.yaml", data, smap)


@pytest.mark.parametrize(
    "text",
    [
        "See [the share](//attacker.example/x)",
        "See [the share](\\\\host\\share)",
        "See [notes](notes.docx) and [more](https://x.org)",
        "See [x][ref]\n\n[ref]: //host/y",
        "See [x](<//host/y>)",
    ],
)
def test_a_link_without_a_web_mail_or_phone_scheme_is_one_located_warning(text: str) -> None:
    [found] = check_links(module_with(text))
    assert (found.severity, found.code, str(found.loc)) == ("warning", "bad-link", "m.yaml:7:9")
    assert "plain text" in found.message


@pytest.mark.parametrize(
    "text",
    [
        "See [SAMHSA](https://www.samhsa.gov) or [mail](mailto:a@b.org), [call](tel:988)",
        "Plain text with brackets [like this] and (this)",
    ],
)
def test_web_mail_and_phone_links_and_plain_brackets_pass(text: str) -> None:
    assert check_links(module_with(text)) == []


@pytest.mark.parametrize(
    ("href", "safe"),
    [
        ("https://x.org", True),
        ("  http://x.org", True),
        ("MAILTO:a@b.org", True),
        ("tel:988", True),
        ("//host/x", False),
        ("\\\\host\\share", False),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("", False),
    ],
)
def test_is_safe_link(href: str, safe: bool) -> None:
    assert is_safe_link(href) is safe
