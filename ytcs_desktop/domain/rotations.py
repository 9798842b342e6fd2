"""Rotation visits (lịch luân phiên, Phụ lục III), both ways ("và ngược lại"): a centre staff member's
stay at a station, or a station staff member's stay at a centre department for hands-on training (đào
tạo cầm tay chỉ việc). The centre issues the schedule; the row lives in the station's partition so that
station sees it. A person is never on two overlapping visits, whichever the direction; a visit whose
purpose lies outside the person's scope of practice is saved with a warning."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import RuleError, ValidationError
from ytcs_desktop.domain.labels import label_in_sentence, parse_code
from ytcs_desktop.domain.scope import Notice, scope_notice
from ytcs_desktop.domain.stations import as_date, check_range, get_row, optional_date, require_centre
from ytcs_desktop.domain.validation import required_text
from ytcs_desktop.messages import PerLanguage, msg, pick, plain
from ytcs_desktop.store.models import Department, RotationVisit, Staff, Station, SupportRequest

DIRECTIONS = ("to_station", "to_centre")


def _overlapping(s: Session, staff_id: str, date_from: dt.date, date_to: dt.date,
                 except_id: str | None = None) -> RotationVisit | None:
    query = select(RotationVisit).where(
        RotationVisit.staff_id == staff_id, RotationVisit.deleted.is_(False), RotationVisit.status != "cancelled",
        RotationVisit.date_from <= date_to, RotationVisit.date_to >= date_from,
    )
    if except_id:
        query = query.where(RotationVisit.id != except_id)
    return s.scalars(query.order_by(RotationVisit.date_from)).first()


def _refuse_overlap(s: Session, staff: Staff, clash: RotationVisit) -> RuleError:
    station = s.get(Station, clash.station_id) if clash.station_id else None
    dept = s.get(Department, clash.department_id) if clash.department_id else None
    where: PerLanguage
    if clash.direction == "to_centre":
        where = msg("visit_overlap.department", department=dept.name) if dept else msg("visit_overlap.centre")
    else:
        where = plain(station.name if station else "")
    return RuleError("visit_overlap", msg("visit_overlap", full_name=staff.full_name, where=where,
                                          date_from=pick(day_text, clash.date_from),
                                          date_to=pick(day_text, clash.date_to)), field="date_from")


def _check_request(s: Session, request_id: str | None, station: Station) -> None:
    if not request_id:
        return
    request = get_row(s, SupportRequest, request_id, msg("word.support_request"), "request_id")
    if request.station_id != station.id:
        raise RuleError(
            "request_other_station",
            msg("request_other_station.check_request", number=request.number, name=station.name),
            field="request_id",
        )


def _staff_for(s: Session, staff_id: str, direction: str) -> Staff:
    staff = get_row(s, Staff, staff_id, msg("word.staff_member"), "staff_id")
    if direction == "to_station" and (staff.station_id is not None or not staff.active):
        raise RuleError(
            "not_centre_staff",
            msg("not_centre_staff", full_name=staff.full_name),
            field="staff_id",
        )
    if direction == "to_centre" and (staff.station_id is None or not staff.active):
        raise RuleError(
            "not_station_staff",
            msg("not_station_staff", full_name=staff.full_name),
            field="staff_id",
        )
    return staff


def plan_visit(
    s: Session, actor: Actor, *, staff_id: str, station_id: str | None = None, date_from: object,
    date_to: object, purpose: str, request_id: str | None = None, direction: str = "to_station",
    department_id: str | None = None, scope_area: str | None = None,
) -> RotationVisit:
    """A visit on the schedule. `to_station`: a centre staff member goes to `station_id`. `to_centre`: a
    station staff member comes to the centre department `department_id` (their station is the row's
    partition). `scope_area`: the practice area of the purpose, checked against the person's scope
    (a warning, see `visit_notices`)."""
    require_centre(actor, msg("word.plan_rotation_visits"))
    way = parse_code("visit_direction", direction or "to_station", "direction")
    start, end = as_date(date_from, "date_from"), as_date(date_to, "date_to")
    check_range(start, end, "date_to")
    text = required_text(purpose, "purpose", msg("word.purpose_of_the_visit"), 2000)
    area = parse_code("practice_scope", scope_area, "scope_area") if scope_area else None
    staff = _staff_for(s, staff_id, way)
    if way == "to_station":
        station = get_row(s, Station, station_id, msg("word.station.plan_visit"), "station_id")
        dept_id = department_id or staff.department_id
        if department_id:
            get_row(s, Department, department_id, msg("word.department"), "department_id")
    else:
        if not department_id:
            raise ValidationError("required", msg("required"),
                                  field="department_id")
        dept_id = get_row(s, Department, department_id, msg("word.department"), "department_id").id
        station = get_row(s, Station, staff.station_id, msg("word.station.plan_visit"), "station_id")
        if station_id and station_id != station.id:
            raise RuleError("staff_other_station",
                            msg("staff_other_station", full_name=staff.full_name, name=station.name),
                            field="station_id")
    _check_request(s, request_id, station)
    clash = _overlapping(s, staff.id, start, end)
    if clash is not None:
        raise _refuse_overlap(s, staff, clash)
    visit = RotationVisit(station_id=station.id, staff_id=staff.id, request_id=request_id or None,
                          date_from=start, date_to=end, purpose=text, status="planned", direction=way,
                          department_id=dept_id, scope_area=area)
    s.add(visit)
    s.flush()
    return visit


def scope_preview(s: Session, staff_id: str | None, scope_area: str | None) -> Notice | None:
    """The scope warning a planner sees while choosing the person and the area, before saving."""
    staff = s.get(Staff, staff_id) if staff_id else None
    if staff is None or not scope_area:
        return None
    return scope_notice(staff.full_name, staff.scope_of_practice, scope_area)


def visit_notices(s: Session, visit: RotationVisit) -> list[Notice]:
    """Warnings about a visit that was saved anyway: outside the person's scope of practice; a station's
    staff member away at the centre while a centre team is at that station (or the other way round),
    who then misses the visiting team."""
    out: list[Notice] = []
    staff = s.get(Staff, visit.staff_id)
    if staff is not None:
        scope = scope_notice(staff.full_name, staff.scope_of_practice, visit.scope_area)
        if scope is not None:
            out.append(scope)
    other = "to_station" if visit.direction == "to_centre" else "to_centre"
    crossing = s.scalars(select(RotationVisit).where(
        RotationVisit.station_id == visit.station_id, RotationVisit.direction == other,
        RotationVisit.deleted.is_(False), RotationVisit.status != "cancelled",
        RotationVisit.date_from <= visit.date_to, RotationVisit.date_to >= visit.date_from,
    ).order_by(RotationVisit.date_from)).first()
    if crossing is not None:
        away = crossing if visit.direction == "to_station" else visit
        person = s.get(Staff, away.staff_id)
        name = person.full_name if person else ""
        out.append(Notice(
            "crossing_visits",
            msg("domain.rotations",
                name=name, date_from=pick(day_text, away.date_from), date_to=pick(day_text, away.date_to))))
    return out


def notices_for(s: Session, visit_id: str | None) -> list[Notice]:
    """The warnings about one visit (none for an unknown id)."""
    visit = s.get(RotationVisit, visit_id) if visit_id else None
    return visit_notices(s, visit) if visit is not None else []


def _planned(s: Session, actor: Actor, visit_id: str, action: PerLanguage) -> RotationVisit:
    require_centre(actor, action)
    visit = get_row(s, RotationVisit, visit_id, msg("word.rotation_visit"), "visit_id")
    if visit.status != "planned":
        raise RuleError("visit_closed", msg("visit_closed", action=action,
                                            status=pick(label_in_sentence, "visit_status", visit.status)))
    return visit


def record_visit_outcome(
    s: Session, actor: Actor, visit_id: str, *, patients_seen: int, techniques: str | None = None,
    notes: str | None = None, today: object = None,
) -> RotationVisit:
    """What was done on the visit: patients seen, techniques transferred; the visit becomes done."""
    visit = _planned(s, actor, visit_id, msg("word.record_the_outcome"))
    day = optional_date(today, "today") or dt.date.today()
    if visit.date_from > day:
        raise RuleError(
            "visit_not_started",
            msg("visit_not_started", date_from=pick(day_text, visit.date_from)),
            field="visit_id",
        )
    try:
        seen = int(str(patients_seen)) if not isinstance(patients_seen, bool) else -1
    except ValueError:
        seen = -1
    if seen < 0:
        raise ValidationError(
            "bad_count",
            msg("bad_count", patients_seen=patients_seen),
            field="patients_seen",
        )
    visit.patients_seen = seen
    visit.techniques = (techniques or "").strip() or None
    visit.notes = (notes or "").strip() or None
    visit.status = "done"
    s.flush()
    return visit


def cancel_visit(s: Session, actor: Actor, visit_id: str, *, reason: str | None = None) -> RotationVisit:
    visit = _planned(s, actor, visit_id, msg("word.cancel_it"))
    visit.status = "cancelled"
    if reason and reason.strip():
        visit.notes = reason.strip()
    s.flush()
    return visit


def list_visits(s: Session, station_id: str | None = None, date_from: object = None,
                date_to: object = None, include_cancelled: bool = True,
                direction: str | None = None) -> list[RotationVisit]:
    """Visits overlapping [date_from, date_to], by start date."""
    query = select(RotationVisit).where(RotationVisit.deleted.is_(False))
    if station_id:
        query = query.where(RotationVisit.station_id == station_id)
    if direction:
        query = query.where(RotationVisit.direction == parse_code("visit_direction", direction, "direction"))
    start, end = optional_date(date_from, "date_from"), optional_date(date_to, "date_to")
    if start:
        query = query.where(RotationVisit.date_to >= start)
    if end:
        query = query.where(RotationVisit.date_from <= end)
    if not include_cancelled:
        query = query.where(RotationVisit.status != "cancelled")
    return list(s.scalars(query.order_by(RotationVisit.date_from, RotationVisit.id)))


@dataclass
class VisitView:
    """One visit as the schedule shows it: names resolved, its warnings and its case count."""

    visit: RotationVisit
    staff: str
    title: str
    station: str
    department: str
    cases: int = 0
    notices: list[Notice] = field(default_factory=list)

    @property
    def days(self) -> int:
        return (self.visit.date_to - self.visit.date_from).days + 1

    @property
    def sync_state(self) -> str:
        return self.visit.sync_state

    @property
    def sync_reason(self) -> str | None:
        return self.visit.sync_reason


def visit_views(s: Session, station_id: str | None = None, date_from: object = None, date_to: object = None,
                direction: str | None = None) -> list[VisitView]:
    """The schedule both ways with names, warnings and the size of each visit's case list."""
    from ytcs_desktop.domain.visit_cases import case_counts

    visits = list_visits(s, station_id, date_from, date_to, direction=direction)
    people = {p.id: p for p in s.scalars(select(Staff))}
    stations = {x.id: x.name for x in s.scalars(select(Station))}
    depts = {d.id: d.name for d in s.scalars(select(Department))}
    counts = case_counts(s, [v.id for v in visits])
    out = []
    for v in visits:
        person = people.get(v.staff_id)
        out.append(VisitView(v, person.full_name if person else "", person.title if person else "",
                             stations.get(v.station_id or "", ""), depts.get(v.department_id or "", ""),
                             counts.get(v.id, 0), visit_notices(s, v)))
    return out


@dataclass(frozen=True)
class RotationTotals:
    """Per station and direction: visits done and person-days, for the quarterly report."""

    station_id: str
    direction: str
    visits: int
    days: int
    patients_seen: int


def rotation_totals(s: Session, date_from: object, date_to: object,
                    station_id: str | None = None) -> list[RotationTotals]:
    """Visits done that ended within [date_from, date_to], both directions, with their days (each visit
    counted whole in the period it ended in)."""
    start, end = as_date(date_from, "date_from"), as_date(date_to, "date_to")
    query = select(RotationVisit).where(RotationVisit.deleted.is_(False), RotationVisit.status == "done",
                                        RotationVisit.date_to >= start, RotationVisit.date_to <= end)
    if station_id:
        query = query.where(RotationVisit.station_id == station_id)
    sums: dict[tuple[str, str], list[int]] = {}
    for v in s.scalars(query):
        acc = sums.setdefault((v.station_id or "", v.direction), [0, 0, 0])
        acc[0] += 1
        acc[1] += (v.date_to - v.date_from).days + 1
        acc[2] += v.patients_seen or 0
    return [RotationTotals(sid, way, *acc) for (sid, way), acc in sorted(sums.items())]


def department_choices(s: Session) -> list[tuple[str, str]]:
    """(id, name) of the centre's departments, for the planner's picker."""
    query = select(Department.id, Department.name).where(Department.deleted.is_(False)).order_by(Department.name)
    return [(i, n) for i, n in s.execute(query)]


def staff_choices(s: Session, direction: str) -> list[tuple[str, str, str]]:
    """(id, name, where) of the people who may go: the centre's staff to a station, a station's staff to
    the centre (with their station's name)."""
    way = parse_code("visit_direction", direction, "direction")
    query = select(Staff).where(Staff.deleted.is_(False), Staff.active.is_(True))
    query = query.where(Staff.station_id.is_(None) if way == "to_station" else Staff.station_id.is_not(None))
    names = {x.id: x.name for x in s.scalars(select(Station))}
    depts = {d.id: d.name for d in s.scalars(select(Department))}
    return [(p.id, p.full_name, names.get(p.station_id, "") if p.station_id else depts.get(p.department_id or "", ""))
            for p in s.scalars(query.order_by(Staff.full_name))]
