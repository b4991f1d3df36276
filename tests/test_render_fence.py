"""python-pptx's internals are used in one module only: ``hrdeck/render/oxml.py``.

Every other module of ``hrdeck/render/`` is read with ``ast`` and may use python-pptx's
public API only:

- no private attribute (``x._name``) on anything but ``self`` / ``cls`` (dunders are fine);
- no import from python-pptx's XML and package layers (``pptx.oxml``, ``pptx.opc``
  except its relationship and content-type constants, ``pptx.parts``);
- no python-pptx proxy class built by hand: classes imported from ``pptx.slide``,
  ``pptx.shapes``, ``pptx.text`` or ``pptx.presentation`` serve as annotations only
  (python-pptx builds its own objects; oxml.py builds the few hrdeck needs).

The checker is a plain function of a module's source, so the tests at the bottom feed
it each kind of breach and prove that it is caught.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

RENDER = Path(__file__).resolve().parent.parent / "hrdeck" / "render"
FENCE = "oxml.py"
INTERNAL_LAYERS = ("pptx.oxml", "pptx.opc", "pptx.parts")
PUBLIC_CONSTANTS = ("pptx.opc.constants",)
PROXY_MODULES = ("pptx.slide", "pptx.shapes", "pptx.text", "pptx.presentation")
OWN_OBJECTS = ("self", "cls")


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _within(module: str, layers: tuple[str, ...]) -> bool:
    return any(module == layer or module.startswith(layer + ".") for layer in layers)


def fence_breaches(source: str, filename: str = "<module>") -> list[str]:
    """Every use of a python-pptx internal in `source`, as ``file:line: what``."""
    tree = ast.parse(source)
    proxies: set[str] = set()
    found: list[str] = []
    for node in ast.walk(tree):
        where = f"{filename}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Attribute) and _is_private(node.attr):
            owner = node.value.id if isinstance(node.value, ast.Name) else None
            if owner not in OWN_OBJECTS:
                found.append(f"{where}: private attribute .{node.attr}")
        elif isinstance(node, ast.Call) and _named_private(node) is not None:
            found.append(f"{where}: private attribute .{_named_private(node)} by name")
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found += _import_breaches(node.module, where)
            if _within(node.module, PROXY_MODULES):
                proxies.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                found += _import_breaches(alias.name, where)
    found += _proxy_calls(tree, proxies, filename)
    return found


def _named_private(call: ast.Call) -> str | None:
    """The private name in ``getattr(x, "_name", ...)`` (or setattr, hasattr, delattr)."""
    func, args = call.func, call.args
    if not (isinstance(func, ast.Name) and func.id in ("getattr", "setattr", "hasattr", "delattr")):
        return None
    if len(args) > 1 and isinstance(args[1], ast.Constant) and isinstance(args[1].value, str):
        return args[1].value if _is_private(args[1].value) else None
    return None


def _import_breaches(module: str, where: str) -> list[str]:
    if _within(module, INTERNAL_LAYERS) and not _within(module, PUBLIC_CONSTANTS):
        return [f"{where}: imports {module}"]
    return []


def _proxy_calls(tree: ast.AST, proxies: set[str], filename: str) -> list[str]:
    """Calls of an imported python-pptx class, or of one of its class methods."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute):
            func = func.value
        if isinstance(func, ast.Name) and func.id in proxies:
            found.append(f"{filename}:{node.lineno}: builds python-pptx's {func.id} by hand")
    return found


def render_modules() -> dict[str, str]:
    return {path.name: path.read_text("utf-8") for path in sorted(RENDER.glob("*.py"))}


# --- the package as it is -----------------------------------------------------------------


def test_only_oxml_uses_python_pptx_internals() -> None:
    modules = render_modules()
    assert FENCE in modules
    breaches = [
        breach
        for name, source in modules.items()
        if name != FENCE
        for breach in fence_breaches(source, f"hrdeck/render/{name}")
    ]
    assert breaches == [], "move these into hrdeck/render/oxml.py:\n" + "\n".join(breaches)


def test_the_fence_module_is_where_the_internals_are() -> None:
    """The checker, run on oxml.py itself, finds what it fences (so it is not blind)."""
    found = "\n".join(fence_breaches(render_modules()[FENCE]))
    for internal in (
        "._spTree",
        "._sldIdLst",
        "._base_placeholder",
        "imports pptx.oxml",
        "SlidePlaceholder",
    ):
        assert internal in found


def test_no_render_module_memoises_at_module_level() -> None:
    """Caches belong to one render (layouts.LayoutCache), not to the process: a memo in a
    module global outlives the deck and, in ``hrdeck watch``, the files it read."""
    memoised = [
        f"{name}:{node.lineno} {node.name}"
        for name, source in render_modules().items()
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef)
        for decorator in node.decorator_list
        if "cache" in ast.unparse(decorator)
    ]
    assert memoised == []


# --- the checker catches what it should -------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("tree = slide.shapes._spTree\n", "private attribute ._spTree"),
        ("def f(frame):\n    return frame._txBody\n", "private attribute ._txBody"),
        ("x = etree._Element\n", "private attribute ._Element"),
        ("x = getattr(shape, '_base_placeholder', None)\n", "._base_placeholder by name"),
        ("setattr(part, '_cache', {})\n", "._cache by name"),
        ("from pptx.oxml.ns import qn\n", "imports pptx.oxml.ns"),
        ("import pptx.opc.package\n", "imports pptx.opc.package"),
        ("from pptx.parts.image import Image\n", "imports pptx.parts.image"),
        (
            "from pptx.shapes.placeholder import SlidePlaceholder\n"
            "def f(e, s):\n    return SlidePlaceholder(e, s)\n",
            "builds python-pptx's SlidePlaceholder by hand",
        ),
        (
            "from pptx.shapes.shapetree import SlideShapes as Shapes\nShapes.clone(1)\n",
            "builds python-pptx's Shapes by hand",
        ),
    ],
)
def test_each_breach_is_caught(source: str, expected: str) -> None:
    found = fence_breaches(source, "m.py")
    assert any(expected in breach for breach in found), found
    assert all(breach.startswith("m.py:") for breach in found)


def test_public_api_and_own_state_pass() -> None:
    source = (
        "import pptx\n"
        "from pptx.opc.constants import RELATIONSHIP_TYPE as RT\n"
        "from pptx.slide import Slide\n"
        "from pptx.util import Emu\n"
        "class Factory:\n"
        "    def __init__(self) -> None:\n"
        "        self._prs = pptx.Presentation()\n"
        "    def first(self, slide: Slide) -> object:\n"
        "        return (slide.element, Emu(3), RT.IMAGE, f.__wrapped__, self._prs)\n"
    )
    assert fence_breaches(source) == []
