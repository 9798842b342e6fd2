"""Rotation both ways: station staff to a centre department, one overlap rule for a person whichever the
direction, the scope-of-practice warning, the crossing-visits warning, the station's case list, totals."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.domain.conftest import Refuse, write
from ytcs_desktop.domain import rotations, stations, visit_cases
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import NotFoundError, PermissionDenied, RuleError, ValidationError
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Staff, SyncOutbox


def captured(db: Database, table: str) -> int:
    """Writes of one table in the outbox (the audit trail adds rows of its own)."""
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(SyncOutbox).where(SyncOutbox.table_name == table)) or 0)



@pytest.fixture
def people(station_db: Database, centre_actor: Actor, station_actor: Actor) -> dict[str, str]:
    def make(s: object) -> dict[str, str]:
        centre = stations.create_centre(s, code="TTYT-TA", name="Trung tâm Y tế khu vực Thuận An", actor=centre_actor)
        dept = stations.create_department(s, centre_id=centre.id, code="KKB", name="Khoa Khám bệnh", kind="clinical",
                                          actor=centre_actor)
        doctor = stations.add_staff(s, centre_actor, full_name="Huỳnh Văn Bảy", title="doctor",
                                    department_id=dept.id, scope_of_practice="general, internal")
        nurse = stations.add_staff(s, station_actor, full_name="Nguyễn Thị Lan", title="nurse",
                                   scope_of_practice=["Điều dưỡng"])
        return {"dept": dept.id, "doctor": doctor.id, "nurse": nurse.id}

    return dict(write(station_db, make))


def to_centre(db: Database, actor: Actor, people: dict[str, str], start: str, end: str, **kw: object) -> str:
    return str(write(db, lambda s: rotations.plan_visit(
        s, actor, staff_id=people["nurse"], direction="to_centre", department_id=people["dept"], date_from=start,
        date_to=end, purpose="Đào tạo cầm tay chỉ việc: chăm sóc vết thương", **kw).id))


def test_scope_is_stored_as_codes(station_db: Database, people: dict[str, str], station_actor: Actor,
                                  refuse: Refuse) -> None:
    with station_db.read() as s:
        assert s.get(Staff, people["doctor"]).scope_of_practice == "general,internal"  # type: ignore[union-attr]
        assert s.get(Staff, people["nurse"]).scope_of_practice == "nursing"  # type: ignore[union-attr]
    err = refuse(ValidationError, stations.update_staff, station_actor, people["nurse"], scope_of_practice="bay")
    assert err.field == "scope_of_practice" and "Điều dưỡng" in err.vi


def test_station_staff_to_centre(station_db: Database, centre_actor: Actor, station_actor: Actor,
                                 people: dict[str, str], refuse: Refuse) -> None:
    visit = to_centre(station_db, centre_actor, people, "2026-05-04", "2026-05-15", scope_area="nursing")
    with station_db.read() as s:
        v = rotations.list_visits(s, direction="to_centre")[0]
        assert (v.id, v.station_id, v.department_id, v.direction) == (visit, station_db.station_id, people["dept"],
                                                                     "to_centre")
        assert rotations.visit_notices(s, v) == []
        view = rotations.visit_views(s)[0]
        assert (view.staff, view.department, view.days) == ("Nguyễn Thị Lan", "Khoa Khám bệnh", 12)
    base = {"staff_id": people["nurse"], "direction": "to_centre", "department_id": people["dept"],
            "date_from": "2026-06-01", "date_to": "2026-06-05", "purpose": "Thực hành"}
    refuse(PermissionDenied, rotations.plan_visit, station_actor, **base)
    assert refuse(ValidationError, rotations.plan_visit, centre_actor,
                  **{**base, "department_id": None}).field == "department_id"
    assert refuse(RuleError, rotations.plan_visit, centre_actor,
                  **{**base, "staff_id": people["doctor"]}).field == "staff_id"
    other = write(station_db, lambda s: stations.create_station(s, code="TYT-LT", name="Trạm Y tế Lái Thiêu").id)
    assert refuse(RuleError, rotations.plan_visit, centre_actor, **{**base, "station_id": other}).field == "station_id"
    assert refuse(ValidationError, rotations.plan_visit, centre_actor,
                  **{**base, "direction": "sideways"}).field == "direction"


@pytest.mark.parametrize(("start", "end"), [("2026-05-10", "2026-05-20"), ("2026-05-01", "2026-05-04"),
                                            ("2026-05-05", "2026-05-06"), ("2026-04-01", "2026-06-01")])
def test_one_person_one_place_whatever_the_direction(station_db: Database, centre_actor: Actor,
                                                     people: dict[str, str], refuse: Refuse, start: str,
                                                     end: str) -> None:
    to_centre(station_db, centre_actor, people, "2026-05-04", "2026-05-15")
    err = refuse(RuleError, rotations.plan_visit, centre_actor, staff_id=people["nurse"], direction="to_centre",
                 department_id=people["dept"], date_from=start, date_to=end, purpose="Thực hành")
    assert err.field == "date_from" and "04/05/2026" in err.vi and "Khoa Khám bệnh" in err.vi
    # The doctor going the other way on the same dates is no clash for the nurse's visit
    write(station_db, lambda s: rotations.plan_visit(s, centre_actor, staff_id=people["doctor"],
                                                     station_id=station_db.station_id, date_from=start,
                                                     date_to=end, purpose="Khám bệnh"))
    err = refuse(RuleError, rotations.plan_visit, centre_actor, staff_id=people["doctor"],
                 station_id=station_db.station_id, date_from=start, date_to=start, purpose="Khám bệnh")
    assert "An Phú" in err.vi


def test_scope_and_crossing_warnings(station_db: Database, centre_actor: Actor, people: dict[str, str]) -> None:
    visit = write(station_db, lambda s: rotations.plan_visit(
        s, centre_actor, staff_id=people["doctor"], station_id=station_db.station_id, date_from="2026-05-11",
        date_to="2026-05-12", purpose="Khám thai", scope_area="obstetrics").id)
    with station_db.read() as s:
        notices = rotations.visit_notices(s, s.get(rotations.RotationVisit, visit))  # type: ignore[arg-type]
        assert [n.code for n in notices] == ["outside_scope"]
        assert "Sản phụ khoa" in notices[0].vi and "Huỳnh Văn Bảy" in notices[0].vi
        assert rotations.scope_preview(s, people["doctor"], "internal") is None
        assert rotations.scope_preview(s, people["doctor"], "surgery").code == "outside_scope"  # type: ignore[union-attr]
    to_centre(station_db, centre_actor, people, "2026-05-12", "2026-05-13")
    with station_db.read() as s:
        views = {v.visit.direction: v for v in rotations.visit_views(s)}
        assert [n.code for n in views["to_station"].notices] == ["outside_scope", "crossing_visits"]
        assert [n.code for n in views["to_centre"].notices] == ["crossing_visits"]
        assert "Nguyễn Thị Lan" in views["to_centre"].notices[0].vi


def test_case_list(station_db: Database, centre_actor: Actor, station_actor: Actor, people: dict[str, str],
                   refuse: Refuse) -> None:
    visit = write(station_db, lambda s: rotations.plan_visit(
        s, centre_actor, staff_id=people["doctor"], station_id=station_db.station_id, date_from="2026-05-11",
        date_to="2026-05-12", purpose="Khám bệnh không lây nhiễm").id)
    before = captured(station_db, "visit_cases")
    case = write(station_db, lambda s: visit_cases.add_case(
        s, station_actor, visit_id=visit, description="Tăng huyết áp khó kiểm soát", patient_ref="BN-1203",
        icd10="i10").id)
    write(station_db, lambda s: visit_cases.add_case(s, station_actor, visit_id=visit, kind="nhu cầu hỗ trợ",
                                                     description="Hướng dẫn đọc điện tim"))
    assert captured(station_db, "visit_cases") == before + 2
    with station_db.read() as s:
        rows = visit_cases.list_cases(s, visit)
        assert [(r.kind, r.icd10, r.station_id) for r in rows] == [("case", "I10", station_db.station_id),
                                                                   ("need", None, station_db.station_id)]
        assert rotations.visit_views(s)[0].cases == 2
    assert refuse(ValidationError, visit_cases.add_case, station_actor, visit_id=visit,
                  description=" ").field == "description"
    assert refuse(ValidationError, visit_cases.add_case, station_actor, visit_id=visit, description="x",
                  icd10="huyết áp").field == "icd10"
    refuse(PermissionDenied, visit_cases.add_case, centre_actor, visit_id=visit, description="x")
    refuse(NotFoundError, visit_cases.add_case, station_actor, visit_id="nope", description="x")
    refuse(PermissionDenied, visit_cases.record_case_outcome, station_actor, case, outcome="Đã khám")
    assert refuse(ValidationError, visit_cases.record_case_outcome, centre_actor, case,
                  outcome="").field == "outcome"
    write(station_db, visit_cases.record_case_outcome, centre_actor, case, outcome="Chỉnh liều amlodipin")
    write(station_db, rotations.record_visit_outcome, centre_actor, visit, patients_seen=30, today="2026-05-12")
    err = refuse(RuleError, visit_cases.add_case, station_actor, visit_id=visit, description="Thêm ca")
    assert err.field == "visit_id"
    refuse(RuleError, visit_cases.remove_case, station_actor, case)


def test_rotation_totals_both_ways(station_db: Database, centre_actor: Actor, people: dict[str, str]) -> None:
    a = to_centre(station_db, centre_actor, people, "2026-05-04", "2026-05-08")
    b = write(station_db, lambda s: rotations.plan_visit(
        s, centre_actor, staff_id=people["doctor"], station_id=station_db.station_id, date_from="2026-06-29",
        date_to="2026-07-01", purpose="Khám bệnh").id)
    write(station_db, rotations.record_visit_outcome, centre_actor, a, patients_seen=0, today="2026-05-08")
    write(station_db, rotations.record_visit_outcome, centre_actor, b, patients_seen=41, today="2026-07-01")
    with station_db.read() as s:
        q2 = rotations.rotation_totals(s, "2026-04-01", "2026-06-30")
        assert [(t.direction, t.visits, t.days) for t in q2] == [("to_centre", 1, 5)]
        q3 = rotations.rotation_totals(s, "2026-07-01", "2026-09-30", station_id=station_db.station_id)
        assert [(t.direction, t.visits, t.days, t.patients_seen) for t in q3] == [("to_station", 1, 3, 41)]
