"""The stock table's expiry colours and words follow the station's own near-expiry setting, the one the
overview and the reports read (a station that chose 60 days sees one answer everywhere)."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from tests.ui.helpers import seed_items
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.inventory import near_expiry, receive
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Setting
from ytcs_desktop.ui.models.stock import LotStockModel


def test_a_station_that_chose_60_days_sees_one_answer(station_db: Database, make_ctx, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    ids = seed_items(station_db)
    today, station = dt.date.today(), station_db.station_id or ""
    with station_db.transaction() as s:
        actor = Actor("Lê Thị Hoa", "station", station)
        for lot, days in (("SOON", 30), ("LATER", 75)):
            receive(s, actor, item_id=ids["PARA500"], lot_no=lot, expiry=today + dt.timedelta(days=days),
                    quantity=10, txn_date=today)
        s.add(Setting(key="near_expiry_days", value="60"))
    ctx = make_ctx(station_db)
    model = LotStockModel(ctx.ops, station)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.refresh()
    state = next(i for i, c in enumerate(model.columns) if c.key == "state")
    words = {model.index(r, 2).data(): model.index(r, state).data() for r in range(model.rowCount())}
    assert words == {"SOON": "Hết hạn trong 60 ngày", "LATER": ""}
    with station_db.read() as s:
        assert [b.lot_no for b in near_expiry(s, station, today)] == ["SOON"]
