"""Minutes for trainers: spreading a module's time over its slides, and clock labels."""

from __future__ import annotations

import math

from hrdeck.richtext import Para, Run


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


def timing_line(minutes: float, start: float, total: float) -> Para:
    """The first line of every slide's notes."""
    if minutes <= 0:
        return Para((Run(f"Brief; no time of its own ({clock(start)} of {clock(total)})."),))
    span = f"{clock(start)}–{clock(start + minutes)} of {clock(total)}"
    return Para((Run(f"About {minutes_label(minutes)} ({span})."),))
