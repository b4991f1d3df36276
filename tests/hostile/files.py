"""Hostile files and folders: pictures, logos, templates, links, pipes, twins, layers.

Items 1, 3, 4, 5, 15, 16 and 19 (FIFOs, ``extends:`` cycles) of issue 14 and the
sweep's variants.  Each factory returns a ``make(ws)`` that puts the file in place
and returns the command to run.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable

from tests.hostile.templates import Damage, template_bytes
from tests.hostile.workspace import PROBE_FILE, Workspace, probe_slides

Make = Callable[[Workspace], list[str]]
Picture = Callable[[], bytes]
LOGO_LINES = "logo:\n  path: logo.png\n  alt: Agency logo\n"


def theme_command(ws: Workspace, run: str) -> list[str]:
    return ws.theme_check() if run == "theme-check" else ws.build_themed()


def module_image(picture: Picture, name: str, run: str) -> Make:
    """``picture`` at images/``name``, shown on the probe slide."""

    def make(ws: Workspace) -> list[str]:
        ws.image(picture(), name)
        return ws.validate() if run == "validate" else ws.build(run)

    return make


def logo(picture: Picture, run: str) -> Make:
    """``picture`` as the theme's logo (``run``: theme-check or build)."""

    def make(ws: Workspace) -> list[str]:
        ws.probe(probe_slides())
        (ws.theme / "logo.png").write_bytes(picture())
        ws.theme_lines(LOGO_LINES)
        return theme_command(ws, run)

    return make


def template(damage: Damage | None, run: str) -> Make:
    """The stock deck with ``damage`` done as the theme's template; theme.yaml drops its
    ``slide_size`` so that the template's own size counts, as ``theme check`` advises."""

    def make(ws: Workspace) -> list[str]:
        ws.probe(probe_slides())
        (ws.theme / "agency.pptx").write_bytes(template_bytes(damage))
        ws.drop_theme_key("slide_size")
        ws.theme_lines("template: agency.pptx\n")
        if run == "inspect":
            return ["theme", "inspect", str(ws.theme / "agency.pptx")]
        return theme_command(ws, run)

    return make


def deck_to_check(damage: Damage) -> Make:
    """``hrdeck check`` on a one-slide deck with ``damage`` done to it."""

    def make(ws: Workspace) -> list[str]:
        deck = ws.base / "given.pptx"
        deck.write_bytes(template_bytes(damage, with_slide=True))
        return ["check", str(deck)]

    return make


# -- links and special files -------------------------------------------------------------


def moved_outside(relative: str) -> Make:
    """``relative`` (a file or folder of the curriculum) moved outside, a symlink left."""

    def make(ws: Workspace) -> list[str]:
        ws.probe(probe_slides())
        inside = ws.file(relative)
        outside = ws.base / "elsewhere" / inside.name
        outside.parent.mkdir(exist_ok=True)
        shutil.move(inside, outside)
        inside.symlink_to(outside, target_is_directory=outside.is_dir())
        return ws.validate()

    return make


def odd_module_file(place: Callable[[str], None], name: str = "50-odd.yaml") -> Make:
    """``place(path)`` puts something that is not a regular file at modules/``name``."""

    def make(ws: Workspace) -> list[str]:
        ws.probe(probe_slides())
        place(str(ws.file("modules") / name))
        return ws.validate()

    return make


def fifo(path: str) -> None:
    os.mkfifo(path)


def self_link(path: str) -> None:
    os.symlink(os.path.basename(path), path)


def dangling_link(path: str) -> None:
    os.symlink("/nonexistent/module.yaml", path)


def device_link(path: str) -> None:
    os.symlink("/dev/zero", path)


def plain_file(path: str) -> None:
    with open(path, "w", encoding="utf-8") as stream:
        stream.write("not a folder\n")


def output_folder(place: Callable[[str], None]) -> Make:
    """``place(path)`` puts something that is not a folder where the output folder goes."""

    def make(ws: Workspace) -> list[str]:
        ws.probe(probe_slides())
        shutil.rmtree(ws.out, ignore_errors=True)
        place(str(ws.out))
        return ws.build()

    return make


def renamed_probe(name: str, broken: bool = True) -> Make:
    """The probe module saved under file name ``name`` (with a typo in 'kind' if broken)."""

    def make(ws: Workspace) -> list[str]:
        text = probe_slides()
        ws.probe(text.replace("kind: bullets", "kind: bulets") if broken else text)
        os.rename(ws.file(PROBE_FILE), ws.file("modules") / name)
        return ws.validate()

    return make


def twin_audience(run: str) -> Make:
    """audiences/court.yml beside audiences/court.yaml, the same audience twice."""

    def make(ws: Workspace) -> list[str]:
        ws.probe(probe_slides())
        court = ws.file("audiences/court.yaml")
        shutil.copyfile(court, court.with_suffix(".yml"))
        return ws.validate() if run == "validate" else ws.build("all")

    return make


def project(hrdeck_yaml: str, run: str = "validate") -> Make:
    """A project folder holding only ``hrdeck_yaml`` ("{cur}" names the curriculum copy)."""

    def make(ws: Workspace) -> list[str]:
        folder = ws.base / "project"
        folder.mkdir()
        (folder / "hrdeck.yaml").write_text(hrdeck_yaml.format(cur=ws.cur), encoding="utf-8")
        if run == "validate":
            return ["validate", str(folder)]
        return ["build", "-a", "court", "--out", str(ws.out), str(folder)]

    return make


def extends_chain(links: int, cycle: bool) -> Make:
    """Projects p0 .. p<links-1>, each extending the next; the last extends p0 or builtin."""

    def make(ws: Workspace) -> list[str]:
        for n in range(links):
            project = ws.base / f"p{n}"
            project.mkdir()
            base = f"../p{n + 1}" if n + 1 < links else ("../p0" if cycle else str(ws.cur))
            (project / "hrdeck.yaml").write_text(f"extends: {base}\n", encoding="utf-8")
        return ["validate", str(ws.base / "p0")]

    return make
