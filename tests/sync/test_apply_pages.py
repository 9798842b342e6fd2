"""Writing a pulled page on a real SQLite file, without a server: rows go in as statements of many rows,
and a row that breaks a local unique rule is kept aside without costing the rest of the page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests.sync.conftest import new_db
from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Fridge, Item, Station
from ytcs_desktop.sync import apply as a
from ytcs_desktop.sync import conflicts
from ytcs_desktop.sync import protocol as p

CENTRE = "0196bbbb-0000-7000-8000-0000000ce17e"


@pytest.fixture
def pc(tmp_path: Path) -> Iterator[Database]:
    db = new_db(tmp_path / "pc.sqlite3", station_id=new_id())
    yield db
    db.close()


def _items(n: int) -> list[dict[str, Any]]:
    return [{"id": new_id(), "station_id": None, "hlc": f"{1_700_000_000_000 + i:015d}-000000-{CENTRE}",
             "origin": CENTRE, "deleted": False, "code": f"T{i:05d}", "name": f"Thuốc {i}", "base_unit": "viên",
             "category": "drug", "min_stock": 0, "max_stock": 0, "freeze_sensitive": False, "active": True}
            for i in range(n)]


def _pull(db: Database, images: list[dict[str, Any]]) -> int:
    cols = sorted(images[0])
    page = {"cursor": a.get_int(db, a.PULL_CURSOR) + 1,
            "tables": [{"t": "items", "cols": cols, "data": p.to_columns(images, cols)}]}
    return a.apply_pull_page(db, page, None)[0]


def _stored(db: Database) -> dict[str, tuple[Any, ...]]:
    with db.read() as s:
        rows = s.execute(text("SELECT id, code, name, hlc, sync_state FROM items")).all()
    return {r[0]: tuple(r[1:]) for r in rows}


def test_a_page_of_many_statements_writes_every_row_once(pc: Database) -> None:
    images = _items(1024 + 128 + 16 + 3)  # one statement of each size and three single rows
    assert _pull(pc, images) == len(images)
    assert _stored(pc) == {i["id"]: (i["code"], i["name"], i["hlc"], "synced") for i in images}
    again = [{**i, "name": i["name"] + " (mới)"} for i in images]  # the centre's later edit of each
    assert _pull(pc, again) == len(images)
    assert _stored(pc) == {i["id"]: (i["code"], i["name"], i["hlc"], "synced") for i in again}
    assert a.pending_count(pc) == 0  # nothing pulled is queued for push


@pytest.mark.parametrize("clash", [5, 700, 1030, 1160, 1170])
def test_a_row_breaking_a_local_rule_is_kept_aside_and_the_rest_written(pc: Database, clash: int) -> None:
    """The clash falls in the first or a later statement of many rows, or among the single rows."""
    images = _items(1024 + 128 + 16 + 3)
    mine = new_id()
    with pc.transaction() as s:  # this PC's own item already uses the code the centre gives another one
        s.add(Item(id=mine, code=images[clash]["code"], name="Của trạm", base_unit="viên", category="drug"))
    before = _stored(pc)[mine]
    assert _pull(pc, images) == len(images) - 1
    stored = _stored(pc)
    assert stored.pop(mine) == before
    assert stored == {i["id"]: (i["code"], i["name"], i["hlc"], "synced") for n, i in enumerate(images) if n != clash}
    (kept,) = conflicts.list_conflicts(pc)
    assert (kept.table, kept.row_id, kept.field) == ("items", images[clash]["id"], "*")
    assert kept.losing_value["code"] == images[clash]["code"]
    assert str(kept.winning_value).startswith("local rule: UNIQUE constraint failed: items.code")


def _states(db: Database, table: str) -> dict[str, tuple[str, str | None]]:
    with db.read() as s:
        return {r[0]: (r[1], r[2]) for r in s.execute(text(f"SELECT id, sync_state, sync_reason FROM {table}"))}


def test_an_answer_marks_each_row_by_its_last_write(pc: Database) -> None:
    """A row written again after the batch stays pending; one written twice in it is marked once; a refusal
    marks its row rejected and the rest synced; the push cursor moves to the batch's end."""
    station = pc.station_id
    assert station is not None
    ids = [new_id() for _ in range(4)]
    with pc.transaction() as s:
        s.add(Station(id=station, station_id=station, code="TYT-A", name="Trạm Y tế A"))
        for n, f in enumerate(ids):
            s.add(Fridge(id=f, station_id=station, name=f"Tủ {n}"))
    with pc.transaction() as s:
        fridge = s.get(Fridge, ids[1])
        assert fridge is not None
        fridge.location = "Phòng 1"  # written twice within the batch
    batch = a.read_outbox(pc, a.get_int(pc, a.PUSH_CURSOR), 1000)
    with pc.transaction() as s:
        fridge = s.get(Fridge, ids[0])
        assert fridge is not None
        fridge.location = "Phòng 2"  # written again after the batch was read
    refused = next(r.seq for r in batch.rows if r.table == "fridges" and r.row_id == ids[3])
    results = "".join("r" if r.seq == refused else "a" for r in batch.rows)
    answer = p.PushResponse(results=results, acked_seq=batch.last_seq, clock_suspect=False, server_time_ms=0,
                            details=[p.Detail(q=refused, code="not_owner", vi="Không", en="No")])
    assert a.record_push_answer(pc, batch.rows, answer) == (1, 0)
    states = _states(pc, "fridges")
    assert states[ids[0]] == ("pending", None)
    assert states[ids[1]] == ("synced", None) and states[ids[2]] == ("synced", None)
    assert states[ids[3]] == ("rejected", "Không / No [not_owner]")
    assert a.get_int(pc, a.PUSH_CURSOR) == batch.last_seq
    audit = _states(pc, "audit_log")
    sent = {r.row_id for r in batch.rows if r.table == "audit_log"}
    assert {i: audit[i] for i in sent} == {i: ("synced", None) for i in sent}
    assert a.pending_count(pc) == 2  # the later edit and its audit row
    # The same batch again, all applied (a re-sent batch): the refusal stays, the later edit stays pending.
    again = p.PushResponse(results="a" * len(batch.rows), acked_seq=batch.last_seq, clock_suspect=False,
                           server_time_ms=0)
    assert a.record_push_answer(pc, batch.rows, again) == (0, 0)
    assert _states(pc, "fridges") == states
