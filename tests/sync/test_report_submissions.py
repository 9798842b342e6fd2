"""The reporting chain through a real centre server: the centre's schedule reaches the stations; a station
submits on Friday and the centre sees it; a correction supersedes the first at both ends; the centre
returns a report with a comment; a station that does not submit shows late; the server refuses a
station changing a sent report and the centre rewriting what the station wrote."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select

from tests.sync.conftest import Centre, Replica
from tests.sync.helpers import row_state
from ytcs_desktop.demo.clock import DemoClock, simulated
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.reporting import overdue
from ytcs_desktop.domain.reporting.schedule import seed_schedule
from ytcs_desktop.domain.reporting.submissions import list_submissions, review, submit
from ytcs_desktop.store.models import ReportSubmission

FRIDAY = dt.date(2026, 3, 13)
PLANNER = Actor("Trần Văn Hùng", "centre", None)


def _nurse(st: Replica) -> Actor:
    return Actor("Nguyễn Thị Lan", "station", st.station_id)


def _rows(rep: Replica, station_id: str | None) -> list[tuple[str, bool, str]]:
    with rep.db.read() as s:
        return [(r.id, r.superseded, r.status) for r in list_submissions(s, station_id)]


def test_a_friday_submission_reaches_the_centre_a_correction_supersedes_it_and_a_silent_station_is_late(
        centre: Centre) -> None:
    hq = centre.centre_replica()
    with hq.db.transaction() as s:
        seed_schedule(s, PLANNER)
    assert hq.sync().rejected == 0
    (an_phu,) = centre.station("An Phú")
    (binh_hoa,) = centre.station("Bình Hòa")
    for st in (an_phu, binh_hoa):
        st.sync()
    clock = DemoClock()
    with simulated(clock), an_phu.db.transaction() as s:  # Friday 16:30 in Việt Nam
        clock.set(FRIDAY, 16, 30)
        first = submit(s, _nurse(an_phu), kind="weekly", day=FRIDAY, difficulties="Thiếu nhân lực trực đêm",
                       proposals="Đề nghị cử bác sĩ luân phiên").id
    an_phu.sync()
    hq.sync()
    assert _rows(hq, an_phu.station_id) == [(first, False, "submitted")]
    with hq.db.read() as s:
        (seen,) = list_submissions(s, an_phu.station_id)
        assert (seen.submitted_by, seen.difficulties, seen.period_from) == (
            "Nguyễn Thị Lan", ["Thiếu nhân lực trực đêm"], dt.date(2026, 3, 7))
        assert seen.submitted_at == dt.datetime(2026, 3, 13, 9, 30, tzinfo=dt.UTC)
        # the next Monday: An Phú's week is on time, Bình Hòa's is missing, and named in the overdue list
        monday = dt.date(2026, 3, 16)
        glance = overdue.reporting_glance(s, monday, lookback_days=7)
        # (the session's centre also holds other tests' stations: only these two are looked at)
        late = [(x.station_id, x.kind, x.period.deadline, x.days_overdue(monday))
                for x in overdue.overdue(s, monday, 7) if x.station_id in (an_phu.station_id, binh_hoa.station_id)]
    assert glance[an_phu.station_id or ""] == overdue.ReportingGlance(0, 0)
    assert glance[binh_hoa.station_id or ""] == overdue.ReportingGlance(0, 1)
    assert late == [(binh_hoa.station_id, "weekly", FRIDAY, 3)]

    # Bình Hòa sends on Monday: late, no longer missing, at the centre too
    with simulated(clock), binh_hoa.db.transaction() as s:
        clock.set(dt.date(2026, 3, 16), 9)
        submit(s, _nurse(binh_hoa), kind="weekly", day=FRIDAY)
    binh_hoa.sync()
    hq.sync()
    with hq.db.read() as s:
        assert overdue.reporting_glance(s, dt.date(2026, 3, 16), 7)[binh_hoa.station_id or ""] == \
            overdue.ReportingGlance(late=1, missing=0)

    # a correction supersedes the first at both ends; the centre returns it with a comment
    with simulated(clock), an_phu.db.transaction() as s:
        clock.set(dt.date(2026, 3, 16), 10)
        second = submit(s, _nurse(an_phu), kind="weekly", day=FRIDAY, corrects=True,
                        correction_note="Bổ sung: tủ lạnh hỏng", difficulties="Tủ lạnh số 1 hỏng").id
    an_phu.sync()
    hq.sync()
    assert _rows(hq, an_phu.station_id) == [(first, True, "submitted"), (second, False, "submitted")]
    with hq.db.transaction() as s:
        review(s, PLANNER, second, "returned", "Số lượt luân phiên chưa khớp lịch")
    hq.sync()
    an_phu.sync()
    assert _rows(an_phu, an_phu.station_id) == [(first, True, "submitted"), (second, False, "returned")]
    with an_phu.db.read() as s:
        assert list_submissions(s, an_phu.station_id)[1].review_comment == "Số lượt luân phiên chưa khớp lịch"


def test_the_server_refuses_a_station_changing_a_sent_report_and_the_centre_rewriting_its_text(
        centre: Centre) -> None:
    hq = centre.centre_replica()
    with hq.db.transaction() as s:
        seed_schedule(s, PLANNER)
    hq.sync()
    (st,) = centre.station("Lái Thiêu")
    st.sync()
    with st.db.transaction() as s:
        sent = submit(s, _nurse(st), kind="weekly", day=FRIDAY, today=FRIDAY, difficulties="Thiếu thuốc").id
    st.sync()
    hq.sync()
    with st.db.transaction() as s:  # behind the domain's back: the row itself edited after sending
        row = s.get(ReportSubmission, sent)
        assert row is not None
        row.difficulties = json.dumps(["Không có khó khăn"])
    report = st.sync()
    assert report.rejected == 1
    state, reason = row_state(st.db, "report_submissions", sent)
    assert state == "rejected" and "[sealed]" in (reason or "")
    with hq.db.transaction() as s:
        row = s.get(ReportSubmission, sent)
        assert row is not None
        row.difficulties = json.dumps(["Trung tâm viết lại"])
    assert hq.sync().rejected == 1
    assert "[field_not_owned]" in (row_state(hq.db, "report_submissions", sent)[1] or "")
    with hq.db.transaction() as s:  # the centre's own fields are taken
        review(s, PLANNER, sent, "acknowledged")
    assert hq.sync().rejected == 0
    hq2 = centre.centre_replica("centre-2")
    hq2.sync()
    with hq2.db.read() as s:
        held = s.scalar(select(ReportSubmission).where(ReportSubmission.id == sent))
        assert held is not None
        assert (json.loads(held.difficulties), held.status, held.reviewed_by) == (
            ["Thiếu thuốc"], "acknowledged", "Trần Văn Hùng")
