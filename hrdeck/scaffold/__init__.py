"""Folders and files hrdeck writes for people to edit.

- :mod:`hrdeck.scaffold.project`: ``hrdeck init``, an agency project layered over the
  built-in curriculum;
- :mod:`hrdeck.scaffold.starter`: ``hrdeck new``, a curriculum of one's own;
- :mod:`hrdeck.scaffold.copying`: ``hrdeck copy``, a built-in module, audience or
  theme copied into a project to change.
"""

from hrdeck.scaffold.project import agency_theme, init_project

__all__ = ["agency_theme", "init_project"]
