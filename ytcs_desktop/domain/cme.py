"""Continuing medical education (đào tạo liên tục): 120 periods (tiết) per 5 years for every
practitioner (Thông tư 32/2023/TT-BYT), counted from training attendance.

A period counts when the session was held, the trainee did not miss or fail it, and the session
ended inside the 5-year window that ends on the day asked about.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.labels import person_sort_key
from ytcs_desktop.store.models import Staff, TrainingAttendance, TrainingSession

REQUIRED_PERIODS = 120
WINDOW_YEARS = 5
# Attendance results that earn periods; a missing result counts (attendance lists often omit it).
COUNTING_RESULTS = (None, "attended", "passed")


@dataclass(frozen=True)
class CmeProgress:
    staff_id: str
    name: str
    title: str
    periods_in_window: int
    required: int
    window_from: dt.date
    window_to: dt.date
    shortfall: int

    @property
    def met(self) -> bool:
        return self.shortfall == 0


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


def cme_window(as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The 5 years ending on `as_of`, both ends included (5 × 365/366 days, never one more)."""
    return _years_before(as_of, WINDOW_YEARS) + dt.timedelta(days=1), as_of


def credited_periods(s: Session, staff_ids: list[str], window_from: dt.date, window_to: dt.date) -> dict[str, int]:
    """Periods per staff member from held sessions that ended inside the window."""
    if not staff_ids:
        return {}
    credit = func.coalesce(TrainingAttendance.periods, TrainingSession.periods)
    result_counts = TrainingAttendance.result.is_(None) | TrainingAttendance.result.in_(
        [r for r in COUNTING_RESULTS if r is not None]
    )
    query = (
        select(TrainingAttendance.staff_id, func.sum(credit))
        .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
        .where(
            TrainingAttendance.staff_id.in_(staff_ids),
            TrainingAttendance.deleted.is_(False),
            TrainingSession.deleted.is_(False),
            TrainingSession.status == "held",
            TrainingSession.date_to >= window_from,
            TrainingSession.date_to <= window_to,
            result_counts,
        )
        .group_by(TrainingAttendance.staff_id)
    )
    return {staff_id: int(total or 0) for staff_id, total in s.execute(query) if staff_id}


def cme_progress(s: Session, station_id: str | None, as_of: dt.date,
                 include_inactive: bool = False) -> list[CmeProgress]:
    """Progress of every active staff member of a station (None: the centre's own staff), by given name."""
    window_from, window_to = cme_window(as_of)
    query = select(Staff).where(Staff.deleted.is_(False))
    query = query.where(Staff.station_id.is_(None) if station_id is None else Staff.station_id == station_id)
    if not include_inactive:
        query = query.where(Staff.active.is_(True))
    people = sorted(s.scalars(query.order_by(Staff.id)), key=lambda p: person_sort_key(p.full_name))
    totals = credited_periods(s, [p.id for p in people], window_from, window_to)
    return [
        CmeProgress(
            staff_id=p.id, name=p.full_name, title=p.title, periods_in_window=totals.get(p.id, 0),
            required=REQUIRED_PERIODS, window_from=window_from, window_to=window_to,
            shortfall=max(0, REQUIRED_PERIODS - totals.get(p.id, 0)),
        )
        for p in people
    ]
