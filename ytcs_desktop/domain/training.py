"""Training sessions (đào tạo, tập huấn) and attendance, the source of CME periods.

A centre-run session (station_id NULL) is edited by the centre only; a station-run session by its
station only. Stations record their own staff's attendance, at their sessions or the centre's."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import PermissionDenied, RuleError, ValidationError
from ytcs_desktop.domain.labels import label_in_sentence, parse_code
from ytcs_desktop.domain.stations import as_date, check_own_station, check_range, get_row, optional_date
from ytcs_desktop.domain.validation import positive_quantity, required_text
from ytcs_desktop.messages import PerLanguage, msg, pick
from ytcs_desktop.store.models import Staff, TrainingAttendance, TrainingSession, VillageHealthWorker


def _text(value: str | None, limit: int = 300) -> str | None:
    text = (value or "").strip()
    return text[:limit] or None


def create_session(
    s: Session, actor: Actor, *, organiser: str, topic: str, programme: str, date_from: object, date_to: object,
    periods: object, format: str = "in_person", place: str | None = None, audience: str | None = None,
    trainers: str | None = None,
) -> TrainingSession:
    """A planned session; the actor's side is its organiser (centre → station_id None)."""
    start, end = as_date(date_from, "date_from"), as_date(date_to, "date_to")
    check_range(start, end, "date_to")
    if actor.role == "station":
        if not actor.station_id:
            raise PermissionDenied("station_only", msg("station_only.create_session"))
        station_id, kind = actor.station_id, "station"
    else:
        station_id, kind = None, "centre"
    session = TrainingSession(
        station_id=station_id, organiser_kind=kind,
        organiser=required_text(organiser, "organiser", msg("word.organiser")),
        topic=required_text(topic, "topic", msg("word.topic"), 2000),
        programme=parse_code("programme", programme, "programme"),
        date_from=start, date_to=end, periods=positive_quantity(periods, "periods"),
        format=parse_code("training_format", format, "format"),
        place=_text(place), audience=_text(audience), trainers=_text(trainers), status="planned",
    )
    s.add(session)
    s.flush()
    return session


def _check_organiser(actor: Actor, session: TrainingSession) -> None:
    if session.organiser_kind == "centre" or session.station_id is None:
        if actor.role != "centre":
            raise PermissionDenied(
                "organiser_only",
                msg("organiser_only.check_organiser"),
            )
    elif actor.role != "station" or actor.station_id != session.station_id:
        raise PermissionDenied(
            "organiser_only",
            msg("organiser_only.check_organiser.2"),
        )


def _get_session(s: Session, session_id: str) -> TrainingSession:
    return get_row(s, TrainingSession, session_id, msg("word.training_session"), "session_id")


def _planned(s: Session, actor: Actor, session_id: str, action: PerLanguage) -> TrainingSession:
    session = _get_session(s, session_id)
    _check_organiser(actor, session)
    if session.status != "planned":
        raise RuleError("session_closed", msg("session_closed", action=action,
                                              status=pick(label_in_sentence, "session_status", session.status)))
    return session


def mark_held(s: Session, actor: Actor, session_id: str, *, today: object = None) -> TrainingSession:
    """The session took place: from now on its attendance counts toward CME."""
    session = _planned(s, actor, session_id, msg("word.mark_it_held"))
    day = optional_date(today, "today") or dt.date.today()
    if session.date_from > day:
        raise RuleError("session_in_future", msg("session_in_future", day=pick(day_text, session.date_from)),
                        field="session_id")
    session.status = "held"
    s.flush()
    return session


def cancel_session(s: Session, actor: Actor, session_id: str) -> TrainingSession:
    session = _planned(s, actor, session_id, msg("word.cancel_it"))
    session.status = "cancelled"
    s.flush()
    return session


def record_attendance(
    s: Session, actor: Actor, *, session_id: str, staff_id: str | None = None, person_name: str | None = None,
    result: str | None = None, certificate_no: str | None = None, periods: object = None,
    village_worker_id: str | None = None,
) -> TrainingAttendance:
    """One trainee: a staff member, a village health worker of the station's register, or a free-text
    name — exactly one."""
    session = _get_session(s, session_id)
    if session.status == "cancelled":
        raise RuleError("session_cancelled", msg("session_cancelled.record_attendance"), field="session_id")
    name = (person_name or "").strip() or None
    if village_worker_id:
        worker = _village_worker(s, actor, session, village_worker_id, name or staff_id)
        name = worker.full_name
    elif bool(staff_id) == bool(name):
        raise ValidationError(
            "one_trainee",
            msg("one_trainee.record_attendance"),
            field="staff_id",
        )
    if actor.role == "station":
        if session.station_id is not None:
            check_own_station(actor, session.station_id)
        station_id = actor.station_id
    else:
        if session.station_id is not None:
            raise PermissionDenied("organiser_only", msg("organiser_only"))
        station_id = None
    if staff_id:
        staff = get_row(s, Staff, staff_id, msg("word.staff_member"), "staff_id")
        if actor.role == "station" and staff.station_id != actor.station_id:
            raise PermissionDenied("other_station", msg("other_station.record_attendance"),
                                   field="staff_id")
        station_id = staff.station_id
        if s.scalar(select(TrainingAttendance.id).where(
            TrainingAttendance.session_id == session.id, TrainingAttendance.staff_id == staff.id,
            TrainingAttendance.deleted.is_(False),
        )):
            raise RuleError("duplicate_attendance", msg("duplicate_attendance", full_name=staff.full_name),
                            field="staff_id")
    if village_worker_id:
        station_id = worker.station_id
    credited = None
    if periods is not None and periods != "":
        credited = positive_quantity(periods, "periods")
        if credited > session.periods:
            raise ValidationError(
                "too_many_periods",
                msg("too_many_periods", credited=credited, periods=session.periods),
                field="periods",
            )
    row = TrainingAttendance(
        station_id=station_id, session_id=session.id, staff_id=staff_id or None, person_name=name,
        result=parse_code("attendance_result", result, "result") if result else None,
        certificate_no=_text(certificate_no, 80), periods=credited, village_worker_id=village_worker_id or None,
    )
    s.add(row)
    s.flush()
    return row


def _village_worker(s: Session, actor: Actor, session: TrainingSession, worker_id: str,
                    other: str | None) -> VillageHealthWorker:
    """A worker of the register as a trainee: one of the actor's station (any, for the centre at its own
    session), not on this session's list yet."""
    worker = get_row(s, VillageHealthWorker, worker_id, msg("word.village_health_worker"),
                     "village_worker_id")
    if other or not worker.active:  # a staff member or a typed name as well
        raise ValidationError(
            "one_trainee",
            msg("one_trainee"),
            field="village_worker_id")
    if actor.role == "station" and worker.station_id != actor.station_id:
        raise PermissionDenied("other_station",
                               msg("other_station.village_worker"),
                               field="village_worker_id")
    if actor.role == "centre" and session.station_id is not None:
        raise PermissionDenied("organiser_only", msg("organiser_only"))
    if s.scalar(select(TrainingAttendance.id).where(
        TrainingAttendance.session_id == session.id, TrainingAttendance.village_worker_id == worker.id,
        TrainingAttendance.deleted.is_(False),
    )):
        raise RuleError("duplicate_attendance", msg("duplicate_attendance", full_name=worker.full_name),
                        field="village_worker_id")
    return worker


def list_sessions(
    s: Session, station_id: str | None = None, date_from: object = None, date_to: object = None,
    programme: str | None = None, status: str | None = None,
) -> list[TrainingSession]:
    """Sessions by start date. With a station: that station's own sessions and the centre's."""
    query = select(TrainingSession).where(TrainingSession.deleted.is_(False))
    if station_id:
        query = query.where(or_(TrainingSession.station_id == station_id, TrainingSession.station_id.is_(None)))
    start, end = optional_date(date_from, "date_from"), optional_date(date_to, "date_to")
    if start:
        query = query.where(TrainingSession.date_to >= start)
    if end:
        query = query.where(TrainingSession.date_from <= end)
    if programme:
        query = query.where(TrainingSession.programme == parse_code("programme", programme, "programme"))
    if status:
        query = query.where(TrainingSession.status == parse_code("session_status", status, "status"))
    return list(s.scalars(query.order_by(TrainingSession.date_from, TrainingSession.id)))


def attendance(s: Session, session_id: str) -> list[TrainingAttendance]:
    _get_session(s, session_id)
    query = select(TrainingAttendance).where(TrainingAttendance.session_id == session_id,
                                             TrainingAttendance.deleted.is_(False))
    return list(s.scalars(query.order_by(TrainingAttendance.id)))
