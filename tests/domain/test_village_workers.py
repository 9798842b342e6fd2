"""The station's register of village health workers, and workers as training attendees."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.domain.conftest import Refuse, write
from ytcs_desktop.domain import stations, training, village_workers
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import PermissionDenied, RuleError, ValidationError
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import SyncOutbox


def captured(db: Database, table: str) -> int:
    """Writes of one table in the outbox (the audit trail adds rows of its own)."""
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(SyncOutbox).where(SyncOutbox.table_name == table)) or 0)



@pytest.fixture
def worker(station_db: Database, station_actor: Actor) -> str:
    return str(write(station_db, lambda s: village_workers.add_worker(
        s, station_actor, full_name="Lê Thị Mười", hamlet="Khu phố 3", phone="0903 123 456", birth_year="1978",
        since="2015-03-01").id))


def test_register(station_db: Database, station_actor: Actor, centre_actor: Actor, worker: str,
                  refuse: Refuse) -> None:
    write(station_db, lambda s: village_workers.add_worker(s, station_actor, full_name="Âu Văn Ba",
                                                           hamlet="Khu phố 1"))
    with station_db.read() as s:
        rows = village_workers.list_workers(s, station_db.station_id)
        assert [(w.hamlet, w.full_name) for w in rows] == [("Khu phố 1", "Âu Văn Ba"), ("Khu phố 3", "Lê Thị Mười")]
        assert (rows[1].phone, rows[1].birth_year, rows[1].station_id) == ("0903123456", 1978, station_db.station_id)
    err = refuse(RuleError, village_workers.add_worker, station_actor, full_name="lê thị mười", hamlet="khu pho 3")
    assert err.field == "full_name"
    assert refuse(ValidationError, village_workers.add_worker, station_actor, full_name="X",
                  hamlet=" ").field == "hamlet"
    assert refuse(ValidationError, village_workers.add_worker, station_actor, full_name="X", hamlet="Ấp 2",
                  phone="12").field == "phone"
    assert refuse(ValidationError, village_workers.add_worker, station_actor, full_name="X", hamlet="Ấp 2",
                  birth_year="78").field == "birth_year"
    refuse(PermissionDenied, village_workers.add_worker, centre_actor, full_name="X", hamlet="Ấp 2")
    refuse(PermissionDenied, village_workers.update_worker, centre_actor, worker, hamlet="Ấp 2")
    write(station_db, village_workers.update_worker, station_actor, worker, hamlet="Khu phố 4")
    write(station_db, village_workers.deactivate_worker, station_actor, worker)
    refuse(RuleError, village_workers.deactivate_worker, station_actor, worker)
    with station_db.read() as s:
        assert [w.full_name for w in village_workers.list_workers(s)] == ["Âu Văn Ba"]
        assert len(village_workers.list_workers(s, include_inactive=True)) == 2


def test_worker_as_attendee(station_db: Database, station_actor: Actor, centre_actor: Actor, worker: str,
                            refuse: Refuse) -> None:
    def sessions(s: object) -> tuple[str, str]:
        own = training.create_session(s, station_actor, organiser="Trạm", topic="Phòng chống sốt xuất huyết",
                                      programme="epidemic", date_from="2026-03-02", date_to="2026-03-02", periods=4)
        centre = training.create_session(s, centre_actor, organiser="TTYT", topic="Dinh dưỡng", programme="nutrition",
                                         date_from="2026-04-02", date_to="2026-04-02", periods=8)
        return own.id, centre.id

    own, centre = write(station_db, sessions)
    before = captured(station_db, "training_attendance")
    write(station_db, lambda s: training.record_attendance(s, station_actor, session_id=own, village_worker_id=worker,
                                                           result="attended"))
    write(station_db, lambda s: training.record_attendance(s, centre_actor, session_id=centre,
                                                           village_worker_id=worker, periods=6))
    assert captured(station_db, "training_attendance") == before + 2
    with station_db.read() as s:
        rows = training.attendance(s, own)
        assert (rows[0].person_name, rows[0].village_worker_id, rows[0].station_id) == (
            "Lê Thị Mười", worker, station_db.station_id)
        view = village_workers.worker_views(s)[0]
        assert view.station == "Trạm Y tế phường An Phú"
        assert [t for _d, t, _p in view.trainings] == ["Phòng chống sốt xuất huyết", "Dinh dưỡng"]
        assert view.periods == 10
    err = refuse(RuleError, training.record_attendance, station_actor, session_id=own, village_worker_id=worker)
    assert err.field == "village_worker_id" and "Lê Thị Mười" in err.vi
    assert refuse(ValidationError, training.record_attendance, station_actor, session_id=centre,
                  village_worker_id=worker, person_name="Ai đó").field == "village_worker_id"
    nurse = write(station_db, lambda s: stations.add_staff(s, station_actor, full_name="Hà", title="nurse").id)
    assert refuse(ValidationError, training.record_attendance, station_actor, session_id=centre,
                  village_worker_id=worker, staff_id=nurse).field == "village_worker_id"
    refuse(PermissionDenied, training.record_attendance, centre_actor, session_id=own, village_worker_id=worker)
