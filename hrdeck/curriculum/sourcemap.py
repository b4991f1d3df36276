"""Where each part of a YAML document came from: JSON path -> file:line:col.

A *JSON path* is a tuple of mapping keys (str) and sequence indices (int), the same
shape as ``jsonschema``'s ``ValidationError.absolute_path``.  The map keeps two
locations per path: where the value starts and, for mapping entries, where the key
is written (an unknown key is reported at the key, a wrong value at the value).
``reported`` holds the paths of values already reported while reading the file (a
value its tag cannot hold, ``.nan``): later checks say nothing more about them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from hrdeck.diagnostics import Loc

JsonPath = tuple[str | int, ...]


@dataclass
class SourceMap:
    """Locations of values and keys in one file, by JSON path."""

    file: str
    values: dict[JsonPath, Loc] = field(default_factory=dict)
    keys: dict[JsonPath, Loc] = field(default_factory=dict)
    reported: set[JsonPath] = field(default_factory=set)

    def file_loc(self) -> Loc:
        """The file itself, for problems that belong to no line."""
        return Loc(self.file, 1, 1)

    def value(self, path: Iterable[str | int]) -> Loc:
        """Where the value at ``path`` starts, or its nearest known ancestor."""
        return self._nearest(self.values, tuple(path))

    def key(self, path: Iterable[str | int]) -> Loc:
        """Where the key of the mapping entry at ``path`` is written.

        Falls back to the value (sequence items have no key), then to ancestors.
        """
        full = tuple(path)
        if full in self.keys:
            return self.keys[full]
        return self.value(full)

    def was_reported(self, path: Iterable[str | int]) -> bool:
        """Whether the value at ``path``, or one holding it, was reported when read."""
        if not self.reported:
            return False
        full = tuple(path)
        return any(full[:n] in self.reported for n in range(len(full) + 1))

    def _nearest(self, table: dict[JsonPath, Loc], path: JsonPath) -> Loc:
        while path:
            loc = table.get(path)
            if loc is not None:
                return loc
            path = path[:-1]
        return table.get((), self.file_loc())
