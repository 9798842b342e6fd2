"""A backup taken while receipts are being written is one consistent moment: the copy passes every check of
`ytcs check` (file, foreign keys, ledger, sync bookkeeping) and holds a whole number of receipts, each with
its lot and its outbox row; nothing the writer did was slowed into a failure."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.catalogue import upsert_item
from ytcs_desktop.domain.integrity import check_database
from ytcs_desktop.domain.inventory import receive
from ytcs_desktop.store.backup import make_backup
from ytcs_desktop.store.db import Database


def test_backups_while_a_writer_works_are_each_consistent(station_db: Database, tmp_path: Path) -> None:
    db = station_db
    actor = Actor("Lê Thị Hoa", "station", db.station_id)
    with db.transaction() as s:
        item, _ = upsert_item(s, Actor("Khoa Dược", "centre"), {"code": "PARA500", "name": "Paracetamol 500 mg",
                                                                  "base_unit": "viên", "category": "drug"})
    stop = threading.Event()
    written: list[int] = []
    errors: list[BaseException] = []

    def writer() -> None:
        n = 0
        try:
            while not stop.is_set() and n < 2000:
                with db.transaction() as s:
                    receive(s, actor, item_id=item.id, lot_no=f"L{n:05d}", expiry=dt.date(2029, 1, 31), quantity=10,
                            txn_date=dt.date.today())
                n += 1
                written.append(n)
        except BaseException as exc:  # reported below: the writer must never fail because of a backup
            errors.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    copies = []
    try:
        while len(written) < 20:
            stop.wait(0.01)
        for n in range(5):
            copies.append(make_backup(db.path, tmp_path / "backups", when=dt.datetime(2026, 12, 7, 9, n)).path)
    finally:
        stop.set()
        thread.join(timeout=60)
    assert not errors, errors
    seen = []
    for path in copies:
        copy = Database(path)
        try:
            with copy.read() as s:
                assert check_database(s) == [], path
        finally:
            copy.close()
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            receipts = conn.execute("SELECT count(*) FROM stock_transactions").fetchone()[0]
            lots = conn.execute("SELECT count(*) FROM lots").fetchone()[0]
            captured = conn.execute("SELECT count(*) FROM sync_outbox WHERE table_name = 'stock_transactions'"
                                    ).fetchone()[0]
        finally:
            conn.close()
        assert receipts == lots == captured  # each receipt whole: its lot and its outbox row, or none of them
        seen.append(receipts)
    assert seen == sorted(seen) and seen[-1] <= len(written)
    assert seen[0] >= 20
