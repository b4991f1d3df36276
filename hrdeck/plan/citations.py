"""APA 7 references and in-text citations from structured citations of the curriculum model.

``format_citation`` gives runs (italics where APA wants them, the DOI or URL as a
link run); ``citation_text`` the same reference as plain text; ``in_text`` the short
"(Author, year)" form used in speaker notes.  Two kinds of work are told apart:

- periodical articles (a ``container`` with volume, issue or pages): sentence-case
  title in roman, then *Journal, volume*(issue), pages;
- everything else (reports, press releases, web pages): *title* in italics,
  ``[Description]`` in brackets, then the container and publisher as the source.

``note`` is for editors and is never printed.
"""

from __future__ import annotations

from hrdeck.curriculum.model import Author, Citation
from hrdeck.richtext import Run

MAX_LISTED_AUTHORS = 20  # APA 7: list up to 20; beyond that 19, an ellipsis, the last


def initials(given: str) -> str:
    """'Daniel Henry' -> 'D. H.'; 'Jean-Paul' -> 'J.-P.'; 'K. M.' stays 'K. M.'."""
    parts = []
    for name in given.replace(".", ". ").split():
        pieces = [piece.strip(".") for piece in name.split("-") if piece.strip(".")]
        parts.append("-".join(f"{piece[0]}." for piece in pieces))
    return " ".join(part for part in parts if part)


def author_name(author: Author) -> str:
    """'Family, G. I.' for people, the name as written for organisations."""
    if author.name:
        return author.name
    family = author.family or ""
    given = initials(author.given or "")
    return f"{family}, {given}" if given else family


def author_list(authors: tuple[Author, ...]) -> str:
    """APA 7 author element, without the closing period."""
    names = [author_name(a) for a in authors]
    if len(names) > MAX_LISTED_AUTHORS:
        return ", ".join(names[: MAX_LISTED_AUTHORS - 1]) + ", . . . " + names[-1]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + ", & " + names[-1]


def date_element(citation: Citation) -> str:
    """'(2017)', '(2021, November 17)', or '(n.d.)' when the year is unknown."""
    year = str(citation.year) if citation.year else "n.d."
    return f"({year}, {citation.date})" if citation.date and citation.year else f"({year})"


def _end(text: str) -> str:
    """Close an element with a period unless it already ends a sentence."""
    text = text.rstrip()
    return text if text.endswith((".", "?", "!")) else text + "."


def _is_article(citation: Citation) -> bool:
    return bool(citation.container and (citation.volume or citation.issue or citation.pages))


def _article_runs(citation: Citation) -> tuple[list[Run], list[Run]]:
    """(title, source) of a periodical article: *Journal, volume*(issue), pages."""
    journal = citation.container or ""
    if citation.volume:
        journal += f", {citation.volume}"
    tail = f"({citation.issue})" if citation.issue else ""
    if citation.pages:
        tail += f", {citation.pages.replace('--', '–').replace('-', '–')}"
    return [Run(_end(citation.title) + " ")], [Run(journal, italic=True), Run(tail + ". ")]


def _work_runs(citation: Citation) -> tuple[list[Run], list[Run]]:
    """(title, source) of a report, press release or web page: *Title* [Description]."""
    title = citation.title.rstrip(".")
    if citation.description:
        after = f" [{citation.description}]. "
    else:
        after = " " if title.endswith(("?", "!")) else ". "
    source = ", ".join(part for part in (citation.container, citation.publisher) if part)
    return [Run(title, italic=True), Run(after)], ([Run(_end(source) + " ")] if source else [])


def _link_runs(citation: Citation) -> list[Run]:
    if citation.doi:
        doi = citation.doi.removeprefix("https://doi.org/").removeprefix("doi:")
        url = f"https://doi.org/{doi}"
        return [Run(url, link=url)]
    if citation.url:
        return [Run(citation.url, link=citation.url)]
    return []


def _merge(runs: list[Run]) -> tuple[Run, ...]:
    merged: list[Run] = []
    for run in runs:
        if merged and merged[-1].italic == run.italic and not (merged[-1].link or run.link):
            merged[-1] = Run(merged[-1].text + run.text, italic=run.italic)
        elif run.text:
            merged.append(run)
    if merged and not merged[-1].link:
        merged[-1] = Run(merged[-1].text.rstrip(), italic=merged[-1].italic)
    return tuple(merged)


def format_citation(citation: Citation) -> tuple[Run, ...]:
    """The APA 7 reference-list entry as runs."""
    title, source = _article_runs(citation) if _is_article(citation) else _work_runs(citation)
    date = Run(date_element(citation) + ". ")
    authors = author_list(citation.authors)
    # with no author, the title moves to the author position
    head = [Run(_end(authors) + " "), date, *title] if authors else [*title, date]
    return _merge(head + source + _link_runs(citation))


def citation_text(citation: Citation) -> str:
    """The APA 7 reference as plain text (italics lost)."""
    return "".join(run.text for run in format_citation(citation))


def in_text(citation: Citation) -> str:
    """'Francis & Reynolds, 2015', 'Vakharia et al., 2017', 'NCHS, 2021'."""
    names = [a.name or a.family or "" for a in citation.authors]
    if not names:
        who = citation.title if len(citation.title) <= 40 else citation.title[:39] + "…"
    elif len(names) == 1:
        who = names[0]
    elif len(names) == 2:
        who = f"{names[0]} & {names[1]}"
    else:
        who = f"{names[0]} et al."
    year = str(citation.year) if citation.year else "n.d."
    return f"{who}, {year}"


def sort_key(citation: Citation) -> str:
    """APA reference lists are alphabetical by the first element."""
    return citation_text(citation).casefold()
