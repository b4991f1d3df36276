"""Minutes for trainers: spreading a module's time over its slides, and clock labels.

Times are relative to the start ("0:12 of 1:30") unless the trainer gave a start
time (``hrdeck build --start 13:30``); then they are real clock times ("13:42").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from hrdeck.richtext import Para, Run
from hrdeck.timebox import ClockStart


def minutes_label(minutes: float) -> str:
    number = f"{minutes:g}"
    return f"{number} minute" if minutes == 1 else f"{number} minutes"


def half(x: float) -> float:
    """Round to the nearest half minute."""
    return math.floor(x * 2 + 0.5) / 2


def spread(minutes: float, weights: list[float]) -> list[float]:
    """Split ``minutes`` by weight into half minutes that add up to the whole."""
    total = sum(weights) or 1.0
    cumulative, shares, done = 0.0, [], 0.0
    for weight in weights:
        cumulative += weight
        upto = half(minutes * cumulative / total)
        shares.append(upto - done)
        done = upto
    return shares


def clock(minutes: float) -> str:
    whole = round(minutes)
    return f"{whole // 60}:{whole % 60:02d}"


@dataclass(frozen=True)
class SessionClock:
    """Clock labels for a session: relative ("0:12") or real ("13:42") with a start."""

    start: ClockStart | None = None

    def at(self, offset: float) -> str:
        """The time ``offset`` minutes into the session."""
        return self.start.label(offset) if self.start is not None else clock(offset)

    def span(self, begin: float, end: float) -> str:
        return f"{self.at(begin)}–{self.at(end)}"

    def whole(self, total: float) -> str:
        """The whole session: '1:30' (its length) or '13:30–15:00'."""
        return self.span(0, total) if self.start is not None else clock(total)


def timing_line(
    minutes: float, start: float, total: float, session: SessionClock = SessionClock()
) -> Para:
    """The first line of every slide's notes."""
    if minutes <= 0:
        when = f"{session.at(start)} of {session.whole(total)}"
        return Para((Run(f"Brief; no time of its own ({when})."),))
    span = f"{session.span(start, start + minutes)} of {session.whole(total)}"
    return Para((Run(f"About {minutes_label(minutes)} ({span})."),))


def break_line(
    minutes: float, start: float, total: float, session: SessionClock = SessionClock()
) -> Para:
    """The first line of a break slide's notes."""
    span = f"{session.span(start, start + minutes)} of {session.whole(total)}"
    return Para((Run(f"Break: {minutes_label(minutes)} ({span})."),))


def breaks_phrase(minutes: list[float]) -> str:
    """'including a 10-minute break', 'including 2 breaks (20 minutes)', or ''."""
    if not minutes:
        return ""
    if len(minutes) == 1:
        return f"including a {minutes[0]:g}-minute break"
    return f"including {len(minutes)} breaks ({minutes_label(sum(minutes))})"
