"""Run the hostile-input corpus outside pytest, ignoring its xfail marks, as a table.

    python tools/hostile_sweep.py corpus [-k TEXT]   every case of tests/test_hostile_corpus.py
    python tools/hostile_sweep.py extra  [-k TEXT]   sweep variants that held (not in the corpus)

Each line says whether the contract holds or fails for a case, how long it took,
and what broke.  ``corpus`` marks with ``!!`` each case whose xfail mark disagrees
with what happens now (a fixed bug whose mark should go, or a new failure) and exits
1 if there is one: run it after a fix to see exactly which cases flipped.  ``extra``
replays the variants the sweep tried that held when it was written (slow or
redundant as CI cases), so the sweep can be repeated after a restructure.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.hostile import documents as doc
from tests.hostile import files, images
from tests.hostile.cases import Case, Make, case_problems, good_build
from tests.hostile.running import run_cli, run_process
from tests.hostile.workspace import (
    PROBE_FILE,
    Workspace,
    probe_slides,
    probe_with_image,
    snapshot,
)

TIMEOUT = 30.0


def many_modules(count: int) -> Make:
    def make(ws: Workspace) -> list[str]:
        for n in range(count):
            text = f"id: m{n}\nkind: section\ntitle: Section {n}\nnotes: Say it.\n"
            (ws.cur / "modules" / f"m{n}.yaml").write_text(text, encoding="utf-8")
        ws.probe(probe_slides())
        return ws.build()

    return make


def many_audiences(count: int) -> Make:
    def make(ws: Workspace) -> list[str]:
        for n in range(count):
            text = (
                f"id: a{n}\nlabel: A\ndescription: D\nobjectives: [Do it]\n"
                "modules:\n  - {id: title, minutes: 1}\nvocabulary: []\n"
            )
            (ws.cur / "audiences" / f"a{n}.yaml").write_text(text, encoding="utf-8")
        return ws.build("all")

    return make


def pipe_where(place: str) -> Make:
    """A FIFO where a picture, a logo or a template should be (a read would block)."""

    def make(ws: Workspace) -> list[str]:
        if place == "image":
            ws.probe(probe_with_image("images/probe.png"))
            (ws.cur / "images").mkdir()
            os.mkfifo(ws.cur / "images" / "probe.png")
            return ws.build()
        ws.probe(probe_slides())
        name, line = ("logo.png", files.LOGO_LINES) if place == "logo" else ("agency.pptx", "")
        os.mkfifo(ws.theme / name)
        ws.theme_lines(line or "template: agency.pptx\n")
        return ws.build_themed()

    return make


def theme_text(pattern: str, replacement: str) -> Make:
    """theme.yaml with the first match of ``pattern`` (a regex, per line) replaced."""

    def make(ws: Workspace) -> list[str]:
        ws.probe(probe_slides())
        path = ws.theme / "theme.yaml"
        text, count = re.subn(pattern, replacement, path.read_text(), count=1, flags=re.M)
        assert count == 1, f"theme.yaml has no match for {pattern!r}"
        path.write_text(text, encoding="utf-8")
        return ws.build_themed()

    return make


def output_path(kind: str) -> Make:
    def make(ws: Workspace) -> list[str]:
        ws.probe(probe_slides())
        if kind == "under-a-file":
            (ws.base / "file").write_text("x", encoding="utf-8")
            out = ws.base / "file" / "sub"
        elif kind == "in-proc":
            out = Path("/proc/hrdeck-out")
        else:
            os.symlink(ws.base / "nowhere" / "deeper", ws.base / "dangling")
            out = ws.base / "dangling"
        return ["build", "-a", "probe", "--out", str(out), str(ws.cur)]

    return make


def mpo_picture() -> bytes:
    """A JPEG holding two pictures (Pillow calls it MPO; python-pptx refuses it)."""
    frames = [images.noise((16, 16), seed=n) for n in range(2)]
    return images.encoded(frames[0], "MPO", save_all=True, append_images=frames[1:])


def progressive_jpeg_cut() -> bytes:
    whole = images.encoded(images.noise((400, 300)), "JPEG", progressive=True)
    return whole[: len(whole) * 2 // 3]


def gif_of_300_frames() -> bytes:
    frames = [images.noise((64, 64), seed=n).convert("P") for n in range(300)]
    return images.encoded(frames[0], "GIF", save_all=True, append_images=frames[1:])


def case_narrative(words: int) -> Make:
    def make(ws: Workspace) -> list[str]:
        narrative = " ".join(["word"] * words)
        ws.probe(f"id: probe\nkind: case\ntitle: A case\nnotes: Say it.\nnarrative: {narrative}\n")
        return ws.build()

    return make


NUMBERS = ("bad-value", "wrong-type", "not-a-number", "too-large")
TAGS = [
    '!!float ""',
    '!!bool ""',
    '!!int "0x"',
    '!!timestamp "2026-02-30"',
    '!!map "x"',
    "!!str [a, b]",
    '!!seq "x"',
]
LINKS = {
    "relative": '"See [notes](notes.docx)"',
    "spaced": '"See [x]( //host/x )"',
    "reference": '"See [x][r]\\n\\n[r]: //host/y"',
}

EXTRA = [
    Case("2000-modules", many_modules(2000), process=True),
    Case("40-audiences-build-all", many_audiences(40)),
    *[Case(f"fifo-as-{place}", pipe_where(place), (1,), process=True)
      for place in ("image", "logo", "template")],
    Case("theme-slide-size-0-0", theme_text(r"^slide_size:.*$", 'slide_size: "0:0"'), (1,)),
    Case("theme-footer-20000", theme_text(r"^footer:.*$", 'footer: "' + "F" * 20_000 + '"')),
    Case("theme-slide-numbers-2", theme_text(r"^slide_numbers:.*$", "slide_numbers: 2"), (1,)),
    Case("theme-colour-3-digits", theme_text(r'background: "#FFFFFF"', 'background: "#FFF"'), (1,)),
    Case("theme-font-5000", theme_text(r"heading: Calibri", "heading: " + "X" * 5000)),
    *[Case(f"output-{kind}", output_path(kind), (1,))
      for kind in ("under-a-file", "in-proc", "dangling-symlink")],
    Case("tiny-minutes", doc.minutes("1.0e-300", "build")),
    Case("merge-key", doc.extra_key("<<")),
    Case("surrogate-escape", doc.bullet('"bad \\ud800 surrogate"'), (1,)),
    Case("two-documents", doc.module_text(lambda text: text + "---\nid: other\n"), (1,)),
    # the input side's own sweep (wip-harden): tags, numbers, dates, links, pictures, length
    *[Case(f"tag-{tag}", doc.bullet(tag)) for tag in TAGS],
    *[Case(f"minutes-{value}", doc.minutes(value, "build"), (1,), NUMBERS, "probe.yaml")
      for value in ["190:20:30", "1_000", "1e3", "!!float '1e400'", "0x1F0", "-0.0", ".NaN"]],
    *[Case(f"course-date-{value}", doc.course_field("date", value), (1,),
           ("bad-value", "bad-date", "wrong-type"), "course.yaml")
      for value in ["2026-11-01T10:00:00", "2026-11-1", "20261101", '"2026-11-01 "',
                    '"٢٠٢٦-11-01"', "9999-12-32"]],
    *[Case(f"link-{name}", doc.bullet(text), (0,), ("bad-link",), PROBE_FILE, severity="warning")
      for name, text in LINKS.items()],
    Case("link-javascript", doc.bullet('"See [x](javascript:alert(1))"'), (0,)),
    *[Case(f"picture-{make.__name__}", files.module_image(make, "probe.jpg", "probe"), (0, 1),
           ("bad-image",), PROBE_FILE)
      for make in (mpo_picture, progressive_jpeg_cut, gif_of_300_frames)],
    Case("notes-20001", doc.module_text(
        lambda text: text.replace("notes: Say something.", "notes: " + "n " * 10_001), "build"),
        (1,), ("text-too-long",), PROBE_FILE),
    Case("narrative-3900-words", case_narrative(3900), (0,), process=True),
]  # fmt: skip


def run_case(case: Case, previous: Path) -> tuple[list[str], float]:
    with tempfile.TemporaryDirectory(prefix="hostile-sweep-") as folder:
        ws = Workspace(Path(folder))
        ws.seed_outputs(previous)
        args = case.make(ws)
        before = snapshot(ws.out)
        started = time.perf_counter()
        ran = run_process(args, TIMEOUT) if case.process else run_cli(args)
        return case_problems(case, ws, ran, before), time.perf_counter() - started


def corpus() -> list[Case]:
    from tests.test_hostile_corpus import CORPUS

    return CORPUS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", choices=["corpus", "extra"])
    parser.add_argument("-k", default="", help="only cases whose name contains this")
    options = parser.parse_args()
    cases = [c for c in (corpus() if options.which == "corpus" else EXTRA) if options.k in c.name]
    mismatches = 0
    with tempfile.TemporaryDirectory(prefix="hostile-sweep-") as folder:
        previous = good_build(Path(folder))
        for case in cases:
            problems, seconds = run_case(case, previous)
            disagrees = options.which == "corpus" and bool(problems) != bool(case.failing)
            mismatches += disagrees
            status = ("FAILS" if problems else "holds") + (" (xfail)" if case.failing else "")
            line = f"{'!!' if disagrees else '  '} {status:14} {seconds:6.2f} s  {case.name}"
            print(line + (f": {'; '.join(problems)[:240]}" if problems else ""))
    print(f"{len(cases)} cases, {mismatches} disagree with their marks")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
