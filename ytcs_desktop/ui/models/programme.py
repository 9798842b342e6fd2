"""Table models of the support programme: progress, plan activities, the consultation calendar, the
training plan (Phụ lục II), the documents rolled out (Phụ lục I), ratings and what a station received.
Thin adapters over domain/programme; the station's models read its own partition only."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QColor

from ytcs_desktop.domain.labels import codes, label
from ytcs_desktop.domain.programme import calendar, plan, ratings, training_plan
from ytcs_desktop.domain.programme.progress import KindProgress, plan_progress
from ytcs_desktop.domain.support import list_requests
from ytcs_desktop.store.session import Session
from ytcs_desktop.ui.models.base import Column, RecordTableModel, fmt_date, fmt_number
from ytcs_desktop.ui.models.lookups import Choice
from ytcs_desktop.ui.operations import REQUESTS, TRAINING, Operations

BEHIND = QColor("#fff4e5")
MET = QColor("#e8f5e9")


def _percent(share: float | None) -> str:
    return "" if share is None else f"{fmt_number(round(100 * share, 1))} %"


class _Period(RecordTableModel):
    """A model of one year (and quarter), for every station at the centre or this station."""

    def __init__(self, ops: Operations | None, lang: str = "vi", station_id: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.lang = lang
        self.station_id = station_id
        self.year = dt.date.today().year
        self.quarter: int | None = None

    def set_period(self, year: int, quarter: int | None) -> None:
        self.year, self.quarter = year, quarter
        self.refresh()


class ProgressModel(_Period):
    """Target against done per station and kind (plan_progress)."""

    areas = frozenset({REQUESTS, TRAINING})

    def __init__(self, ops: Operations | None, lang: str = "vi", station_id: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(ops, lang, station_id, parent)
        self.columns = (
            Column("station", QT_TRANSLATE_NOOP("Columns", "Station")),
            Column("kind", QT_TRANSLATE_NOOP("Columns", "Activity"), getter=lambda p: label("activity_kind", p.kind,
                                                                                             lang)),
            Column("target", QT_TRANSLATE_NOOP("Columns", "Target"), numeric=True),
            Column("done", QT_TRANSLATE_NOOP("Columns", "Done"), numeric=True),
            Column("share", QT_TRANSLATE_NOOP("Columns", "Progress"), fmt=_percent),
            Column("cost", QT_TRANSLATE_NOOP("Columns", "Cost estimate (VND)"), numeric=True),
        )

    def fetch(self, session: Session) -> list[Any]:
        return plan_progress(session, self.year, self.quarter, self.station_id)

    def background(self, row: Any, column: Column) -> QColor | None:
        if not isinstance(row, KindProgress) or row.done is None or row.target == 0:
            return None
        return MET if row.met else BEHIND


class ActivitiesModel(_Period):
    areas = frozenset({REQUESTS})

    def __init__(self, ops: Operations | None, lang: str = "vi", station_id: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(ops, lang, station_id, parent)
        self.columns = (
            Column("station", QT_TRANSLATE_NOOP("Columns", "Station")),
            Column("kind", QT_TRANSLATE_NOOP("Columns", "Activity"), getter=lambda r: label("activity_kind",
                                                                                             r["kind"], lang)),
            Column("content", QT_TRANSLATE_NOOP("Columns", "Content")),
            Column("q1", QT_TRANSLATE_NOOP("Columns", "Q1"), numeric=True),
            Column("q2", QT_TRANSLATE_NOOP("Columns", "Q2"), numeric=True),
            Column("q3", QT_TRANSLATE_NOOP("Columns", "Q3"), numeric=True),
            Column("q4", QT_TRANSLATE_NOOP("Columns", "Q4"), numeric=True),
            Column("cost", QT_TRANSLATE_NOOP("Columns", "Cost estimate (VND)"), numeric=True),
        )

    def fetch(self, session: Session) -> list[Any]:
        return [{"id": a.id, "plan_id": v.plan.id, "station": v.station_name, "kind": a.kind, "content": a.content,
                 "q1": a.target_q1, "q2": a.target_q2, "q3": a.target_q3, "q4": a.target_q4,
                 "cost": plan.activity_cost(a), "cost_travel": a.cost_travel, "cost_per_diem": a.cost_per_diem,
                 "cost_materials": a.cost_materials}
                for v in plan.plan_views(session, self.year, self.station_id) for a in v.activities]


class IndicatorsModel(_Period):
    areas = frozenset({REQUESTS})
    columns = (
        Column("station", QT_TRANSLATE_NOOP("Columns", "Station")),
        Column("name", QT_TRANSLATE_NOOP("Columns", "Indicator")),
        Column("measure", QT_TRANSLATE_NOOP("Columns", "How it is measured")),
        Column("target", QT_TRANSLATE_NOOP("Columns", "Goal")),
    )

    def fetch(self, session: Session) -> list[Any]:
        return [{"station": v.station_name, "name": i.name, "measure": i.measure, "target": i.target or ""}
                for v in plan.plan_views(session, self.year, self.station_id) for i in v.indicators]


class CalendarModel(RecordTableModel):
    """Lịch hội chẩn: every session at the centre; at a station, its own and the open ones."""

    areas = frozenset({REQUESTS})

    def __init__(self, ops: Operations | None, lang: str = "vi", station_id: str | None = None,
                 upcoming_only: bool = False, parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.station_id = station_id
        self.upcoming_only = upcoming_only
        self.columns = (
            Column("day", QT_TRANSLATE_NOOP("Columns", "Date"), fmt=fmt_date),
            Column("start_time", QT_TRANSLATE_NOOP("Columns", "Time")),
            Column("mode", QT_TRANSLATE_NOOP("Columns", "Format"), getter=lambda x: label("support_format", x.mode,
                                                                                           lang)),
            Column("where", QT_TRANSLATE_NOOP("Columns", "Place or link"), getter=lambda x: x.where()),
            Column("topic", QT_TRANSLATE_NOOP("Columns", "Topic")),
            Column("experts", QT_TRANSLATE_NOOP("Columns", "Experts"),
                   getter=lambda x: ", ".join(e.strip() for e in x.experts.splitlines() if e.strip())),
            Column("station", QT_TRANSLATE_NOOP("Columns", "Station")),
            Column("cases", QT_TRANSLATE_NOOP("Columns", "Cases and conclusions"),
                   getter=lambda x: "; ".join(f"{c.number} {c.title}".strip() + (f": {c.conclusion}" if c.conclusion
                                                                                   else "") for c in x.cases)),
            Column("status", QT_TRANSLATE_NOOP("Columns", "Status"),
                   getter=lambda x: label("consultation_status", x.status, lang)),
        )

    def fetch(self, session: Session) -> list[Any]:
        if self.upcoming_only and self.station_id:
            return calendar.upcoming(session, self.station_id)
        return calendar.list_sessions(session, station_id=self.station_id)


class TrainingPlanModel(_Period):
    areas = frozenset({TRAINING})

    def __init__(self, ops: Operations | None, lang: str = "vi", station_id: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(ops, lang, station_id, parent)
        self.columns = (
            Column("department", QT_TRANSLATE_NOOP("Columns", "Department")),
            Column("content", QT_TRANSLATE_NOOP("Columns", "Proposed training")),
            Column("expected_time", QT_TRANSLATE_NOOP("Columns", "Expected time")),
            Column("format", QT_TRANSLATE_NOOP("Columns", "Format"),
                   getter=lambda r: label("plan_training_format", r.format, lang)),
            Column("audience", QT_TRANSLATE_NOOP("Columns", "Audience")),
            Column("head_count", QT_TRANSLATE_NOOP("Columns", "Planned head count"), numeric=True),
            Column("sessions_held", QT_TRANSLATE_NOOP("Columns", "Sessions held"), numeric=True),
            Column("trained", QT_TRANSLATE_NOOP("Columns", "Trained"), numeric=True),
            Column("share", QT_TRANSLATE_NOOP("Columns", "Progress"), fmt=_percent),
        )

    def fetch(self, session: Session) -> list[Any]:
        return training_plan.training_plan(session, self.year)


class DocumentsModel(RecordTableModel):
    areas = frozenset({TRAINING})
    columns = (
        Column("department", QT_TRANSLATE_NOOP("Columns", "Department")),
        Column("doc_number", QT_TRANSLATE_NOOP("Columns", "Number")),
        Column("doc_date", QT_TRANSLATE_NOOP("Columns", "Date"), fmt=fmt_date),
        Column("summary", QT_TRANSLATE_NOOP("Columns", "Summary")),
        Column("forms_guided", QT_TRANSLATE_NOOP("Columns", "Forms guided"), numeric=True),
    )

    def fetch(self, session: Session) -> list[Any]:
        return training_plan.list_documents(session)


def _kind_text(kind: str, lang: str) -> str:
    return label("request_kind", kind, lang) if kind in codes("request_kind") else label("activity_kind", kind, lang)


class RatingsModel(_Period):
    areas = frozenset({REQUESTS})

    def __init__(self, ops: Operations | None, lang: str = "vi", station_id: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(ops, lang, station_id, parent)
        self.columns = (
            Column("station", QT_TRANSLATE_NOOP("Columns", "Station")),
            Column("quarter", QT_TRANSLATE_NOOP("Columns", "Quarter"), numeric=True),
            Column("kind", QT_TRANSLATE_NOOP("Columns", "Support"), getter=lambda g: _kind_text(g.kind, lang)),
            Column("count", QT_TRANSLATE_NOOP("Columns", "Ratings"), numeric=True),
            Column("average", QT_TRANSLATE_NOOP("Columns", "Average (1–5)"), getter=lambda g: round(g.average, 1),
                   numeric=True),
            Column("comments", QT_TRANSLATE_NOOP("Columns", "Comments"), getter=lambda g: "; ".join(g.comments)),
        )

    def fetch(self, session: Session) -> list[Any]:
        return ratings.rating_summary(session, self.year, self.quarter, self.station_id)


class ReceivedModel(RecordTableModel):
    """A station's visits done and sessions held, with the rating it gave."""

    areas = frozenset({REQUESTS})

    def __init__(self, ops: Operations | None, lang: str, station_id: str, parent: QObject | None = None) -> None:
        super().__init__(ops, parent)
        self.station_id = station_id
        self.columns = (
            Column("day", QT_TRANSLATE_NOOP("Columns", "Date"), fmt=fmt_date),
            Column("kind", QT_TRANSLATE_NOOP("Columns", "Support"), getter=lambda r: _kind_text(r.kind, lang)),
            Column("what", QT_TRANSLATE_NOOP("Columns", "Content")),
            Column("rating", QT_TRANSLATE_NOOP("Columns", "Rating"), numeric=True),
            Column("comment", QT_TRANSLATE_NOOP("Columns", "Comment")),
        )

    def fetch(self, session: Session) -> list[Any]:
        return ratings.received(session, self.station_id)


# ----- pickers ---------------------------------------------------------------------------------------
def plan_choices(s: Session, year: int | None = None) -> list[Choice]:
    return [Choice(i, text) for i, text in plan.plan_choices(s, year)]


def department_choices(s: Session) -> list[Choice]:
    return [Choice(i, name) for i, name in training_plan.departments(s)]


def training_session_choices(s: Session, year: int) -> list[Choice]:
    return [Choice(i, text) for i, text in training_plan.session_choices(s, year)]


def open_request_choices(s: Session, station_id: str | None = None) -> list[Choice]:
    """Requests that may go on a consultation's agenda (submitted and still open)."""
    keep = ("submitted", "accepted", "scheduled", "in_progress")
    return [Choice(r.id, f"{r.number or ''} {r.title}".strip()) for r in list_requests(s, station_id=station_id)
            if r.status in keep]
