"""theme.yaml's layout references and the palette and fonts it names, as plain values.

Kept apart from :mod:`hrdeck.theme.templated` (which reads templates) so that loading a
theme without a template imports nothing of the template reader.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hrdeck.theme.model import LayoutRef


def layout_refs(data: Mapping[str, Any]) -> dict[str, LayoutRef]:
    """theme.yaml's ``layouts:`` (schema-valid) as references: a name, or master and name."""
    refs = {}
    for kind, value in (data.get("layouts") or {}).items():
        if isinstance(value, str):
            refs[kind] = LayoutRef(value)
        else:
            refs[kind] = LayoutRef(value["layout"], value.get("master"))
    return refs


def named_settings(data: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """The palette roles (``RRGGBB``) and fonts theme.yaml itself names."""
    palette = {k: str(v).lstrip("#").upper() for k, v in (data.get("palette") or {}).items()}
    return palette, dict(data.get("fonts") or {})
