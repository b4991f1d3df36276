"""The corpus's own checks catch what they claim to, so a case cannot pass vacuously.

Each check of ``tests/hostile`` is tried on a crafted input that breaks it and on
one that does not: the contract on printed output, located diagnostics, the deck
checks (DTDs, undefined entities, slide sizes), temporary-file names, the guide's
print-stylesheet evaluation, the long-token measure, and the generated pictures.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pptx
import pytest
from PIL import Image

from tests.hostile import images
from tests.hostile.exports import longest_unbreakable, printed_twice, repeated_references
from tests.hostile.running import Ran, contract_problems, located_problems
from tests.hostile.templates import (
    BODY_LAYOUT,
    MASTER,
    PRESENTATION,
    changed,
    internal_entity,
    removed,
    slide_size,
    template_bytes,
)
from tests.hostile.workspace import deck_problems, stray_temp_files

GOOD = Ran(("validate",), 1, "", "cur/modules/x.yaml:7:9: error[bad-image]: not a picture\n")


def ran(output: str, code: int = 1) -> Ran:
    return Ran(("validate",), code, "", output)


def test_the_contract_flags_tracebacks_exception_names_escapes_and_exit_codes() -> None:
    assert contract_problems(GOOD) == []
    assert contract_problems(ran("Traceback (most recent call last):"))
    assert contract_problems(ran("hrdeck: cannot read (UnidentifiedImageError: ...)"))
    assert contract_problems(ran("title '\x1b]0;owned\x07'"))
    assert contract_problems(ran("csi \x9b2J"))
    assert contract_problems(ran("fine", code=3))
    assert contract_problems(Ran(("watch",), None, "", "", seconds=9.0))


def test_a_located_diagnostic_needs_its_code_file_and_a_real_line() -> None:
    assert located_problems(GOOD, ("bad-image",), "modules/x.yaml") == []
    assert located_problems(GOOD, ("bad-template",), "modules/x.yaml")
    assert located_problems(GOOD, ("bad-image",), "theme.yaml")
    assert located_problems(ran("cur/x.yaml:0:0: error[bad-image]: no"), ("bad-image",), "x.yaml")
    assert located_problems(GOOD, ("bad-image",), "x.yaml", mentions="slideLayout2.xml")


def deck_with(data: bytes, tmp_path: Path) -> Path:
    path = tmp_path / "deck.pptx"
    path.write_bytes(data)
    return path


def test_deck_checks_catch_dtds_undefined_entities_and_bad_slide_sizes(tmp_path: Path) -> None:
    assert deck_problems(deck_with(template_bytes(), tmp_path)) == []
    with_dtd = template_bytes(changed(BODY_LAYOUT, internal_entity))
    assert deck_problems(deck_with(with_dtd, tmp_path)) == [f"{BODY_LAYOUT} declares a DTD"]
    stream = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(template_bytes())) as source,
        zipfile.ZipFile(stream, "w") as target,
    ):
        for name in source.namelist():
            data = source.read(name)
            if name == BODY_LAYOUT:
                data = data.replace(b'name=""', b'name="&xxe;"', 1)
            target.writestr(name, data)
    [undefined] = deck_problems(deck_with(stream.getvalue(), tmp_path))
    assert "not well-formed" in undefined
    tiny = template_bytes(changed(PRESENTATION, slide_size(0, 0)))
    assert "outside the schema" in deck_problems(deck_with(tiny, tmp_path))[0]


def test_temporary_files_of_hrdecks_naming_only(tmp_path: Path) -> None:
    for name in (".court.pptx.k2j3h4x9.tmp", ".draft.tmp", "notes.tmp", "court.pptx"):
        (tmp_path / name).write_text("x")
    assert stray_temp_files(tmp_path) == [".court.pptx.k2j3h4x9.tmp"]


GUIDE = """<html><head><style>
a {{ color: inherit; }}
@media screen {{ a.x::after {{ content: attr(href); }} }}
@media print {{ {rule} }}
</style></head><body><div class="refs">
<a href="https://a.example/one">https://a.example/one</a>
<a class="named" href="https://b.example/">B, a named link</a>
<a href="mailto:c@example.org">c@example.org</a>
</div></body></html>"""


def test_the_print_stylesheet_is_evaluated_against_each_link() -> None:
    every = GUIDE.format(rule='a[href^="http"]::after, a[href^="mailto"]::after '
                              '{ content: " <" attr(href) ">"; }')  # fmt: skip
    assert printed_twice(every) == ["https://a.example/one", "mailto:c@example.org"]
    only_named = GUIDE.format(rule=".refs > a.named[href]::after { content: attr(href); }")
    assert printed_twice(only_named) == []
    not_named = GUIDE.format(rule="div a:not(.named)::after { content: attr(href); }")
    assert printed_twice(not_named) == ["https://a.example/one", "mailto:c@example.org"]
    assert printed_twice(GUIDE.format(rule="a { font-size: 90%; }")) == []


def test_a_reference_printed_twice_is_found() -> None:
    entry = "Doe, J. (2020). A probe reference. Publisher."
    assert repeated_references(f"<ul><li>{entry}</li></ul><p>{entry}</p>") == [entry]
    assert repeated_references(f"<ul><li>{entry}</li></ul><p>Once (n.d.). only.</p>") == []


def test_line_breaks_are_where_a_token_may_break() -> None:
    assert longest_unbreakable("See https://example.org/" + "a" * 150) == 170
    assert longest_unbreakable("a" * 90 + "\u200b" + "a" * 90) == 90
    assert longest_unbreakable("a" * 90 + "\n" + "a" * 90) == 90


def test_the_huge_png_is_a_real_20000_pixel_square_in_under_64_kb() -> None:
    data = images.huge_png()
    assert len(data) < 64 * 1024
    limit, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
    try:
        with Image.open(io.BytesIO(data)) as picture:
            assert picture.size == (20_000, 20_000)
    finally:
        Image.MAX_IMAGE_PIXELS = limit


def test_the_stock_template_opens_and_a_damaged_one_does_not() -> None:
    assert len(pptx.Presentation(io.BytesIO(template_bytes())).slide_layouts) == 11
    with pytest.raises(KeyError):
        len(pptx.Presentation(io.BytesIO(template_bytes(removed(MASTER)))).slide_layouts)
