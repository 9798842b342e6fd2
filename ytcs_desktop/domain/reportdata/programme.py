"""The support programme's printed forms: the annual support plan with its progress, the consultation
calendar (lịch hội chẩn), the training plan (Phụ lục II) against held, the documents rolled out
(Phụ lục I) and the station's ratings of support. Figures come from domain/programme, the same
functions the window and the CLI use."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ytcs_desktop.domain.programme import calendar, ratings, training_plan
from ytcs_desktop.domain.programme.common import quarter_days
from ytcs_desktop.domain.programme.plan import activity_cost, activity_target, plan_views
from ytcs_desktop.domain.programme.progress import KindProgress, plan_progress
from ytcs_desktop.domain.reportdata.common import Header, Period, Stations, header, label, station_ids

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def period_quarter(date_from: dt.date, date_to: dt.date) -> int | None:
    """The quarter a period is exactly, else None (the whole year of its start)."""
    for q in ROMAN:
        if quarter_days(date_from.year, q) == (date_from, date_to):
            return q
    return None


def period_words(year: int, quarter: int | None) -> str:
    return f"Quý {ROMAN[quarter]} năm {year}" if quarter else f"Năm {year}"


def progress_words(year: int, quarter: int | None) -> str:
    """“quý III năm 2026” or “năm 2026”, inside a sentence."""
    return f"quý {ROMAN[quarter]} năm {year}" if quarter else f"năm {year}"


def _one_or_all(station_id: Stations) -> str | None:
    ids = station_ids(station_id)
    return ids[0] if ids and len(ids) == 1 else None


@dataclass
class ActivityLine:
    kind: str
    content: str
    targets: tuple[int, int, int, int]
    total: int
    cost_travel: int
    cost_per_diem: int
    cost_materials: int
    cost: int


@dataclass
class StationPlan:
    station: str
    objectives: list[str]
    activities: list[ActivityLine]
    indicators: list[tuple[str, str, str]]  # name, how measured, target
    progress: list[KindProgress]
    total_cost: int


@dataclass
class SupportPlanReport:
    header: Header
    year: int
    quarter: int | None
    plans: list[StationPlan]


def support_plan(s: Session, station_id: Stations, date_from: dt.date, date_to: dt.date) -> SupportPlanReport:
    """Each chosen station's plan for the year of `date_from`, with progress for the period (a quarter
    when the period is one, else the year)."""
    year, quarter = date_from.year, period_quarter(date_from, date_to)
    ids = station_ids(station_id)
    plans: list[StationPlan] = []
    for view in plan_views(s, year):
        sid = view.plan.station_id or ""
        if ids is not None and sid not in ids:
            continue
        lines = [ActivityLine(label("activity_kind", a.kind), a.content,
                              (a.target_q1, a.target_q2, a.target_q3, a.target_q4), activity_target(a),
                              a.cost_travel, a.cost_per_diem, a.cost_materials, activity_cost(a))
                 for a in view.activities]
        plans.append(StationPlan(view.station_name, [x for x in view.plan.objectives.splitlines() if x.strip()],
                                 lines, [(i.name, i.measure, i.target or "") for i in view.indicators],
                                 plan_progress(s, year, quarter, sid), view.total_cost))
    head = header(s, station_id, "KẾ HOẠCH HỖ TRỢ CHUYÊN MÔN CHO TRẠM Y TẾ", date=date_to,
                  subtitle=f"{period_words(year, None)} – tiến độ {progress_words(year, quarter)}")
    return SupportPlanReport(head, year, quarter, plans)


@dataclass
class CalendarRow:
    day: dt.date
    time: str
    format: str
    where: str
    topic: str
    experts: str
    station: str
    cases: str
    status: str


@dataclass
class ConsultationCalendar:
    header: Header
    period: Period
    rows: list[CalendarRow]
    cases: int


def consultation_calendar(s: Session, station_id: Stations, date_from: dt.date,
                          date_to: dt.date) -> ConsultationCalendar:
    period = Period(date_from, date_to)
    rows: list[CalendarRow] = []
    cases = 0
    for x in calendar.list_sessions(s, station_id=_one_or_all(station_id), date_from=date_from, date_to=date_to):
        cases += len(x.cases)
        agenda = "\n".join(f"{c.number} {c.title}".strip() + (f": {c.conclusion}" if c.conclusion else "")
                           for c in x.cases)
        rows.append(CalendarRow(x.day, x.start_time, label("support_format", x.mode), x.where(), x.topic,
                                ", ".join(e.strip() for e in x.experts.splitlines() if e.strip()),
                                x.station or "Các trạm", agenda, label("consultation_status", x.status)))
    head = header(s, station_id, "LỊCH HỘI CHẨN", date=date_to, subtitle=period.line())
    return ConsultationCalendar(head, period, rows, cases)


@dataclass
class TrainingPlanAnnex:
    header: Header
    year: int
    rows: list[training_plan.PlanItemProgress]
    planned: int
    trained: int


def training_plan_annex(s: Session, station_id: Stations, date_from: dt.date, date_to: dt.date) -> TrainingPlanAnnex:
    year = date_from.year
    rows = training_plan.training_plan(s, year)
    head = header(s, station_id, "KẾ HOẠCH ĐÀO TẠO, TẬP HUẤN CHO TRẠM Y TẾ", date=date_to,
                  subtitle=f"(Phụ lục II) – năm {year}")
    return TrainingPlanAnnex(head, year, rows, sum(r.head_count for r in rows), sum(r.trained for r in rows))


@dataclass
class DocumentsAnnex:
    header: Header
    period: Period
    rows: list[training_plan.DocumentLine]
    forms: int


def documents_annex(s: Session, station_id: Stations, date_from: dt.date, date_to: dt.date) -> DocumentsAnnex:
    period = Period(date_from, date_to)
    rows = training_plan.list_documents(s, date_from, date_to)
    head = header(s, station_id, "DANH MỤC VĂN BẢN, BIỂU MẪU ĐÃ TRIỂN KHAI", date=date_to,
                  subtitle=f"(Phụ lục I) – {period.line().lower().capitalize()}")
    return DocumentsAnnex(head, period, rows, sum(r.forms_guided for r in rows))


@dataclass
class RatingsReport:
    header: Header
    year: int
    quarter: int | None
    rows: list[ratings.RatingGroup]


def ratings_report(s: Session, station_id: Stations, date_from: dt.date, date_to: dt.date) -> RatingsReport:
    year, quarter = date_from.year, period_quarter(date_from, date_to)
    rows = ratings.rating_summary(s, year, quarter, _one_or_all(station_id))
    ids = station_ids(station_id)
    if ids is not None:
        rows = [r for r in rows if r.station_id in ids]
    head = header(s, station_id, "TỔNG HỢP ĐÁNH GIÁ CỦA TRẠM Y TẾ VỀ HOẠT ĐỘNG HỖ TRỢ", date=date_to,
                  subtitle=period_words(year, quarter))
    return RatingsReport(head, year, quarter, rows)


def kind_label(kind: str) -> str:
    """A rated kind: an activity kind (visit, session) or a request kind."""
    text = label("request_kind", kind)
    return text if text != kind else label("activity_kind", kind)
