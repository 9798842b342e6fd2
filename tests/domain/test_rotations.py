"""Rotation visits: centre-only planning, no overlapping stays, outcome and cancellation."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.domain.conftest import Refuse, outbox_count, write
from ytcs_desktop.domain import rotations, stations, support
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import NotFoundError, PermissionDenied, RuleError, ValidationError
from ytcs_desktop.store.db import Database


@pytest.fixture
def doctor(station_db: Database, centre_actor: Actor) -> str:
    return str(write(station_db, lambda s: stations.add_staff(s, centre_actor, full_name="BS. Huỳnh Văn Bảy",
                                                              title="doctor").id))


def plan(db: Database, actor: Actor, staff_id: str, start: str, end: str, station_id: str | None = None) -> str:
    return str(write(db, lambda s: rotations.plan_visit(
        s, actor, staff_id=staff_id, station_id=station_id or str(db.station_id), date_from=start, date_to=end,
        purpose="Khám chữa bệnh, chuyển giao kỹ thuật tiêm an toàn").id))


def test_plan_and_list(station_db: Database, centre_actor: Actor, doctor: str) -> None:
    first = plan(station_db, centre_actor, doctor, "2026-03-02", "2026-03-06")
    second = plan(station_db, centre_actor, doctor, "2026-03-09", "13/03/2026")
    with station_db.read() as s:
        visits = rotations.list_visits(s, station_id=station_db.station_id)
        assert [v.id for v in visits] == [first, second]
        assert visits[0].station_id == station_db.station_id and visits[0].status == "planned"
        assert [v.id for v in rotations.list_visits(s, date_from="2026-03-07", date_to="2026-03-31")] == [second]
        assert [v.id for v in rotations.list_visits(s, date_to="2026-03-02")] == [first]
        assert rotations.list_visits(s, station_id="other") == []


@pytest.mark.parametrize(("start", "end"), [("2026-03-06", "2026-03-10"), ("2026-02-25", "2026-03-02"),
                                            ("2026-03-03", "2026-03-04"), ("2026-02-01", "2026-04-01")])
def test_overlapping_visits_refused(station_db: Database, centre_actor: Actor, doctor: str, refuse: Refuse,
                                   start: str, end: str) -> None:
    plan(station_db, centre_actor, doctor, "2026-03-02", "2026-03-06")
    other = write(station_db, lambda s: stations.create_station(s, code="TYT-LT", name="Trạm Y tế Lái Thiêu").id)
    err = refuse(RuleError, rotations.plan_visit, centre_actor, staff_id=doctor, station_id=other,
                 date_from=start, date_to=end, purpose="Luân phiên")
    assert "02/03/2026" in err.vi and "An Phú" in err.vi


def test_adjacent_and_cancelled_visits_do_not_clash(station_db: Database, centre_actor: Actor, doctor: str) -> None:
    first = plan(station_db, centre_actor, doctor, "2026-03-02", "2026-03-06")
    plan(station_db, centre_actor, doctor, "2026-03-07", "2026-03-08")
    write(station_db, rotations.cancel_visit, centre_actor, first, reason="Bác sĩ đi tập huấn")
    plan(station_db, centre_actor, doctor, "2026-03-03", "2026-03-04")


def test_plan_refusals(station_db: Database, centre_actor: Actor, station_actor: Actor, doctor: str,
                       refuse: Refuse) -> None:
    base = {"staff_id": doctor, "station_id": station_db.station_id, "date_from": "2026-03-02",
            "date_to": "2026-03-06", "purpose": "Luân phiên"}
    refuse(PermissionDenied, rotations.plan_visit, station_actor, **base)
    assert refuse(ValidationError, rotations.plan_visit, centre_actor,
                  **{**base, "date_from": "2026-03-09"}).field == "date_to"
    assert refuse(ValidationError, rotations.plan_visit, centre_actor, **{**base, "purpose": ""}).field == "purpose"
    refuse(NotFoundError, rotations.plan_visit, centre_actor, **{**base, "staff_id": "nobody"})
    refuse(NotFoundError, rotations.plan_visit, centre_actor, **{**base, "station_id": "nowhere"})
    nurse = write(station_db, lambda s: stations.add_staff(s, station_actor, full_name="Lan", title="nurse").id)
    assert refuse(RuleError, rotations.plan_visit, centre_actor, **{**base, "staff_id": nurse}).field == "staff_id"
    other = write(station_db, lambda s: stations.create_station(s, code="TYT-X", name="Trạm X").id)
    request_id = write(station_db, lambda s: support.create_request(s, station_actor, kind="rotation",
                                                                    title="Xin bác sĩ luân phiên").id)
    assert refuse(RuleError, rotations.plan_visit, centre_actor,
                  **{**base, "station_id": other, "request_id": request_id}).field == "request_id"
    visit = plan(station_db, centre_actor, doctor, "2026-03-02", "2026-03-06")
    with station_db.read() as s:
        assert rotations.list_visits(s)[0].id == visit
    write(station_db, lambda s: rotations.plan_visit(s, centre_actor, **{**base, "date_from": "2026-04-01",
                                                                         "date_to": "2026-04-03",
                                                                         "request_id": request_id}))


def test_outcome_and_cancel(station_db: Database, centre_actor: Actor, station_actor: Actor, doctor: str,
                            refuse: Refuse) -> None:
    visit = plan(station_db, centre_actor, doctor, "2026-03-02", "2026-03-06")
    refuse(PermissionDenied, rotations.record_visit_outcome, station_actor, visit, patients_seen=3)
    refuse(RuleError, rotations.record_visit_outcome, centre_actor, visit, patients_seen=3, today="2026-03-01")
    for bad in (-1, "nhiều"):
        assert refuse(ValidationError, rotations.record_visit_outcome, centre_actor, visit, patients_seen=bad,
                      today="2026-03-06").field == "patients_seen"
    before = outbox_count(station_db)
    write(station_db, rotations.record_visit_outcome, centre_actor, visit, patients_seen=57,
          techniques="Tiêm an toàn; sơ cứu phản vệ", notes="Trạm cần thêm bơm tiêm 1 ml", today=dt.date(2026, 3, 6))
    assert outbox_count(station_db) == before + 1
    with station_db.read() as s:
        v = rotations.list_visits(s)[0]
        assert (v.status, v.patients_seen, v.techniques) == ("done", 57, "Tiêm an toàn; sơ cứu phản vệ")
    refuse(RuleError, rotations.cancel_visit, centre_actor, visit)
    refuse(RuleError, rotations.record_visit_outcome, centre_actor, visit, patients_seen=1, today="2026-03-06")
    refuse(NotFoundError, rotations.cancel_visit, centre_actor, "missing")
    other = plan(station_db, centre_actor, doctor, "2026-04-02", "2026-04-06")
    refuse(PermissionDenied, rotations.cancel_visit, station_actor, other)
    write(station_db, rotations.cancel_visit, centre_actor, other)
    with station_db.read() as s:
        assert [v.status for v in rotations.list_visits(s)] == ["done", "cancelled"]
        assert [v.status for v in rotations.list_visits(s, include_cancelled=False)] == ["done"]
