"""The registers: support requests (sổ hỗ trợ chuyên môn), rotation schedule (Phụ lục III), training
(Phụ lục II) with each person's CME progress."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ytcs_desktop.domain import cme
from ytcs_desktop.domain.reportdata.common import (
    Header,
    Period,
    Stations,
    header,
    label,
    only,
    short_station_name,
    station_ids,
    station_names,
)
from ytcs_desktop.store.models import (
    Department,
    RotationVisit,
    Staff,
    Station,
    SupportRequest,
    TrainingAttendance,
    TrainingSession,
)

VN = dt.timedelta(hours=7)  # stations keep Vietnam time; timestamps are stored in UTC


def _utc_bounds(period: Period) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(period.date_from, dt.time.min, dt.UTC) - VN
    end = dt.datetime.combine(period.date_to + dt.timedelta(days=1), dt.time.min, dt.UTC) - VN
    return start, end


@dataclass
class SupportRow:
    date: dt.date
    number: str
    kind: str
    content: str
    icd10: str
    supporting_unit: str
    format: str
    conclusion: str
    status: str
    station: str = ""  # the station's name (printed in the "Trạm" column at the centre)


@dataclass
class SupportRegister:
    header: Header
    period: Period
    rows: list[SupportRow]
    by_status: dict[str, int]

    @property
    def by_station(self) -> bool:
        """Printed at the centre: the register lists several stations' rows, each with its station."""
        return self.header.issuer == "centre"


def support_register(s: Session, station_id: Stations, date_from: dt.date, date_to: dt.date) -> SupportRegister:
    """Requests made in the period, of one station, several (at the centre) or every one (None)."""
    period = Period(date_from, date_to)
    start, end = _utc_bounds(period)
    q = (select(SupportRequest, Department.name)
         .outerjoin(Department, Department.id == SupportRequest.assigned_department_id)
         .where(SupportRequest.created_at >= start, SupportRequest.created_at < end, SupportRequest.deleted.is_(False))
         .order_by(SupportRequest.created_at, SupportRequest.number))
    q = only(q, SupportRequest.station_id, station_id)
    names = station_names(s)
    rows = []
    for r, dept in s.execute(q):
        content = r.title + (f" – {r.description}" if r.description else "")
        conclusion = r.outcome or (f"Từ chối: {r.reject_reason}" if r.reject_reason else "")
        rows.append(SupportRow((r.created_at + VN).date(), r.number or "", label("request_kind", r.kind), content,
                               r.icd10 or "", dept or "", label("format", r.support_format) if r.support_format else "",
                               conclusion, label("request_status", r.status), names.get(r.station_id or "", "")))
    by_status: dict[str, int] = {}
    for row in rows:
        by_status[row.status] = by_status.get(row.status, 0) + 1
    head = header(s, station_id, "SỔ THEO DÕI HỖ TRỢ CHUYÊN MÔN", date=date_to, subtitle=period.line())
    return SupportRegister(head, period, rows, by_status)


@dataclass
class RotationRow:
    staff: str
    title: str
    department: str
    station: str
    date_from: dt.date
    date_to: dt.date
    purpose: str
    status: str
    direction: str = ""  # "Trung tâm về trạm" / "Trạm lên Trung tâm"

    @property
    def days(self) -> int:
        return (self.date_to - self.date_from).days + 1


@dataclass
class RotationSchedule:
    header: Header
    period: Period
    rows: list[RotationRow]
    total_days: int


def rotation_schedule(s: Session, station_id: Stations, date_from: dt.date, date_to: dt.date) -> RotationSchedule:
    period = Period(date_from, date_to)
    # Both ways on one schedule: the centre's department is the visit's own (the one that sends or receives),
    # else the person's.
    q = (select(RotationVisit, Staff, Department.name, Station.name)
         .join(Staff, Staff.id == RotationVisit.staff_id)
         .outerjoin(Department, Department.id == func.coalesce(RotationVisit.department_id, Staff.department_id))
         .outerjoin(Station, Station.id == RotationVisit.station_id)
         .where(RotationVisit.date_from <= date_to, RotationVisit.date_to >= date_from,
                RotationVisit.deleted.is_(False))
         .order_by(RotationVisit.date_from, Staff.full_name))
    q = only(q, RotationVisit.station_id, station_id)
    rows = [RotationRow(st.full_name, label("staff_title", st.title), dept or "", stn or "", v.date_from, v.date_to,
                        v.purpose, label("visit_status", v.status), label("visit_direction", v.direction))
            for v, st, dept, stn in s.execute(q)]
    head = header(s, station_id, "LỊCH LUÂN PHIÊN CÁN BỘ", date=date_to,
                  subtitle=f"(Phụ lục III: Trung tâm về trạm và trạm lên Trung tâm) – "
                           f"{period.line().lower().capitalize()}")
    return RotationSchedule(head, period, rows, sum(r.days for r in rows))


@dataclass
class TrainingRow:
    content: str
    programme: str
    organiser: str
    date_from: dt.date
    date_to: dt.date
    periods: int
    format: str
    audience: str
    trainees: int
    status: str


@dataclass
class TrainingRegister:
    header: Header
    period: Period
    rows: list[TrainingRow]
    total_periods: int
    total_trainees: int
    cme: list[cme.CmeProgress]
    cme_stations: list[str] | None = None  # at the centre: each person's station, beside `cme`


def training_register(s: Session, station_id: Stations, date_from: dt.date, date_to: dt.date) -> TrainingRegister:
    """Sessions overlapping the period that the stations ran or their staff attended, and CME progress
    (at the centre, of every chosen station's staff, each with the station's name)."""
    period = Period(date_from, date_to)
    count = (select(TrainingAttendance.session_id, func.count().label("n"))
             .where(TrainingAttendance.deleted.is_(False)))
    count = only(count, TrainingAttendance.station_id, station_id)
    counts = count.group_by(TrainingAttendance.session_id).subquery()
    q = (select(TrainingSession, func.coalesce(counts.c.n, 0))
         .outerjoin(counts, counts.c.session_id == TrainingSession.id)
         .where(TrainingSession.date_from <= date_to, TrainingSession.date_to >= date_from,
                TrainingSession.deleted.is_(False), TrainingSession.status != "cancelled")
         .order_by(TrainingSession.date_from, TrainingSession.topic))
    ids = station_ids(station_id)
    if ids is not None:
        q = q.where(or_(TrainingSession.station_id.in_(ids), counts.c.n > 0))
    rows = [TrainingRow(t.topic, label("programme", t.programme), t.organiser, t.date_from, t.date_to, t.periods,
                        label("format", t.format), t.audience or "", int(n), label("session_status", t.status))
            for t, n in s.execute(q)]
    head = header(s, station_id, "SỔ THEO DÕI ĐÀO TẠO, TẬP HUẤN", date=date_to,
                  subtitle=f"(Phụ lục II) – {period.line().lower().capitalize()}")
    progress: list[cme.CmeProgress] = []
    at: list[str] | None = None
    if head.issuer == "centre":
        at = []
        chosen = only(select(Station.id, Station.name).where(Station.deleted.is_(False)), Station.id, station_id)
        for sid, name in s.execute(chosen.order_by(Station.code)):
            people = cme.cme_progress(s, sid, date_to)
            progress += people
            at += [short_station_name(name)] * len(people)
    else:
        progress = cme.cme_progress(s, ids[0] if ids else None, date_to)
    return TrainingRegister(head, period, rows, sum(r.periods for r in rows), sum(r.trainees for r in rows), progress,
                            at)
