"""Checks of an audience's session settings: module lengths, breaks and credit hours.

The schema checks each value's shape; these check values against each other, on
every readable audience file, so an editor learns before ``hrdeck build --minutes``
that a module's short length is not short, or that a break names a module the
audience does not have.

Codes: ``bad-value`` (a ``short`` length not less than the full one; ``breaks`` with
both ``every`` and ``after``), ``unknown-module`` (a break after a module not in this
audience's list), all errors; warnings ``priority-ignored`` (a priority on a core
module, which is never left out), ``break-ignored`` (a break after the last module)
and ``credit-hours`` (a credit statement claims more hours than the session's
contact hours, its minutes without breaks).
"""

from __future__ import annotations

from hrdeck.curriculum.docdata import did_you_mean, get, indexed_dicts
from hrdeck.curriculum.load import Document, LoadedTree
from hrdeck.diagnostics import Diagnostic, error, warning


def check_sessions(tree: LoadedTree) -> list[Diagnostic]:
    """Session diagnostics of every readable audience file."""
    problems: list[Diagnostic] = []
    for doc in tree.audiences:
        if doc.ok:
            problems += _lengths(doc) + _breaks(doc) + _credit_hours(doc)
    return problems


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _lengths(doc: Document) -> list[Diagnostic]:
    problems = []
    for i, entry in indexed_dicts(get(doc, "modules")):
        full, short = _number(entry.get("minutes")), _number(entry.get("short"))
        if full is not None and short is not None and short >= full:
            message = f"'short' ({short:g}) must be less than 'minutes' ({full:g})"
            hint = "'short' is the module's length in a shortened session; leave it out if none"
            problems.append(
                error(doc.smap.value(("modules", i, "short")), "bad-value", message, hint)
            )
        if entry.get("core", True) is True and "priority" in entry:
            message = "a core module is never left out, so its 'priority' has no effect"
            hint = "write 'core: false' to make the module optional, or remove 'priority'"
            loc = doc.smap.key(("modules", i, "priority"))
            problems.append(warning(loc, "priority-ignored", message, hint))
    return problems


def _breaks(doc: Document) -> list[Diagnostic]:
    rule = get(doc, "breaks")
    if not isinstance(rule, dict):
        return []
    problems = []
    if "every" in rule and "after" in rule:
        message = "'breaks' has both 'every' and 'after'"
        hint = "write 'every: N' for a break every N minutes, or 'after: [ids]', not both"
        problems.append(error(doc.smap.key(("breaks", "after")), "bad-value", message, hint))
    after = rule.get("after")
    listed = [m for _, e in indexed_dicts(get(doc, "modules")) if isinstance(m := e.get("id"), str)]
    for i, module_id in enumerate(after if isinstance(after, list) else []):
        if not isinstance(module_id, str):
            continue
        loc = doc.smap.value(("breaks", "after", i))
        if module_id not in listed:
            message = f"'{module_id}' is not in this audience's module list"
            hint = did_you_mean(module_id, listed, "modules of this audience")
            problems.append(error(loc, "unknown-module", message, hint))
        elif module_id == listed[-1]:
            message = f"a break after '{module_id}', the last module, would end the session"
            hint = "breaks go between modules; remove this one"
            problems.append(warning(loc, "break-ignored", message, hint))
    return problems


def _credit_hours(doc: Document) -> list[Diagnostic]:
    minutes = [_number(e.get("minutes")) for _, e in indexed_dicts(get(doc, "modules"))]
    contact = sum(m for m in minutes if m is not None)
    problems = []
    for i, credit in indexed_dicts(get(doc, "credits")):
        hours = _number(credit.get("hours"))
        if hours is None or contact <= 0 or hours * 60 <= contact + 1e-9:
            continue
        body = credit.get("body") if isinstance(credit.get("body"), str) else "this"
        message = (
            f"the {body} statement gives {_hours(hours)}, but the session has "
            f"{contact / 60:.2f} contact hours ({contact:g} minutes without breaks)"
        )
        hint = "credit cannot exceed the time taught: lower 'hours' or leave it out"
        problems.append(
            warning(doc.smap.value(("credits", i, "hours")), "credit-hours", message, hint)
        )
    return problems


def _hours(hours: float) -> str:
    return "1 hour" if hours == 1 else f"{hours:g} hours"
