"""Themes: theme.yaml -> :class:`~hrdeck.theme.load.Theme`, its checks and WCAG contrast."""
