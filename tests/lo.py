"""LibreOffice helpers for tests: convert a deck to PDF with a private profile.

Each conversion uses its own user profile folder, so tests running in parallel
(pytest-xdist) never fight over LibreOffice's lock on a shared profile.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")


def to_pdf(deck: Path, out_dir: Path) -> Path:
    """Convert ``deck`` to PDF in ``out_dir`` and return the PDF's path."""
    (pdf,) = to_pdfs([deck], out_dir)
    return pdf


def to_pdfs(decks: list[Path], out_dir: Path) -> list[Path]:
    """Convert every deck in one LibreOffice start (a start costs seconds)."""
    assert SOFFICE is not None
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out_dir),
                *map(str, decks),
            ],
            check=True,
            capture_output=True,
            timeout=120 + 120 * len(decks),
        )
    pdfs = [out_dir / f"{deck.stem}.pdf" for deck in decks]
    for pdf in pdfs:
        assert pdf.is_file(), f"LibreOffice did not write {pdf}"
    return pdfs


def to_pdfs_named(decks: Mapping[str, Path], out_dir: Path) -> dict[str, Path]:
    """Convert decks whose file names may clash (one deck per theme) in one LibreOffice
    start: each is copied into ``out_dir`` as ``<key>.pptx`` first, and stays there
    beside its ``<key>.pdf``."""
    copies = {key: out_dir / f"{key}.pptx" for key in decks}
    for key, deck in decks.items():
        shutil.copyfile(deck, copies[key])
    return dict(zip(copies, to_pdfs(list(copies.values()), out_dir), strict=True))


def pdf_pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    for line in out.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo printed no page count")
