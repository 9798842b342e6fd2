"""The audit trail as tables: one record's history, and the log with its filters (domain/audit.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from ytcs_desktop.domain.audit import AuditFilter, AuditLine, audit_log, record_history
from ytcs_desktop.store.session import Session
from ytcs_desktop.ui.models.base import Column, RecordTableModel, fmt_date
from ytcs_desktop.ui.operations import ALL_AREAS, Operations

EVERY_AREA = ALL_AREAS  # every write is audited


def _changes(line: AuditLine) -> str:
    return "\n".join(f"{c.field}: {c.before} → {c.after}" if line.op == "update" or (c.before and c.after)
                     else f"{c.field}: {c.after or c.before}" for c in line.changes)


WHEN = Column("at", QT_TRANSLATE_NOOP("Columns", "When"), fmt=fmt_date)
WHO = Column("person", QT_TRANSLATE_NOOP("Columns", "Who"))
COMPUTER = Column("computer", QT_TRANSLATE_NOOP("Columns", "Computer"))
ACTION = Column("action", QT_TRANSLATE_NOOP("Columns", "Action"))
CHANGES = Column("changes", QT_TRANSLATE_NOOP("Columns", "Changes"), getter=_changes)


class HistoryModel(RecordTableModel):
    """One record's changes, oldest first; reloads after any write (the record may be anywhere)."""

    areas = EVERY_AREA
    columns = (WHEN, WHO, COMPUTER, ACTION, CHANGES)

    def __init__(self, ops: Operations | None, table: str, row_id: str, lang: str = "vi",
                 parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.table, self.row_id, self.lang = table, row_id, lang

    def fetch(self, session: Session) -> list[Any]:
        return record_history(session, self.table, self.row_id, self.lang)


class AuditLogModel(RecordTableModel):
    """The log, newest first, narrowed by `filter`."""

    areas = EVERY_AREA
    columns = (WHEN, WHO, COMPUTER, Column("kind", QT_TRANSLATE_NOOP("Columns", "Record kind")),
               Column("record", QT_TRANSLATE_NOOP("Columns", "Record")), ACTION, CHANGES)

    def __init__(self, ops: Operations | None, lang: str = "vi", station_id: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.lang = lang
        self.filter = AuditFilter(station_id=station_id)

    def fetch(self, session: Session) -> list[Any]:
        return audit_log(session, self.filter, self.lang)
