"""hrdeck: harm-reduction training curriculum as code."""

__version__ = "0.1.0"
