"""Themes: finding and loading theme.yaml, located schema errors, contrast/logo/font checks."""

from __future__ import annotations

import dataclasses
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from hrdeck.diagnostics import Diagnostic
from hrdeck.errors import ContentError, UsageError
from hrdeck.kinds import DEFAULT_LAYOUTS, SLIDE_KINDS
from hrdeck.paths import builtin_themes
from hrdeck.pipeline import check_theme_full, load_build_theme
from hrdeck.theme import checks
from hrdeck.theme.checks import check_theme
from hrdeck.theme.contrast import contrast_ratio
from hrdeck.theme.load import list_themes, load_theme
from hrdeck.theme.model import Theme, own_layout_name

GOOD = """\
# yaml-language-server: $schema=../../hrdeck/schemas/theme.schema.json
name: agency
palette:
  background: "#FFFFFF"
  text: "#1F2937"
  accent: "#0F766E"
  accent2: "#B45309"
  muted: "#4B5563"
  title: "#0F172A"
  accent_text: "#FFFFFF"
fonts:
  heading: Calibri
  body: Calibri
"""


def tiny_png() -> bytes:
    """A real 1x1 white PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def write_theme(folder: Path, text: str = GOOD, extra: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "theme.yaml").write_text(text + extra, encoding="utf-8")
    return folder


def diagnostics_of(spec: Path) -> list[Diagnostic]:
    with pytest.raises(ContentError) as caught:
        load_theme(spec)
    return list(caught.value.diagnostics)


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


# -- built-in themes -------------------------------------------------------------


@pytest.mark.parametrize("name", ["default", "high-contrast"])
def test_builtin_themes_load_and_pass_every_check(name: str) -> None:
    theme = load_theme(name)
    assert theme.name == name
    assert check_theme_full(theme) == []


def test_no_theme_means_the_default_theme() -> None:
    theme = load_theme(None)
    assert theme.name == "default"
    assert (theme.palette.background, theme.palette.text) == ("FFFFFF", "1F2937")
    assert theme.heading_font == "Calibri"


def test_high_contrast_theme_keeps_every_text_pair_at_aaa() -> None:
    p = load_theme("high-contrast").palette
    for fg, bg in [(p.text, p.background), (p.title, p.background), (p.muted, p.background)]:
        assert contrast_ratio(fg, bg) >= 7.0
    assert contrast_ratio(p.accent_text, p.accent) >= 7.0


@pytest.mark.parametrize("folder", sorted(p for p in builtin_themes().iterdir() if p.is_dir()))
def test_builtin_theme_files_name_their_schema_for_editors(folder: Path) -> None:
    first = (folder / "theme.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../hrdeck/schemas/theme.schema.json"


# -- finding themes --------------------------------------------------------------


def test_a_theme_loads_from_its_folder_or_its_theme_yaml(tmp_path: Path) -> None:
    folder = write_theme(tmp_path / "agency")
    assert load_theme(folder).name == "agency"
    assert load_theme(str(folder / "theme.yaml")).folder == folder


def test_project_themes_are_found_by_name_and_listed_before_builtins(tmp_path: Path) -> None:
    write_theme(tmp_path / "themes" / "agency")
    assert load_theme("agency", tmp_path).name == "agency"
    listed = list_themes(tmp_path)
    assert listed[0] == ("agency", tmp_path / "themes" / "agency", "project")
    assert ("default", builtin_themes() / "default", "built-in") in listed


def test_unknown_theme_name_is_a_usage_error_listing_known_themes(tmp_path: Path) -> None:
    write_theme(tmp_path / "themes" / "agency")
    with pytest.raises(UsageError, match="no theme named 'agnecy'") as caught:
        load_theme("agnecy", tmp_path)
    assert "agency, default, high-contrast" in caught.value.message


def test_a_missing_theme_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"no theme\.yaml at"):
        load_theme(tmp_path / "nowhere")


# -- schema errors, located -------------------------------------------------------


def test_unknown_key_is_located_with_a_did_you_mean_hint(tmp_path: Path) -> None:
    folder = write_theme(tmp_path / "t", GOOD + "slide_number: true\n")
    [found] = diagnostics_of(folder)
    assert found.code == "unknown-key"
    assert (found.loc.line, found.loc.col) == (14, 1)
    assert found.loc.file.endswith("theme.yaml")
    assert found.hint == "did you mean 'slide_numbers'?"


def test_unknown_palette_key_names_the_palette(tmp_path: Path) -> None:
    folder = write_theme(tmp_path / "t", GOOD.replace("  muted:", "  mutted:"))
    [found] = [d for d in diagnostics_of(folder) if d.code == "unknown-key"]
    assert found.message == "'mutted' is not a field of palette"
    assert (found.loc.line, found.hint) == (8, "did you mean 'muted'?")


def test_bad_colour_is_located_at_the_value(tmp_path: Path) -> None:
    folder = write_theme(tmp_path / "t", GOOD.replace('text: "#1F2937"', 'text: "#1F293"'))
    [found] = diagnostics_of(folder)
    assert found.code == "bad-colour"
    assert (found.loc.line, found.loc.col) == (5, 9)
    assert "palette.text" in found.message and "#RRGGBB" in (found.hint or "")


def test_unquoted_colour_gets_a_hint_about_yaml_comments(tmp_path: Path) -> None:
    folder = write_theme(tmp_path / "t", GOOD.replace('text: "#1F2937"', "text: #1F2937"))
    [found] = diagnostics_of(folder)
    assert found.code == "bad-colour"
    assert "quotes" in (found.hint or "")


def test_every_schema_error_is_reported_at_once(tmp_path: Path) -> None:
    text = GOOD.replace('"#0F766E"', "teal").replace("heading: Calibri\n", "")
    folder = write_theme(tmp_path / "t", text, 'slide_size: "16:10"\ncolour: red\n')
    assert sorted(codes(diagnostics_of(folder))) == [
        "bad-colour",
        "bad-value",
        "missing-key",
        "unknown-key",
    ]


def test_logo_without_alt_text_is_an_error(tmp_path: Path) -> None:
    folder = write_theme(tmp_path / "t", GOOD, "logo:\n  path: logo.png\n")
    [found] = diagnostics_of(folder)
    assert (found.code, found.message) == ("missing-key", "logo needs 'alt'")


def test_layouts_accept_only_hrdeck_slide_kinds(tmp_path: Path) -> None:
    folder = write_theme(tmp_path / "t", GOOD, 'layouts:\n  bullet: "Agency Content"\n')
    [found] = diagnostics_of(folder)
    assert (found.code, found.hint) == ("unknown-key", "did you mean 'bullets'?")


# -- files the theme names --------------------------------------------------------


def test_a_png_logo_loads_with_its_alt_text_and_position(tmp_path: Path) -> None:
    folder = write_theme(
        tmp_path / "t", GOOD, "logo:\n  path: logo.png\n  alt: Agency logo\n  position: top-left\n"
    )
    (folder / "logo.png").write_bytes(tiny_png())
    logo = load_theme(folder).logo
    assert logo is not None
    assert (logo.path, logo.alt, logo.position) == (folder / "logo.png", "Agency logo", "top-left")


def test_missing_logo_file_is_reported(tmp_path: Path) -> None:
    folder = write_theme(tmp_path / "t", GOOD, "logo:\n  path: logo.png\n  alt: Agency logo\n")
    [found] = diagnostics_of(folder)
    assert found.code == "missing-logo"
    assert found.loc.line == 15


def test_a_logo_that_is_not_an_image_is_reported(tmp_path: Path) -> None:
    folder = write_theme(tmp_path / "t", GOOD, "logo:\n  path: logo.svg\n  alt: Agency logo\n")
    (folder / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    [found] = diagnostics_of(folder)
    assert found.code == "logo-not-image"
    assert "PNG" in (found.hint or "")


def test_a_template_outside_the_theme_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "agency.pptx").write_bytes(b"")
    folder = write_theme(tmp_path / "t", GOOD, "template: ../agency.pptx\n")
    assert codes(diagnostics_of(folder)) == ["template-outside"]


def test_a_missing_template_is_reported(tmp_path: Path) -> None:
    folder = write_theme(tmp_path / "t", GOOD, "template: agency.potx\n")
    assert codes(diagnostics_of(folder)) == ["missing-template"]


def test_a_template_must_be_pptx_or_potx(tmp_path: Path) -> None:
    folder = write_theme(tmp_path / "t", GOOD, "template: agency.key\n")
    assert codes(diagnostics_of(folder)) == ["bad-template-path"]


# -- quality checks ---------------------------------------------------------------


def test_low_text_contrast_names_both_colours_and_the_ratio(tmp_path: Path) -> None:
    folder = write_theme(tmp_path / "t", GOOD.replace('text: "#1F2937"', 'text: "#777777"'))
    theme = load_theme(folder)
    [found] = check_theme(theme)
    assert found.code == "low-contrast" and found.is_error
    assert found.message == (
        "text #777777 on background #FFFFFF has contrast 4.48:1; body text needs at least 4.5:1"
    )
    assert found.loc.line == 5


def test_titles_need_only_large_text_contrast(tmp_path: Path) -> None:
    folder = write_theme(tmp_path / "t", GOOD.replace('title: "#0F172A"', 'title: "#949494"'))
    assert check_theme(load_theme(folder)) == []  # 3.03:1 is enough for titles
    folder = write_theme(tmp_path / "u", GOOD.replace('title: "#0F172A"', 'title: "#AAAAAA"'))
    [found] = check_theme(load_theme(folder))
    assert "title text needs at least 3:1" in found.message


def test_text_on_accent_shapes_is_checked(tmp_path: Path) -> None:
    text = GOOD.replace('accent_text: "#FFFFFF"', 'accent_text: "#14B8A6"')
    on_accent, on_accent2 = check_theme(load_theme(write_theme(tmp_path / "t", text)))
    assert on_accent.message.startswith("accent_text #14B8A6 on accent #0F766E has contrast")
    assert on_accent.hint == (
        "accent_text: #B1F6EF is the nearest shade of #14B8A6 that passes; "
        "or lighten accent_text or darken accent (WCAG 2 level AA)"
    )
    assert on_accent2.message.startswith("accent_text #14B8A6 on accent2 #B45309 has contrast")


def test_a_theme_failing_contrast_cannot_be_used_for_a_build(tmp_path: Path) -> None:
    folder = write_theme(tmp_path / "t", GOOD.replace('"#1F2937"', '"#999999"'))
    with pytest.raises(ContentError) as caught:
        load_build_theme(str(folder), tmp_path)
    assert codes(list(caught.value.diagnostics)) == ["low-contrast"]


def test_uncommon_font_is_a_warning_naming_a_fallback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checks, "font_substitute", lambda font: None)  # installed here
    text = GOOD.replace("heading: Calibri", "heading: Gotham Rounded")
    [found] = check_theme(load_theme(write_theme(tmp_path / "t", text)))
    assert (found.code, found.severity, found.loc.line) == ("uncommon-font", "warning", 12)
    assert "'Gotham Rounded'" in found.message
    assert "Calibri" in (found.hint or "")


def test_a_font_not_installed_names_what_stands_in_and_that_lines_may_break_differently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checks, "font_substitute", {"Gotham Rounded": "DejaVu Sans"}.get)
    text = GOOD.replace("heading: Calibri", "heading: Gotham Rounded")
    [found] = check_theme(load_theme(write_theme(tmp_path / "t", text)))
    assert (found.code, found.severity, found.loc.line) == ("font-not-installed", "warning", 12)
    assert "LibreOffice draws it as 'DejaVu Sans'" in found.message
    assert "PowerPoint substitutes" in found.message and "line breaks may differ" in found.message
    assert "fonts: {heading: Calibri}" in (found.hint or "")


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig is not installed")
def test_fc_match_tells_an_installed_font_from_a_missing_one() -> None:
    installed = subprocess.run(
        ["fc-match", "-f", "%{family}", "sans-serif"], capture_output=True, text=True
    ).stdout.split(",")[0]
    assert checks.font_substitute(installed) is None
    assert checks.font_substitute("No Such Font 7f3a") not in (None, "No Such Font 7f3a")


@pytest.mark.parametrize("font", ["Arial", "Segoe UI", "georgia", "Aptos", "Verdana"])
def test_common_fonts_pass(tmp_path: Path, font: str) -> None:
    text = GOOD.replace("body: Calibri", f"body: {font}")
    assert check_theme(load_theme(write_theme(tmp_path / "t", text))) == []


def test_layout_names_default_to_hrdecks_own_or_on_a_template_the_stock_office_names(
    tmp_path: Path,
) -> None:
    folder = write_theme(tmp_path / "t", GOOD, 'layouts:\n  title: "Agency Title"\n')
    theme: Theme = load_theme(folder)
    assert theme.layout_name("title") == "Agency Title"
    assert theme.layout_name("bullets") == own_layout_name("bullets") == "hrdeck Content"
    templated = dataclasses.replace(theme, template=tmp_path / "agency.pptx")
    assert templated.layout_name("bullets") == DEFAULT_LAYOUTS["bullets"] == "Title and Content"
    assert set(theme.layout_mapping()) == set(SLIDE_KINDS)


def test_loading_and_checking_a_theme_does_not_import_python_pptx() -> None:
    code = (
        "import sys; from hrdeck.theme.load import load_theme; "
        "from hrdeck.theme.checks import check_theme; check_theme(load_theme('default')); "
        "sys.exit('pptx' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_duplicate_key_in_theme_yaml_is_reported_by_the_loader(tmp_path: Path) -> None:
    folder = write_theme(tmp_path / "t", GOOD, "name: again\n")
    [found] = diagnostics_of(folder)
    assert (found.code, found.loc.line) == ("duplicate-key", 14)
