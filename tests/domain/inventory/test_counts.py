"""Kiểm kê: frozen book quantities, variances with reasons, corrections posted on approval."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from tests.domain.inventory.conftest import Inv
from ytcs_desktop.domain.inventory import (
    approve_count,
    cancel_count,
    count_lines,
    enter_physical,
    issue,
    on_hand_by_lot,
    receive,
    start_count,
)
from ytcs_desktop.store.models import Lot, StockCount, StockTransaction

D = dt.date
DAY = D(2026, 3, 31)


def _stock(inv: Inv) -> None:
    with inv.db.transaction() as s:
        for item, lot, qty in ((inv.para, "A", 100), (inv.para, "B", 40), (inv.gloves, "G", 20)):
            receive(s, inv.nurse, item_id=item, lot_no=lot, expiry=D(2027, 12, 1), quantity=qty,
                    txn_date=D(2026, 3, 1))
        receive(s, inv.nurse, item_id=inv.amox, lot_no="EMPTY", expiry=D(2027, 12, 1), quantity=5,
                txn_date=D(2026, 3, 1))
        issue(s, inv.nurse, item_id=inv.amox, quantity=5, txn_date=D(2026, 3, 2))


def _lines(inv: Inv, count_id: str) -> dict[str, tuple[str, int]]:
    with inv.db.read() as s:
        lots = {lot.id: lot.lot_no for lot in s.scalars(select(Lot))}
        return {lots[ln.lot_id]: (ln.id, ln.book_qty) for ln in count_lines(s, count_id)}


def test_count_freezes_book_and_posts_corrections(inv: Inv, refused) -> None:
    _stock(inv)
    with inv.db.transaction() as s:
        empty = s.scalar(select(Lot.id).where(Lot.lot_no == "EMPTY"))
        count = start_count(s, inv.nurse, count_date=DAY, team="Nguyễn Thị Lan, Phạm Văn Bình", lot_ids=[empty])
        count_id = count.id
    lines = _lines(inv, count_id)
    assert {k: v[1] for k, v in lines.items()} == {"A": 100, "B": 40, "G": 20, "EMPTY": 0}
    # a movement after the start does not change the frozen book quantity
    with inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.para, quantity=10, txn_date=DAY)  # FEFO: lot A
    assert {k: v[1] for k, v in _lines(inv, count_id).items()}["A"] == 100
    with refused("count_in_progress"), inv.db.transaction() as s:
        start_count(s, inv.nurse, count_date=DAY)
    with inv.db.transaction() as s:
        enter_physical(s, inv.nurse, line_id=lines["A"][0], physical_qty=97)  # variance −3, no reason yet
        enter_physical(s, inv.nurse, line_id=lines["B"][0], physical_qty=40)
        enter_physical(s, inv.nurse, line_id=lines["EMPTY"][0], physical_qty=0)
    with refused("count_line_missing"), inv.db.transaction() as s:
        approve_count(s, inv.nurse, count_id=count_id)
    with inv.db.transaction() as s:
        enter_physical(s, inv.nurse, line_id=lines["G"][0], physical_qty=22)
    with refused("variance_reason_required"), inv.db.transaction() as s:
        approve_count(s, inv.nurse, count_id=count_id)
    with refused("bad_quantity"), inv.db.transaction() as s:
        enter_physical(s, inv.nurse, line_id=lines["A"][0], physical_qty=-1)
    with inv.db.transaction() as s:
        enter_physical(s, inv.nurse, line_id=lines["A"][0], physical_qty=97, reason="Vỡ 3 viên khi chia liều")
        enter_physical(s, inv.nurse, line_id=lines["G"][0], physical_qty=22, reason="Phiếu nhập ghi thiếu")
        rows = approve_count(s, inv.nurse, count_id=count_id, proposals="Kiểm tra lại phiếu nhập")
        assert sorted((r.kind, r.quantity, r.txn_date) for r in rows) == [("count", -3, DAY), ("count", 2, DAY)]
        assert all(r.doc_no and r.doc_no.startswith("KK-20260331") for r in rows)
    with inv.db.read() as s:
        assert {b.lot_no: b.quantity for b in on_hand_by_lot(s, inv.station_id)} == {"A": 87, "B": 40, "G": 22}
        assert s.get(StockCount, count_id).status == "approved"  # type: ignore[union-attr]
    with refused("count_not_draft"), inv.db.transaction() as s:
        approve_count(s, inv.nurse, count_id=count_id)
    with refused("count_not_draft"), inv.db.transaction() as s:
        enter_physical(s, inv.nurse, line_id=lines["B"][0], physical_qty=39, reason="x")


def test_cancelled_count_posts_nothing_and_station_only(inv: Inv, refused) -> None:
    _stock(inv)
    with refused("station_only"), inv.db.transaction() as s:
        start_count(s, inv.centre, count_date=DAY)
    with inv.db.transaction() as s:
        count_id = start_count(s, inv.nurse, count_date=DAY).id
        cancel_count(s, inv.nurse, count_id=count_id)
    with refused("count_not_draft"), inv.db.transaction() as s:
        approve_count(s, inv.nurse, count_id=count_id)
    with inv.db.read() as s:
        assert not s.scalars(select(StockTransaction).where(StockTransaction.kind == "count")).all()
