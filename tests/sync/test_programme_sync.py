"""The support programme through a real `ytcs centre serve`: the centre's plan and calendar reach the
station; the station's edit of the plan or of a conclusion is refused by the server with its reason;
the station's rating reaches the centre and the centre cannot rewrite it; a held session stays held."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from tests.sync.conftest import Centre
from tests.sync.helpers import row_state
from ytcs_desktop.domain import support
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.programme import calendar, plan, ratings
from ytcs_desktop.domain.programme.progress import plan_progress
from ytcs_desktop.store.models import ActivityRating, ConsultationCase, ConsultationSession, PlanActivity, SupportPlan

CENTRE = Actor("Phòng Kế hoạch – Nghiệp vụ", "centre")
TODAY = dt.date.today()


def test_plan_reaches_the_station_and_its_edit_is_refused(centre: Centre) -> None:
    (st,) = centre.station("Kế hoạch")
    hub = centre.centre_replica()
    st.sync()
    hub.sync()  # the centre's PC holds the station's profile
    year = TODAY.year
    with hub.db.transaction() as s:
        p = plan.create_plan(s, CENTRE, station_id=str(st.station_id), year=year, objectives="Nâng cao chất lượng khám")
        activity = plan.add_activity(s, CENTRE, p.id, kind="rotation", content="Luân phiên bác sĩ", target_q1=1,
                                     target_q2=2, cost_travel=300_000)
        plan.add_indicator(s, CENTRE, p.id, name="Tỷ lệ kê đơn đúng", measure="Rà soát 30 đơn mỗi quý")
        plan_id, activity_id = p.id, activity.id
    assert hub.sync().rejected == 0
    st.sync()

    with st.db.read() as s:
        [view] = plan.plan_views(s, year, st.station_id)
        assert view.plan.id == plan_id and view.station_name == "Trạm Y tế Kế hoạch"
        assert [(a.kind, a.target_q2, a.cost_travel) for a in view.activities] == [("rotation", 2, 300_000)]
        assert view.indicators[0].measure == "Rà soát 30 đơn mỗi quý"
        assert [(x.kind, x.target) for x in plan_progress(s, year, station_id=st.station_id)] == [("rotation", 3)]

    # The station's PC changes a target behind the window's back: the server refuses it, with its reason.
    with st.db.transaction() as s:
        row = s.get(PlanActivity, activity_id)
        assert row is not None
        row.target_q2 = 0
    report = st.sync()
    assert report.rejected == 1
    state, reason = row_state(st.db, "plan_activities", activity_id)
    assert state == "rejected" and reason and "target_q2" in reason
    with st.db.transaction() as s:
        plan_row = s.get(SupportPlan, plan_id)
        assert plan_row is not None
        plan_row.objectives = "Trạm tự sửa"
    assert st.sync().rejected == 1
    # A centre PC that writes a target below zero behind the window's back is refused too (the domain's rule).
    with hub.db.transaction() as s:
        bad = s.get(PlanActivity, activity_id)
        assert bad is not None
        bad.target_q3 = -3
    assert hub.sync().rejected == 1
    state, reason = row_state(hub.db, "plan_activities", activity_id)
    assert state == "rejected" and reason and "quý 3" in reason
    # The centre still holds its own values.
    hub.sync()
    with hub.db.read() as s:
        assert s.get(PlanActivity, activity_id).target_q2 == 2  # type: ignore[union-attr]
        assert s.get(SupportPlan, plan_id).objectives == "Nâng cao chất lượng khám"  # type: ignore[union-attr]


def test_calendar_reaches_the_station_and_ratings_reach_the_centre(centre: Centre) -> None:
    (st,) = centre.station("Hội chẩn")
    hub = centre.centre_replica()
    station = Actor("Nguyễn Thị Lan", "station", st.station_id)
    with st.db.transaction() as s:
        request = support.create_request(s, station, kind="consultation", title="Trẻ sốt kéo dài")
        support.move(s, station, request.id, "submitted")
        request_id = request.id
    st.sync()
    hub.sync()
    with hub.db.transaction() as s:
        session = calendar.schedule_session(s, CENTRE, day=TODAY, start_time="14:00", mode="online",
                                            link="https://meet.example.vn/hoi-chan", topic="Hội chẩn nhi",
                                            experts="BS. Lê Minh Tâm", station_id=st.station_id)
        case = calendar.add_case(s, CENTRE, session.id, request_id)
        calendar.record_conclusion(s, CENTRE, case.id, "Chuyển tuyến nếu sốt quá 5 ngày")
        calendar.mark_held(s, CENTRE, session.id)
        session_id, case_id = session.id, case.id
    assert hub.sync().rejected == 0
    st.sync()
    with st.db.read() as s:
        [line] = calendar.list_sessions(s, station_id=st.station_id)
        assert line.id == session_id and line.where() == "https://meet.example.vn/hoi-chan"
        assert [c.conclusion for c in line.cases] == ["Chuyển tuyến nếu sốt quá 5 ngày"]

    # The station rates the session; the rating reaches the centre.
    with st.db.transaction() as s:
        rating_id = ratings.rate_activity(s, station, kind="consultation", activity_id=session_id, rating=4,
                                          comment="Kết luận rõ ràng").id
    # A rating outside 1–5 written behind the window's back is refused by the server with the domain's message.
    with st.db.transaction() as s:
        s.add(ActivityRating(station_id=st.station_id, activity_kind="consultation", activity_id=session_id, rating=9,
                             rated_at=dt.datetime.now(dt.UTC), rated_by="x"))
    assert st.sync().rejected == 1
    # A tampered station PC rewrites the conclusion: refused.
    with st.db.transaction() as s:
        row = s.get(ConsultationCase, case_id)
        assert row is not None
        row.conclusion = "Không cần chuyển tuyến"
    assert st.sync().rejected == 1
    assert row_state(st.db, "consultation_cases", case_id)[0] == "rejected"
    assert row_state(st.db, "activity_ratings", rating_id)[0] == "synced"
    hub.sync()
    with hub.db.read() as s:
        [group] = ratings.rating_summary(s, TODAY.year, station_id=st.station_id)
        assert (group.kind, group.count, group.average) == ("consultation", 1, 4)
        assert s.scalar(select(ConsultationCase.conclusion)) == "Chuyển tuyến nếu sốt quá 5 ngày"

    # The centre's PC rewriting the station's rating is refused too.
    with hub.db.transaction() as s:
        mine = s.get(ActivityRating, rating_id)
        assert mine is not None
        mine.rating = 5
    assert hub.sync().rejected == 1

    # A held session does not go back to planned, even from a centre PC (the domain's state machine).
    with hub.db.transaction() as s:
        held = s.get(ConsultationSession, session_id)
        assert held is not None
        held.status = "planned"
    assert hub.sync().rejected == 1
    state, reason = row_state(hub.db, "consultation_sessions", session_id)
    assert state == "rejected" and reason and "planned" in reason
