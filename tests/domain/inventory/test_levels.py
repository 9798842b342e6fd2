"""A station's own minimum and maximum of an item: set, changed, cleared back to the catalogue's, and
refused when they make no sense; the below-minimum alert follows them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from tests.domain.conftest import Refuse, outbox_count
from tests.domain.inventory.conftest import Inv
from ytcs_desktop.domain.errors import NotFoundError, PermissionDenied, ValidationError
from ytcs_desktop.domain.inventory import below_minimum, clear_stock_level, receive, set_stock_level
from ytcs_desktop.domain.inventory.levels import stock_level_id_for
from ytcs_desktop.store.models import StockLevel


def _low(inv: Inv) -> dict[str, tuple[int, int, int]]:
    with inv.db.read() as s:
        return {b.code: (b.quantity, b.min_stock, b.max_stock) for b in below_minimum(s, inv.station_id)}


def test_levels_set_change_and_clear_back_to_the_catalogue(inv: Inv) -> None:
    with inv.db.transaction() as s:
        receive(s, inv.nurse, item_id=inv.para, lot_no="A", expiry=dt.date(2028, 1, 1), quantity=80,
                txn_date=dt.date.today())
    assert _low(inv)["TH001"] == (80, 100, 1000)  # the catalogue's minimum
    with inv.db.transaction() as s:
        level = set_stock_level(s, inv.nurse, item_id=inv.para, min_stock="50", max_stock=200)
        assert level.id == stock_level_id_for(inv.station_id, inv.para)
    assert "TH001" not in _low(inv)
    before = outbox_count(inv.db)
    with inv.db.transaction() as s:
        set_stock_level(s, inv.nurse, item_id=inv.para, min_stock=50, max_stock=200)
    assert outbox_count(inv.db) == before  # the same levels again: nothing to sync
    with inv.db.transaction() as s:
        set_stock_level(s, inv.nurse, item_id=inv.para, min_stock=120, max_stock=" ")  # blank: no maximum
    assert _low(inv)["TH001"] == (80, 120, 0)
    with inv.db.transaction() as s:
        assert clear_stock_level(s, inv.nurse, item_id=inv.para)
        assert not clear_stock_level(s, inv.nurse, item_id=inv.para)
    assert _low(inv)["TH001"] == (80, 100, 1000)
    with inv.db.transaction() as s:  # set again: the same row comes back
        set_stock_level(s, inv.nurse, item_id=inv.para, min_stock=10, max_stock=90)
    with inv.db.read() as s:
        rows = list(s.scalars(select(StockLevel).where(StockLevel.item_id == inv.para)))
    assert [(r.id, r.deleted, r.min_stock, r.max_stock) for r in rows] == [
        (stock_level_id_for(inv.station_id, inv.para), False, 10, 90)]


def test_bad_levels_are_refused_and_write_nothing(inv: Inv, refuse: Refuse) -> None:
    err = refuse(ValidationError, set_stock_level, inv.nurse, item_id=inv.para, min_stock=100, max_stock=50)
    assert (err.code, err.field) == ("max_below_min", "max_stock")
    for low, high, field, named in ((-1, 10, "min_stock", "Mức tối thiểu “-1”"),
                                    ("mười", 10, "min_stock", "Mức tối thiểu “mười”"),
                                    (1, "2.5", "max_stock", "Mức tối đa “2.5”"),
                                    (1, 10**9, "max_stock", "Mức tối đa “1000000000” quá lớn")):
        err = refuse(ValidationError, set_stock_level, inv.nurse, item_id=inv.para, min_stock=low, max_stock=high)
        assert err.field == field
        assert err.vi.startswith(named), err.vi  # the message names the field the user typed in
    refuse(NotFoundError, set_stock_level, inv.nurse, item_id="no-such-item", min_stock=1, max_stock=2)
    refuse(PermissionDenied, set_stock_level, inv.centre, item_id=inv.para, min_stock=1, max_stock=2)
