"""An item's id comes from its code (a pack unit's from its item and name). A station that loaded the
catalogue from a file before its first sync holds the centre's items, not look-alikes: its receipts
reach the centre against the centre's item, and the centre's values replace what the file said. Two
centre desktops adding the same code offline add one item. Real server process, SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select

from tests.sync.conftest import Centre, Replica
from tests.sync.helpers import count
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.catalogue import upsert_item
from ytcs_desktop.domain.integrity import check_database
from ytcs_desktop.domain.inventory import ledger
from ytcs_desktop.store.base import natural_id
from ytcs_desktop.store.models import Item, PackUnit


def _actor(r: Replica) -> Actor:
    return Actor("Điều dưỡng" if r.station_id else "Phòng Kế hoạch", "station" if r.station_id else "centre",
                 r.station_id)


def _item(r: Replica, code: str, **fields: Any) -> str:
    with r.db.transaction() as s:
        item, _ = upsert_item(s, _actor(r), {"code": code, "name": "Paracetamol 500 mg", "base_unit": "viên",
                                             "category": "drug", **fields})
        return item.id


def _name(r: Replica, item_id: str) -> str | None:
    with r.db.read() as s:
        return s.scalar(select(Item.name).where(Item.id == item_id))


def test_a_catalogue_loaded_at_the_station_before_its_first_sync_is_the_centres(centre: Centre) -> None:
    code = f"PARA-{uuid.uuid4().hex[:6]}"
    hub = centre.centre_replica()
    (st,) = centre.station("Danh mục từ tệp")
    mine = _item(st, code, name="Paracetamol 500mg (tệp cũ)", pack_unit="hộp", pack_factor=100)
    theirs = _item(hub, code, name="Paracetamol 500 mg viên nén", pack_unit="hộp", pack_factor=100)
    assert mine == theirs == natural_id("items", code)
    with st.db.transaction() as s:
        ledger.receive(s, _actor(st), item_id=mine, lot_no="PA2611", expiry=dt.date(2028, 6, 30), quantity=500,
                       txn_date=dt.date.today() - dt.timedelta(days=1), doc_no="PN-01")
    assert hub.sync().complete

    report = st.sync()
    assert report.complete
    assert report.rejected == 0  # the item and its pack are the centre's: taken as such, not refused
    assert _name(st, mine) == "Paracetamol 500 mg viên nén"  # the centre's values replaced the file's
    assert count(st.db, "items", "code = :c", c=code) == 1
    assert count(st.db, "pack_units", "item_id = :i", i=mine) == 1
    assert hub.sync().complete
    assert count(hub.db, "stock_transactions", "item_id = :i", i=mine) == 1  # the receipt, on the centre's item
    for r in (st, hub):
        with r.db.read() as s:
            assert check_database(s) == []


def test_two_centre_desktops_adding_one_code_offline_make_one_item(centre: Centre) -> None:
    code = f"ORS-{uuid.uuid4().hex[:6]}"
    first, second = centre.centre_replica("kho"), centre.centre_replica("ke-hoach")
    one = _item(first, code, name="Oresol 245", pack_unit="hộp", pack_factor=20)
    two = _item(second, code, name="Oresol 245 (gói 4,1 g)", pack_unit="hộp", pack_factor=20)
    assert one == two
    for _ in range(2):
        for r in (first, second):
            assert r.sync().complete
    for r in (first, second):
        assert count(r.db, "items", "code = :c", c=code) == 1
        assert count(r.db, "pack_units", "item_id = :i", i=one) == 1
        assert _name(r, one) == "Oresol 245 (gói 4,1 g)"  # the later write wins


def test_a_removed_pack_unit_comes_back_with_its_id(centre: Centre) -> None:
    hub = centre.centre_replica()
    code = f"AMOX-{uuid.uuid4().hex[:6]}"
    item_id = _item(hub, code, pack_unit="vỉ", pack_factor=10)
    pack_id = natural_id("pack_units", item_id, "vỉ")
    with hub.db.transaction() as s:
        pack = s.get(PackUnit, pack_id)
        assert pack is not None
        pack.deleted = True
    _item(hub, code, pack_unit="vỉ", pack_factor=12)
    with hub.db.read() as s:
        packs = list(s.scalars(select(PackUnit).where(PackUnit.item_id == item_id)))
    assert [(p.id, p.factor, p.deleted) for p in packs] == [(pack_id, 12, False)]
