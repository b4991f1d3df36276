"""Open an agency template safely: checked, repaired package bytes and located problems.

:func:`sanitize_template` takes the bytes of a .pptx/.potx (.ppsx) file and returns a
:class:`SanitizedTemplate`: package bytes python-pptx can open (``data``) and every
problem found, each naming the part at fault.  ``data`` is None when hrdeck cannot use
the file (any ``error``); repairs are ``info`` problems.  The file itself is never
changed.  Steps: refuse what is not a safe zip/OOXML package; find the presentation
part; leave out the sample slides; walk every part the presentation reaches, parsing
each XML part with the hardened parser; check masters, layouts and themes; repair
what PowerPoint needs (property parts, sizes, master text styles LibreOffice keeps only
as sample text); write the reachable parts with rebuilt content types.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from pathlib import Path

from hrdeck.template.ooxml import (
    CONVERTIBLE_CTS,
    MACRO_CTS,
    OTHER_APPS,
    PRESENTATION_CT,
    RT_OFFICE_DOCUMENT,
    RT_STRICT_OFFICE_DOCUMENT,
)
from hrdeck.template.opc import (
    CONTENT_TYPES,
    DEFAULT_TYPES,
    MAX_FILE_BYTES,
    ContentTypes,
    PackageRefused,
    read_zip,
    rels_name,
    write_zip,
)
from hrdeck.template.parts import PackageParts, is_xml
from hrdeck.template.problems import Problem, bad, has_errors, repaired
from hrdeck.template.repairs import add_property_parts, drop_slides, ensure_sizes
from hrdeck.template.structure import check_presentation
from hrdeck.template.textstyles import add_master_text_styles


@dataclass(frozen=True)
class SanitizedTemplate:
    """Package bytes python-pptx can open (None if unusable) and what was found."""

    data: bytes | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return self.data is not None

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


def sanitize_file(path: Path, keep_slides: bool = False) -> SanitizedTemplate:
    """Read ``path`` (at most :data:`MAX_FILE_BYTES`) and sanitize it."""
    try:
        with path.open("rb") as stream:
            blob = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return _refused(bad("", f"cannot read template {path}: {exc.strerror or exc}", ""))
    if len(blob) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1024 // 1024
        return _refused(bad("", f"template {path.name} is larger than {limit} MiB", ""))
    return sanitize_template(blob, path.name, keep_slides)


def sanitize_template(
    blob: bytes, name: str = "template", keep_slides: bool = False
) -> SanitizedTemplate:
    """Check and repair a template package; see the module docstring."""
    try:
        parts = PackageParts(read_zip(blob, name))
        main = _main_part(parts, name)
    except PackageRefused as exc:
        return _refused(exc.problem)
    if not keep_slides:
        drop_slides(parts, main)
    reachable = _walk(parts)
    masters = check_presentation(parts, main)
    if has_errors(parts.problems):
        return SanitizedTemplate(None, tuple(parts.problems))
    add_property_parts(parts, main)
    ensure_sizes(parts, main)
    add_master_text_styles(parts, masters)
    keep = [*reachable, *parts.added]
    return SanitizedTemplate(write_zip(parts.output(keep)), tuple(parts.problems))


def _refused(problem: Problem) -> SanitizedTemplate:
    return SanitizedTemplate(None, (problem,))


def _main_part(parts: PackageParts, name: str) -> str:
    """The presentation part, with its content type made a presentation's."""
    types = parts.xml(CONTENT_TYPES)
    if types is None:
        raise PackageRefused(_first_problem(parts, f"{name} is a zip file but not an Office file"))
    parts.types = ContentTypes.from_root(types)
    rels = parts.rels("")
    if any(rel.type == RT_STRICT_OFFICE_DOCUMENT for rel in rels):
        message = f"{name} is saved as 'Strict Open XML', which hrdeck cannot read"
        raise PackageRefused(bad(rels_name(""), message, "save it as a normal .pptx or .potx"))
    main = next((r.target for r in rels if r.type == RT_OFFICE_DOCUMENT and not r.external), None)
    if main is None or not parts.exists(main):
        message = f"{name} has no main document part; it is not a PowerPoint file"
        raise PackageRefused(_first_problem(parts, message, rels_name("")))
    _make_presentation_type(parts, main, name)
    return main


def _first_problem(parts: PackageParts, message: str, part: str = CONTENT_TYPES) -> Problem:
    """A parse problem already found (it says more), else a new one with ``message``."""
    return parts.problems[0] if parts.problems else bad(part, message)


def _make_presentation_type(parts: PackageParts, main: str, name: str) -> None:
    content_type = parts.types.of(main) or ""
    if content_type == PRESENTATION_CT:
        return
    if content_type in CONVERTIBLE_CTS:
        parts.types.overrides[main.casefold()] = PRESENTATION_CT
        kind = CONVERTIBLE_CTS[content_type]
        parts.problems.append(repaired(CONTENT_TYPES, f"opened the {kind} file as a .pptx"))
        return
    if content_type in MACRO_CTS:
        message = f"{name} is a macro-enabled file ({MACRO_CTS[content_type]})"
        raise PackageRefused(bad(CONTENT_TYPES, message, "save it as .pptx or .potx"))
    app = next((what for key, what in OTHER_APPS.items() if key in content_type), None)
    message = f"{name} is {app or 'an Office file'}, not a PowerPoint presentation"
    raise PackageRefused(bad(CONTENT_TYPES, message, "give hrdeck a .pptx or .potx template"))


def _walk(parts: PackageParts) -> list[str]:
    """Every part reachable from the package relationships, in the order found.

    A relationship to a missing part, a part without a content type and an XML part
    that is not well-formed are problems naming the part.
    """
    seen: set[str] = set()
    order: list[str] = []
    queue: deque[str] = deque([""])
    while queue:
        source = queue.popleft()
        for rel in parts.rels(source):
            target = rel.target
            if rel.external or target in seen:
                continue
            seen.add(target)
            if not _usable(parts, source or rels_name(""), target):
                continue
            order.append(target)
            queue.append(target)
    return order


def _usable(parts: PackageParts, source: str, target: str) -> bool:
    if not parts.exists(target):
        message = f"{source} refers to {target}, which is missing from the package"
        parts.problems.append(bad(target, message))
        return False
    content_type = parts.types.of(target)
    if content_type is None:
        content_type = _type_by_extension(parts, target)
        if content_type is None:
            return False
    if is_xml(target, content_type):
        return parts.xml(target) is not None
    return True


def _type_by_extension(parts: PackageParts, part: str) -> str | None:
    """Add a standard Default for a well-known extension, else report the part."""
    extension = part.rsplit(".", 1)[-1].casefold()
    if extension in DEFAULT_TYPES:
        parts.types.defaults[extension] = DEFAULT_TYPES[extension]
        parts.problems.append(repaired(CONTENT_TYPES, f"declared the type of .{extension} files"))
        return DEFAULT_TYPES[extension]
    parts.problems.append(bad(part, f"{part} has no content type in {CONTENT_TYPES}"))
    return None
