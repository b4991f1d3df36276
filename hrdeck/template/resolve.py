"""Find the layout a theme names: by layout name, in a master given by number or name.

A theme.yaml maps a slide kind to a layout name, optionally with a master
(``{master: 2, layout: "Title, Content"}``).  Masters are numbered from 1 in the order
the presentation lists them (as ``theme inspect`` shows them); a master's name is the
name PowerPoint shows in Slide Master view: its own ``<p:cSld name>``, else its
theme's name.  Without a master, the first master that has a layout of that name is
used; the same name on several masters is how LibreOffice writes templates, not a
mistake, so it is not reported.
"""

from __future__ import annotations

from hrdeck.template.model import Layout, Master, Template


class NotFound(Exception):
    """Why a layout reference finds nothing: a code, a message and what to do.

    ``code`` is ``missing-layout``, ``unknown-master`` or ``ambiguous-master``.
    """

    def __init__(self, code: str, message: str, hint: str, detail: str = "") -> None:
        super().__init__(message + detail)
        self.code = code
        self.message = message
        self.hint = hint
        self.detail = detail  # what there is instead ("; its layouts are: ..."), said last

    def said_for(self, needed: str) -> str:
        """The message with what needed the layout, before the list of what there is."""
        return f"{self.message} ({needed}){self.detail}"


def master_label(master: Master) -> str:
    """How a master is named to a user: its name, else its theme's, else its number."""
    return master.name or master.theme_name or f"master {master.index}"


def find_master(template: Template, master: int | str) -> Master:
    """The master numbered or named ``master``; NotFound listing what there is."""
    if isinstance(master, int):
        if 1 <= master <= len(template.masters):
            return template.masters[master - 1]
        message = f"the template has no master {master}; it has {_count(template)}"
        raise NotFound("unknown-master", message, _masters_hint(template))
    wanted = master.casefold().strip()
    named = [m for m in template.masters if m.name.casefold().strip() == wanted]
    named = named or [m for m in template.masters if m.theme_name.casefold().strip() == wanted]
    if len(named) == 1:
        return named[0]
    if named:
        numbers = ", ".join(str(m.index) for m in named)
        message = f"masters {numbers} are all named {master!r}"
        raise NotFound("ambiguous-master", message, "choose the master by number: master: 2")
    message = f"the template has no master named {master!r}"
    raise NotFound("unknown-master", message, _masters_hint(template))


def find_layout(template: Template, layout: str, master: int | str | None = None) -> Layout:
    """The layout named ``layout`` (in ``master`` when given); NotFound saying why not."""
    masters = template.masters if master is None else (find_master(template, master),)
    for candidate in masters:
        found = next((lay for lay in candidate.layouts if lay.name == layout), None)
        if found is not None:
            return found
    if master is None:
        have = ", ".join(repr(name) for name in layout_names(template))
        message = f"the template has no layout named {layout!r}"
        detail = f"; its layouts are: {have}"
    else:
        only = masters[0]
        have = ", ".join(repr(lay.name) for lay in only.layouts)
        message = f"master {only.index} ({master_label(only)}) has no layout named {layout!r}"
        detail = f"; its layouts are: {have}"
    hint = "`hrdeck theme inspect TEMPLATE` lists every master's layouts and proposes a mapping"
    raise NotFound("missing-layout", message, hint, detail)


def layout_names(template: Template) -> list[str]:
    """Every layout name, once, in template order."""
    return list(dict.fromkeys(lay.name for lay in template.layouts()))


def repeated_in_master(template: Template) -> list[tuple[Master, str]]:
    """Layout names a single master uses twice (only the first can be chosen by name)."""
    found = []
    for master in template.masters:
        names = [lay.name for lay in master.layouts]
        found += [(master, name) for name in dict.fromkeys(names) if names.count(name) > 1]
    return found


def _count(template: Template) -> str:
    count = len(template.masters)
    return f"{count} master{'s' * (count != 1)}"


def _masters_hint(template: Template) -> str:
    listed = "; ".join(f"{m.index}: {master_label(m)}" for m in template.masters)
    return f"masters are numbered from 1 ({listed}); `hrdeck theme inspect TEMPLATE` lists them"
