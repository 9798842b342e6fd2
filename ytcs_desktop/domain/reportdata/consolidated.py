"""Báo cáo tổng hợp tuần: every station's weekly report of one week, as the centre sends it to the provincial
CDC — per station its figures (as the station submitted them), difficulties and proposals, with the
stations that did not report named."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.reportdata.common import Header, Period, Stations, header, short_station_name, station_ids
from ytcs_desktop.domain.reporting.overdue import VN
from ytcs_desktop.domain.reporting.schedule import ReportPeriod, list_kinds, period_of
from ytcs_desktop.domain.reporting.submissions import FIGURES, list_submissions
from ytcs_desktop.store.models import Station

WEEKLY = "weekly"
COUNTS = tuple(FIGURES)  # the figures summed over the stations that reported


@dataclass
class StationWeek:
    code: str
    name: str
    submitted_at: dt.datetime
    submitted_by: str
    late: bool
    corrected: bool  # the figures are those of a correction
    status: str
    figures: dict[str, Any]
    difficulties: list[str]
    proposals: list[str]


@dataclass
class ConsolidatedWeekly:
    header: Header
    period: Period
    deadline: dt.date
    reported: list[StationWeek]
    missing: list[tuple[str, str]]  # (code, name) of the stations that did not report
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def expected(self) -> int:
        return len(self.reported) + len(self.missing)


def consolidated_weekly(s: Session, stations: Stations, date_from: dt.date, date_to: dt.date) -> ConsolidatedWeekly:
    """The week of the centre's weekly schedule that `date_to` falls in (without a schedule: the dates
    given, due on the last), over the active stations (or those named), dated `date_to`. A station's latest
    submission of the week counts; late when its first came after the deadline."""
    kind = next((k for k in list_kinds(s) if k.code == WEEKLY), None)
    week = period_of(kind, date_to) if kind is not None else ReportPeriod(WEEKLY, date_from, date_to, date_to)
    q = select(Station).where(Station.deleted.is_(False), Station.status == "active")
    ids = station_ids(stations)
    if ids is not None:
        q = q.where(Station.id.in_(ids))
    expected = list(s.scalars(q.order_by(Station.code)))
    rows = [r for r in list_submissions(s, [st.id for st in expected], WEEKLY, week.date_from, week.date_to)
            if r.period_from == week.date_from]
    first = {r.station_id: r.submitted_at for r in rows if r.corrects_id is None}
    latest = {r.station_id: r for r in rows if not r.superseded}
    reported, missing = [], []
    for st in expected:
        row = latest.get(st.id)
        if row is None:
            missing.append((st.code, short_station_name(st.name)))
            continue
        sent = first.get(st.id, row.submitted_at)
        reported.append(StationWeek(st.code, short_station_name(st.name), sent, row.submitted_by,
                                    sent.astimezone(VN).date() > week.deadline, row.corrects_id is not None,
                                    row.status, row.figures, row.difficulties, row.proposals))
    totals = {key: sum(int(x.figures.get(key) or 0) for x in reported) for key in COUNTS}
    head = header(s, stations, "BÁO CÁO TỔNG HỢP TIẾN ĐỘ CÔNG VIỆC TUẦN CỦA CÁC TRẠM Y TẾ", date=date_to,
                  number="…/BC-TTYT", subtitle=Period(week.date_from, week.date_to).line())
    return ConsolidatedWeekly(head, Period(week.date_from, week.date_to), week.deadline, reported, missing, totals)
