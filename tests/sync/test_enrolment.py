"""A station that worked before it had a centre enrols with nothing refused: the centre's items it loaded
are the centre's; an item only it has is offered to the centre (one decision per item) and every stock
movement on it goes through; the centre adopts it (every station receives it) or declines it (the
station keeps it as its own). Real server process, SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select

from tests.sync.conftest import Centre, Replica
from tests.sync.helpers import count
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.catalogue import upsert_item
from ytcs_desktop.domain.integrity import check_database
from ytcs_desktop.domain.inventory import ledger
from ytcs_desktop.store.models import Item
from ytcs_desktop.sync.server import proposals


def _actor(r: Replica) -> Actor:
    return Actor("Dược sĩ" if r.station_id else "Phòng Dược", "station" if r.station_id else "centre", r.station_id)


def _item(r: Replica, code: str, name: str) -> str:
    with r.db.transaction() as s:
        item, _ = upsert_item(s, _actor(r), {"code": code, "name": name, "base_unit": "viên", "category": "drug",
                                             "pack_unit": "hộp", "pack_factor": 10})
        return item.id


def _receive(r: Replica, item_id: str, lot: str) -> None:
    with r.db.transaction() as s:
        ledger.receive(s, _actor(r), item_id=item_id, lot_no=lot, expiry=dt.date(2029, 3, 31), quantity=120,
                       txn_date=dt.date.today() - dt.timedelta(days=3), doc_no="PN-07")


def _offered(r: Replica) -> int:
    """Items the station holds as its own: offered to the centre, not (yet) in its catalogue."""
    return count(r.db, "items", "station_id = :s", s=r.station_id)


def test_an_item_only_the_station_has_is_offered_then_adopted(centre: Centre) -> None:
    tag = uuid.uuid4().hex[:5].upper()
    hub = centre.centre_replica()
    shared = _item(hub, f"PARA-{tag}", "Paracetamol 500 mg")
    assert hub.sync().complete
    (st,) = centre.station("Tự làm trước")
    (other,) = centre.station("Trạm khác")
    assert _item(st, f"PARA-{tag}", "Paracetamol (tệp của trạm)") == shared
    own = _item(st, f"RIENG-{tag}", "Cao xoa bóp của trạm")
    _receive(st, shared, "P1")
    _receive(st, own, "R1")

    report = st.sync()
    assert report.complete and report.rejected == 0 and report.conflicts == 0
    assert _offered(st) == 1  # the item itself; its pack unit waits with it
    assert hub.sync().complete
    assert count(hub.db, "stock_transactions", "item_id = :i", i=own) == 1  # the movement went through
    assert count(hub.db, "items", "id = :i", i=own) == 1  # the centre's desktop holds what the movement names
    assert other.sync().complete
    assert count(other.db, "items", "id = :i", i=own) == 0  # not in the catalogue before the centre decides

    offers = centre.admin(proposals.pending)
    mine = [o for o in offers if o.code == f"RIENG-{tag}"]
    assert len(mine) == 1 and mine[0].stations == [st.code] and mine[0].pack_units == 1
    assert centre.admin(lambda conn: proposals.adopt(centre.store, conn, f"RIENG-{tag}")) == 2

    for r in (hub, other, st):
        assert r.sync().complete
        with r.db.read() as s:
            assert s.scalar(select(Item.name).where(Item.id == own)) == "Cao xoa bóp của trạm"
            assert check_database(s) == [], r
        assert count(r.db, "pack_units", "item_id = :i", i=own) == 1
    assert _offered(st) == 0
    assert not [o for o in centre.admin(proposals.pending) if o.code == f"RIENG-{tag}"]


def test_a_declined_item_stays_the_stations_own(centre: Centre) -> None:
    tag = uuid.uuid4().hex[:5].upper()
    hub = centre.centre_replica()
    (st,) = centre.station("Tự làm trước")
    own = _item(st, f"KHAC-{tag}", "Thuốc nam tự bào chế")
    _receive(st, own, "K1")
    assert st.sync().rejected == 0
    assert st.sync().rejected == 0  # sent again: offered once
    assert len([o for o in centre.admin(proposals.pending) if o.code == f"KHAC-{tag}"]) == 1
    centre.admin(lambda conn: proposals.decline(conn, f"KHAC-{tag}"))
    (other,) = centre.station("Trạm khác")
    for r in (hub, st, other):
        assert r.sync().complete
        with r.db.read() as s:
            assert check_database(s) == [], r  # every movement names an item this PC holds
    assert count(hub.db, "items", "id = :i", i=own) == 1  # the station's own, as the centre sees it
    assert count(other.db, "items", "id = :i", i=own) == 0
    assert count(st.db, "items", "id = :i", i=own) == 1
    assert count(st.db, "stock_transactions", "item_id = :i", i=own) == 1
