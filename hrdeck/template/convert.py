"""LibreOffice at arm's length: .otp/.odp templates converted to .pptx, decks to PDF and PNG.

A LibreOffice template (``.otp``) or presentation (``.odp``) is converted once with
``soffice --headless --convert-to pptx`` and kept in a cache folder named by the
file's content (SHA-256), so an edited template is converted again and an unchanged
one never is.  The cache is ``$HRDECK_CACHE`` or ``$XDG_CACHE_HOME/hrdeck`` or
``~/.cache/hrdeck`` (``converted/`` inside it), not the theme folder: theme folders
may be read-only (an installed package) and stay free of generated files.  Each run of
LibreOffice gets a private profile folder, since two soffice processes cannot share
one, and the result is renamed into the cache, so concurrent builds never see half a
file.  Without LibreOffice the problem says the exact command to run instead.
"""

from __future__ import annotations

import hashlib
import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

from hrdeck.template.problems import Problem, bad

CONVERTIBLE = (".otp", ".odp")
SOFFICE_NAMES = ("soffice", "libreoffice")
TIMEOUT = 240  # seconds for one conversion (a cold LibreOffice start is slow)
PDFTOPPM = "pdftoppm"


class ConversionFailed(Exception):
    """LibreOffice is missing or could not convert the file; ``problem`` says what to do."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def needs_conversion(path: Path) -> bool:
    """True for a LibreOffice template or presentation (.otp, .odp)."""
    return path.suffix.casefold() in CONVERTIBLE


def soffice() -> str | None:
    """The LibreOffice program on PATH, if any."""
    return next((found for name in SOFFICE_NAMES if (found := shutil.which(name))), None)


def convert_command(source: Path, out_dir: Path) -> str:
    """The command a user can run to convert ``source`` to .pptx in ``out_dir``."""
    return shlex.join(
        ["soffice", "--headless", "--convert-to", "pptx", "--outdir", str(out_dir), str(source)]
    )


def cache_folder() -> Path:
    """Where converted templates are kept (see the module docstring)."""
    root = os.environ.get("HRDECK_CACHE") or ""
    if not root:
        xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        root = str(Path(xdg) / "hrdeck")
    return Path(root) / "converted"


def converted_template(source: Path, blob: bytes, cache: Path | None = None) -> Path:
    """The .pptx LibreOffice makes of ``source`` (whose bytes are ``blob``), cached.

    ConversionFailed when LibreOffice is not installed or fails.
    """
    digest = hashlib.sha256(blob).hexdigest()[:20]
    folder = cache or cache_folder()
    target = folder / f"{source.stem}-{digest}.pptx"
    if target.is_file():
        return target
    program = soffice()
    if program is None:
        message = (
            f"{source.name} is a LibreOffice template; converting it needs LibreOffice, "
            "and `soffice` is not on PATH"
        )
        hint = (
            f"install LibreOffice, or convert it once yourself: "
            f"{convert_command(source, source.parent)} -- then name "
            f"{source.stem}.pptx as the template in theme.yaml"
        )
        raise ConversionFailed(bad("", message, hint))
    _convert_into(program, source, target)
    return target


def _convert_into(program: str, source: Path, target: Path) -> None:
    """Run LibreOffice on ``source`` in a scratch folder and rename the .pptx to ``target``."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="hrdeck-convert-") as scratch:
            made = run_soffice(program, source, Path(scratch), "pptx")
            staged = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            shutil.copyfile(made, staged)
            os.replace(staged, target)
    except (OSError, subprocess.SubprocessError, ConversionFailed) as exc:
        said = exc.problem.message if isinstance(exc, ConversionFailed) else str(exc)
        message = f"LibreOffice could not convert {source.name}: {said}"
        command = convert_command(source, source.parent)
        hint = f"convert it yourself and name the .pptx in theme.yaml: {command}"
        raise ConversionFailed(bad("", message, hint)) from exc


def run_soffice(program: str, source: Path, out_dir: Path, to: str) -> Path:
    """Convert ``source`` with LibreOffice into ``out_dir`` (format ``to``); the new file."""
    profile = out_dir / "profile"
    command = [
        program,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--convert-to",
        to,
        "--outdir",
        str(out_dir),
        str(source),
    ]
    result = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
    made = out_dir / f"{source.stem}.{to.split(':')[0]}"
    if result.returncode != 0 or not made.is_file():
        said = (result.stderr or result.stdout).decode("utf-8", "replace").strip()
        raise ConversionFailed(bad("", said or f"soffice exited with {result.returncode}"))
    return made


def deck_pictures(deck: Path, out_dir: Path, resolution: int = 60) -> list[Path]:
    """A PDF of ``deck`` and one PNG per slide in ``out_dir``; [] without LibreOffice.

    The PNGs need poppler's ``pdftoppm``; without it only the PDF is made.
    """
    program = soffice()
    if program is None:
        return []
    with tempfile.TemporaryDirectory(prefix="hrdeck-preview-") as scratch:
        pdf = run_soffice(program, deck.resolve(), Path(scratch), "pdf")
        out_dir.mkdir(parents=True, exist_ok=True)
        kept = out_dir / pdf.name
        shutil.copyfile(pdf, kept)
    if shutil.which(PDFTOPPM) is None:
        return [kept]
    stem = out_dir / deck.stem
    subprocess.run(
        [PDFTOPPM, "-png", "-r", str(resolution), str(kept), str(stem)],
        capture_output=True,
        timeout=TIMEOUT,
        check=True,
    )
    return [kept, *sorted(out_dir.glob(f"{deck.stem}-*.png"), key=_page_number)]


def _page_number(path: Path) -> int:
    digits = path.stem.rpartition("-")[2]
    return int(digits) if digits.isdigit() else 0
