"""Stock queries: near-expiry, below-minimum, stock card, movement summary, FEFO suggestion, monthly use."""

from __future__ import annotations

import datetime as dt

from tests.domain.inventory.conftest import TODAY, Inv
from ytcs_desktop.domain.inventory import (
    adjust,
    average_monthly_use,
    below_minimum,
    dispose,
    fefo_suggestion,
    issue,
    movement_summary,
    near_expiry,
    on_hand_by_item,
    on_hand_by_lot,
    receive,
    reverse,
    stock_card,
    transfer_out,
)
from ytcs_desktop.store.models import Setting, StockLevel

D = dt.date


def _rec(inv: Inv, item: str, lot: str, expiry: dt.date, qty: int, day: dt.date, source: str = "other") -> str:
    with inv.db.transaction() as s:
        return receive(s, inv.nurse, item_id=item, lot_no=lot, expiry=expiry, quantity=qty, txn_date=day,
                       source=source, doc_no=f"PN-{lot}")[0].lot_id


def test_near_expiry_default_setting_and_argument(inv: Inv) -> None:
    _rec(inv, inv.para, "SOON", TODAY + dt.timedelta(days=30), 10, D(2026, 1, 5))
    _rec(inv, inv.para, "EDGE", TODAY + dt.timedelta(days=90), 10, D(2026, 1, 5))
    _rec(inv, inv.para, "FAR", TODAY + dt.timedelta(days=200), 10, D(2026, 1, 5))
    gone = _rec(inv, inv.amox, "GONE", TODAY + dt.timedelta(days=10), 5, D(2026, 1, 5))
    _rec(inv, inv.amox, "OLD", TODAY - dt.timedelta(days=1), 5, D(2026, 1, 5))
    with inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.amox, quantity=5, txn_date=TODAY, lot_id=gone)
    with inv.db.read() as s:
        assert [b.lot_no for b in near_expiry(s, inv.station_id, TODAY)] == ["OLD", "SOON", "EDGE"]
        assert [b.lot_no for b in near_expiry(s, inv.station_id, TODAY, days=200)] == ["OLD", "SOON", "EDGE", "FAR"]
    with inv.db.transaction() as s:
        s.add(Setting(key="near_expiry_days", value="45"))
    with inv.db.read() as s:
        assert [b.lot_no for b in near_expiry(s, inv.station_id, TODAY)] == ["OLD", "SOON"]


def test_below_minimum_uses_station_level_over_catalogue(inv: Inv) -> None:
    _rec(inv, inv.para, "A", D(2027, 1, 1), 80, D(2026, 1, 5))  # catalogue min 100
    _rec(inv, inv.gloves, "G", D(2027, 1, 1), 60, D(2026, 1, 5))  # catalogue min 50
    _rec(inv, inv.amox, "X", D(2027, 1, 1), 1, D(2026, 1, 5))  # no minimum
    with inv.db.read() as s:
        assert [b.code for b in below_minimum(s, inv.station_id)] == ["TH001"]
    with inv.db.transaction() as s:
        s.add(StockLevel(station_id=inv.station_id, item_id=inv.gloves, min_stock=100, max_stock=300))
        s.add(StockLevel(station_id=inv.station_id, item_id=inv.para, min_stock=20, max_stock=200))
        s.add(StockLevel(station_id=inv.station_id, item_id=inv.hepb, min_stock=10, max_stock=40))
    with inv.db.read() as s:
        low = {b.code: b for b in below_minimum(s, inv.station_id)}
        assert sorted(low) == ["VT001", "VX002"]  # never stocked but with a level: a stock-out
        assert (low["VT001"].min_stock, low["VT001"].max_stock, low["VX002"].quantity) == (100, 300, 0)
        assert {b.code for b in on_hand_by_item(s, inv.station_id)} == {"TH001", "TH002", "VT001", "VX002"}


def test_stock_card_running_balance(inv: Inv) -> None:
    a = _rec(inv, inv.para, "A", D(2027, 1, 1), 100, D(2026, 1, 10), source="centre")
    with inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.para, quantity=30, txn_date=D(2026, 2, 3), doc_no="PX-1")
    _rec(inv, inv.para, "B", D(2027, 6, 1), 50, D(2026, 2, 10))
    with inv.db.transaction() as s:
        (iss,) = issue(s, inv.nurse, item_id=inv.para, quantity=5, txn_date=D(2026, 2, 20), lot_id=a)
        reverse(s, inv.nurse, txn_id=iss.id, txn_date=D(2026, 2, 21), reason="Nhầm")
        issue(s, inv.nurse, item_id=inv.para, quantity=1, txn_date=D(2026, 3, 2))
    with inv.db.read() as s:
        card = stock_card(s, inv.station_id, inv.para, D(2026, 2, 1), D(2026, 2, 28))
    assert card.opening == 100
    assert [(ln.kind, ln.lot_no, ln.qty_in, ln.qty_out, ln.balance) for ln in card.lines] == [
        ("issue", "A", 0, 30, 70),
        ("receipt", "B", 50, 0, 120),
        ("issue", "A", 0, 5, 115),
        ("reversal", "A", 5, 0, 120),
    ]
    assert card.closing == 120
    assert card.lines[0].doc_no == "PX-1" and card.lines[1].description.startswith("Nhập kho")
    assert card.lines[3].description == "Đảo bút toán: Nhầm"


def test_movement_summary_balances_exactly(inv: Inv) -> None:
    a = _rec(inv, inv.para, "A", D(2027, 1, 1), 100, D(2026, 1, 10), source="centre")
    g = _rec(inv, inv.gloves, "G", D(2028, 1, 1), 300, D(2026, 1, 10))
    with inv.db.transaction() as s:
        issue(s, inv.nurse, item_id=inv.para, quantity=10, txn_date=D(2026, 1, 20))  # before the period
        receive(s, inv.nurse, item_id=inv.para, lot_no="A", expiry=D(2027, 1, 1), quantity=40,
                txn_date=D(2026, 2, 2), source="centre")
        receive(s, inv.nurse, item_id=inv.para, lot_no="A", expiry=D(2027, 1, 1), quantity=7, txn_date=D(2026, 2, 3))
        (iss,) = issue(s, inv.nurse, item_id=inv.para, quantity=25, txn_date=D(2026, 2, 4))
        reverse(s, inv.nurse, txn_id=iss.id, txn_date=D(2026, 2, 5), reason="Nhầm")
        issue(s, inv.nurse, item_id=inv.para, quantity=20, txn_date=D(2026, 2, 6))
        dispose(s, inv.nurse, lot_id=a, quantity=3, txn_date=D(2026, 2, 7), reason_code="damaged")
        adjust(s, inv.nurse, lot_id=a, delta=-2, txn_date=D(2026, 2, 8), reason="Rơi vỡ")
        transfer_out(s, inv.nurse, lot_id=g, quantity=50, txn_date=D(2026, 2, 9), to_station_id=inv.other_station_id)
        issue(s, inv.nurse, item_id=inv.gloves, quantity=5, txn_date=D(2026, 3, 1))  # after the period
    with inv.db.read() as s:
        lines = {m.lot_no: m for m in movement_summary(s, inv.station_id, D(2026, 2, 1), D(2026, 2, 28))}
        by_lot = {b.lot_no: b.quantity for b in on_hand_by_lot(s, inv.station_id, as_of=D(2026, 2, 28))}
    p = lines["A"]
    assert (p.opening, p.received_centre, p.received_other, p.issued_use, p.issued_transfer, p.disposed,
            p.adjusted) == (90, 40, 7, 45, 0, 3, 23)
    gl = lines["G"]
    assert (gl.opening, gl.issued_transfer, gl.closing) == (300, 50, 250)
    for m in lines.values():
        assert m.opening + m.received_centre + m.received_other - m.issued_use - m.issued_transfer - m.disposed \
            + m.adjusted == m.closing == by_lot[m.lot_no]


def test_fefo_suggestion_and_average_monthly_use(inv: Inv) -> None:
    _rec(inv, inv.para, "LATE", D(2027, 12, 1), 500, D(2025, 12, 1))
    _rec(inv, inv.para, "EARLY", D(2026, 6, 1), 40, D(2025, 12, 1))
    with inv.db.transaction() as s:
        plan = fefo_suggestion(s, inv.station_id, inv.para, 100, TODAY)
        assert [(b.lot_no, take) for b, take in plan] == [("EARLY", 40), ("LATE", 60)]
        short = fefo_suggestion(s, inv.station_id, inv.para, 1000, TODAY)
        assert sum(take for _, take in short) == 540
        issue(s, inv.nurse, item_id=inv.para, quantity=90, txn_date=D(2025, 12, 10))  # outside 3 months
        issue(s, inv.nurse, item_id=inv.para, quantity=60, txn_date=D(2026, 1, 10))
        issue(s, inv.nurse, item_id=inv.para, quantity=30, txn_date=D(2026, 2, 10))
        (wrong,) = issue(s, inv.nurse, item_id=inv.para, quantity=100, txn_date=D(2026, 3, 10))
        reverse(s, inv.nurse, txn_id=wrong.id, txn_date=D(2026, 3, 11), reason="Nhập sai")
        assert average_monthly_use(s, inv.station_id, inv.para, months=3, today=TODAY) == 30.0
        assert average_monthly_use(s, inv.station_id, inv.amox, today=TODAY) == 0.0
