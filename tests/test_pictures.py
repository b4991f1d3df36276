"""Pictures are opened as the build opens them, at validate time (issue 14 #1, #5)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from hrdeck.curriculum import pictures
from hrdeck.curriculum.pictures import (
    MAX_SIDE,
    Picture,
    Unusable,
    inspect_picture,
    logo_problem,
)
from tests.hostile import images


def written(tmp_path: Path, data: bytes, name: str = "p.png") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("fmt", "mode"),
    [
        ("PNG", "RGB"),
        ("PNG", "RGBA"),
        ("JPEG", "RGB"),
        ("JPEG", "CMYK"),
        ("GIF", "P"),
        ("BMP", "RGB"),
    ],
)
def test_every_format_powerpoint_shows_is_accepted(tmp_path: Path, fmt: str, mode: str) -> None:
    image = images.noise((40, 30), "RGB").convert(mode)
    found = inspect_picture(written(tmp_path, images.encoded(image, fmt)))
    assert found == Picture(fmt, 40, 30)


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (images.webp, "it is a WEBP picture"),
        (images.tiff, "it is a TIFF picture"),
        (images.ico, "it is an icon (ICO)"),
        (images.psd, "it is a Photoshop document (PSD)"),
        (images.svg, "it is an SVG drawing"),
        (images.text_named_png, "it is a text file"),
        (lambda: b"%PDF-1.7\n" + bytes(100), "it is a PDF document"),
        (lambda: bytes(range(256)), "it is not a picture hrdeck can read"),
    ],
)
def test_other_kinds_of_file_are_named_and_refused_as_the_wrong_kind(
    tmp_path: Path, make: object, says: str
) -> None:
    found = inspect_picture(written(tmp_path, make()))  # type: ignore[operator]
    assert isinstance(found, Unusable) and found.wrong_kind
    assert found.reason.startswith(says)


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (images.corrupt_png, "it is damaged or cut short"),
        (images.truncated_png, "it is damaged or cut short"),
        (images.zero_size_png, "it is damaged"),
        (images.huge_iccp_png, "it is damaged"),
        (images.corrupt_after_signature("jpg"), "it is damaged"),
        (images.empty, "the file is empty"),
        (images.huge_png, "it claims far more than"),
        (images.huge_bmp_header, "it claims far more than"),
        (images.thin_png, "it is 20,000 x 1 pixels"),
    ],
)
def test_damaged_empty_and_huge_pictures_are_refused(
    tmp_path: Path, make: object, says: str
) -> None:
    found = inspect_picture(written(tmp_path, make()))  # type: ignore[operator]
    assert isinstance(found, Unusable) and not found.wrong_kind
    assert found.reason.startswith(says), found.reason


def test_a_truncated_jpeg_is_refused_although_it_is_decoded_at_a_smaller_scale(
    tmp_path: Path,
) -> None:
    whole = images.encoded(images.noise((800, 600)), "JPEG")
    assert isinstance(inspect_picture(written(tmp_path, whole, "a.jpg")), Picture)
    found = inspect_picture(written(tmp_path, whole[: len(whole) // 2], "b.jpg"))
    assert isinstance(found, Unusable) and "cut short" in found.reason


def test_a_side_over_the_limit_is_refused_from_the_header(tmp_path: Path) -> None:
    wide = Image.new("1", (MAX_SIDE + 1, 2))
    found = inspect_picture(written(tmp_path, images.encoded(wide, "PNG")))
    assert isinstance(found, Unusable) and "10,000 pixels a side" in found.reason
    assert isinstance(
        inspect_picture(written(tmp_path, images.encoded(Image.new("1", (MAX_SIDE, 2)), "PNG"))),
        Picture,
    )


def test_a_file_over_the_size_limit_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pictures, "MAX_PICTURE_BYTES", 100)
    found = inspect_picture(written(tmp_path, images.encoded(images.noise((32, 32)), "PNG")))
    assert isinstance(found, Unusable) and "MB, over the" in found.reason


def test_a_multi_picture_jpeg_is_refused_as_python_pptx_would(tmp_path: Path) -> None:
    frames = [images.noise((16, 16), seed=n) for n in range(2)]
    stream = io.BytesIO()
    frames[0].save(stream, "MPO", save_all=True, append_images=frames[1:])
    found = inspect_picture(written(tmp_path, stream.getvalue(), "p.jpg"))
    assert isinstance(found, Unusable) and found.reason.startswith("it is a MPO picture")


def test_a_folder_a_missing_file_and_a_nul_in_the_name_say_why(tmp_path: Path) -> None:
    assert inspect_picture(tmp_path) == Unusable("it is not a file")
    assert "cannot be read" in str(inspect_picture(tmp_path / "gone.png"))
    assert "cannot be read" in str(inspect_picture(tmp_path / "a\0.png"))


def test_a_picture_is_decoded_once_until_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = written(tmp_path, images.encoded(images.noise((20, 10)), "PNG"))
    opened: list[bytes] = []
    real = pictures._decoded
    monkeypatch.setattr(pictures, "_decoded", lambda data: opened.append(data) or real(data))
    for _ in range(3):
        assert inspect_picture(path) == Picture("PNG", 20, 10)
    assert len(opened) == 1
    path.write_bytes(images.encoded(images.noise((21, 10)), "PNG"))  # another size: a new key
    assert inspect_picture(path) == Picture("PNG", 21, 10)
    assert len(opened) == 2


@pytest.mark.parametrize(
    ("size", "thin"),
    [((400, 100), False), ((1000, 100), False), ((1001, 100), True), ((10, 200), True)],
)
def test_a_logo_may_be_at_most_ten_times_as_wide_as_high_or_high_as_wide(
    size: tuple[int, int], thin: bool
) -> None:
    assert (logo_problem(Picture("PNG", *size)) is not None) is thin
