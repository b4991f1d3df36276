"""One exception base with exit codes; the CLI turns these into messages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hrdeck.diagnostics import Diagnostic

EXIT_OK = 0
EXIT_CONTENT = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT: what shells report for a command stopped by Ctrl-C


class HrdeckError(Exception):
    """Something the user must fix; never shown as a traceback."""

    exit_code = EXIT_CONTENT

    def __init__(self, message: str, diagnostics: Sequence[Diagnostic] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.diagnostics = tuple(diagnostics)

    def __reduce__(self) -> tuple[type[HrdeckError], tuple[str, tuple[Diagnostic, ...]]]:
        """Pickled with its diagnostics (an error can come back from a build process)."""
        return (type(self), (self.message, self.diagnostics))


class ContentError(HrdeckError):
    """The curriculum, theme or template is invalid (exit 1)."""

    exit_code = EXIT_CONTENT


class BuildError(HrdeckError):
    """Writing an output failed (exit 1)."""

    exit_code = EXIT_CONTENT


class UsageError(HrdeckError):
    """The command line asks for something that does not exist (exit 2)."""

    exit_code = EXIT_USAGE
