"""The PowerPoint renderer: DeckPlan + Theme -> editable .pptx bytes.

Only this package imports python-pptx.  ``render_deck`` is the one entry point;
the modules behind it are: deck (orchestration), slides (one function per slide
kind), text (runs and paragraphs), fit (size estimates), shapes and diagram (native
drawings), chrome (footer, numbers, logo), layouts (layouts by name, placeholders),
master (palette and fonts) and package (fast part naming, reproducible save).
"""

from hrdeck.render.deck import render_deck

__all__ = ["render_deck"]
