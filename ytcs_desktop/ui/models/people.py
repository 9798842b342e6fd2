"""Training sessions, attendance, staff and CME progress."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QColor

from ytcs_desktop.domain.attendance_list import attendance_rows
from ytcs_desktop.domain.cme import CmeProgress, cme_progress
from ytcs_desktop.domain.labels import label
from ytcs_desktop.domain.scope import scope_text
from ytcs_desktop.domain.stations import list_staff
from ytcs_desktop.domain.training import list_sessions
from ytcs_desktop.store.session import Session
from ytcs_desktop.ui.models.base import SYNC_COLUMN, Column, RecordTableModel, fmt_date
from ytcs_desktop.ui.operations import PROFILE, TRAINING, Operations

SHORT = QColor("#fff0c2")


class SessionsModel(RecordTableModel):
    areas = frozenset({TRAINING})

    def __init__(self, ops: Operations | None, station_id: str | None, lang: str = "vi",
                 parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.station_id = station_id
        self.columns = (
            Column("date_from", QT_TRANSLATE_NOOP("Columns", "From"), fmt=fmt_date),
            Column("date_to", QT_TRANSLATE_NOOP("Columns", "To"), fmt=fmt_date),
            Column("topic", QT_TRANSLATE_NOOP("Columns", "Topic")),
            Column("programme", QT_TRANSLATE_NOOP("Columns", "Programme"),
                   getter=lambda r: label("programme", r.programme, lang)),
            Column("organiser", QT_TRANSLATE_NOOP("Columns", "Organiser")),
            Column("periods", QT_TRANSLATE_NOOP("Columns", "Periods"), numeric=True),
            Column("format", QT_TRANSLATE_NOOP("Columns", "Format"),
                   getter=lambda r: label("training_format", r.format, lang)),
            Column("status", QT_TRANSLATE_NOOP("Columns", "Status"),
                   getter=lambda r: label("session_status", r.status, lang)),
            SYNC_COLUMN,
        )

    def fetch(self, session: Session) -> list[Any]:
        return list(reversed(list_sessions(session, self.station_id)))


class AttendanceModel(RecordTableModel):
    areas = frozenset({TRAINING})

    def __init__(self, ops: Operations | None, lang: str = "vi", parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.session_id: str | None = None
        self.columns = (
            Column("name", QT_TRANSLATE_NOOP("Columns", "Name")),
            Column("title", QT_TRANSLATE_NOOP("Columns", "Job title"),
                   getter=lambda r: label("staff_title", r["title"], lang) if r["title"] else ""),
            Column("result", QT_TRANSLATE_NOOP("Columns", "Result"),
                   getter=lambda r: label("attendance_result", r["result"], lang) if r["result"] else ""),
            Column("periods", QT_TRANSLATE_NOOP("Columns", "Periods"), numeric=True),
            Column("certificate_no", QT_TRANSLATE_NOOP("Columns", "Certificate")),
            SYNC_COLUMN,
        )

    def show(self, session_id: str | None) -> None:
        self.session_id = session_id
        self.refresh()

    def fetch(self, session: Session) -> list[Any]:
        if not self.session_id:
            return []
        return list(attendance_rows(session, self.session_id))


class StaffModel(RecordTableModel):
    areas = frozenset({PROFILE})

    def __init__(self, ops: Operations | None, station_id: str | None, lang: str = "vi",
                 parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.station_id = station_id
        self.columns = (
            Column("full_name", QT_TRANSLATE_NOOP("Columns", "Name")),
            Column("title", QT_TRANSLATE_NOOP("Columns", "Job title"),
                   getter=lambda r: label("staff_title", r.title, lang)),
            Column("licence_no", QT_TRANSLATE_NOOP("Columns", "Practising licence")),
            Column("scope_of_practice", QT_TRANSLATE_NOOP("Columns", "Scope of practice"),
                   getter=lambda r: scope_text(r.scope_of_practice, lang)),
            Column("phone", QT_TRANSLATE_NOOP("Columns", "Phone")),
            Column("active", QT_TRANSLATE_NOOP("Columns", "Active")),
            SYNC_COLUMN,
        )

    def fetch(self, session: Session) -> list[Any]:
        return list_staff(session, self.station_id, include_inactive=True)


class CmeModel(RecordTableModel):
    """Continuing education: periods in the last 5 years against the 120 required."""

    areas = frozenset({PROFILE, TRAINING})
    columns = (
        Column("name", QT_TRANSLATE_NOOP("Columns", "Name")),
        Column("periods_in_window", QT_TRANSLATE_NOOP("Columns", "Periods in 5 years"), numeric=True),
        Column("required", QT_TRANSLATE_NOOP("Columns", "Required"), numeric=True),
        Column("shortfall", QT_TRANSLATE_NOOP("Columns", "Still needed"), numeric=True),
    )

    def __init__(self, ops: Operations | None, station_id: str | None, parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.station_id = station_id

    def fetch(self, session: Session) -> list[Any]:
        return cme_progress(session, self.station_id, dt.date.today())

    def background(self, row: CmeProgress, column: Column) -> QColor | None:
        return SHORT if column.key == "shortfall" and row.shortfall > 0 else None
