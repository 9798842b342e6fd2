"""Báo cáo kết quả hỗ trợ chuyên môn cho trạm y tế (quarterly, mid-year in Q3, year-end in Q4, annual),
from the centre to the Sở Y tế: per station and in total, every figure counted from the records.

Every figure is the sum of the records domain/figures/programme.py lists for it (what each one counts is
said there); the window lists the same records, so a figure and its list cannot disagree. Plan against
done: domain/programme/progress.py `plan_progress` for the quarter or the year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import span_text
from ytcs_desktop.domain.figures import Records, figure
from ytcs_desktop.domain.figures.programme import REQUEST_KINDS, programme_records
from ytcs_desktop.domain.programme.progress import KindProgress, plan_progress
from ytcs_desktop.domain.reportdata.common import Header, Period, Stations, header, short_station_name, station_ids
from ytcs_desktop.domain.reportdata.programme import period_quarter, period_words
from ytcs_desktop.domain.reporting.schedule import list_kinds
from ytcs_desktop.domain.reporting.submissions import list_submissions
from ytcs_desktop.domain.techniques import STAGES
from ytcs_desktop.store.models import Station

__all__ = ["REQUEST_KINDS", "TECHNIQUE_STAGES", "ProgrammeReport", "Said", "StationFigures", "figure_value",
           "programme_report"]

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
    records: Records = field(default_factory=dict)  # what each figure counts: (station, figure key) -> records


def figure_value(fig: StationFigures, key: str) -> int:
    """A figure of a station's (or the total's) line by its key in domain/figures/programme.py."""
    if key.startswith("requests:"):
        return fig.requests.get(key.split(":", 1)[1], 0)
    if key.startswith("techniques:"):
        return fig.techniques.get(key.split(":", 1)[1], 0)
    return int(getattr(fig, key))


def _fill(fig: StationFigures, records: Records) -> None:
    """The station's figures from the records each one counts (domain/figures/programme.py)."""
    sid = fig.station_id
    for key in SUMMED:
        setattr(fig, key, figure(records, sid, key))
    for kind in REQUEST_KINDS:
        if (sid, f"requests:{kind}") in records:
            fig.requests[kind] = figure(records, sid, f"requests:{kind}")
    for stage in TECHNIQUE_STAGES:
        if (sid, f"techniques:{stage}") in records:
            fig.techniques[stage] = figure(records, sid, f"techniques:{stage}")


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
        report = f"{kinds.get(r.kind, r.kind)} {span_text(r.period_from, r.period_to)}"
        out.append(Said(names[r.station_id], report, r.difficulties, r.proposals))
    return out


def programme_report(s: Session, stations: Stations, date_from: dt.date, date_to: dt.date,
                     assessment: str = "", lang: str = "vi") -> ProgrammeReport:
    """The support programme's results over [date_from, date_to] for the active stations (or those named);
    `lang` is the language of the records' descriptions (the figures are the same in both)."""
    period = Period(date_from, date_to)
    q = select(Station).where(Station.deleted.is_(False), Station.status == "active")
    ids = station_ids(stations)
    if ids is not None:
        q = q.where(Station.id.in_(ids))
    rows = list(s.scalars(q.order_by(Station.code)))
    f = {st.id: StationFigures(st.id, st.code, short_station_name(st.name)) for st in rows}
    records = programme_records(s, list(f), date_from, date_to, lang)
    for fig in f.values():
        _fill(fig, records)
    figures = list(f.values())
    quarter = period_quarter(date_from, date_to)
    whole_year = (date_from, date_to) == (dt.date(date_from.year, 1, 1), dt.date(date_from.year, 12, 31))
    progress = [x for x in plan_progress(s, date_from.year, quarter) if x.station_id in f] \
        if quarter or whole_year else []
    for p in progress:  # plan against done: what each "done" counts
        if p.done is not None:
            records[(p.station_id, f"plan:{p.kind}")] = list(p.records)
    evaluation = "đánh giá giữa năm" if quarter == 3 else "tổng kết năm" if quarter == 4 or whole_year else ""
    words = period_words(date_from.year, quarter) if quarter or whole_year else period.line()
    head = header(s, stations, "BÁO CÁO KẾT QUẢ HỖ TRỢ CHUYÊN MÔN CHO CÁC TRẠM Y TẾ", date=date_to,
                  number="…/BC-TTYT", subtitle=f"{words}" + (f" ({evaluation})" if evaluation else ""))
    return ProgrammeReport(head, period, quarter, figures, _total(figures), progress,
                           _said(s, list(f), period, {st.id: short_station_name(st.name) for st in rows}),
                           assessment.strip(), evaluation, records)
