"""python-pptx is the minor version whose internals ``hrdeck/render/oxml.py`` was checked
against.

oxml.py reaches below python-pptx's public API (private attributes, its oxml and opc
layers); a minor release may change any of them without notice.  So pyproject pins
the minor version, and this test fails, saying what to do, as soon as another one is
installed: check every function of oxml.py against the new version (the render tests
exercise each one), then move the pin here and in pyproject.toml together.
"""

from __future__ import annotations

from importlib.metadata import version

import pytest

CHECKED_MINOR = (1, 0)  # python-pptx 1.0.x; pyproject: python-pptx>=1.0.2,<1.1


def pin_problem(installed: str, checked: tuple[int, int] = CHECKED_MINOR) -> str | None:
    """Why `installed` (a python-pptx version string) is not the checked minor; None if it is."""
    parts = installed.split(".")
    try:
        minor = (int(parts[0]), int(parts[1]))
    except (IndexError, ValueError):
        minor = None
    if minor == checked:
        return None
    major, minor_number = checked
    return (
        f"hrdeck's render/oxml.py relies on python-pptx {major}.{minor_number} internals; "
        f"check them before moving the pin (python-pptx {installed} is installed): run the "
        f"render tests, read each function of hrdeck/render/oxml.py against the new release, "
        f"then update CHECKED_MINOR in tests/test_pptx_pin.py and the pin in pyproject.toml"
    )


def test_the_installed_python_pptx_is_the_checked_minor_version() -> None:
    problem = pin_problem(version("python-pptx"))
    assert problem is None, problem


@pytest.mark.parametrize("installed", ["1.0.0", "1.0.2", "1.0.17", "1.0.3.post1"])
def test_patch_releases_of_the_checked_minor_pass(installed: str) -> None:
    assert pin_problem(installed) is None


@pytest.mark.parametrize("installed", ["1.1.0", "0.6.23", "2.0.0", "1.1.0rc1", "1"])
def test_another_minor_fails_with_what_to_do(installed: str) -> None:
    problem = pin_problem(installed)
    assert problem is not None
    assert problem.startswith(
        "hrdeck's render/oxml.py relies on python-pptx 1.0 internals; "
        "check them before moving the pin"
    )
    assert f"python-pptx {installed} is installed" in problem
