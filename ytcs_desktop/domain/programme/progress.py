"""Plan against done: `plan_progress(session, year, quarter=None, station_id=None)`.

The targets come from the plans; what was done is counted from the records themselves, never typed a
second time: rotation visits done, consultation sessions held (the station's own, or open ones with a
case of the station on the agenda), teleconsultation and technique-transfer requests done, training
sessions held (the station's own, or the centre's with the station's staff attending), supervision
visits done. A kind with no counter in `COUNTERS` has its done count None ("not recorded"), never a
misleading 0. The quarterly report (issue 14) calls this function.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.labels import codes
from ytcs_desktop.domain.programme.common import quarter_days
from ytcs_desktop.domain.programme.plan import activity_cost, activity_target, plan_views
from ytcs_desktop.store.models import (
    ConsultationCase,
    ConsultationSession,
    RotationVisit,
    SupervisionVisit,
    SupportRequest,
    TrainingAttendance,
    TrainingSession,
)

# Counts of what a station received in [first, last]; None where nothing records that kind yet.
Counter = Callable[[Session, str, dt.date, dt.date], int | None]
DONE_REQUESTS = ("done", "rated")


def _rotations(s: Session, station_id: str, first: dt.date, last: dt.date) -> int:
    return int(s.scalar(select(func.count()).select_from(RotationVisit).where(
        RotationVisit.station_id == station_id, RotationVisit.deleted.is_(False), RotationVisit.status == "done",
        RotationVisit.date_from >= first, RotationVisit.date_from <= last)) or 0)


def _consultations(s: Session, station_id: str, first: dt.date, last: dt.date) -> int:
    with_case = select(ConsultationCase.session_id).where(ConsultationCase.station_id == station_id,
                                                          ConsultationCase.deleted.is_(False))
    return int(s.scalar(select(func.count()).select_from(ConsultationSession).where(
        ConsultationSession.deleted.is_(False), ConsultationSession.status == "held",
        ConsultationSession.day >= first, ConsultationSession.day <= last,
        or_(ConsultationSession.station_id == station_id, ConsultationSession.id.in_(with_case)))) or 0)


def _requests(kind: str) -> Counter:
    def count(s: Session, station_id: str, first: dt.date, last: dt.date) -> int:
        # A request is dated by when it was carried out (scheduled), else by when it was made.
        rows = s.execute(select(SupportRequest.scheduled_to, SupportRequest.scheduled_from, SupportRequest.created_at)
                         .where(SupportRequest.station_id == station_id, SupportRequest.kind == kind,
                                SupportRequest.deleted.is_(False), SupportRequest.status.in_(DONE_REQUESTS)))
        days = [to or frm or made.date() for to, frm, made in rows]
        return sum(1 for d in days if first <= d <= last)

    return count


def _trainings(s: Session, station_id: str, first: dt.date, last: dt.date) -> int:
    attended = select(TrainingAttendance.session_id).where(TrainingAttendance.station_id == station_id,
                                                           TrainingAttendance.deleted.is_(False))
    return int(s.scalar(select(func.count()).select_from(TrainingSession).where(
        TrainingSession.deleted.is_(False), TrainingSession.status == "held",
        TrainingSession.date_from >= first, TrainingSession.date_from <= last,
        or_(TrainingSession.station_id == station_id, TrainingSession.id.in_(attended)))) or 0)


def _supervisions(s: Session, station_id: str, first: dt.date, last: dt.date) -> int:
    return int(s.scalar(select(func.count()).select_from(SupervisionVisit).where(
        SupervisionVisit.station_id == station_id, SupervisionVisit.deleted.is_(False),
        SupervisionVisit.status == "done", SupervisionVisit.visit_date >= first,
        SupervisionVisit.visit_date <= last)) or 0)


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
            counter = COUNTERS.get(kind, _not_recorded)
            out.append(KindProgress(sid, view.station_name, year, quarter, kind,
                                    sum(activity_target(a, quarter) for a in mine), counter(s, sid, first, last),
                                    sum(activity_cost(a) for a in mine), len(mine)))
    return out
