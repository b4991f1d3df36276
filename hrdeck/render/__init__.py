"""The PowerPoint renderer: DeckPlan + Theme -> editable .pptx bytes.

Only this package (and ``hrdeck.a11y``) imports python-pptx.  The entry point is
:func:`hrdeck.render.deck.render_deck`; behind it: slides (one function per slide
kind), text (runs and paragraphs), measure (text areas of real boxes), shapes and
diagram (native drawings), chrome (footer, numbers, logo), layouts (layouts by
name, placeholders), master (palette and fonts), template (agency templates) and
package (fast part naming, reproducible save).
"""
