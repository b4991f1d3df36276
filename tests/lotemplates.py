"""LibreOffice's bundled presentation templates (.otp) as .pptx files, for tests.

The ``lo_templates`` session fixture converts the wanted templates in ONE soffice
start (a start costs seconds) into a per-session temporary folder, with a private
LibreOffice profile (two soffice processes cannot share one), and skips when
LibreOffice or its templates are not installed.  Import the fixture into a test module
with ``from tests.lotemplates import lo_templates``.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TEMPLATE_DIRS = (
    Path("/usr/lib/libreoffice/share/template/common/presnt"),
    Path("/usr/share/libreoffice/share/template/common/presnt"),
    Path("/opt/libreoffice/share/template/common/presnt"),
)
# Seven different looks: three masters with one band each (Vivid), two bands (Blue_Curve),
# four decorated masters (Focus), a dark title master (Piano), a photo background
# (Metropolis), gradients with see-through shapes (Lights), and dark bands (Midnightblue).
WANTED = ("Vivid", "Blue_Curve", "Focus", "Piano", "Metropolis", "Lights", "Midnightblue")


def bundled_templates() -> dict[str, Path]:
    """Every bundled presentation template, by name (``Vivid`` -> ``.../Vivid.otp``)."""
    for folder in TEMPLATE_DIRS:
        if folder.is_dir():
            return {path.stem: path for path in sorted(folder.glob("*.otp"))}
    return {}


def convert(sources: Iterable[Path], out_dir: Path, profile: Path, to: str = "pptx") -> None:
    """Convert every source in one LibreOffice start."""
    assert SOFFICE is not None
    paths = [str(p) for p in sources]
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(out_dir),
            *paths,
        ],
        check=True,
        capture_output=True,
        timeout=120 + 30 * len(paths),
    )


@pytest.fixture(scope="session")
def lo_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The WANTED templates converted to .pptx, by name."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    available = bundled_templates()
    sources = [available[name] for name in WANTED if name in available]
    if len(sources) < 6:
        pytest.skip(f"only {len(sources)} of LibreOffice's templates are installed")
    out_dir = tmp_path_factory.mktemp("lo-templates")
    convert(sources, out_dir, tmp_path_factory.mktemp("lo-profile"))
    converted = {source.stem: out_dir / f"{source.stem}.pptx" for source in sources}
    missing = [name for name, path in converted.items() if not path.is_file()]
    assert not missing, f"LibreOffice did not convert {missing}"
    return converted


@pytest.fixture(scope="session")
def lo_potx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Vivid saved by LibreOffice as a PowerPoint template (.potx)."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = bundled_templates().get("Vivid")
    if source is None:
        pytest.skip("LibreOffice's Vivid template is not installed")
    out_dir = tmp_path_factory.mktemp("lo-potx")
    convert([source], out_dir, tmp_path_factory.mktemp("lo-profile"), to="potx")
    potx = out_dir / "Vivid.potx"
    assert potx.is_file(), "LibreOffice did not write Vivid.potx"
    return potx


# The templates the issue-11 acceptance test builds decks with: each passes `theme check`
# with the mapping `theme inspect --write` proposes.  Three masters without idx and a font
# drawn as DejaVu Sans (Vivid), honeycomb decorations (Beehive), serif titles (DNA), Noto
# Sans drawn as DejaVu Sans (Freshes), a title band (Inspiration), a yellow background
# with an illustration beside the text (Yellow_Idea).
ACCEPTANCE = ("Vivid", "Beehive", "DNA", "Freshes", "Inspiration", "Yellow_Idea")


@pytest.fixture(scope="session")
def lo_acceptance(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The ACCEPTANCE templates converted to .pptx, by name."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    available = bundled_templates()
    sources = [available[name] for name in ACCEPTANCE if name in available]
    if len(sources) < 5:
        pytest.skip(f"only {len(sources)} of LibreOffice's templates are installed")
    out_dir = tmp_path_factory.mktemp("lo-acceptance")
    convert(sources, out_dir, tmp_path_factory.mktemp("lo-profile"))
    return {source.stem: out_dir / f"{source.stem}.pptx" for source in sources}
