"""Every kit writer by the file name it suggests, for a caller that writes the whole kit."""

from __future__ import annotations

from hrdeck.outputs.kit.certificate import write_certificate
from hrdeck.outputs.kit.evaluation import write_evaluation
from hrdeck.outputs.kit.handout import write_handout
from hrdeck.outputs.kit.lms import write_gift
from hrdeck.outputs.kit.quiz import write_answer_key, write_posttest, write_pretest
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
