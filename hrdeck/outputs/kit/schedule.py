"""Session times as the documents print them, from the plan's own rows and clock labels.

The plan placed every module and break and wrote its clock labels ("09:42" with a start
time, "0:42" without); the kit prints those labels as they are, so the run sheet, the
masthead and the certificate agree with the deck's notes and the guide to the minute.
The run sheet lists the plan's schedule (every module and break); a session made by
hand with only agenda rows gets those instead.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from hrdeck.plan.session import SessionPlan


class TimedRow(Protocol):
    """What the documents read of an agenda or schedule row."""

    @property
    def title(self) -> str: ...
    @property
    def start(self) -> float: ...
    @property
    def minutes(self) -> float: ...
    @property
    def clock_start(self) -> str: ...
    @property
    def clock_end(self) -> str: ...
    @property
    def is_break(self) -> bool: ...


def timetable(session: SessionPlan) -> tuple[TimedRow, ...]:
    """The rows of the run sheet: the full schedule, else the agenda."""
    return session.schedule or session.agenda


def has_clock(session: SessionPlan) -> bool:
    """Whether the labels are times of day (a start time was given) or elapsed times."""
    return session.start is not None


def instruction_minutes(session: SessionPlan) -> float:
    """Minutes of teaching: every row of the timetable that is not a break."""
    return sum(row.minutes for row in timetable(session) if not row.is_break)


def session_length(session: SessionPlan) -> float:
    """The whole session in minutes, breaks included."""
    rows = timetable(session)
    if not rows:
        return session.total_minutes
    return max(row.start + row.minutes for row in rows) - min(row.start for row in rows)


def session_span(session: SessionPlan) -> str:
    """``09:00 – 10:00`` with a start time, otherwise ``1 hour``."""
    rows = timetable(session)
    if not has_clock(session) or not rows:
        return duration_text(session_length(session))
    return f"{rows[0].clock_start} – {rows[-1].clock_end}"


def number(value: float) -> str:
    """``10``, ``2.5``: minutes as people write them."""
    return f"{value:g}"


def duration_text(minutes: float) -> str:
    """``1 hour 30 minutes``, ``45 minutes``, ``2 hours``."""
    hours, rest = divmod(minutes, 60)
    whole = int(hours)
    parts = [f"{whole} hour{'s' if whole != 1 else ''}"] if whole else []
    if rest or not whole:
        parts.append(f"{number(rest)} minutes")
    return " ".join(parts)


def format_hours(hours: float) -> str:
    """Credit hours as certificates print them: ``2.0``, ``1.5``, ``1.25``."""
    text = f"{hours:.2f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def long_date(iso_date: str, language: str) -> str:
    """``Tuesday, November 3, 2026`` for US English, ``Tuesday 3 November 2026`` otherwise."""
    day = dt.date.fromisoformat(iso_date)
    weekday, month = WEEKDAYS[day.weekday()], MONTHS[day.month - 1]
    if language.lower() == "en-us":
        return f"{weekday}, {month} {day.day}, {day.year}"
    return f"{weekday} {day.day} {month} {day.year}"


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
