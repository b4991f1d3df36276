"""``--pdf`` without waiting for LibreOffice: a stand-in ``soffice`` on PATH plays its part.

The stand-in writes a one-page PDF per input the way ``soffice --convert-to`` names them
(portrait for the notes-pages filter, landscape otherwise, or landscape for everything
when told to act like an old LibreOffice), fails, or hangs, as each test asks. The real
conversion is the slow test in test_kit_build.py.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import hrdeck.outputs.pdf
from hrdeck.cli import cli
from hrdeck.paths import builtin_curriculum

FAKE_SOFFICE = """\
#!{python}
import pathlib, sys, time
mode = {mode!r}
args = sys.argv[1:]
target = args[args.index("--convert-to") + 1]
out = pathlib.Path(args[args.index("--outdir") + 1])
inputs = [a for a in args if a.endswith((".pptx", ".docx"))]
if mode == "fail":
    print("Error: source file could not be loaded")
    sys.exit(1)
if mode == "hang":
    time.sleep(60)
out.mkdir(parents=True, exist_ok=True)
portrait = "ExportNotesPages" in target and mode != "old"
box = "[0 0 540 720]" if portrait or inputs[0].endswith(".docx") else "[0 0 720 540]"
for name in inputs:
    pdf = out / (pathlib.Path(name).stem + ".pdf")
    if mode == "missing" and name.endswith(".docx"):
        continue
    pdf.write_bytes(("%PDF-1.4\\n1 0 obj << /Type /Page /MediaBox " + box + " >>\\n").encode())
    print(f"convert {{name}} -> {{pdf}} using filter : {{target}}", flush=True)
"""


def fake_soffice(folder: Path, mode: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "soffice"
    script.write_text(FAKE_SOFFICE.format(python=sys.executable, mode=mode), encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return folder


def build(out: Path, *options: str) -> Result:
    args = ["build", "-a", "court", *options, "--out", str(out), str(builtin_curriculum())]
    return CliRunner().invoke(cli, args)


@pytest.fixture
def only_fake(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A PATH with nothing but the stand-in's folder (python is called by full path)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    return folder


def test_pdfs_join_the_build_beside_their_sources(only_fake: Path, tmp_path: Path) -> None:
    fake_soffice(only_fake, "ok")
    result = build(tmp_path / "out", "--only", "deck,handout,lms", "--pdf")
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "out" / "court").iterdir())
    assert names == [
        "01-slides-notes.pdf",
        "01-slides.pdf",
        "01-slides.pptx",
        "06-handout.docx",
        "06-handout.pdf",
        "11-questions-qti.zip",
        "11-questions.gift.txt",
    ]
    assert "(PDF " in result.stderr


def test_the_default_build_gets_flat_pdf_names(only_fake: Path, tmp_path: Path) -> None:
    fake_soffice(only_fake, "ok")
    result = build(tmp_path / "out", "--pdf")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").glob("*.pdf")) == [
        "hr-mandated-clients-court-notes.pdf",
        "hr-mandated-clients-court.pdf",
    ]


def test_an_old_libreoffice_gets_no_notes_pdf_and_a_warning(
    only_fake: Path, tmp_path: Path
) -> None:
    fake_soffice(only_fake, "old")
    result = build(tmp_path / "out", "--only", "deck", "--pdf")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out" / "court").iterdir()) == [
        "01-slides.pdf",
        "01-slides.pptx",
    ]
    assert "warning[pdf-notes]: this LibreOffice cannot export notes pages" in result.stderr


def test_without_libreoffice_nothing_is_built_and_the_packages_are_named(
    only_fake: Path, tmp_path: Path
) -> None:
    result = build(tmp_path / "out", "--kit", "--pdf")
    assert result.exit_code == 1
    assert "--pdf needs LibreOffice" in result.stderr
    assert "libreoffice-impress libreoffice-writer" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("fail", "LibreOffice failed to convert to PDF (exit 1): Error: source file could not"),
        ("missing", "LibreOffice wrote no PDF for court/06-handout.docx"),
    ],
)
def test_a_failed_conversion_leaves_the_last_good_build(
    only_fake: Path, tmp_path: Path, mode: str, message: str
) -> None:
    out = tmp_path / "out"
    assert build(out, "--only", "deck,handout").exit_code == 0
    before = {p.name: p.read_bytes() for p in (out / "court").iterdir()}
    (out / "court" / "01-slides.pptx").write_bytes(b"the last good deck")
    before["01-slides.pptx"] = b"the last good deck"
    fake_soffice(only_fake, mode)
    result = build(out, "--only", "deck,handout", "--pdf")
    assert result.exit_code == 1
    assert message in result.stderr and "nothing was built" in result.stderr
    assert {p.name: p.read_bytes() for p in (out / "court").iterdir()} == before


def test_a_hanging_libreoffice_is_stopped(
    only_fake: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_soffice(only_fake, "hang")
    monkeypatch.setattr(hrdeck.outputs.pdf, "START_SECONDS", 1)
    monkeypatch.setattr(hrdeck.outputs.pdf, "SECONDS_PER_FILE", 0)
    result = build(tmp_path / "out", "--only", "deck", "--pdf")
    assert result.exit_code == 1
    assert "LibreOffice did not finish the PDF conversion in 1 s" in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_fake_is_what_runs(only_fake: Path) -> None:
    """The stand-in is found on PATH the way the build looks for LibreOffice."""
    fake_soffice(only_fake, "ok")
    assert hrdeck.outputs.pdf.find_soffice() == str(only_fake / "soffice")
    assert os.access(only_fake / "soffice", os.X_OK)


def test_the_pdf_step_reports_progress_file_by_file(only_fake: Path, tmp_path: Path) -> None:
    from hrdeck.outputs.bundle import output_choice
    from hrdeck.pipeline import BuildRequest, run_build

    fake_soffice(only_fake, "ok")
    said: list[str] = []
    outputs = output_choice(only="deck,handout", pdf=True)
    request = BuildRequest(builtin_curriculum(), "court", out_dir=tmp_path / "o", outputs=outputs)
    result = run_build(request, progress=said.append)
    assert [line for line in said if line.startswith(("PDF", "notes"))] == [
        "PDF 1/2: court/01-slides.pptx",
        "PDF 2/2: court/06-handout.docx",
        "notes pages 1/1: court/01-slides.pptx",
    ]
    assert result.pdf_seconds is not None and 0 < result.pdf_seconds < result.seconds
