"""``python -m hrdeck``: the same as the ``hrdeck`` command."""

from hrdeck.cli import main

main()
