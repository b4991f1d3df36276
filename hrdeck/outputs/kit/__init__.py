"""The training kit as editable Word documents and an LMS export.

Fill a :class:`Kit` (``model.py``) and call a writer; each returns the bytes of one file,
for the caller to write atomically. Same kit, same bytes. A kit with problems raises
:class:`KitInputError` listing every problem with its field path.

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

from hrdeck.outputs.kit.certificate import write_certificate
from hrdeck.outputs.kit.checks import KitInputError, KitProblem, kit_problems
from hrdeck.outputs.kit.evaluation import write_evaluation
from hrdeck.outputs.kit.handout import write_handout
from hrdeck.outputs.kit.lms import write_gift
from hrdeck.outputs.kit.model import (
    AgendaRow,
    Brand,
    CreditStatement,
    Disclosures,
    Kit,
    ModuleSummary,
    Objective,
    Presenter,
    Question,
    Reference,
    Resource,
    Run,
    Session,
)
from hrdeck.outputs.kit.quiz import question_order, write_answer_key, write_posttest, write_pretest
from hrdeck.outputs.kit.runsheet import write_run_sheet
from hrdeck.outputs.kit.signin import write_signin_sheet

WRITERS = {
    "handout.docx": write_handout,
    "evaluation.docx": write_evaluation,
    "certificate.docx": write_certificate,
    "sign-in.docx": write_signin_sheet,
    "pre-test.docx": write_pretest,
    "post-test.docx": write_posttest,
    "answer-key.docx": write_answer_key,
    "run-sheet.docx": write_run_sheet,
    "questions.gift.txt": write_gift,
}
"""Suggested file name -> writer, for a caller that writes the whole kit."""

__all__ = [
    "WRITERS",
    "AgendaRow",
    "Brand",
    "CreditStatement",
    "Disclosures",
    "Kit",
    "KitInputError",
    "KitProblem",
    "ModuleSummary",
    "Objective",
    "Presenter",
    "Question",
    "Reference",
    "Resource",
    "Run",
    "Session",
    "kit_problems",
    "question_order",
    "write_answer_key",
    "write_certificate",
    "write_evaluation",
    "write_gift",
    "write_handout",
    "write_posttest",
    "write_pretest",
    "write_run_sheet",
    "write_signin_sheet",
]
