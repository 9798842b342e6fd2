"""Rows whose identity is a natural key (a lot: station, item, lot number; a reading: fridge, day, slot)
take their id from it, so two PCs of a station creating "the same" one offline create one row. The
second birth merges at the centre like a concurrent edit (later stamp wins per field; an insert-only
reading is kept whole), the value not kept is logged, and every replica ends with the same row
(SYNC.md guarantee 2). Real server process, SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select, text

from tests.sync.conftest import Centre, Replica
from tests.sync.helpers import add_fridge, add_item, count, exported
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.coldchain import reading_id_for, record_reading
from ytcs_desktop.domain.integrity import check_database
from ytcs_desktop.domain.inventory import ledger
from ytcs_desktop.domain.inventory.lots import lot_id_for
from ytcs_desktop.store.hlc import HybridClock, wall_clock_ms
from ytcs_desktop.store.models import StockTransaction
from ytcs_desktop.sync import apply as a
from ytcs_desktop.sync import conflicts
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.server import schema as t

EXPIRY = dt.date(2028, 6, 30)
DAY = dt.date.today() - dt.timedelta(days=3)


def _later(replica: Replica, ms: int = 5_000) -> None:
    """This PC's clock runs a few seconds ahead (under the centre's one-minute limit): its writes are later."""
    replica.db._clock = HybridClock(replica.db.replica_id, wall=lambda: wall_clock_ms() + ms)


def _nurse(replica: Replica) -> Actor:
    return Actor("Điều dưỡng", "station", replica.station_id)


def _receive(replica: Replica, item: str, qty: int, manufacturer: str) -> str:
    with replica.db.transaction() as s:
        (txn,) = ledger.receive(s, _nurse(replica), item_id=item, lot_no="AB-7", expiry=EXPIRY, quantity=qty,
                                txn_date=DAY, manufacturer=manufacturer, doc_no="PN-7")
        return txn.lot_id


def _reading(replica: Replica, fridge: str, celsius: float) -> str:
    with replica.db.transaction() as s:
        return record_reading(s, _nurse(replica), fridge_id=fridge, reading_date=DAY, slot="morning",
                              celsius=celsius).reading.id


def _logged(replica: Replica) -> list[tuple[str, str, Any, Any]]:
    return [(c.table, c.field, c.losing_value, c.winning_value) for c in conflicts.list_conflicts(replica.db)]


def _converged(hub: Replica, *pcs: Replica) -> None:
    everything = exported(hub.db, everything=True)
    for pc in pcs:
        theirs = {name: [r for r in rows if r.get("station_id") in (pc.station_id, None)]
                  for name, rows in everything.items()}
        assert exported(pc.db, pc.station_id) == theirs
    for r in (hub, *pcs):
        with r.db.read() as s:
            assert check_database(s) == []


def _settle(*replicas: Replica) -> None:
    for _ in range(2):
        for r in replicas:
            assert r.sync().complete


@pytest.fixture
def two_pcs(centre: Centre) -> tuple[Replica, Replica, Replica, str]:
    hub = centre.centre_replica()
    item = add_item(hub.db)
    hub.sync()
    pc1, pc2 = centre.station("Hai máy", pcs=2)
    _settle(pc1, pc2)
    return hub, pc1, pc2, item


@pytest.mark.parametrize("later_syncs_first", [False, True])
def test_same_lot_at_two_pcs_is_one_row_merged_field_by_field(
        two_pcs: tuple[Replica, Replica, Replica, str], later_syncs_first: bool) -> None:
    hub, pc1, pc2, item = two_pcs
    _later(pc2)
    lot1 = _receive(pc1, item, 100, "Sanofi")
    lot2 = _receive(pc2, item, 40, "GSK")
    assert lot1 == lot2 == lot_id_for(str(pc1.station_id), item, "AB-7")
    first, second = (pc2, pc1) if later_syncs_first else (pc1, pc2)
    assert first.sync().complete
    report = second.sync()
    assert report.complete and report.rejected == 0 and report.conflicts == 1
    _settle(pc1, pc2, hub)
    # the later write (pc2's) wins the field everywhere; the PC that synced second was told
    for r in (pc1, pc2, hub):
        assert count(r.db, "lots", "id = :i AND manufacturer = 'GSK'", i=lot1) == 1
        assert count(r.db, "lots", "station_id = :s", s=pc1.station_id) == 1
        with r.db.read() as s:
            total = s.scalar(select(func.sum(StockTransaction.quantity)).where(StockTransaction.lot_id == lot1))
        assert total == 140  # both receipts land on the one lot
    assert _logged(second) == [("lots", "manufacturer", "Sanofi", "GSK")]
    assert _logged(first) == []
    _converged(hub, pc1, pc2)


@pytest.mark.parametrize("later_syncs_first", [False, True])
def test_same_reading_at_two_pcs_keeps_the_later_one_everywhere(
        two_pcs: tuple[Replica, Replica, Replica, str], later_syncs_first: bool, centre: Centre) -> None:
    hub, pc1, pc2, _item = two_pcs
    fridge = add_fridge(pc1.db)
    _settle(pc1, pc2)
    _later(pc2)
    reading = _reading(pc1, fridge, 5.0)
    assert _reading(pc2, fridge, 6.5) == reading == reading_id_for(fridge, DAY, "morning")
    first, second = (pc2, pc1) if later_syncs_first else (pc1, pc2)
    assert first.sync().complete
    report = second.sync()
    assert report.complete and report.rejected == 0 and report.conflicts == 1
    _settle(pc1, pc2, hub)
    for r in (pc1, pc2, hub):
        assert count(r.db, "temperature_readings", "id = :i AND celsius = 6.5", i=reading) == 1
    # the PC whose reading was not kept always has it in its log, whole; so has the PC that synced
    # second (it found the other reading); the centre's desktop wrote neither and logs nothing
    (lost,) = conflicts.list_conflicts(pc1.db)
    assert (lost.table, lost.field, lost.losing_value["celsius"], lost.winning_value["celsius"]) == (
        "temperature_readings", "*", 5.0, 6.5)
    assert len(_logged(pc2)) == (0 if later_syncs_first else 1)
    assert conflicts.list_conflicts(hub.db, row_id=reading) == []  # (the session's server holds other tests' rows)
    with centre.store.read() as conn:
        assert conn.scalar(select(func.count()).select_from(t.conflicts).where(t.conflicts.c.row_id == reading)) == 1
    _converged(hub, pc1, pc2)
    # a reading is never edited: its entry can only be dismissed
    with pytest.raises(ValueError):
        conflicts.undo(pc1.db, lost.id)
    conflicts.dismiss(pc1.db, lost.id)
    assert conflicts.list_conflicts(pc1.db) == []


def test_equal_births_differ_only_in_stamp_and_still_converge(two_pcs: tuple[Replica, Replica, Replica, str]) -> None:
    """The same lot with the same details at both PCs: nothing to log, but the row's stamp must end the
    same everywhere (the export compares it)."""
    hub, pc1, pc2, item = two_pcs
    _later(pc1)  # the PC that syncs first is the later one: the second pusher's stamp loses
    _receive(pc1, item, 10, "Sanofi")
    _receive(pc2, item, 20, "Sanofi")
    assert pc1.sync().complete
    report = pc2.sync()
    assert report.complete and report.conflicts == 0
    _settle(pc1, pc2, hub)
    assert _logged(pc1) == _logged(pc2) == []
    _converged(hub, pc1, pc2)


def test_a_second_birth_sent_again_changes_nothing(two_pcs: tuple[Replica, Replica, Replica, str],
                                                   centre: Centre) -> None:
    """The answer to pc2's push is lost after the centre merged its reading; the re-sent batch is a
    duplicate (no second conflict at the centre) and pc2 still learns that its reading was not kept."""
    hub, pc1, pc2, _item = two_pcs
    fridge = add_fridge(pc1.db)
    _settle(pc1, pc2)
    _later(pc1)
    reading = _reading(pc1, fridge, 4.0)
    _reading(pc2, fridge, 9.0)
    assert pc1.sync().complete
    batch = a.read_outbox(pc2.db, a.get_int(pc2.db, a.PUSH_CURSOR), 100)
    client = pc2.client()
    try:
        body = p.gzip_bytes(p.dumps(a.build_push(batch, batch.last_seq)))
        for _ in range(2):  # applied, answer lost; sent again by hand, answer lost again
            client.request("POST", f"{p.API}/sync/push", body=body)
    finally:
        client.close()
    _settle(pc2, pc1, hub)
    with centre.store.read() as conn:
        assert conn.scalar(select(func.count()).select_from(t.conflicts).where(t.conflicts.c.row_id == reading)) == 1
    (lost,) = conflicts.list_conflicts(pc2.db)
    assert (lost.losing_value["celsius"], lost.winning_value["celsius"]) == (9.0, 4.0)
    for r in (pc1, pc2, hub):
        assert count(r.db, "temperature_readings", "id = :i AND celsius = 4.0", i=reading) == 1
    _converged(hub, pc1, pc2)


def test_a_pc_pulls_the_other_birth_while_its_own_is_unsent(two_pcs: tuple[Replica, Replica, Replica, str]) -> None:
    """pc2 records its reading while it is pulling pc1's (its own not pushed yet): the pulled row is
    kept aside (the push decides), and the next sync brings the centre's choice back."""
    hub, pc1, pc2, _item = two_pcs
    fridge = add_fridge(pc1.db)
    _settle(pc1, pc2)
    _later(pc1)
    reading = _reading(pc1, fridge, 3.0)
    assert pc1.sync().complete
    _reading(pc2, fridge, 7.0)
    pulled = 0
    client = pc2.client()
    try:  # a pull alone, as when the reading was saved after this sync's push
        page = client.request("GET", f"{p.API}/sync/pull",
                              params={"cursor": a.get_int(pc2.db, a.PULL_CURSOR), "limit": 100, "own": "false"})
        pulled, _top = a.apply_pull_page(pc2.db, page, None)
    finally:
        client.close()
    assert pulled >= 1
    assert count(pc2.db, "temperature_readings", "id = :i AND celsius = 7.0", i=reading) == 1
    _settle(pc2, pc1, hub)
    for r in (pc1, pc2, hub):
        assert count(r.db, "temperature_readings", "id = :i AND celsius = 3.0", i=reading) == 1
    assert [(x[0], x[1]) for x in _logged(pc2)] == [("temperature_readings", "*")]
    _converged(hub, pc1, pc2)


def test_ledger_of_both_pcs_points_at_the_one_lot(two_pcs: tuple[Replica, Replica, Replica, str]) -> None:
    """Issues at one PC from the lot the other PC also received: nothing dangles anywhere."""
    hub, pc1, pc2, item = two_pcs
    _receive(pc1, item, 30, "Sanofi")
    _receive(pc2, item, 30, "Sanofi")
    with pc2.db.transaction() as s:
        ledger.issue(s, _nurse(pc2), item_id=item, quantity=25, txn_date=dt.date.today())
    _settle(pc1, pc2, hub)
    for r in (pc1, pc2, hub):
        with r.db.read() as s:
            assert s.execute(text("SELECT count(*) FROM stock_transactions t LEFT JOIN lots l ON l.id = t.lot_id "
                                  "WHERE l.id IS NULL")).scalar() == 0
            assert s.scalar(select(func.sum(StockTransaction.quantity))
                            .where(StockTransaction.station_id == pc1.station_id)) == 35
    _converged(hub, pc1, pc2)


def test_a_shipment_line_confirmed_and_reversed_at_two_pcs_counts_once(
        two_pcs: tuple[Replica, Replica, Replica, str]) -> None:
    """The centre ships a lot; both PCs confirm its arrival offline, then both reverse that receipt:
    the stock is received once and reversed once everywhere, not twice."""
    from ytcs_desktop.domain.inventory.shipments import confirm_receipt
    from ytcs_desktop.store.base import new_id
    from ytcs_desktop.store.models import ShipmentLine

    hub, pc1, pc2, item = two_pcs
    line = new_id()
    with hub.db.transaction() as s:
        s.add(ShipmentLine(id=line, station_id=pc1.station_id, item_id=item, lot_no="SH-9", expiry=EXPIRY,
                           quantity=20, shipped_date=DAY, doc_no="PX-9"))
    _settle(hub, pc1, pc2)
    _later(pc2)
    receipts = []
    for pc in (pc1, pc2):
        with pc.db.transaction() as s:
            (txn,) = confirm_receipt(s, _nurse(pc), shipment_line_id=line, received_qty=20, txn_date=DAY)
            receipts.append(txn.id)
    assert receipts[0] == receipts[1]
    _settle(pc1, pc2, hub)
    for r in (pc1, pc2, hub):
        with r.db.read() as s:
            assert s.scalar(select(func.sum(StockTransaction.quantity)).where(StockTransaction.item_id == item)) == 20
    for pc in (pc1, pc2):
        with pc.db.transaction() as s:
            ledger.reverse(s, _nurse(pc), txn_id=receipts[0], txn_date=DAY, reason="nhập nhầm phiếu")
    _settle(pc1, pc2, hub)
    for r in (pc1, pc2, hub):
        with r.db.read() as s:
            assert s.scalar(select(func.sum(StockTransaction.quantity)).where(StockTransaction.item_id == item)) == 0
            assert s.scalar(select(func.count()).select_from(StockTransaction)
                            .where(StockTransaction.item_id == item)) == 2
    _converged(hub, pc1, pc2)
