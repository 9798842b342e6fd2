"""receive_many: all-or-nothing bulk receipts that store exactly what `receive` stores."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from tests.domain.inventory.conftest import Inv, counts
from ytcs_desktop.domain.errors import ValidationError
from ytcs_desktop.domain.inventory import on_hand_by_lot, receive, receive_many

D = dt.date


def _raw(inv: Inv, txn_id: str) -> dict[str, object]:
    with inv.db.read() as s:
        row = s.execute(text("SELECT * FROM stock_transactions WHERE id = :id"), {"id": txn_id}).mappings().one()
        return dict(row)


def test_bulk_rows_match_single_receipts_and_are_captured(inv: Inv) -> None:
    with inv.db.transaction() as s:
        (one,) = receive(s, inv.nurse, item_id=inv.para, lot_no="A", expiry=D(2027, 1, 1), quantity=10,
                         txn_date=D(2026, 3, 1), doc_no="PN-1", source="centre")
        one_id = one.id
    before = counts(inv.db)
    lines = [
        {"item_id": inv.para, "lot_no": "A", "expiry": D(2027, 1, 1), "quantity": 5, "txn_date": D(2026, 3, 2),
         "doc_no": "PN-2", "source": "centre"},
        {"item_id": inv.para, "lot_no": "B", "expiry": D(2027, 6, 1), "quantity": 7, "txn_date": D(2026, 3, 2)},
        {"item_id": inv.bcg, "lot_no": "V", "expiry": D(2027, 6, 1), "quantity": 20, "txn_date": D(2026, 3, 2),
         "vvm_stage": 1, "manufacturer": "IVAC"},
        {"item_id": inv.para, "lot_no": "B", "expiry": D(2027, 6, 1), "quantity": 3, "txn_date": D(2026, 3, 2)},
    ]
    with inv.db.transaction() as s:
        ids = receive_many(s, inv.nurse, lines)
    assert len(ids) == 4
    ledger, outbox = counts(inv.db)
    assert ledger == before[0] + 4
    assert outbox == before[1] + 4 + 2  # four ledger rows and two new lots
    single, bulk = _raw(inv, one_id), _raw(inv, ids[0])
    for col in ("station_id", "item_id", "lot_id", "kind", "source", "deleted", "sync_state", "origin", "actor"):
        assert bulk[col] == single[col], col
    assert bulk["txn_date"] == "2026-03-02" and single["txn_date"] == "2026-03-01"
    assert len(str(bulk["created_at"])) == len(str(single["created_at"]))
    assert bulk["hlc"] and bulk["hlc"] > single["hlc"]
    with inv.db.read() as s:
        assert {b.lot_no: b.quantity for b in on_hand_by_lot(s, inv.station_id)} == {"A": 15, "B": 10, "V": 20}


def test_one_bad_line_refuses_the_batch_and_names_it(inv: Inv, refused) -> None:
    good = {"item_id": inv.para, "lot_no": "A", "expiry": D(2027, 1, 1), "quantity": 5, "txn_date": D(2026, 3, 2)}
    for bad, code in (
        ({**good, "quantity": 0}, "bad_quantity"),
        ({**good, "item_id": "nope"}, "item_not_found"),
        ({**good, "expiry": D(2028, 1, 1)}, "lot_expiry_mismatch"),
        ({**good, "source": "chợ"}, "bad_source"),
    ):
        with refused(code), inv.db.transaction() as s:
            receive_many(s, inv.nurse, [good, good, bad])
    with pytest.raises(ValidationError) as info, inv.db.transaction() as s:
        receive_many(s, inv.nurse, [good, {**good, "quantity": -1}])
    assert info.value.vi.startswith("Dòng 2:") and info.value.en.startswith("Line 2:")
    assert info.value.field == "lines[1].quantity"
    with refused("station_only"), inv.db.transaction() as s:
        receive_many(s, inv.centre, [good])
