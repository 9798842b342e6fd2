"""Two-way rotation, the visit's case list, techniques and village health workers through a real
`ytcs centre serve`: each record reaches the other side, and the server refuses a write to what the
other side owns (a station rewriting the schedule or moving a transfer stage; the centre rewriting a
station's case or its village health worker)."""

from __future__ import annotations

import datetime as dt

from tests.sync.conftest import Centre, Replica
from tests.sync.helpers import row_state
from ytcs_desktop.domain import rotations, stations, techniques, training, village_workers, visit_cases
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.store.models import (
    RotationVisit,
    StationTechnique,
    TechniqueStep,
    TrainingAttendance,
    VillageHealthWorker,
    VisitCase,
)

CENTRE = Actor("Phòng Kế hoạch – Nghiệp vụ", "centre")
TODAY = dt.date.today()


def _centre_people(hub: Replica) -> tuple[str, str]:
    with hub.db.transaction() as s:
        centre = stations.create_centre(s, code=f"TTYT-{hub.device_id[:6]}", name="Trung tâm Y tế khu vực Thuận An",
                                        actor=CENTRE)
        dept = stations.create_department(s, centre_id=centre.id, code="KKB", name="Khoa Khám bệnh",
                                          kind="clinical", actor=CENTRE)
        doctor = stations.add_staff(s, CENTRE, full_name="Huỳnh Văn Bảy", title="doctor", department_id=dept.id,
                                    scope_of_practice="general,internal")
        return dept.id, doctor.id


def test_rotation_both_ways_and_the_case_list(centre: Centre) -> None:
    (st,) = centre.station("Luân phiên")
    hub = centre.centre_replica()
    station = Actor("Nguyễn Thị Lan", "station", st.station_id)
    dept, doctor = _centre_people(hub)
    with st.db.transaction() as s:
        nurse = stations.add_staff(s, station, full_name="Nguyễn Thị Lan", title="nurse",
                                   scope_of_practice="nursing").id
    assert st.sync().rejected == 0
    assert hub.sync().rejected == 0
    with hub.db.read() as s:  # the station's record of its nurse's scope reaches the planner
        assert rotations.scope_preview(s, nurse, "nursing") is None
        assert rotations.scope_preview(s, nurse, "surgery").code == "outside_scope"  # type: ignore[union-attr]
    with hub.db.transaction() as s:
        up = rotations.plan_visit(s, CENTRE, staff_id=nurse, direction="to_centre", department_id=dept,
                                  date_from=TODAY + dt.timedelta(days=3), date_to=TODAY + dt.timedelta(days=7),
                                  purpose="Đào tạo cầm tay chỉ việc: khâu vết thương", scope_area="nursing").id
        down = rotations.plan_visit(s, CENTRE, staff_id=doctor, station_id=st.station_id,
                                    date_from=TODAY + dt.timedelta(days=10), date_to=TODAY + dt.timedelta(days=11),
                                    purpose="Khám bệnh không lây nhiễm", scope_area="internal").id
    assert hub.sync().rejected == 0
    st.sync()
    with st.db.read() as s:
        seen = {v.visit.id: v for v in rotations.visit_views(s, station_id=st.station_id)}
        assert (seen[up].visit.direction, seen[up].department, seen[up].staff) == (
            "to_centre", "Khoa Khám bệnh", "Nguyễn Thị Lan")
        assert (seen[down].visit.direction, seen[down].staff, seen[down].notices) == (
            "to_station", "Huỳnh Văn Bảy", [])

    with st.db.transaction() as s:
        case = visit_cases.add_case(s, station, visit_id=down, description="Tăng huyết áp khó kiểm soát",
                                    patient_ref="BN-1203", icd10="I10").id
    assert st.sync().rejected == 0
    hub.sync()
    with hub.db.transaction() as s:
        [row] = visit_cases.list_cases(s, down)
        assert (row.id, row.icd10, row.station_id) == (case, "I10", st.station_id)
        visit_cases.record_case_outcome(s, CENTRE, case, outcome="Chỉnh liều amlodipin")
    assert hub.sync().rejected == 0
    st.sync()
    with st.db.read() as s:
        assert s.get(VisitCase, case).outcome == "Chỉnh liều amlodipin"  # type: ignore[union-attr]

    # A station PC rewriting the schedule, or the visiting team's outcome: refused, with the field named.
    with st.db.transaction() as s:
        s.get(RotationVisit, up).direction = "to_station"  # type: ignore[union-attr]
        s.get(VisitCase, case).outcome = "Trạm tự ghi"  # type: ignore[union-attr]
    assert st.sync().rejected == 2
    state, reason = row_state(st.db, "rotation_visits", up)
    assert state == "rejected" and reason and "direction" in reason
    assert "outcome" in (row_state(st.db, "visit_cases", case)[1] or "")
    # The centre's PC rewriting the station's case: refused.
    with hub.db.transaction() as s:
        s.get(VisitCase, case).description = "Trung tâm sửa"  # type: ignore[union-attr]
    assert hub.sync().rejected == 1
    assert "description" in (row_state(hub.db, "visit_cases", case)[1] or "")


def test_technique_stages_and_village_workers(centre: Centre) -> None:
    (st,) = centre.station("Kỹ thuật")
    hub = centre.centre_replica()
    station = Actor("Nguyễn Thị Lan", "station", st.station_id)
    with st.db.transaction() as s:
        own = techniques.add_technique(s, station, name="Tiêm bắp", specialty="nursing", performing=True).id
        wish = techniques.add_technique(s, station, name="Khâu vết thương phần mềm", specialty="surgery").id
        worker = village_workers.add_worker(s, station, full_name="Lê Thị Mười", hamlet="Khu phố 3").id
    assert st.sync().rejected == 0
    hub.sync()
    with hub.db.transaction() as s:
        assert {t.id: t.status for t in techniques.list_techniques(s, st.station_id)} == {
            own: "independent", wish: "planned"}
        session = training.create_session(s, CENTRE, organiser="TTYT", topic="Khâu vết thương phần mềm",
                                          programme="other", date_from=TODAY, date_to=TODAY, periods=8)
        training.mark_held(s, CENTRE, session.id, today=TODAY)
        techniques.advance(s, CENTRE, wish, to_status="trained", on=TODAY, training_id=session.id)
        training.record_attendance(s, CENTRE, session_id=session.id, village_worker_id=worker)
    assert hub.sync().rejected == 0
    st.sync()
    with st.db.read() as s:
        assert s.get(StationTechnique, wish).status == "trained"  # type: ignore[union-attr]
        assert [x.to_status for x in techniques.steps(s, wish)] == ["planned", "trained"]
        [view] = village_workers.worker_views(s, st.station_id)
        assert [t for _d, t, _p in view.trainings] == ["Khâu vết thương phần mềm"]

    # The station moving its own transfer a stage on, or writing a technique born half-way: refused.
    with st.db.transaction() as s:
        s.get(StationTechnique, wish).status = "supervised"  # type: ignore[union-attr]
        forged = StationTechnique(station_id=st.station_id, name="Đặt vòng", specialty="obstetrics",
                                  status="trained")
        s.add(forged)
        s.flush()
        forged_id = forged.id
    assert st.sync().rejected == 2
    assert row_state(st.db, "station_techniques", wish)[0] == "rejected"
    assert row_state(st.db, "station_techniques", forged_id)[0] == "rejected"
    # The centre's PC rewriting the station's village health worker or its note: refused.
    with hub.db.transaction() as s:
        s.get(VillageHealthWorker, worker).hamlet = "Khu phố 9"  # type: ignore[union-attr]
        s.get(StationTechnique, own).station_note = "Trung tâm ghi"  # type: ignore[union-attr]
    assert hub.sync().rejected == 2
    assert row_state(hub.db, "village_health_workers", worker)[0] == "rejected"
    assert "station_note" in (row_state(hub.db, "station_techniques", own)[1] or "")
    with hub.db.read() as s:
        assert s.query(TechniqueStep).count() == 3
        assert s.query(TrainingAttendance).filter_by(village_worker_id=worker).count() == 1
