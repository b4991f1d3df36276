"""The hostile-input corpus of issue 14: nothing a user can feed hrdeck crashes it.

Every case drives hrdeck only through its command line (click's CliRunner, or
``python -m hrdeck`` where a signal, a timeout or lowered privileges are needed) on
a scratch copy of the repository's ``curriculum/`` and ``themes/``.  Each holds the
contract of ``tests/hostile/cases.py``: exit 0, 1 or 2 as documented; no traceback,
no exception name and no raw control character printed; a located
``file:line:col: error[code]`` where the input is at fault; no stray temporary
file; the last good outputs untouched by a failed run; every written deck
well-formed.  A case that fails today is a strict xfail naming its item of the
issue ("issue 14 #N") or the sweep that found it ("sweep: ..."): fixing the bug
flips exactly that case, and its mark must then go.

The codes below are what the cases expect: align them with the fixes.  The process
scenarios (Ctrl-C, watch, permissions, a full disk, the Markdown export, the printed
guide) are in ``tests/hostile/test_scenarios.py``, the property tests in
``tests/test_hostile_props.py``.  Run it all with
``pytest tests/test_hostile_corpus.py tests/hostile tests/test_hostile_props.py``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.hostile import documents as doc
from tests.hostile import files, images, templates
from tests.hostile.cases import Case, Codes, Make, case_problems, good_build, params
from tests.hostile.checks import (
    error_at_line,
    errors_only,
    lines_shorter_than,
    long_token_handled,
    never_says,
)
from tests.hostile.running import run_cli, run_process
from tests.hostile.workspace import PROBE_FILE, Workspace, snapshot

# -- the codes the corpus expects (align them with the fixes) ---------------------------
BAD_IMAGE = ("bad-image",)
BAD_LOGO = ("bad-image", "logo-not-image")
BAD_TEMPLATE = ("bad-template",)
TEMPLATE_TROUBLE = ("bad-template", "missing-layout")
BAD_NUMBER = ("not-a-number", "too-large", "bad-value", "wrong-type")
BAD_TAG = ("yaml-tag", "bad-scalar")
BAD_PATTERN = ("bad-value",)
BAD_DATE = ("bad-date", "bad-value")
TEXT_TOO_LONG = ("text-too-long",)
DUPLICATE = ("duplicate-id", "duplicate-audience", "duplicate-file")
OUTSIDE = ("file-outside", "module-outside", "audience-outside", "course-outside")
CONTROL = ("control-character",)
NOT_A_FILE = ("not-a-file", "read-error")
ENCODING = ("encoding",)
EXTENDS = ("extends-cycle",)
BAD_LINK = ("bad-link", "unsafe-link")

AUDIENCE = "audiences/probe.yaml"
PROCESS_TIMEOUT = 20.0  # seconds, for a case that might hang (a pipe named *.yaml)


# -- the corpus ---------------------------------------------------------------------------


def rejects(name: str, make: Make, codes: Codes = (), where: str = "", **more: Any) -> Case:
    """Input hrdeck must refuse: exit 1, with a located error of one of ``codes``."""
    return Case(name, make, (1,), codes, where, **more)


def survives(name: str, make: Make, codes: Codes = (), where: str = "", **more: Any) -> Case:
    """Input hrdeck may use (exit 0) or refuse (exit 1, located error of ``codes``)."""
    return Case(name, make, (0, 1), codes, where, **more)


IMAGE_NAMES = {"webp": "probe.webp", "svg": "probe.svg", "png_named_jpg": "probe.jpg"}


def image_cases() -> list[Case]:
    """Items 1 and 5: pictures in a module and logos; the sweep's other formats."""
    cases = []
    for picture in images.ISSUE_IMAGES:
        kind = picture.__name__
        name = IMAGE_NAMES.get(kind, "probe.png")
        for run in ("validate", "probe"):
            make = files.module_image(picture, name, run)
            cases.append(rejects(f"i01-image-{kind}-{run}", make, BAD_IMAGE, PROBE_FILE))
    make = files.module_image(images.text_named_png, "probe.png", "all")
    cases.append(rejects("i01-image-build-all", make, BAD_IMAGE, PROBE_FILE))
    for picture in images.BAD_SIGNATURE_LOGOS:
        for run in ("theme-check", "build"):
            name = f"i05-logo-{picture.__name__}-{run}"
            cases.append(rejects(name, files.logo(picture, run), BAD_LOGO, "theme.yaml"))
    for picture in [*images.SWEEP_IMAGES, images.png_named_jpg]:
        kind = picture.__name__
        make = files.module_image(picture, IMAGE_NAMES.get(kind, "probe.png"), "probe")
        cases.append(survives(f"sweep-image-{kind}", make, BAD_IMAGE, PROBE_FILE))
    for picture in images.SWEEP_IMAGES:
        kind = picture.__name__
        make = files.logo(picture, "build")
        cases.append(survives(f"sweep-logo-{kind}", make, BAD_LOGO, "theme.yaml"))
    return cases


DAMAGED_DECKS = {
    "without-cSld": templates.changed(templates.SLIDE, templates.without_common_slide_data),
    "missing-slide": templates.removed(templates.SLIDE),
    "billion-laughs": templates.changed(templates.SLIDE, templates.billion_laughs),
    "dtd-entity": templates.changed(templates.SLIDE, templates.internal_entity),
}


def template_cases() -> list[Case]:
    """Items 3 and 4: damaged templates and DTDs; the sweep's other damages."""
    cases = []
    for name, (damage, part) in templates.ISSUE_DAMAGES.items():
        for run in ("theme-check", "build"):
            cases.append(
                rejects(
                    f"i03-template-{name}-{run}",
                    files.template(damage, run),
                    BAD_TEMPLATE,
                    "theme.yaml",
                    mentions=part,
                )
            )
    for name, (damage, part) in templates.ENTITY_DAMAGES.items():
        cases.append(
            survives(
                f"i04-template-{name}-build",
                files.template(damage, "build"),
                BAD_TEMPLATE,
                "theme.yaml",
                mentions=part,
            )
        )
    for name, (damage, _) in templates.SWEEP_DAMAGES.items():
        make = files.template(damage, "build")
        cases.append(survives(f"sweep-template-{name}", make, TEMPLATE_TROUBLE, "theme.yaml"))
    for name in ("missing-master", "missing-layout", "master-without-cSld"):
        make = files.template(templates.ISSUE_DAMAGES[name][0], "inspect")
        cases.append(rejects(f"sweep-inspect-{name}", make, BAD_TEMPLATE))
    for name, damage in DAMAGED_DECKS.items():
        cases.append(survives(f"sweep-check-deck-{name}", files.deck_to_check(damage)))
    return cases


UNCONVERTIBLE_TAGS = [
    '!!bool "maybe"',
    '!!int ""',
    '!!float "x"',
    '!!timestamp "x"',
    '!!binary "%%"',
]
HARMLESS_TAGS = {
    "custom": "!foo bar",
    "python": '!!python/object:os.system "x"',
    "huge-int": '!!int "' + "9" * 5000 + '"',
}
REFUSED_MINUTES = {
    "inf": ".inf",
    "minus-inf": "-.inf",
    "huge": "1.0e+400",
    "negative": "-5",
    "zero": "0",
    "digits": "9" * 5000,
}
ODD_CITATION_NUMBERS = {"year": ".nan", "volume": ".inf", "pages": "9" * 5000}


def number_cases() -> list[Case]:
    """Items 6 and 7: NaN, infinities, huge and negative numbers; tags that cannot convert."""
    cases = [
        rejects(f"i06-minutes-nan-{run}", doc.minutes(".nan", run), BAD_NUMBER, AUDIENCE)
        for run in ("validate", "plan", "build")
    ]
    for label, value in REFUSED_MINUTES.items():
        cases.append(
            rejects(f"i06-minutes-{label}", doc.minutes(value, "build"), BAD_NUMBER, AUDIENCE)
        )
    for field, value in ODD_CITATION_NUMBERS.items():
        make = doc.citation_field(field, value, "build")
        cases.append(survives(f"i06-citation-{field}", make, BAD_NUMBER, PROBE_FILE))
    for tag in UNCONVERTIBLE_TAGS:
        label = re.sub(r"\W+", "-", tag).strip("-")
        cases.append(rejects(f"i07-tag-{label}", doc.bullet(tag), BAD_TAG, PROBE_FILE))
    for run in ("build", "lint"):
        make = doc.bullet('!!bool "maybe"', run)
        cases.append(rejects(f"i07-tag-bool-maybe-{run}", make, BAD_TAG, PROBE_FILE))
    for label, tag in HARMLESS_TAGS.items():
        cases.append(survives(f"i07-tag-{label}", doc.bullet(tag), BAD_TAG, PROBE_FILE))
    return cases


SLUG = '"hr-mandated-clients\\n"'
PROJECT_DATE = 'extends: {cur}\ncourse:\n  date: "2026-02-30"\n'


def pattern_cases() -> list[Case]:
    """Item 14: slugs and dates."""
    newline_id = doc.module_text(lambda text: text.replace("id: probe", 'id: "probe\\n"'))
    return [
        rejects(
            "i14-slug-newline-validate", doc.course_field("id", SLUG), BAD_PATTERN, "course.yaml"
        ),
        rejects(
            "i14-slug-newline-build",
            doc.course_field("id", SLUG, "build"),
            BAD_PATTERN,
            "course.yaml",
        ),
        rejects("i14-module-id-newline", newline_id, BAD_PATTERN, PROBE_FILE),
        rejects("i14-date-feb-30", doc.course_field("date", "2026-02-30"), BAD_DATE, "course.yaml"),
        rejects(
            "i14-date-feb-30-quoted",
            doc.course_field("date", '"2026-02-30"'),
            BAD_DATE,
            "course.yaml",
        ),
        rejects(
            "i14-date-year-0000", doc.course_field("date", "0000-01-01"), BAD_DATE, "course.yaml"
        ),
        rejects(
            "i14-date-newline",
            doc.course_field("date", '"2026-11-01\\n"'),
            BAD_DATE,
            "course.yaml",
        ),
        rejects(
            "i14-fact-as-of-feb-30",
            doc.fact_dated("2025-02-30"),
            BAD_DATE,
            PROBE_FILE,
        ),
        rejects(
            "i14-project-course-date-feb-30",
            files.project(PROJECT_DATE),
            BAD_DATE,
            "hrdeck.yaml",
        ),
    ]


LONG_URL = "See https://example.org/" + "a" * 1500
ESCAPED_KIND = 'kind: "bul\\e[31mlets\\e]0;x\\a"'


def escape_and_long_text_cases() -> list[Case]:
    """Items 17 and 18: terminal escapes, tokens longer than a line."""
    return [
        rejects("i17-osc-in-key", doc.extra_key('"\\e]0;pwned\\a\\e[2J"')),
        rejects(
            "i17-csi-osc-in-value",
            doc.module_text(lambda text: text.replace("kind: bullets", ESCAPED_KIND)),
        ),
        rejects(
            "i17-c1-csi-in-value",
            doc.bullet('"a \\x9b[2J b"'),
            CONTROL,
            PROBE_FILE,
        ),
        rejects("i17-c1-csi-in-key", doc.extra_key('"\\x9b31m"')),
        Case(
            "i17-escape-in-audience-argument",
            doc.audience_argument("\x1b[2J\x1b]0;x\x07"),
            (2,),
        ),
        rejects(
            "sweep-escape-in-file-name",
            files.renamed_probe("99-\x1b]0;owned\x07\x1b[2J.yaml"),
        ),
        survives(
            "i18-long-url",
            doc.bullet(LONG_URL, "build"),
            TEXT_TOO_LONG,
            PROBE_FILE,
            check=long_token_handled,
        ),
        survives(
            "i18-long-token",
            doc.bullet("ACGT" * 1250, "build"),
            TEXT_TOO_LONG,
            PROBE_FILE,
            check=long_token_handled,
        ),
        survives(
            "sweep-huge-title-echoed",
            doc.slide_title("T" * 100_000),
            check=lines_shorter_than(2000),
        ),
    ]


def syntax_cases() -> list[Case]:
    """Item 19: brackets in strings, a raw C1 byte, UTF-32, odd links; sweep variants."""
    return [
        Case("i19-brackets-quoted", doc.bullet('"' + "[" * 1001 + '"'), (0,)),
        Case(
            "i19-brackets-comment",
            doc.module_text(lambda text: text + "# " + "[" * 1001 + "\n"),
            (0,),
        ),
        Case("sweep-brackets-block-scalar", doc.bullet("|\n        " + "{" * 1001), (0,)),
        rejects(
            "i19-c1-byte-located",
            doc.bullet(doc.C1_BULLET),
            check=error_at_line(PROBE_FILE, doc.c1_line()),
        ),
        rejects(
            "i19-utf32-named",
            doc.module_bytes(lambda text: text.encode("utf-32")),
            ENCODING,
            PROBE_FILE,
            mentions="UTF-32",
            check=never_says("UTF-16"),
        ),
        survives(
            "i19-link-double-slash",
            doc.bullet('"See [the share](//attacker.example/x)"'),
            BAD_LINK,
            PROBE_FILE,
            severity="warning",
        ),
        survives(
            "i19-link-backslashes",
            doc.bullet("'See [the share](\\\\\\\\host\\share)'"),
            BAD_LINK,
            PROBE_FILE,
            severity="warning",
        ),
        survives("sweep-nested-items-40", doc.module_text(lambda _: doc.nested_items(40), "build")),
        survives("sweep-bom-inside-text", doc.bullet("mid \ufeff bom", "build")),
        survives("sweep-cr-line-ends", doc.module_text(lambda text: text.replace("\n", "\r"))),
        rejects("sweep-complex-key", doc.extra_key("? [a, b]\n")),
    ]


ODD_FILE = "modules/50-odd.yaml"
NO_PICTURE = ("missing-image", "bad-image", "bad-value", "control-character")


def file_cases() -> list[Case]:
    """Items 15, 16 and 19 (pipes, ``extends:``); the sweep's file-system oddities."""
    return [
        rejects(
            "i15-twin-audience-validate",
            files.twin_audience("validate"),
            DUPLICATE,
            "",  # at court.yml or at court.yaml
        ),
        rejects(
            "i15-twin-audience-build-all",
            files.twin_audience("all"),
            DUPLICATE,
            "",  # at court.yml or at court.yaml
        ),
        *[
            rejects(
                f"i16-symlinked-{path.replace('/', '-')}",
                files.moved_outside(path),
                OUTSIDE,
                path if path.endswith(".yaml") else "",  # or at each file in the folder
            )
            for path in (PROBE_FILE, "audiences", "course.yaml", "modules")
        ],
        rejects(
            "i19-fifo-named-yaml",
            files.odd_module_file(files.fifo),
            NOT_A_FILE,
            ODD_FILE,
            process=True,
        ),
        rejects(
            "sweep-self-symlink-named-yaml",
            files.odd_module_file(files.self_link),
            NOT_A_FILE,
            ODD_FILE,
        ),
        rejects(
            "sweep-device-named-yaml",
            files.odd_module_file(files.device_link),
            NOT_A_FILE + OUTSIDE,
            ODD_FILE,
            process=True,
        ),
        rejects(
            "sweep-dangling-symlink-named-yaml",
            files.odd_module_file(files.dangling_link),
            NOT_A_FILE,
            ODD_FILE,
        ),
        rejects(
            "i19-extends-cycle",
            files.extends_chain(2, cycle=True),
            EXTENDS,
            "hrdeck.yaml",
            check=errors_only(EXTENDS),
        ),
        rejects(
            "sweep-extends-too-deep",
            files.extends_chain(10, cycle=False),
            EXTENDS,
            "hrdeck.yaml",
            check=errors_only(EXTENDS),
        ),
        rejects(
            "sweep-extends-not-a-folder",
            files.project("extends: /dev/zero\n"),
            ("missing-base",),
            "hrdeck.yaml",
            check=errors_only(("missing-base",)),
        ),
        rejects(
            "sweep-image-path-nul",
            doc.image_path('"images/a\\0.png"'),
            NO_PICTURE,
            PROBE_FILE,
        ),
        rejects(
            "sweep-image-path-5000-characters",
            doc.image_path("images/" + "a" * 5000 + ".png"),
            NO_PICTURE,
            PROBE_FILE,
        ),
        rejects(
            "sweep-course-id-300-characters",
            doc.course_field("id", "a" * 300, "build"),
            ("file-name-too-long",),
            "course.yaml",
        ),
        survives("sweep-file-name-unicode-spaces", files.renamed_probe("99 prøbe ü.yaml", False)),
        survives("sweep-file-name-leading-dash", files.renamed_probe("--help.yaml", False)),
        survives("sweep-file-name-250-characters", files.renamed_probe("x" * 245 + ".yaml", False)),
        Case("sweep-output-folder-is-a-file", files.output_folder(files.plain_file), (2,)),
        rejects("sweep-output-folder-symlink-loop", files.output_folder(files.self_link)),
        Case("sweep-empty-audience-argument", doc.audience_argument(""), (2,)),
        survives(
            "sweep-upper-case-suffix",
            files.odd_module_file(files.plain_file, "50-odd.YAML"),
            ("ignored-file",),
            "modules/50-odd.YAML",
            severity="warning",
        ),
    ]


CORPUS = [
    *image_cases(),
    *template_cases(),
    *number_cases(),
    *pattern_cases(),
    *escape_and_long_text_cases(),
    *syntax_cases(),
    *file_cases(),
]


@pytest.fixture(scope="session")
def previous_probe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The outputs of a good build of the probe audience: the 'last good deck'."""
    return good_build(tmp_path_factory.mktemp("previous-probe"))


@pytest.mark.parametrize("case", params(CORPUS))
def test_hostile_input_is_reported_never_crashes(
    case: Case, tmp_path: Path, previous_probe: Path
) -> None:
    ws = Workspace(tmp_path)
    ws.seed_outputs(previous_probe)
    args = case.make(ws)
    before = snapshot(ws.out)
    ran = run_process(args, PROCESS_TIMEOUT) if case.process else run_cli(args)
    problems = case_problems(case, ws, ran, before)
    assert not problems, "\n".join(["", *problems, "", ran.describe()])
