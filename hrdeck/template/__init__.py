"""Agency templates without python-pptx: read safely, describe, score layouts, check geometry.

- :func:`sanitize_file` / :func:`sanitize_template`: checked and repaired package bytes
  (for python-pptx) and located problems (:mod:`.package`);
- :func:`read_template`: a frozen model of masters, layouts and placeholders (:mod:`.reader`);
- :func:`load_template`: both at once;
- :func:`propose`: every layout scored for every slide kind, and a mapping (:mod:`.scoring`);
- :func:`check_geometry`: overlaps, edges, sizes and contrast (:mod:`.geometry`).
"""

from __future__ import annotations

from pathlib import Path

from hrdeck.template.geometry import check_geometry
from hrdeck.template.model import (
    Background,
    Box,
    ColorScheme,
    Decoration,
    Fonts,
    Layout,
    Master,
    Placeholder,
    Template,
)
from hrdeck.template.package import SanitizedTemplate, sanitize_file, sanitize_template
from hrdeck.template.problems import Problem
from hrdeck.template.reader import read_template
from hrdeck.template.scoring import (
    KIND_NEEDS,
    KindNeeds,
    LayoutChoice,
    LayoutScore,
    Proposal,
    propose,
)

__all__ = [
    "KIND_NEEDS",
    "Background",
    "Box",
    "ColorScheme",
    "Decoration",
    "Fonts",
    "KindNeeds",
    "Layout",
    "LayoutChoice",
    "LayoutScore",
    "Master",
    "Placeholder",
    "Problem",
    "Proposal",
    "SanitizedTemplate",
    "Template",
    "check_geometry",
    "load_template",
    "propose",
    "read_template",
    "sanitize_file",
    "sanitize_template",
]


def load_template(path: Path) -> tuple[SanitizedTemplate, Template | None]:
    """Sanitize ``path`` and, when it is usable, read its model."""
    sanitized = sanitize_file(path)
    if sanitized.data is None:
        return sanitized, None
    return sanitized, read_template(sanitized.data)
