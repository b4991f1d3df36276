"""The PowerPoint renderer: a fitted DeckPlan + Theme -> editable .pptx bytes.

Only this package (and ``hrdeck.a11y``) imports python-pptx, and only
:mod:`~hrdeck.render.oxml` reaches below its public API.  The entry points are
:func:`hrdeck.render.deck.render_deck` (the deck) and :func:`hrdeck.render.probe.fit_rules`
(the theme's text boxes, for the plan to fit text into).  Behind them: slides (one
function per slide kind), text (runs and paragraphs), measure (text areas of real
boxes), shapes and diagram (native drawings), chrome (footer, numbers, logo), layouts
(layouts by name, placeholders and their boxes), master (palette and fonts), template
(agency templates), package (fast part creation, reproducible save) and oxml (the
python-pptx internals those use).
"""
