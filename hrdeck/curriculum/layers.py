"""Which curriculum a command works on, and agency projects layered over another one.

A curriculum folder holds ``course.yaml``, ``audiences/`` and ``modules/``.  A project
folder holds ``hrdeck.yaml`` and only what it adds or changes: ``extends: builtin``
(or a path) names the curriculum underneath; a module or audience with the id of one
below replaces it, a new one is added, and ``course:`` changes course fields such as
the title or presenter.  Every document keeps its own file, so diagnostics name the
layer where a problem is.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from hrdeck import __version__
from hrdeck.curriculum.dated import check_placeholders
from hrdeck.curriculum.load import (
    Document,
    DocumentReader,
    LoadedTree,
    display_path,
    load_tree,
    read_document,
)
from hrdeck.curriculum.model import Curriculum, Module
from hrdeck.curriculum.schema import load_schema, schema_diagnostics
from hrdeck.curriculum.settingsbuild import (
    disclosures_from_data,
    person_from_data,
    presenters_from_data,
)
from hrdeck.curriculum.textchars import check_characters
from hrdeck.diagnostics import Diagnostic, error
from hrdeck.paths import builtin_curriculum, builtin_label

PROJECT_FILE = "hrdeck.yaml"
MAX_LAYERS = 8


@dataclass(frozen=True)
class ProjectSettings:
    """What hrdeck.yaml says beyond content: the default theme and audiences, the base."""

    folder: Path
    theme: str | None = None
    audiences: tuple[str, ...] = ()
    extends: str = "builtin"


@dataclass(frozen=True)
class CurriculumChoice:
    """The curriculum or project a command works on, and how it was found.

    ``how`` is ``"given"`` (named on the command line), ``"here"`` (the current
    folder holds ``hrdeck.yaml``, ``course.yaml`` or ``curriculum/course.yaml``) or
    ``"builtin"``.  ``themes_dir`` is where project themes are looked up: the project,
    or for a source checkout the folder holding ``curriculum/`` and ``themes/``.
    """

    root: Path
    how: Literal["given", "here", "builtin"]
    themes_dir: Path

    def shown(self, cwd: Path) -> str:
        """The folder as :func:`shown_folder` puts it; an absolute path given stays so."""
        if self.how == "given" and self.root.is_absolute():
            return str(self.root)
        return shown_folder(self.root, cwd)

    def describe(self, cwd: Path) -> str:
        """The first line a command prints, e.g. ``using curriculum ./curriculum (found here)``."""
        if self.how == "builtin":
            return f"using the built-in curriculum (hrdeck {__version__})"
        what = "project" if is_project(self.root) else "curriculum"
        line = f"using {what} {self.shown(cwd)}"
        if self.how == "here":
            line += " (found here)"
        return line + _base_text(self.root, cwd)


def choose_curriculum(given: Path | None, cwd: Path) -> CurriculumChoice:
    """The folder given, else the project or curriculum in the current folder (its
    ``hrdeck.yaml``, else its ``course.yaml``, else ``curriculum/course.yaml``: a source
    checkout), else the built-in curriculum."""
    if given is not None:
        return CurriculumChoice(_checkout_curriculum(given) or given, "given", given)
    if is_project(cwd) or (cwd / "course.yaml").is_file():
        return CurriculumChoice(cwd, "here", cwd)
    found = _checkout_curriculum(cwd)
    if found is not None:
        return CurriculumChoice(found, "here", cwd)
    return CurriculumChoice(builtin_curriculum(), "builtin", cwd)


def _checkout_curriculum(folder: Path) -> Path | None:
    """``folder/curriculum`` when ``folder`` is a source checkout (and not itself a
    project or curriculum)."""
    if is_project(folder) or (folder / "course.yaml").exists():
        return None
    inner = folder / "curriculum"
    return inner if (inner / "course.yaml").is_file() else None


def find_curriculum(given: Path | None, cwd: Path) -> Path:
    """The folder :func:`choose_curriculum` chooses."""
    return choose_curriculum(given, cwd).root


def shown_folder(folder: Path, cwd: Path) -> str:
    """A folder as the user would type it: ``.``, ``./lakeside-training``, ``../base``,
    ``<builtin>`` (outside the current folder), else absolute."""
    label = builtin_label(folder)
    try:
        relative = Path(os.path.relpath(folder.resolve(), cwd.resolve())).as_posix()
    except ValueError:  # another drive (Windows)
        return label or folder.resolve().as_posix()
    outside = relative == ".." or relative.startswith("../")
    if label is not None and outside:
        return label
    if outside and relative.count("..") > 1:  # a sibling folder, else the absolute path
        return folder.resolve().as_posix()
    return relative if outside or relative == "." else f"./{relative}"


def _base_text(root: Path, cwd: Path) -> str:
    """``, on the built-in curriculum (hrdeck 0.1.0)`` for a project; '' otherwise."""
    settings = project_settings(root)
    if settings is None:
        return ""
    if settings.extends == "builtin":
        return f", on the built-in curriculum (hrdeck {__version__})"
    return f", on curriculum {shown_folder(root / settings.extends, cwd)}"


def is_project(root: Path) -> bool:
    return (root / PROJECT_FILE).is_file()


def project_settings(root: Path) -> ProjectSettings | None:
    """What ``root/hrdeck.yaml`` names beyond content (None for a plain curriculum)."""
    if not is_project(root):
        return None
    document, _ = read_document(root / PROJECT_FILE, None)
    data = document.data if isinstance(document.data, dict) else {}
    theme = data.get("theme")
    audiences = data.get("audiences")
    extends = data.get("extends")
    return ProjectSettings(
        folder=root,
        theme=theme if isinstance(theme, str) else None,
        audiences=tuple(a for a in audiences if isinstance(a, str))
        if isinstance(audiences, list)
        else (),
        extends=extends if isinstance(extends, str) else "builtin",
    )


# -- layers ---------------------------------------------------------------------------


def load_layers(
    root: Path, read: DocumentReader = read_document
) -> tuple[LoadedTree, dict[str, Any], list[Diagnostic]]:
    """The merged tree of ``root`` and every layer below it, course overrides, problems."""
    return _load_layers(root, read, depth=0, seen=())


def own_module_ids(tree: LoadedTree, root: Path) -> frozenset[str]:
    """The ids of the modules the project at ``root`` writes itself (not a base layer's)."""
    return frozenset(
        key for doc in tree.modules if doc.layer_root == root and (key := _module_key(doc))
    )


def _load_layers(
    root: Path, read: DocumentReader, depth: int, seen: tuple[Path, ...]
) -> tuple[LoadedTree, dict[str, Any], list[Diagnostic]]:
    if not is_project(root):
        tree, problems = load_tree(root, read=read)
        return _mark_layer(tree, root), {}, problems
    project, problems = read(root / PROJECT_FILE, None)
    problems += project_schema_diagnostics(project) + check_characters(project)
    problems += check_placeholders([project] if project.ok else [])
    data = project.data if isinstance(project.data, dict) else {}
    base_root, base_problems = _base_root(project, data, root, depth, seen)
    problems += base_problems
    if base_root is None:  # reported: say nothing of what the missing base would hold
        overlay, found = (
            load_tree(root, read=read) if (root / "course.yaml").is_file() else _empty(root)
        )
        overlay.unreadable |= {"audiences", "modules"}
        return _mark_layer(overlay, root), {}, problems + found
    base, base_overrides, found = _load_layers(base_root, read, depth + 1, (*seen, root.resolve()))
    overlay, overlay_found = _load_overlay(root, read)
    overrides = {**base_overrides, **_dict(data.get("course"))}
    return merge_trees(base, overlay), overrides, problems + found + overlay_found


def _base_root(
    project: Document, data: dict[str, Any], root: Path, depth: int, seen: tuple[Path, ...]
) -> tuple[Path | None, list[Diagnostic]]:
    extends = data.get("extends", "builtin")
    if not isinstance(extends, str):
        return None, []  # the schema check reports it
    base = builtin_curriculum() if extends == "builtin" else (root / extends)
    loc = project.smap.value(("extends",))
    if not base.is_dir():
        message = f"'extends' names {extends}, which is not a folder"
        hint = "use 'builtin' or a path to a curriculum folder, relative to hrdeck.yaml"
        return None, [error(loc, "missing-base", message, hint)]
    chain = (*seen, root.resolve())
    if base.resolve() in chain:
        circle = [*chain[chain.index(base.resolve()) :], base.resolve()]
        shown = " -> ".join(display_path(folder) for folder in circle)
        message = f"'extends' goes round in a circle: {shown}"
        hint = "one of these projects must extend 'builtin' or a plain curriculum folder"
        return None, [error(loc, "extends-cycle", message, hint)]
    if depth >= MAX_LAYERS:
        message = f"'extends' stacks more than {MAX_LAYERS} layers of projects"
        hint = f"merge some layers: at most {MAX_LAYERS} projects may stack on a curriculum"
        return None, [error(loc, "extends-cycle", message, hint)]
    return base, []


def _empty(root: Path) -> tuple[LoadedTree, list[Diagnostic]]:
    return LoadedTree(root, display_path(root), None, course=None), []


def _load_overlay(root: Path, read: DocumentReader) -> tuple[LoadedTree, list[Diagnostic]]:
    """A project's own files; its course.yaml is optional (the base provides one)."""
    tree, problems = load_tree(root, read=read)
    if not (root / "course.yaml").is_file():
        problems = [d for d in problems if d.code != "missing-file"]
    return _mark_layer(tree, root), problems


def _mark_layer(tree: LoadedTree, root: Path) -> LoadedTree:
    for doc in [tree.course, *tree.audiences, *tree.modules, *tree.questions]:
        if doc is not None and doc.layer_root is None:
            doc.layer_root = root
    return tree


def merge_trees(base: LoadedTree, overlay: LoadedTree) -> LoadedTree:
    """``overlay``'s documents replace ``base``'s of the same id; new ones are added."""
    return LoadedTree(
        root=base.root,
        display_root=overlay.display_root,
        display_base=overlay.display_base,
        course=overlay.course or base.course,
        audiences=_merge_docs(base.audiences, overlay.audiences, key=_audience_key),
        modules=_merge_docs(base.modules, overlay.modules, key=_module_key),
        questions=_merge_docs(base.questions, overlay.questions, key=_audience_key),
        unreadable=base.unreadable | overlay.unreadable,
    )


def _module_key(doc: Document) -> str | None:
    data = doc.data
    value = data.get("id") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def _audience_key(doc: Document) -> str | None:
    """Audiences and question files are replaced by file name."""
    return doc.path.stem


def _merge_docs(base: list[Document], overlay: list[Document], key: Any) -> list[Document]:
    replaced = {key(doc) for doc in overlay} - {None}
    return [doc for doc in base if key(doc) not in replaced] + list(overlay)


def _dict(value: object) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {}


# -- hrdeck.yaml ----------------------------------------------------------------------


@cache
def project_schema() -> dict[str, Any]:
    """project.schema.json with ``course`` checked like course.yaml (no field required)."""
    course = {k: v for k, v in load_schema("course").items() if k not in ("$schema", "$id")}
    course["required"] = []
    course["properties"] = {k: v for k, v in course["properties"].items() if k != "outline"}
    merged = dict(load_schema("project"))
    merged["properties"] = {**merged["properties"], "course": course}
    return merged


def project_schema_diagnostics(document: Document) -> list[Diagnostic]:
    if not document.ok:
        return []
    return schema_diagnostics(project_schema(), document.data, document.smap)


def apply_course_overrides(
    curriculum: Curriculum, overrides: dict[str, Any], own_modules: frozenset[str] = frozenset()
) -> Curriculum:
    """The curriculum with hrdeck.yaml's ``course:`` fields in place of the base's.

    A new title or subtitle also goes on the cover, and a new presenter on the closing
    slide: the base's title module names its own title (per audience) and its closing
    module may list its presenter's contacts, which would hide the agency's.  Modules
    the project writes itself (ids in ``own_modules``) are left as written.
    """
    if not overrides:
        return curriculum
    modules = tuple(
        m if m.id in own_modules else _follow_course(m, overrides) for m in curriculum.modules
    )
    curriculum = dataclasses.replace(curriculum, modules=modules)
    course = curriculum.course
    changes: dict[str, Any] = {
        k: str(overrides[k])
        for k in (
            *("id", "title", "subtitle", "language", "date", "level", "venue"),
            *("evaluation_url", "sources_url", "references"),
        )
        if k in overrides
    }
    if "presenter" in overrides:
        changes["presenters"] = presenters_from_data(overrides["presenter"])
    if isinstance(overrides.get("author"), dict):
        changes["author"] = person_from_data(overrides["author"])
    if "disclosures" in overrides:
        changes["disclosures"] = disclosures_from_data(overrides["disclosures"])
    return dataclasses.replace(curriculum, course=dataclasses.replace(course, **changes))


def _follow_course(module: Module, overrides: dict[str, Any]) -> Module:
    """A base's cover or closing module showing the project's course fields."""
    if module.kind == "title":
        title = str(overrides.get("title", "")) or module.title
        subtitle = str(overrides.get("subtitle", "")) or module.subtitle
        return dataclasses.replace(module, title=title, subtitle=subtitle)
    if module.kind == "closing" and "presenter" in overrides:
        return dataclasses.replace(module, lines=())  # the plan falls back to the presenter
    return module
