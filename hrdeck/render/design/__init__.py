"""hrdeck's own look: the grid, the colour roles, and the master and layouts made from them.

Used when a theme names no agency template: :func:`ownpackage.own_presentation` makes
the empty presentation a deck is built in; the slide renderers place their drawings
on :class:`grid.Grid` and colour them from :mod:`colours`.
"""
