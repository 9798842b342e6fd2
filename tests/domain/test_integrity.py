"""`check`: a sound database passes; each kind of damage to the ledger or the bookkeeping is found."""

from __future__ import annotations

import datetime as dt
import sqlite3

from ytcs_desktop.domain.integrity import check_database
from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Item, Lot, StockTransaction

NOW = dt.datetime(2026, 2, 1, 1, tzinfo=dt.UTC)


def _lot(db: Database) -> tuple[str, str, str]:
    """An item, a lot with a receipt of 100 and an issue of 30; returns (item, lot, receipt) ids."""
    with db.transaction() as s:
        item = Item(code="AMOX500", name="Amoxicillin 500mg", base_unit="viên", category="drug")
        s.add(item)
        s.flush()
        lot = Lot(station_id=db.station_id, item_id=item.id, lot_no="A1", expiry=dt.date(2027, 1, 1))
        s.add(lot)
        s.flush()
        receipt = StockTransaction(station_id=db.station_id, item_id=item.id, lot_id=lot.id, kind="receipt",
                                   txn_date=dt.date(2026, 1, 2), quantity=100, created_at=NOW)
        s.add(receipt)
        s.add(StockTransaction(station_id=db.station_id, item_id=item.id, lot_id=lot.id, kind="issue",
                               txn_date=dt.date(2026, 1, 3), quantity=-30, created_at=NOW))
        s.flush()
        return item.id, lot.id, receipt.id


def _txn(db: Database, item: str, lot: str, qty: int, reverses: str | None = None) -> None:
    with db.transaction() as s:
        s.add(StockTransaction(station_id=db.station_id, item_id=item, lot_id=lot, kind="reversal" if reverses else
                               "issue", txn_date=dt.date(2026, 1, 4), quantity=qty, reverses_id=reverses,
                               created_at=NOW))


def checks(db: Database) -> set[str]:
    with db.read() as s:
        return {f.check for f in check_database(s)}


def test_sound_database_is_ok(station_db: Database) -> None:
    item, lot, receipt = _lot(station_db)
    _txn(station_db, item, lot, 200)
    _txn(station_db, item, lot, -100, reverses=receipt)  # a proper reversal
    assert checks(station_db) == set()


def test_negative_stock_found(station_db: Database) -> None:
    item, lot, _ = _lot(station_db)
    _txn(station_db, item, lot, -71)
    with station_db.read() as s:
        (finding,) = check_database(s)
    assert finding.check == "negative_stock"
    assert "A1" in finding.vi and "AMOX500" in finding.vi and "-1" in finding.en


def test_bad_reversals_found(station_db: Database) -> None:
    item, lot, receipt = _lot(station_db)
    _txn(station_db, item, lot, 500)
    _txn(station_db, item, lot, -50, reverses=receipt)  # wrong quantity
    assert "reversal_quantity" in checks(station_db)
    _txn(station_db, item, lot, -100, reverses=receipt)  # second reversal of the same row
    assert checks(station_db) == {"reversal_quantity", "reversed_twice"}


def test_reversal_on_other_lot_found(station_db: Database) -> None:
    item, _lot_id, receipt = _lot(station_db)
    with station_db.transaction() as s:
        other = Lot(station_id=station_db.station_id, item_id=item, lot_no="A2", expiry=dt.date(2027, 6, 1))
        s.add(other)
        s.flush()
        s.add(StockTransaction(station_id=station_db.station_id, item_id=item, lot_id=other.id, kind="receipt",
                               txn_date=dt.date(2026, 1, 2), quantity=200, created_at=NOW))
        s.flush()
        other_id = other.id
    _txn(station_db, item, other_id, -100, reverses=receipt)
    assert "reversal_lot" in checks(station_db)


def test_orphans_and_broken_bookkeeping_found(station_db: Database) -> None:
    item, lot, _ = _lot(station_db)
    raw = sqlite3.connect(station_db.path)  # foreign keys off: what a damaged copy could hold
    try:
        raw.execute(
            "INSERT INTO stock_transactions (id, station_id, hlc, origin, deleted, sync_state, item_id, lot_id, "
            "txn_date, kind, quantity, reverses_id, created_at) VALUES (?, ?, '1-0-x', 'x', 0, 'pending', ?, ?, "
            "'2026-01-05', 'reversal', 5, ?, '2026-01-05 00:00:00')",
            (new_id(), station_db.station_id, item, lot, new_id()))
        raw.execute("INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, hlc, fields) "
                    "VALUES ('m1', 'items', 'r', 'frob', '1-0-x', '{}')")
        raw.execute("INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, hlc, fields) "
                    "VALUES ('m2', 'items', 'r', 'insert', '1-0-x', 'not json')")
        raw.execute("UPDATE items SET sync_state = 'rejected', sync_reason = NULL")
        raw.commit()
    finally:
        raw.close()
    found = checks(station_db)
    assert {"foreign_key", "reversal_orphan", "outbox", "row_state"} <= found


def test_paused_capture_found(station_db: Database) -> None:
    raw = sqlite3.connect(station_db.path)
    try:
        raw.execute("INSERT INTO sync_capture_pause (token) VALUES (1)")
        raw.commit()
    finally:
        raw.close()
    assert checks(station_db) == {"capture_paused"}
