"""Time-boxing (hrdeck.timebox): what a session of N minutes keeps, shortens and breaks.

Pure functions over slots, so each rule of the module docstring is checked on small
hand-made sessions, then a property test checks the promises on random ones.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrdeck.curriculum.model import Breaks
from hrdeck.errors import UsageError
from hrdeck.timebox import (
    DEFAULT_BREAKS,
    ClockStart,
    Slot,
    TooShort,
    fit,
    minimum_minutes,
    next_to_shorten,
    parse_start,
    shortenable,
)

NO_BREAKS = Breaks(after=())


def slot(id: str, minutes: float, **fields: object) -> Slot:
    fields.setdefault("kind", "bullets")
    return Slot(id, minutes=minutes, **fields)  # type: ignore[arg-type]


def session(*slots: Slot) -> list[Slot]:
    """A title and agenda, the slots, then a closing."""
    return [
        slot("title", 2, kind="title"),
        slot("agenda", 2, kind="agenda"),
        *slots,
        slot("end", 2, kind="closing"),
    ]


def kept(box: object) -> dict[str, float]:
    return {p.slot.id: p.minutes for p in box.kept}  # type: ignore[attr-defined]


# -- choosing ---------------------------------------------------------------------------


def test_without_a_budget_every_module_runs_full_length() -> None:
    slots = session(slot("a", 10, short=5), slot("b", 10, core=False, priority=1))
    box = fit(slots, NO_BREAKS)
    assert kept(box) == {"title": 2, "agenda": 2, "a": 10, "b": 10, "end": 2}
    assert box.left_out == ()


def test_a_budget_that_holds_everything_changes_nothing() -> None:
    slots = session(slot("a", 10, short=5), slot("b", 10, core=False))
    assert kept(fit(slots, NO_BREAKS, 26)) == kept(fit(slots, NO_BREAKS))


def test_core_modules_shorten_biggest_saving_first_while_no_one_saving_is_enough() -> None:
    slots = session(slot("a", 10, short=8), slot("b", 20, short=10), slot("c", 10, short=5))
    # full core: 46; 36 needs 10 saved: b alone saves exactly 10
    assert kept(fit(slots, NO_BREAKS, 36)) == {
        "title": 2,
        "agenda": 2,
        "a": 10,
        "b": 10,
        "c": 10,
        "end": 2,
    }
    # 33 needs 13: b (10), then c (5)
    assert kept(fit(slots, NO_BREAKS, 33))["c"] == 5
    assert kept(fit(slots, NO_BREAKS, 33))["a"] == 10


def test_only_what_is_needed_is_cut_the_smallest_saving_that_covers_the_overrun() -> None:
    slots = session(slot("talk", 10, short=5), slot("case", 20, short=10))
    # full: 36; 33 is 3 over: shortening the talk (5) covers it, the case keeps its 20
    assert kept(fit(slots, NO_BREAKS, 33)) == {
        "title": 2,
        "agenda": 2,
        "talk": 5,
        "case": 20,
        "end": 2,
    }
    assert slots[next_to_shorten(slots, [2, 3], 3)].id == "talk"
    assert slots[next_to_shorten(slots, [2, 3], 8)].id == "case"  # only the case covers 8


def test_equal_savings_shorten_the_later_module_first() -> None:
    slots = session(slot("a", 10, short=5), slot("b", 10, short=5))
    assert [slots[i].id for i in shortenable(slots)] == ["a", "b"]
    assert slots[next_to_shorten(slots, shortenable(slots), 5)].id == "b"
    assert kept(fit(slots, NO_BREAKS, 21)) == {"title": 2, "agenda": 2, "a": 10, "b": 5, "end": 2}


def test_optional_modules_join_by_priority_full_then_short_else_left_out() -> None:
    slots = session(
        slot("core", 10),
        slot("low", 10, core=False, priority=3),
        slot("top", 10, short=4, core=False, priority=1),
        slot("mid", 10, core=False, priority=2),
        slot("none", 3, core=False),
    )
    box = fit(slots, NO_BREAKS, 24)  # the core takes 16: 8 minutes are left
    assert kept(box) == {"title": 2, "agenda": 2, "core": 10, "top": 4, "none": 3, "end": 2}
    reasons = {left.slot.id: left.reason for left in box.left_out}
    assert reasons["mid"] == "optional, priority 2: does not fit in 24 minutes"
    assert set(reasons) == {"mid", "low"}


def test_core_modules_are_never_shortened_to_make_room_for_an_optional_one() -> None:
    slots = session(slot("core", 10, short=2), slot("extra", 8, core=False, priority=1))
    assert kept(fit(slots, NO_BREAKS, 20)) == {"title": 2, "agenda": 2, "core": 10, "end": 2}


def test_a_section_stays_only_while_its_part_keeps_a_module() -> None:
    slots = session(
        slot("part-one", 1, kind="section"),
        slot("a", 10),
        slot("part-two", 1, kind="section"),
        slot("b", 10, core=False),
        slot("refs", 1, kind="references"),
    )
    box = fit(slots, NO_BREAKS, 19)
    assert "part-one" in kept(box) and "part-two" not in kept(box)
    assert [x.reason for x in box.left_out if x.slot.id == "part-two"] == [
        "a section whose modules are all left out"
    ]


def test_a_core_that_does_not_fit_even_short_names_its_minimum_with_breaks() -> None:
    slots = session(slot("a", 60, short=50), slot("b", 60, short=45))
    rule = Breaks(minutes=10, every=90)
    assert minimum_minutes(slots, rule) == 2 + 2 + 50 + 10 + 45 + 2  # one break
    with pytest.raises(TooShort) as raised:
        fit(slots, rule, 100)
    assert raised.value.minimum == 111 and raised.value.budget == 100
    assert fit(slots, rule, 111).total_minutes == 111


# -- breaks -----------------------------------------------------------------------------


def breaks_before(
    slots: list[Slot], rule: Breaks = DEFAULT_BREAKS, budget: float | None = None
) -> list[str]:
    box = fit(slots, rule, budget)
    return [box.kept[b.before].slot.id for b in box.breaks]


def test_no_break_when_the_session_stays_within_the_mark() -> None:
    assert breaks_before(session(slot("a", 40), slot("b", 44))) == []  # 90 exactly


def test_a_break_goes_before_the_module_that_would_cross_the_mark() -> None:
    slots = session(slot("a", 40), slot("b", 40), slot("c", 30), slot("d", 10))
    assert breaks_before(slots) == ["c"]


def test_the_break_moves_to_a_section_header_two_thirds_of_the_way_there() -> None:
    slots = session(
        slot("a", 62), slot("part", 1, kind="section"), slot("b", 10), slot("c", 30), slot("d", 5)
    )
    assert breaks_before(slots) == ["part"]  # the header starts at 66 of 90: late enough


def test_an_early_section_header_keeps_the_break_at_the_crossing_module() -> None:
    slots = session(
        slot("a", 20), slot("part", 1, kind="section"), slot("b", 50), slot("c", 30), slot("d", 5)
    )
    assert breaks_before(slots) == ["c"]


def test_long_sessions_get_a_break_every_stretch() -> None:
    slots = session(*(slot(f"m{i}", 30) for i in range(10)))
    assert breaks_before(slots) == ["m2", "m5", "m8"]  # 4 + 30 + 30 + 30 crosses 90 at m2


def test_never_a_break_before_the_first_content_or_after_the_last() -> None:
    first_long = session(slot("long", 120), slot("b", 10))
    assert breaks_before(first_long) == ["b"]
    wrap_up = session(
        slot("a", 80), slot("res", 6, kind="resources"), slot("refs", 4, kind="references")
    )
    assert breaks_before(wrap_up) == []


def test_explicit_breaks_follow_named_modules_and_move_back_when_one_is_left_out() -> None:
    slots = session(slot("a", 10), slot("b", 10, core=False), slot("c", 10))
    rule = Breaks(minutes=5, after=("a", "b"))
    assert breaks_before(slots, rule) == ["b", "c"]
    assert breaks_before(slots, rule, budget=31) == ["c"]  # b left out: its break follows a
    assert breaks_before(slots, Breaks(after=("end",))) == []
    assert breaks_before(slots, Breaks(after=())) == []


def test_breaks_count_against_the_budget() -> None:
    slots = session(slot("a", 50), slot("b", 45), slot("x", 10, core=False))
    box = fit(slots, Breaks(), 111)  # 101 of content with one break: x does not fit
    assert box.total_minutes == 111 and "x" not in kept(box)
    assert box.break_minutes == 10 and box.content_minutes == 101


# -- the clock ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "offset", "label"),
    [
        ("13:30", 12, "13:42"),
        ("9:00", 0, "09:00"),
        ("09:05", 59.5, "10:05"),
        ("23:50", 20, "00:10"),
        ("1:30pm", 12, "1:42 PM"),
        ("11:45 AM", 30, "12:15 PM"),
        ("12:00 a.m.", 5, "12:05 AM"),
        ("1pm", 0, "1:00 PM"),
    ],
)
def test_start_times_print_real_clock_times(text: str, offset: float, label: str) -> None:
    assert parse_start(text).label(offset) == label


@pytest.mark.parametrize("text", ["25:00", "13:60", "13:30pm", "noon", "", "0pm"])
def test_a_start_that_is_no_time_of_day_is_a_usage_error(text: str) -> None:
    with pytest.raises(UsageError, match="--start expects a time of day"):
        parse_start(text)


def test_clock_start_is_minutes_after_midnight() -> None:
    assert parse_start("13:30") == ClockStart(810)
    assert parse_start("1:30 PM") == ClockStart(810, twelve_hour=True)


# -- what always holds --------------------------------------------------------------------

KINDS = ["bullets", "bullets", "bullets", "section", "exercise"]


@st.composite
def sessions(draw: st.DrawFn) -> list[Slot]:
    count = draw(st.integers(1, 12))
    middle = []
    for i in range(count):
        minutes = draw(st.integers(1, 60))
        short = draw(st.one_of(st.none(), st.integers(1, minutes))) if minutes > 1 else None
        short = short if short is None or short < minutes else None
        middle.append(
            slot(
                f"m{i}",
                minutes,
                kind=draw(st.sampled_from(KINDS)),
                short=short,
                core=draw(st.booleans()),
                priority=draw(st.one_of(st.none(), st.integers(1, 5))),
            )
        )
    return session(*middle)


@settings(max_examples=200, deadline=None)
@given(sessions(), st.integers(20, 400))
def test_a_fitted_session_keeps_its_promises(slots: list[Slot], budget: int) -> None:
    rule = Breaks()
    try:
        box = fit(slots, rule, budget)
    except TooShort as short:
        assert short.minimum > budget
        assert short.minimum == minimum_minutes(slots, rule)
        return
    assert box.total_minutes <= budget + 1e-9
    ids = [p.slot.id for p in box.kept]
    core = [s.id for s in slots if s.core and s.kind != "section"]
    assert set(core) <= set(ids)  # the core is always kept
    assert ids == [s.id for s in slots if s.id in ids]  # in agenda order
    for planned in box.kept:
        assert planned.minutes in (planned.slot.minutes, planned.slot.short)
    befores = [b.before for b in box.breaks]
    assert befores == sorted(set(befores)) and all(0 < b < len(box.kept) for b in befores)
    first_content = next(
        k for k, p in enumerate(box.kept) if p.slot.kind not in ("title", "agenda")
    )
    assert all(b > first_content for b in befores)  # never before the first content
