"""The centre's staffing summary per station (domain/staff_directory.py): who works where, by title."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QColor

from ytcs_desktop.domain.staff_directory import StationStaffing, staffing_summary
from ytcs_desktop.messages import msg
from ytcs_desktop.store.session import Session
from ytcs_desktop.ui.models.base import Column, RecordTableModel
from ytcs_desktop.ui.operations import PROFILE, TRAINING, Operations

SHORT = QColor("#fde2e1")
WARN = QColor("#fff4ce")


class StaffingModel(RecordTableModel):
    areas = frozenset({PROFILE, TRAINING, "sync"})  # staff arrive from the stations by sync

    def __init__(self, ops: Operations | None, lang: str = "vi", parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        yes, no = msg("word.yes").text(lang), msg("word.no").text(lang)
        self.columns = (
            Column("station", QT_TRANSLATE_NOOP("Columns", "Station")),
            Column("active", QT_TRANSLATE_NOOP("Columns", "Staff"), numeric=True),
            Column("has_doctor", QT_TRANSLATE_NOOP("Columns", "Doctor"), getter=lambda r: yes if r.has_doctor else no),
            Column("titles", QT_TRANSLATE_NOOP("Columns", "By job title"), getter=lambda r: r.titles_text(lang)),
            Column("missing", QT_TRANSLATE_NOOP("Columns", "Nobody as"), getter=lambda r: ", ".join(r.missing(lang))),
            Column("without_licence", QT_TRANSLATE_NOOP("Columns", "No licence no."), numeric=True),
            Column("notices", QT_TRANSLATE_NOOP("Columns", "Licence and CME warnings"),
                   getter=lambda r: "\n".join(n.message(lang) for n in r.notices)),
        )

    def fetch(self, session: Session) -> list[Any]:
        return staffing_summary(session, dt.date.today())

    def background(self, row: StationStaffing, column: Column) -> QColor | None:
        if column.key == "has_doctor" and not row.has_doctor:
            return SHORT
        if column.key == "notices" and row.notices:
            return WARN
        return None
