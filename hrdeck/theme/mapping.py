"""The ``layouts:`` block ``theme inspect`` proposes, and writing it into a theme.yaml.

The block maps every slide kind to the layout :func:`hrdeck.template.scoring.propose`
chose; with several masters each entry names its master (``{master: 3, layout:
"Title, Content"}``), since LibreOffice's templates repeat layout names on every
master.  A kind no layout can hold gets the layout bullets slides use, with a comment.

:func:`write_theme_file` writes a complete theme.yaml where there is none (the
template named, colours and fonts left to the template), or replaces only the
``layouts:`` block (and the ``template:`` line) of an existing one, keeping its other
lines and comments.  YAML is written as text, names quoted as JSON strings (valid
YAML), so no YAML library is needed here.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from hrdeck.kinds import SLIDE_KINDS
from hrdeck.template.loading import LoadedTemplate
from hrdeck.template.scoring import LayoutChoice, Proposal
from hrdeck.theme.model import THEME_FILE

TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


@dataclass(frozen=True)
class Written:
    """What ``--write`` did: the theme.yaml, and the template copied beside it (if any)."""

    theme_file: Path
    created: bool
    copied: Path | None


def layouts_block(proposal: Proposal, masters: int) -> list[str]:
    """``layouts:`` and one line per slide kind, as YAML lines."""
    lines = ["layouts:"]
    fallback = proposal.mapping.get("bullets")
    for kind in SLIDE_KINDS:
        choice = proposal.mapping.get(kind)
        note = ""
        if choice is None:
            if fallback is None:
                continue
            choice, note = fallback, "  # no layout suits it: its text goes in text boxes"
        lines.append(f"  {kind}: {_entry(choice, masters)}{note}")
    return lines


def _entry(choice: LayoutChoice, masters: int) -> str:
    name = json.dumps(choice.layout, ensure_ascii=False)
    if masters == 1:
        return name
    return f"{{master: {choice.master}, layout: {name}}}"


def proposed_yaml(loaded: LoadedTemplate) -> str:
    """The proposed block with a comment saying how to use it."""
    if loaded.model is None or loaded.proposal is None:
        return ""
    lines = [
        "# theme.yaml: the layouts proposed for this template; paste them, or write them",
        "# with `hrdeck theme inspect TEMPLATE --write THEME_FOLDER/theme.yaml`",
        *layouts_block(loaded.proposal, len(loaded.model.masters)),
    ]
    return "\n".join(lines) + "\n"


def write_theme_file(loaded: LoadedTemplate, target: Path) -> Written:
    """Write the proposed mapping into ``target`` (a theme.yaml, or its folder)."""
    assert loaded.model is not None and loaded.proposal is not None
    if target.is_dir() or not target.suffix:
        target = target / THEME_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    template, copied = _template_in_folder(loaded, target.parent)
    block = layouts_block(loaded.proposal, len(loaded.model.masters))
    if target.is_file():
        text = updated_theme(target.read_text(encoding="utf-8"), template, block)
        created = False
    else:
        text = new_theme(target.parent, template, block)
        created = True
    target.write_text(text, encoding="utf-8")
    return Written(target, created, copied)


def _template_in_folder(loaded: LoadedTemplate, folder: Path) -> tuple[str, Path | None]:
    """The template's name relative to ``folder``, copied there when it is elsewhere.

    A LibreOffice .otp/.odp is copied as the .pptx it was converted to, so building the
    theme needs no LibreOffice.
    """
    source = loaded.converted or loaded.path
    name = f"{loaded.path.stem}.pptx" if loaded.converted else loaded.path.name
    resolved = folder.resolve()
    if loaded.converted is None and source.resolve().is_relative_to(resolved):
        return source.resolve().relative_to(resolved).as_posix(), None
    copy = folder / name
    if not copy.exists() or copy.read_bytes() != source.read_bytes():
        shutil.copyfile(source, copy)
        return name, copy
    return name, None


def new_theme(folder: Path, template: str, block: list[str]) -> str:
    """A complete theme.yaml for a template, colours and fonts read from it."""
    name = re.sub(r"[^a-z0-9-]+", "-", folder.name.casefold()).strip("-") or "agency"
    lines = [
        f"# A theme for the agency template {template}, written by `hrdeck theme inspect`.",
        "# Colours and fonts are read from the template; name any of them here to",
        '# override it (palette: {accent: "#0F766E"}, fonts: {body: Calibri}).',
        "# Every option is explained in themes/FORMAT.md; check it with `hrdeck theme check`.",
        f"name: {json.dumps(name)}",
        f"description: {json.dumps(f'The agency template {template}')}",
        f"template: {json.dumps(template, ensure_ascii=False)}",
        *block,
    ]
    return "\n".join(lines) + "\n"


def updated_theme(text: str, template: str, block: list[str]) -> str:
    """``text`` with its ``layouts:`` block replaced and its ``template:`` line set."""
    lines = text.splitlines()
    template_line = f"template: {json.dumps(template, ensure_ascii=False)}"
    lines = _replace_block(lines, "template", [template_line])
    lines = _replace_block(lines, "layouts", block)
    return "\n".join(lines) + "\n"


def _replace_block(lines: list[str], key: str, new: list[str]) -> list[str]:
    """Replace the top-level ``key`` and the indented lines under it; append if absent."""
    start = next((i for i, line in enumerate(lines) if _top_key(line) == key), None)
    if start is None:
        return [*lines, *new]
    end = start + 1
    while end < len(lines) and not _ends_block(lines[end]):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1  # keep the blank lines before the next key
    return [*lines[:start], *new, *lines[end:]]


def _top_key(line: str) -> str | None:
    match = TOP_LEVEL_KEY.match(line)
    return match.group(1) if match else None


def _ends_block(line: str) -> bool:
    """A line at column 0 that is not blank: the next key, or a comment about it."""
    return bool(line) and not line[0].isspace()
