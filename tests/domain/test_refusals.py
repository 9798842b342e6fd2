"""Refused changes in the station's words: grouped by kind and decision, each record named as people know
it (item, lot, date, quantity; a request's number), the centre's decision and what to do; never a table or
column name, a raw value or a row id."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.catalogue import upsert_item
from ytcs_desktop.domain.inventory import receive
from ytcs_desktop.domain.refusals import refusal_groups, refused_count
from ytcs_desktop.store.db import Database
from ytcs_desktop.sync.apply import remote_write


def test_refusals_are_grouped_and_told_plainly(station_db: Database) -> None:
    db = station_db
    day = dt.date(2026, 11, 3)
    with db.transaction() as s:
        item, _ = upsert_item(s, Actor("Khoa Dược", "centre"), {"code": "PARA500", "name": "Paracetamol 500 mg",
                                                                  "base_unit": "viên", "category": "drug"})
        actor = Actor("Lê Thị Hoa", "station", db.station_id)
        for n in range(3):
            receive(s, actor, item_id=item.id, lot_no=f"L{n}", expiry=dt.date(2029, 1, 31), quantity=1200 + n,
                    txn_date=day)
    with db.read() as s:
        ids = [r[0] for r in s.execute(text("SELECT id FROM stock_transactions ORDER BY lot_id"))]
    reason = ("Dòng của stock_transactions không sửa hay xoá được: hãy ghi một dòng điều chỉnh (đảo bút toán). / "
              "Rows of stock_transactions cannot be changed or deleted: write a reversal instead. [insert_only]")
    with remote_write(db) as conn:
        for row_id in ids:
            conn.exec_driver_sql("UPDATE stock_transactions SET sync_state = 'rejected', sync_reason = ? WHERE id = ?",
                                 (reason, row_id))
        conn.exec_driver_sql("UPDATE stations SET sync_state = 'rejected', sync_reason = ?",
                             ("Lỗi lạ của cột some_column. / Odd error of some_column. [strange]",))
    with db.read() as s:
        assert refused_count(s) == 4
        groups = refusal_groups(s, "vi")
        english = refusal_groups(s, "en")
    ledger = next(g for g in groups if g.code == "insert_only")
    assert ledger.kind == "Dòng sổ kho" and len(ledger.records) == 3
    assert ledger.records[0] == "Paracetamol 500 mg, lô L0, 03/11/2026, +1.200"
    assert ledger.decision == "Sổ đã ghi không sửa hay xoá được."
    assert ledger.action.startswith("Hãy ghi một dòng điều chỉnh")
    other = next(g for g in groups if g.code == "strange")
    assert other.records == ["Trạm Y tế phường An Phú"] and "some_column" not in other.decision
    first = next(g for g in english if g.code == "insert_only").records[0]
    assert first == "Paracetamol 500 mg, lot L0, 03/11/2026, +1,200"
    for g in groups + english:
        shown = " ".join([g.kind, g.what, g.decision, g.action])
        assert "stock_transactions" not in shown and "[" not in shown and all(i not in shown for i in ids)
