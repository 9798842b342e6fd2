"""What is due, late and missing, by the centre's schedule and the submissions held.

A period's report is on time when its first submission (not a correction) came by the end of the
deadline day in Việt Nam; late when it came after; missing while none has come and the deadline has
passed. The centre looks back LOOKBACK_DAYS; every figure is read with one query set for all stations.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.reporting.schedule import ReportPeriod, list_kinds, periods_due_between
from ytcs_desktop.store.base import utc_now
from ytcs_desktop.store.models import ReportKind, ReportSubmission, Station

LOOKBACK_DAYS = 91  # a quarter: what the centre's overview counts as late or missing
AHEAD_DAYS = 7  # the station's card names what falls due within a week
VN = dt.timezone(dt.timedelta(hours=7))


def reporting_today() -> dt.date:
    """Today in Việt Nam, where the deadlines are (a demo or a test sets the clock through utc_now)."""
    return utc_now().astimezone(VN).date()


@dataclass(frozen=True)
class DueLine:
    station_id: str
    kind: str
    kind_name: str
    period: ReportPeriod
    state: str  # due | missing | late | on_time
    submitted_at: dt.datetime | None

    def days_overdue(self, today: dt.date) -> int:
        return max(0, (today - self.period.deadline).days) if self.state == "missing" else 0


@dataclass(frozen=True)
class ReportingGlance:
    late: int
    missing: int


Sent = dict[tuple[str, str, dt.date], dt.datetime]


def first_sent(s: Session, station_ids: list[str] | None, since: dt.date) -> Sent:
    """(station, kind, period start) → when its original was sent, for every station in one query."""
    q = select(ReportSubmission.station_id, ReportSubmission.kind, ReportSubmission.period_from,
               ReportSubmission.submitted_at).where(ReportSubmission.corrects_id.is_(None),
                                                    ReportSubmission.deleted.is_(False),
                                                    ReportSubmission.period_to >= since)
    if station_ids is not None:
        q = q.where(ReportSubmission.station_id.in_(station_ids))
    return {(sid or "", kind, start): at for sid, kind, start, at in s.execute(q)}


def state_of(period: ReportPeriod, sent: dt.datetime | None, today: dt.date) -> str:
    if sent is None:
        return "missing" if today > period.deadline else "due"
    return "late" if sent.astimezone(VN).date() > period.deadline else "on_time"


def due_lines(kinds: list[ReportKind], station_ids: list[str], sent: Sent,
           start: dt.date, end: dt.date, today: dt.date) -> list[DueLine]:
    out = []
    for kind in kinds:
        for period in periods_due_between(kind, start, end):
            for sid in station_ids:
                at = sent.get((sid, kind.code, period.date_from))
                out.append(DueLine(sid, kind.code, kind.name, period, state_of(period, at, today), at))
    return out


def station_due(s: Session, station_id: str, today: dt.date | None = None) -> list[DueLine]:
    """The station's card: reports falling due within a week that are not sent yet, then those missing
    over the lookback."""
    today = today or reporting_today()
    start = today - dt.timedelta(days=LOOKBACK_DAYS)
    kinds = list_kinds(s)
    sent = first_sent(s, [station_id], start - dt.timedelta(days=400))
    found = due_lines(kinds, [station_id], sent, start, today + dt.timedelta(days=AHEAD_DAYS), today)
    # what falls due next first, then what is missing, the latest first (the card shows the first lines)
    due = sorted((x for x in found if x.state == "due"), key=lambda x: (x.period.deadline, x.kind))
    missing = sorted((x for x in found if x.state == "missing"), key=lambda x: (x.period.deadline, x.kind),
                     reverse=True)
    return due + missing


def _active_stations(s: Session) -> list[str]:
    return list(s.scalars(select(Station.id).where(Station.deleted.is_(False), Station.status == "active")))


def centre_lines(s: Session, today: dt.date, lookback_days: int = LOOKBACK_DAYS) -> list[DueLine]:
    """Every active station's reports whose deadline fell in the lookback (up to today)."""
    start = today - dt.timedelta(days=lookback_days)
    stations = _active_stations(s)
    sent = first_sent(s, None, start - dt.timedelta(days=400))
    return due_lines(list_kinds(s), stations, sent, start, today, today)


def reporting_glance(s: Session, today: dt.date | None = None,
                     lookback_days: int = LOOKBACK_DAYS) -> dict[str, ReportingGlance]:
    """Per active station: reports sent late and reports missing over the lookback."""
    today = today or reporting_today()
    out: dict[str, ReportingGlance] = {sid: ReportingGlance(0, 0) for sid in _active_stations(s)}
    for line in centre_lines(s, today, lookback_days):
        g = out[line.station_id]
        if line.state == "late":
            out[line.station_id] = ReportingGlance(g.late + 1, g.missing)
        elif line.state == "missing":
            out[line.station_id] = ReportingGlance(g.late, g.missing + 1)
    return out


def overdue(s: Session, today: dt.date | None = None, lookback_days: int = LOOKBACK_DAYS) -> list[DueLine]:
    """What the centre is still waiting for: missing reports, longest overdue first."""
    today = today or reporting_today()
    lines = [x for x in centre_lines(s, today, lookback_days) if x.state == "missing"]
    return sorted(lines, key=lambda x: (x.period.deadline, x.kind, x.station_id))
