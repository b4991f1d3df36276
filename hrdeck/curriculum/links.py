"""Links in curriculum text: only web, mail and phone addresses become hyperlinks.

A Markdown link whose address has no scheme (``[share](//host/x)``,
``[share](\\\\host\\share)``, ``[notes](notes.docx)``) would become a hyperlink
that PowerPoint opens as a file or a network share on the presenter's computer (a
UNC path also hands the Windows login to that host).  :func:`check_links` warns at
each such link when the curriculum is validated; the plan shows its text without
the link (:func:`is_safe_link` is the one rule both use).

Code: ``bad-link`` (a warning).
"""

from __future__ import annotations

import re

from hrdeck.curriculum.load import Document
from hrdeck.curriculum.textchars import strings_in
from hrdeck.diagnostics import Diagnostic, warning

SAFE_SCHEMES = ("https://", "http://", "mailto:", "tel:")
_SAFE_LINK = re.compile(r"(?:https?://|mailto:|tel:)", re.IGNORECASE)
# an inline link's destination, or a link reference definition's
_DESTINATIONS = re.compile(r"\]\(\s*<?([^\s)>]+)|^\s{0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)", re.MULTILINE)


def is_safe_link(href: str) -> bool:
    """Whether ``href`` is a web, mail or phone address (the only links hrdeck makes)."""
    return bool(_SAFE_LINK.match(href.strip()))


def check_links(doc: Document) -> list[Diagnostic]:
    """A ``bad-link`` warning for each Markdown link of ``doc`` that is no web, mail
    or phone address."""
    problems: list[Diagnostic] = []
    for path, text, is_key in strings_in(doc.data):
        if is_key or ("](" not in text and "]:" not in text):
            continue
        for match in _DESTINATIONS.finditer(text):
            href = match.group(1) or match.group(2)
            if not is_safe_link(href):
                problems.append(_bad_link(doc, path, href))
    return problems


def _bad_link(doc: Document, path: tuple[str | int, ...], href: str) -> Diagnostic:
    message = (
        f"the link '{href}' is not a web, mail or phone address, so it is shown as plain "
        "text (a link could open a file or a network share on the computer showing the deck)"
    )
    hint = "write the full address (https://..., mailto:..., tel:...) or remove the link"
    return warning(doc.smap.value(path), "bad-link", message, hint)
