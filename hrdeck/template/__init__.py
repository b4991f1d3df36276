"""Agency templates without python-pptx: read safely, describe, score layouts, check geometry.

- :func:`sanitize_file` / :func:`sanitize_template`: checked and repaired package bytes
  (for python-pptx) and located problems (:mod:`.package`).
"""

from __future__ import annotations

from hrdeck.template.package import SanitizedTemplate, sanitize_file, sanitize_template
from hrdeck.template.problems import Problem

__all__ = ["Problem", "SanitizedTemplate", "sanitize_file", "sanitize_template"]
