"""The deck plan: the renderer-independent contract between content and output.

``hrdeck.plan.build.build_plan`` turns a tailored curriculum into a :class:`DeckPlan`;
the PowerPoint renderer, the facilitator guide, the Markdown export and the golden
tests all read it.  Nothing here depends on python-pptx.

Slide kinds and the block roles each one uses:

  title       subtitle (slide.subtitle); blocks: role "presenter"
  agenda      blocks: role "body" (one para per module: title and minutes)
  section     subtitle (a break slide is a section titled "Break", module_id "(break)",
              subtitle "Back at 14:58" or its length)
  bullets     blocks: role "body" (paragraph levels for nesting);
              optional image (slide.image)
  myth        blocks: role "myth", role "fact"
  comparison  blocks: role "left", role "right" (each with heading)
  spectrum    blocks: role "stage" (one per stage, heading = label), optional role "caption"
  diagram     slide.diagram; optional role "caption"
  case        blocks: role "narrative"
  questions   blocks: role "body" (discussion questions for this audience)
  references  blocks: role "citation" (one para per citation, APA 7)
  resources   blocks: role "resource" (one per resource: its name, description and short
              address; block.link the resource's link, shown as a QR code)
  closing     subtitle; blocks: role "body" (contact lines), optional role "link" (the
              evaluation link: block.link, shown as a QR code)
  stat        blocks: roles "value", "label", "source" (one of each per number, in order),
              optional "caption"
  chart       slide.chart; blocks: role "source", optional "caption"
  icons       blocks: roles "label" (block.icon: the icon's name) and "text", one of each
              per cell, in order
  quote       blocks: role "quote", optional "attribution"
  image       slide.image (with its credit and side); blocks: role "body" (the bullets
              beside the picture)
  persona     blocks: roles "name" (block.icon), "role", "details" (one para per fact)
  sources     blocks: role "body" (the cited works, short: "Author, year — title"),
              role "link" (where the full list is: block.link when online)
  check-question, check-answer
              blocks: role "body" (a knowledge check's question and options; its
              answer and the reason)

The drawn kinds (stat, chart, icons, quote, persona, sources, resources) are laid out
by :mod:`hrdeck.plan.visualgrid` in the area under the title, the same way in the
plan (to fit text) and in the renderer (to draw it).
"""

from __future__ import annotations

from dataclasses import dataclass

from hrdeck.diagnostics import Loc
from hrdeck.plan.session import SessionPlan
from hrdeck.richtext import Para


@dataclass(frozen=True)
class PlanLink:
    """A link the audience should take away: shown as a QR code and a short address."""

    url: str
    short: str  # what the room reads, e.g. "samhsa.gov/find-help"
    label: str  # what it is, for alt text: "SAMHSA Harm Reduction Framework"


@dataclass(frozen=True)
class Block:
    role: str
    paras: tuple[Para, ...]
    heading: str | None = None
    size_pt: float | None = None  # chosen by the plan's fitting; None: renderer decides
    icon: str | None = None  # an icon of the set drawn with this block
    link: PlanLink | None = None  # a link drawn as a QR code with this block


@dataclass(frozen=True)
class PlanImage:
    path: str  # absolute path, checked to exist
    alt: str
    credit: str = ""  # the credit line of an image slide
    side: str = "right"  # where an image slide's picture goes: left or right


@dataclass(frozen=True)
class PlanSeries:
    name: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class PlanChart:
    """A native chart: ``type`` column, bar or line; ``alt`` says what it shows."""

    type: str
    categories: tuple[str, ...]
    series: tuple[PlanSeries, ...]
    alt: str
    units: str = ""
    decimals: int = 0
    labels: bool = True


@dataclass(frozen=True)
class PlanNode:
    id: str
    label: str


@dataclass(frozen=True)
class PlanEdge:
    source: str
    target: str
    label: str
    both_ways: bool


@dataclass(frozen=True)
class PlanDiagram:
    nodes: tuple[PlanNode, ...]
    edges: tuple[PlanEdge, ...]
    alt: str


@dataclass(frozen=True)
class SlidePlan:
    kind: str
    title: str
    module_id: str
    source: Loc
    blocks: tuple[Block, ...] = ()
    notes: tuple[Para, ...] = ()
    minutes: float | None = None
    subtitle: str | None = None
    image: PlanImage | None = None
    diagram: PlanDiagram | None = None
    chart: PlanChart | None = None
    module_title: str = ""  # the module's title, for agendas and guides
    title_pt: float | None = None  # chosen by the plan's fitting; None: renderer decides

    def block(self, role: str) -> Block | None:
        return next((b for b in self.blocks if b.role == role), None)

    def blocks_with(self, role: str) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.role == role)


@dataclass(frozen=True)
class DeckPlan:
    course_id: str
    course_title: str
    audience: str
    audience_label: str
    language: str
    date: str
    presenter: str
    objectives: tuple[str, ...]
    slides: tuple[SlidePlan, ...]
    fitted: bool = False  # text sizes chosen and long slides split (hrdeck.plan.fit)
    session: SessionPlan | None = None  # for the kit's writers; None when not planned
    references: tuple[Para, ...] = ()  # the full APA list of what the deck cites
    venue: str = ""  # where the session is held, when the course or trainer says

    @property
    def total_minutes(self) -> float:
        return sum(s.minutes or 0 for s in self.slides)
