"""The centre's support programme: the plan and its progress computed from the records, the
consultation calendar, the station's ratings, the training plan (Phụ lục II) and Phụ lục I."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.domain.conftest import Refuse, write
from ytcs_desktop.domain import rotations, stations, support, training
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import PermissionDenied, RuleError, ValidationError
from ytcs_desktop.domain.programme import calendar, plan, ratings, training_plan
from ytcs_desktop.domain.programme.common import quarter_days
from ytcs_desktop.domain.programme.progress import plan_progress
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Department, Station, SupervisionVisit

YEAR = 2026
TODAY = dt.date(2026, 5, 4)


@pytest.fixture
def plan_id(station_db: Database, centre_actor: Actor) -> str:
    def make(s):  # type: ignore[no-untyped-def]
        p = plan.create_plan(s, centre_actor, station_id=str(station_db.station_id), year=YEAR,
                             objectives="Nâng cao năng lực khám chữa bệnh ban đầu")
        plan.add_activity(s, centre_actor, p.id, kind="rotation", content="Luân phiên bác sĩ về trạm",
                          target_q1=1, target_q2=2, target_q3=2, target_q4=1, cost_travel="1.200.000",
                          cost_per_diem=800_000)
        plan.add_activity(s, centre_actor, p.id, kind="hội chẩn", content="Hội chẩn ca bệnh khó",
                          target_q2=1, target_q3=1)
        plan.add_activity(s, centre_actor, p.id, kind="training", content="Tập huấn tiêm an toàn", target_q2=1,
                          cost_materials=500_000)
        plan.add_activity(s, centre_actor, p.id, kind="supervision", content="Giám sát kiểm soát nhiễm khuẩn",
                          target_q2=1)
        plan.add_indicator(s, centre_actor, p.id, name="Tỷ lệ tiêm an toàn",
                           measure="Quan sát 10 mũi tiêm mỗi quý theo bảng kiểm", target="≥ 90%")
        return p.id

    return str(write(station_db, make))


@pytest.fixture
def doctor(station_db: Database, centre_actor: Actor) -> str:
    return str(write(station_db, lambda s: stations.add_staff(s, centre_actor, full_name="BS. Huỳnh Văn Bảy",
                                                              title="doctor").id))


def done_request(db: Database, station: Actor, centre: Actor, kind: str, on: str, doctor: str) -> str:
    def make(s):  # type: ignore[no-untyped-def]
        r = support.create_request(s, station, kind=kind, title=f"Yêu cầu {kind}")
        support.move(s, station, r.id, "submitted")
        support.move(s, centre, r.id, "accepted")
        support.move(s, centre, r.id, "scheduled", scheduled_from=on, scheduled_to=on, assigned_staff_id=doctor)
        support.move(s, centre, r.id, "in_progress")
        support.move(s, centre, r.id, "done", outcome="Đã hướng dẫn")
        return r.id

    return str(write(db, make))


def submitted_request(db: Database, station: Actor, title: str = "Ca tăng huyết áp khó kiểm soát") -> str:
    def make(s):  # type: ignore[no-untyped-def]
        r = support.create_request(s, station, kind="consultation", title=title)
        support.move(s, station, r.id, "submitted")
        return r.id

    return str(write(db, make))


# ----- the plan -----------------------------------------------------------------------------------
def test_plan_holds_activities_targets_costs_and_indicators(station_db: Database, plan_id: str) -> None:
    with station_db.read() as s:
        views = plan.plan_views(s, YEAR)
        assert len(views) == 1
        view = views[0]
        assert view.plan.id == plan.plan_id_for(str(station_db.station_id), YEAR)
        assert view.station_name == "Trạm Y tế phường An Phú"
        rotation = next(a for a in view.activities if a.kind == "rotation")
        assert plan.activity_target(rotation) == 6 and plan.activity_target(rotation, 2) == 2
        assert plan.activity_cost(rotation) == 2_000_000
        assert view.total_cost == 2_500_000
        assert {a.kind for a in view.activities} == {"rotation", "consultation", "training", "supervision"}
        assert view.indicators[0].measure.startswith("Quan sát") and view.indicators[0].target == "≥ 90%"
        assert plan.plan_views(s, YEAR + 1) == []


def test_one_plan_per_station_and_year(station_db: Database, centre_actor: Actor, plan_id: str,
                                       refuse: Refuse) -> None:
    err = refuse(RuleError, plan.create_plan, centre_actor, station_id=station_db.station_id, year=YEAR,
                 objectives="Lần hai")
    assert err.field == "year" and "An Phú" in err.vi and str(YEAR) in err.vi


def test_only_the_centre_writes_the_plan(station_db: Database, station_actor: Actor, plan_id: str,
                                         refuse: Refuse) -> None:
    refuse(PermissionDenied, plan.create_plan, station_actor, station_id=station_db.station_id, year=2027,
           objectives="Trạm tự lập")
    refuse(PermissionDenied, plan.add_activity, station_actor, plan_id, kind="rotation", content="x", target_q1=1)


@pytest.mark.parametrize(("field", "value"), [("target_q2", -1), ("target_q4", "hai"), ("cost_travel", "-50000"),
                                              ("cost_materials", "1,5")])
def test_a_target_or_cost_below_zero_is_refused_naming_the_field(centre_actor: Actor, plan_id: str, refuse: Refuse,
                                                                 field: str, value: object) -> None:
    err = refuse(ValidationError, plan.add_activity, centre_actor, plan_id, kind="rotation",
                 content="Luân phiên", **{field: value})
    assert err.field == field and str(value) in err.vi and "từ 0 trở lên" in err.vi


def test_activity_needs_a_known_kind_and_content(centre_actor: Actor, plan_id: str, refuse: Refuse) -> None:
    assert refuse(ValidationError, plan.add_activity, centre_actor, plan_id, kind="picnic",
                  content="x").field == "kind"
    assert refuse(ValidationError, plan.add_activity, centre_actor, plan_id, kind="rotation",
                  content=" ").field == "content"
    assert refuse(ValidationError, plan.add_indicator, centre_actor, plan_id, name="Tỷ lệ",
                  measure="").field == "measure"


def test_update_and_remove_an_activity(station_db: Database, centre_actor: Actor, plan_id: str,
                                       refuse: Refuse) -> None:
    with station_db.read() as s:
        first = plan.plan_views(s, YEAR)[0].activities[0]
    write(station_db, lambda s: plan.update_activity(s, centre_actor, first.id, target_q1=5))
    refuse(ValidationError, plan.update_activity, centre_actor, first.id, target_q3=-2)
    with station_db.read() as s:
        assert plan.plan_views(s, YEAR)[0].activities[0].target_q1 == 5
    write(station_db, lambda s: plan.remove_activity(s, centre_actor, first.id))
    with station_db.read() as s:
        assert first.id not in {a.id for a in plan.plan_views(s, YEAR)[0].activities}


# ----- progress: plan against what was recorded -----------------------------------------------------
def test_progress_is_counted_from_the_records(station_db: Database, centre_actor: Actor, station_actor: Actor,
                                              plan_id: str, doctor: str) -> None:
    sid = str(station_db.station_id)

    def record(s):  # type: ignore[no-untyped-def]
        for start in ("2026-04-06", "2026-05-11", "2026-07-06"):  # two in Q2, one in Q3
            v = rotations.plan_visit(s, centre_actor, staff_id=doctor, station_id=sid, date_from=start,
                                     date_to=start, purpose="Khám bệnh")
            rotations.record_visit_outcome(s, centre_actor, v.id, patients_seen=12, today="2026-12-31")
        cancelled = rotations.plan_visit(s, centre_actor, staff_id=doctor, station_id=sid, date_from="2026-06-01",
                                         date_to="2026-06-02", purpose="Huỷ")
        rotations.cancel_visit(s, centre_actor, cancelled.id)
        held = calendar.schedule_session(s, centre_actor, day="2026-05-04", start_time="8:30", mode="online",
                                         link="https://meet.example.vn/hc", topic="Hội chẩn", experts="BS. Bảy",
                                         station_id=sid, today=TODAY)
        calendar.mark_held(s, centre_actor, held.id, today=TODAY)
        session = training.create_session(s, centre_actor, organiser="TTYT", topic="Tiêm an toàn",
                                          programme="epi", date_from="2026-05-20", date_to="2026-05-20", periods=4)
        training.mark_held(s, centre_actor, session.id, today="2026-06-01")
        s.add(SupervisionVisit(station_id=sid, number="GS-01", visit_date=dt.date(2026, 6, 3),
                               areas="hand_hygiene", team="Phòng Điều dưỡng", status="done",
                               created_at=dt.datetime(2026, 6, 3, tzinfo=dt.UTC)))

    write(station_db, record)
    with station_db.read() as s:
        q2 = {p.kind: p for p in plan_progress(s, YEAR, 2)}
        year = {p.kind: p for p in plan_progress(s, YEAR)}
        assert (q2["rotation"].target, q2["rotation"].done, q2["rotation"].met) == (2, 2, True)
        assert (year["rotation"].target, year["rotation"].done) == (6, 3)
        assert year["rotation"].share == pytest.approx(0.5)
        assert (q2["consultation"].target, q2["consultation"].done) == (1, 1)
        # A centre session counts for a station only when its staff attended.
        assert q2["training"].done == 0
        assert q2["supervision"].done == 1 and q2["supervision"].met
        assert year["rotation"].cost == 2_000_000 and year["rotation"].station == "Trạm Y tế phường An Phú"
        assert [p.kind for p in plan_progress(s, YEAR)] == ["rotation", "consultation", "training", "supervision"]
        assert plan_progress(s, YEAR, station_id="elsewhere") == []


def test_training_and_teleconsultation_progress(station_db: Database, centre_actor: Actor, station_actor: Actor,
                                                plan_id: str, doctor: str) -> None:
    def record(s):  # type: ignore[no-untyped-def]
        plan.add_activity(s, centre_actor, plan_id, kind="teleconsultation", content="Tư vấn từ xa", target_q2=3)
        own = training.create_session(s, station_actor, organiser="Trạm", topic="Sinh hoạt chuyên môn",
                                      programme="other", date_from="2026-04-10", date_to="2026-04-10", periods=2)
        training.mark_held(s, station_actor, own.id, today="2026-06-01")

    write(station_db, record)
    done_request(station_db, station_actor, centre_actor, "teleconsultation", "2026-05-02", doctor)
    done_request(station_db, station_actor, centre_actor, "teleconsultation", "2026-08-02", doctor)
    with station_db.read() as s:
        q2 = {p.kind: p for p in plan_progress(s, YEAR, 2)}
        assert (q2["teleconsultation"].target, q2["teleconsultation"].done) == (3, 1)
        assert q2["training"].done == 1


def test_a_kind_with_no_record_is_not_recorded_rather_than_zero(
        station_db: Database, plan_id: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from ytcs_desktop.domain.programme import progress

    monkeypatch.delitem(progress.COUNTERS, "supervision")
    with station_db.read() as s:
        row = next(p for p in plan_progress(s, YEAR, 2) if p.kind == "supervision")
        assert (row.target, row.done, row.share, row.met) == (1, None, None, False)


def test_quarter_days() -> None:
    assert quarter_days(2026, 1) == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert quarter_days(2026, 4) == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert quarter_days(2026, None) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))


# ----- the consultation calendar --------------------------------------------------------------------
def schedule(db: Database, actor: Actor, **kw: Any) -> str:
    values: dict[str, Any] = {"day": "2026-05-20", "start_time": "14:00", "mode": "in_person",
                                 "place": "Phòng họp TTYT", "topic": "Hội chẩn tháng 5",
                                 "experts": "BS. Huỳnh Văn Bảy\nBS. Lê Minh Tâm", "today": TODAY}
    values.update(kw)
    return str(write(db, lambda s: calendar.schedule_session(s, actor, **values).id))


def test_a_session_in_the_past_is_refused(centre_actor: Actor, refuse: Refuse) -> None:
    err = refuse(ValidationError, calendar.schedule_session, centre_actor, day="2026-05-03", start_time="08:00",
                 mode="in_person", place="TTYT", topic="Hội chẩn", experts="BS. Bảy", today=TODAY)
    assert err.field == "day" and "03/05/2026" in err.vi and "đã qua" in err.vi


@pytest.mark.parametrize(("kw", "field"), [({"mode": "online", "link": ""}, "link"),
                                           ({"mode": "online", "link": "meet.example.vn"}, "link"),
                                           ({"place": ""}, "place"), ({"start_time": "25:00"}, "start_time"),
                                           ({"experts": " "}, "experts"), ({"mode": "bay"}, "mode")])
def test_session_input_is_checked(centre_actor: Actor, refuse: Refuse, kw: dict[str, object], field: str) -> None:
    values: dict[str, object] = {"day": "2026-05-20", "start_time": "14:00", "mode": "in_person",
                                 "place": "Phòng họp", "topic": "Hội chẩn", "experts": "BS. Bảy", "today": TODAY}
    values.update(kw)
    assert refuse(ValidationError, calendar.schedule_session, centre_actor, **values).field == field


def test_cases_conclusions_and_the_station_calendar(station_db: Database, centre_actor: Actor,
                                                    station_actor: Actor, refuse: Refuse) -> None:
    sid = str(station_db.station_id)
    session = schedule(station_db, centre_actor, station_id=sid)
    open_one = schedule(station_db, centre_actor, day="2026-05-25", start_time="9h00", mode="online",
                        link="https://meet.example.vn/x", place=None)
    request = submitted_request(station_db, station_actor)
    case = str(write(station_db, lambda s: calendar.add_case(s, centre_actor, session, request).id))
    assert refuse(RuleError, calendar.add_case, centre_actor, session, request).field == "request_id"
    draft = str(write(station_db, lambda s: support.create_request(s, station_actor, kind="consultation",
                                                                   title="Nháp").id))
    assert refuse(RuleError, calendar.add_case, centre_actor, session, draft).code == "request_not_open"
    refuse(PermissionDenied, calendar.add_case, station_actor, session, request)
    write(station_db, lambda s: calendar.record_conclusion(s, centre_actor, case, "Điều chỉnh phác đồ, tái khám"))
    with station_db.read() as s:
        lines = calendar.list_sessions(s, station_id=sid)
        assert [x.id for x in lines] == [session, open_one]
        assert lines[0].cases[0].conclusion == "Điều chỉnh phác đồ, tái khám" and lines[0].where() == "Phòng họp TTYT"
        assert lines[1].start_time == "09:00" and lines[1].where() == "https://meet.example.vn/x"
        assert [x.id for x in calendar.upcoming(s, sid, TODAY, days=18)] == [session]
        assert calendar.upcoming(s, sid, dt.date(2026, 5, 21)) == [lines[1]]


def test_held_not_before_its_day_and_closed_after(station_db: Database, centre_actor: Actor,
                                                  refuse: Refuse) -> None:
    session = schedule(station_db, centre_actor)
    err = refuse(RuleError, calendar.mark_held, centre_actor, session, today=TODAY)
    assert "20/05/2026" in err.vi
    write(station_db, lambda s: calendar.mark_held(s, centre_actor, session, today="2026-05-20"))
    assert refuse(RuleError, calendar.cancel, centre_actor, session).code == "session_closed"


def test_a_case_of_another_station_is_refused(station_db: Database, centre_actor: Actor, station_actor: Actor,
                                              refuse: Refuse) -> None:
    def other(s):  # type: ignore[no-untyped-def]
        st = Station(code="TYT-BH", name="Trạm Y tế phường Bình Hòa")
        s.add(st)
        s.flush()
        st.station_id = st.id
        return st.id

    other_id = str(write(station_db, other))
    session = schedule(station_db, centre_actor, station_id=other_id)
    request = submitted_request(station_db, station_actor)
    assert refuse(RuleError, calendar.add_case, centre_actor, session, request).code == "request_other_station"


# ----- ratings ---------------------------------------------------------------------------------------
def test_station_rates_visits_and_sessions_and_they_are_aggregated(
        station_db: Database, centre_actor: Actor, station_actor: Actor, doctor: str, refuse: Refuse) -> None:
    sid = str(station_db.station_id)
    visit = str(write(station_db, lambda s: rotations.plan_visit(
        s, centre_actor, staff_id=doctor, station_id=sid, date_from="2026-05-04", date_to="2026-05-08",
        purpose="Khám bệnh").id))
    assert refuse(RuleError, ratings.rate_activity, station_actor, kind="rotation", activity_id=visit,
                  rating=5).code == "not_done"
    write(station_db, lambda s: rotations.record_visit_outcome(s, centre_actor, visit, patients_seen=30,
                                                               today="2026-05-09"))
    for bad in (0, 6, "năm", None):
        assert refuse(ValidationError, ratings.rate_activity, station_actor, kind="rotation", activity_id=visit,
                      rating=bad).field == "rating"
    refuse(PermissionDenied, ratings.rate_activity, centre_actor, kind="rotation", activity_id=visit, rating=4)
    write(station_db, lambda s: ratings.rate_activity(s, station_actor, kind="rotation", activity_id=visit,
                                                      rating=3, comment="Ít thời gian"))
    write(station_db, lambda s: ratings.rate_activity(s, station_actor, kind="rotation", activity_id=visit,
                                                      rating="5", comment="Bác sĩ nhiệt tình"))
    session = schedule(station_db, centre_actor, station_id=sid)
    write(station_db, lambda s: calendar.mark_held(s, centre_actor, session, today="2026-06-01"))
    write(station_db, lambda s: ratings.rate_activity(s, station_actor, kind="consultation", activity_id=session,
                                                      rating=4))
    request = done_request(station_db, station_actor, centre_actor, "rotation", "2026-05-15", doctor)
    write(station_db, lambda s: support.rate(s, station_actor, request, rating=2, feedback="Đến muộn"))
    with station_db.read() as s:
        assert len(ratings.ratings_of(s, sid)) == 2  # rating again replaced the first
        groups = {(g.kind, g.quarter): g for g in ratings.rating_summary(s, YEAR)}
        assert groups[("rotation", 2)].count == 2 and groups[("rotation", 2)].average == pytest.approx(3.5)
        assert set(groups[("rotation", 2)].comments) == {"Bác sĩ nhiệt tình", "Đến muộn"}
        assert groups[("consultation", 2)].average == 4
        assert ratings.rating_summary(s, YEAR, 3) == []


def test_an_open_session_is_rated_only_by_a_station_with_a_case(
        station_db: Database, centre_actor: Actor, station_actor: Actor, refuse: Refuse) -> None:
    session = schedule(station_db, centre_actor)  # open to every station
    write(station_db, lambda s: calendar.mark_held(s, centre_actor, session, today="2026-06-01"))
    refuse(PermissionDenied, ratings.rate_activity, station_actor, kind="consultation", activity_id=session, rating=4)


# ----- training plan (Phụ lục II) and documents (Phụ lục I) ----------------------------------------------
@pytest.fixture
def department(station_db: Database, centre_actor: Actor) -> str:
    def make(s):  # type: ignore[no-untyped-def]
        d = Department(code="DD", name="Phòng Điều dưỡng", kind="nursing")
        s.add(d)
        s.flush()
        return d.id

    return str(write(station_db, make))


def test_training_plan_against_held(station_db: Database, centre_actor: Actor, station_actor: Actor,
                                    department: str, refuse: Refuse) -> None:
    assert refuse(ValidationError, training_plan.add_plan_item, centre_actor, year=YEAR, department_id=department,
                  content="Vệ sinh tay", head_count=0).field == "head_count"
    assert refuse(ValidationError, training_plan.add_plan_item, centre_actor, year=YEAR, department_id=department,
                  content="Vệ sinh tay", head_count=-3).field == "head_count"
    assert refuse(ValidationError, training_plan.add_plan_item, centre_actor, year=YEAR, department_id=department,
                  content="Vệ sinh tay", head_count=10, quarter="5").field == "quarter"
    refuse(PermissionDenied, training_plan.add_plan_item, station_actor, year=YEAR, department_id=department,
           content="Vệ sinh tay", head_count=10)

    def make(s):  # type: ignore[no-untyped-def]
        item = training_plan.add_plan_item(s, centre_actor, year=YEAR, department_id=department,
                                           content="Thực hành vệ sinh tay", head_count=2, format="cầm tay chỉ việc",
                                           quarter="II", expected_time="Tháng 5/2026", audience="Điều dưỡng trạm")
        session = training.create_session(s, centre_actor, organiser="Phòng Điều dưỡng", topic="Vệ sinh tay",
                                          programme="other", date_from="2026-05-12", date_to="2026-05-12", periods=4)
        training_plan.link_session(s, centre_actor, item.id, session.id)
        training_plan.link_session(s, centre_actor, item.id, session.id)  # twice is once
        nurse = stations.add_staff(s, station_actor, full_name="Nguyễn Thị Hoa", title="nurse")
        training.record_attendance(s, station_actor, session_id=session.id, staff_id=nurse.id, result="passed")
        training.record_attendance(s, centre_actor, session_id=session.id, person_name="Lê Văn Tư", result="absent")
        return item.id, session.id

    _item_id, session_id = write(station_db, make)
    with station_db.read() as s:
        [row] = training_plan.training_plan(s, YEAR)
        assert (row.format, row.quarter, row.head_count, row.sessions_held, row.trained) == ("hands_on", 2, 2, 0, 0)
    write(station_db, lambda s: training.mark_held(s, centre_actor, session_id, today="2026-05-13"))
    with station_db.read() as s:
        [row] = training_plan.training_plan(s, YEAR)
        assert (row.sessions_held, row.trained, row.share) == (1, 1, 0.5)
        assert row.department == "Phòng Điều dưỡng" and training_plan.training_plan(s, YEAR + 1) == []


def test_documents_rolled_out(station_db: Database, centre_actor: Actor, department: str, refuse: Refuse) -> None:
    err = refuse(ValidationError, training_plan.add_document, centre_actor, department_id=department,
                 doc_number="12/KH-TTYT", doc_date="2026-06-01", summary="Kế hoạch", today=TODAY)
    assert err.field == "doc_date" and "01/06/2026" in err.vi
    assert refuse(ValidationError, training_plan.add_document, centre_actor, department_id=department,
                  doc_number="12/KH-TTYT", doc_date="2026-04-01", summary="Kế hoạch", forms_guided=-1,
                  today=TODAY).field == "forms_guided"
    write(station_db, lambda s: training_plan.add_document(
        s, centre_actor, department_id=department, doc_number="12/KH-TTYT", doc_date="2026-04-01",
        summary="Hướng dẫn quy trình vệ sinh tay", forms_guided=3, today=TODAY))
    with station_db.read() as s:
        [line] = training_plan.list_documents(s, "2026-01-01", "2026-12-31")
        assert (line.department, line.doc_number, line.forms_guided) == ("Phòng Điều dưỡng", "12/KH-TTYT", 3)
        assert training_plan.list_documents(s, "2026-05-01") == []
