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
from ytcs_desktop.store.models import Item
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
