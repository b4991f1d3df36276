"""Agency templates: open a .pptx/.potx safely, check its layouts, describe it.

python-pptx refuses a .potx because its main part has the *template* content type;
:func:`open_template` rewrites ``[Content_Types].xml`` in memory to the
*presentation* type and opens the copy.  Before anything is decompressed it refuses
files that are not zip/OOXML packages and zip bombs (total uncompressed size,
compression ratio, entry count).  :func:`check_template` reports, by layout NAME,
what hrdeck needs and the template lacks; :func:`inspect_template` lists layouts and
placeholders so an agency can write the ``layouts:`` mapping of its theme.yaml.

Codes: ``bad-template``, ``missing-layout``, ``duplicate-layout``,
``layout-no-title``, ``layout-no-body``, ``no-notes-master``,
``no-notes-placeholder``, ``slide-size-mismatch``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pptx
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.presentation import Presentation
from pptx.slide import SlideLayout

from hrdeck.diagnostics import Diagnostic, Loc, error, warning
from hrdeck.errors import ContentError
from hrdeck.kinds import DEFAULT_LAYOUTS, KINDS, SLIDE_KINDS
from hrdeck.theme.model import Theme

MAX_FILE_BYTES = 100 * 1024 * 1024  # a template with photos is a few MiB
MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024
MAX_RATIO = 100  # XML compresses ~10-20x, images ~1x; far more is a bomb
MAX_ENTRIES = 10_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .ppt, or an encrypted OOXML file

_CT = "application/vnd.openxmlformats-officedocument.presentationml."
PRESENTATION_CT = _CT + "presentation.main+xml"
CONVERTIBLE_CTS = (_CT + "template.main+xml", _CT + "slideshow.main+xml")  # .potx, .ppsx
MACRO_CTS = ("application/vnd.ms-powerpoint.template.macroEnabled.main+xml",)

TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE)
TEXT_TYPES = (
    PP_PLACEHOLDER.BODY,
    PP_PLACEHOLDER.OBJECT,
    PP_PLACEHOLDER.SUBTITLE,
    PP_PLACEHOLDER.VERTICAL_BODY,
    PP_PLACEHOLDER.VERTICAL_OBJECT,
)
SLIDE_ASPECTS = {"16:9": 16 / 9, "4:3": 4 / 3}
EMU_PER_INCH = 914400


# -- opening -------------------------------------------------------------------------


def open_template(path: Path, loc: Loc | None = None) -> Presentation:
    """Open an agency .pptx or .potx; ContentError ``bad-template`` if it is unsafe or bad."""
    where = loc or Loc(str(path), 1, 1)
    try:
        blob = _read_limited(path, where)
    except OSError as exc:
        raise _bad(where, f"cannot read template {path}: {exc.strerror or exc}") from exc
    data = presentation_bytes(blob, where, path.name)
    try:
        return pptx.Presentation(io.BytesIO(data))
    except Exception as exc:  # python-pptx raises many types for a broken package
        raise _bad(where, f"{path.name} is not a readable PowerPoint file ({exc})") from exc


def _bad(loc: Loc, message: str, hint: str | None = None) -> ContentError:
    hint = hint or "open it in PowerPoint and save it again as .pptx or .potx"
    return ContentError(message, [error(loc, "bad-template", message, hint)])


def _read_limited(path: Path, loc: Loc) -> bytes:
    with path.open("rb") as stream:
        blob = stream.read(MAX_FILE_BYTES + 1)
    if len(blob) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1024 // 1024
        raise _bad(loc, f"template {path.name} is larger than {limit} MiB")
    return blob


def presentation_bytes(blob: bytes, loc: Loc, name: str = "template") -> bytes:
    """The package bytes with a presentation main content type (.potx/.ppsx converted)."""
    if blob.startswith(OLE_MAGIC):
        message = f"{name} is an old .ppt/.pot file or is password-protected"
        raise _bad(loc, message, "remove the password, or save it as .pptx or .potx")
    if not zipfile.is_zipfile(io.BytesIO(blob)):
        raise _bad(loc, f"{name} is not a PowerPoint file (it is not a zip package)")
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as package:
            _refuse_bomb(package, len(blob), loc, name)
            types = _content_types(package, loc, name)
            if PRESENTATION_CT in types:
                return blob
            return _with_content_type(package, types)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise _bad(loc, f"{name} is a damaged zip package ({exc})") from exc


def _refuse_bomb(package: zipfile.ZipFile, packed: int, loc: Loc, name: str) -> None:
    """Judge sizes from the directory before decompressing anything."""
    entries = package.infolist()
    total = sum(info.file_size for info in entries)
    if len(entries) > MAX_ENTRIES:
        raise _bad(loc, f"{name} holds {len(entries)} files; a template holds far fewer")
    if total > MAX_UNCOMPRESSED_BYTES or total > MAX_RATIO * max(packed, 1):
        message = (
            f"{name} would expand to {total / 1024 / 1024:.0f} MiB from "
            f"{packed / 1024 / 1024:.1f} MiB; refusing it as a possible zip bomb"
        )
        raise _bad(loc, message, "use the agency's original template file")


def _content_types(package: zipfile.ZipFile, loc: Loc, name: str) -> str:
    try:
        types = package.read("[Content_Types].xml").decode("utf-8")
    except KeyError:
        raise _bad(loc, f"{name} is a zip file but not an Office document") from None
    except UnicodeDecodeError:
        raise _bad(loc, f"{name} has an unreadable [Content_Types].xml") from None
    if any(ct in types for ct in MACRO_CTS):
        raise _bad(loc, f"{name} is a macro-enabled template (.potm)", "save it as .potx")
    if PRESENTATION_CT not in types and not any(ct in types for ct in CONVERTIBLE_CTS):
        raise _bad(loc, f"{name} is an Office document but not a PowerPoint presentation")
    return types


def _with_content_type(package: zipfile.ZipFile, types: str) -> bytes:
    """A copy of the package whose main part is typed as a presentation."""
    for convertible in CONVERTIBLE_CTS:
        types = types.replace(convertible, PRESENTATION_CT)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in package.infolist():
            data = types.encode("utf-8") if info.filename == "[Content_Types].xml" else None
            copy.writestr(info, data if data is not None else package.read(info))
    return out.getvalue()


# -- checking ------------------------------------------------------------------------


def layouts_by_name(prs: Presentation) -> dict[str, list[SlideLayout]]:
    """Every layout of every master, by name (names may repeat across masters)."""
    found: dict[str, list[SlideLayout]] = {}
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            found.setdefault(layout.name, []).append(layout)
    return found


def _placeholders(owner: Any) -> list[Any]:
    """A layout's or master's placeholders (python-pptx's typing of these is loose)."""
    return list(owner.placeholders)


def _placeholder_types(owner: Any) -> list[object]:
    return [shape.placeholder_format.type for shape in _placeholders(owner)]


def check_template(
    prs: Presentation,
    mapping: Mapping[str, str],
    needed_kinds: Iterable[str] = SLIDE_KINDS,
    locs: Mapping[str, Loc] | None = None,
    origin: Loc | None = None,
) -> list[Diagnostic]:
    """What hrdeck needs from the template and it lacks, by layout name.

    ``mapping`` is slide kind -> layout name; ``locs`` may place each kind's
    diagnostic at ``layouts.<kind>`` of theme.yaml, else at ``origin``.
    """
    origin = origin or Loc("<template>", 0, 0)
    layouts = layouts_by_name(prs)
    groups: dict[tuple[str, Loc], list[str]] = {}
    for kind in needed_kinds:
        loc = (locs or {}).get(f"layouts.{kind}", origin)
        groups.setdefault((mapping[kind], loc), []).append(kind)
    found: list[Diagnostic] = []
    for (name, loc), kinds in groups.items():
        found += _check_layout(name, kinds, layouts, loc)
    return found + notes_diagnostics(prs, origin)


def _kinds_text(kinds: list[str]) -> str:
    return ", ".join(kinds) + " slides"


def _check_layout(
    name: str, kinds: list[str], layouts: Mapping[str, list[SlideLayout]], loc: Loc
) -> list[Diagnostic]:
    candidates = layouts.get(name)
    if not candidates:
        have = ", ".join(repr(n) for n in layouts)
        message = (
            f"the template has no layout named {name!r} (needed for {_kinds_text(kinds)}); "
            f"its layouts are: {have}"
        )
        hint = (
            f"map {kinds[0]} to one of those names under 'layouts:' in theme.yaml; "
            "`hrdeck theme inspect TEMPLATE` shows each layout's placeholders"
        )
        return [error(loc, "missing-layout", message, hint)]
    found = []
    if len(candidates) > 1:
        message = f"{len(candidates)} layouts are named {name!r}; hrdeck uses the first"
        found.append(warning(loc, "duplicate-layout", message, "rename the others"))
    return found + _check_placeholders(name, kinds, candidates[0], loc)


def _check_placeholders(
    name: str, kinds: list[str], layout: SlideLayout, loc: Loc
) -> list[Diagnostic]:
    types = _placeholder_types(layout)
    found = []
    if not any(t in TITLE_TYPES for t in types):
        message = f"layout {name!r} (for {_kinds_text(kinds)}) has no title placeholder"
        hint = "screen readers and the outline view need a slide title; add one to the layout"
        found.append(error(loc, "layout-no-title", message, hint))
    have = sum(t in TEXT_TYPES for t in types)
    short = [k for k in kinds if KINDS[k].text_placeholders > have]
    if short:
        needed = max(KINDS[k].text_placeholders for k in short)
        message = (
            f"layout {name!r} has {have} body/content placeholder(s); "
            f"{_kinds_text(short)} need {needed}"
        )
        hint = "add a content placeholder to the layout, or map those kinds to another layout"
        found.append(error(loc, "layout-no-body", message, hint))
    return found


def has_notes_master(prs: Presentation) -> bool:
    """True if the file itself has a notes master (python-pptx invents one otherwise)."""
    try:
        prs.part.part_related_by(RT.NOTES_MASTER)
    except KeyError:
        return False
    return True


def notes_diagnostics(prs: Presentation, loc: Loc) -> list[Diagnostic]:
    """How speaker notes will work with this template."""
    if not has_notes_master(prs):
        message = (
            "the template has no notes master; hrdeck will add python-pptx's plain "
            "default notes page, so speaker notes work but printed notes look generic"
        )
        hint = "in PowerPoint open View > Notes Master once and save the template again"
        return [warning(loc, "no-notes-master", message, hint)]
    types = _placeholder_types(prs.notes_master)
    if PP_PLACEHOLDER.BODY not in types:
        message = "the template's notes master has no notes (body) placeholder"
        hint = "View > Notes Master > Master Layout: tick 'Body', then save the template"
        return [
            error(loc, "no-notes-placeholder", message + "; speaker notes cannot be added", hint)
        ]
    return []


def size_diagnostics(prs: Presentation, theme: Theme) -> list[Diagnostic]:
    """A slide_size written in theme.yaml that differs from the template's."""
    if theme.slide_size is None or "slide_size" not in theme.locs:
        return []
    aspect = int(prs.slide_width or 1) / int(prs.slide_height or 1)
    if abs(aspect - SLIDE_ASPECTS[theme.slide_size]) < 0.02:
        return []
    message = (
        f"theme.yaml asks for {theme.slide_size} slides but the template's are "
        f"{_inches(prs.slide_width)} x {_inches(prs.slide_height)} in"
    )
    hint = "remove slide_size from theme.yaml to keep the template's size"
    return [warning(theme.loc("slide_size"), "slide-size-mismatch", message, hint)]


def check_theme_template(
    theme: Theme, needed_kinds: Iterable[str] = SLIDE_KINDS
) -> list[Diagnostic]:
    """Open the theme's template and check it against the theme's layout mapping."""
    if theme.template is None:
        return []
    loc = theme.loc("template")
    try:
        prs = open_template(theme.template, loc)
    except ContentError as exc:
        return list(exc.diagnostics)
    found = check_template(prs, theme.layout_mapping(), needed_kinds, theme.locs, loc)
    return found + size_diagnostics(prs, theme)


# -- describing ----------------------------------------------------------------------


def _inches(emu: int | None) -> str:
    return f"{int(emu or 0) / EMU_PER_INCH:.2f}"


def _placeholder_line(shape: Any) -> str:
    fmt = shape.placeholder_format
    kind = fmt.type.name if fmt.type is not None else "?"
    size = f"{_inches(shape.width)} x {_inches(shape.height)} in"
    return f"      idx {fmt.idx:<3} {kind:<14} {shape.name!r:<32} {size}"


def inspect_template(path: Path) -> str:
    """A listing of masters, layouts and placeholders, and a starting ``layouts:`` map."""
    prs = open_template(path)
    lines = [
        f"{path.name}: slides {_inches(prs.slide_width)} x {_inches(prs.slide_height)} in",
        f"notes master: {'yes' if has_notes_master(prs) else 'no (a plain default is added)'}",
    ]
    for number, master in enumerate(prs.slide_masters, start=1):
        lines.append(f"master {number}:")
        for layout in master.slide_layouts:
            lines.append(f"  layout {layout.name!r}")
            lines += [_placeholder_line(shape) for shape in _placeholders(layout)]
    lines += ["", "# a starting point for theme.yaml (check every line):", "layouts:"]
    lines += [f"  {kind}: {name!r}" for kind, name in suggest_mapping(prs).items()]
    return "\n".join(lines) + "\n"


def suggest_mapping(prs: Presentation) -> dict[str, str]:
    """A layout name per slide kind: the stock name if present, else one that fits."""
    layouts = layouts_by_name(prs)
    mapping = {}
    for kind in SLIDE_KINDS:
        stock = DEFAULT_LAYOUTS[kind]
        mapping[kind] = stock if stock in layouts else _fitting_layout(kind, layouts) or stock
    return mapping


def _name_rank(kind: str, name: str) -> int:
    """0 if the name has the kind's best hint word, 1 for the next, ...; len if none."""
    hints = KINDS[kind].layout_hints
    return next((i for i, word in enumerate(hints) if word in name.casefold()), len(hints))


def _fitting_layout(kind: str, layouts: Mapping[str, list[SlideLayout]]) -> str | None:
    """A layout with a title and enough text placeholders; its name and fit break ties."""
    needed = KINDS[kind].wanted_text_placeholders
    centred = KINDS[kind].centred
    fits = []
    for order, (name, (layout, *_rest)) in enumerate(layouts.items()):
        types = _placeholder_types(layout)
        text = sum(t in TEXT_TYPES for t in types)
        if centred != (PP_PLACEHOLDER.CENTER_TITLE in types):
            continue
        if any(t in TITLE_TYPES for t in types) and text >= needed:
            fits.append((_name_rank(kind, name), text - needed, order, name))
    return min(fits)[-1] if fits else None
