"""Plan against done: `plan_progress(session, year, quarter=None, station_id=None)`.

The targets come from the plans; what was done is counted from the records themselves, never typed a
second time: rotation visits done, consultation sessions held (the station's own, or open ones with a
case of the station on the agenda), teleconsultation and technique-transfer requests done, training
sessions held (the station's own, or the centre's with the station's staff attending), supervision
visits done. Each is listed record by record (`KindProgress.records`; done is their number, so the window's
list behind it cannot disagree). A kind with no counter in `COUNTERS` has its done count None ("not
recorded"), never a misleading 0. The quarterly report (issue 14) calls this function.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.figures import FigureRecord
from ytcs_desktop.domain.labels import codes
from ytcs_desktop.domain.programme.common import quarter_days
from ytcs_desktop.domain.programme.plan import activity_cost, activity_target, plan_views
from ytcs_desktop.store.models import (
    ConsultationCase,
    ConsultationSession,
    RotationVisit,
    Staff,
    SupervisionVisit,
    SupportRequest,
    TrainingAttendance,
    TrainingSession,
)

# What a station received in [first, last], one record each (the count is their number); None where
# nothing records that kind yet. The window lists the same records behind a "done" figure.
Counter = Callable[[Session, str, dt.date, dt.date], list[FigureRecord] | None]
DONE_REQUESTS = ("done", "rated")


def _rotations(s: Session, station_id: str, first: dt.date, last: dt.date) -> list[FigureRecord]:
    rows = s.execute(select(RotationVisit.date_from, RotationVisit.date_to, RotationVisit.purpose, Staff.full_name)
                     .outerjoin(Staff, Staff.id == RotationVisit.staff_id).where(
        RotationVisit.station_id == station_id, RotationVisit.deleted.is_(False), RotationVisit.status == "done",
        RotationVisit.date_from >= first, RotationVisit.date_from <= last).order_by(RotationVisit.date_from))
    return [FigureRecord(a, station_id, f"{purpose} ({day_text(a)}–{day_text(b)})", who or "")
            for a, b, purpose, who in rows]


def _consultations(s: Session, station_id: str, first: dt.date, last: dt.date) -> list[FigureRecord]:
    with_case = select(ConsultationCase.session_id).where(ConsultationCase.station_id == station_id,
                                                          ConsultationCase.deleted.is_(False))
    rows = s.execute(select(ConsultationSession.day, ConsultationSession.topic, ConsultationSession.experts).where(
        ConsultationSession.deleted.is_(False), ConsultationSession.status == "held",
        ConsultationSession.day >= first, ConsultationSession.day <= last,
        or_(ConsultationSession.station_id == station_id, ConsultationSession.id.in_(with_case)))
        .order_by(ConsultationSession.day))
    return [FigureRecord(day, station_id, topic, experts or "") for day, topic, experts in rows]


def _requests(kind: str) -> Counter:
    def listed(s: Session, station_id: str, first: dt.date, last: dt.date) -> list[FigureRecord]:
        # A request is dated by when it was carried out (scheduled), else by when it was made.
        rows = s.execute(select(SupportRequest.scheduled_to, SupportRequest.scheduled_from, SupportRequest.created_at,
                                SupportRequest.number, SupportRequest.title, SupportRequest.created_by)
                         .where(SupportRequest.station_id == station_id, SupportRequest.kind == kind,
                                SupportRequest.deleted.is_(False), SupportRequest.status.in_(DONE_REQUESTS)))
        dated = [(to or frm or made.date(), number, title, by) for to, frm, made, number, title, by in rows]
        return [FigureRecord(d, station_id, " – ".join(x for x in (number, title) if x), by or "")
                for d, number, title, by in sorted(dated, key=lambda x: x[0]) if first <= d <= last]

    return listed


def _trainings(s: Session, station_id: str, first: dt.date, last: dt.date) -> list[FigureRecord]:
    attended = select(TrainingAttendance.session_id).where(TrainingAttendance.station_id == station_id,
                                                           TrainingAttendance.deleted.is_(False))
    rows = s.execute(select(TrainingSession.date_from, TrainingSession.topic, TrainingSession.organiser).where(
        TrainingSession.deleted.is_(False), TrainingSession.status == "held",
        TrainingSession.date_from >= first, TrainingSession.date_from <= last,
        or_(TrainingSession.station_id == station_id, TrainingSession.id.in_(attended)))
        .order_by(TrainingSession.date_from))
    return [FigureRecord(day, station_id, topic, organiser or "") for day, topic, organiser in rows]


def _supervisions(s: Session, station_id: str, first: dt.date, last: dt.date) -> list[FigureRecord]:
    rows = s.execute(select(SupervisionVisit.visit_date, SupervisionVisit.number, SupervisionVisit.summary,
                            SupervisionVisit.team).where(
        SupervisionVisit.station_id == station_id, SupervisionVisit.deleted.is_(False),
        SupervisionVisit.status == "done", SupervisionVisit.visit_date >= first,
        SupervisionVisit.visit_date <= last).order_by(SupervisionVisit.visit_date))
    return [FigureRecord(day, station_id, " – ".join(x for x in (number, summary) if x), team or "")
            for day, number, summary, team in rows]


def _not_recorded(s: Session, station_id: str, first: dt.date, last: dt.date) -> None:
    return None


COUNTERS: dict[str, Counter] = {
    "rotation": _rotations,
    "consultation": _consultations,
    "teleconsultation": _requests("teleconsultation"),
    "technique_transfer": _requests("technique_transfer"),
    "training": _trainings,
    "supervision": _supervisions,
}


@dataclass(frozen=True)
class KindProgress:
    """One station's activities of one kind in the period: the target (sum of its activities'), what
    the records show done, and the cost estimate of those activities for the year (VND)."""

    station_id: str
    station: str
    year: int
    quarter: int | None
    kind: str
    target: int
    done: int | None  # None: this kind is not recorded in the software yet
    cost: int
    activities: int
    # what `done` counts, one record each (empty when not recorded)
    records: tuple[FigureRecord, ...] = field(default=(), compare=False, repr=False)

    @property
    def share(self) -> float | None:
        """Done over target (1.0 = met); None when there is no target or nothing is recorded."""
        if self.done is None or self.target == 0:
            return None
        return self.done / self.target

    @property
    def met(self) -> bool:
        return self.done is not None and self.done >= self.target


def plan_progress(s: Session, year: int, quarter: int | None = None,
                  station_id: str | None = None) -> list[KindProgress]:
    """Every planned kind of every station's plan of `year` (or one station's), for one quarter or the
    whole year: target against done, ordered by station name, then kind in the labels' order."""
    first, last = quarter_days(year, quarter)
    order = {k: i for i, k in enumerate(codes("activity_kind"))}
    out: list[KindProgress] = []
    for view in plan_views(s, year, station_id):
        sid = view.plan.station_id or ""
        kinds = sorted({a.kind for a in view.activities}, key=lambda k: order.get(k, len(order)))
        for kind in kinds:
            mine = [a for a in view.activities if a.kind == kind]
            done = COUNTERS.get(kind, _not_recorded)(s, sid, first, last)
            out.append(KindProgress(sid, view.station_name, year, quarter, kind,
                                    sum(activity_target(a, quarter) for a in mine), None if done is None else len(done),
                                    sum(activity_cost(a) for a in mine), len(mine), tuple(done or ())))
    return out
