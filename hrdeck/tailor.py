"""Tailor a curriculum to one audience: (curriculum, audience id) -> :class:`Tailored`.

One generic walk over the model dataclasses (``dataclasses.fields`` / ``replace``)
does all of it, whatever the module kind:

- every :class:`~hrdeck.curriculum.model.Variants` becomes this audience's value (else the
  default);
- every item, slide, myth, resource or module whose ``audiences`` excludes this
  audience is removed, and a :class:`Dropped` record says where and why (for
  ``hrdeck build --verbose``); afterwards every ``audiences`` is ``None``;
- the audience's vocabulary rules rewrite whole words in fields typed ``Text``
  only, so ids, URLs, image paths and citations are never touched; inside text,
  link targets, bare URLs and inline code are left alone too.

Modules come in the order of the audience's ``modules`` list, each with its minutes.
Modules of the course outline that this audience does not use are reported as dropped.
A session length (``SessionOptions.minutes``) time-boxes the list first
(:mod:`hrdeck.timebox`: what to keep, what to shorten, where breaks fall); without
one every module runs at full length, with breaks by the audience's rule.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from hrdeck.curriculum.model import Audience, Course, Curriculum, Module, Variants, VocabularyRule
from hrdeck.diagnostics import NOWHERE, Loc, error
from hrdeck.errors import ContentError, UsageError
from hrdeck.kinds import KINDS
from hrdeck.timebox import ClockStart, LeftOut, ScheduledBreak, Slot, Timebox, TooShort, fit


@dataclass(frozen=True)
class Dropped:
    """Something this audience does not see, with where it came from and why."""

    loc: Loc
    what: str
    reason: str

    def __str__(self) -> str:
        return f"dropped {self.what} ({self.loc}): {self.reason}"


@dataclass(frozen=True)
class SessionOptions:
    """What a trainer asks of one session: its length in minutes and its start time.

    ``None`` for either keeps today's behaviour: every module at full length, and
    times relative to the start ("0:12").  ``knowledge_checks`` puts the question
    bank's knowledge checks in the deck (``--quiz``) whatever the audience says.
    """

    minutes: float | None = None
    start: ClockStart | None = None
    knowledge_checks: bool = False


DEFAULT_SESSION = SessionOptions()  # full length, relative times


@dataclass(frozen=True)
class TailoredModule:
    module: Module
    minutes: float  # what this session gives it
    full_minutes: float | None = None  # its full length when shortened, else None
    core: bool = True

    @property
    def shortened(self) -> bool:
        return self.full_minutes is not None and self.minutes < self.full_minutes


@dataclass(frozen=True)
class Tailored:
    """A curriculum for one audience and session: no Variants, no audience filters left.

    ``breaks[i].before`` is the index in ``modules`` of the module a break precedes.
    """

    curriculum: Curriculum  # the source, for its root folder and citation lookups
    course: Course
    audience: Audience
    modules: tuple[TailoredModule, ...]
    dropped: tuple[Dropped, ...] = ()
    breaks: tuple[ScheduledBreak, ...] = ()
    session: SessionOptions = DEFAULT_SESSION
    left_out: tuple[LeftOut, ...] = ()  # modules time-boxing left out

    @property
    def root(self) -> str:
        return self.curriculum.root

    @property
    def total_minutes(self) -> float:
        """The session's length: modules and breaks."""
        return sum(m.minutes for m in self.modules) + sum(b.minutes for b in self.breaks)

    @property
    def break_minutes(self) -> float:
        return sum(b.minutes for b in self.breaks)


# --- vocabulary ------------------------------------------------------------------------

# Spans that vocabulary never rewrites: link targets, autolinks, bare URLs, inline code.
_PROTECTED = re.compile(r"\]\([^)]*\)|<[a-z][a-z0-9+.-]*:[^>\s]*>|https?://\S+|`[^`]*`", re.I)
_SENTENCE_START = re.compile(r"(?:^\s*|[.!?:]\s+)[\[*_(\"'“]*$")


def _case_like(found: str, term: str, prefer: str, before: str) -> str:
    """Carry sentence capitalisation (or shouting) of ``found`` over to ``prefer``."""
    if len(found) > 1 and found.isupper() and not term.isupper():
        return prefer.upper()
    capitalised = found[:1].isupper() and not term[:1].isupper()
    if capitalised or (found[:1].isupper() and _SENTENCE_START.search(before)):
        return prefer[:1].upper() + prefer[1:]
    return prefer


@dataclass(frozen=True)
class _Vocabulary:
    pattern: re.Pattern[str] | None
    prefer: dict[str, tuple[str, str]]  # lower-cased term -> (term, preferred)

    def apply(self, text: str) -> str:
        if self.pattern is None or not text:
            return text
        out: list[str] = []
        last = 0
        for match in _PROTECTED.finditer(text):
            out.append(self._replace(text[last : match.start()], "".join(out)))
            out.append(match.group())
            last = match.end()
        out.append(self._replace(text[last:], "".join(out)))
        return "".join(out)

    def _replace(self, text: str, before: str) -> str:
        assert self.pattern is not None

        def swap(match: re.Match[str]) -> str:
            term, prefer = self.prefer[match.group().lower()]
            context = before + text[: match.start()]
            return _case_like(match.group(), term, prefer, context)

        return self.pattern.sub(swap, text)


def compile_vocabulary(rules: tuple[VocabularyRule, ...]) -> _Vocabulary:
    """One whole-word, case-insensitive pattern for all rules, longest terms first."""
    prefer = {term.lower(): (term, rule.prefer) for rule in rules for term in rule.instead_of}
    if not prefer:
        return _Vocabulary(None, {})
    terms = sorted(prefer, key=len, reverse=True)
    alternatives = "|".join(re.escape(term) for term in terms)
    return _Vocabulary(re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I), prefer)


# --- the walk --------------------------------------------------------------------------


@dataclass
class _Walk:
    audience: str
    vocabulary: _Vocabulary
    dropped: list[Dropped]


_FIELDS: dict[type, tuple[tuple[str, bool], ...]] = {}
_LEAVES = (int, float, type(None))  # values the walk returns as they are (bool is an int)


def _walked_fields(cls: type) -> tuple[tuple[str, bool], ...]:
    """The fields of dataclass `cls` the walk visits (all but ``loc``), each with whether
    it is declared as Text (or lists of Text): those get vocabulary.  Once per class."""
    found = _FIELDS.get(cls)
    if found is None:
        fields = dataclasses.fields(cls)
        found = tuple((f.name, "Text" in str(f.type)) for f in fields if f.name != "loc")
        _FIELDS[cls] = found
    return found


def _resolve(value: Any, walk: _Walk, is_text: bool) -> Any:
    if isinstance(value, _LEAVES):
        return value
    if isinstance(value, Variants):
        chosen = value.for_audience(walk.audience)
        if chosen is None:
            chosen = () if any(isinstance(v, tuple) for _, v in value.by_audience) else ""
        return _resolve(chosen, walk, is_text)
    if isinstance(value, str):
        return walk.vocabulary.apply(value) if is_text else value
    if isinstance(value, tuple):
        return tuple(_resolve(v, walk, is_text) for v in value if _keep(v, walk))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _node(value, walk)
    return value


def _node(node: Any, walk: _Walk) -> Any:
    changes: dict[str, Any] = {}
    for name, is_text in _walked_fields(type(node)):
        old = getattr(node, name)
        new = None if name == "audiences" else _resolve(old, walk, is_text)
        if new is not old:
            changes[name] = new
    return dataclasses.replace(node, **changes) if changes else node


def _keep(value: Any, walk: _Walk) -> bool:
    audiences = getattr(value, "audiences", None)
    if audiences is None or walk.audience in audiences:
        return True
    walk.dropped.append(Dropped(value.loc, _describe(value, walk.audience), _only_for(audiences)))
    return False


def _only_for(audiences: frozenset[str]) -> str:
    return "only for " + ", ".join(sorted(audiences)) if audiences else "for no audience"


_LABEL_FIELD = {"Item": "text", "Myth": "myth", "Resource": "name", "Module": "id"}


def _describe(value: Any, audience: str) -> str:
    kind = type(value).__name__
    label = getattr(value, _LABEL_FIELD.get(kind, "title"), "")
    if isinstance(label, Variants):
        label = label.for_audience(audience) or ""
    label = " ".join(str(label).split())
    if len(label) > 50:
        label = label[:49] + "…"
    return f"{kind.lower()} '{label}'"


# --- modules ---------------------------------------------------------------------------


def _unused_outline_modules(curriculum: Curriculum, audience: Audience) -> list[Dropped]:
    used = {ref.id for ref in audience.modules}
    return [
        Dropped(module.loc, f"module '{module_id}'", f"not in the module list of {audience.id}")
        for module_id in curriculum.course.outline
        if module_id not in used and (module := curriculum.module(module_id)) is not None
    ]


def tailor(
    curriculum: Curriculum, audience_id: str, session: SessionOptions = DEFAULT_SESSION
) -> Tailored:
    """Resolve, filter and reword the curriculum for one audience and session.

    Raises :class:`ContentError` (located at the audience's module list) when
    ``session.minutes`` is shorter than the audience's core needs.
    """
    audience = _audience(curriculum, audience_id)
    walk = _Walk(audience.id, compile_vocabulary(audience.vocabulary), [])
    shown = _shown_modules(curriculum, audience, walk)
    box = fit_session(audience, [slot for slot, _ in shown], session)
    by_id = {slot.id: module for slot, module in shown}
    modules = tuple(
        TailoredModule(
            _node(by_id[p.slot.id], _walk_for(by_id[p.slot.id], walk)),
            p.minutes,
            p.slot.minutes if p.shortened else None,
            p.slot.core,
        )
        for p in box.kept
    )
    left_out = [Dropped(x.slot.loc, f"module '{x.slot.id}'", x.reason) for x in box.left_out]
    dropped = _unused_outline_modules(curriculum, audience) + walk.dropped + left_out
    return Tailored(
        curriculum,
        curriculum.course,
        audience,
        modules,
        tuple(dropped),
        box.breaks,
        session,
        box.left_out,
    )


def _walk_for(module: Module, walk: _Walk) -> _Walk:
    """The walk for one module: the cover and closing name the course as it is called on
    its certificate and handouts, so the audience's vocabulary does not reword them."""
    row = KINDS.get(module.kind)
    if row is not None and row.centred:
        return _Walk(walk.audience, _Vocabulary(None, {}), walk.dropped)
    return walk


def _audience(curriculum: Curriculum, audience_id: str) -> Audience:
    audience = curriculum.audience(audience_id)
    if audience is None:
        known = ", ".join(a.id for a in curriculum.audiences) or "none"
        raise UsageError(f"unknown audience '{audience_id}' (known: {known})")
    return audience


def _shown_modules(
    curriculum: Curriculum, audience: Audience, walk: _Walk
) -> list[tuple[Slot, Module]]:
    """The audience's module entries whose module exists and is shown to it, as slots."""
    shown = []
    for ref in audience.modules:
        module = curriculum.module(ref.id)
        if module is not None and _keep(module, walk):
            slot = Slot(
                ref.id, module.kind, ref.minutes, ref.short, ref.core, ref.priority, ref.loc
            )
            shown.append((slot, module))
    return shown


def session_slots(curriculum: Curriculum, audience_id: str) -> list[Slot]:
    """The slots time-boxing chooses from, for one audience (no text is tailored)."""
    audience = _audience(curriculum, audience_id)
    walk = _Walk(audience.id, compile_vocabulary(()), [])
    return [slot for slot, _ in _shown_modules(curriculum, audience, walk)]


def fit_session(audience: Audience, slots: list[Slot], session: SessionOptions) -> Timebox:
    """The audience's session in ``session.minutes``; a located ContentError when its
    core does not fit even shortened."""
    rule = audience.breaks
    if rule.loc == NOWHERE:
        rule = dataclasses.replace(rule, loc=audience.loc)
    try:
        return fit(slots, rule, session.minutes)
    except TooShort as short:
        raise too_short_error(audience, short) from None


def too_short_error(audience: Audience, short: TooShort) -> ContentError:
    """'the court core needs at least 74 minutes with its breaks; --minutes 60 is too short'."""
    message = (
        f"the {audience.id} core needs at least {short.minimum:g} minutes with its breaks; "
        f"--minutes {short.budget:g} is too short"
    )
    hint = (
        f"ask for at least {short.minimum:g} minutes, or in {audience.file or 'its audience file'} "
        "give core modules a 'short:' length or mark some 'core: false'"
    )
    where = audience.modules[0].loc if audience.modules else audience.loc
    return ContentError(message, [error(where, "too-short", message, hint)])


def tailor_all(curriculum: Curriculum) -> dict[str, Tailored]:
    """Every audience of the curriculum, by id, in file order."""
    return {a.id: tailor(curriculum, a.id) for a in curriculum.audiences}
