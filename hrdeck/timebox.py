"""Time-boxing: what a session of N minutes keeps, how long each part runs, where breaks fall.

Pure functions over plain values (an audience's module entries as :class:`Slot`, its
:class:`~hrdeck.curriculum.model.Breaks` rule, a budget in minutes); tailoring
(:func:`hrdeck.tailor.tailor`) applies the result.  The rules, in order:

1. Without a budget every module runs at full length.
2. With one, the *core* (modules without ``core: false``) is kept whole.  If it does
   not fit at full length, core modules drop to their ``short`` length one at a time,
   the one that saves the most minutes first (ties: the later one in the agenda
   first), until it fits.  If the core does not fit even with every module short,
   :class:`TooShort` names the minimum.
3. Then optional modules are added in priority order (``priority: 1`` first, higher
   numbers later, modules without a priority last; ties in agenda order): each at
   full length if it fits, else at its ``short`` length if it fits, else left out.
   Core modules are never shortened to make room for an optional one.
4. A ``section`` module stays while at least one module of its part (up to the next
   section) stays; its minutes count like any other.
5. Breaks are scheduled on the result, and count against the budget:
   - ``every`` (default 90 minutes, 10 long): no stretch runs past ``every`` minutes
     without a break.  A break goes before the module that would cross the mark,
     or before that part's section header when the header starts at least two
     thirds of the way to the mark.  Never before the first content module (after
     title and agenda) and never after the last one (before resources, references
     and closing): a session that runs past the mark only in its closing minutes
     gets no break.
   - ``after: [ids]``: a break after each listed module; one that was left out moves
     to the kept module before it; none after the last module; ``after: []`` means
     no breaks.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from hrdeck.curriculum.model import Breaks
from hrdeck.diagnostics import NOWHERE, Loc
from hrdeck.errors import UsageError

OPENING_KINDS = frozenset({"title", "agenda"})
CLOSING_KINDS = frozenset({"resources", "references", "closing"})
NOT_PART_CONTENT = frozenset({"title", "agenda", "references", "closing"})
SECTION_SHARE = 2 / 3  # a section header this far to the mark takes the break before it
EPSILON = 1e-9
DEFAULT_BREAKS = Breaks()  # 10 minutes, so that no stretch runs past 90


@dataclass(frozen=True)
class Slot:
    """One module entry of an audience, as time-boxing sees it."""

    id: str
    kind: str
    minutes: float
    short: float | None = None
    core: bool = True
    priority: int | None = None
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Planned:
    """A kept module and the minutes it runs."""

    slot: Slot
    minutes: float

    @property
    def shortened(self) -> bool:
        return self.minutes < self.slot.minutes - EPSILON


@dataclass(frozen=True)
class ScheduledBreak:
    """A break before ``kept[before]``."""

    before: int
    minutes: float
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class LeftOut:
    """A module the session leaves out, and why."""

    slot: Slot
    reason: str


@dataclass(frozen=True)
class Timebox:
    """The session: kept modules in order, breaks between them, what was left out."""

    kept: tuple[Planned, ...]
    breaks: tuple[ScheduledBreak, ...] = ()
    left_out: tuple[LeftOut, ...] = ()
    budget: float | None = None

    @property
    def content_minutes(self) -> float:
        return sum(p.minutes for p in self.kept)

    @property
    def break_minutes(self) -> float:
        return sum(b.minutes for b in self.breaks)

    @property
    def total_minutes(self) -> float:
        return self.content_minutes + self.break_minutes


class TooShort(Exception):
    """The core does not fit the budget even shortened; ``minimum`` is what it needs."""

    def __init__(self, minimum: float, budget: float) -> None:
        super().__init__(f"needs at least {minimum:g} minutes; {budget:g} is too short")
        self.minimum, self.budget = minimum, budget


# -- choosing -------------------------------------------------------------------------


def fit(
    slots: Sequence[Slot], rule: Breaks = DEFAULT_BREAKS, budget: float | None = None
) -> Timebox:
    """The session of ``slots`` in ``budget`` minutes (``None``: everything, full length)."""
    if budget is None:
        return arrange(slots, {i: s.minutes for i, s in enumerate(slots)}, rule)
    minimum = minimum_minutes(slots, rule)
    if minimum > budget + EPSILON:
        raise TooShort(minimum, budget)
    choice = _fit_core(slots, rule, budget)
    for i in _optional_order(slots):
        for minutes in _lengths(slots[i]):
            trial = {**choice, i: minutes}
            if arrange(slots, trial, rule, budget).total_minutes <= budget + EPSILON:
                choice = trial
                break
    return arrange(slots, choice, rule, budget)


def minimum_minutes(slots: Sequence[Slot], rule: Breaks = DEFAULT_BREAKS) -> float:
    """The shortest the core can run, breaks included."""
    core = {i: _shortest(s) for i, s in enumerate(slots) if s.core and not _is_section(s)}
    return arrange(slots, core, rule).total_minutes


def _fit_core(slots: Sequence[Slot], rule: Breaks, budget: float) -> dict[int, float]:
    """Core modules at full length, shortened one at a time until the session fits.

    Only what is needed is cut: when one module's saving covers what is still over,
    the smallest such saving is taken (a 3-minute overrun shortens a 5-minute module,
    not the case discussion); otherwise the biggest saving goes first.
    """
    choice = {i: s.minutes for i, s in enumerate(slots) if s.core and not _is_section(s)}
    candidates = shortenable(slots)
    while candidates:
        over = arrange(slots, choice, rule, budget).total_minutes - budget
        if over <= EPSILON:
            break
        pick = next_to_shorten(slots, candidates, over)
        choice[pick] = _shortest(slots[pick])
        candidates.remove(pick)
    return choice


def shortenable(slots: Sequence[Slot]) -> list[int]:
    """The core modules that have a short length."""
    return [i for i, s in enumerate(slots) if s.core and not _is_section(s) and s.short is not None]


def next_to_shorten(slots: Sequence[Slot], candidates: Sequence[int], over: float) -> int:
    """The module to shorten when the session is `over` minutes too long: the smallest
    saving that covers it, else the biggest saving (ties: the later module)."""
    saving = {i: slots[i].minutes - _shortest(slots[i]) for i in candidates}
    covering = [i for i in candidates if saving[i] >= over - EPSILON]
    if covering:
        return min(covering, key=lambda i: (saving[i], -i))
    return max(candidates, key=lambda i: (saving[i], i))


def _optional_order(slots: Sequence[Slot]) -> list[int]:
    optional = [i for i, s in enumerate(slots) if not s.core and not _is_section(s)]
    return sorted(optional, key=lambda i: (slots[i].priority or math.inf, i))


def _lengths(slot: Slot) -> tuple[float, ...]:
    return (slot.minutes,) if slot.short is None else (slot.minutes, slot.short)


def _shortest(slot: Slot) -> float:
    return slot.short if slot.short is not None else slot.minutes


def _is_section(slot: Slot) -> bool:
    return slot.kind == "section"


# -- arranging ------------------------------------------------------------------------


def arrange(
    slots: Sequence[Slot], choice: Mapping[int, float], rule: Breaks, budget: float | None = None
) -> Timebox:
    """The timebox of a choice (slot index -> minutes).

    A section in the choice is kept; one not in it is kept while its part has a kept
    module.
    """
    sections = _kept_sections(slots, choice)
    kept_indices = [i for i in range(len(slots)) if i in choice or i in sections]
    kept = tuple(Planned(slots[i], choice.get(i, slots[i].minutes)) for i in kept_indices)
    left_out = tuple(
        LeftOut(s, _reason(s, budget)) for i, s in enumerate(slots) if i not in kept_indices
    )
    breaks = schedule_breaks(kept, rule, _positions(slots, kept_indices))
    return Timebox(kept, breaks, left_out, budget)


def _kept_sections(slots: Sequence[Slot], choice: Mapping[int, float]) -> set[int]:
    kept: set[int] = set()
    section: int | None = None
    for i, slot in enumerate(slots):
        if _is_section(slot):
            section = i
        elif section is not None and i in choice and slot.kind not in NOT_PART_CONTENT:
            kept.add(section)
    return kept


def _reason(slot: Slot, budget: float | None) -> str:
    if _is_section(slot):
        return "a section whose modules are all left out"
    ranked = f", priority {slot.priority}" if slot.priority is not None else ""
    room = f" in {budget:g} minutes" if budget is not None else ""
    return f"optional{ranked}: does not fit{room}"


def _positions(slots: Sequence[Slot], kept_indices: list[int]) -> dict[str, int]:
    """Module id -> the kept index a break 'after' it follows (left-out ones: the kept
    module before them; -1 when none is)."""
    found: dict[str, int] = {}
    last = -1
    for i, slot in enumerate(slots):
        if i in kept_indices:
            last = kept_indices.index(i)
        found.setdefault(slot.id, last)
    return found


def schedule_breaks(
    kept: Sequence[Planned], rule: Breaks, positions: Mapping[str, int] | None = None
) -> tuple[ScheduledBreak, ...]:
    """Where breaks fall among ``kept`` (``positions``: for ``after``, see :func:`arrange`)."""
    if rule.after is not None:
        where = positions or {p.slot.id: k for k, p in enumerate(kept)}
        before = sorted({where[m] + 1 for m in rule.after if m in where and where[m] >= 0})
        return tuple(ScheduledBreak(b, rule.minutes, rule.loc) for b in before if 0 < b < len(kept))
    return tuple(ScheduledBreak(b, rule.minutes, rule.loc) for b in _every(kept, rule.every))


def _every(kept: Sequence[Planned], every: float) -> list[int]:
    contents = [k for k, p in enumerate(kept) if p.slot.kind not in OPENING_KINDS]
    closing = [k for k, p in enumerate(kept) if p.slot.kind not in CLOSING_KINDS]
    if not contents or not closing:
        return []
    first, last = contents[0], closing[-1]
    breaks: list[int] = []
    since, resumed, section = 0.0, 0, None
    starts = _starts(kept)
    for k, planned in enumerate(kept):
        if planned.slot.kind == "section":
            section = k
        crossing = since + planned.minutes > every + EPSILON
        if crossing and since > EPSILON and first < k <= last:
            at = k
            ran = starts[section] - starts[resumed] if section is not None else 0.0
            if section is not None and first < section and ran >= SECTION_SHARE * every - EPSILON:
                at = section  # the part's section header starts late enough: break before it
            breaks.append(at)
            resumed = at
            since = starts[k] - starts[at]
        since += planned.minutes
    return breaks


def _starts(kept: Sequence[Planned]) -> list[float]:
    """Content minutes before each kept module."""
    starts, total = [], 0.0
    for planned in kept:
        starts.append(total)
        total += planned.minutes
    return starts


# -- the clock ------------------------------------------------------------------------

_CLOCK = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*$", re.I)


@dataclass(frozen=True)
class ClockStart:
    """When a session starts, for real clock times ("13:30", or "1:30 PM" style)."""

    minutes: int  # after midnight
    twelve_hour: bool = False

    def label(self, offset: float) -> str:
        """The clock time ``offset`` minutes after the start."""
        total = (self.minutes + math.floor(offset + 0.5)) % (24 * 60)
        hours, minutes = divmod(total, 60)
        if not self.twelve_hour:
            return f"{hours:02d}:{minutes:02d}"
        suffix = "AM" if hours < 12 else "PM"
        return f"{(hours - 1) % 12 + 1}:{minutes:02d} {suffix}"


def parse_start(text: str) -> ClockStart:
    """``13:30``, ``9:00``, ``1:30pm`` or ``1:30 PM`` -> :class:`ClockStart`."""
    match = _CLOCK.match(text)
    hint = "--start expects a time of day such as 13:30, 09:00 or 1:30pm"
    if match is None:
        raise UsageError(f"'{text}' is not a time of day; {hint}")
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    meridiem = (match.group(3) or "").lower().replace(".", "")
    if (meridiem and not 1 <= hours <= 12) or hours > 23 or minutes > 59:
        raise UsageError(f"'{text}' is not a time of day; {hint}")
    if meridiem:
        hours = hours % 12 + (12 if meridiem == "pm" else 0)
    return ClockStart(hours * 60 + minutes, twelve_hour=bool(meridiem))
