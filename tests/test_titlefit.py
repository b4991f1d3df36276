"""Title sizes (hrdeck.plan.titlefit): smaller before wrapping, grown only where there is room."""

from __future__ import annotations

import dataclasses

from hrdeck.plan.titlefit import (
    COVER_TITLE_SIZES,
    SMALLEST_TITLE_PT,
    TITLE_SIZES,
    fit_title,
    smaller_titles,
)
from hrdeck.richtext import Para, Run
from hrdeck.textfit.measure import TextArea, box_height
from hrdeck.textfit.metrics import metrics_for

METRICS, _ = metrics_for("Liberation Sans")
ONE_LINE = TextArea(680.0, 50.0)  # a template's one-line title box (Inspiration's)
ROOM = dataclasses.replace(ONE_LINE, height_pt=130.0)
SHORT = Para((Run("Harm reduction today", bold=True),))
LONG = Para(
    (Run("MOUD (methadone, buprenorphine, naltrexone) is treatment, not a violation", True),)
)


def test_the_smaller_steps_run_from_the_smallest_size_down_to_20_pt() -> None:
    assert smaller_titles(TITLE_SIZES) == (28, 24, 20)
    assert smaller_titles(COVER_TITLE_SIZES) == (36, 32, 28, 24, 20)


def test_a_title_that_fits_keeps_its_box() -> None:
    found = fit_title(SHORT, ONE_LINE, ROOM, (28,), METRICS)
    assert found is not None and found.size == 28 and found.height_pt is None


def test_a_one_line_title_too_tall_for_its_box_grows_a_little_at_the_smallest_usual_size() -> None:
    found = fit_title(SHORT, ONE_LINE, ROOM, COVER_TITLE_SIZES, METRICS)
    assert found is not None and found.size == min(COVER_TITLE_SIZES)
    assert found.height_pt is not None and found.height_pt < 2 * ONE_LINE.height_pt


def test_without_room_a_title_too_tall_for_its_box_is_set_smaller() -> None:
    found = fit_title(SHORT, ONE_LINE, ONE_LINE, COVER_TITLE_SIZES, METRICS)
    assert found is not None and found.height_pt is None
    assert SMALLEST_TITLE_PT <= found.size < min(COVER_TITLE_SIZES)


def test_a_two_line_title_grows_its_box_only_as_far_as_its_lines_need() -> None:
    found = fit_title(LONG, ONE_LINE, ROOM, TITLE_SIZES, METRICS)
    assert found is not None and found.size == 28
    assert found.height_pt is not None and ONE_LINE.height_pt < found.height_pt <= 130
    assert found.height_pt <= box_height((LONG,), ONE_LINE, 28, METRICS)


def test_without_room_a_two_line_title_does_not_fit_a_one_line_box() -> None:
    assert fit_title(LONG, ONE_LINE, ONE_LINE, TITLE_SIZES, METRICS) is None


def test_on_the_own_master_a_title_fitting_no_usual_size_is_set_smaller() -> None:
    two_lines = TextArea(700.0, 92.0, 0.0, 0.0, 0.0, 0.0, "none")
    address = Para((Run("A very long word: https://example.org/" + "averyverylong" * 5, True),))
    found = fit_title(address, two_lines, None, TITLE_SIZES, METRICS)
    assert found is not None and found.size < 28 and found.height_pt is None
