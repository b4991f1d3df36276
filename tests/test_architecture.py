"""The package's shape holds: the folders are the pipeline's stages, in order.

The imports of every module (top-level and inside functions) are read with ``ast``.
The rules:

- a module imports only modules of its own stage or of an earlier one;
- no import cycle between modules, anywhere;
- python-pptx only in ``render/`` and ``a11y/``; python-docx only in ``outputs/``;
  click only in ``cli.py``; jsonschema only in the schema module; PyYAML only in the
  curriculum loader and the language-rule loader; watchdog only in the watch loop;
  markdown-it only in the plan's markup module.

The checker is a plain function of module sources, so the tests at the bottom feed
it forbidden imports and prove that it catches each kind.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "hrdeck"

# The stages in pipeline order; a module may import its own stage and earlier ones.
STAGES: tuple[tuple[str, ...], ...] = (
    ("hrdeck", "errors", "diagnostics", "paths", "kinds", "richtext", "atomic", "forked"),
    ("textfit",),
    ("curriculum",),
    ("lint",),
    ("tailor", "timebox"),
    ("plan",),
    ("template",),  # a leaf reader of agency templates; themes take defaults from it
    ("theme",),
    ("render",),
    ("outputs",),
    ("a11y",),
    ("pipeline", "scaffold"),
    ("watch",),
    ("cli", "__main__"),
)

# Third-party packages and the only places allowed to import them.
FENCED: Mapping[str, tuple[str, ...]] = {
    "pptx": ("hrdeck.render", "hrdeck.a11y"),
    "docx": ("hrdeck.outputs",),
    "click": ("hrdeck.cli",),
    "jsonschema": ("hrdeck.curriculum.schema",),
    "yaml": ("hrdeck.curriculum.load", "hrdeck.lint.rules"),
    "watchdog": ("hrdeck.watch.loop",),
    "markdown_it": ("hrdeck.plan.markup",),
}


def stage_of(module: str) -> int:
    """The index of the stage `module` (dotted, under hrdeck) belongs to."""
    parts = module.split(".")
    key = parts[1] if len(parts) > 1 else parts[0]
    for index, members in enumerate(STAGES):
        if key in members:
            return index
    raise KeyError(f"{module} belongs to no stage: add it to STAGES in tests/test_architecture.py")


def imports_of(module: str, source: str, is_package: bool = False) -> set[str]:
    """Every module `source` imports, absolute and dotted (relative ones resolved)."""
    found: set[str] = set()
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(node, package)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _resolve(node: ast.ImportFrom, package: str) -> str:
    if not node.level:
        return node.module or ""
    parts = package.split(".")
    base = ".".join(parts[: len(parts) - node.level + 1])
    return f"{base}.{node.module}" if node.module else base


def _internal(imported: Iterable[str], modules: Mapping[str, str]) -> set[str]:
    """The hrdeck modules among `imported` (``from pkg import name`` -> the name's module
    when it is one, else the package)."""
    return {name for name in imported if name in modules}


def violations(modules: Mapping[str, str], packages: Iterable[str] = ()) -> list[str]:
    """Every broken rule among `modules` (dotted name -> source); [] when all hold."""
    packages = set(packages)
    graph: dict[str, set[str]] = {}
    problems: list[str] = []
    for module, source in sorted(modules.items()):
        imported = imports_of(module, source, module in packages)
        graph[module] = _internal(imported, modules) - {module}
        problems += _fence_problems(module, imported)
        problems += _order_problems(module, graph[module])
    problems += [f"import cycle: {' -> '.join(cycle)}" for cycle in _cycles(graph)]
    return problems


def _fence_problems(module: str, imported: set[str]) -> list[str]:
    problems = []
    for name in sorted(imported):
        top = name.split(".")[0]
        allowed = FENCED.get(top)
        if allowed is not None and not any(_within(module, place) for place in allowed):
            problems.append(f"{module} imports {top}, allowed only in {', '.join(allowed)}")
    return sorted(set(problems))


def _within(module: str, place: str) -> bool:
    return module == place or module.startswith(place + ".")


def _order_problems(module: str, imported: set[str]) -> list[str]:
    own = stage_of(module)
    return [
        f"{module} (stage {STAGES[own][0]}) imports {name}, a later stage "
        f"({STAGES[stage_of(name)][0]})"
        for name in sorted(imported)
        if stage_of(name) > own
    ]


def _cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected group of modules (Tarjan), each as a path."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10 * len(graph) + 100))
    try:
        for node in sorted(graph):
            if node not in index:
                visit(node)
    finally:
        sys.setrecursionlimit(limit)
    return [_path_through(group, graph) for group in groups]


def _path_through(group: list[str], graph: Mapping[str, set[str]]) -> list[str]:
    """A readable cycle inside `group`: follow edges from its first member back to it."""
    start, members = group[0], set(group)
    path, node, seen = [start], start, {start}
    while True:
        following = sorted(graph[node] & members)
        nxt = next((n for n in following if n == start), None) or next(
            (n for n in following if n not in seen), following[0]
        )
        path.append(nxt)
        if nxt == start or nxt in seen:
            return path
        seen.add(nxt)
        node = nxt


def package_sources() -> tuple[dict[str, str], set[str]]:
    """Every module of the hrdeck package: dotted name -> source, and which are packages."""
    modules, packages = {}, set()
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(relative.parts)
        if parts[-1] == "__init__":
            parts.pop()
            packages.add(".".join(parts))
        modules[".".join(parts)] = path.read_text("utf-8")
    return modules, packages


# --- the package as it is -----------------------------------------------------------------


def test_the_package_keeps_every_rule() -> None:
    modules, packages = package_sources()
    assert violations(modules, packages) == []


def test_every_module_belongs_to_a_stage() -> None:
    modules, _ = package_sources()
    for module in modules:
        stage_of(module)  # raises for a module outside every stage


# --- the checker catches what it should -------------------------------------------------


GOOD = {
    "hrdeck.errors": "",
    "hrdeck.plan.build": "from hrdeck.errors import UsageError\n",
    "hrdeck.render.deck": "import pptx\nfrom hrdeck.plan.build import x\n",
    "hrdeck.cli": "import click\nfrom hrdeck.render.deck import render\n",
}


def test_a_clean_set_of_modules_passes() -> None:
    assert violations(GOOD) == []


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        ("hrdeck.plan.build", "import pptx\n", "hrdeck.plan.build imports pptx"),
        ("hrdeck.plan.build", "def f():\n    from pptx.util import Emu\n", "imports pptx"),
        ("hrdeck.render.deck", "import docx\n", "hrdeck.render.deck imports docx"),
        ("hrdeck.render.deck", "import click\n", "imports click, allowed only in hrdeck.cli"),
        ("hrdeck.plan.build", "from jsonschema import validators\n", "imports jsonschema"),
        ("hrdeck.render.deck", "import yaml\n", "imports yaml"),
        ("hrdeck.plan.build", "from hrdeck.render.deck import x\n", "a later stage (render)"),
        ("hrdeck.errors", "def f():\n    import hrdeck.cli\n", "a later stage (cli"),
    ],
)
def test_each_forbidden_import_is_caught(module: str, source: str, expected: str) -> None:
    modules = {**GOOD, module: GOOD.get(module, "") + source}
    found = violations(modules)
    assert any(expected in problem for problem in found), found


def test_an_import_cycle_is_caught_and_shown_as_a_path() -> None:
    modules = {
        "hrdeck.render.a": "from hrdeck.render import b\n",
        "hrdeck.render.b": "def f():\n    from hrdeck.render.c import g\n",
        "hrdeck.render.c": "import hrdeck.render.a\n",
        "hrdeck.render": "",
    }
    found = violations(modules, packages={"hrdeck.render"})
    assert found == [
        "import cycle: hrdeck.render.a -> hrdeck.render.b -> hrdeck.render.c -> hrdeck.render.a"
    ]


def test_relative_imports_are_resolved() -> None:
    modules = {
        "hrdeck.plan.build": "from ..render import deck\n",
        "hrdeck.render.deck": "",
        "hrdeck.render": "",
    }
    found = violations(modules, packages={"hrdeck.render"})
    assert "hrdeck.plan.build (stage plan) imports hrdeck.render.deck, a later stage (render)" in (
        found
    )


def test_a_module_outside_every_stage_is_named() -> None:
    with pytest.raises(KeyError, match=r"hrdeck\.newthing belongs to no stage"):
        stage_of("hrdeck.newthing")
