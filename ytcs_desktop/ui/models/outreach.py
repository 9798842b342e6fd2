"""Tables of the two-way rotation schedule, a visit's case list, the techniques and the village health
workers: thin adapters over the domain's views (names resolved there, no query here)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QColor

from ytcs_desktop.domain import rotations, techniques, village_workers, visit_cases
from ytcs_desktop.domain.labels import label
from ytcs_desktop.store.session import Session
from ytcs_desktop.ui.models.base import SYNC_COLUMN, Column, RecordTableModel, fmt_date
from ytcs_desktop.ui.operations import PROFILE, REQUESTS, TRAINING, Operations

WARNING = QColor("#fff0c2")


class RotationModel(RecordTableModel):
    """The schedule both ways (one station's at a station); a visit with a warning is tinted."""

    areas = frozenset({REQUESTS, PROFILE})

    def __init__(self, ops: Operations | None, station_id: str | None, lang: str = "vi",
                 parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.station_id = station_id
        self.lang = lang
        self.columns = (
            Column("date_from", QT_TRANSLATE_NOOP("Columns", "From"), fmt=fmt_date, getter=lambda v: v.visit.date_from),
            Column("date_to", QT_TRANSLATE_NOOP("Columns", "To"), fmt=fmt_date, getter=lambda v: v.visit.date_to),
            Column("direction", QT_TRANSLATE_NOOP("Columns", "Direction"),
                   getter=lambda v: label("visit_direction", v.visit.direction, lang)),
            Column("staff", QT_TRANSLATE_NOOP("Columns", "Staff member")),
            Column("station", QT_TRANSLATE_NOOP("Columns", "Station")),
            Column("department", QT_TRANSLATE_NOOP("Columns", "Department")),
            Column("purpose", QT_TRANSLATE_NOOP("Columns", "Purpose"), getter=lambda v: v.visit.purpose),
            Column("status", QT_TRANSLATE_NOOP("Columns", "Status"),
                   getter=lambda v: label("visit_status", v.visit.status, lang)),
            Column("cases", QT_TRANSLATE_NOOP("Columns", "Cases"), numeric=True),
            Column("patients_seen", QT_TRANSLATE_NOOP("Columns", "Patients seen"), numeric=True,
                   getter=lambda v: v.visit.patients_seen),
            Column("warnings", QT_TRANSLATE_NOOP("Columns", "Warnings"),
                   getter=lambda v: " ".join(n.message(lang) for n in v.notices)),
            SYNC_COLUMN,
        )

    def fetch(self, session: Session) -> list[Any]:
        return list(reversed(rotations.visit_views(session, self.station_id)))

    def background(self, row: rotations.VisitView, column: Column) -> QColor | None:
        return WARNING if column.key == "warnings" and row.notices else None


class CasesModel(RecordTableModel):
    """The case list of one visit."""

    areas = frozenset({REQUESTS})

    def __init__(self, ops: Operations | None, lang: str = "vi", parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.visit_id: str | None = None
        self.columns = (
            Column("kind", QT_TRANSLATE_NOOP("Columns", "Kind"), getter=lambda c: label("case_kind", c.kind, lang)),
            Column("patient_ref", QT_TRANSLATE_NOOP("Columns", "Patient ref.")),
            Column("icd10", QT_TRANSLATE_NOOP("Columns", "ICD-10")),
            Column("description", QT_TRANSLATE_NOOP("Columns", "Description")),
            Column("outcome", QT_TRANSLATE_NOOP("Columns", "What the team did")),
            SYNC_COLUMN,
        )

    def show(self, visit_id: str | None) -> None:
        self.visit_id = visit_id
        self.refresh()

    def fetch(self, session: Session) -> list[Any]:
        return visit_cases.list_cases(session, self.visit_id) if self.visit_id else []


class TechniquesModel(RecordTableModel):
    areas = frozenset({TRAINING, REQUESTS})

    def __init__(self, ops: Operations | None, station_id: str | None, lang: str = "vi",
                 parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.station_id = station_id
        self.columns = (
            Column("name", QT_TRANSLATE_NOOP("Columns", "Technique"), getter=lambda v: v.technique.name),
            Column("station", QT_TRANSLATE_NOOP("Columns", "Station")),
            Column("specialty", QT_TRANSLATE_NOOP("Columns", "Specialty"),
                   getter=lambda v: label("practice_scope", v.technique.specialty, lang)),
            Column("status", QT_TRANSLATE_NOOP("Columns", "Stage"),
                   getter=lambda v: label("technique_status", v.technique.status, lang)),
            Column("since", QT_TRANSLATE_NOOP("Columns", "Since"), fmt=fmt_date,
                   getter=lambda v: v.reached.get(v.technique.status)),
            Column("department", QT_TRANSLATE_NOOP("Columns", "Transferred by")),
            Column("sources", QT_TRANSLATE_NOOP("Columns", "Trainings and visits"),
                   getter=lambda v: "; ".join(dict.fromkeys(v.sources))),
            SYNC_COLUMN,
        )

    def fetch(self, session: Session) -> list[Any]:
        return techniques.technique_views(session, self.station_id)


class WorkersModel(RecordTableModel):
    areas = frozenset({TRAINING, PROFILE})

    def __init__(self, ops: Operations | None, station_id: str | None, lang: str = "vi",
                 parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.station_id = station_id
        self.columns = (
            Column("full_name", QT_TRANSLATE_NOOP("Columns", "Full name"), getter=lambda v: v.worker.full_name),
            Column("station", QT_TRANSLATE_NOOP("Columns", "Station")),
            Column("hamlet", QT_TRANSLATE_NOOP("Columns", "Hamlet"), getter=lambda v: v.worker.hamlet),
            Column("phone", QT_TRANSLATE_NOOP("Columns", "Phone"), getter=lambda v: v.worker.phone),
            Column("birth_year", QT_TRANSLATE_NOOP("Columns", "Year of birth"),
                   getter=lambda v: str(v.worker.birth_year or "")),
            Column("trainings", QT_TRANSLATE_NOOP("Columns", "Trainings attended"), numeric=True,
                   getter=lambda v: len(v.trainings)),
            Column("periods", QT_TRANSLATE_NOOP("Columns", "Periods"), numeric=True),
            Column("last", QT_TRANSLATE_NOOP("Columns", "Last training"),
                   getter=lambda v: v.trainings[-1][1] if v.trainings else ""),
            SYNC_COLUMN,
        )

    def fetch(self, session: Session) -> list[Any]:
        return village_workers.worker_views(session, self.station_id)
