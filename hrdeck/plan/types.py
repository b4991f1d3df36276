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
  resources   blocks: role "body" (one para per resource, name linked)
  closing     subtitle; blocks: role "body" (contact lines)
"""

from __future__ import annotations

from dataclasses import dataclass

from hrdeck.diagnostics import Loc
from hrdeck.plan.session import SessionPlan
from hrdeck.richtext import Para


@dataclass(frozen=True)
class Block:
    role: str
    paras: tuple[Para, ...]
    heading: str | None = None
    size_pt: float | None = None  # chosen by the plan's fitting; None: renderer decides


@dataclass(frozen=True)
class PlanImage:
    path: str  # absolute path, checked to exist
    alt: str


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

    @property
    def total_minutes(self) -> float:
        return sum(s.minutes or 0 for s in self.slides)
