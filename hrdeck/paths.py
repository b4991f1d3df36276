"""Where the built-in curriculum and themes live: in the wheel, or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _builtin(name: str) -> Path:
    shipped = _PACKAGE / "_builtin" / name
    if shipped.is_dir():
        return shipped
    return _PACKAGE.parent / name  # a source checkout or an editable install


def builtin_curriculum() -> Path:
    return _builtin("curriculum")


def builtin_themes() -> Path:
    return _builtin("themes")


def schemas_dir() -> Path:
    return _PACKAGE / "schemas"


BUILTIN_LABEL = "<builtin>"


def builtin_label(path: Path) -> str | None:
    """How diagnostics name a file of the built-in curriculum or themes, wherever hrdeck
    is installed: ``<builtin>/modules/06-myths.yaml``, ``<builtin>/themes/default/...``;
    None for any other file."""
    resolved = path.resolve()
    for folder, prefix in ((builtin_curriculum(), ()), (builtin_themes(), ("themes",))):
        try:
            inside = resolved.relative_to(folder.resolve()).parts
        except ValueError:
            continue
        return "/".join((BUILTIN_LABEL, *prefix, *inside))
    return None


def icon_data_dir() -> Path:
    """The shipped icon set (names, paths, licence), read by the renderer and validation."""
    return _PACKAGE / "render" / "icondata"
