"""Báo cáo kết quả hỗ trợ chuyên môn cho trạm y tế (quarterly, mid-year in Q3, year-end in Q4, annual),
from the centre to the Sở Y tế: per station and in total, every figure counted from the records.

What each figure counts (the period is [date_from, date_to], days in Việt Nam):
- requests: support requests made in the period (created then, drafts left out), by kind;
- rotations: visits done whose first day is in the period, each way, with their days (both ends counted);
- consultations: sessions held in the period that are the station's or have one of its cases, and its
  cases on those sessions;
- techniques: the station's techniques by their transfer stage now;
- trainings: held sessions ending in the period that the station organised or its people attended;
  participants and CME periods are its attendance rows that earn periods (domain/cme.py's rule);
- ratings: support requests rated in the period and visits or sessions rated in the period, 1–5;
- stock-outs: items out of stock at the period's end (the overview's rule, as of that day);
- cold-chain breaches: fridge readings of the period out of +2…+8 °C or with the freeze alarm, a
  corrected reading counted by its correction;
- referrals and supervision findings: domain/referrals.py and domain/supervision.py's own counts;
- reports: the station's reports due in the period (the centre's schedule): sent on time, late, missing;
- plan against done: domain/programme/progress.py `plan_progress` for the quarter or the year.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.cme import COUNTING_RESULTS
from ytcs_desktop.domain.coldchain import is_breach
from ytcs_desktop.domain.inventory.stock import is_stock_out, on_hand_by_item
from ytcs_desktop.domain.labels import codes
from ytcs_desktop.domain.programme.progress import KindProgress, plan_progress
from ytcs_desktop.domain.referrals import referral_counts
from ytcs_desktop.domain.reportdata.common import Header, Period, Stations, header, short_station_name, station_ids
from ytcs_desktop.domain.reportdata.programme import period_quarter, period_words
from ytcs_desktop.domain.reportdata.registers import _utc_bounds
from ytcs_desktop.domain.reporting import overdue
from ytcs_desktop.domain.reporting.schedule import list_kinds
from ytcs_desktop.domain.reporting.submissions import list_submissions
from ytcs_desktop.domain.supervision import finding_counts
from ytcs_desktop.domain.techniques import STAGES
from ytcs_desktop.store.models import (
    ActivityRating,
    ConsultationCase,
    ConsultationSession,
    RequestTransition,
    RotationVisit,
    Station,
    StationTechnique,
    SupportRequest,
    TemperatureReading,
    TrainingAttendance,
    TrainingSession,
)

REQUEST_KINDS = tuple(codes("request_kind"))
TECHNIQUE_STAGES = STAGES


@dataclass
class StationFigures:
    station_id: str
    code: str
    name: str
    requests: dict[str, int] = field(default_factory=dict)  # by kind
    rotations_to_station: int = 0
    rotation_days_to_station: int = 0
    rotations_to_centre: int = 0
    rotation_days_to_centre: int = 0
    consultations: int = 0
    consultation_cases: int = 0
    techniques: dict[str, int] = field(default_factory=dict)  # by stage
    trainings: int = 0
    participants: int = 0
    cme_periods: int = 0
    ratings: int = 0
    rating_sum: int = 0
    stock_outs: int = 0
    breaches: int = 0
    referrals: int = 0
    referrals_judged: int = 0
    referrals_unnecessary: int = 0
    findings_opened: int = 0
    findings_closed: int = 0
    reports_on_time: int = 0
    reports_late: int = 0
    reports_missing: int = 0

    @property
    def requests_total(self) -> int:
        return sum(self.requests.values())

    @property
    def rating_average(self) -> float | None:
        return round(self.rating_sum / self.ratings, 1) if self.ratings else None

    @property
    def unnecessary_share(self) -> float | None:
        return self.referrals_unnecessary / self.referrals_judged if self.referrals_judged else None


# The counts summed in the total line (dict fields are summed key by key).
SUMMED = ("rotations_to_station", "rotation_days_to_station", "rotations_to_centre", "rotation_days_to_centre",
          "consultations", "consultation_cases", "trainings", "participants", "cme_periods", "ratings",
          "rating_sum", "stock_outs", "breaches", "referrals", "referrals_judged", "referrals_unnecessary",
          "findings_opened", "findings_closed", "reports_on_time", "reports_late", "reports_missing")


@dataclass
class Said:
    station: str
    report: str  # the report's kind and period
    difficulties: list[str]
    proposals: list[str]


@dataclass
class ProgrammeReport:
    header: Header
    period: Period
    quarter: int | None
    stations: list[StationFigures]
    total: StationFigures
    progress: list[KindProgress]  # plan against done (empty when the period is not a quarter or a year)
    said: list[Said]
    assessment: str = ""
    evaluation: str = ""  # "giữa năm" (Q3) or "tổng kết năm" (Q4, the year)


def _requests(s: Session, f: dict[str, StationFigures], start: dt.datetime, end: dt.datetime) -> None:
    q = select(SupportRequest.station_id, SupportRequest.kind, func.count()).where(
        SupportRequest.deleted.is_(False), SupportRequest.status != "draft", SupportRequest.created_at >= start,
        SupportRequest.created_at < end, SupportRequest.station_id.in_(f)).group_by(
        SupportRequest.station_id, SupportRequest.kind)
    for sid, kind, n in s.execute(q):
        f[str(sid)].requests[kind] = f[str(sid)].requests.get(kind, 0) + int(n)


def _rotations(s: Session, f: dict[str, StationFigures], p: Period) -> None:
    days = func.julianday(RotationVisit.date_to) - func.julianday(RotationVisit.date_from) + 1
    if s.get_bind().dialect.name != "sqlite":
        days = RotationVisit.date_to - RotationVisit.date_from + 1
    q = select(RotationVisit.station_id, RotationVisit.direction, func.count(), func.sum(days)).where(
        RotationVisit.deleted.is_(False), RotationVisit.status == "done", RotationVisit.date_from >= p.date_from,
        RotationVisit.date_from <= p.date_to, RotationVisit.station_id.in_(f)).group_by(
        RotationVisit.station_id, RotationVisit.direction)
    for sid, direction, n, total in s.execute(q):
        if direction == "to_centre":
            f[sid].rotations_to_centre += int(n)
            f[sid].rotation_days_to_centre += int(total or 0)
        else:
            f[sid].rotations_to_station += int(n)
            f[sid].rotation_days_to_station += int(total or 0)


def _consultations(s: Session, f: dict[str, StationFigures], p: Period) -> None:
    held = select(ConsultationSession.id, ConsultationSession.station_id).where(
        ConsultationSession.deleted.is_(False), ConsultationSession.status == "held",
        ConsultationSession.day >= p.date_from, ConsultationSession.day <= p.date_to)
    sessions = {sid: owner for sid, owner in s.execute(held)}
    cases = s.execute(select(ConsultationCase.session_id, ConsultationCase.station_id).where(
        ConsultationCase.deleted.is_(False), ConsultationCase.session_id.in_(sessions)))
    seen: dict[str, set[str]] = defaultdict(set)
    for session_id, owner in sessions.items():
        if owner in f:
            seen[owner].add(session_id)
    for session_id, station in cases:
        if station in f:
            seen[station].add(session_id)
            f[station].consultation_cases += 1
    for station, found in seen.items():
        f[station].consultations = len(found)


def _techniques(s: Session, f: dict[str, StationFigures]) -> None:
    q = select(StationTechnique.station_id, StationTechnique.status, func.count()).where(
        StationTechnique.deleted.is_(False), StationTechnique.station_id.in_(f)).group_by(
        StationTechnique.station_id, StationTechnique.status)
    for sid, stage, n in s.execute(q):
        f[str(sid)].techniques[stage] = int(n)


def _trainings(s: Session, f: dict[str, StationFigures], p: Period) -> None:
    held = (TrainingSession.deleted.is_(False), TrainingSession.status == "held",
            TrainingSession.date_to >= p.date_from, TrainingSession.date_to <= p.date_to)
    earns = TrainingAttendance.result.is_(None) | TrainingAttendance.result.in_(
        [r for r in COUNTING_RESULTS if r is not None])
    credit = func.coalesce(TrainingAttendance.periods, TrainingSession.periods)
    q = (select(TrainingAttendance.station_id, func.count(), func.sum(credit))
         .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
         .where(*held, TrainingAttendance.deleted.is_(False), earns, TrainingAttendance.station_id.in_(f))
         .group_by(TrainingAttendance.station_id))
    for sid, n, periods in s.execute(q):
        f[str(sid)].participants, f[str(sid)].cme_periods = int(n), int(periods or 0)
    attended = (select(TrainingAttendance.station_id, TrainingAttendance.session_id)
                .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
                .where(*held, TrainingAttendance.deleted.is_(False), TrainingAttendance.station_id.in_(f)))
    own = select(TrainingSession.station_id, TrainingSession.id).where(*held, TrainingSession.station_id.in_(f))
    sessions: dict[str, set[str]] = defaultdict(set)
    for sid, session_id in [*s.execute(attended), *s.execute(own)]:
        sessions[sid].add(session_id)
    for sid, found in sessions.items():
        f[sid].trainings = len(found)


def _ratings(s: Session, f: dict[str, StationFigures], start: dt.datetime, end: dt.datetime) -> None:
    rated = (select(SupportRequest.station_id, func.count(), func.sum(SupportRequest.rating))
             .join(RequestTransition, RequestTransition.request_id == SupportRequest.id)
             .where(RequestTransition.to_status == "rated", RequestTransition.at >= start, RequestTransition.at < end,
                    SupportRequest.rating.is_not(None), SupportRequest.deleted.is_(False),
                    SupportRequest.station_id.in_(f))
             .group_by(SupportRequest.station_id))
    activities = (select(ActivityRating.station_id, func.count(), func.sum(ActivityRating.rating))
                  .where(ActivityRating.deleted.is_(False), ActivityRating.rated_at >= start,
                         ActivityRating.rated_at < end, ActivityRating.station_id.in_(f))
                  .group_by(ActivityRating.station_id))
    for sid, n, total in [*s.execute(rated), *s.execute(activities)]:
        f[sid].ratings += int(n)
        f[sid].rating_sum += int(total or 0)


def _breaches(s: Session, f: dict[str, StationFigures], p: Period) -> None:
    rows = s.execute(select(TemperatureReading.id, TemperatureReading.station_id, TemperatureReading.celsius,
                            TemperatureReading.freeze_alarm, TemperatureReading.corrects_id).where(
        TemperatureReading.deleted.is_(False), TemperatureReading.reading_date >= p.date_from,
        TemperatureReading.reading_date <= p.date_to, TemperatureReading.station_id.in_(f))).all()
    corrected = {r.corrects_id for r in rows if r.corrects_id}
    for r in rows:
        if r.id not in corrected and is_breach(r.celsius, bool(r.freeze_alarm)):
            f[r.station_id].breaches += 1


def _reports(s: Session, f: dict[str, StationFigures], p: Period) -> None:
    kinds = list_kinds(s)
    sent = overdue.first_sent(s, list(f), p.date_from - dt.timedelta(days=400))
    for line in overdue.due_lines(kinds, list(f), sent, p.date_from, p.date_to, overdue.reporting_today()):
        fig = f[line.station_id]
        if line.state in ("on_time", "late", "missing"):
            setattr(fig, f"reports_{line.state}", getattr(fig, f"reports_{line.state}") + 1)


def _total(stations: list[StationFigures]) -> StationFigures:
    total = StationFigures("", "", "Tổng cộng")
    for x in stations:
        for key in SUMMED:
            setattr(total, key, getattr(total, key) + getattr(x, key))
        for kind, n in x.requests.items():
            total.requests[kind] = total.requests.get(kind, 0) + n
        for stage, n in x.techniques.items():
            total.techniques[stage] = total.techniques.get(stage, 0) + n
    return total


def _said(s: Session, ids: list[str], p: Period, names: dict[str, str]) -> list[Said]:
    kinds = {k.code: k.name for k in list_kinds(s, include_inactive=True)}
    out = []
    for r in sorted(list_submissions(s, ids, None, p.date_from, p.date_to),
                    key=lambda r: (r.station_code, r.period_from, r.kind)):
        if r.superseded or not (r.difficulties or r.proposals):
            continue
        if r.period_from < p.date_from or r.period_to > p.date_to:
            continue
        report = f"{kinds.get(r.kind, r.kind)} {r.period_from:%d/%m}–{r.period_to:%d/%m/%Y}"
        out.append(Said(names[r.station_id], report, r.difficulties, r.proposals))
    return out


def programme_report(s: Session, stations: Stations, date_from: dt.date, date_to: dt.date,
                     assessment: str = "") -> ProgrammeReport:
    """The support programme's results over [date_from, date_to] for the active stations (or those named)."""
    period = Period(date_from, date_to)
    q = select(Station).where(Station.deleted.is_(False), Station.status == "active")
    ids = station_ids(stations)
    if ids is not None:
        q = q.where(Station.id.in_(ids))
    rows = list(s.scalars(q.order_by(Station.code)))
    f = {st.id: StationFigures(st.id, st.code, short_station_name(st.name)) for st in rows}
    start, end = _utc_bounds(period)
    _requests(s, f, start, end)
    _rotations(s, f, period)
    _consultations(s, f, period)
    _techniques(s, f)
    _trainings(s, f, period)
    _ratings(s, f, start, end)
    _breaches(s, f, period)
    _reports(s, f, period)
    for sid, fig in f.items():
        fig.stock_outs = sum(1 for b in on_hand_by_item(s, sid, as_of=date_to) if is_stock_out(b))
    for r in referral_counts(s, date_from, date_to):
        if r.station_id in f:
            f[r.station_id].referrals, f[r.station_id].referrals_judged = r.referred, r.judged
            f[r.station_id].referrals_unnecessary = r.unnecessary
    for c in finding_counts(s, date_from, date_to):
        if c.station_id in f:
            f[c.station_id].findings_opened, f[c.station_id].findings_closed = c.opened, c.closed
    figures = list(f.values())
    quarter = period_quarter(date_from, date_to)
    whole_year = (date_from, date_to) == (dt.date(date_from.year, 1, 1), dt.date(date_from.year, 12, 31))
    progress = [x for x in plan_progress(s, date_from.year, quarter) if x.station_id in f] \
        if quarter or whole_year else []
    evaluation = "đánh giá giữa năm" if quarter == 3 else "tổng kết năm" if quarter == 4 or whole_year else ""
    words = period_words(date_from.year, quarter) if quarter or whole_year else period.line()
    head = header(s, stations, "BÁO CÁO KẾT QUẢ HỖ TRỢ CHUYÊN MÔN CHO CÁC TRẠM Y TẾ", date=date_to,
                  number="…/BC-TTYT", subtitle=f"{words}" + (f" ({evaluation})" if evaluation else ""))
    return ProgrammeReport(head, period, quarter, figures, _total(figures), progress,
                           _said(s, list(f), period, {st.id: short_station_name(st.name) for st in rows}),
                           assessment.strip(), evaluation)
