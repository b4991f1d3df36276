"""A GIFT reader for tests, written apart from the writer, to read hrdeck's export back.

It knows the subset of Moodle's GIFT that ``hrdeck.outputs.kit.lms`` writes: comments with
``[id:...]`` and ``[tag:...]``, a ``$CATEGORY``, ``::name::``, a ``[format]`` marker,
multiple-choice answers (``=`` right, ``~`` wrong), ``TRUE``/``FALSE`` and ``####`` general
feedback, with Moodle's escapes (``\\~ \\= \\# \\{ \\} \\: \\\\`` and ``\\n``).
"""

from __future__ import annotations

import dataclasses
import itertools
import re


@dataclasses.dataclass(frozen=True)
class GiftQuestion:
    """One question as the GIFT text says it, for comparing with the kit's Question."""

    name: str
    idnumber: str
    tags: tuple[str, ...]
    text_format: str
    stem: str
    choices: tuple[str, ...]
    answer: int
    true_false: bool
    feedback: str


Token = tuple[str, bool]  # (character, escaped)


def gift_tokens(text: str) -> list[Token]:
    """Characters with an 'escaped' flag: ``\\x`` is a literal x, ``\\n`` a newline."""
    tokens: list[Token] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            following = text[index + 1]
            tokens.append(("\n" if following == "n" else following, True))
            index += 2
        else:
            tokens.append((char, False))
            index += 1
    return tokens


def _text(tokens: list[Token]) -> str:
    return "".join(char for char, _ in tokens)


def _find(tokens: list[Token], marker: str, start: int = 0) -> int:
    """Index of the first unescaped ``marker`` at or after ``start``, or -1."""
    for index in range(start, len(tokens) - len(marker) + 1):
        window = tokens[index : index + len(marker)]
        pairs = zip(window, marker, strict=True)
        if all(not escaped and char == want for (char, escaped), want in pairs):
            return index
    return -1


def parse_gift(data: bytes) -> tuple[str, list[GiftQuestion]]:
    """The category and every question of a GIFT file (the subset hrdeck writes)."""
    category = ""
    questions = []
    for block in data.decode("utf-8").split("\n\n"):
        lines = block.strip("\n").split("\n")
        comments = [line[2:].strip() for line in lines if line.startswith("//")]
        body = "\n".join(line for line in lines if not line.startswith("//"))
        if body.startswith("$CATEGORY:"):
            category = body.removeprefix("$CATEGORY:").strip()
        elif body.strip():
            questions.append(_parse_question(comments, body))
    return category, questions


def _parse_question(comments: list[str], body: str) -> GiftQuestion:
    tokens = gift_tokens(body.strip())
    assert _find(tokens, "::") == 0, body
    name_end = _find(tokens, "::", 2)
    name = _text(tokens[2:name_end])
    rest = tokens[name_end + 2 :]
    text_format, rest = _format(rest)
    open_brace, close_brace = _find(rest, "{"), _find(rest, "}")
    assert -1 < open_brace < close_brace == len(rest) - 1, body
    stem = _text(rest[:open_brace]).strip()
    inside = rest[open_brace + 1 : close_brace]
    split = _find(inside, "####")
    feedback = _text(inside[split + 4 :]).strip() if split >= 0 else ""
    answers = inside[:split] if split >= 0 else inside
    choices, answer, true_false = _answers(answers)
    joined = " ".join(comments)
    idnumber = re.findall(r"\[id:([^\]]+)\]", joined)
    return GiftQuestion(
        name=name,
        idnumber=idnumber[0] if idnumber else "",
        tags=tuple(re.findall(r"\[tag:([^\]]+)\]", joined)),
        text_format=text_format,
        stem=stem,
        choices=choices,
        answer=answer,
        true_false=true_false,
        feedback=feedback,
    )


def _format(tokens: list[Token]) -> tuple[str, list[Token]]:
    head = _text(tokens[:10])
    for name in ("html", "moodle", "plain", "markdown"):
        if head.startswith(f"[{name}]") and not any(e for _, e in tokens[: len(name) + 2]):
            return name, tokens[len(name) + 2 :]
    return "moodle", tokens


def _answers(tokens: list[Token]) -> tuple[tuple[str, ...], int, bool]:
    plain = _text(tokens).strip()
    if plain.upper() in ("TRUE", "T", "FALSE", "F") and not any(e for _, e in tokens):
        return ("True", "False"), 0 if plain.upper().startswith("T") else 1, True
    starts = [i for i, (char, escaped) in enumerate(tokens) if char in "=~" and not escaped]
    starts.append(len(tokens))
    choices, answer = [], -1
    for begin, end in itertools.pairwise(starts):
        if tokens[begin][0] == "=":
            answer = len(choices)
        choices.append(_text(tokens[begin + 1 : end]).strip())
    return tuple(choices), answer, False
