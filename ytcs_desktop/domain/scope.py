"""Phạm vi hành nghề (scope of practice): the practice areas a person's licence covers, and the
warning when a rotation's purpose lies outside them. Staff sent on rotation must fit their scope
("phù hợp phạm vi hành nghề"); the planner is warned, not stopped (the licence may be newer than
the record)."""

from __future__ import annotations

from dataclasses import dataclass

from ytcs_desktop.domain.labels import codes, label, parse_code


@dataclass(frozen=True)
class Notice:
    """A warning about a record that is saved anyway, in both languages."""

    code: str
    vi: str
    en: str

    def message(self, lang: str = "vi") -> str:
        return self.en if lang.startswith("en") else self.vi


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
    what_vi, what_en = label("practice_scope", area), label("practice_scope", area, "en")
    if not scope_codes(stored):
        return Notice("scope_unknown",
                      f"Chưa ghi phạm vi hành nghề của {full_name}: hãy cập nhật hồ sơ nhân viên để kiểm tra "
                      f"lĩnh vực “{what_vi}”.",
                      f"{full_name}'s scope of practice is not recorded: update the staff record to check "
                      f"the area “{what_en}”.")
    if area in scope_codes(stored):
        return None
    return Notice("outside_scope",
                  f"Lĩnh vực “{what_vi}” nằm ngoài phạm vi hành nghề của {full_name} ({scope_text(stored)}): "
                  "hãy chọn người khác hoặc kiểm tra lại chứng chỉ hành nghề.",
                  f"The area “{what_en}” lies outside {full_name}'s scope of practice "
                  f"({scope_text(stored, 'en')}): choose someone else or check the practising licence.")
