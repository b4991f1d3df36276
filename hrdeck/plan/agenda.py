"""The session's schedule: every module and break with its start, and the agenda's rows.

:func:`schedule` lists the tailored modules and the breaks between them in order,
each with its start (minutes into the session).  :func:`agenda_entries` groups that
schedule the way the agenda slide shows it: a section stands for the modules after
it; title, agenda and closing are left off; a break is a row of its own, and a
section that a break interrupts continues after it as "(continued)".  The agenda
slide, the session plan the kit writers read and the facilitator guide all come
from here, so their times always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from hrdeck.plan.markup import plain
from hrdeck.tailor import Tailored, TailoredModule
from hrdeck.timebox import ScheduledBreak

# Module kinds left out of the generated agenda list.
NOT_ON_AGENDA = frozenset({"title", "agenda", "closing"})
BREAK_TITLE = "Break"
BREAK_ID = "(break)"  # the module_id of a break slide: never a module id (not a slug)
# A break slide is drawn as a section header (title "Break", the return time below);
# a renderer with a 'break' kind of its own would take it by changing this one name.
BREAK_KIND = "section"


@dataclass(frozen=True)
class Segment:
    """A module or a break, with its start in minutes from the session's start."""

    start: float
    minutes: float
    module: TailoredModule | None = None
    brk: ScheduledBreak | None = None

    @property
    def is_break(self) -> bool:
        return self.brk is not None

    @property
    def end(self) -> float:
        return self.start + self.minutes


@dataclass(frozen=True)
class AgendaEntry:
    """One row of the agenda slide."""

    title: str
    start: float
    minutes: float
    is_break: bool = False


def schedule(tailored: Tailored) -> list[Segment]:
    """Every module and break of the session, in order, with its start."""
    before: dict[int, list[ScheduledBreak]] = {}
    for brk in tailored.breaks:
        before.setdefault(brk.before, []).append(brk)
    segments: list[Segment] = []
    start = 0.0
    for index, module in enumerate(tailored.modules):
        for brk in before.get(index, []):
            segments.append(Segment(start, brk.minutes, brk=brk))
            start += brk.minutes
        segments.append(Segment(start, module.minutes, module=module))
        start += module.minutes
    return segments


def module_title(module: TailoredModule) -> str:
    title = module.module.title
    return plain(title if isinstance(title, str) else "")


def agenda_entries(tailored: Tailored) -> list[AgendaEntry]:
    """The agenda slide's rows: sections stand for their modules, breaks stand alone."""
    entries: list[AgendaEntry] = []
    section: str | None = None  # the title of the section the rows are in
    grouping = False  # the last row stands for the current section
    for segment in schedule(tailored):
        if segment.is_break:
            entries.append(AgendaEntry(BREAK_TITLE, segment.start, segment.minutes, True))
            grouping = False
            continue
        assert segment.module is not None
        kind = segment.module.module.kind
        if kind in NOT_ON_AGENDA:
            section, grouping = None, False
        elif kind == "section":
            section, grouping = module_title(segment.module), True
            entries.append(AgendaEntry(section, segment.start, segment.minutes))
        elif grouping:
            last = entries[-1]
            entries[-1] = AgendaEntry(last.title, last.start, last.minutes + segment.minutes)
        elif section is not None:
            title = f"{section} (continued)"
            entries.append(AgendaEntry(title, segment.start, segment.minutes))
            grouping = True
        else:
            title = module_title(segment.module)
            entries.append(AgendaEntry(title, segment.start, segment.minutes))
    return entries
