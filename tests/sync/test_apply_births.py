"""The station side of a row born twice, on a real SQLite file and without a server: a pulled page that
carries the centre's choice for a reading this PC also recorded (SYNC.md guarantee 2)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.sync.conftest import new_db
from ytcs_desktop.domain import coldchain
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Fridge, Station
from ytcs_desktop.sync import apply as a
from ytcs_desktop.sync import conflicts
from ytcs_desktop.sync import protocol as p

DAY = dt.date(2026, 3, 2)
OTHER_PC = "0196aaaa-0000-7000-8000-00000000c0de"


@pytest.fixture
def pc(tmp_path: Path) -> Iterator[tuple[Database, str]]:
    station = new_id()
    db = new_db(tmp_path / "pc.sqlite3", station_id=station)
    fridge = new_id()
    with db.transaction() as s:
        s.add(Station(id=station, station_id=station, code="TYT-X", name="Trạm Y tế X"))
        s.add(Fridge(id=fridge, station_id=station, name="Tủ 1", active=True))
    yield db, fridge
    db.close()


def _record(db: Database, fridge: str, celsius: float) -> dict[str, Any]:
    actor = Actor("Điều dưỡng A", "station", db.station_id)
    with db.transaction() as s:
        coldchain.record_reading(s, actor, fridge_id=fridge, reading_date=DAY, slot="morning", celsius=celsius,
                                 now=dt.datetime(2026, 3, 2, 9, 0))
    return _image(db, coldchain.reading_id_for(fridge, DAY, "morning"))


def _image(db: Database, row_id: str) -> dict[str, Any]:
    cols = a.COLUMNS["temperature_readings"]
    with db.read() as s:
        row = s.execute(text(f"SELECT {', '.join(cols)} FROM temperature_readings WHERE id = :i"), {"i": row_id}).one()
    return dict(zip(cols, row, strict=True))


def _pushed(db: Database) -> None:
    """Everything in the outbox acknowledged (as after a push)."""
    with a.remote_write(db) as conn:
        top = conn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM sync_outbox").scalar()
        a.set_meta(conn, a.PUSH_CURSOR, str(top))


def _pull(db: Database, image: dict[str, Any]) -> int:
    cols = sorted(image)
    page = {"cursor": a.get_int(db, a.PULL_CURSOR) + 1,
            "tables": [{"t": "temperature_readings", "cols": cols, "data": p.to_columns([image], cols)}]}
    return a.apply_pull_page(db, page, None)[0]


def _other(image: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """The other PC's birth of the same row, a little later."""
    wall = int(str(image["hlc"])[:15]) + 1000
    return {**image, "hlc": f"{wall:015d}-000000-{OTHER_PC}", "origin": OTHER_PC, **changes}


def test_own_reading_replaced_by_the_centres_choice_is_logged(pc: tuple[Database, str]) -> None:
    db, fridge = pc
    mine = _record(db, fridge, 5.0)
    _pushed(db)
    theirs = _other(mine, celsius=6.5, recorded_by="Điều dưỡng B")
    assert _pull(db, theirs) == 1
    assert _image(db, mine["id"]) == theirs
    (entry,) = conflicts.list_conflicts(db)
    assert (entry.table, entry.row_id, entry.field) == ("temperature_readings", mine["id"], "*")
    assert (entry.losing_value["celsius"], entry.losing_hlc) == (5.0, mine["hlc"])
    assert (entry.winning_value["celsius"], entry.winning_hlc) == (6.5, theirs["hlc"])
    _pull(db, theirs)  # pulled again (a restore pulls own rows back): nothing more to log
    assert len(conflicts.list_conflicts(db)) == 1


def test_same_reading_with_another_stamp_is_not_a_loss(pc: tuple[Database, str]) -> None:
    db, fridge = pc
    mine = _record(db, fridge, 5.0)
    _pushed(db)
    theirs = _other(mine)
    _pull(db, theirs)
    assert _image(db, mine["id"]) == theirs  # the stamp is the centre's, as at every replica
    assert conflicts.list_conflicts(db) == []


def test_a_reading_this_pc_did_not_write_is_not_its_loss(pc: tuple[Database, str]) -> None:
    db, fridge = pc
    mine = _record(db, fridge, 5.0)
    _pushed(db)
    first = _other(mine, celsius=7.0)
    _pull(db, first)
    conflicts.dismiss(db, conflicts.list_conflicts(db)[0].id)
    third_pc = OTHER_PC[:-4] + "beef"
    third = {**first, "hlc": first["hlc"].replace(OTHER_PC, third_pc), "origin": third_pc, "celsius": 7.5}
    _pull(db, third)  # a third PC's reading replaced the second's: none of this PC's business
    assert conflicts.list_conflicts(db) == []
    assert _image(db, mine["id"])["celsius"] == 7.5


def test_an_unsent_reading_is_kept_until_its_push_is_answered(pc: tuple[Database, str]) -> None:
    db, fridge = pc
    mine = _record(db, fridge, 5.0)  # not pushed yet
    _pull(db, _other(mine, celsius=6.5))
    assert _image(db, mine["id"]) == mine
    assert conflicts.list_conflicts(db) == []
    with db.read() as s:
        assert s.scalar(text("SELECT sync_state FROM temperature_readings")) == "pending"
