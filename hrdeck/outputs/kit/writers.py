"""Every kit writer by the file name it suggests, and the files of each part of the kit."""

from __future__ import annotations

from collections.abc import Callable

from hrdeck.outputs.kit.certificate import write_certificate
from hrdeck.outputs.kit.evaluation import write_evaluation
from hrdeck.outputs.kit.handout import write_handout
from hrdeck.outputs.kit.lms import write_gift
from hrdeck.outputs.kit.model import Kit
from hrdeck.outputs.kit.qti import write_qti
from hrdeck.outputs.kit.quiz import write_answer_key, write_posttest, write_pretest
from hrdeck.outputs.kit.runsheet import write_run_sheet
from hrdeck.outputs.kit.signin import write_signin_sheet

KitWriter = Callable[[Kit], bytes]

WRITERS: dict[str, KitWriter] = {
    "handout.docx": write_handout,
    "evaluation.docx": write_evaluation,
    "certificate.docx": write_certificate,
    "sign-in.docx": write_signin_sheet,
    "pre-test.docx": write_pretest,
    "post-test.docx": write_posttest,
    "answer-key.docx": write_answer_key,
    "run-sheet.docx": write_run_sheet,
    "questions.gift.txt": write_gift,
    "questions-qti.zip": write_qti,
}
"""Suggested file name -> writer, for a caller that writes the whole kit."""

PART_FILES: dict[str, tuple[str, ...]] = {
    "runsheet": ("run-sheet.docx",),
    "signin": ("sign-in.docx",),
    "pretest": ("pre-test.docx",),
    "handout": ("handout.docx",),
    "posttest": ("post-test.docx",),
    "evaluation": ("evaluation.docx",),
    "certificate": ("certificate.docx",),
    "key": ("answer-key.docx",),
    "lms": ("questions.gift.txt", "questions-qti.zip"),
}
"""The kit's parts as ``hrdeck build --only`` names them -> the files each writes."""
