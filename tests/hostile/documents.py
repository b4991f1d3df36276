"""Hostile YAML documents: odd numbers, tags, patterns, bytes, escapes, links, long text.

Items 6, 7, 14, 17, 18 and 19 of issue 14 and the sweep's variants.  Each factory
returns a ``make(ws)`` that writes the input into a workspace and returns the
command to run on it (``validate``, ``plan`` or ``build`` of the probe audience).
"""

from __future__ import annotations

from collections.abc import Callable

from tests.hostile.workspace import PROBE_HEADER, Workspace, probe_slides, probe_with_image

Make = Callable[[Workspace], list[str]]

C1_BULLET = "A bullet with a \u0086 control"
REFERENCES_HEADER = "id: probe\nkind: references\ntitle: References\ncitations:\n"
CITATION = {
    "key": "probe-ref",
    "authors": "[{family: Doe, given: J.}]",
    "year": "2020",
    "title": "A probe reference",
}


def command(ws: Workspace, name: str) -> list[str]:
    """The probe audience's ``validate``, ``plan``, ``build`` or ``lint`` command."""
    commands = {"validate": ws.validate, "plan": ws.plan, "build": ws.build, "lint": ws.lint}
    return commands[name]()


def minutes(value: str, run: str) -> Make:
    """The probe module planned for ``value`` minutes (raw YAML)."""

    def make(ws: Workspace) -> list[str]:
        ws.probe(probe_slides(), minutes=value)
        return command(ws, run)

    return make


def citation_module(field: str, value: str) -> str:
    """A references module whose one citation has ``field: value`` (raw YAML)."""
    entries = [f"{key}: {text}" for key, text in {**CITATION, field: value}.items()]
    return REFERENCES_HEADER + "  - " + "\n    ".join(entries) + "\n"


def citation_field(field: str, value: str, run: str = "validate") -> Make:
    def make(ws: Workspace) -> list[str]:
        ws.probe(citation_module(field, value))
        return command(ws, run)

    return make


def bullet(text: str, run: str = "validate") -> Make:
    """The probe slide with one bullet written as ``text`` (raw YAML after '- ')."""

    def make(ws: Workspace) -> list[str]:
        ws.probe(probe_slides(bullet=text))
        return command(ws, run)

    return make


def module_text(change: Callable[[str], str], run: str = "validate") -> Make:
    """The probe module's YAML text, changed by ``change``."""

    def make(ws: Workspace) -> list[str]:
        ws.probe(change(probe_slides()))
        return command(ws, run)

    return make


def module_bytes(encode: Callable[[str], bytes], run: str = "validate") -> Make:
    def make(ws: Workspace) -> list[str]:
        ws.probe(encode(probe_slides()))
        return command(ws, run)

    return make


def extra_key(yaml_key: str) -> Make:
    """A made-up top-level key in the probe module (raw YAML, e.g. a quoted escape)."""
    return module_text(
        lambda text: text.replace("title: Probe\n", f"title: Probe\n{yaml_key}: 1\n")
    )


def course_field(key: str, yaml_value: str, run: str = "validate") -> Make:
    def make(ws: Workspace) -> list[str]:
        ws.probe(probe_slides())
        ws.set_course_field(key, yaml_value)
        return command(ws, run)

    return make


def fact_dated(as_of: str) -> Make:
    facts = f"    facts:\n      - {{claim: Half of the people asked say so, as_of: {as_of}}}\n"

    def make(ws: Workspace) -> list[str]:
        ws.probe(probe_slides(facts))
        return ws.validate()

    return make


def audience_argument(audience: str) -> Make:
    def make(ws: Workspace) -> list[str]:
        ws.probe(probe_slides())
        return ws.build(audience)

    return make


def slide_title(title: str, run: str = "build") -> Make:
    return module_text(
        lambda text: text.replace("  - title: Probe slide", f"  - title: {title}"), run
    )


def nested_items(depth: int) -> str:
    """A probe module whose one bullet nests ``depth`` levels deep."""
    body = PROBE_HEADER + "slides:\n  - title: Deep\n    notes: Say it.\n    items:\n"
    indent = "      "
    for level in range(depth):
        body += f"{indent}- text: level {level}\n{indent}  items:\n"
        indent += "    "
    return body + f"{indent}- the bottom\n"


def image_path(yaml_path: str) -> Make:
    """The probe slide showing a picture at ``yaml_path`` (raw YAML), which is not there."""

    def make(ws: Workspace) -> list[str]:
        ws.probe(probe_with_image(yaml_path))
        return ws.build()

    return make


def diagram(nodes: int) -> str:
    """A diagram module of ``nodes`` nodes, each with an edge to another."""
    listed = "".join(f"    - {{id: n{n}, label: Node {n}}}\n" for n in range(nodes))
    edges = "".join(f"    - {{from: n{n}, to: n{(n * 7 + 1) % nodes}}}\n" for n in range(nodes))
    return (
        "id: probe\nkind: diagram\ntitle: A busy diagram\nnotes: Walk through it.\n"
        f"diagram:\n  alt: {nodes} linked steps\n  nodes:\n{listed}  edges:\n{edges}"
    )


def line_of(text: str, needle: str) -> int:
    """The 1-based line of ``text`` holding ``needle``."""
    return text[: text.index(needle)].count("\n") + 1


def c1_line() -> int:
    return line_of(probe_slides(bullet=C1_BULLET), "\u0086")
