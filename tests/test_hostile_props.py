"""Property tests of issue 14: random pictures and odd numbers never crash hrdeck.

Hypothesis writes random bytes behind a real PNG, JPEG or GIF signature (sometimes a
real header, sometimes a real picture cut short) as a module's picture and as a
theme's logo, and puts NaN, infinities, huge, tiny and negative numbers in every
numeric field (an audience's minutes, a citation's year, volume, issue and pages).
``hrdeck build`` (which validates first) must then hold the contract of
``tests/hostile/cases.py``: exit 0 or 1, no traceback or exception name, a located
error when it refuses, no stray file, the last good outputs untouched on failure,
and a well-formed deck when it builds.

Kept fast for CI: 30 examples each, no shrinking (a failure is reported as found).
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.hostile import images
from tests.hostile.cases import Case, case_problems
from tests.hostile.documents import citation_module
from tests.hostile.files import LOGO_LINES
from tests.hostile.running import run_cli
from tests.hostile.workspace import (
    PROBE_FILE,
    Workspace,
    probe_slides,
    probe_with_image,
    snapshot,
)

BAD_IMAGE = ("bad-image", "logo-not-image")
BAD_NUMBER = ("not-a-number", "too-large", "bad-value", "wrong-type")
FAST = settings(
    max_examples=30,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)

# -- pictures -----------------------------------------------------------------------------

signatures = st.sampled_from(sorted(images.SIGNATURES.values()))
real_starts = st.sampled_from(
    [
        images.encoded(images.noise((24, 24)), "PNG"),
        images.encoded(images.noise((24, 24)), "JPEG"),
        images.encoded(images.noise((24, 24)).convert("P"), "GIF"),
        images.PNG_SIGNATURE + images.png_header(40_000, 40_000),  # claims a huge picture
    ]
)
pictures = st.one_of(
    st.builds(bytes.__add__, signatures, st.binary(max_size=2048)),
    st.builds(
        lambda start, cut: start[: max(8, len(start) * cut // 100)], real_starts, st.integers(1, 99)
    ),  # a real picture cut short
    st.builds(bytes.__add__, real_starts, st.binary(max_size=512)),
)

# -- numbers ------------------------------------------------------------------------------


def yaml_number(value: float | int) -> str:
    """``value`` as a YAML 1.1 scalar that loads back as that number."""
    if isinstance(value, int):
        return str(value)
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    return f"{value:.17e}"  # a dot and a signed exponent: YAML 1.1 reads a float


numbers = st.one_of(
    st.sampled_from([math.nan, math.inf, -math.inf, 0, -0.0, -1, 10**30, -(10**30), 1e-300]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**40), max_value=10**40),
)
CITATION_FIELDS = ["year", "volume", "issue", "pages"]


# -- a fresh copy of the curriculum for every example ------------------------------------


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile-props")


def fresh(base: Path, name: str) -> Workspace:
    folder = base / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    return Workspace(folder)


def check_build(ws: Workspace, args: list[str], codes: tuple[str, ...], where: str) -> None:
    before = snapshot(ws.out)
    ran = run_cli(args)
    problems = case_problems(
        Case("property", lambda _: args, (0, 1), codes, where), ws, ran, before
    )
    assert not problems, "\n".join(["", *problems, "", ran.describe()])


@FAST
@given(data=pictures)
def test_any_bytes_as_a_module_picture_are_reported_or_shown(base: Path, data: bytes) -> None:
    ws = fresh(base, "picture")
    ws.probe(probe_with_image("images/probe.png"))
    (ws.cur / "images").mkdir()
    (ws.cur / "images" / "probe.png").write_bytes(data)
    check_build(ws, ws.build(), BAD_IMAGE, PROBE_FILE)


@FAST
@given(data=pictures)
def test_any_bytes_as_a_logo_are_reported_or_shown(base: Path, data: bytes) -> None:
    ws = fresh(base, "logo")
    ws.probe(probe_slides())
    (ws.theme / "logo.png").write_bytes(data)
    ws.theme_lines(LOGO_LINES)
    check_build(ws, ws.build_themed(), BAD_IMAGE, "theme.yaml")


@FAST
@given(value=numbers)
def test_any_number_of_minutes_is_planned_or_refused(base: Path, value: float | int) -> None:
    ws = fresh(base, "minutes")
    ws.probe(probe_slides(), minutes=yaml_number(value))
    check_build(ws, ws.build(), BAD_NUMBER, "audiences/probe.yaml")


@FAST
@given(field=st.sampled_from(CITATION_FIELDS), value=numbers)
def test_any_number_in_a_citation_is_printed_or_refused(
    base: Path, field: str, value: float | int
) -> None:
    ws = fresh(base, "citation")
    ws.probe(citation_module(field, yaml_number(value)))
    check_build(ws, ws.build(), BAD_NUMBER, PROBE_FILE)
