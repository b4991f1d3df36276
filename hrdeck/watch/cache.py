"""What ``hrdeck watch`` keeps between rebuilds: parsed documents and the loaded theme.

A :class:`DocumentCache` hands back the Document it parsed before as long as the
file's stamp (modification time, size, inode, change time) is the same, so after a
one-file edit only that file is read and parsed again; validation, cross-checks and
the lint then run on the cached documents as on fresh ones.  The watcher also names
the files it saw change (:meth:`DocumentCache.forget`), which covers two saves within
one tick of the file system's clock.

A :class:`ThemeCache` keeps the loaded and checked theme (an agency template is
opened to check it) and its fit rules (measured on probe slides) until a file of
the theme's folder or of the project's themes/ changes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from hrdeck.curriculum.docsource import documents_from
from hrdeck.curriculum.load import Document, display_path, read_document
from hrdeck.diagnostics import Diagnostic
from hrdeck.textfit.measure import FitRules
from hrdeck.theme.load import Theme

Stamp = tuple[int, int, int, int]


def file_stamp(path: Path) -> Stamp | None:
    """What changes when a file is written or replaced; None when it cannot be read."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns)


@dataclass(frozen=True)
class _Entry:
    stamp: Stamp
    document: Document
    problems: tuple[Diagnostic, ...]


class DocumentCache:
    """Parsed YAML documents by file, reused while the file is unchanged."""

    def __init__(self) -> None:
        self._entries: dict[tuple[Path, str], _Entry] = {}
        self.parsed = 0  # files read and parsed so far (the tests count work with it)

    def load(self, path: Path, display_base: Path | None) -> tuple[Document, list[Diagnostic]]:
        """The document at ``path``: from the cache when its stamp still matches."""
        key = (path.absolute(), display_path(path, display_base))
        stamp = file_stamp(path)
        entry = self._entries.get(key)
        if entry is not None and stamp is not None and entry.stamp == stamp:
            return entry.document, list(entry.problems)
        document, problems = read_document(path, display_base)
        self.parsed += 1
        if stamp is None:
            self._entries.pop(key, None)
        else:
            self._entries[key] = _Entry(stamp, document, tuple(problems))
        return document, list(problems)

    def forget(self, paths: Iterable[Path]) -> None:
        """Drop what is cached for ``paths`` (files, or folders and all below them)."""
        gone = [p.absolute() for p in paths]
        for key in list(self._entries):
            if any(key[0] == p or p in key[0].parents for p in gone):
                del self._entries[key]

    def folders(self) -> set[Path]:
        """The curriculum folders (layers) the cached documents belong to."""
        return {
            e.document.layer_root.absolute()
            for e in self._entries.values()
            if e.document.layer_root
        }

    @contextmanager
    def active(self) -> Iterator[None]:
        """Within the block, curriculum documents are loaded through this cache."""
        with documents_from(self.load):
            yield


@dataclass(frozen=True)
class LoadedTheme:
    """A theme with its build warnings and the text boxes the plan fits text into."""

    theme: Theme
    warnings: tuple[Diagnostic, ...]
    rules: FitRules


class ThemeCache:
    """The loaded theme, its warnings and fit rules, kept until its files change."""

    def __init__(self) -> None:
        self._key: tuple[str | None, Path] | None = None
        self._loaded: LoadedTheme | None = None
        self.generation = 0  # goes up each time the theme is loaded again

    def get(self, spec: str | None, project_dir: Path) -> LoadedTheme:
        """The theme ``spec`` names (see :func:`hrdeck.theme.load.load_theme`), checked."""
        from hrdeck.render.probe import fit_rules
        from hrdeck.theme.load import check_theme_for_build, load_theme

        key = (spec, project_dir.absolute())
        if self._loaded is None or key != self._key:
            self._loaded = None
            theme = load_theme(spec, project_dir)
            warnings = tuple(check_theme_for_build(theme))
            self._loaded, self._key = LoadedTheme(theme, warnings, fit_rules(theme)), key
            self.generation += 1
        return self._loaded

    @property
    def folder(self) -> Path | None:
        return self._loaded.theme.folder.absolute() if self._loaded is not None else None

    def forget_if_touched(self, paths: Iterable[Path], project_dir: Path) -> None:
        """Load the theme again next time if a changed file may be part of it."""
        watched = [f for f in (self.folder, project_dir.absolute() / "themes") if f is not None]
        if any(f == p or f in p.parents for p in (q.absolute() for q in paths) for f in watched):
            self._loaded = None
