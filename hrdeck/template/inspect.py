"""``hrdeck theme inspect``: a template described for the person writing its theme.yaml.

Lists the slide size, every master (number, name, background, fonts) with its layouts
and their placeholders (type, idx or ``-`` when the file has none, name, size and
position), then, for every slide kind, the best-scoring layouts with the reasons for
the best (see :mod:`.scoring`).  The proposed ``layouts:`` block is written by
:mod:`hrdeck.theme.mapping`.
"""

from __future__ import annotations

from collections.abc import Iterable

from hrdeck.template.loading import LoadedTemplate
from hrdeck.template.model import Box, Layout, Master, Placeholder, Template
from hrdeck.template.resolve import master_label
from hrdeck.template.scoring import LayoutScore, Proposal

EMU_PER_INCH = 914400
SHOWN_SCORES = 3  # layouts shown per kind


def describe(loaded: LoadedTemplate) -> str:
    """The listing of masters, layouts, placeholders and scores (no mapping)."""
    model, proposal = loaded.model, loaded.proposal
    if model is None or proposal is None:
        return ""
    lines = [_summary(loaded, model), *_repairs(loaded)]
    for master in model.masters:
        lines += ["", *_master_lines(master)]
    lines += ["", *score_lines(proposal)]
    return "\n".join(lines) + "\n"


def _inches(emu: int) -> str:
    return f"{emu / EMU_PER_INCH:.2f}"


def _summary(loaded: LoadedTemplate, model: Template) -> str:
    source = f" (converted with LibreOffice: {loaded.converted})" if loaded.converted else ""
    count = len(model.masters)
    notes = "a notes master" if model.has_notes_master else "no notes master"
    return (
        f"{loaded.path.name}{source}: slides {_inches(model.width)} x {_inches(model.height)} in, "
        f"{count} master{'s' * (count != 1)}, {notes}"
    )


def _repairs(loaded: LoadedTemplate) -> list[str]:
    repairs = [p for p in loaded.problems if p.severity == "info"]
    if not repairs:
        return []
    return ["hrdeck's copy was repaired (the file is untouched):"] + [
        f"  {p.message}" for p in repairs
    ]


def _master_lines(master: Master) -> list[str]:
    background = master.background
    fonts = f"fonts {master.fonts.major or '?'} (headings) / {master.fonts.minor or '?'} (body)"
    lines = [
        f"master {master.index}: {master_label(master)!r}; background {background.kind} "
        f"#{background.color or '??????'}; {fonts}"
    ]
    for layout in master.layouts:
        lines += _layout_lines(layout)
    return lines


def _layout_lines(layout: Layout) -> list[str]:
    kind = f" (type {layout.type})" if layout.type else ""
    lines = [f"  layout {layout.index:<2} {layout.name!r}{kind}"]
    lines += [_placeholder_line(p) for p in layout.placeholders]
    return lines


def _placeholder_line(placeholder: Placeholder) -> str:
    idx = "-" if placeholder.idx is None else str(placeholder.idx)
    where = _box_text(placeholder.box) if placeholder.box is not None else "no position"
    inherited = " (master's)" if placeholder.box_source == "master" else ""
    return f"      {placeholder.type:<9} idx {idx:<3} {placeholder.name!r:<30} {where}{inherited}"


def _box_text(box: Box) -> str:
    return f"{box.inches()} at {_inches(box.x)}, {_inches(box.y)} in"


def score_lines(proposal: Proposal, kinds: Iterable[str] | None = None) -> list[str]:
    """The best layouts of every kind with their scores, and why the best scored so."""
    lines = [f"scores out of 100 (best {SHOWN_SCORES} layouts per slide kind; 0 = cannot hold it):"]
    for kind in kinds or proposal.scores:
        ranked = proposal.scores.get(kind, ())
        chosen = proposal.mapping.get(kind)
        for rank, score in enumerate(ranked[:SHOWN_SCORES]):
            mark = (
                "*"
                if chosen and (score.master, score.layout) == (chosen.master, chosen.layout)
                else " "
            )
            label = kind if rank == 0 else ""
            lines.append(f"  {label:<11} {mark}{score.score:>3}  {_layout_label(score)}")
            if rank == 0:
                lines.append(f"{'':<19}{'; '.join(score.reasons)}")
    lines.append("  (* = proposed)")
    return lines


def _layout_label(score: LayoutScore) -> str:
    return f"master {score.master} layout {score.layout!r}"
