"""The decks hrdeck ships pass its own accessibility checker, in both built-in themes.

Every deck of the built-in curriculum (court, clinician, peer) is built once per
theme and session (``conftest.builtin_decks``) and read back by
:func:`hrdeck.a11y.check.check_deck`, which makes the checks PowerPoint's
Accessibility Checker makes: a unique title on every slide, alt text
that describes (never a file name), a reading order that follows the layout, a
language on every run, text of 18 pt or more, WCAG AA contrast, speaker notes, and
link text that says where it goes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hrdeck.a11y.check import check_deck, format_findings
from tests.helpers import BuiltDecks

THEMES = ("default", "high-contrast")
AUDIENCES = ("court", "clinician", "peer")


@pytest.fixture(scope="module")
def built_decks(
    builtin_decks: BuiltDecks, builtin_decks_high_contrast: BuiltDecks
) -> dict[tuple[str, str], Path]:
    decks = {}
    for built in (builtin_decks, builtin_decks_high_contrast):
        for path in built.out.glob("*.pptx"):
            audience = path.stem.rsplit("-", 1)[-1]
            decks[(built.theme, audience)] = path
    return decks


def test_every_builtin_audience_and_theme_is_built(
    built_decks: dict[tuple[str, str], Path],
) -> None:
    assert sorted(built_decks) == sorted((t, a) for t in THEMES for a in AUDIENCES)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_builtin_deck_has_no_accessibility_findings(
    built_decks: dict[tuple[str, str], Path], theme: str, audience: str
) -> None:
    path = built_decks[(theme, audience)]
    findings = check_deck(path)
    assert findings == [], format_findings(findings, path)
