"""One entry point for a template file: converted if need be, sanitized, read, remembered.

:func:`load_template_file` takes the file a theme names (.pptx, .potx, or a LibreOffice
.otp/.odp, see :mod:`.convert`) and returns a :class:`LoadedTemplate`: the sanitized
package bytes python-pptx opens, the frozen model every check and choice reads, and
the problems found.  A theme is loaded, checked and rendered in one process, often
several times (probe slides, then the deck; ``watch`` rebuilds): the last few results
are kept, keyed by the file's path and content hash, so an edited file is read again.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from hrdeck.template.convert import ConversionFailed, converted_template, needs_conversion
from hrdeck.template.model import Template
from hrdeck.template.opc import MAX_FILE_BYTES
from hrdeck.template.package import SanitizedTemplate, sanitize_template
from hrdeck.template.problems import Problem, bad
from hrdeck.template.reader import read_template
from hrdeck.template.scoring import Proposal, propose

KEEP = 8  # templates remembered per process


@dataclass(frozen=True)
class LoadedTemplate:
    """A template file as hrdeck uses it."""

    path: Path  # the file the theme names
    sanitized: SanitizedTemplate
    model: Template | None  # None when the file cannot be used
    converted: Path | None = None  # the .pptx LibreOffice made of an .otp/.odp

    @property
    def data(self) -> bytes | None:
        """Package bytes python-pptx can open; None when the template is unusable."""
        return self.sanitized.data

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.sanitized.problems

    @property
    def ok(self) -> bool:
        return self.model is not None

    @cached_property
    def proposal(self) -> Proposal | None:
        """Every layout scored for every slide kind, and the mapping that builds best."""
        return propose(self.model) if self.model is not None else None


_REMEMBERED: OrderedDict[tuple[str, str], LoadedTemplate] = OrderedDict()


def load_template_file(path: Path) -> LoadedTemplate:
    """Convert (.otp/.odp), sanitize and read the template at ``path``; never raises."""
    try:
        blob = _read_limited(path)
    except _Unreadable as exc:
        return LoadedTemplate(path, SanitizedTemplate(None, (exc.problem,)), None)
    key = (str(path.resolve()), hashlib.sha256(blob).hexdigest())
    found = _REMEMBERED.get(key)
    if found is None:
        found = _load(path, blob)
        _REMEMBERED[key] = found
        while len(_REMEMBERED) > KEEP:
            _REMEMBERED.popitem(last=False)
    _REMEMBERED.move_to_end(key)
    return found


def forget_templates() -> None:
    """Drop every remembered template (for tests that change files in place)."""
    _REMEMBERED.clear()


class _Unreadable(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _read_limited(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            blob = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        message = f"cannot read template {path.name}: {exc.strerror or exc}"
        raise _Unreadable(bad("", message, "")) from exc
    if len(blob) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1024 // 1024
        raise _Unreadable(bad("", f"template {path.name} is larger than {limit} MiB", ""))
    return blob


def _load(path: Path, blob: bytes) -> LoadedTemplate:
    converted = None
    name = path.name
    if needs_conversion(path):
        try:
            converted = converted_template(path, blob)
            blob = _read_limited(converted)
        except (ConversionFailed, _Unreadable) as exc:
            return LoadedTemplate(path, SanitizedTemplate(None, (exc.problem,)), None)
        name = f"{path.name} (converted to {converted.name})"
    sanitized = sanitize_template(blob, name)
    model = read_template(sanitized.data) if sanitized.data is not None else None
    return LoadedTemplate(path, sanitized, model, converted)
