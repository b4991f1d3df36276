"""Checks that need more than one file: ids, references, audiences, images.

They run on the loaded documents even when a file has schema errors, reading only
the parts that have the expected shape, so an editor sees every problem at once.
Names that a broken file might have defined are not reported as unknown (the
broken file is reported instead).

Codes: ``duplicate-id``, ``unknown-module``, ``unknown-audience``,
``variant-incomplete``, ``unknown-citation``, ``unknown-node``, ``missing-image``,
``image-outside``, ``bad-image`` (:mod:`hrdeck.curriculum.pictures`),
``audience-id-mismatch``, ``no-audiences``, ``no-modules``;
``unknown-icon`` and ``chart-data`` from :mod:`hrdeck.curriculum.visualcheck`;
``control-character`` from :mod:`hrdeck.curriculum.textchars`; ``bad-link`` from
:mod:`hrdeck.curriculum.links`; the objective,
question-bank and session codes from :mod:`hrdeck.curriculum.objectives`,
:mod:`hrdeck.curriculum.questions` and :mod:`hrdeck.curriculum.sessioncheck`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

from hrdeck.curriculum.docdata import dicts, did_you_mean, get
from hrdeck.curriculum.links import check_links
from hrdeck.curriculum.load import Document, LoadedTree, display_path
from hrdeck.curriculum.objectives import check_objectives
from hrdeck.curriculum.pictures import Unusable, convert_hint, inspect_picture
from hrdeck.curriculum.questions import BankContext, check_questions
from hrdeck.curriculum.sessioncheck import check_sessions
from hrdeck.curriculum.sourcemap import JsonPath
from hrdeck.curriculum.textchars import check_characters
from hrdeck.curriculum.usage import possible_ids
from hrdeck.curriculum.visualcheck import check_visuals
from hrdeck.diagnostics import Diagnostic, Loc, error

# Fields whose value is Text (a string or a mapping by audience) or a list of Text.
TEXT_FIELDS = frozenset(
    {
        *("title", "subtitle", "notes", "myth", "fact", "label", "description", "heading"),
        *("narrative", "facilitation", "attribution", "caption", "claim", "alt", "name"),
        *("text", "questions", "part2", "items", "materials", "lines"),
        *("source", "role", "details", "credit"),
    }
)
ITEM_MARKERS = frozenset({"text", "items", "audiences"})  # a bullet mapping, not variants


@dataclass
class Names:
    """What the curriculum defines, for checking what it refers to."""

    audiences: list[str] = field(default_factory=list)
    modules: dict[str, Document] = field(default_factory=dict)
    maybe_modules: set[str] = field(default_factory=set)  # ids of unreadable files
    citations: set[str] = field(default_factory=set)
    citations_known: bool = True  # False when the references module could not be read
    usage: dict[str, set[str]] = field(default_factory=dict)  # module id -> audiences


def cross_check(tree: LoadedTree) -> list[Diagnostic]:
    """All cross-file diagnostics of a loaded curriculum."""
    problems: list[Diagnostic] = []
    names = _collect_names(tree, problems)
    problems += _check_folders(tree)
    problems += _check_outline(tree, names)
    for doc in tree.audiences:
        problems += _check_audience(doc, names)
    for doc in tree.modules:
        if doc.ok:
            problems += _ModuleChecker(doc, doc.layer_root or tree.root, names).run()
            problems += check_links(doc)
            problems += check_visuals(doc)
    problems += _check_teaching(tree, names)
    course = [tree.course] if tree.course is not None else []
    for document in (*course, *tree.audiences, *tree.modules, *tree.questions):
        problems += check_characters(document)
    return problems


def _check_teaching(tree: LoadedTree, names: Names) -> list[Diagnostic]:
    """Objectives, the question bank and the audiences' session settings."""
    index, problems = check_objectives(tree)
    audiences_known = bool(tree.audiences) and all(doc.ok for doc in tree.audiences)
    context = BankContext(
        objectives=index,
        modules=frozenset(names.modules),
        audiences=names.audiences,
        usage=names.usage,
        unsure=bool(names.maybe_modules) or not tree.modules or not audiences_known,
    )
    return problems + check_questions(tree, context) + check_sessions(tree)


# -- names --------------------------------------------------------------------------


def _collect_names(tree: LoadedTree, problems: list[Diagnostic]) -> Names:
    names = Names()
    for doc in tree.audiences:
        names.audiences.append(doc.path.stem)
        audience_id = get(doc, "id")
        if isinstance(audience_id, str) and audience_id not in names.audiences:
            names.audiences.append(audience_id)
        for entry in dicts(get(doc, "modules")):
            module_id = entry.get("id")
            if isinstance(module_id, str):
                names.usage.setdefault(module_id, set()).add(doc.path.stem)
    for doc in tree.modules:
        _collect_module(doc, names, problems)
    has_references = any(get(doc, "kind") == "references" for doc in tree.modules)
    names.citations_known = has_references or not names.maybe_modules
    return names


def _collect_module(doc: Document, names: Names, problems: list[Diagnostic]) -> None:
    if not doc.ok:
        names.maybe_modules |= possible_ids(doc)  # its id line, its file name
        return
    module_id = get(doc, "id")
    if isinstance(module_id, str):
        first = names.modules.setdefault(module_id, doc)
        if first is not doc:
            where = first.smap.value(("id",))
            message = f"module id '{module_id}' is already used by {where}"
            hint = "module ids must be unique; rename one of them"
            problems.append(error(doc.smap.value(("id",)), "duplicate-id", message, hint))
    if get(doc, "kind") == "references":
        _collect_citations(doc, names, problems)


def _collect_citations(doc: Document, names: Names, problems: list[Diagnostic]) -> None:
    seen: dict[str, Loc] = {}
    citations = get(doc, "citations")
    for i, citation in enumerate(citations if isinstance(citations, list) else []):
        key = citation.get("key") if isinstance(citation, dict) else None
        if not isinstance(key, str):
            continue
        loc = doc.smap.value(("citations", i, "key"))
        if key in names.citations:
            where = f" at {seen[key]}" if key in seen else " in another references module"
            message = f"citation key '{key}' is already defined{where}"
            problems.append(error(loc, "duplicate-id", message, "citation keys must be unique"))
        names.citations.add(key)
        seen.setdefault(key, loc)


# -- folder, course and audiences ---------------------------------------------------------


def _check_folders(tree: LoadedTree) -> list[Diagnostic]:
    found = []
    if not tree.audiences and "audiences" not in tree.unreadable:
        loc = Loc(display_path(tree.root / "audiences", tree.display_base), 1, 1)
        hint = "add audiences/<id>.yaml, e.g. audiences/court.yaml (see curriculum/FORMAT.md)"
        found.append(error(loc, "no-audiences", "the curriculum defines no audience", hint))
    if not tree.modules and "modules" not in tree.unreadable:
        loc = Loc(display_path(tree.root / "modules", tree.display_base), 1, 1)
        hint = "add modules/<nn>-<id>.yaml files (see curriculum/FORMAT.md)"
        found.append(error(loc, "no-modules", "the curriculum has no modules", hint))
    return found


def _check_outline(tree: LoadedTree, names: Names) -> list[Diagnostic]:
    course = tree.course
    if course is None or not course.ok:
        return []
    outline = get(course, "outline")
    if not isinstance(outline, list):
        return []
    return [
        d
        for i, module_id in enumerate(outline)
        for d in _module_ref(module_id, course, ("outline", i), names)
    ]


def _check_audience(doc: Document, names: Names) -> list[Diagnostic]:
    if not doc.ok:
        return []
    found = []
    audience_id = get(doc, "id")
    if isinstance(audience_id, str) and audience_id != doc.path.stem:
        message = f"audience id '{audience_id}' does not match the file name '{doc.path.name}'"
        hint = f"rename the file to {audience_id}{doc.path.suffix} or write 'id: {doc.path.stem}'"
        found.append(error(doc.smap.value(("id",)), "audience-id-mismatch", message, hint))
    entries = get(doc, "modules")
    for i, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, dict):
            found += _module_ref(entry.get("id"), doc, ("modules", i, "id"), names)
    return found


def _module_ref(module_id: object, doc: Document, path: JsonPath, names: Names) -> list[Diagnostic]:
    if not isinstance(module_id, str) or module_id in names.modules:
        return []
    if module_id in names.maybe_modules or not (names.modules or names.maybe_modules):
        return []  # the unreadable file is reported, or no-modules is
    message = f"'{module_id}' is not the id of any module"
    hint = did_you_mean(module_id, sorted(names.modules), "module ids")
    return [error(doc.smap.value(path), "unknown-module", message, hint)]


# -- inside a module ------------------------------------------------------------------


class _ModuleChecker:
    """Walks one module's data for audience names, variants, citations and images."""

    def __init__(self, doc: Document, root: Path, names: Names) -> None:
        self.doc, self.root, self.names = doc, root, names
        self.problems: list[Diagnostic] = []

    def run(self) -> list[Diagnostic]:
        module_id = get(self.doc, "id")
        used_by = self.names.usage.get(module_id, set()) if isinstance(module_id, str) else set()
        scope = frozenset(used_by or self.names.audiences)
        self._walk(self.doc.data, (), scope, in_text=False)
        if get(self.doc, "kind") == "diagram":
            self._check_edges()
        return self.problems

    def _walk(self, value: object, path: JsonPath, scope: frozenset[str], in_text: bool) -> None:
        if isinstance(value, list):
            for i, entry in enumerate(value):
                self._walk(entry, (*path, i), scope, in_text)
        elif isinstance(value, dict):
            if in_text and not ITEM_MARKERS & value.keys():
                self._variants(value, path, scope)
            else:
                self._mapping(value, path, scope)

    def _mapping(self, value: dict[str, object], path: JsonPath, scope: frozenset[str]) -> None:
        scope = self._audiences(value.get("audiences"), (*path, "audiences"), scope)
        self._cites(value.get("cite"), (*path, "cite"))
        image = value.get("image")
        if isinstance(image, dict):
            self._image(image, (*path, "image"))
        for key, child in value.items():
            if key not in ("audiences", "cite", "citations"):
                self._walk(child, (*path, key), scope, key in TEXT_FIELDS)

    def _audiences(self, listed: object, path: JsonPath, scope: frozenset[str]) -> frozenset[str]:
        if not isinstance(listed, list):
            return scope
        for i, name in enumerate(listed):
            if isinstance(name, str) and name not in self.names.audiences:
                self._unknown_audience(name, self.doc.smap.value((*path, i)))
        return scope & {name for name in listed if isinstance(name, str)}

    def _variants(self, value: dict[str, object], path: JsonPath, scope: frozenset[str]) -> None:
        for key in value:
            if key != "default" and key not in self.names.audiences:
                self._unknown_audience(key, self.doc.smap.key((*path, key)))
        if "default" in value:
            return
        missing = sorted(scope - value.keys())
        if missing and self.names.audiences:
            listed = ", ".join(f"'{name}'" for name in missing)
            message = f"no 'default' text, and no text for {listed}"
            hint = f"add 'default:' or a value for {listed}"
            self.problems.append(
                error(self.doc.smap.key(path), "variant-incomplete", message, hint)
            )

    def _unknown_audience(self, name: str, loc: Loc) -> None:
        if not self.names.audiences:
            return  # reported once as no-audiences
        message = f"'{name}' is not an audience"
        hint = did_you_mean(name, sorted(self.names.audiences), "audiences")
        if name != "default" and name.lower() == "default":
            hint = "write 'default' in lower case"
        self.problems.append(error(loc, "unknown-audience", message, hint))

    def _cites(self, keys: object, path: JsonPath) -> None:
        if not isinstance(keys, list) or not self.names.citations_known:
            return
        for i, key in enumerate(keys):
            if isinstance(key, str) and key not in self.names.citations:
                message = f"no citation has the key '{key}'"
                hint = did_you_mean(key, sorted(self.names.citations), "citation keys")
                if not self.names.citations:
                    hint = "citations are defined in a module of kind 'references'"
                loc = self.doc.smap.value((*path, i))
                self.problems.append(error(loc, "unknown-citation", message, hint))

    def _image(self, image: dict[str, object], path: JsonPath) -> None:
        written = image.get("path")
        if not isinstance(written, str) or not written:
            return
        loc = self.doc.smap.value((*path, "path"))
        resolved, outside = resolve_image(self.doc.path, self.root, written)
        if outside:
            message = f"the image '{written}' is outside the curriculum folder"
            hint = "copy the picture into the curriculum's images/ folder and name it from there"
            self.problems.append(error(loc, "image-outside", message, hint))
        elif resolved is None:
            message = f"there is no image at '{written}'"
            hint = "paths are relative to the curriculum folder (images/...) or to this file"
            self.problems.append(error(loc, "missing-image", message, hint))
        else:
            found = inspect_picture(resolved)
            if isinstance(found, Unusable):
                message = f"the picture '{written}' cannot be shown: {found.reason}"
                self.problems.append(error(loc, "bad-image", message, convert_hint()))

    def _check_edges(self) -> None:
        diagram = get(self.doc, "diagram")
        if not isinstance(diagram, dict):
            return
        nodes = sorted(str(n.get("id")) for n in dicts(diagram.get("nodes")))
        edges = diagram.get("edges")
        for i, edge in enumerate(edges if isinstance(edges, list) else []):
            for end in ("from", "to"):
                target = edge.get(end) if isinstance(edge, dict) else None
                if isinstance(target, str) and target not in nodes:
                    loc = self.doc.smap.value(("diagram", "edges", i, end))
                    hint = did_you_mean(target, nodes, "node ids")
                    message = f"'{target}' is not the id of a node of this diagram"
                    self.problems.append(error(loc, "unknown-node", message, hint))


def resolve_image(document: Path, root: Path, written: str) -> tuple[Path | None, bool]:
    """Where an image path points: ``(file or None, is_outside)``.

    A path is looked up relative to the file that names it, then to the curriculum
    folder (symbolic links followed); the first reading that is a file inside the
    folder wins.  Without one, the path is outside when it is absolute, when neither
    reading stays inside the folder, or when a reading is a file outside it (so a
    link from ``images/`` out of the folder is refused, not reported "missing").  A
    path no file system can hold (a NUL byte, thousands of characters) names nothing.
    """
    if Path(written).is_absolute() or PureWindowsPath(written).drive:
        return None, True
    top = root.resolve()
    try:
        candidates = [(base / written).resolve() for base in (document.parent, root)]
        files = [c for c in candidates if c.is_file()]
    except (OSError, ValueError):  # a NUL byte, a name too long for the file system
        return None, False
    found = next((f for f in files if f.is_relative_to(top)), None)
    if found is not None:
        return found, False
    inside = [c for c in candidates if c.is_relative_to(top)]
    return None, not inside or bool(files)
