"""Phạm vi hành nghề (scope of practice): the practice areas a person's licence covers, and the
warning when a rotation's purpose lies outside them. Staff sent on rotation must fit their scope
("phù hợp phạm vi hành nghề"); the planner is warned, not stopped (the licence may be newer than
the record)."""

from __future__ import annotations

from dataclasses import dataclass

from ytcs_desktop.domain.labels import codes, label, parse_code
from ytcs_desktop.messages import PerLanguage, Worded, msg, pick


@dataclass(frozen=True)
class Notice(Worded):
    """A warning about a record that is saved anyway, in both languages."""

    code: str
    text: PerLanguage


def parse_scope(value: object, field: str = "scope_of_practice") -> str | None:
    """Codes (or labels of either language) as a list or comma/semicolon-separated text → the stored
    text: codes in the order of the practice_scope list, each once; None when empty."""
    if value is None:
        return None
    parts = value if isinstance(value, (list, tuple, set, frozenset)) else str(value).replace(";", ",").split(",")
    chosen = {parse_code("practice_scope", p, field) for p in (str(x).strip() for x in parts) if p}
    ordered = [c for c in codes("practice_scope") if c in chosen]
    return ",".join(ordered) or None


def scope_codes(stored: str | None) -> list[str]:
    return [c for c in (stored or "").split(",") if c]


def scope_text(stored: str | None, lang: str = "vi") -> str:
    return "; ".join(label("practice_scope", c, lang) for c in scope_codes(stored))


def scope_notice(full_name: str, stored: str | None, area: str | None) -> Notice | None:
    """Why `area` may lie outside this person's scope, or None when it fits (or no area is given)."""
    if not area:
        return None
    what = pick(label, "practice_scope", area)
    if not scope_codes(stored):
        return Notice("scope_unknown", msg("scope_unknown", full_name=full_name, area=what))
    if area in scope_codes(stored):
        return None
    return Notice("outside_scope", msg("outside_scope", full_name=full_name, area=what,
                                       scope=pick(scope_text, stored)))
