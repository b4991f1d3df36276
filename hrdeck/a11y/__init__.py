"""``hrdeck check``: accessibility checks on any .pptx."""
