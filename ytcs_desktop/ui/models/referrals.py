"""Lists of referrals, supervision visits and corrective actions (rows from the domain's queries)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QColor

from ytcs_desktop.domain import referrals, supervision
from ytcs_desktop.domain.labels import label
from ytcs_desktop.domain.stations import list_stations
from ytcs_desktop.store.models import Referral, SupervisionFinding, SupervisionVisit
from ytcs_desktop.store.session import Session
from ytcs_desktop.ui.models.base import SYNC_COLUMN, Column, RecordTableModel
from ytcs_desktop.ui.operations import REQUESTS, Operations

ATTENTION = QColor("#fdecea")


class _Named(RecordTableModel):
    """A list whose rows name their station (at the centre)."""

    areas = frozenset({REQUESTS})

    def __init__(self, ops: Operations | None, station_id: str | None, lang: str = "vi",
                 parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.station_id, self.lang = station_id, lang
        self.names: dict[str, str] = {}

    def station_name(self, row: Any) -> str:
        return self.names.get(row.station_id or "", "")

    def load_names(self, s: Session) -> None:
        self.names = {st.id: st.name for st in list_stations(s)}


class ReferralsModel(_Named):
    """Referrals of one station (at a station) or of every station (at the centre), newest first."""

    def __init__(self, ops: Operations | None, station_id: str | None, lang: str = "vi",
                 open_only: bool = False, parent: QObject | None = None) -> None:
        super().__init__(ops, station_id, lang, parent)
        self.open_only = open_only
        yes_no: dict[bool | None, object] = {True: QT_TRANSLATE_NOOP("Columns", "Yes"),
                                             False: QT_TRANSLATE_NOOP("Columns", "No"), None: ""}
        columns = [
            Column("number", QT_TRANSLATE_NOOP("Columns", "Number")),
            Column("referred_on", QT_TRANSLATE_NOOP("Columns", "Date")),
            Column("patient_ref", QT_TRANSLATE_NOOP("Columns", "Patient")),
            Column("reason", QT_TRANSLATE_NOOP("Columns", "Reason")),
            Column("icd10", QT_TRANSLATE_NOOP("Columns", "ICD-10")),
            Column("destination", QT_TRANSLATE_NOOP("Columns", "Referred to")),
            Column("urgency", QT_TRANSLATE_NOOP("Columns", "Urgency"),
                   getter=lambda r: label("urgency", r.urgency, lang)),
            Column("status", QT_TRANSLATE_NOOP("Columns", "Status"),
                   getter=lambda r: label("referral_status", r.status, lang)),
            Column("advice", QT_TRANSLATE_NOOP("Columns", "Advice from the centre")),
            Column("needed", QT_TRANSLATE_NOOP("Columns", "Needed"),
                   getter=lambda r: _tr(yes_no[r.needed])),
            SYNC_COLUMN,
        ]
        if station_id is None:
            columns.insert(2, Column("station", QT_TRANSLATE_NOOP("Columns", "Station"), getter=self.station_name))
        self.columns = tuple(columns)

    def fetch(self, session: Session) -> list[Referral]:
        self.load_names(session)
        rows = referrals.list_referrals(session, self.station_id, open_only=self.open_only)
        return sorted(rows, key=lambda r: (r.referred_on, r.number or ""), reverse=True)

    def background(self, row: Referral, column: Column) -> QColor | None:
        if column.key == "status" and row.status == "sent" and row.urgency == "emergency":
            return ATTENTION
        return None


class SupervisionVisitsModel(_Named):
    def __init__(self, ops: Operations | None, station_id: str | None, lang: str = "vi",
                 parent: QObject | None = None) -> None:
        super().__init__(ops, station_id, lang, parent)
        self.scores: dict[str, str] = {}
        self.columns = (
            Column("number", QT_TRANSLATE_NOOP("Columns", "Number")),
            Column("visit_date", QT_TRANSLATE_NOOP("Columns", "Date")),
            Column("station", QT_TRANSLATE_NOOP("Columns", "Station"), getter=self.station_name),
            Column("team", QT_TRANSLATE_NOOP("Columns", "Supervision team")),
            Column("scores", QT_TRANSLATE_NOOP("Columns", "Scores by area"),
                   getter=lambda v: self.scores.get(v.id, "")),
            SYNC_COLUMN,
        )

    def fetch(self, session: Session) -> list[SupervisionVisit]:
        self.load_names(session)
        visits = supervision.list_visits(session, self.station_id)
        self.scores = {v.id: "; ".join(f"{label('supervision_area', a.area, self.lang)} "
                                       f"{'' if a.percent is None else f'{a.percent:.0f}%'}"
                                       for a in supervision.area_scores(session, v.id)) for v in visits}
        return list(reversed(visits))


class ActionsModel(_Named):
    """Corrective actions: a station's open ones (its overview and page), or every one at the centre."""

    def __init__(self, ops: Operations | None, station_id: str | None, lang: str = "vi", open_only: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(ops, station_id, lang, parent)
        self.open_only = open_only
        columns = [
            Column("due_date", QT_TRANSLATE_NOOP("Columns", "Due")),
            Column("area", QT_TRANSLATE_NOOP("Columns", "Area"),
                   getter=lambda f: label("supervision_area", f.area, lang)),
            Column("finding", QT_TRANSLATE_NOOP("Columns", "Finding")),
            Column("action", QT_TRANSLATE_NOOP("Columns", "Corrective action")),
            Column("owner", QT_TRANSLATE_NOOP("Columns", "Responsible")),
            Column("status", QT_TRANSLATE_NOOP("Columns", "Status"),
                   getter=lambda f: label("finding_status", f.status, lang)),
            Column("progress_note", QT_TRANSLATE_NOOP("Columns", "Progress")),
            Column("evidence_note", QT_TRANSLATE_NOOP("Columns", "Evidence")),
            SYNC_COLUMN,
        ]
        if station_id is None:
            columns.insert(1, Column("station", QT_TRANSLATE_NOOP("Columns", "Station"), getter=self.station_name))
        self.columns = tuple(columns)

    def fetch(self, session: Session) -> list[SupervisionFinding]:
        self.load_names(session)
        return supervision.list_findings(session, self.station_id, open_only=self.open_only)

    def background(self, row: SupervisionFinding, column: Column) -> QColor | None:
        if column.key == "due_date" and row.status != "closed" and row.due_date < dt.date.today():
            return ATTENTION
        return None


def _tr(text: object) -> str:
    return QCoreApplication.translate("Columns", str(text)) if text else ""
