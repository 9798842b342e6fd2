"""The reporting chain's tables: the submissions sent (a station's own, or every station's at the centre)
and what is due, late or missing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QColor

from ytcs_desktop.domain.lookups import station_names
from ytcs_desktop.domain.reporting import overdue
from ytcs_desktop.domain.reporting.overdue import DueLine
from ytcs_desktop.domain.reporting.schedule import list_kinds
from ytcs_desktop.domain.reporting.submissions import SubmissionRow, list_submissions
from ytcs_desktop.store.session import Session
from ytcs_desktop.ui.models.base import Column, RecordTableModel, fmt_date
from ytcs_desktop.ui.operations import REPORTING, Operations

ATTENTION = QColor("#fdecea")
SUPERSEDED = QColor("#6b6b6b")
DUE_STATES: dict[str, Any] = {
    "due": QT_TRANSLATE_NOOP("Reporting", "Due"),
    "missing": QT_TRANSLATE_NOOP("Reporting", "Missing, overdue"),
    "late": QT_TRANSLATE_NOOP("Reporting", "Sent late"),
    "on_time": QT_TRANSLATE_NOOP("Reporting", "On time"),
}


def period_text(start: Any, end: Any) -> str:
    return f"{fmt_date(start)} – {fmt_date(end)}"


class SubmissionsModel(RecordTableModel):
    """Submissions, newest period first; a superseded one says so in its status."""

    areas = frozenset({REPORTING})

    def __init__(self, ops: Operations | None, station_id: str | None, lang: str = "vi",
                 parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.station_id = station_id
        self.kind_names: dict[str, str] = {}
        self.columns = (
            Column("station", QT_TRANSLATE_NOOP("Columns", "Station"), getter=lambda r: r.station_name),
            Column("kind", QT_TRANSLATE_NOOP("Columns", "Report"),
                   getter=lambda r: self.kind_names.get(r.kind, r.kind)),
            Column("period", QT_TRANSLATE_NOOP("Columns", "Period"),
                   getter=lambda r: period_text(r.period_from, r.period_to)),
            Column("submitted_at", QT_TRANSLATE_NOOP("Columns", "Sent"), fmt=fmt_date),
            Column("submitted_by", QT_TRANSLATE_NOOP("Columns", "Sent by")),
            Column("status", QT_TRANSLATE_NOOP("Columns", "Status"), getter=lambda r: r.status_text(lang)),
            Column("note", QT_TRANSLATE_NOOP("Columns", "Correction / centre's comment"),
                   getter=lambda r: " · ".join(x for x in (r.correction_note, r.review_comment) if x)),
        )
        if station_id is not None:  # a station's own list: no station column
            self.columns = self.columns[1:]

    def fetch(self, session: Session) -> list[SubmissionRow]:
        self.kind_names = {k.code: k.name for k in list_kinds(session, include_inactive=True)}
        return list_submissions(session, self.station_id)

    def background(self, row: SubmissionRow, column: Column) -> QColor | None:
        return ATTENTION if column.key == "status" and row.status == "returned" and not row.superseded else None


class DueModel(RecordTableModel):
    """At a station: its reports due within a week and those missing. At the centre: every station's
    missing reports, longest overdue first."""

    areas = frozenset({REPORTING})

    def __init__(self, ops: Operations | None, station_id: str | None, parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.station_id = station_id
        self.names: dict[str, str] = {}
        self.today = overdue.reporting_today()
        self.columns = (
            Column("station", QT_TRANSLATE_NOOP("Columns", "Station"),
                   getter=lambda x: self.names.get(x.station_id, "")),
            Column("kind", QT_TRANSLATE_NOOP("Columns", "Report"), getter=lambda x: x.kind_name),
            Column("period", QT_TRANSLATE_NOOP("Columns", "Period"),
                   getter=lambda x: period_text(x.period.date_from, x.period.date_to)),
            Column("deadline", QT_TRANSLATE_NOOP("Columns", "Deadline"), getter=lambda x: x.period.deadline),
            Column("state", QT_TRANSLATE_NOOP("Columns", "State"), getter=lambda x: due_state_text(x.state)),
            Column("days", QT_TRANSLATE_NOOP("Columns", "Days overdue"), numeric=True,
                   getter=lambda x: x.days_overdue(self.today) or None),
        )
        if station_id is not None:
            self.columns = self.columns[1:]

    def fetch(self, session: Session) -> list[DueLine]:
        self.today = overdue.reporting_today()
        if self.station_id is not None:
            return overdue.station_due(session, self.station_id, self.today)
        self.names = station_names(session)
        return overdue.overdue(session, self.today)

    def background(self, row: DueLine, column: Column) -> QColor | None:
        return ATTENTION if column.key == "state" and row.state == "missing" else None


def due_state_text(state: str) -> str:
    return QCoreApplication.translate("Reporting", str(DUE_STATES.get(state, state)))
