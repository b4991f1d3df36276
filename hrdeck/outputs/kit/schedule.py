"""Agenda times: place each agenda row in minutes from the start and label it for print.

A row starts at its clock time, at its offset, or when the row before it ends. With a
session start time the labels are clock times ("9:15 AM" for en-US, "09:15" otherwise);
without one they are elapsed times ("0:15").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from hrdeck.outputs.kit.model import AgendaRow, Session

CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class Slot:
    """An agenda row with its start and end, in minutes from the session start."""

    row: AgendaRow
    start: int

    @property
    def end(self) -> int:
        return self.start + self.row.minutes

    @property
    def is_break(self) -> bool:
        return self.row.kind == "break"


def clock_minutes(clock: str) -> int:
    """Minutes after midnight of an ``HH:MM`` clock time (checked by the caller)."""
    match = CLOCK.match(clock)
    if match is None:
        raise ValueError(f"not an HH:MM clock time: {clock!r}")
    return int(match.group(1)) * 60 + int(match.group(2))


def start_of_day(session: Session) -> int | None:
    """The session start in minutes after midnight: its start time or the first clock row."""
    if session.start_time:
        return clock_minutes(session.start_time)
    for row in session.agenda:
        if row.clock:
            return clock_minutes(row.clock)
    return None


def schedule(session: Session) -> list[Slot]:
    """Every agenda row with its start, in order."""
    day_start = start_of_day(session)
    slots: list[Slot] = []
    cursor = 0
    for row in session.agenda:
        start = _row_start(row, cursor, day_start)
        slots.append(Slot(row, start))
        cursor = start + row.minutes
    return slots


def _row_start(row: AgendaRow, cursor: int, day_start: int | None) -> int:
    if row.clock and day_start is not None:
        return clock_minutes(row.clock) - day_start
    if row.offset is not None:
        return row.offset
    return cursor


def instruction_minutes(session: Session) -> int:
    """Minutes of teaching: every agenda row that is not a break."""
    return sum(row.minutes for row in session.agenda if row.kind != "break")


def time_label(session: Session, minutes: int) -> str:
    """How a moment ``minutes`` after the start is printed."""
    day_start = start_of_day(session)
    if day_start is None:
        return f"{minutes // 60}:{minutes % 60:02d}"
    return format_clock(day_start + minutes, session.language)


def format_clock(minutes_after_midnight: int, language: str) -> str:
    """``9:15 AM`` for US English, ``09:15`` for everyone else."""
    hours, minutes = divmod(minutes_after_midnight % (24 * 60), 60)
    if language.lower() == "en-us":
        suffix = "AM" if hours < 12 else "PM"
        return f"{(hours - 1) % 12 + 1}:{minutes:02d} {suffix}"
    return f"{hours:02d}:{minutes:02d}"


def has_clock(session: Session) -> bool:
    return start_of_day(session) is not None


def session_span(session: Session) -> str:
    """``9:00 AM – 11:00 AM`` with a start time, otherwise ``2 hours``."""
    slots = schedule(session)
    end = max(slot.end for slot in slots) if slots else 0
    if not has_clock(session):
        return duration_text(end)
    return f"{time_label(session, 0)} – {time_label(session, end)}"


def duration_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    if rest or not hours:
        parts.append(f"{rest} minutes")
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
