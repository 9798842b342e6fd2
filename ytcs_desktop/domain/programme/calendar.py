"""Lịch hội chẩn: consultation sessions (in person at a place, or online with a meeting link), the
centre's experts, the cases (support requests) on the agenda and a conclusion per case.

A session is written by the centre. With a station it lives in that station's partition (only that
station sees it); without one it is open to every station. Each case lives in its request's station
partition, so a station sees the conclusions on its own cases and no other station's."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.actor import Actor, Role
from ytcs_desktop.domain.errors import RuleError, ValidationError
from ytcs_desktop.domain.labels import parse_code
from ytcs_desktop.domain.programme.common import state_words
from ytcs_desktop.domain.stations import as_date, get_row, optional_date, require_centre
from ytcs_desktop.domain.validation import required_text
from ytcs_desktop.messages import PerLanguage, msg, pick
from ytcs_desktop.store.base import natural_id
from ytcs_desktop.store.models import ConsultationCase, ConsultationSession, Station, SupportRequest

_TIME = re.compile(r"^([01]?\d|2[0-3])[:hH.]([0-5]\d)$")
_LINK = re.compile(r"^https?://\S+$", re.IGNORECASE)
CLOSED_REQUESTS = ("cancelled", "rejected", "draft")
INITIAL_STATUS = "planned"
# A session's status moves once, by the centre; the server checks pushed sessions against this machine.
TRANSITIONS: dict[tuple[str, str], Role] = {("planned", "held"): "centre", ("planned", "cancelled"): "centre"}


def _time(value: str | None) -> str:
    match = _TIME.match((value or "").strip())
    if not match:
        raise ValidationError("bad_time",
                              msg("bad_time", value=value or ''),
                              field="start_time")
    return f"{int(match[1]):02d}:{match[2]}"


def _where(mode: str, place: str | None, link: str | None) -> tuple[str | None, str | None]:
    """In person needs a place; online needs a meeting link (http… or https…)."""
    place_text = (place or "").strip() or None
    link_text = (link or "").strip() or None
    if mode == "in_person" and not place_text:
        raise ValidationError("place_required", msg("place_required"), field="place")
    if mode == "online":
        if not link_text:
            raise ValidationError("link_required", msg("link_required"), field="link")
        if not _LINK.match(link_text):
            raise ValidationError("bad_link",
                                  msg("bad_link", link_text=link_text), field="link")
    return place_text, link_text


def schedule_session(
    s: Session, actor: Actor, *, day: object, start_time: str, mode: str, topic: str, experts: str,
    place: str | None = None, link: str | None = None, station_id: str | None = None, today: object = None,
) -> ConsultationSession:
    """A session on the calendar. A day already past is refused: the calendar says what is coming."""
    require_centre(actor, msg("word.schedule_consultations"))
    when = as_date(day, "day")
    now = optional_date(today, "today") or dt.date.today()
    if when < now:
        raise ValidationError(
            "session_in_past",
            msg("session_in_past", when=pick(day_text, when), now=pick(day_text, now)),
            field="day")
    time_text = _time(start_time)
    how = parse_code("support_format", mode, "mode")
    where, link_text = _where(how, place, link)
    station = (get_row(s, Station, station_id, msg("word.station.schedule_session"), "station_id")
               if station_id else None)
    session = ConsultationSession(
        station_id=station.id if station else None, day=when, start_time=time_text, mode=how, place=where,
        link=link_text, topic=required_text(topic, "topic", msg("word.consultation_topic")),
        experts=required_text(experts, "experts", msg("word.centre_s_experts_taking_part"),
                              2000),
        status="planned")
    s.add(session)
    s.flush()
    return session


def _session(s: Session, session_id: str) -> ConsultationSession:
    return get_row(s, ConsultationSession, session_id, msg("word.consultation_session"), "session_id")


def _planned(s: Session, actor: Actor, session_id: str, action: PerLanguage) -> ConsultationSession:
    require_centre(actor, action)
    session = _session(s, session_id)
    if not any(frm == session.status for frm, _to in TRANSITIONS):
        raise RuleError("session_closed",
                        msg("session_closed.consultation",
                            status=pick(state_words, "consultation_status", session.status), action=action),
                        field="session_id")
    return session


def add_case(s: Session, actor: Actor, session_id: str, request_id: str) -> ConsultationCase:
    """Put a support request on a session's agenda (once)."""
    session = _planned(s, actor, session_id, msg("word.add_a_case"))
    request = get_row(s, SupportRequest, request_id, msg("word.support_request"), "request_id")
    if request.status in CLOSED_REQUESTS:
        raise RuleError("request_not_open",
                        msg("request_not_open", number=request.number or "",
                            status=pick(state_words, "request_status", request.status)),
                        field="request_id")
    if session.station_id is not None and request.station_id != session.station_id:
        raise RuleError("request_other_station",
                        msg("request_other_station"),
                        field="request_id")
    case_id = natural_id("consultation_cases", session.id, request.id)
    old = s.get(ConsultationCase, case_id)
    if old is not None and not old.deleted:
        raise RuleError("case_listed", msg("case_listed", number=request.number or ''), field="request_id")
    if old is not None:
        old.deleted = False
        s.flush()
        return old
    case = ConsultationCase(id=case_id, station_id=request.station_id, session_id=session.id, request_id=request.id)
    s.add(case)
    s.flush()
    return case


def record_conclusion(s: Session, actor: Actor, case_id: str, conclusion: str) -> ConsultationCase:
    require_centre(actor, msg("word.record_a_consultation_s_conclusion"))
    case = get_row(s, ConsultationCase, case_id, msg("word.consultation_case"), "case_id")
    if _session(s, case.session_id).status == "cancelled":
        raise RuleError("session_cancelled", msg("session_cancelled"), field="case_id")
    case.conclusion = required_text(conclusion, "conclusion", msg("word.conclusion"), 4000)
    s.flush()
    return case


def mark_held(s: Session, actor: Actor, session_id: str, *, today: object = None) -> ConsultationSession:
    session = _planned(s, actor, session_id, msg("word.mark_it_held"))
    now = optional_date(today, "today") or dt.date.today()
    if session.day > now:
        raise RuleError("session_not_yet",
                        msg("session_not_yet", day=pick(day_text, session.day)), field="session_id")
    session.status = "held"
    s.flush()
    return session


def cancel(s: Session, actor: Actor, session_id: str, *, reason: str | None = None) -> ConsultationSession:
    session = _planned(s, actor, session_id, msg("word.cancel_it"))
    session.status = "cancelled"
    session.notes = (reason or "").strip() or session.notes
    s.flush()
    return session


# ----- reading ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CaseLine:
    case_id: str
    request_id: str
    number: str
    title: str
    station: str
    conclusion: str


@dataclass(frozen=True)
class SessionLine:
    """One session as the calendar lists it: where or how, who, and its cases."""

    id: str
    day: dt.date
    start_time: str
    mode: str
    place: str | None
    link: str | None
    topic: str
    experts: str
    status: str
    station: str  # "" for a session open to every station
    station_id: str | None
    cases: tuple[CaseLine, ...]

    def where(self) -> str:
        return (self.link if self.mode == "online" else self.place) or ""


def list_sessions(s: Session, *, station_id: str | None = None, date_from: object = None, date_to: object = None,
                  include_cancelled: bool = True) -> list[SessionLine]:
    """The calendar by day and time. With a station: its own sessions, the open ones and those with one of
    its cases."""
    q = select(ConsultationSession).where(ConsultationSession.deleted.is_(False))
    start, end = optional_date(date_from, "date_from"), optional_date(date_to, "date_to")
    if start:
        q = q.where(ConsultationSession.day >= start)
    if end:
        q = q.where(ConsultationSession.day <= end)
    if not include_cancelled:
        q = q.where(ConsultationSession.status != "cancelled")
    if station_id:
        with_case = select(ConsultationCase.session_id).where(ConsultationCase.station_id == station_id,
                                                              ConsultationCase.deleted.is_(False))
        q = q.where(or_(ConsultationSession.station_id == station_id, ConsultationSession.station_id.is_(None),
                        ConsultationSession.id.in_(with_case)))
    sessions = list(s.scalars(q.order_by(ConsultationSession.day, ConsultationSession.start_time,
                                         ConsultationSession.id)))
    names = {st.id: st.name for st in s.scalars(select(Station))}
    cases_q = select(ConsultationCase, SupportRequest).join(
        SupportRequest, SupportRequest.id == ConsultationCase.request_id).where(
        ConsultationCase.deleted.is_(False), ConsultationCase.session_id.in_([x.id for x in sessions]))
    if station_id:
        cases_q = cases_q.where(ConsultationCase.station_id == station_id)
    by_session: dict[str, list[CaseLine]] = {}
    for case, request in s.execute(cases_q.order_by(ConsultationCase.id)):
        by_session.setdefault(case.session_id, []).append(CaseLine(
            case.id, request.id, request.number or "", request.title, names.get(request.station_id or "", ""),
            case.conclusion or ""))
    return [SessionLine(x.id, x.day, x.start_time, x.mode, x.place, x.link, x.topic, x.experts, x.status,
                        names.get(x.station_id or "", ""), x.station_id, tuple(by_session.get(x.id, ())))
            for x in sessions]


def upcoming(s: Session, station_id: str, today: dt.date | None = None, days: int = 30) -> list[SessionLine]:
    """The station's sessions still to come in the next `days` days (its overview shows them)."""
    now = today or dt.date.today()
    return [x for x in list_sessions(s, station_id=station_id, date_from=now, date_to=now + dt.timedelta(days=days),
                                     include_cancelled=False) if x.status == "planned"]
