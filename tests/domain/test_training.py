"""Training sessions: organiser ownership, held/cancelled, attendance rules."""

from __future__ import annotations

from typing import Any

import pytest

from tests.domain.conftest import Refuse, write
from ytcs_desktop.domain import stations, training
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import NotFoundError, PermissionDenied, RuleError, ValidationError
from ytcs_desktop.store.db import Database

SESSION: dict[str, Any] = {
    "organiser": "Khoa Kiểm soát bệnh tật", "topic": "Tập huấn tiêm chủng an toàn", "programme": "epi",
    "date_from": "2026-03-10", "date_to": "2026-03-11", "periods": 16, "format": "in_person",
    "place": "Hội trường Trung tâm", "audience": "Cán bộ tiêm chủng các trạm", "trainers": "BS. Bảy",
}


def new_session(db: Database, actor: Actor, **kw: Any) -> str:
    return str(write(db, lambda s: training.create_session(s, actor, **{**SESSION, **kw}).id))


def test_centre_and_station_sessions(station_db: Database, centre_actor: Actor, station_actor: Actor) -> None:
    centre_sid = new_session(station_db, centre_actor)
    station_sid = new_session(station_db, station_actor, organiser="Trạm Y tế An Phú", programme="Dinh dưỡng",
                              format="Trực tuyến", date_from="2026-04-01", date_to="2026-04-01", periods="4")
    with station_db.read() as s:
        sessions = training.list_sessions(s, station_id=station_db.station_id)
        assert [(x.id, x.station_id, x.organiser_kind) for x in sessions] == [
            (centre_sid, None, "centre"), (station_sid, station_db.station_id, "station")]
        assert sessions[1].programme == "nutrition" and sessions[1].format == "online" and sessions[1].periods == 4
        assert [x.id for x in training.list_sessions(s, station_id="other-station")] == [centre_sid]
        assert [x.id for x in training.list_sessions(s, programme="Tiêm chủng mở rộng")] == [centre_sid]
        assert [x.id for x in training.list_sessions(s, date_from="2026-03-12")] == [station_sid]
        assert [x.id for x in training.list_sessions(s, status="planned", date_to="2026-03-10")] == [centre_sid]


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"programme": "yoga"}, "programme"), ({"format": "radio"}, "format"), ({"periods": 0}, "periods"),
    ({"periods": "ba"}, "periods"), ({"topic": " "}, "topic"), ({"organiser": ""}, "organiser"),
    ({"date_from": "2026-03-12"}, "date_to"), ({"date_from": "hôm qua"}, "date_from"),
])
def test_create_session_refusals(centre_actor: Actor, refuse: Refuse, kwargs: dict[str, Any], field: str) -> None:
    assert refuse(ValidationError, training.create_session, centre_actor, **{**SESSION, **kwargs}).field == field


def test_only_the_organiser_edits(station_db: Database, centre_actor: Actor, station_actor: Actor,
                                  refuse: Refuse) -> None:
    centre_sid = new_session(station_db, centre_actor)
    station_sid = new_session(station_db, station_actor, organiser="Trạm Y tế An Phú")
    other_station = Actor("Tám", "station", "another-station")
    refuse(PermissionDenied, training.mark_held, station_actor, centre_sid, today="2026-03-11")
    refuse(PermissionDenied, training.cancel_session, station_actor, centre_sid)
    refuse(PermissionDenied, training.mark_held, centre_actor, station_sid, today="2026-03-11")
    refuse(PermissionDenied, training.cancel_session, other_station, station_sid)
    refuse(NotFoundError, training.mark_held, centre_actor, "missing")
    refuse(RuleError, training.mark_held, centre_actor, centre_sid, today="2026-03-09")
    write(station_db, training.mark_held, centre_actor, centre_sid, today="2026-03-11")
    refuse(RuleError, training.cancel_session, centre_actor, centre_sid)
    refuse(RuleError, training.mark_held, centre_actor, centre_sid, today="2026-03-11")
    write(station_db, training.cancel_session, station_actor, station_sid)
    with station_db.read() as s:
        assert [x.status for x in training.list_sessions(s)] == ["held", "cancelled"]


def test_attendance(station_db: Database, centre_actor: Actor, station_actor: Actor, refuse: Refuse) -> None:
    centre_sid = new_session(station_db, centre_actor)
    lan = write(station_db, lambda s: stations.add_staff(s, station_actor, full_name="Nguyễn Thị Lan",
                                                         title="nurse").id)
    write(station_db, lambda s: training.record_attendance(s, station_actor, session_id=centre_sid, staff_id=lan,
                                                           result="Đạt", certificate_no="CN-2026-015", periods=12))
    write(station_db, lambda s: training.record_attendance(s, station_actor, session_id=centre_sid,
                                                           person_name="Y tế thôn Lê Văn Năm"))
    with station_db.read() as s:
        rows = training.attendance(s, centre_sid)
        assert [(r.staff_id, r.person_name, r.result, r.periods, r.station_id) for r in rows] == [
            (lan, None, "passed", 12, station_db.station_id),
            (None, "Y tế thôn Lê Văn Năm", None, None, station_db.station_id)]
    err = refuse(RuleError, training.record_attendance, station_actor, session_id=centre_sid, staff_id=lan)
    assert "Nguyễn Thị Lan" in err.vi and err.field == "staff_id"
    refuse(ValidationError, training.record_attendance, station_actor, session_id=centre_sid)
    refuse(ValidationError, training.record_attendance, station_actor, session_id=centre_sid, staff_id=lan,
           person_name="Ai đó")
    refuse(ValidationError, training.record_attendance, station_actor, session_id=centre_sid, person_name="B",
           result="xuất sắc")
    assert refuse(ValidationError, training.record_attendance, station_actor, session_id=centre_sid,
                  person_name="B", periods=17).field == "periods"
    refuse(NotFoundError, training.record_attendance, station_actor, session_id="missing", person_name="B")
    refuse(NotFoundError, training.record_attendance, station_actor, session_id=centre_sid, staff_id="ghost")
    refuse(NotFoundError, training.attendance, "missing")


def test_attendance_ownership(station_db: Database, centre_actor: Actor, station_actor: Actor,
                              refuse: Refuse) -> None:
    station_sid = new_session(station_db, station_actor, organiser="Trạm Y tế An Phú")
    centre_sid = new_session(station_db, centre_actor)
    other_id = write(station_db, lambda s: stations.create_station(s, code="TYT-BH", name="Bình Hòa").id)
    other = Actor("Tám", "station", other_id)
    foreign = write(station_db, lambda s: stations.add_staff(s, other, full_name="Phan Văn Tám", title="doctor").id)
    refuse(PermissionDenied, training.record_attendance, station_actor, session_id=centre_sid, staff_id=foreign)
    refuse(PermissionDenied, training.record_attendance, other, session_id=station_sid, person_name="X")
    refuse(PermissionDenied, training.record_attendance, centre_actor, session_id=station_sid, person_name="X")
    row = write(station_db, lambda s: training.record_attendance(s, centre_actor, session_id=centre_sid,
                                                                 staff_id=foreign, result="attended"))
    assert row.station_id == other_id
    write(station_db, training.cancel_session, station_actor, station_sid)
    refuse(RuleError, training.record_attendance, station_actor, session_id=station_sid, person_name="X")
