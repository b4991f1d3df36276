"""A myth slide's headline: the fact's first sentence, the message the room keeps.

:func:`fact_headline` splits a fact into that sentence (the slide's title) and the
evidence after it (the fact panel).  A sentence ends at ``.``, ``!`` or ``?`` before
a capital or the end, except after common abbreviations ("e.g.", "Dr.").
"""

from __future__ import annotations

from hrdeck.richtext import Para
from hrdeck.textfit.measure import cut_para

HEADLINE_CHARS = 90  # a first sentence longer than this is not made the title
_ABBREVIATIONS = frozenset({"e.g.", "i.e.", "etc.", "vs.", "dr.", "mr.", "ms.", "u.s.", "no."})
_OPENERS = '“"('


def fact_headline(fact: tuple[Para, ...]) -> tuple[str, tuple[Para, ...]]:
    """The fact's first sentence (without its full stop) and the paragraphs after it;
    ('', fact) when that sentence is too long for a title.  A one-sentence fact stays
    whole in its panel too, so the panel is never empty."""
    if not fact:
        return "", fact
    words = fact[0].text.split()
    end = next((i + 1 for i in range(len(words)) if _ends_sentence(words, i)), len(words))
    headline = " ".join(words[:end]).removesuffix(".")
    if len(headline) > HEADLINE_CHARS:
        return "", fact
    if end >= len(words):
        return headline, fact[1:] or fact
    return headline, (cut_para(fact[0], end)[1], *fact[1:])


def _ends_sentence(words: list[str], index: int) -> bool:
    word = words[index]
    if not word.endswith((".", "!", "?")) or word.lower() in _ABBREVIATIONS:
        return False
    following = words[index + 1] if index + 1 < len(words) else ""
    return not following or following[0].isupper() or following[0] in _OPENERS
