"""Paths written in YAML stay inside their folder; unsafe templates are refused at the CLI.

An image named by a module cannot reach outside the curriculum folder, and a logo or
template named by a theme cannot reach outside the theme folder: not by ``..``, not
by an absolute path, not through a symbolic link.  A template that is not a
PowerPoint package, or is a zip bomb, stops ``hrdeck build`` with exit 1, a clear
message, and nothing written.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from hrdeck.cli import cli
from hrdeck.curriculum.validate import validate_curriculum
from hrdeck.diagnostics import Diagnostic
from hrdeck.errors import ContentError
from hrdeck.paths import builtin_themes
from hrdeck.theme.load import load_theme

FIXTURE = Path(__file__).parent / "fixtures" / "valid"
IMAGE_LINE = "      path: images/spectrum.png\n"


def curriculum_with_image(tmp_path: Path, written: str) -> Path:
    root = tmp_path / "curriculum"
    shutil.copytree(FIXTURE, root)
    module = root / "modules" / "04-basics.yaml"
    text = module.read_text(encoding="utf-8")
    assert IMAGE_LINE in text
    module.write_text(text.replace(IMAGE_LINE, f"      path: {written}\n"), encoding="utf-8")
    return root


def secret_png(tmp_path: Path) -> Path:
    secret = tmp_path / "elsewhere" / "secret.png"
    secret.parent.mkdir()
    Image.new("RGB", (4, 4), (0, 0, 0)).save(secret)
    return secret


def error_codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics if d.is_error]


@pytest.mark.parametrize("written", ["../elsewhere/secret.png", "ABSOLUTE"])
def test_an_image_outside_the_curriculum_is_refused(tmp_path: Path, written: str) -> None:
    secret = secret_png(tmp_path)
    root = curriculum_with_image(tmp_path, str(secret) if written == "ABSOLUTE" else written)
    curriculum, diagnostics = validate_curriculum(root)
    assert curriculum is None
    assert error_codes(diagnostics) == ["image-outside"]


def test_an_image_symlinked_to_outside_the_curriculum_is_refused(tmp_path: Path) -> None:
    secret = secret_png(tmp_path)
    root = curriculum_with_image(tmp_path, "images/innocent.png")
    (root / "images" / "innocent.png").symlink_to(secret)
    curriculum, diagnostics = validate_curriculum(root)
    assert curriculum is None
    [found] = [d for d in diagnostics if d.is_error]
    assert found.code == "image-outside"
    assert found.loc.file.endswith("04-basics.yaml") and found.loc.line == 26


def test_a_symlinked_images_folder_pointing_outside_is_refused(tmp_path: Path) -> None:
    secret = secret_png(tmp_path)
    root = curriculum_with_image(tmp_path, "linked/secret.png")
    (root / "linked").symlink_to(secret.parent, target_is_directory=True)
    assert error_codes(validate_curriculum(root)[1]) == ["image-outside"]


def theme_folder(tmp_path: Path, extra: str) -> Path:
    folder = tmp_path / "theme"
    shutil.copytree(builtin_themes() / "default", folder)
    with (folder / "theme.yaml").open("a", encoding="utf-8") as stream:
        stream.write(extra)
    return folder


def theme_error_codes(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_theme(folder)
    return error_codes(list(caught.value.diagnostics))


def test_a_logo_symlinked_to_outside_the_theme_is_refused(tmp_path: Path) -> None:
    secret = secret_png(tmp_path)
    folder = theme_folder(tmp_path, "logo:\n  path: logo.png\n  alt: Agency logo\n")
    (folder / "logo.png").symlink_to(secret)
    assert theme_error_codes(folder) == ["logo-outside"]


def test_a_logo_named_by_dot_dot_is_refused(tmp_path: Path) -> None:
    secret_png(tmp_path)
    folder = theme_folder(tmp_path, "logo:\n  path: ../elsewhere/secret.png\n  alt: Logo\n")
    assert theme_error_codes(folder) == ["logo-outside"]


def test_a_template_symlinked_to_outside_the_theme_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.pptx"
    outside.write_bytes(b"")
    folder = theme_folder(tmp_path, "template: agency.pptx\n")
    (folder / "agency.pptx").symlink_to(outside)
    assert theme_error_codes(folder) == ["template-outside"]


# -- the command line ------------------------------------------------------------------


def not_a_package(path: Path) -> None:
    path.write_text("this is a Word 97 document, honestly")


def zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("ppt/media/huge.bin", "w") as member:
            for _ in range(32):
                member.write(bytes(1024 * 1024))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (not_a_package, "agency.pptx is not a PowerPoint file (it is not a zip package)"),
        (zip_bomb, "refusing it as a possible zip bomb"),
    ],
    ids=["not a package", "zip bomb"],
)
def test_build_with_an_unsafe_template_exits_1_and_writes_nothing(
    tmp_path: Path, make: object, message: str
) -> None:
    folder = theme_folder(tmp_path, "template: agency.pptx\n")
    make(folder / "agency.pptx")  # type: ignore[operator]
    out = tmp_path / "out"
    args = ["build", "--audience", "peer", "--theme", str(folder), "--out", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists() or not any(out.iterdir())
