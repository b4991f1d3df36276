"""The visual kinds as a person sees them: rendered by LibreOffice, checked word by word.

The fixture with every visual kind is built for both audiences in both built-in
themes and in a 4:3 copy of the default theme, converted to PDF in one LibreOffice
start, and checked with :mod:`tests.overflow` (no word outside its box, none over the
footer band).  The slides with QR codes are rasterised and every code is decoded with
zxing-cpp: each must give back its link.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from hrdeck.paths import builtin_themes
from hrdeck.pipeline import BuildRequest, run_build
from tests.lo import needs_soffice, to_pdfs
from tests.overflow import check_rendered

pytestmark = [pytest.mark.slow, needs_soffice]

FIXTURE = Path(__file__).parent / "fixtures" / "visuals"
DECKS = [
    ("court", "default"),
    ("court", "high-contrast"),
    ("peer", "default"),
    ("court", "four-three"),
]
QR_SLIDES = {  # slide number (court deck) -> the links its QR codes hold
    13: {
        "https://harmreduction.org",
        "https://www.samhsa.gov/find-help/harm-reduction/framework",
        "https://nida.nih.gov/nidamed-medical-health-professionals/health-professions-education/"
        "words-matter-terms-to-use-avoid-when-talking-about-addiction",
        "https://allrise.org",
    },
    14: {"https://training.example.org/hr-mandated/references"},
    15: {"https://forms.example.org/hr-evaluation"},
}


def four_three_theme(folder: Path) -> str:
    """A copy of the default theme at 4:3: the narrowest slide the layouts meet."""
    folder.mkdir(parents=True, exist_ok=True)
    text = (builtin_themes() / "default" / "theme.yaml").read_text("utf-8")
    text = text.replace('slide_size: "16:9"', 'slide_size: "4:3"').replace(
        "name: default", "name: four-three"
    )
    (folder / "theme.yaml").write_text(text, "utf-8")
    return str(folder)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], tuple[Path, Path]]:
    base = tmp_path_factory.mktemp("visuals-lo")
    decks = {}
    for audience, theme in DECKS:
        spec = four_three_theme(base / "theme-4x3") if theme == "four-three" else theme
        out = base / f"{audience}-{theme}"
        request = BuildRequest(root=FIXTURE, audience=audience, theme=spec, out_dir=out)
        (deck,) = [p for p in run_build(request).written if p.suffix == ".pptx"]
        named = deck.with_name(f"{audience}-{theme}.pptx")  # one PDF name per deck
        decks[(audience, theme)] = deck.rename(named)
    pdfs = to_pdfs(list(decks.values()), base)
    return {key: (deck, pdf) for (key, deck), pdf in zip(decks.items(), pdfs, strict=True)}


@pytest.mark.parametrize(("audience", "theme"), DECKS)
def test_no_word_of_a_visual_slide_runs_past_its_box(
    rendered: dict[tuple[str, str], tuple[Path, Path]], audience: str, theme: str
) -> None:
    deck, pdf = rendered[(audience, theme)]
    findings = check_rendered(deck, pdf)
    assert findings == [], "\n".join(findings[:30])


@pytest.mark.parametrize("theme", ["default", "high-contrast", "four-three"])
def test_every_qr_code_scans_back_to_its_link(
    rendered: dict[tuple[str, str], tuple[Path, Path]], theme: str, tmp_path: Path
) -> None:
    _deck, pdf = rendered[("court", theme)]
    for number, links in QR_SLIDES.items():
        prefix = tmp_path / f"slide-{number}"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "150", "-f", str(number), "-l", str(number), str(pdf),
             str(prefix)],
            check=True,
        )  # fmt: skip
        (png,) = tmp_path.glob(f"slide-{number}*.png")
        decoded = {code.text for code in zxingcpp.read_barcodes(Image.open(png))}
        assert decoded == links, (theme, number)
