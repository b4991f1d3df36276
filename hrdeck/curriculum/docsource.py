"""Where documents come from: disk by default, or a loader a long-lived process sets.

``hrdeck watch`` keeps parsed documents between rebuilds (:mod:`hrdeck.watch.cache`); it
installs its cache with :func:`documents_from` around a build, and
:func:`hrdeck.curriculum.load.load_document` asks :func:`active_loader` first.  A context
variable scopes the choice to the block (and thread) that set it: nothing global.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hrdeck.curriculum.load import Document
    from hrdeck.diagnostics import Diagnostic

DocumentLoader = Callable[[Path, "Path | None"], "tuple[Document, list[Diagnostic]]"]

_loader: ContextVar[DocumentLoader | None] = ContextVar("hrdeck_document_loader", default=None)


def active_loader() -> DocumentLoader | None:
    """The loader set by the innermost :func:`documents_from` block, if any."""
    return _loader.get()


@contextmanager
def documents_from(loader: DocumentLoader) -> Iterator[None]:
    """Within the block, every curriculum document is loaded by ``loader``."""
    token = _loader.set(loader)
    try:
        yield
    finally:
        _loader.reset(token)
