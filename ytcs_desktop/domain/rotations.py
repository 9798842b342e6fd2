"""Rotation visits (lịch luân phiên): a centre staff member's stay at a station. Written by the centre;
the row lives in the visited station's partition so that station sees its schedule."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import RuleError, ValidationError
from ytcs_desktop.domain.labels import label
from ytcs_desktop.domain.stations import as_date, check_range, get_row, optional_date, require_centre
from ytcs_desktop.domain.validation import required_text
from ytcs_desktop.store.models import RotationVisit, Staff, Station, SupportRequest


def _overlapping(s: Session, staff_id: str, date_from: dt.date, date_to: dt.date,
                 except_id: str | None = None) -> RotationVisit | None:
    query = select(RotationVisit).where(
        RotationVisit.staff_id == staff_id, RotationVisit.deleted.is_(False), RotationVisit.status != "cancelled",
        RotationVisit.date_from <= date_to, RotationVisit.date_to >= date_from,
    )
    if except_id:
        query = query.where(RotationVisit.id != except_id)
    return s.scalars(query.order_by(RotationVisit.date_from)).first()


def plan_visit(
    s: Session, actor: Actor, *, staff_id: str, station_id: str, date_from: object, date_to: object,
    purpose: str, request_id: str | None = None,
) -> RotationVisit:
    require_centre(actor, "lên lịch luân phiên", "plan rotation visits")
    start, end = as_date(date_from, "date_from"), as_date(date_to, "date_to")
    check_range(start, end, "date_to")
    text = required_text(purpose, "purpose", "mục đích luân phiên", "purpose of the visit", 2000)
    staff = get_row(s, Staff, staff_id, "nhân viên", "staff member", "staff_id")
    if staff.station_id is not None or not staff.active:
        raise RuleError(
            "not_centre_staff",
            f"{staff.full_name} không phải nhân viên đang làm việc của Trung tâm: hãy chọn cán bộ của Trung tâm.",
            f"{staff.full_name} is not an active centre staff member: choose a member of the centre's staff.",
            "staff_id",
        )
    station = get_row(s, Station, station_id, "trạm", "station", "station_id")
    if request_id:
        request = get_row(s, SupportRequest, request_id, "yêu cầu hỗ trợ", "support request", "request_id")
        if request.station_id != station.id:
            raise RuleError(
                "request_other_station",
                f"Yêu cầu {request.number} là của trạm khác, không phải {station.name}.",
                f"Request {request.number} belongs to another station, not {station.name}.",
                "request_id",
            )
    clash = _overlapping(s, staff.id, start, end)
    if clash is not None:
        other = s.get(Station, clash.station_id) if clash.station_id else None
        where = other.name if other else ""
        raise RuleError(
            "visit_overlap",
            f"{staff.full_name} đã có lịch luân phiên {where} từ {clash.date_from:%d/%m/%Y} đến "
            f"{clash.date_to:%d/%m/%Y}, trùng với khoảng ngày này: hãy chọn ngày khác hoặc người khác.",
            f"{staff.full_name} is already on a rotation visit {where} from {clash.date_from} to {clash.date_to}, "
            "which overlaps these dates: choose other dates or another person.",
            "date_from",
        )
    visit = RotationVisit(station_id=station.id, staff_id=staff.id, request_id=request_id or None,
                          date_from=start, date_to=end, purpose=text, status="planned")
    s.add(visit)
    s.flush()
    return visit


def _planned(s: Session, actor: Actor, visit_id: str, vi_action: str, en_action: str) -> RotationVisit:
    require_centre(actor, vi_action, en_action)
    visit = get_row(s, RotationVisit, visit_id, "lịch luân phiên", "rotation visit", "visit_id")
    if visit.status != "planned":
        raise RuleError(
            "visit_closed",
            f"Lịch luân phiên này đã ở trạng thái “{label('visit_status', visit.status)}”, không thể {vi_action}.",
            f"This rotation visit is already {label('visit_status', visit.status, 'en').lower()}: "
            f"cannot {en_action}.",
        )
    return visit


def record_visit_outcome(
    s: Session, actor: Actor, visit_id: str, *, patients_seen: int, techniques: str | None = None,
    notes: str | None = None, today: object = None,
) -> RotationVisit:
    """What was done on the visit: patients seen, techniques transferred; the visit becomes done."""
    visit = _planned(s, actor, visit_id, "ghi kết quả", "record the outcome")
    day = optional_date(today, "today") or dt.date.today()
    if visit.date_from > day:
        raise RuleError(
            "visit_not_started",
            f"Đợt luân phiên bắt đầu ngày {visit.date_from:%d/%m/%Y}, chưa diễn ra: ghi kết quả sau khi đã thực hiện.",
            f"The visit starts on {visit.date_from} and has not happened yet: record the outcome afterwards.",
            "visit_id",
        )
    try:
        seen = int(str(patients_seen)) if not isinstance(patients_seen, bool) else -1
    except ValueError:
        seen = -1
    if seen < 0:
        raise ValidationError(
            "bad_count",
            f"Số người bệnh đã khám “{patients_seen}” không hợp lệ: hãy nhập số nguyên từ 0 trở lên.",
            f"Patients seen “{patients_seen}” is not valid: enter a whole number of 0 or more.",
            "patients_seen",
        )
    visit.patients_seen = seen
    visit.techniques = (techniques or "").strip() or None
    visit.notes = (notes or "").strip() or None
    visit.status = "done"
    s.flush()
    return visit


def cancel_visit(s: Session, actor: Actor, visit_id: str, *, reason: str | None = None) -> RotationVisit:
    visit = _planned(s, actor, visit_id, "hủy", "cancel it")
    visit.status = "cancelled"
    if reason and reason.strip():
        visit.notes = reason.strip()
    s.flush()
    return visit


def list_visits(s: Session, station_id: str | None = None, date_from: object = None,
                date_to: object = None, include_cancelled: bool = True) -> list[RotationVisit]:
    """Visits overlapping [date_from, date_to], by start date."""
    query = select(RotationVisit).where(RotationVisit.deleted.is_(False))
    if station_id:
        query = query.where(RotationVisit.station_id == station_id)
    start, end = optional_date(date_from, "date_from"), optional_date(date_to, "date_to")
    if start:
        query = query.where(RotationVisit.date_to >= start)
    if end:
        query = query.where(RotationVisit.date_from <= end)
    if not include_cancelled:
        query = query.where(RotationVisit.status != "cancelled")
    return list(s.scalars(query.order_by(RotationVisit.date_from, RotationVisit.id)))
