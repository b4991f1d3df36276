"""PDF copies of a build's decks and documents, made by LibreOffice (``soffice --headless``).

:func:`pdf_files` takes the build's files in memory and returns their PDFs, to be
written with them as one set, so a PDF is never left half-written beside a good deck:

- every ``.pptx`` and ``.docx`` is converted in one LibreOffice start (a start costs
  seconds), in a temporary folder with its own user profile (two builds at once, or a
  LibreOffice the user has open, never share one), under a time limit;
- each deck also gets its notes pages (``01-slides-notes.pdf``), exported with the
  Impress PDF filter's ``ExportOnlyNotesPages`` option (LibreOffice 7.4 and later);
  a LibreOffice that ignores the option prints slides instead, so such a file is dropped
  with a warning rather than passed off as notes;
- a conversion that fails, times out or writes no PDF is a BuildError naming the file,
  and nothing of the build is written.

Without LibreOffice, :func:`require_soffice` says which packages to install.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from hrdeck.errors import BuildError

CONVERTIBLE = (".pptx", ".docx")
PACKAGES = "libreoffice-impress libreoffice-writer"
NOTES_FILTER = (
    'pdf:impress_pdf_Export:{"ExportNotesPages":{"type":"boolean","value":"true"},'
    '"ExportOnlyNotesPages":{"type":"boolean","value":"true"}}'
)
START_SECONDS = 90  # a first start with a new profile, on a slow machine
SECONDS_PER_FILE = 45
_MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*[\d.]+\s+[\d.]+\s+([\d.]+)\s+([\d.]+)\s*\]")
_CONVERTED = re.compile(r"^convert (.+?) -> ")

_Files = list[tuple[str, bytes]]
_Progress = Callable[[str], None]


def find_soffice() -> str | None:
    """LibreOffice's command (``soffice``, or ``libreoffice`` on some systems)."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    """The LibreOffice command; a BuildError naming the packages when there is none."""
    found = find_soffice()
    if found is None:
        raise BuildError(
            "--pdf needs LibreOffice, which is not installed (no 'soffice' on PATH): "
            f"install it (Debian/Ubuntu: sudo apt-get install {PACKAGES}; macOS: "
            "brew install --cask libreoffice) or build without --pdf; nothing was built"
        )
    return found


@dataclass(frozen=True)
class PdfOutcome:
    """The PDFs (relative name, bytes) and what could not be made: (source name, why)."""

    files: _Files
    warnings: list[tuple[str, str]]


def pdf_files(
    files: Sequence[tuple[str, bytes]],
    soffice: str,
    progress: _Progress | None = None,
) -> PdfOutcome:
    """PDFs of every deck (slides and notes pages) and document in ``files``."""
    sources = [(name, data) for name, data in files if name.endswith(CONVERTIBLE)]
    if not sources:
        return PdfOutcome([], [])
    decks = [(name, data) for name, data in sources if name.endswith(".pptx")]
    with tempfile.TemporaryDirectory(prefix="hrdeck-pdf-") as work:
        folder = Path(work)
        pdfs = _convert(folder, soffice, sources, "pdf", "pdf", progress)
        notes = _convert(folder, soffice, decks, NOTES_FILTER, "notes", progress) if decks else []
    out = [(_pdf_name(name), pdf) for (name, _), pdf in zip(sources, pdfs, strict=True)]
    warnings = []
    for (name, _), pdf in zip(decks, notes, strict=True):
        if _is_portrait(pdf):
            out.append((_pdf_name(name, "-notes"), pdf))
        else:
            why = "this LibreOffice cannot export notes pages (7.4 or later can): no notes PDF"
            warnings.append((name, why))
    return PdfOutcome(out, warnings)


def _pdf_name(name: str, suffix: str = "") -> str:
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}{suffix}.pdf"))


def _convert(
    work: Path,
    soffice: str,
    sources: Sequence[tuple[str, bytes]],
    target: str,
    label: str,
    progress: _Progress | None,
) -> list[bytes]:
    """Convert ``sources`` in one LibreOffice run; the PDFs in the same order."""
    inputs, out_dir = work / f"in-{label}", work / f"out-{label}"
    inputs.mkdir()
    local = {}
    for index, (name, data) in enumerate(sources):
        path = inputs / f"{index:04d}{PurePosixPath(name).suffix}"
        path.write_bytes(data)
        local[str(path)] = name
    command = [
        soffice,
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        target,
        "--outdir",
        str(out_dir),
        *local,
    ]
    timeout = START_SECONDS + SECONDS_PER_FILE * len(sources)
    _run(command, work, timeout, _reporter(local, label, progress))
    return [_read_pdf(out_dir / f"{Path(path).stem}.pdf", name) for path, name in local.items()]


def _reporter(local: dict[str, str], label: str, progress: _Progress | None) -> _Progress:
    done: list[str] = []

    def report(line: str) -> None:
        found = _CONVERTED.match(line)
        if progress is None or found is None or found.group(1) not in local:
            return
        done.append(found.group(1))
        what = "notes pages" if label == "notes" else "PDF"
        progress(f"{what} {len(done)}/{len(local)}: {local[found.group(1)]}")

    return report


def _run(command: list[str], cwd: Path, timeout: float, on_line: _Progress) -> None:
    """Run LibreOffice in its own process group: a timeout or Ctrl-C stops all of it."""
    process = subprocess.Popen(
        command,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        errors="replace",
        start_new_session=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=_read_lines, args=(process, lines, on_line), daemon=True)
    reader.start()
    try:
        code = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(process)
        raise BuildError(
            f"LibreOffice did not finish the PDF conversion in {timeout:.0f} s; nothing was built"
        ) from None
    except BaseException:
        _stop(process)
        raise
    reader.join(timeout=5)
    if code != 0:
        said = " ".join(lines[-3:]).strip()
        raise BuildError(
            f"LibreOffice failed to convert to PDF (exit {code}): {said or 'no message'}; "
            "nothing was built"
        )


def _read_lines(process: subprocess.Popen[str], lines: list[str], on_line: _Progress) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line.rstrip())
        on_line(line.rstrip())


def _stop(process: subprocess.Popen[str]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _read_pdf(path: Path, name: str) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        data = b""
    if not data.startswith(b"%PDF"):
        raise BuildError(f"LibreOffice wrote no PDF for {name}; nothing was built")
    return data


def _is_portrait(pdf: bytes) -> bool:
    """Whether the first page is taller than wide (notes pages are; slides are not)."""
    found = _MEDIA_BOX.search(pdf)
    return found is not None and float(found.group(2)) > float(found.group(1))
