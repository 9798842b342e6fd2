"""The weekly report counts an item below the station's own minimum, as the overview does (one rule)."""

from __future__ import annotations

import datetime as dt

from tests.domain.inventory.conftest import Inv
from ytcs_desktop.domain.inventory import below_minimum, receive, set_stock_level
from ytcs_desktop.domain.reportdata.weekly import weekly_report


def test_a_station_minimum_of_1000_with_155_on_hand_is_below_minimum_in_the_weekly_report(inv: Inv) -> None:
    day = dt.date(2026, 3, 13)
    with inv.db.transaction() as s:
        receive(s, inv.nurse, item_id=inv.para, lot_no="A", expiry=dt.date(2028, 1, 1), quantity=155,
                txn_date=day - dt.timedelta(days=3))
        set_stock_level(s, inv.nurse, item_id=inv.para, min_stock=1000, max_stock=3000)
    with inv.db.read() as s:
        overview = [(b.code, b.quantity, b.min_stock) for b in below_minimum(s, inv.station_id)]
        w = weekly_report(s, inv.station_id, day - dt.timedelta(days=6), day)
    assert overview == [("TH001", 155, 1000)]
    assert [(a.code, a.quantity, a.detail) for a in w.stock_outs] == [
        ("TH001", 155, "Dưới mức tối thiểu (1000)")]  # the catalogue says 100: the station's own 1000 rules
    with inv.db.read() as s:  # as of the end of an earlier week, before the receipt: a stock-out
        earlier = weekly_report(s, inv.station_id, day - dt.timedelta(days=13), day - dt.timedelta(days=7))
    assert [(a.code, a.quantity, a.detail) for a in earlier.stock_outs] == [("TH001", 0, "Hết hàng")]
