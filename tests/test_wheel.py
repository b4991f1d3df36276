"""The wheel carries the built-in curriculum and themes: install it, run it anywhere.

One wheel and one fresh virtualenv for the whole run (``conftest.wheel`` and
``conftest.hrdeck_exe``, shared by every xdist worker and made in the background while
other tests run: building and installing take most of a minute); every command runs
from an empty folder outside the repository, so nothing can be found through the checkout.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from hrdeck import __version__
from tests.helpers import clean_env

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
COURSE_ID = "hr-mandated-clients"


def run(args: list[str], cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run without PYTHONPATH, so the venv can only import what the wheel installed."""
    return subprocess.run(
        args, cwd=cwd, env=clean_env(), capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture
def empty_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def test_wheel_ships_curriculum_themes_and_schemas(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "hrdeck/_builtin/curriculum/course.yaml" in names
    assert any(n.startswith("hrdeck/_builtin/curriculum/audiences/") for n in names)
    assert sum(n.startswith("hrdeck/_builtin/curriculum/modules/") for n in names) >= 20
    assert any(n.startswith("hrdeck/_builtin/themes/default/") for n in names)
    assert any(n.startswith("hrdeck/schemas/") and n.endswith(".json") for n in names)
    assert not any(n.startswith("tests/") for n in names)


def test_installed_hrdeck_reports_its_version(hrdeck_exe: Path, empty_folder: Path) -> None:
    result = run([str(hrdeck_exe), "--version"], empty_folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"hrdeck, version {__version__}"


def test_installed_hrdeck_validates_the_builtin_curriculum(
    hrdeck_exe: Path, empty_folder: Path
) -> None:
    result = run([str(hrdeck_exe), "validate"], empty_folder)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0] == f"using the built-in curriculum (hrdeck {__version__})"
    assert result.stdout.startswith("<builtin>: valid")
    assert str(REPO) not in result.stdout + result.stderr
    # built-in files are named the same wherever hrdeck is installed
    assert "<builtin>/audiences/court.yaml:" in result.stderr
    assert "site-packages" not in result.stderr


def test_installed_hrdeck_in_a_source_checkout_uses_the_checkouts_curriculum(
    hrdeck_exe: Path, tmp_path: Path
) -> None:
    """After 'pip install .', edits to curriculum/ in the checkout are what gets built."""
    checkout = tmp_path / "checkout"
    for folder in ("curriculum", "themes"):
        shutil.copytree(REPO / folder, checkout / folder)
    myths = checkout / "curriculum" / "modules" / "06-myths.yaml"
    edited = "Myths and facts, as edited in the checkout"
    text = myths.read_text(encoding="utf-8")
    myths.write_text(text.replace("title: ", f"title: {edited}\n# was: ", 1), encoding="utf-8")
    result = run([str(hrdeck_exe), "build", "-a", "court"], checkout)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0] == "using curriculum ./curriculum (found here)"
    guide = checkout / "build" / f"{COURSE_ID}-court-guide.md"
    assert edited in guide.read_text(encoding="utf-8")


def test_installed_hrdeck_builds_every_audience_from_any_folder(
    hrdeck_exe: Path, empty_folder: Path
) -> None:
    result = run([str(hrdeck_exe), "build", "--audience", "all"], empty_folder)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    build = empty_folder / "build"
    assert len(list(build.glob(f"{COURSE_ID}-*.pptx"))) == 3
    assert len(list(build.glob(f"{COURSE_ID}-*-guide.md"))) == 3
    assert len(list(build.glob(f"{COURSE_ID}-*-guide.html"))) == 3
    listed = sorted(Path(line).name for line in result.stdout.splitlines())
    assert sorted(p.name for p in build.iterdir()) == listed


def test_installed_hrdeck_builds_with_the_high_contrast_theme(
    hrdeck_exe: Path, empty_folder: Path
) -> None:
    result = run([str(hrdeck_exe), "build", "-a", "court", "-t", "high-contrast"], empty_folder)
    assert result.returncode == 0, result.stderr
    assert (empty_folder / "build" / f"{COURSE_ID}-court.pptx").is_file()
