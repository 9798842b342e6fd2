"""The reporting chain in the domain: the schedule's periods and deadlines, a submission sealed with who
and when, a correction that supersedes, the centre's return and acknowledgement, and the refusals."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.domain.conftest import Refuse, write
from ytcs_desktop.demo.clock import DemoClock, simulated
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import PermissionDenied, RuleError, ValidationError
from ytcs_desktop.domain.reporting import overdue
from ytcs_desktop.domain.reporting.schedule import (
    get_kind,
    latest_ended,
    period_of,
    periods_due_between,
    seed_schedule,
    set_report_kind,
)
from ytcs_desktop.domain.reporting.submissions import list_submissions, review, submit
from ytcs_desktop.store.db import Database

FRIDAY = dt.date(2026, 3, 13)


@pytest.fixture
def scheduled(station_db: Database, centre_actor: Actor) -> Database:
    write(station_db, seed_schedule, centre_actor)
    return station_db


def test_the_plans_schedule_weekly_on_friday_monthly_quarterly_and_annual_before_15_11(scheduled: Database) -> None:
    with scheduled.read() as s:
        weekly, monthly, quarterly, annual = (get_kind(s, k) for k in ("weekly", "monthly", "quarterly", "annual"))
        week = period_of(weekly, dt.date(2026, 3, 10))
        assert (week.date_from, week.date_to, week.deadline) == (dt.date(2026, 3, 7), FRIDAY, FRIDAY)
        assert FRIDAY.isoweekday() == 5
        assert period_of(weekly, FRIDAY) == week
        assert period_of(weekly, dt.date(2026, 3, 14)).date_from == dt.date(2026, 3, 14)
        month = period_of(monthly, dt.date(2026, 2, 10))
        assert (month.date_from, month.date_to, month.deadline) == (dt.date(2026, 2, 1), dt.date(2026, 2, 28),
                                                                   dt.date(2026, 3, 5))
        q3 = period_of(quarterly, dt.date(2026, 8, 1))
        assert (q3.date_from, q3.date_to, q3.deadline) == (dt.date(2026, 7, 1), dt.date(2026, 9, 30),
                                                          dt.date(2026, 10, 10))
        year = period_of(annual, dt.date(2026, 5, 1))
        assert (year.date_from, year.date_to, year.deadline) == (dt.date(2026, 1, 1), dt.date(2026, 10, 31),
                                                                dt.date(2026, 11, 15))
        assert latest_ended(weekly, dt.date(2026, 3, 11)).date_to == dt.date(2026, 3, 6)  # Wednesday
        assert latest_ended(weekly, FRIDAY).date_to == FRIDAY
        assert latest_ended(monthly, dt.date(2026, 3, 11)).date_to == dt.date(2026, 2, 28)
        assert latest_ended(quarterly, dt.date(2026, 3, 11)).date_to == dt.date(2025, 12, 31)
        assert latest_ended(annual, dt.date(2026, 3, 11)).date_to == dt.date(2025, 10, 31)
        fridays = periods_due_between(weekly, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
        assert [p.deadline.day for p in fridays] == [6, 13, 20, 27]
        assert [p.date_from for p in periods_due_between(monthly, dt.date(2026, 1, 1), dt.date(2026, 12, 31))] == [
            dt.date(2025, 12, 1), *(dt.date(2026, m, 1) for m in range(1, 12))]


def test_the_centre_changes_the_schedule_and_a_deadline_that_is_not_a_date_is_refused(
        scheduled: Database, centre_actor: Actor, station_actor: Actor, refuse: Refuse) -> None:
    for deadline, code in (("31/02", "annual"), ("15-11", "annual"), ("ngày rằm", "annual"), ("29/02", "annual"),
                           ("thứ Tám", "weekly"), ("-3", "monthly")):
        period = {"annual": "year", "weekly": "week", "monthly": "month"}[code]
        err = refuse(ValidationError, set_report_kind, centre_actor, code=code, name="Báo cáo", period=period,
                     deadline=deadline)
        assert (err.code, err.field) == ("bad_deadline", "deadline")
        assert f"“{deadline}”" in err.vi
    assert "không phải một ngày" in refuse(ValidationError, set_report_kind, centre_actor, code="annual",
                                           name="Báo cáo năm", period="year", deadline="31/02").vi
    refuse(PermissionDenied, set_report_kind, station_actor, code="weekly", name="Báo cáo tuần", period="week",
           deadline=4)
    write(scheduled, set_report_kind, centre_actor, code="weekly", name="Báo cáo tiến độ tuần", period="week",
          deadline="thứ Năm")
    with scheduled.read() as s:
        assert period_of(get_kind(s, "weekly"), dt.date(2026, 3, 10)).deadline == dt.date(2026, 3, 12)


def test_a_station_submits_its_week_sealed_with_who_and_when_and_a_correction_supersedes_it(
        scheduled: Database, station_actor: Actor, centre_actor: Actor, refuse: Refuse) -> None:
    err = refuse(RuleError, submit, station_actor, kind="weekly", day=FRIDAY, today=dt.date(2026, 3, 12))
    assert (err.code, err.field) == ("period_not_ended", "period")
    assert "07/03/2026–13/03/2026 chưa kết thúc" in err.vi
    first = write(scheduled, submit, station_actor, kind="weekly", day=FRIDAY, today=FRIDAY,
                  difficulties="Thiếu nhân lực trực\n\nTủ lạnh số 1 hay báo lỗi", proposals=["Cử bác sĩ luân phiên"])
    assert (first.submitted_by, first.period_from, first.status) == ("Nguyễn Thị Lan", dt.date(2026, 3, 7), "submitted")
    assert json.loads(first.difficulties) == ["Thiếu nhân lực trực", "Tủ lạnh số 1 hay báo lỗi"]
    assert json.loads(first.figures)["requests_opened"] == 0
    err = refuse(RuleError, submit, station_actor, kind="weekly", day=FRIDAY, today=FRIDAY)
    assert (err.code, err.field) == ("already_submitted", "corrects")
    assert "Gửi bản sửa" in err.vi
    err = refuse(ValidationError, submit, station_actor, kind="weekly", day=FRIDAY, today=FRIDAY, corrects=True)
    assert err.field == "correction_note"
    err = refuse(RuleError, submit, station_actor, kind="weekly", day=dt.date(2026, 3, 6), today=FRIDAY,
                 corrects=True, correction_note="sửa")
    assert err.code == "nothing_to_correct"
    second = write(scheduled, submit, station_actor, kind="weekly", day=FRIDAY, today=FRIDAY, corrects=True,
                   correction_note="Bổ sung khó khăn về vắc xin", difficulties="Thiếu vắc xin BCG")
    assert second.corrects_id == first.id
    with scheduled.read() as s:
        rows = list_submissions(s, scheduled.station_id)
    assert [(r.id, r.superseded, r.status_text()) for r in rows] == [
        (first.id, True, "Đã có bản sửa"), (second.id, False, "Đã gửi")]
    refuse(PermissionDenied, review, station_actor, second.id, "acknowledged")
    err = refuse(ValidationError, review, centre_actor, second.id, "returned", "  ")
    assert err.field == "review_comment"
    write(scheduled, review, centre_actor, second.id, "returned", "Số lượt luân phiên chưa đúng")
    err = refuse(RuleError, review, centre_actor, second.id, "acknowledged")
    assert "Trả lại" in err.vi


def test_what_is_due_at_the_station_and_late_or_missing_at_the_centre(
        scheduled: Database, station_actor: Actor) -> None:
    with scheduled.read() as s:
        due = overdue.station_due(s, scheduled.station_id or "", dt.date(2026, 3, 11))
    assert ("weekly", FRIDAY, "due") in [(d.kind, d.period.deadline, d.state) for d in due]
    with simulated(DemoClock()) as clock:  # sent on Friday afternoon, Việt Nam time
        clock.set(FRIDAY, 16, 30)
        write(scheduled, submit, station_actor, kind="weekly", day=FRIDAY)
    with scheduled.read() as s:
        glance = overdue.reporting_glance(s, dt.date(2026, 3, 21), lookback_days=14)
        lines = overdue.centre_lines(s, dt.date(2026, 3, 21), lookback_days=14)
    # 13/03 on time; 20/03 missing; the February monthly report (due 05/03) fell outside the 14 days
    assert [(x.period.deadline, x.state) for x in lines] == [(FRIDAY, "on_time"), (dt.date(2026, 3, 20), "missing")]
    assert glance[scheduled.station_id or ""] == overdue.ReportingGlance(late=0, missing=1)


def test_the_printed_weekly_report_carries_what_the_station_sent_when_nothing_else_is_typed(
        scheduled: Database, station_actor: Actor) -> None:
    from ytcs_desktop.reports.registry import ReportRequest, get

    write(scheduled, submit, station_actor, kind="weekly", day=FRIDAY, today=FRIDAY,
          difficulties="Thiếu nhân lực trực đêm", proposals="Đề nghị cử bác sĩ luân phiên")
    week = (dt.date(2026, 3, 7), FRIDAY)
    with scheduled.read() as s:
        sent = get("weekly").data(s, ReportRequest(scheduled.station_id, *week))
        typed = get("weekly").data(s, ReportRequest(scheduled.station_id, *week, parties={"difficulties": "Khác"}))
        other = get("weekly").data(s, ReportRequest(scheduled.station_id, dt.date(2026, 3, 14), dt.date(2026, 3, 20)))
    assert (sent.difficulties, sent.proposals) == (["Thiếu nhân lực trực đêm"], ["Đề nghị cử bác sĩ luân phiên"])
    assert (typed.difficulties, typed.proposals) == (["Khác"], [])
    assert (other.difficulties, other.proposals) == ([], [])
