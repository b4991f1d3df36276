"""A scratch copy of the built-in curriculum (and a theme) to damage, and what a run left.

Cases do not edit the built-in modules, whose wording a new edition may change: they
add a ``probe`` module and a ``probe`` audience that shows only it, so each build is a
slide or two and the hostile input is the only unusual thing in it.  Cases that need
the whole course (interrupts, the Markdown export, the printed guide) use the
built-in audiences as they are.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree

REPO = Path(__file__).resolve().parents[2]
CURRICULUM = REPO / "curriculum"
THEMES = REPO / "themes"

PROBE = "probe"
PROBE_FILE = "modules/99-probe.yaml"
HRDECK_TEMP = re.compile(r"^\..+\.[^.]+\.tmp$")  # ".<output name>.<random>.tmp"
DTD = re.compile(rb"<!DOCTYPE|<!ENTITY")

PROBE_AUDIENCE = """\
id: probe
label: Probe
description: A short deck for hostile-input tests.
objectives: [{{id: probe, text: Build a short deck from hostile input}}]
modules:
  - {{id: probe, minutes: {minutes}}}
vocabulary: []
"""

PROBE_HEADER = "id: probe\nkind: bullets\ntitle: Probe\n"


def probe_slides(slide_fields: str = "", bullet: str = "A plain bullet") -> str:
    """A bullets module with one slide: ``slide_fields`` are extra YAML lines (indented 4)."""
    return (
        PROBE_HEADER
        + "slides:\n  - title: Probe slide\n"
        + slide_fields
        + f"    items:\n      - {bullet}\n    notes: Say something.\n"
    )


IMAGE_FIELD = "    image: {{path: {path}, alt: A hand-drawn map of the clinic entrance}}\n"


def probe_with_image(path: str = "images/probe.png") -> str:
    return probe_slides(IMAGE_FIELD.format(path=path))


def bulk_module(slides: int) -> str:
    """A bullets module ``bulk`` of many short slides: a build that takes a while."""
    entries = "".join(
        f"  - title: Bulk slide {n}\n    items: [First point, Second point, Third point]\n"
        "    notes: Say why it matters.\n"
        for n in range(1, slides + 1)
    )
    return "id: bulk\nkind: bullets\ntitle: Bulk\nslides:\n" + entries


class Workspace:
    """``base/cur`` (a copy of the built-in curriculum), ``base/out``, ``base/theme``."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.cur = base / "cur"
        self.out = base / "out"
        shutil.copytree(CURRICULUM, self.cur)
        self._theme: Path | None = None

    # -- the curriculum ---------------------------------------------------------------

    def probe(self, module: str | bytes, minutes: str = "3") -> Path:
        """Add the probe audience, showing only the probe module given as YAML."""
        audience = self.cur / "audiences" / f"{PROBE}.yaml"
        audience.write_text(PROBE_AUDIENCE.format(minutes=minutes), encoding="utf-8")
        path = self.cur / PROBE_FILE
        data = module.encode("utf-8") if isinstance(module, str) else module
        path.write_bytes(data)
        return path

    def image(self, data: bytes, name: str = "probe.png") -> Path:
        """Put ``data`` at ``images/<name>`` and show it on the probe slide."""
        self.probe(probe_with_image(f"images/{name}"))
        folder = self.cur / "images"
        folder.mkdir(exist_ok=True)
        (folder / name).write_bytes(data)
        return folder / name

    def add_to_audiences(self, module: str, minutes: int = 5) -> list[Path]:
        """Show module ``module`` first in every audience of the curriculum."""
        changed = []
        for path in sorted((self.cur / "audiences").glob("*.yaml")):
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
            at = next(i for i, line in enumerate(lines) if line.startswith("modules:"))
            following = lines[at + 1]
            indent = following[: len(following) - len(following.lstrip())]
            lines.insert(at + 1, f"{indent}- {{id: {module}, minutes: {minutes}}}\n")
            path.write_text("".join(lines), encoding="utf-8")
            changed.append(path)
        return changed

    def file(self, relative: str) -> Path:
        return self.cur / relative

    def set_course_field(self, key: str, yaml_value: str) -> Path:
        """Replace the value of a top-level key of course.yaml (one line) with raw YAML."""
        path = self.file("course.yaml")
        text = path.read_text(encoding="utf-8")
        pattern = re.compile(rf"^{re.escape(key)}:.*$", re.MULTILINE)
        assert pattern.search(text), f"course.yaml has no top-level '{key}:' line"
        path.write_text(pattern.sub(lambda _: f"{key}: {yaml_value}", text, count=1))
        return path

    # -- the theme --------------------------------------------------------------------

    @property
    def theme(self) -> Path:
        """A copy of the default theme, made on first use."""
        if self._theme is None:
            self._theme = self.base / "theme"
            shutil.copytree(THEMES / "default", self._theme)
        return self._theme

    def drop_theme_key(self, key: str) -> Path:
        """Remove the one-line top-level ``key`` of theme.yaml."""
        path = self.theme / "theme.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(rf"^{re.escape(key)}:.*\n", "", text, flags=re.MULTILINE))
        return path

    def theme_lines(self, text: str) -> Path:
        """Append ``text`` (whole YAML lines) to theme.yaml."""
        path = self.theme / "theme.yaml"
        with path.open("a", encoding="utf-8") as stream:
            stream.write(text)
        return path

    # -- commands ---------------------------------------------------------------------

    def build(self, audience: str = PROBE, *extra: str) -> list[str]:
        return ["build", "-a", audience, "--out", str(self.out), *extra, str(self.cur)]

    def build_themed(self, audience: str = PROBE) -> list[str]:
        return self.build(audience, "--theme", str(self.theme))

    def validate(self) -> list[str]:
        return ["validate", str(self.cur)]

    def plan(self, audience: str = PROBE) -> list[str]:
        return ["plan", "-a", audience, str(self.cur)]

    def lint(self) -> list[str]:
        return ["lint", str(self.cur)]

    def theme_check(self) -> list[str]:
        return ["theme", "check", str(self.theme)]

    # -- what a run left behind -------------------------------------------------------

    def seed_outputs(self, previous: Path) -> dict[str, bytes]:
        """Copy a previous good build into ``out`` and return its snapshot."""
        shutil.copytree(previous, self.out, dirs_exist_ok=True)
        return snapshot(self.out)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every regular file under ``folder`` by relative path, with its bytes."""
    if not folder.is_dir():
        return {}
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def stray_temp_files(folder: Path) -> list[str]:
    """Hidden ``.<name>.<random>.tmp`` files of hrdeck's naming under ``folder``."""
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.rglob(".*.tmp") if HRDECK_TEMP.match(p.name))


SLIDE_SIZE = re.compile(rb'<p:sldSz cx="(-?\d+)" cy="(-?\d+)"')
EXTENT = re.compile(rb'<a:ext cx="(-?\d+)" cy="(-?\d+)"')
SLIDE_SIZE_RANGE = range(914_400, 51_206_400 + 1)  # ST_SlideSizeCoordinate
PPTX_MAIN = b"presentationml.presentation.main+xml"
CONTENT_TYPES = "[Content_Types].xml"


def deck_problems(deck: Path) -> list[str]:
    """What would make PowerPoint refuse or repair a written .pptx, as far as checked here:
    a part that is not well-formed or declares a DTD, a slide size or shape extent
    outside the schema's range, a main part that is not a plain presentation."""
    try:
        package = zipfile.ZipFile(deck)
    except zipfile.BadZipFile:
        return [f"{deck.name} is not a zip package"]
    with package:
        names = package.namelist()
        problems = []
        for name in names:
            if name.endswith((".xml", ".rels")):
                problems += _part_problems(name, package.read(name))
        types = package.read(CONTENT_TYPES) if CONTENT_TYPES in names else b""
        if PPTX_MAIN not in types:
            problems.append(f"{CONTENT_TYPES} does not declare a plain .pptx presentation")
        return problems


def _part_problems(name: str, data: bytes) -> list[str]:
    if DTD.search(data):
        return [f"{name} declares a DTD"]
    try:
        ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        return [f"{name} is not well-formed XML: {exc}"]
    problems = []
    for cx, cy in SLIDE_SIZE.findall(data):
        if int(cx) not in SLIDE_SIZE_RANGE or int(cy) not in SLIDE_SIZE_RANGE:
            problems.append(f"{name}: slide size {int(cx)} x {int(cy)} EMU is outside the schema")
    for cx, cy in EXTENT.findall(data):
        if int(cx) < 0 or int(cy) < 0:
            problems.append(f"{name}: a shape of negative size {int(cx)} x {int(cy)} EMU")
    return problems
