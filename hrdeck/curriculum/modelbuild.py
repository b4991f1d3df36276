"""Validated YAML documents -> the frozen :mod:`hrdeck.curriculum.model` dataclasses.

Runs only after validation found no error, so every value already has the shape
the schema promises; this module only converts (Variants for mappings by
audience, Item for bullets, frozensets for audience filters, a Loc for every node).
Image paths become paths relative to the curriculum folder (``Curriculum.root``),
or absolute for a file of another layer (an agency project over the built-in one).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from hrdeck.curriculum.crosscheck import resolve_image
from hrdeck.curriculum.load import Document, LoadedTree
from hrdeck.curriculum.model import (
    Author,
    Citation,
    Curriculum,
    Diagram,
    Edge,
    Fact,
    Image,
    Item,
    Module,
    Myth,
    Node,
    Resource,
    Side,
    Slide,
    Stage,
    Text,
    TextList,
    Variants,
)
from hrdeck.curriculum.questions import questions_from_document
from hrdeck.curriculum.settingsbuild import audience_from_document, course_from_document
from hrdeck.curriculum.sourcemap import JsonPath
from hrdeck.curriculum.visualbuild import module_slide, persona, visual_fields
from hrdeck.curriculum.visualmodel import VISUAL_KINDS
from hrdeck.diagnostics import Loc

Data = dict[str, Any]


def curriculum_from_tree(tree: LoadedTree) -> Curriculum:
    """The typed curriculum of a tree that passed validation."""
    assert tree.course is not None, "curriculum_from_tree needs a validated tree"
    root = tree.root.resolve()
    return Curriculum(
        course=course_from_document(tree.course),
        modules=tuple(_Builder(doc, _layer_root(doc, root)).module() for doc in tree.modules),
        audiences=tuple(audience_from_document(doc) for doc in tree.audiences),
        root=str(root),
        questions=tuple(q for doc in tree.questions for q in questions_from_document(doc)),
    )


def _layer_root(doc: Document, root: Path) -> Path:
    return doc.layer_root.resolve() if doc.layer_root is not None else root


class _Builder:
    """Builds one module; ``path`` arguments are JSON paths into its document."""

    def __init__(self, doc: Document, root: Path) -> None:
        self.doc, self.root = doc, root
        self.data: Data = doc.data  # type: ignore[assignment]

    def loc(self, path: JsonPath) -> Loc:
        return self.doc.smap.value(path)

    def module(self) -> Module:
        fields = {
            key: _FIELDS[key](self, value, (key,))
            for key, value in self.data.items()
            if key in _FIELDS
        }
        if self.data["kind"] in VISUAL_KINDS:
            fields = {k: v for k, v in fields.items() if k not in _SLIDE_ONLY}
            fields["slides"] = (module_slide(self, self.data),)
        return Module(
            id=self.data["id"],
            kind=self.data["kind"],
            file=self.doc.display,
            loc=self.loc(()),
            **fields,
        )

    # -- text ------------------------------------------------------------------

    def text(self, value: Any, path: JsonPath) -> Text:
        if isinstance(value, str):
            return value
        return Variants(
            default=value.get("default"),
            by_audience=tuple((k, v) for k, v in value.items() if k != "default"),
            loc=self.loc(path),
        )

    def texts(self, value: list[Any], path: JsonPath) -> tuple[Text, ...]:
        return tuple(self.text(v, (*path, i)) for i, v in enumerate(value))

    def text_list(self, value: Any, path: JsonPath) -> TextList:
        if isinstance(value, list):
            return self.texts(value, path)
        default = value.get("default")
        return Variants(
            default=tuple(default) if default is not None else None,
            by_audience=tuple((k, tuple(v)) for k, v in value.items() if k != "default"),
            loc=self.loc(path),
        )

    def optional_text(self, value: Any, path: JsonPath) -> Text | None:
        return None if value is None else self.text(value, path)

    def audiences(self, value: Any, path: JsonPath) -> frozenset[str] | None:
        return None if value is None else frozenset(value)

    def keys(self, value: Any, path: JsonPath) -> tuple[str, ...]:
        return tuple(value or ())

    # -- nodes -----------------------------------------------------------------

    def item(self, value: Any, path: JsonPath) -> Item:
        if isinstance(value, dict) and "text" in value:
            return Item(
                text=self.text(value["text"], (*path, "text")),
                items=self.items(value.get("items", []), (*path, "items")),
                audiences=self.audiences(value.get("audiences"), path),
                loc=self.loc(path),
            )
        return Item(text=self.text(value, path), loc=self.loc(path))

    def items(self, value: list[Any], path: JsonPath) -> tuple[Item, ...]:
        return tuple(self.item(v, (*path, i)) for i, v in enumerate(value))

    def slide(self, value: Data, path: JsonPath) -> Slide:
        image = value.get("image")
        return Slide(
            title=self.text(value["title"], (*path, "title")),
            items=self.items(value.get("items", []), (*path, "items")),
            notes=self.text(value.get("notes", ""), (*path, "notes")),
            subtitle=self.optional_text(value.get("subtitle"), (*path, "subtitle")),
            cite=tuple(value.get("cite", ())),
            facts=self.facts(value.get("facts", []), (*path, "facts")),
            image=self.image(image, (*path, "image")) if image is not None else None,
            audiences=self.audiences(value.get("audiences"), path),
            loc=self.loc(path),
            **visual_fields(self, value, path),
        )

    def slides(self, value: list[Data], path: JsonPath) -> tuple[Slide, ...]:
        return tuple(self.slide(v, (*path, i)) for i, v in enumerate(value))

    def fact(self, value: Data, path: JsonPath) -> Fact:
        return Fact(
            claim=self.text(value["claim"], (*path, "claim")),
            as_of=str(value["as_of"]),
            review_by=str(value["review_by"]),
            kind=str(value.get("kind", "statistic")),
            cite=tuple(value.get("cite", ())),
            loc=self.loc(path),
        )

    def facts(self, value: list[Data], path: JsonPath) -> tuple[Fact, ...]:
        return tuple(self.fact(f, (*path, i)) for i, f in enumerate(value))

    def image(self, value: Data, path: JsonPath) -> Image:
        found, _outside = resolve_image(self.doc.path, self.root, value["path"])
        relative = _relative_or_absolute(found, self.root) if found else value["path"]
        credit = value.get("credit")
        return Image(
            relative,
            self.text(value["alt"], (*path, "alt")),
            self.loc(path),
            None if credit is None else self.text(credit, (*path, "credit")),
        )

    def myths(self, value: list[Data], path: JsonPath) -> tuple[Myth, ...]:
        return tuple(self.myth(v, (*path, i)) for i, v in enumerate(value))

    def myth(self, value: Data, path: JsonPath) -> Myth:
        return Myth(
            myth=self.text(value["myth"], (*path, "myth")),
            fact=self.text(value["fact"], (*path, "fact")),
            notes=self.text(value.get("notes", ""), (*path, "notes")),
            cite=tuple(value.get("cite", ())),
            audiences=self.audiences(value.get("audiences"), path),
            loc=self.loc(path),
        )

    def stages(self, value: list[Data], path: JsonPath) -> tuple[Stage, ...]:
        return tuple(
            Stage(
                label=self.text(v["label"], (*path, i, "label")),
                description=self.text(v.get("description", ""), (*path, i, "description")),
                loc=self.loc((*path, i)),
            )
            for i, v in enumerate(value)
        )

    def side(self, value: Data, path: JsonPath) -> Side:
        heading = self.text(value["heading"], (*path, "heading"))
        return Side(heading, self.items(value["items"], (*path, "items")), self.loc(path))

    def diagram(self, value: Data, path: JsonPath) -> Diagram:
        nodes = tuple(
            Node(
                n["id"],
                self.text(n["label"], (*path, "nodes", i, "label")),
                self.loc((*path, "nodes", i)),
            )
            for i, n in enumerate(value["nodes"])
        )
        edges = tuple(
            self.edge(e, (*path, "edges", i)) for i, e in enumerate(value.get("edges", []))
        )
        return Diagram(nodes, edges, self.text(value["alt"], (*path, "alt")), self.loc(path))

    def edge(self, value: Data, path: JsonPath) -> Edge:
        return Edge(
            source=value["from"],
            target=value["to"],
            label=self.text(value.get("label", ""), (*path, "label")),
            both_ways=bool(value.get("both_ways", True)),
            loc=self.loc(path),
        )

    def resources(self, value: list[Data], path: JsonPath) -> tuple[Resource, ...]:
        return tuple(
            Resource(
                name=self.text(v["name"], (*path, i, "name")),
                url=v["url"],
                description=self.text(v.get("description", ""), (*path, i, "description")),
                short=v.get("short"),
                audiences=self.audiences(v.get("audiences"), (*path, i)),
                loc=self.loc((*path, i)),
            )
            for i, v in enumerate(value)
        )

    def citations(self, value: list[Data], path: JsonPath) -> tuple[Citation, ...]:
        return tuple(_citation(v, self.loc((*path, i))) for i, v in enumerate(value))


_FIELDS: dict[str, Callable[[_Builder, Any, JsonPath], Any]] = {
    "title": _Builder.text,
    "notes": _Builder.text,
    "narrative": _Builder.text,
    "facilitation": _Builder.text,
    "subtitle": _Builder.optional_text,
    "attribution": _Builder.optional_text,
    "caption": _Builder.optional_text,
    "audiences": _Builder.audiences,
    "cite": _Builder.keys,
    "objectives": _Builder.keys,
    "dated": _Builder.facts,
    "materials": _Builder.texts,
    "lines": _Builder.texts,
    "questions": _Builder.text_list,
    "part2": _Builder.text_list,
    "slides": _Builder.slides,
    "myths": _Builder.myths,
    "stages": _Builder.stages,
    "left": _Builder.side,
    "right": _Builder.side,
    "diagram": _Builder.diagram,
    "resources": _Builder.resources,
    "citations": _Builder.citations,
    "persona": lambda builder, value, path: persona(builder, value, path),
}
# fields of a visual module that belong to its one slide, not to the module
_SLIDE_ONLY = frozenset({"notes", "cite", "caption", "persona"})


def _citation(value: Data, loc: Loc) -> Citation:
    def optional(key: str) -> str | None:
        found = value.get(key)
        return None if found is None else str(found)

    authors = tuple(
        Author(family=a.get("family"), given=a.get("given"), name=a.get("name"))
        for a in value.get("authors", [])
    )
    return Citation(
        key=value["key"],
        authors=authors,
        year=value.get("year"),
        title=value["title"],
        date=optional("date"),
        container=optional("container"),
        volume=optional("volume"),
        issue=optional("issue"),
        pages=optional("pages"),
        publisher=optional("publisher"),
        doi=optional("doi"),
        url=optional("url"),
        description=optional("description"),
        note=optional("note"),
        loc=loc,
    )


def _relative_or_absolute(found: Path, root: Path) -> str:
    """Relative to the curriculum folder; absolute for a file of another layer."""
    return found.relative_to(root).as_posix() if found.is_relative_to(root) else found.as_posix()
