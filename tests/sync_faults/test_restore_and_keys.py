"""Edge cases tests/sync does not cover: a restored backup whose re-sent rows the centre has since moved
on (guarantees 6 and 7), and two PCs of one station giving the same natural key offline (guarantee 2):
the row's id comes from the key, so both PCs make one row that the centre merges.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.sync_faults.conftest import CENTRE_USER
from tests.sync_faults.harness import CentreServer, diff_exports, export_of
from tests.sync_faults.world import Replica, World

pytest.importorskip("ytcs_desktop.sync.client")


@pytest.fixture
def world(sqlite_centre: CentreServer, tmp_path: Path) -> Iterator[World]:
    (tmp_path / "w").mkdir()
    w = World(sqlite_centre, tmp_path / "w", random.Random(3), CENTRE_USER)
    w.add_station("R", 2)
    w.add_centre()
    w.login_all(sqlite_centre.url)
    w.create_items(1)
    assert w.centre is not None
    w.staff_edit(w.centre, 0, "0915000001")  # a centre staff member to assign requests to
    w.settle(sqlite_centre.url)
    yield w
    w.close()


def _backup(replica: Replica, to: Path) -> None:
    src = sqlite3.connect(replica.db.path)
    dst = sqlite3.connect(to)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _restore(replica: Replica, backup: Path) -> None:
    from ytcs_desktop.store.db import Database

    path = replica.db.path
    replica.db.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(backup.read_bytes())
    replica.db = Database.open(path)


def _refused(replica: Replica) -> list[tuple[str, str, str]]:
    found = []
    with replica.db.read() as s:
        for table in ("support_requests", "request_transitions", "stock_transactions"):
            found += [(table, r[0], r[1]) for r in s.execute(text(
                f"SELECT id, sync_reason FROM {table} WHERE sync_state = 'rejected'"))]
    return found


def test_restored_station_resending_a_request_the_centre_moved_on_is_not_refused(
        world: World, sqlite_centre: CentreServer, tmp_path: Path) -> None:
    pc, hub = world.replicas[0], world.centre
    assert hub is not None
    world.new_request(pc, "Hỗ trợ siêu âm")
    world.move_request(pc, 0, "submitted")
    _backup(pc, tmp_path / "before-sync.sqlite3")
    world.sync(pc, sqlite_centre.url, must_complete=True)
    world.sync(hub, sqlite_centre.url, must_complete=True)
    world.move_request(hub, 0, "accepted")
    world.move_request(hub, 0, "scheduled")
    world.sync(hub, sqlite_centre.url, must_complete=True)
    _restore(pc, tmp_path / "before-sync.sqlite3")
    report = world.sync(pc, sqlite_centre.url, must_complete=True)
    assert report.restored
    world.settle(sqlite_centre.url)
    world.check()
    assert _refused(pc) == [] and report.rejected == 0  # a re-sent row is a duplicate, not a refusal


def test_restored_station_after_centre_comment_converges(world: World, sqlite_centre: CentreServer,
                                                          tmp_path: Path) -> None:
    """The same restore when the centre only appended to the request's thread: nothing refused."""
    pc, hub = world.replicas[0], world.centre
    assert hub is not None
    world.new_request(pc, "Hỗ trợ xét nghiệm")
    world.receive(pc, 0, 1, 30)
    _backup(pc, tmp_path / "before-sync.sqlite3")
    world.sync(pc, sqlite_centre.url, must_complete=True)
    world.sync(hub, sqlite_centre.url, must_complete=True)
    world.comment(hub, 0, "Trung tâm đã nhận")
    world.sync(hub, sqlite_centre.url, must_complete=True)
    _restore(pc, tmp_path / "before-sync.sqlite3")
    world.receive(pc, 0, 2, 12)  # written after the restore
    report = world.sync(pc, sqlite_centre.url, must_complete=True)
    assert report.restored and report.rejected == 0
    world.settle(sqlite_centre.url)
    world.check()
    assert _refused(pc) == []


def test_same_lot_number_at_two_pcs_converges(world: World, sqlite_centre: CentreServer) -> None:
    pc1, pc2 = world.replicas[0], world.replicas[1]
    world.receive(pc1, 0, 7, 100, lot_prefix="AB")
    world.receive(pc2, 0, 7, 40, lot_prefix="AB")
    world.settle(sqlite_centre.url)
    problems = diff_exports(export_of(pc1.db), export_of(pc2.db))
    assert not problems, "\n".join(problems)
    world.check()


def test_same_fridge_reading_at_two_pcs_converges(world: World, sqlite_centre: CentreServer) -> None:
    pc1, pc2 = world.replicas[0], world.replicas[1]
    world.reading(pc1, 4.0)  # creates the fridge
    world.settle(sqlite_centre.url)
    pc2.slot = pc1.slot
    pc2.days_back = pc1.days_back = 40
    world.reading(pc1, 5.0)
    world.reading(pc2, 6.0)
    world.settle(sqlite_centre.url)
    problems = diff_exports(export_of(pc1.db), export_of(pc2.db))
    assert not problems, "\n".join(problems)
    world.check()
    # one reading is kept everywhere (the later one); the PC whose reading was not kept has it in its log
    from ytcs_desktop.sync.conflicts import list_conflicts

    with pc1.db.read() as s:
        (kept,) = s.execute(text("SELECT celsius, origin FROM temperature_readings WHERE celsius IN (5.0, 6.0)")).all()
    loser = pc2 if kept[1] == pc1.db.replica_id else pc1
    assert [(c.field, c.losing_value["celsius"]) for c in list_conflicts(loser.db)] == [("*", 11.0 - kept[0])]
