"""Reading what hrdeck writes: the printed guide (item 21) and the slides' text (item 18).

The guide's print stylesheet may append a link's address after its text
(``a[href^="http"]::after { content: " <" attr(href) ">" }``).  To know what a
printed page shows, :func:`printed_twice` evaluates the stylesheet's ``::after``
rules that print an attribute against every link of the guide: a small selector
matcher (type, ``.class``, ``[attr]``, ``[attr=v]``, ``^= $= *=``, ``:not(...)``,
descendant and child combinators) over the parsed HTML, with the rules that apply
to print media (outside any ``@media``, or in one that names print or all).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
PRINTS_ATTRIBUTE = re.compile(r"content\s*:[^;]*\battr\(\s*([\w-]+)\s*\)")
AFTER = re.compile(r"::?(?:after|before)\s*$")
COMPOUND = re.compile(r"\s*(>)?\s*([^\s>]+)")
SIMPLE = re.compile(
    r"(?P<tag>^[\w*-]+)|\.(?P<cls>[\w-]+)|#(?P<id>[\w-]+)"
    r"|\[(?P<attr>[\w-]+)(?:(?P<op>[\^$*|~]?=)[\"']?(?P<value>[^\"'\]]*)[\"']?)?\]"
    r"|:not\((?P<not>[^)]*)\)"
)
REFERENCE = re.compile(r"\((?:\d{4}[a-z]?(?:, [^)]*)?|n\.d\.)\)\. ")  # APA: "(2017). ", "(n.d.). "
VOID = {"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr", "source"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None
    text: list[str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()


class _Collector(HTMLParser):
    """Every element with its parent; each <a>'s text; <li> and <p> texts; <h3> texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[Element] = []
        self.links: list[Element] = []
        self.blocks: list[Element] = []
        self.headings: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        parent = self.stack[-1] if self.stack else None
        element = Element(tag, {k: v or "" for k, v in attrs}, parent)
        {"a": self.links, "li": self.blocks, "p": self.blocks, "h3": self.headings}.get(
            tag, []
        ).append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.text.append(data)


def parse_html(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


def text_of(element: Element) -> str:
    return " ".join("".join(element.text).split())


# -- the stylesheet ---------------------------------------------------------------------


def print_rules(html: str) -> list[tuple[str, str]]:
    """(selector, declarations) of every style rule that applies when printing."""
    rules: list[tuple[str, str]] = []
    for sheet in STYLE.findall(html):
        _collect_rules(COMMENT.sub("", sheet), rules)
    return rules


def _collect_rules(css: str, rules: list[tuple[str, str]]) -> None:
    position = 0
    while (brace := css.find("{", position)) != -1:
        prelude = css[position:brace].strip()
        end = _closing_brace(css, brace)
        body = css[brace + 1 : end]
        if prelude.startswith("@media"):
            media = prelude[len("@media") :].lower()
            if "print" in media or "all" in media:
                _collect_rules(body, rules)
        elif not prelude.startswith("@"):
            rules += [(selector.strip(), body) for selector in prelude.split(",")]
        position = end + 1


def _closing_brace(css: str, opening: int) -> int:
    depth = 0
    for index in range(opening, len(css)):
        depth += {"{": 1, "}": -1}.get(css[index], 0)
        if depth == 0:
            return index
    return len(css)


def _matches_compound(element: Element, compound: str) -> bool:
    for part in SIMPLE.finditer(compound):
        if part["tag"] and part["tag"] not in ("*", element.tag):
            return False
        if part["cls"] and part["cls"] not in element.classes:
            return False
        if part["id"] and element.attrs.get("id") != part["id"]:
            return False
        if part["attr"] and not _matches_attribute(
            element, part["attr"], part["op"], part["value"]
        ):
            return False
        if part["not"] and _matches_compound(element, part["not"]):
            return False
    return True


def _matches_attribute(element: Element, name: str, op: str | None, value: str | None) -> bool:
    if name not in element.attrs:
        return False
    actual, wanted = element.attrs[name], value or ""
    tests = {
        None: True,
        "=": actual == wanted,
        "^=": actual.startswith(wanted),
        "$=": actual.endswith(wanted),
        "*=": wanted in actual,
        "~=": wanted in actual.split(),
        "|=": actual == wanted or actual.startswith(wanted + "-"),
    }
    return tests[op]


def matches(element: Element, selector: str) -> bool:
    """Whether ``selector`` (without its pseudo-element) selects ``element``."""
    steps = [(m[1] == ">", m[2]) for m in COMPOUND.finditer(selector)]
    return _match_from(element, steps)


def _match_from(element: Element | None, steps: list[tuple[bool, str]]) -> bool:
    if element is None or not _matches_compound(element, steps[-1][1]):
        return False
    if len(steps) == 1:
        return True
    child_only, rest = steps[-1][0], steps[:-1]
    ancestor = element.parent
    while ancestor is not None:
        if _match_from(ancestor, rest):
            return True
        if child_only:
            return False
        ancestor = ancestor.parent
    return False


def comparable(address: str) -> str:
    return address.removeprefix("mailto:").removeprefix("tel:").rstrip("/").lower()


def printed_twice(html: str) -> list[str]:
    """Links whose printed page shows their address twice: in the text and after it."""
    appenders = []
    for selector, body in print_rules(html):
        shown = PRINTS_ATTRIBUTE.search(body)
        if shown and AFTER.search(selector):
            appenders.append((AFTER.sub("", selector), shown.group(1)))
    doubled = []
    for link in parse_html(html).links:
        for selector, attribute in appenders:
            address = link.attrs.get(attribute, "")
            if address and matches(link, selector) and comparable(address) in text_of(link).lower():
                doubled.append(address)
                break
    return doubled


def repeated_references(html: str) -> list[str]:
    """Reference-list entries (APA: "Author. (Year). Title.") printed more than once."""
    seen: dict[str, int] = {}
    for block in parse_html(html).blocks:
        text = text_of(block)
        if REFERENCE.search(text):
            seen[text] = seen.get(text, 0) + 1
    return [text for text, count in seen.items() if count > 1]


def slide_headings(html: str) -> list[str]:
    return [text_of(heading) for heading in parse_html(html).headings]


# -- decks ------------------------------------------------------------------------------

DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def slide_paragraphs(deck: Path) -> list[tuple[str, str]]:
    """(part name, text) of every paragraph on every slide of ``deck``, runs joined."""
    found = []
    with zipfile.ZipFile(deck) as package:
        for name in sorted(package.namelist()):
            if not re.fullmatch(r"ppt/slides/slide\d+\.xml", name):
                continue
            root = ElementTree.fromstring(package.read(name))
            for paragraph in root.iter(f"{DRAWING}p"):
                found.append((name, "".join(_pieces(paragraph))))
    return found


def _pieces(paragraph: ElementTree.Element) -> list[str]:
    """A paragraph's text in order, with a line break (<a:br/>) as a newline."""
    return [
        "\n" if element.tag == f"{DRAWING}br" else element.text or ""
        for element in paragraph.iter()
        if element.tag in (f"{DRAWING}t", f"{DRAWING}br")
    ]


def longest_unbreakable(text: str) -> int:
    """The longest run of ``text`` with no place to break a line (space or U+200B)."""
    return max((len(word) for word in re.split(r"[\s\u200b]+", text)), default=0)
