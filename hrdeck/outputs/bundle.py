"""Which files one audience's build writes, under which names, made in memory.

``hrdeck build`` makes the deck and the facilitator guide (the default, and fast);
``--kit`` makes every part below, ``--only deck,handout,...`` the parts named. The parts,
in the order a trainer uses them, and the files each writes:

- ``deck``: ``01-slides.pptx``; ``guide``: ``02-facilitator-guide.html`` and ``.md``;
- ``runsheet``: ``03-run-sheet.docx``; ``signin``: ``04-sign-in.docx``;
- ``pretest``: ``05-pre-test.docx``; ``handout``: ``06-handout.docx``;
- ``posttest``: ``07-post-test.docx``; ``evaluation``: ``08-evaluation.docx``;
- ``certificate``: ``09-certificate.docx``; ``key``: ``10-answer-key.docx``;
- ``lms``: ``11-questions.gift.txt`` (Moodle GIFT) and ``11-questions-qti.zip`` (QTI 1.2).

**Layout.** A build that picks parts (``--kit`` or ``--only``) writes them into one
folder per audience (``build/court/06-handout.docx``): everything a trainer needs for
one session in one place, sorted in the order of use, ready to copy to a stick or a
shared drive. The default build keeps its flat names (``build/<course>-<audience>.pptx``
and ``-guide.md``/``-guide.html``), which ``hrdeck watch``, ``hrdeck check``, the
README and users' scripts rely on.

The pre-test, post-test, answer key and LMS export need questions: an audience the bank
has none for gets a warning instead of empty tests.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from hrdeck.diagnostics import Diagnostic, Loc, warning
from hrdeck.errors import ContentError, UsageError
from hrdeck.plan.types import DeckPlan
from hrdeck.theme.model import Theme

PARTS: tuple[str, ...] = (
    "deck",
    "guide",
    "runsheet",
    "signin",
    "pretest",
    "handout",
    "posttest",
    "evaluation",
    "certificate",
    "key",
    "lms",
)
DEFAULT_PARTS = frozenset({"deck", "guide"})
QUESTION_PARTS = frozenset({"pretest", "posttest", "key", "lms"})
DECK_FILE = "slides.pptx"
GUIDE_FILES = ("facilitator-guide.html", "facilitator-guide.md")


def kit_name(part: str, name: str) -> str:
    """``06-handout.docx``: the part's place in :data:`PARTS` sorts the folder in order."""
    return f"{PARTS.index(part) + 1:02d}-{name}"


@dataclass(frozen=True)
class OutputChoice:
    """What a build writes: its parts, whether in one folder per audience, and PDFs."""

    parts: frozenset[str] = DEFAULT_PARTS
    folders: bool = False
    pdf: bool = False

    @property
    def ordered(self) -> tuple[str, ...]:
        return tuple(part for part in PARTS if part in self.parts)


DEFAULT_CHOICE = OutputChoice()


def output_choice(kit: bool = False, only: str | None = None, pdf: bool = False) -> OutputChoice:
    """``--kit``, ``--only`` and ``--pdf`` as an :class:`OutputChoice`; a usage error for
    an unknown part or for both ``--kit`` and ``--only``."""
    if kit and only is not None:
        raise UsageError("--kit builds every part; use --only to pick some, not both")
    if kit:
        return OutputChoice(frozenset(PARTS), folders=True, pdf=pdf)
    if only is None:
        return OutputChoice(DEFAULT_PARTS, folders=False, pdf=pdf)
    return OutputChoice(parse_parts(only), folders=True, pdf=pdf)


def parse_parts(text: str) -> frozenset[str]:
    """``deck,handout`` -> the parts; every unknown name is named in one usage error."""
    names = [name.strip().lower() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in PARTS]
    if unknown or not names:
        wrong = f"unknown part(s) {', '.join(unknown)}" if unknown else "no part named"
        raise UsageError(f"--only: {wrong}; choose from {','.join(PARTS)}")
    return frozenset(names)


def flat_names(course_id: str, audience: str) -> tuple[str, str, str]:
    """The default layout's deck and guide names: ``<course>-<audience>.pptx`` ..."""
    stem = f"{course_id}-{audience}"
    return f"{stem}.pptx", f"{stem}-guide.md", f"{stem}-guide.html"


Files = list[tuple[str, bytes]]
DeckRenderer = Callable[[DeckPlan, Theme], bytes]


@dataclass(frozen=True)
class AudienceFiles:
    """One audience's files (relative name, bytes) and the warnings making them gave."""

    files: Files
    diagnostics: list[Diagnostic]


def audience_files(
    plan: DeckPlan,
    theme: Theme,
    choice: OutputChoice,
    render_deck: DeckRenderer,
    audience_loc: Loc | None = None,
) -> AudienceFiles:
    """Every file ``choice`` asks for, for one planned audience, in memory; warnings are
    located at ``audience_loc`` (the audience's file) when given."""
    if not choice.folders:
        return AudienceFiles(_flat_files(plan, theme, choice.parts, render_deck), [])
    parts, skipped = _parts_with_content(plan, choice)
    files: Files = []
    if "deck" in parts:
        files.append((kit_name("deck", DECK_FILE), render_deck(plan, theme)))
    if "guide" in parts:
        html, markdown = _guides(plan)
        files += [(kit_name("guide", GUIDE_FILES[0]), html)]
        files += [(kit_name("guide", GUIDE_FILES[1]), markdown)]
    documents = [part for part in parts if part not in ("deck", "guide")]
    if documents:
        files += _kit_files(plan, theme, documents)
    in_folder = [(f"{plan.audience}/{name}", data) for name, data in files]
    return AudienceFiles(in_folder, _skipped_warnings(plan, skipped, audience_loc))


def _flat_files(
    plan: DeckPlan, theme: Theme, parts: Collection[str], render_deck: DeckRenderer
) -> Files:
    deck_name, md_name, html_name = flat_names(plan.course_id, plan.audience)
    files: Files = []
    if "deck" in parts:
        files.append((deck_name, render_deck(plan, theme)))
    if "guide" in parts:
        html, markdown = _guides(plan)
        files += [(md_name, markdown), (html_name, html)]
    return files


def _guides(plan: DeckPlan) -> tuple[bytes, bytes]:
    from hrdeck.outputs.guide import guide_html, guide_markdown

    return guide_html(plan).encode("utf-8"), guide_markdown(plan).encode("utf-8")


def _parts_with_content(plan: DeckPlan, choice: OutputChoice) -> tuple[list[str], list[str]]:
    """The chosen parts that can be written, and those left out for want of questions."""
    has_questions = plan.session is not None and bool(plan.session.questions)
    skipped = [p for p in choice.ordered if p in QUESTION_PARTS and not has_questions]
    return [p for p in choice.ordered if p not in skipped], skipped


def _kit_files(plan: DeckPlan, theme: Theme, parts: Sequence[str]) -> Files:
    from hrdeck.outputs.kit.checks import KitInputError, require_valid
    from hrdeck.outputs.kit.writers import PART_FILES, WRITERS
    from hrdeck.outputs.kitplan import kit_from_plan

    kit = kit_from_plan(plan, theme)
    try:
        require_valid(kit)
    except KitInputError as problem:
        message = f"the {plan.audience} training kit cannot be written: {problem}"
        raise ContentError(message) from None
    return [
        (kit_name(part, name), WRITERS[name](kit)) for part in parts for name in PART_FILES[part]
    ]


def _skipped_warnings(plan: DeckPlan, skipped: list[str], where: Loc | None) -> list[Diagnostic]:
    if not skipped:
        return []
    where = where or Loc(f"audience {plan.audience}", 0, 0)
    message = (
        f"the question bank has no question for the {plan.audience} audience: "
        f"{', '.join(skipped)} not written"
    )
    hint = f"add questions for it to a file in questions/ (audiences: [{plan.audience}])"
    return [warning(where, "kit-no-questions", message, hint)]
