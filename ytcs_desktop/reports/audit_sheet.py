"""The audit log as an Excel workbook: one row per changed field (so a column filter finds every change of
one field), each with when, who, on which computer, the record and the action."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ytcs_desktop.dates import moment_text
from ytcs_desktop.domain.audit import AuditLine, local_time
from ytcs_desktop.reports.excel import Sheet, Value, XColumn, write_xlsx

TITLES = {
    "vi": ("Nhật ký thay đổi", ["Thời điểm", "Người thực hiện", "Máy", "Loại bản ghi", "Bản ghi", "Thao tác",
                                "Thông tin", "Trước", "Sau"]),
    "en": ("Change log", ["When", "Who", "Computer", "Record kind", "Record", "Action", "Field", "Before", "After"]),
}


def audit_sheet(lines: Sequence[AuditLine], lang: str = "vi") -> Sheet:
    title, headers = TITLES["en" if lang.startswith("en") else "vi"]
    rows: list[list[Value]] = []
    for line in lines:
        head: list[Value] = [moment_text(local_time(line.at), lang), line.person, line.computer, line.kind,
                             line.record, line.action]
        if not line.changes:
            rows.append([*head, None, None, None])
        for change in line.changes:
            rows.append([*head, change.field, change.before or None, change.after or None])
    return Sheet(title, [XColumn(h) for h in headers], rows)


def write_audit_xlsx(lines: Sequence[AuditLine], path: Path, lang: str = "vi") -> None:
    sheet = audit_sheet(lines, lang)
    write_xlsx([sheet], path, title=sheet.title)
