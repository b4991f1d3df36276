"""The one registry of slide kinds: what each kind of slide holds and how it is treated.

Every stage that treats kinds differently reads this table instead of keeping a list
of its own: the plan (which block roles a kind fills, which are fitted as one text
block, which are split onto continuation slides, which need speaker notes), the
theme (the layout each kind uses by default) and the renderer (footer, number and
logo; how many text placeholders a layout must offer).  Adding a slide kind means
adding a row here, a maker in :mod:`hrdeck.plan.makers` and a renderer in
:mod:`hrdeck.render.slides`; a test checks that all three agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class SlideKind:
    """One kind of slide.

    ``roles``: the text block roles the plan fills, in order.  ``single``: the one
    role fitted as a single text block (it may continue on more slides), if any.
    ``panels``: roles set side by side and fitted as a pair; ``repeat_panel``: when
    a pair is split, the first panel is shown again beside each part of the other
    (a myth stays beside every part of its fact).  ``paginated``: the
    single block always keeps one size and is continued instead of shrunk.
    ``content``: carries teaching content, so it needs speaker notes written by an
    editor.  ``cover``: a title-like slide whose text is fitted by size only;
    ``centred``: a cover set on a layout with a centred title (title, closing).
    ``chrome``: gets the footer and slide number; ``logo``: gets the agency logo in
    its corner.  ``layout``: the layout name in hrdeck's own master and in the stock
    Office template most agency templates keep.  ``text_placeholders``: the body
    placeholders that layout must offer; ``subtitle``: it would also like a subtitle
    or body placeholder (for suggestions only).  ``layout_hints``: words in a layout name
    that suggest it suits this kind (for ``theme inspect``).  ``drawn``: its content is
    drawn in the area under the title (cards, icons, a chart, QR codes), laid out by
    :mod:`hrdeck.plan.visualgrid` and fitted by :mod:`hrdeck.plan.fitvisual`; the
    theme's probe reports that area as ``<kind>/content``.
    """

    name: str
    layout: str
    roles: tuple[str, ...] = ()
    single: str | None = None
    panels: tuple[str, ...] = ()
    repeat_panel: bool = False
    paginated: bool = False
    content: bool = True
    cover: bool = False
    centred: bool = False
    chrome: bool = True
    logo: bool = True
    text_placeholders: int = 0
    subtitle: bool = False
    layout_hints: tuple[str, ...] = ()
    drawn: bool = False

    @property
    def placeholder_roles(self) -> tuple[str, ...]:
        """The roles set in the layout's text placeholders (measured for fitting)."""
        if self.panels:
            return self.panels
        if self.single:
            return (self.single,)
        return self.roles if self.cover else ()

    @property
    def wanted_text_placeholders(self) -> int:
        """Text placeholders a layout suited to this kind offers (for suggestions)."""
        return max(self.text_placeholders, int(self.subtitle))


def _kinds(*kinds: SlideKind) -> Mapping[str, SlideKind]:
    return {kind.name: kind for kind in kinds}


KINDS: Mapping[str, SlideKind] = _kinds(
    SlideKind(
        "title",
        "Title Slide",
        roles=("presenter",),
        content=False,
        cover=True,
        centred=True,
        chrome=False,
        logo=False,
        subtitle=True,
    ),
    SlideKind(
        "agenda",
        "Title and Content",
        roles=("body",),
        single="body",
        content=False,
        text_placeholders=1,
    ),
    SlideKind(
        "section",
        "Section Header",
        content=False,
        cover=True,
        logo=False,
        subtitle=True,
        layout_hints=("section", "header", "divider"),
    ),
    SlideKind("bullets", "Title and Content", roles=("body",), single="body", text_placeholders=1),
    SlideKind(
        "myth",
        "Two Content",
        roles=("myth", "fact"),
        panels=("myth", "fact"),
        repeat_panel=True,
        text_placeholders=2,
        layout_hints=("two", "compar"),
    ),
    SlideKind(
        "comparison",
        "Comparison",
        roles=("left", "right"),
        panels=("left", "right"),
        text_placeholders=2,
        layout_hints=("compar", "two"),
    ),
    SlideKind("spectrum", "Title Only", roles=("stage", "caption"), layout_hints=("only",)),
    SlideKind("diagram", "Title Only", roles=("caption",), layout_hints=("only",)),
    SlideKind(
        "case", "Title and Content", roles=("narrative",), single="narrative", text_placeholders=1
    ),
    SlideKind(
        "questions", "Title and Content", roles=("body",), single="body", text_placeholders=1
    ),
    SlideKind(
        "references",
        "Title and Content",
        roles=("citation",),
        single="citation",
        paginated=True,
        content=False,
        text_placeholders=1,
    ),
    SlideKind("resources", "Title Only", roles=("resource",), drawn=True, layout_hints=("only",)),
    SlideKind(
        "closing",
        "Title Slide",
        roles=("body",),
        content=False,
        cover=True,
        centred=True,
        logo=False,
        subtitle=True,
        layout_hints=("clos", "end"),
    ),
    SlideKind(
        "stat",
        "Title Only",
        roles=("value", "label", "source", "caption"),
        drawn=True,
        layout_hints=("only",),
    ),
    SlideKind(
        "chart", "Title Only", roles=("source", "caption"), drawn=True, layout_hints=("only",)
    ),
    SlideKind("icons", "Title Only", roles=("label", "text"), drawn=True, layout_hints=("only",)),
    SlideKind(
        "quote", "Title Only", roles=("quote", "attribution"), drawn=True, layout_hints=("only",)
    ),
    SlideKind(
        "image",
        "Title and Content",
        roles=("body",),
        single="body",
        text_placeholders=1,
        layout_hints=("picture", "content"),
    ),
    SlideKind(
        "persona",
        "Title Only",
        roles=("name", "role", "details"),
        drawn=True,
        layout_hints=("only",),
    ),
    SlideKind(
        "sources",
        "Title Only",
        roles=("body", "link"),
        content=False,
        drawn=True,
        layout_hints=("only",),
    ),
    SlideKind(
        "check-question",
        "Title and Content",
        roles=("body",),
        single="body",
        content=False,
        text_placeholders=1,
    ),
    SlideKind(
        "check-answer",
        "Title and Content",
        roles=("body",),
        single="body",
        content=False,
        text_placeholders=1,
    ),
)

SLIDE_KINDS: tuple[str, ...] = tuple(KINDS)
DEFAULT_LAYOUTS: Mapping[str, str] = {name: row.layout for name, row in KINDS.items()}


def kind(name: str) -> SlideKind:
    """The registry row of slide kind `name` (KeyError for an unknown kind)."""
    return KINDS[name]
