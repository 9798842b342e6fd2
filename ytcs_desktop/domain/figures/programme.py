"""The records behind each figure of the support programme's report (domain/reportdata/support_programme.py
reads its figures from here, and the window lists the same records).

What each figure counts (the period is [date_from, date_to], days in Việt Nam):
- requests:<kind>: support requests made in the period (created then, drafts left out);
- rotations_*: visits done whose first day is in the period, each way; rotation_days_* the same visits,
  each adding its days (both ends counted);
- consultations: sessions held in the period that are the station's or have one of its cases;
  consultation_cases: its cases on those sessions;
- techniques:<stage>: the station's techniques at that transfer stage now;
- trainings: held sessions ending in the period that the station organised or its people attended;
  participants: its attendance rows of those sessions that earn periods (domain/cme.py's rule);
  cme_periods: the same rows, each adding its periods;
- ratings: support requests rated in the period and activities rated in the period (rating_sum: their
  scores);
- stock_outs: items out of stock at the period's end (the overview's rule, as of that day);
- breaches: fridge readings of the period out of +2…+8 °C or with the freeze alarm, a corrected reading
  counted by its correction;
- referrals, referrals_judged, referrals_unnecessary: domain/referrals.py's rules;
- findings_opened, findings_closed: domain/supervision.py's rules;
- reports_on_time, reports_late, reports_missing: the station's reports due in the period (the centre's
  schedule);
- plan:<activity kind>: what plan_progress counts as done against the plan (domain/programme/progress.py;
  the report adds these from its plan against done).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.cme import COUNTING_RESULTS
from ytcs_desktop.domain.coldchain import is_breach
from ytcs_desktop.domain.figures import FigureRecord, Records, add, joined, local_day
from ytcs_desktop.domain.inventory.stock import is_stock_out, on_hand_by_station
from ytcs_desktop.domain.labels import codes, label
from ytcs_desktop.domain.referrals import counted_referrals, is_judged, is_unnecessary
from ytcs_desktop.domain.reportdata.common import Period
from ytcs_desktop.domain.reportdata.registers import _utc_bounds
from ytcs_desktop.domain.reporting import overdue
from ytcs_desktop.domain.reporting.schedule import list_kinds
from ytcs_desktop.domain.supervision import period_findings
from ytcs_desktop.domain.techniques import STAGES
from ytcs_desktop.messages import Message, msg, pick
from ytcs_desktop.store.models import (
    ActivityRating,
    ConsultationCase,
    ConsultationSession,
    Fridge,
    RequestTransition,
    RotationVisit,
    Staff,
    StationTechnique,
    SupportRequest,
    TemperatureReading,
    TrainingAttendance,
    TrainingSession,
)

REQUEST_KINDS = tuple(codes("request_kind"))

# The figures of the report, in its order: key -> its title. Requests by kind and techniques by
# stage come first and in the middle (`figure_keys`).
FIGURES: dict[str, Message] = {
    "rotations_to_station": msg("figure.rotations_to_station"),
    "rotation_days_to_station": msg("figure.rotation_days_to_station"),
    "rotations_to_centre": msg("figure.rotations_to_centre"),
    "rotation_days_to_centre": msg("figure.rotation_days_to_centre"),
    "consultations": msg("figure.consultations"),
    "consultation_cases": msg("figure.consultation_cases"),
    "trainings": msg("figure.trainings"),
    "participants": msg("figure.participants"),
    "cme_periods": msg("figure.cme_periods"),
    "ratings": msg("figure.ratings"),
    "rating_sum": msg("figure.rating_sum"),
    "referrals": msg("figure.referrals"),
    "referrals_judged": msg("figure.referrals_judged"),
    "referrals_unnecessary": msg("figure.referrals_unnecessary"),
    "findings_opened": msg("figure.findings_opened"),
    "findings_closed": msg("figure.findings_closed"),
    "stock_outs": msg("figure.stock_outs"),
    "breaches": msg("figure.breaches"),
    "reports_on_time": msg("figure.reports_on_time"),
    "reports_late": msg("figure.reports_late"),
    "reports_missing": msg("figure.reports_missing"),
}
STAGE_WORDS = {"planned": "kế hoạch", "trained": "đã đào tạo", "supervised": "làm có giám sát",
               "independent": "tự thực hiện"}


def figure_keys() -> list[str]:
    """Every figure of the report in its order: requests by kind, the activity figures, techniques by stage."""
    keys = list(FIGURES)
    at = keys.index("trainings")
    return [*(f"requests:{k}" for k in REQUEST_KINDS), *keys[:at], *(f"techniques:{k}" for k in STAGES), *keys[at:]]


def plan_keys() -> list[str]:
    """The plan against done of each activity kind (the report's section II)."""
    return [f"plan:{k}" for k in codes("activity_kind")]


def _stage_words(stage: str, lang: str = "vi") -> str:
    return label("technique_status", stage, lang) if lang.startswith("en") else STAGE_WORDS.get(stage, stage)


def figure_title(key: str, lang: str = "vi") -> str:
    if key.startswith("plan:"):
        return msg("figure.plan", kind=pick(label, "activity_kind", key.split(":", 1)[1])).text(lang)
    if key.startswith("requests:"):
        return msg("figure.requests", kind=pick(label, "request_kind", key.split(":", 1)[1])).text(lang)
    if key.startswith("techniques:"):
        return msg("figure.techniques", stage=pick(_stage_words, key.split(":", 1)[1])).text(lang)
    title = FIGURES.get(key)
    return title.text(lang) if title else key


def _staff_names(s: Session) -> dict[str, str]:
    return {sid: name for sid, name in s.execute(select(Staff.id, Staff.full_name))}


def _requests(s: Session, out: Records, ids: list[str], start: dt.datetime, end: dt.datetime) -> None:
    q = select(SupportRequest.station_id, SupportRequest.kind, SupportRequest.created_at, SupportRequest.number,
               SupportRequest.title, SupportRequest.created_by).where(
        SupportRequest.deleted.is_(False), SupportRequest.status != "draft", SupportRequest.created_at >= start,
        SupportRequest.created_at < end, SupportRequest.station_id.in_(ids))
    for sid, kind, at, number, title, by in s.execute(q):
        add(out, f"requests:{kind}", FigureRecord(local_day(at), sid or "", joined(number, title), by or ""))


def _rotations(s: Session, out: Records, ids: list[str], date_from: dt.date, date_to: dt.date,
               names: dict[str, str]) -> None:
    q = select(RotationVisit.station_id, RotationVisit.direction, RotationVisit.date_from, RotationVisit.date_to,
               RotationVisit.purpose, RotationVisit.staff_id).where(
        RotationVisit.deleted.is_(False), RotationVisit.status == "done", RotationVisit.date_from >= date_from,
        RotationVisit.date_from <= date_to, RotationVisit.station_id.in_(ids))
    for sid, direction, start, end, purpose, staff in s.execute(q):
        way = "centre" if direction == "to_centre" else "station"
        days = (end - start).days + 1
        what = f"{purpose} ({day_text(start)}–{day_text(end)})"
        who = names.get(staff, "")
        add(out, f"rotations_to_{way}", FigureRecord(start, sid or "", what, who))
        add(out, f"rotation_days_to_{way}", FigureRecord(start, sid or "", what, who, days))


def _consultations(s: Session, out: Records, ids: list[str], date_from: dt.date, date_to: dt.date) -> None:
    held = {r.id: r for r in s.execute(select(
        ConsultationSession.id, ConsultationSession.station_id, ConsultationSession.day, ConsultationSession.topic,
        ConsultationSession.experts).where(
        ConsultationSession.deleted.is_(False), ConsultationSession.status == "held",
        ConsultationSession.day >= date_from, ConsultationSession.day <= date_to))}
    wanted = set(ids)
    cases = s.execute(select(ConsultationCase.session_id, ConsultationCase.station_id, SupportRequest.number,
                             SupportRequest.title)
                      .outerjoin(SupportRequest, SupportRequest.id == ConsultationCase.request_id)
                      .where(ConsultationCase.deleted.is_(False), ConsultationCase.session_id.in_(held)))
    seen: dict[str, set[str]] = defaultdict(set)
    for session_id, row in held.items():
        if row.station_id in wanted:
            seen[row.station_id].add(session_id)
    for session_id, station, number, title in cases:
        if station in wanted:
            seen[station].add(session_id)
            row = held[session_id]
            add(out, "consultation_cases", FigureRecord(row.day, station, joined(number, title), row.experts or ""))
    for station, found in seen.items():
        for session_id in sorted(found):
            row = held[session_id]
            add(out, "consultations", FigureRecord(row.day, station, row.topic, row.experts or ""))


def _techniques(s: Session, out: Records, ids: list[str]) -> None:
    q = select(StationTechnique.station_id, StationTechnique.status, StationTechnique.name,
               StationTechnique.specialty, StationTechnique.target_date).where(
        StationTechnique.deleted.is_(False), StationTechnique.station_id.in_(ids))
    for sid, stage, name, specialty, target in s.execute(q):
        add(out, f"techniques:{stage}", FigureRecord(target, sid or "", joined(name, specialty)))


def _trainings(s: Session, out: Records, ids: list[str], date_from: dt.date, date_to: dt.date,
               names: dict[str, str]) -> None:
    held = (TrainingSession.deleted.is_(False), TrainingSession.status == "held",
            TrainingSession.date_to >= date_from, TrainingSession.date_to <= date_to)
    earning = {r for r in COUNTING_RESULTS if r is not None}  # and no result yet: domain/cme.py's rule
    rows = s.execute(
        select(TrainingAttendance.station_id, TrainingAttendance.session_id, TrainingAttendance.result,
               TrainingAttendance.periods, TrainingAttendance.staff_id, TrainingAttendance.person_name,
               TrainingSession.periods, TrainingSession.date_to, TrainingSession.topic)
        .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
        .where(*held, TrainingAttendance.deleted.is_(False), TrainingAttendance.station_id.in_(ids)))
    sessions: dict[str, set[str]] = defaultdict(set)
    for sid, session_id, result, periods, staff, person, session_periods, day, topic in rows:
        sessions[sid or ""].add(session_id)
        if result is None or result in earning:
            who = names.get(staff or "", "") or person or ""
            credit = periods if periods is not None else session_periods
            add(out, "participants", FigureRecord(day, sid or "", topic, who))
            add(out, "cme_periods", FigureRecord(day, sid or "", topic, who, int(credit or 0)))
    own = s.execute(select(TrainingSession.station_id, TrainingSession.id).where(
        *held, TrainingSession.station_id.in_(ids)))
    for sid, session_id in own:
        sessions[sid or ""].add(session_id)
    found = {r.id: r for r in s.execute(select(
        TrainingSession.id, TrainingSession.date_to, TrainingSession.topic, TrainingSession.organiser).where(
        TrainingSession.id.in_({x for xs in sessions.values() for x in xs})))}
    for sid, session_ids in sessions.items():
        for session_id in sorted(session_ids):
            row = found[session_id]
            add(out, "trainings", FigureRecord(row.date_to, sid, row.topic, row.organiser or ""))


def _ratings(s: Session, out: Records, ids: list[str], start: dt.datetime, end: dt.datetime, lang: str) -> None:
    rated = s.execute(
        select(SupportRequest.station_id, SupportRequest.number, SupportRequest.title, SupportRequest.rating,
               RequestTransition.at, RequestTransition.actor)
        .join(RequestTransition, RequestTransition.request_id == SupportRequest.id)
        .where(RequestTransition.to_status == "rated", RequestTransition.at >= start, RequestTransition.at < end,
               SupportRequest.rating.is_not(None), SupportRequest.deleted.is_(False),
               SupportRequest.station_id.in_(ids)))
    for sid, number, title, rating, at, actor in rated:
        what = f"{joined(number, title)}: {rating}/5"
        add(out, "ratings", FigureRecord(local_day(at), sid or "", what, actor or ""))
        add(out, "rating_sum", FigureRecord(local_day(at), sid or "", what, actor or "", int(rating or 0)))
    activities = s.execute(
        select(ActivityRating.station_id, ActivityRating.activity_kind, ActivityRating.rating,
               ActivityRating.comment, ActivityRating.rated_at, ActivityRating.rated_by)
        .where(ActivityRating.deleted.is_(False), ActivityRating.rated_at >= start, ActivityRating.rated_at < end,
               ActivityRating.station_id.in_(ids)))
    for sid, kind, rating, comment, at, by in activities:
        what = f"{joined(label('activity_kind', kind, lang), comment)}: {rating}/5"
        add(out, "ratings", FigureRecord(local_day(at), sid or "", what, by or ""))
        add(out, "rating_sum", FigureRecord(local_day(at), sid or "", what, by or "", int(rating)))


def _breaches(s: Session, out: Records, ids: list[str], date_from: dt.date, date_to: dt.date, lang: str) -> None:
    rows = s.execute(select(TemperatureReading.id, TemperatureReading.station_id, TemperatureReading.celsius,
                            TemperatureReading.freeze_alarm, TemperatureReading.corrects_id,
                            TemperatureReading.reading_date, TemperatureReading.slot, TemperatureReading.recorded_by,
                            Fridge.name)
                     .outerjoin(Fridge, Fridge.id == TemperatureReading.fridge_id).where(
        TemperatureReading.deleted.is_(False), TemperatureReading.reading_date >= date_from,
        TemperatureReading.reading_date <= date_to, TemperatureReading.station_id.in_(ids))).all()
    corrected = {r.corrects_id for r in rows if r.corrects_id}
    alarm = msg("word.freeze_alarm").text(lang)
    for r in rows:
        if r.id not in corrected and is_breach(r.celsius, bool(r.freeze_alarm)):
            what = joined(r.name, label("slot", r.slot, lang), f"{r.celsius:g} °C", alarm if r.freeze_alarm else None)
            add(out, "breaches", FigureRecord(r.reading_date, r.station_id, what, r.recorded_by or ""))


def _reports(s: Session, out: Records, ids: list[str], date_from: dt.date, date_to: dt.date, lang: str) -> None:
    kinds = list_kinds(s)
    sent = overdue.first_sent(s, ids, date_from - dt.timedelta(days=400))
    for line in overdue.due_lines(kinds, ids, sent, date_from, date_to, overdue.reporting_today()):
        if line.state in ("on_time", "late", "missing"):
            p = line.period
            what = f"{line.kind_name} {day_text(p.date_from, lang)}–{day_text(p.date_to, lang)}"
            add(out, f"reports_{line.state}", FigureRecord(p.deadline, line.station_id, what))


def _stock_outs(s: Session, out: Records, ids: list[str], date_to: dt.date) -> None:
    for sid, items in on_hand_by_station(s, ids, as_of=date_to).items():
        for b in items:
            if is_stock_out(b):
                add(out, "stock_outs", FigureRecord(date_to, sid, joined(b.code, b.name)))


def _referrals(s: Session, out: Records, ids: list[str], date_from: dt.date, date_to: dt.date) -> None:
    wanted = set(ids)
    for r in counted_referrals(s, date_from, date_to):
        if r.station_id not in wanted:
            continue
        record = FigureRecord(r.referred_on, r.station_id or "", joined(r.number, r.destination), r.referred_by or "")
        add(out, "referrals", record)
        if is_judged(r):
            add(out, "referrals_judged", record)
        if is_unnecessary(r):
            add(out, "referrals_unnecessary", record)


def _findings(s: Session, out: Records, ids: list[str], date_from: dt.date, date_to: dt.date, lang: str) -> None:
    wanted = set(ids)
    p = period_findings(s, date_from, date_to)
    for f in p.findings:
        if f.station_id not in wanted:
            continue
        what = joined(label("supervision_area", f.area, lang), f.finding)
        if p.opened(f):
            add(out, "findings_opened", FigureRecord(p.visits[f.visit_id].visit_date, f.station_id or "", what,
                                                     f.owner))
        if p.closed(f):
            add(out, "findings_closed", FigureRecord(f.closed_on, f.station_id or "", what, f.closed_by or ""))


def programme_records(s: Session, station_ids: Sequence[str], date_from: dt.date, date_to: dt.date,
                      lang: str = "vi") -> Records:
    """Per (station, figure key) the records the report counts over [date_from, date_to]."""
    ids = list(station_ids)
    out: Records = {}
    if not ids:
        return out
    start, end = _utc_bounds(Period(date_from, date_to))
    names = _staff_names(s)
    _requests(s, out, ids, start, end)
    _rotations(s, out, ids, date_from, date_to, names)
    _consultations(s, out, ids, date_from, date_to)
    _techniques(s, out, ids)
    _trainings(s, out, ids, date_from, date_to, names)
    _ratings(s, out, ids, start, end, lang)
    _breaches(s, out, ids, date_from, date_to, lang)
    _reports(s, out, ids, date_from, date_to, lang)
    _stock_outs(s, out, ids, date_to)
    _referrals(s, out, ids, date_from, date_to)
    _findings(s, out, ids, date_from, date_to, lang)
    return out
