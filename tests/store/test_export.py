"""`export`: every syncable row, deterministic, no local bookkeeping, JSON-ready values."""

from __future__ import annotations

import datetime as dt
import io
import json

from ytcs_desktop.store.capture import syncable_tables
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.export import dumps, export_data, write_export
from ytcs_desktop.store.models import Item, Lot, StockTransaction


def _seed(db: Database) -> str:
    with db.transaction() as s:
        item = Item(code="PARA500", name="Paracetamol 500mg viên", base_unit="viên", category="drug")
        s.add(item)
        s.flush()
        lot = Lot(station_id=db.station_id, item_id=item.id, lot_no="L01", expiry=dt.date(2027, 3, 31))
        s.add(lot)
        s.flush()
        s.add(StockTransaction(station_id=db.station_id, item_id=item.id, lot_id=lot.id, txn_date=dt.date(2026, 1, 5),
                               kind="receipt", quantity=500, created_at=dt.datetime(2026, 1, 5, 2, tzinfo=dt.UTC)))
        return item.id


def test_every_syncable_table_sorted_rows_without_local_columns(station_db: Database) -> None:
    item_id = _seed(station_db)
    with station_db.read() as s:
        data = export_data(s)
    assert data["format"] == "ytcs-export"
    assert list(data["tables"]) == sorted(t.name for t in syncable_tables())
    for rows in data["tables"].values():
        assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)
        for row in rows:
            assert "sync_state" not in row and "sync_reason" not in row
            assert {"id", "station_id", "hlc", "origin", "deleted"} <= set(row)
    (item,) = data["tables"]["items"]
    assert item["id"] == item_id and item["name"] == "Paracetamol 500mg viên" and item["deleted"] is False
    (lot,) = data["tables"]["lots"]
    assert lot["expiry"] == "2027-03-31"
    (txn,) = data["tables"]["stock_transactions"]
    assert txn["created_at"] == "2026-01-05T02:00:00+00:00"
    assert txn["quantity"] == 500
    json.loads(dumps(data))  # JSON-ready as it stands


def test_two_exports_byte_identical_and_sync_state_ignored(station_db: Database) -> None:
    _seed(station_db)
    first, second = io.StringIO(), io.StringIO()
    with station_db.read() as s:
        counts = write_export(s, first)
    assert counts["items"] == 1 and counts["stations"] == 1
    # Local bookkeeping changes (a push acknowledged) leave the export as it was.
    with station_db.applying_remote() as s:
        for item in s.query(Item):
            item.sync_state = "synced"
    with station_db.read() as s:
        write_export(s, second)
    assert first.getvalue() == second.getvalue()
    assert "Paracetamol 500mg viên" in first.getvalue()  # not \\u-escaped


def test_tombstones_are_exported(station_db: Database) -> None:
    _seed(station_db)
    with station_db.transaction() as s:
        item = s.query(Item).one()
        item.deleted = True
    with station_db.read() as s:
        assert export_data(s)["tables"]["items"][0]["deleted"] is True
