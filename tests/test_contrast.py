"""WCAG relative luminance and contrast ratio against known published values."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hrdeck.theme.contrast import (
    contrast_ratio,
    format_ratio,
    is_hex_colour,
    normalise_hex,
    relative_luminance,
)

hex_colours = st.integers(0, 0xFFFFFF).map(lambda n: f"{n:06X}")


@pytest.mark.parametrize(
    ("colour", "luminance"),
    [("#000000", 0.0), ("#FFFFFF", 1.0), ("#FF0000", 0.2126), ("#00FF00", 0.7152)],
)
def test_relative_luminance_matches_the_wcag_formula(colour: str, luminance: float) -> None:
    assert relative_luminance(colour) == pytest.approx(luminance, abs=1e-4)


@pytest.mark.parametrize(
    ("foreground", "background", "ratio"),
    [
        ("#000000", "#FFFFFF", 21.0),
        ("#777777", "#FFFFFF", 4.48),  # the classic "just fails AA" grey
        ("#767676", "#FFFFFF", 4.54),  # the lightest grey that passes AA on white
        ("#595959", "#FFFFFF", 7.0),  # the AAA grey
        ("#FFFFFF", "#FFFFFF", 1.0),
        ("#0000FF", "#FFFFFF", 8.59),
    ],
)
def test_contrast_ratio_matches_known_wcag_values(
    foreground: str, background: str, ratio: float
) -> None:
    assert contrast_ratio(foreground, background) == pytest.approx(ratio, abs=0.01)


@given(hex_colours, hex_colours)
def test_contrast_ratio_is_symmetric_and_between_1_and_21(a: str, b: str) -> None:
    ratio = contrast_ratio(a, b)
    assert ratio == pytest.approx(contrast_ratio(b, a))
    assert 1.0 <= ratio <= 21.0


def test_colours_are_accepted_with_or_without_hash_in_any_case() -> None:
    assert normalise_hex("#0f766e") == normalise_hex("0F766E") == "0F766E"


@pytest.mark.parametrize("bad", ["#FFF", "white", "#GGGGGG", "#1234567", ""])
def test_non_hex_colours_are_rejected(bad: str) -> None:
    assert not is_hex_colour(bad)
    with pytest.raises(ValueError, match="not a hex colour"):
        normalise_hex(bad)


def test_ratio_is_printed_with_two_decimals() -> None:
    assert format_ratio(contrast_ratio("#777777", "#FFFFFF")) == "4.48:1"
    assert format_ratio(21.0) == "21.00:1"


def test_a_failing_ratio_is_never_printed_as_reaching_the_threshold() -> None:
    assert format_ratio(4.4971, 4.5) == "4.497:1"
    assert format_ratio(4.4971) == "4.50:1"
