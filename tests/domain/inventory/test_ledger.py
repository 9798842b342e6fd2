"""Receipts, FEFO issue, transfers, adjustments, disposals and reversals against a real SQLite file."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from tests.domain.inventory.conftest import TODAY, Inv, counts
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.inventory import (
    adjust,
    close_period,
    dispose,
    issue,
    on_hand_by_item,
    on_hand_by_lot,
    receive,
    reverse,
    transfer_in,
    transfer_out,
)
from ytcs_desktop.store.base import utc_now
from ytcs_desktop.store.models import Lot, Quarantine, StockTransaction

D = dt.date


def _receive(
    inv: Inv, item: str, lot: str, expiry: dt.date, qty: int, day: dt.date = D(2026, 3, 1), **kw: object
) -> str:
    with inv.db.transaction() as s:
        (txn,) = receive(s, inv.nurse, item_id=item, lot_no=lot, expiry=expiry, quantity=qty, txn_date=day, **kw)
        return txn.lot_id


def _lot_qty(inv: Inv) -> dict[str, int]:
    with inv.db.read() as s:
        return {b.lot_no: b.quantity for b in on_hand_by_lot(s, inv.station_id)}


def test_receipt_creates_lot_and_ledger_row_captured_for_sync(inv: Inv) -> None:
    before = counts(inv.db)
    lot_id = _receive(inv, inv.para, "P1", D(2027, 1, 31), 500, doc_no="PN-01", source="centre")
    ledger, outbox = counts(inv.db)
    assert ledger == before[0] + 1
    assert outbox >= before[1] + 2  # the lot and the ledger row
    with inv.db.read() as s:
        txn = s.scalars(select(StockTransaction)).one()
        assert (txn.kind, txn.quantity, txn.lot_id) == ("receipt", 500, lot_id)
        assert (txn.source, txn.doc_no) == ("centre", "PN-01")
        assert txn.station_id == inv.station_id and txn.actor == inv.nurse.name
    # a second receipt of the same lot number adds to the same lot
    assert _receive(inv, inv.para, "P1", D(2027, 1, 31), 100) == lot_id
    assert _lot_qty(inv) == {"P1": 600}


def test_receipt_refusals(inv: Inv, refused) -> None:
    _receive(inv, inv.para, "P1", D(2027, 1, 31), 10)
    cases = [
        ("bad_quantity", dict(item_id=inv.para, lot_no="P2", expiry=D(2027, 1, 1), quantity=0)),
        ("bad_quantity", dict(item_id=inv.para, lot_no="P2", expiry=D(2027, 1, 1), quantity=-5)),
        ("item_not_found", dict(item_id="nope", lot_no="P2", expiry=D(2027, 1, 1), quantity=5)),
        ("bad_lot_no", dict(item_id=inv.para, lot_no="  ", expiry=D(2027, 1, 1), quantity=5)),
        ("lot_expiry_mismatch", dict(item_id=inv.para, lot_no="P1", expiry=D(2027, 6, 1), quantity=5)),
        ("bad_source", dict(item_id=inv.para, lot_no="P2", expiry=D(2027, 1, 1), quantity=5, source="x")),
    ]
    for code, kw in cases:
        with refused(code), inv.db.transaction() as s:
            receive(s, inv.nurse, txn_date=D(2026, 3, 2), **kw)  # type: ignore[arg-type]
    with refused("station_only"), inv.db.transaction() as s:
        receive(s, inv.centre, item_id=inv.para, lot_no="P2", expiry=D(2027, 1, 1), quantity=5, txn_date=TODAY)


def test_fefo_issue_takes_first_expiry_first_across_lots(inv: Inv) -> None:
    _receive(inv, inv.para, "LATE", D(2027, 12, 31), 100)
    _receive(inv, inv.para, "EARLY", D(2026, 9, 30), 30)
    _receive(inv, inv.para, "MID", D(2027, 3, 31), 50)
    with inv.db.transaction() as s:
        rows = issue(s, inv.nurse, item_id=inv.para, quantity=60, txn_date=TODAY, counterparty="Phòng khám")
        got = [(s.get(Lot, r.lot_id).lot_no, r.quantity) for r in rows]  # type: ignore[union-attr]
    assert got == [("EARLY", -30), ("MID", -30)]
    assert _lot_qty(inv) == {"LATE": 100, "MID": 20}


def test_fefo_override_needs_reason(inv: Inv, refused) -> None:
    _receive(inv, inv.para, "EARLY", D(2026, 9, 30), 30)
    late = _receive(inv, inv.para, "LATE", D(2027, 12, 31), 100)
    with refused("fefo_override"), inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.para, quantity=5, txn_date=TODAY, lot_id=late)
    with inv.db.transaction() as s:
        (row,) = issue(s, inv.nurse, item_id=inv.para, quantity=5, txn_date=TODAY, lot_id=late,
                       override_reason="Bệnh nhân cần hộp nguyên")
        assert "Bệnh nhân cần hộp nguyên" in (row.reason or "")
    assert _lot_qty(inv) == {"EARLY": 30, "LATE": 95}


def test_no_over_issue_of_lot_or_item(inv: Inv, refused) -> None:
    a = _receive(inv, inv.para, "A", D(2026, 9, 30), 30)
    _receive(inv, inv.para, "B", D(2027, 9, 30), 20)
    with refused("over_issue"), inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.para, quantity=31, txn_date=TODAY, lot_id=a)
    with refused("over_issue"), inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.para, quantity=51, txn_date=TODAY)
    with refused("over_issue"), inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.amox, quantity=1, txn_date=TODAY)  # nothing in stock
    # a back-dated issue may not uncover a later one
    with inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.para, quantity=30, txn_date=D(2026, 3, 10), lot_id=a)
    _receive(inv, inv.para, "A", D(2026, 9, 30), 10, day=D(2026, 3, 12))
    with refused("over_issue"), inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.para, quantity=5, txn_date=D(2026, 3, 11), lot_id=a)


def test_expired_quarantined_and_vvm_lots_are_not_issued(inv: Inv, refused) -> None:
    old = _receive(inv, inv.para, "OLD", D(2026, 3, 14), 10)
    bcg_q = _receive(inv, inv.bcg, "Q1", D(2027, 1, 1), 100)
    bcg_v = _receive(inv, inv.bcg, "V3", D(2027, 2, 1), 100, vvm_stage=3)
    with inv.db.transaction() as s:
        s.add(Quarantine(station_id=inv.station_id, lot_id=bcg_q, reason="Nhiệt độ 9,5 °C", started_at=utc_now()))
    with refused("lot_expired"), inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.para, quantity=1, txn_date=TODAY, lot_id=old)
    # the expiry day itself is still usable
    with inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.para, quantity=1, txn_date=D(2026, 3, 14), lot_id=old)
    with refused("lot_quarantined"), inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.bcg, quantity=1, txn_date=TODAY, lot_id=bcg_q)
    with refused("lot_vvm"), inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.bcg, quantity=1, txn_date=TODAY, lot_id=bcg_v)
    # FEFO skips all three: nothing issuable is left
    with refused("over_issue"), inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.bcg, quantity=1, txn_date=TODAY)
    with refused("over_issue"), inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.para, quantity=1, txn_date=TODAY)
    with refused("lot_quarantined"), inv.db.transaction() as s:
        transfer_out(s, inv.nurse, lot_id=bcg_q, quantity=1, txn_date=TODAY, to_station_id=inv.other_station_id)
    # disposal is how they leave stock
    with inv.db.transaction() as s:
        dispose(s, inv.nurse, lot_id=old, quantity=9, txn_date=TODAY, reason_code="expired")
        dispose(s, inv.nurse, lot_id=bcg_q, quantity=100, txn_date=TODAY, reason_code="other", note="Cách ly")
        dispose(s, inv.nurse, lot_id=bcg_v, quantity=100, txn_date=TODAY, reason_code="vvm")
    assert _lot_qty(inv) == {}


def test_zero_negative_unknown_and_wrong_station(inv: Inv, refused) -> None:
    lot = _receive(inv, inv.para, "A", D(2027, 9, 30), 30)
    other_nurse = Actor("Lê Thị Hoa", "station", inv.other_station_id)
    for qty in (0, -1, "ba", 1.5):
        with refused("bad_quantity"), inv.db.transaction() as s:
            issue(s, inv.nurse, item_id=inv.para, quantity=qty, txn_date=TODAY)  # type: ignore[arg-type]
    with refused("quantity_too_large"), inv.db.transaction() as s:
        receive(s, inv.nurse, item_id=inv.para, lot_no="A", expiry=D(2027, 9, 30), quantity=10**19, txn_date=TODAY)
    with refused("quantity_too_large"), inv.db.transaction() as s:
        adjust(s, inv.nurse, lot_id=lot, delta=-(10**12), txn_date=TODAY, reason="Gõ nhầm")
    with refused("item_not_found"), inv.db.transaction() as s:
        issue(s, inv.nurse, item_id="no-such-item", quantity=1, txn_date=TODAY)
    with refused("lot_not_found"), inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.para, quantity=1, txn_date=TODAY, lot_id="no-such-lot")
    with refused("lot_not_found"), inv.db.transaction() as s:
        issue(s, other_nurse, item_id=inv.para, quantity=1, txn_date=TODAY, lot_id=lot)
    with refused("lot_item_mismatch"), inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.amox, quantity=1, txn_date=TODAY, lot_id=lot)
    with refused("bad_date"), inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.para, quantity=1, txn_date="2026-03-01")  # type: ignore[arg-type]


def test_closed_period_refuses_back_dating(inv: Inv, refused) -> None:
    lot = _receive(inv, inv.para, "A", D(2027, 9, 30), 30, day=D(2026, 1, 10))
    with inv.db.transaction() as s:
        close_period(s, inv.nurse, closed_through=D(2026, 1, 31), today=TODAY)
    with refused("period_closed"), inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.para, quantity=1, txn_date=D(2026, 1, 31))
    with refused("period_closed"), inv.db.transaction() as s:
        receive(s, inv.nurse, item_id=inv.para, lot_no="A", expiry=D(2027, 9, 30), quantity=1,
                txn_date=D(2026, 1, 5))
    with refused("period_closed"), inv.db.transaction() as s:
        adjust(s, inv.nurse, lot_id=lot, delta=-1, txn_date=D(2026, 1, 20), reason="Vỡ")
    with refused("already_closed"), inv.db.transaction() as s:
        close_period(s, inv.nurse, closed_through=D(2026, 1, 15), today=TODAY)
    with refused("close_future"), inv.db.transaction() as s:
        close_period(s, inv.nurse, closed_through=TODAY, today=TODAY)
    with inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.para, quantity=1, txn_date=D(2026, 2, 1))


def test_reversal_once_only_and_never_negative(inv: Inv, refused) -> None:
    with inv.db.transaction() as s:
        (rec,) = receive(s, inv.nurse, item_id=inv.para, lot_no="A", expiry=D(2027, 9, 30), quantity=30,
                         txn_date=D(2026, 3, 1))
        (iss,) = issue(s, inv.nurse, item_id=inv.para, quantity=10, txn_date=D(2026, 3, 2))
        rec_id, iss_id = rec.id, iss.id
    with inv.db.transaction() as s:
        (rev,) = reverse(s, inv.nurse, txn_id=iss_id, txn_date=D(2026, 3, 3), reason="Ghi nhầm số lượng")
        assert (rev.kind, rev.quantity, rev.reverses_id) == ("reversal", 10, iss_id)
        rev_id = rev.id
    assert _lot_qty(inv) == {"A": 30}
    with refused("already_reversed"), inv.db.transaction() as s:
        reverse(s, inv.nurse, txn_id=iss_id, txn_date=D(2026, 3, 4), reason="lại")
    with refused("reverse_reversal"), inv.db.transaction() as s:
        reverse(s, inv.nurse, txn_id=rev_id, txn_date=D(2026, 3, 4), reason="lại")
    with refused("reason_required"), inv.db.transaction() as s:
        reverse(s, inv.nurse, txn_id=rec_id, txn_date=D(2026, 3, 4), reason=" ")
    with refused("txn_not_found"), inv.db.transaction() as s:
        reverse(s, inv.nurse, txn_id="nope", txn_date=D(2026, 3, 4), reason="x")
    with inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.para, quantity=25, txn_date=D(2026, 3, 5))
    # reversing the receipt of 30 would leave -25
    with refused("reverse_negative"), inv.db.transaction() as s:
        reverse(s, inv.nurse, txn_id=rec_id, txn_date=D(2026, 3, 6), reason="Nhập nhầm")
    with refused("reverse_before_original"), inv.db.transaction() as s:
        reverse(s, inv.nurse, txn_id=rec_id, txn_date=D(2026, 2, 6), reason="Nhập nhầm")


def test_transfer_adjust_dispose(inv: Inv, refused) -> None:
    lot = _receive(inv, inv.gloves, "G1", D(2028, 1, 1), 200)
    with inv.db.transaction() as s:
        (out,) = transfer_out(s, inv.nurse, lot_id=lot, quantity=50, txn_date=TODAY,
                              to_station_id=inv.other_station_id, doc_no="DC-01")
        assert (out.kind, out.quantity, out.counterparty) == ("transfer_out", -50, "Trạm Y tế phường Bình Hòa")
        adjust(s, inv.nurse, lot_id=lot, delta=-5, txn_date=TODAY, reason="Rách bao bì khi mở")
        adjust(s, inv.nurse, lot_id=lot, delta=2, txn_date=TODAY, reason="Tìm thấy trong tủ")
        dispose(s, inv.nurse, lot_id=lot, quantity=7, txn_date=TODAY, reason_code="damaged")
        transfer_in(s, inv.nurse, item_id=inv.gloves, lot_no="G2", expiry=D(2028, 6, 1), quantity=40,
                    txn_date=TODAY, from_station_id=inv.other_station_id)
    assert _lot_qty(inv) == {"G1": 140, "G2": 40}
    with refused("station_not_found"), inv.db.transaction() as s:
        transfer_out(s, inv.nurse, lot_id=lot, quantity=1, txn_date=TODAY, to_station_id=inv.station_id)
    with refused("over_issue"), inv.db.transaction() as s:
        transfer_out(s, inv.nurse, lot_id=lot, quantity=141, txn_date=TODAY, to_station_id=inv.other_station_id)
    with refused("over_issue"), inv.db.transaction() as s:
        adjust(s, inv.nurse, lot_id=lot, delta=-141, txn_date=TODAY, reason="Mất")
    with refused("reason_required"), inv.db.transaction() as s:
        adjust(s, inv.nurse, lot_id=lot, delta=-1, txn_date=TODAY, reason="")
    with refused("bad_quantity"), inv.db.transaction() as s:
        adjust(s, inv.nurse, lot_id=lot, delta=0, txn_date=TODAY, reason="x")
    with refused("bad_reason_code"), inv.db.transaction() as s:
        dispose(s, inv.nurse, lot_id=lot, quantity=1, txn_date=TODAY, reason_code="lost")
    with refused("over_issue"), inv.db.transaction() as s:
        dispose(s, inv.nurse, lot_id=lot, quantity=141, txn_date=TODAY, reason_code="damaged")


def test_stock_on_hand_is_the_ledger_sum(inv: Inv) -> None:
    _receive(inv, inv.para, "A", D(2026, 9, 30), 300)
    _receive(inv, inv.para, "B", D(2027, 9, 30), 200)
    _receive(inv, inv.gloves, "G", D(2028, 9, 30), 20)
    with inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.para, quantity=350, txn_date=TODAY)
    with inv.db.read() as s:
        sums: dict[str, int] = dict(
            s.execute(  # type: ignore[arg-type]
                select(StockTransaction.item_id, func.sum(StockTransaction.quantity)).group_by(StockTransaction.item_id)
            ).all()
        )
        by_item = {b.item_id: b for b in on_hand_by_item(s, inv.station_id)}
    assert by_item[inv.para].quantity == sums[inv.para] == 150
    assert by_item[inv.para].nearest_expiry == D(2027, 9, 30)
    assert (by_item[inv.para].min_stock, by_item[inv.para].max_stock) == (100, 1000)
    assert by_item[inv.gloves].quantity == sums[inv.gloves] == 20
