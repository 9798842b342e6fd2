"""Report kinds, their periods and deadlines: data the centre keeps (report_kinds), not code.

A weekly report covers the seven days ending on its weekday and is due that day ("vào thứ Sáu hằng
tuần": Saturday to Friday, due Friday). A monthly or quarterly report covers the calendar month or
quarter and is due a number of days after it. The annual report is due on a day and month ("trước ngày
15/11 hàng năm") and covers the year from 1 January to the end of the month before (01/01–31/10), as a
report sent in November can. A deadline is the last day on time.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import NotFoundError, ValidationError
from ytcs_desktop.domain.stations import require_centre
from ytcs_desktop.domain.validation import required_text
from ytcs_desktop.messages import Message, msg, pick
from ytcs_desktop.store.base import natural_id
from ytcs_desktop.store.models import ReportKind

PERIODS: dict[str, Message] = {
    "week": msg("word.report_period.week"),
    "month": msg("word.report_period.month"),
    "quarter": msg("word.report_period.quarter"),
    "year": msg("word.report_period.year"),
}
WEEKDAYS_VI = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# The plans' reporting chain, written by the centre's set-up (seed_schedule); the centre may change it.
# (code, name, period, due_weekday, due_days, due_date)
DEFAULT_SCHEDULE: tuple[tuple[str, str, str, int | None, int | None, str | None], ...] = (
    ("weekly", "Báo cáo tiến độ tuần", "week", 5, None, None),
    ("monthly", "Báo cáo tháng", "month", None, 5, None),
    ("quarterly", "Báo cáo quý", "quarter", None, 10, None),
    ("annual", "Báo cáo năm", "year", None, None, "15/11"),
)


@dataclass(frozen=True)
class ReportPeriod:
    kind: str
    date_from: dt.date
    date_to: dt.date
    deadline: dt.date


def kind_id_for(code: str) -> str:
    """A kind's id from its code, so two centre PCs setting up the schedule make one row."""
    return natural_id(ReportKind.__tablename__, code)


def list_kinds(s: Session, include_inactive: bool = False) -> list[ReportKind]:
    q = select(ReportKind).where(ReportKind.deleted.is_(False))
    if not include_inactive:
        q = q.where(ReportKind.active.is_(True))
    return list(s.scalars(q.order_by(ReportKind.sort_order, ReportKind.code)))


def get_kind(s: Session, code: str) -> ReportKind:
    kind = s.scalar(select(ReportKind).where(ReportKind.code == code, ReportKind.deleted.is_(False)))
    if kind is None or not kind.active:
        names = ", ".join(k.code for k in list_kinds(s)) or "—"
        raise NotFoundError(
            "unknown_report_kind",
            msg("unknown_report_kind", code=code, names=names),
            field="kind",
        )
    return kind


# ----- deadlines as typed ------------------------------------------------------------------------


def parse_weekday(value: object) -> int:
    """1–7 (ISO, 5 = Friday), or a weekday's name in either language ("thứ Sáu", "Friday")."""
    text = str(value if value is not None else "").strip()
    folded = text.lower()
    names = {n.lower(): i for i, n in enumerate(WEEKDAYS_VI, start=1)}
    names |= {n.lower(): i for i, n in enumerate(WEEKDAYS_EN, start=1)}
    if folded in names:
        return names[folded]
    if folded.isdigit() and 1 <= int(folded) <= 7:
        return int(folded)
    raise ValidationError(
        "bad_deadline",
        msg("bad_deadline", text=text),
        field="deadline",
    )


def parse_due_days(value: object) -> int:
    text = str(value if value is not None else "").strip()
    if text.isdigit() and 0 <= int(text) <= 90:
        return int(text)
    raise ValidationError(
        "bad_deadline",
        msg("bad_deadline.parse_due_days", text=text),
        field="deadline",
    )


def parse_day_month(value: object) -> str:
    """A day and month as "DD/MM" (the annual deadline, "15/11"); a date that does not exist is refused."""
    text = str(value if value is not None else "").strip()
    parts = text.split("/")
    try:
        if len(parts) != 2 or not all(p.strip().isdigit() for p in parts):
            raise ValueError
        day, month = int(parts[0]), int(parts[1])
        dt.date(2024, month, day)  # a leap year: 29/02 is a date, 31/02 is not
        if (day, month) == (29, 2):
            raise ValueError  # not every year has it
    except ValueError:
        raise ValidationError(
            "bad_deadline",
            msg("bad_deadline.parse_day_month", text=text),
            field="deadline",
        ) from None
    return f"{day:02d}/{month:02d}"


def weekday_name(weekday: int, lang: str = "vi") -> str:
    """1–7 (ISO) as the language names the day: “thứ Sáu”, “Friday”."""
    return (WEEKDAYS_EN if lang.startswith("en") else WEEKDAYS_VI)[weekday - 1]


def deadline_text(kind: ReportKind, lang: str = "vi") -> str:
    if kind.period == "week" and kind.due_weekday:
        return msg("deadline.weekly", day=pick(weekday_name, kind.due_weekday)).text(lang)
    if kind.period == "month":
        return msg("deadline.after_month", n=kind.due_days or 0).text(lang)
    if kind.period == "quarter":
        return msg("deadline.after_quarter", n=kind.due_days or 0).text(lang)
    if kind.period == "year" and kind.due_date:
        return msg("deadline.yearly", date=kind.due_date).text(lang)
    return ""


# ----- periods ------------------------------------------------------------------------------------


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def period_of(kind: ReportKind, day: dt.date) -> ReportPeriod:
    """The period of this kind that `day` falls in (for the annual report: the reporting year of the
    day's year)."""
    if kind.period == "week":
        end = day + dt.timedelta(days=((kind.due_weekday or 5) - day.isoweekday()) % 7)
        return ReportPeriod(kind.code, end - dt.timedelta(days=6), end, end)
    if kind.period == "month":
        end = _month_end(day.year, day.month)
        return ReportPeriod(kind.code, day.replace(day=1), end, end + dt.timedelta(days=kind.due_days or 0))
    if kind.period == "quarter":
        first = 3 * ((day.month - 1) // 3) + 1
        end = _month_end(day.year, first + 2)
        return ReportPeriod(kind.code, dt.date(day.year, first, 1), end, end + dt.timedelta(days=kind.due_days or 0))
    d, m = (int(x) for x in (kind.due_date or "31/12").split("/"))
    deadline = dt.date(day.year, m, d)
    if m == 1:  # due in January: the whole year before
        return ReportPeriod(kind.code, dt.date(day.year - 1, 1, 1), dt.date(day.year - 1, 12, 31), deadline)
    return ReportPeriod(kind.code, dt.date(day.year, 1, 1), _month_end(day.year, m - 1), deadline)


def latest_ended(kind: ReportKind, today: dt.date) -> ReportPeriod:
    """The last period of this kind that has ended by `today` (what a report can be sent for now)."""
    p = period_of(kind, today)
    while p.date_to > today:
        p = period_of(kind, p.date_from - dt.timedelta(days=1) if kind.period != "year"
                      else dt.date(p.deadline.year - 1, 6, 30))
    return p


def next_period(kind: ReportKind, p: ReportPeriod) -> ReportPeriod:
    if kind.period == "year":
        return period_of(kind, dt.date(p.deadline.year + 1, 6, 30))
    return period_of(kind, p.date_to + dt.timedelta(days=1))


def periods_due_between(kind: ReportKind, start: dt.date, end: dt.date) -> list[ReportPeriod]:
    """The periods of this kind whose deadline falls in [start, end], oldest first."""
    out: list[ReportPeriod] = []
    p = period_of(kind, start - dt.timedelta(days=400))  # a deadline comes at most a year after its period
    while p.deadline <= end:
        if p.deadline >= start:
            out.append(p)
        p = next_period(kind, p)
    return out


# ----- the centre keeps the schedule ---------------------------------------------------------------


def _clean(period: object, deadline: object) -> dict[str, Any]:
    code = str(period or "").strip().lower()
    if code not in PERIODS:
        raise ValidationError(
            "bad_period", msg("bad_period.clean", period=period), field="period")
    out: dict[str, Any] = {"period": code, "due_weekday": None, "due_days": None, "due_date": None}
    if code == "week":
        out["due_weekday"] = parse_weekday(deadline)
    elif code in ("month", "quarter"):
        out["due_days"] = parse_due_days(deadline)
    else:
        out["due_date"] = parse_day_month(deadline)
    return out


def set_report_kind(s: Session, actor: Actor, *, code: str, name: str, period: object, deadline: object,
                    sort_order: int | None = None, active: bool = True) -> ReportKind:
    """Add or change one kind of the schedule (the centre only). `deadline` is read for the period:
    a weekday (week), days after the period (month, quarter), "DD/MM" (year)."""
    require_centre(actor, msg("word.set_the_reporting_schedule"))
    code = required_text(code, "code", msg("word.report_kind_code"), 32).lower()
    name = required_text(name, "name", msg("word.report_name"))
    fields = _clean(period, deadline)
    kind = s.get(ReportKind, kind_id_for(code))
    if kind is None:
        kind = ReportKind(id=kind_id_for(code), station_id=None, code=code, name=name, active=active,
                          sort_order=sort_order if sort_order is not None else 10 * (len(list_kinds(s, True)) + 1),
                          **fields)
        s.add(kind)
    else:  # only what differs is written: the same schedule again queues nothing
        changes: dict[str, Any] = {"name": name, "active": active, "deleted": False, **fields}
        if sort_order is not None:
            changes["sort_order"] = sort_order
        for key, value in changes.items():
            if getattr(kind, key) != value:
                setattr(kind, key, value)
    s.flush()
    return kind


def seed_schedule(s: Session, actor: Actor) -> list[ReportKind]:
    """The centre's set-up: the plans' schedule, for the kinds the centre does not have yet."""
    made = []
    for order, (code, name, period, weekday, days, date) in enumerate(DEFAULT_SCHEDULE, start=1):
        if s.get(ReportKind, kind_id_for(code)) is None:
            deadline = weekday if period == "week" else days if period in ("month", "quarter") else date
            made.append(set_report_kind(s, actor, code=code, name=name, period=period, deadline=deadline,
                                        sort_order=10 * order))
    return made
