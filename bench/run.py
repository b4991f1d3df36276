"""Time hrdeck against pandoc and a plain python-pptx script; write bench/RESULTS.md.

Run from the repository root:  python -m bench  [--sizes 40,100,300,1000] [--repeat 5] [--quick]

Every command is a cold subprocess.  Commands run round-robin (each round runs every
case once, in an order rotated by one each round) so that drift in machine load hits
all tools alike; medians over the rounds are reported.  Peak memory is the child's own
``ru_maxrss`` from ``os.wait4`` (not a RUSAGE_CHILDREN delta, which only ever grows).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import synth

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_MD = BENCH_DIR / "RESULTS.md"
RESULTS_DIR = BENCH_DIR / "results"
DEFAULT_SIZES = (40, 100, 300, 1000)
QUICK_SIZES = (100, 1000)


@dataclass
class Case:
    """One command to time: its samples, peak memory and the deck it wrote."""

    key: str
    label: str
    argv: list[str]
    out_dir: Path | None = None
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)
    failure: str | None = None
    slides_out: int | None = None
    reports: bool = False  # the command prints its own measurement (seconds) on stdout

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None

    @property
    def cpu_median(self) -> float | None:
        return statistics.median(self.cpu) if self.cpu else None

    @property
    def peak_mib(self) -> float | None:
        return max(self.rss_kib) / 1024 if self.rss_kib else None


TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


@dataclass(frozen=True)
class Sample:
    seconds: float  # wall clock
    cpu: float  # user + system of the command (and its children)
    rss_kib: int  # the command's own peak resident set
    code: int
    stderr: str


def run_once(argv: list[str], cwd: Path, stdout: Path | None = None) -> Sample:
    """Run ``argv`` once as a cold subprocess and measure it.

    Peak memory comes from ``/usr/bin/time -f %M`` when it exists: the ``ru_maxrss``
    that ``os.wait4`` reports for a child started from this (larger) Python process
    never drops below this process's own RSS, since Linux carries the pre-exec high
    water mark across exec.  Without ``/usr/bin/time`` that floor applies.
    """
    with (
        tempfile.TemporaryFile() as err,
        tempfile.NamedTemporaryFile("r", suffix=".rss") as rss_file,
        open(stdout or os.devnull, "wb") as out,
    ):
        wrapped = [TIME, "-f", "%M", "-o", rss_file.name, *argv] if TIME else argv
        start = time.perf_counter()
        proc = subprocess.Popen(wrapped, cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = err.read()[-2000:].decode("utf-8", "replace")
        rss = usage.ru_maxrss
        if TIME:
            numbers = re.findall(r"^\d+$", rss_file.read(), flags=re.MULTILINE)
            rss = int(numbers[-1]) if numbers else rss
    cpu = usage.ru_utime + usage.ru_stime
    return Sample(seconds, cpu, rss, proc.returncode, tail)


def hrdeck_argv() -> list[str]:
    """The installed ``hrdeck`` script next to this interpreter (no pyenv shim), else -m."""
    beside = Path(sys.executable).parent / "hrdeck"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("hrdeck")
    return [found] if found else [sys.executable, "-m", "hrdeck"]


def count_slides(out_dir: Path | None) -> int | None:
    if out_dir is None:
        return None
    decks = sorted(out_dir.glob("*.pptx"))
    if len(decks) != 1:
        return None
    with zipfile.ZipFile(decks[0]) as z:
        return sum(1 for n in z.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n))


def loud(message: str) -> None:
    bar = "!" * 78
    print(f"\n{bar}\n!! {message}\n{bar}\n", file=sys.stderr)


# ---------------------------------------------------------------- preparation


@dataclass
class Setup:
    work: Path
    hrdeck: list[str]
    pandoc: str | None
    sizes: tuple[int, ...]
    markdown_source: dict[str, str] = field(default_factory=dict)
    load: list[float] = field(default_factory=list)  # 1-minute load average, start and end
    cases: list[Case] = field(default_factory=list)


def export_markdown(setup: Setup, name: str, argv: list[str], fallback: str | None) -> Path | None:
    """Markdown for pandoc from ``hrdeck plan --format markdown``; the fallback only on failure."""
    target = setup.work / f"{name}.md"
    sample = run_once(argv, setup.work, stdout=target)
    code, tail = sample.code, sample.stderr
    if code == 0 and target.stat().st_size > 0:
        setup.markdown_source[name] = "hrdeck plan --format markdown"
        return target
    if fallback is None:
        loud(f"hrdeck plan --format markdown FAILED for {name}; no pandoc comparison.\n{tail}")
        setup.markdown_source[name] = "none (export failed)"
        return None
    loud(
        f"hrdeck plan --format markdown FAILED for {name} (exit {code}); pandoc gets the "
        f"FALLBACK Markdown from bench/synth.py instead.\n{tail.strip()[-600:]}"
    )
    target.write_text(fallback, encoding="utf-8")
    setup.markdown_source[name] = "FALLBACK bench/synth.py (hrdeck export failed)"
    return target


def prepare(setup: Setup) -> None:
    h = setup.hrdeck
    for n in setup.sizes:
        root = synth.write_curriculum(setup.work / f"curriculum-{n}", n)
        slides = setup.work / f"slides-{n}.json"
        slides.write_text(synth.slides_json(n), encoding="utf-8")
        out = {tool: setup.work / "out" / f"{tool}-{n}" for tool in ("hrdeck", "pandoc", "pptx")}
        for folder in out.values():
            folder.mkdir(parents=True, exist_ok=True)
        setup.cases.append(
            Case(
                f"build:{n}",
                f"hrdeck build ({n})",
                [*h, "build", "--audience", "bench", "--out", str(out["hrdeck"]), str(root)],
                out["hrdeck"],
            )
        )
        if setup.pandoc:
            md = export_markdown(
                setup,
                f"bench-{n}",
                [*h, "plan", "--audience", "bench", "--format", "markdown", str(root)],
                synth.markdown(n),
            )
            assert md is not None
            setup.cases.append(
                Case(
                    f"pandoc:{n}",
                    f"pandoc ({n})",
                    [setup.pandoc, str(md), "-o", str(out["pandoc"] / "deck.pptx")],
                    out["pandoc"],
                )
            )
        baseline = [sys.executable, str(BENCH_DIR / "baseline_pptx.py"), str(slides)]
        setup.cases.append(
            Case(
                f"pptx:{n}",
                f"python-pptx ({n})",
                [*baseline, str(out["pptx"] / "deck.pptx")],
                out["pptx"],
            )
        )
        setup.cases.append(
            Case(f"validate:{n}", f"hrdeck validate ({n})", [*h, "validate", str(root)])
        )
    prepare_builtin(setup)


PDF_STEP = (
    "import pathlib, sys; "
    "from hrdeck.outputs.bundle import output_choice; "
    "from hrdeck.paths import builtin_curriculum; "
    "from hrdeck.pipeline import BuildRequest, run_build; "
    "outputs = output_choice(kit=True, pdf=True); "
    "request = BuildRequest(builtin_curriculum(), 'court', out_dir=pathlib.Path(sys.argv[1]), "
    "outputs=outputs); "
    "print(run_build(request).pdf_seconds)"
)

WARM_REBUILD = (
    "from hrdeck.paths import builtin_curriculum; "
    "from hrdeck.watch.rebuild import time_warm_rebuild; "
    "print(time_warm_rebuild(builtin_curriculum(), audience='court'))"
)


def compile_bytecode() -> None:
    """Byte-compile hrdeck as ``pip install`` does: with PYTHONDONTWRITEBYTECODE set (as in
    some dev shells) an editable install would otherwise recompile every module on every
    cold start, which no installed hrdeck does.  Python still reads .pyc files then."""
    import hrdeck

    package = Path(hrdeck.__file__).resolve().parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=False)


def prepare_builtin(setup: Setup) -> None:
    """The built-in curriculum (run from the work folder, so hrdeck picks the built-in one)."""
    h, work = setup.hrdeck, setup.work
    court, every = work / "out" / "builtin-court", work / "out" / "builtin-all"
    kit, pdf = work / "out" / "builtin-all-kit", work / "out" / "builtin-court-pdf"
    python_start = [sys.executable, "-c", "pass"]
    setup.cases += [
        Case("help", "hrdeck --help", [*h, "--help"]),
        Case("python", "python -c pass (interpreter start, reference)", python_start),
        Case("validate", "hrdeck validate (built-in)", [*h, "validate"]),
        Case(
            "court",
            "hrdeck build --audience court",
            [*h, "build", "-a", "court", "--out", str(court)],
            court,
        ),
        Case("all", "hrdeck build --audience all", [*h, "build", "-a", "all", "--out", str(every)]),
        Case(
            "all-kit",
            "hrdeck build --audience all --kit (no PDF)",
            [*h, "build", "-a", "all", "--kit", "--out", str(kit)],
        ),
        Case(
            "watch",
            "hrdeck watch: warm one-file rebuild, court (median of 5 in one process)",
            [sys.executable, "-c", WARM_REBUILD],
            reports=True,
        ),
    ]
    if shutil.which("soffice") or shutil.which("libreoffice"):
        setup.cases.append(
            Case(
                "pdf",
                "hrdeck build -a court --kit --pdf: the PDF step alone (LibreOffice)",
                [sys.executable, "-c", PDF_STEP, str(pdf)],
                reports=True,
            )
        )
    if setup.pandoc:
        md = export_markdown(
            setup,
            "builtin-court",
            [*h, "plan", "--audience", "court", "--format", "markdown"],
            None,
        )
        if md is not None:
            pandoc_out = work / "out" / "pandoc-court"
            pandoc_out.mkdir(parents=True, exist_ok=True)
            setup.cases.append(
                Case(
                    "pandoc:court",
                    "pandoc (built-in court export)",
                    [setup.pandoc, str(md), "-o", str(pandoc_out / "deck.pptx")],
                    pandoc_out,
                )
            )


# ---------------------------------------------------------------- timing


def run_case(case: Case, cwd: Path, record: bool) -> None:
    with tempfile.NamedTemporaryFile("r", suffix=".out") as out:
        sample = run_once(case.argv, cwd, stdout=Path(out.name) if case.reports else None)
        printed = out.read().strip()
    if sample.code != 0:
        case.failure = f"exit {sample.code}: {sample.stderr.strip()[-400:]}"
        print(f"  FAILED {case.label}: {case.failure}", file=sys.stderr)
        return
    if case.reports:  # the command's own number, not its process time (no cpu column)
        sample = Sample(float(printed.split()[-1]), 0.0, sample.rss_kib, 0, "")
    if record:
        case.seconds.append(sample.seconds)
        if not case.reports:
            case.cpu.append(sample.cpu)
        case.rss_kib.append(sample.rss_kib)
        case.slides_out = count_slides(case.out_dir)
    print(
        f"  {case.label:<48} {sample.seconds:8.3f} s wall {sample.cpu:8.3f} s cpu "
        f"{sample.rss_kib / 1024:7.1f} MiB",
        file=sys.stderr,
    )


def time_all(setup: Setup, repeat: int) -> None:
    setup.load.append(os.getloadavg()[0])
    smallest = f":{min(setup.sizes)}" if setup.sizes else ":"
    print("warm-up (smallest size and built-in, not recorded):", file=sys.stderr)
    for case in setup.cases:
        if case.key.endswith(smallest) or ":" not in case.key or case.key == "pandoc:court":
            run_case(case, setup.work, record=False)
    for round_number in range(repeat):
        print(f"round {round_number + 1}/{repeat}:", file=sys.stderr)
        shift = round_number % len(setup.cases)
        for case in setup.cases[shift:] + setup.cases[:shift]:
            if case.failure is None:
                run_case(case, setup.work, record=True)
    setup.load.append(os.getloadavg()[0])


# ---------------------------------------------------------------- reporting


def by_key(setup: Setup) -> dict[str, Case]:
    return {case.key: case for case in setup.cases}


def fmt_s(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def fmt_mib(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}"


def ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None or b == 0 else a / b


def fmt_x(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}x"


TOOLS = (("build", "hrdeck build"), ("pandoc", "pandoc"), ("pptx", "python-pptx"))


def _table(rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(r) + " |" for r in [rows[0], ["---"] * len(rows[0]), *rows[1:]]]


def size_tables(setup: Setup) -> list[str]:
    """Wall-clock medians with ratios, then CPU medians, peak memory and slides written."""
    cases = by_key(setup)
    tools = [(k, name) for k, name in TOOLS if k != "pandoc" or setup.pandoc]
    wall = [["slides", *(f"{name} s" for _, name in tools)]]
    wall[0] += [f"hrdeck/{name}" for k, name in tools if k != "build"]
    wall[0] += ["hrdeck validate s"]
    other = [["slides", *(f"{name} cpu s" for _, name in tools)]]
    other[0] += [f"{name} MiB" for _, name in tools] + ["slides out"]
    for n in setup.sizes:
        row_cases = [cases.get(f"{k}:{n}") for k, _ in tools]
        med = [c.median if c else None for c in row_cases]
        wall.append([str(n), *(fmt_s(m) for m in med)])
        wall[-1] += [fmt_x(ratio(med[0], m)) for m in med[1:]]
        wall[-1] += [fmt_s(cases[f"validate:{n}"].median)]
        other.append([str(n), *(fmt_s(c.cpu_median if c else None) for c in row_cases)])
        other[-1] += [fmt_mib(c.peak_mib if c else None) for c in row_cases]
        other[-1] += [
            "/".join(
                "-" if c is None or c.slides_out is None else str(c.slides_out) for c in row_cases
            )
        ]
    return [*_table(wall), "", *_table(other)]


def builtin_table(setup: Setup) -> list[str]:
    keys = ("help", "python", "validate", "court", "all", "all-kit", "pdf", "pandoc:court", "watch")
    cases = by_key(setup)
    rows = [["command", "median s", "cpu s", "peak MiB"]]
    for key in keys:
        case = cases.get(key)
        if case is not None:
            value = "FAILED" if case.failure else fmt_s(case.median)
            rows.append([f"`{case.label}`", value, fmt_s(case.cpu_median), fmt_mib(case.peak_mib)])
    return _table(rows)


Target = tuple[str, str, str, str, str]  # name, wall value, verdict, cpu value, verdict


def targets(setup: Setup) -> list[Target]:
    """Every target from the issue, judged on wall-clock medians and on CPU medians.

    The issue's targets are wall-clock; the CPU verdict is there because on a shared,
    loaded machine wall time also counts time spent waiting for a CPU.
    """
    wall = _targets(setup, cpu=False)
    cpu = _targets(setup, cpu=True)
    return [(n, v, ok, cv, cok) for (n, v, ok), (_, cv, cok) in zip(wall, cpu, strict=True)]


def _targets(setup: Setup, cpu: bool) -> list[tuple[str, str, str]]:
    c = by_key(setup)

    def med(key: str) -> float | None:
        case = c.get(key)
        if case is None or case.failure:
            return None
        return case.cpu_median if cpu else case.median

    def check(
        name: str, value: float | None, limit: float, unit: str, le: bool = True
    ) -> tuple[str, str, str]:
        if value is None:
            return name, "n/a", "N/A"
        ok = value <= limit if le else value >= limit
        return name, f"{value:.3g}{unit}", "PASS" if ok else "FAIL"

    h1000 = med("build:1000")
    peak = c["build:1000"].peak_mib if "build:1000" in c else None
    return [
        check("1000 slides: hrdeck build <= 2.5 s", h1000, 2.5, " s"),
        check(
            "1000 slides: >= 5x faster than pandoc", ratio(med("pandoc:1000"), h1000), 5, "x", False
        ),
        check(
            "1000 slides: >= 5x faster than python-pptx",
            ratio(med("pptx:1000"), h1000),
            5,
            "x",
            False,
        ),
        check("growth time(1000)/time(100) <= 12", ratio(h1000, med("build:100")), 12, "x"),
        check(
            "built-in, one audience <= 2x pandoc", ratio(med("court"), med("pandoc:court")), 2, "x"
        ),
        check("--audience all <= 1.6x one audience", ratio(med("all"), med("court")), 1.6, "x"),
        check(
            "--audience all --kit <= 2x --audience all", ratio(med("all-kit"), med("all")), 2, "x"
        ),
        check("hrdeck validate (built-in) <= 0.3 s", med("validate"), 0.3, " s"),
        check("hrdeck --help <= 0.15 s", med("help"), 0.15, " s"),
        check("hrdeck watch warm rebuild (court) <= 0.2 s", med("watch"), 0.2, " s"),
        check("peak memory at 1000 slides <= 250 MiB", peak, 250, " MiB"),
    ]


def machine(setup: Setup) -> dict[str, str]:
    info = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "nproc": str(os.cpu_count()),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        model = re.search(r"model name\s*:\s*(.*)", cpuinfo.read_text())
        info["cpu"] = model.group(1) if model else "unknown"
    for name, argv in (
        ("hrdeck", [*setup.hrdeck, "--version"]),
        ("pandoc", [setup.pandoc or "pandoc", "--version"]),
        ("commit", ["git", "-C", str(BENCH_DIR), "rev-parse", "--short", "HEAD"]),
    ):
        try:
            text = subprocess.run(argv, capture_output=True, text=True, timeout=30).stdout
            info[name] = text.splitlines()[0].strip() if text else "unknown"
        except OSError:
            info[name] = "missing"
    from pptx import __version__ as pptx_version

    info["python-pptx"] = pptx_version
    return info


def report(setup: Setup, repeat: int, info: dict[str, str]) -> str:
    lines = ["# hrdeck benchmark results", ""]
    lines.append(
        f"Generated by `python -m bench` (see [README.md](README.md)); "
        f"{repeat} round(s), medians of cold runs."
    )
    lines.append("")
    lines += [f"- **{k}**: {v}" for k, v in info.items()]
    if setup.load:
        lines.append(
            f"- **load average** (1 min) at start / end: "
            f"{' / '.join(f'{x:.2f}' for x in setup.load)} on {os.cpu_count()} CPUs "
            "(other work inflates wall times; the cpu columns much less)"
        )
    lines.append(f"- **peak memory** via {'/usr/bin/time -f %M' if TIME else 'os.wait4 ru_maxrss'}")
    sources = "; ".join(f"{k}: {v}" for k, v in setup.markdown_source.items())
    lines.append(f"- **pandoc input**: {sources or 'n/a'}")
    if setup.pandoc is None:
        lines.append("- **pandoc is not installed: its columns are skipped.**")
    lines += ["", "## Synthetic curricula (bench audience, N bullet slides with notes)", ""]
    lines += size_tables(setup)
    lines += ["", "## Built-in curriculum and start-up", ""]
    lines += builtin_table(setup)
    lines += ["", "## Targets (the issue's are wall-clock; CPU shown for a loaded machine)", ""]
    rows = [["target", "wall", "result", "cpu", "result (cpu)"], *map(list, targets(setup))]
    lines += _table(rows)
    failures = [c for c in setup.cases if c.failure]
    if failures:
        lines += ["", "## Failed commands", ""]
        lines += [
            f"- `{c.label}`: {c.failure.splitlines()[-1] if c.failure else ''}" for c in failures
        ]
    return "\n".join(lines) + "\n"


_CASE_FIELDS = (
    "key",
    "label",
    "argv",
    "seconds",
    "cpu",
    "rss_kib",
    "failure",
    "slides_out",
    "reports",
)


def save_json(setup: Setup, repeat: int, info: dict[str, str], path: Path) -> None:
    """Every sample and what the report needs, so ``--report-from`` can redo RESULTS.md."""
    meta = {
        "repeat": repeat,
        "info": info,
        "sizes": list(setup.sizes),
        "pandoc": setup.pandoc,
        "markdown_source": setup.markdown_source,
        "load": setup.load,
    }
    cases = [{name: getattr(case, name) for name in _CASE_FIELDS} for case in setup.cases]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"meta": meta, "cases": cases}, indent=1), encoding="utf-8")


def load_json(path: Path) -> tuple[Setup, int, dict[str, str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    meta = data["meta"]
    setup = Setup(
        work=Path(tempfile.gettempdir()),
        hrdeck=[],
        pandoc=meta["pandoc"],
        sizes=tuple(meta["sizes"]),
        markdown_source=meta["markdown_source"],
        load=meta["load"],
        cases=[Case(**case) for case in data["cases"]],
    )
    return setup, meta["repeat"], meta["info"]


# ---------------------------------------------------------------- command line


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", help="comma-separated slide counts (default 40,100,300,1000)")
    parser.add_argument("--repeat", type=int, help="timed rounds (default 5; --quick: 1)")
    parser.add_argument(
        "--quick", action="store_true", help="sizes 100,1000, one round, RESULTS.md untouched"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary work folder")
    parser.add_argument("--no-write", action="store_true", help="do not rewrite bench/RESULTS.md")
    parser.add_argument(
        "--report-from", type=Path, help="redo the report from a saved bench/results/*.json"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.report_from:
        setup, repeat, info = load_json(args.report_from)
        return finish(setup, repeat, info, write=not args.no_write, save=False)
    sizes = QUICK_SIZES if args.quick else DEFAULT_SIZES
    if args.sizes:
        sizes = tuple(sorted({int(s) for s in args.sizes.split(",") if s.strip()}))
    repeat = args.repeat or (1 if args.quick else 5)
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        loud("pandoc is NOT installed: the pandoc columns are skipped (apt-get install pandoc).")
    work = Path(tempfile.mkdtemp(prefix="hrdeck-bench-"))
    setup = Setup(work=work, hrdeck=hrdeck_argv(), pandoc=pandoc, sizes=sizes)
    try:
        compile_bytecode()
        prepare(setup)
        time_all(setup, repeat)
        info = machine(setup)
    finally:
        if args.keep:
            print(f"work folder kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return finish(setup, repeat, info, write=not (args.quick or args.no_write), save=True)


def finish(setup: Setup, repeat: int, info: dict[str, str], write: bool, save: bool) -> int:
    """Print the report, keep it in bench/results/, maybe rewrite RESULTS.md; 1 on a FAIL."""
    text = report(setup, repeat, info)
    print(text)
    if save:
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        save_json(setup, repeat, info, RESULTS_DIR / f"{stamp}.json")
        (RESULTS_DIR / f"{stamp}.md").write_text(text, encoding="utf-8")
    if write:
        RESULTS_MD.write_text(text, encoding="utf-8")
        print(f"wrote {RESULTS_MD}", file=sys.stderr)
    return 1 if any(target[2] == "FAIL" for target in targets(setup)) else 0


if __name__ == "__main__":
    sys.exit(main())
