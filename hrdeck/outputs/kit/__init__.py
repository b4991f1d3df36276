"""The training kit as editable Word documents and an LMS export.

Fill a :class:`Kit` (``model.py``: the plan's session plan, the brand, the delivery's
logistics and the handout's content; ``hrdeck.outputs.kitplan`` fills one from a deck
plan) and call a writer; each returns the bytes of one file, for the caller to write
atomically. Same kit, same bytes. A kit with problems raises :class:`KitInputError`
listing every problem with its field path.

==========================  =======================================================
``write_handout``           participant handout (objectives, key points, QR codes)
``write_evaluation``        evaluation form (ratings, open questions, follow-up)
``write_certificate``       certificate of attendance (one landscape page)
``write_signin_sheet``      sign-in sheet (landscape, header row on every page)
``write_pretest``           pre-test (items shuffled by the kit's seed)
``write_posttest``          post-test (same items, another order)
``write_answer_key``        answer key (item numbers on both tests, reasons)
``write_run_sheet``         facilitator run sheet (one page)
``write_gift``              question bank as Moodle GIFT text
==========================  =======================================================
"""
