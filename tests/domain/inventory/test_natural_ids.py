"""Lots and readings take their id from their natural key, whichever path creates them, so two PCs of a
station (two database files with the same station id) make the same row offline; a lot already held
under another id (made before natural ids) is still found by its key and never doubled."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.domain.conftest import write
from ytcs_desktop.domain import coldchain
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.inventory import ledger
from ytcs_desktop.domain.inventory.bulk import receive_many
from ytcs_desktop.domain.inventory.lots import lot_id_for
from ytcs_desktop.domain.inventory.shipments import confirm_receipt
from ytcs_desktop.store.base import natural_id, new_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Fridge, Item, Lot, ShipmentLine, Station, TemperatureReading

STATION = "01960000-0000-7000-8000-0000000000a1"
ITEM = "01960000-0000-7000-8000-0000000000b2"
EXPIRY = dt.date(2027, 9, 30)
DAY = dt.date(2026, 3, 2)


@pytest.fixture
def pcs(tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    """Two PCs of one station, each with the station row and the same catalogue item."""
    made = []
    for n in (1, 2):
        db = Database.create(tmp_path / f"pc{n}.sqlite3", station_id=STATION, role="station")
        with db.transaction() as s:
            s.add(Station(id=STATION, station_id=STATION, code="TYT-HM", name="Trạm Y tế xã Hòa Mỹ"))
            s.add(Item(id=ITEM, code="TH001", name="Paracetamol 500 mg", base_unit="viên", category="drug"))
        made.append(db)
    yield made[0], made[1]
    for db in made:
        db.close()


NURSE = Actor("Nguyễn Thị Lan", "station", STATION)


def _lots(db: Database) -> list[tuple[str, str]]:
    with db.read() as s:
        return [(r.id, r.lot_no) for r in s.scalars(select(Lot).order_by(Lot.lot_no))]


def test_natural_id_is_pinned_and_unambiguous() -> None:
    # Pinned: a change of namespace or encoding would give rows already made a second identity.
    assert natural_id("lots", "a", "b", "AB-7") == "d6ed53d0-eba5-5671-8553-682b70ee92b0"
    assert natural_id("lots", "a|b", "c") != natural_id("lots", "a", "b|c")
    assert natural_id("lots", "a", "b", "AB-7") != natural_id("stock_levels", "a", "b", "AB-7")
    assert natural_id("t", dt.date(2026, 3, 2)) == natural_id("t", "2026-03-02")
    assert natural_id("lots", STATION, ITEM, "Lô-Đ1") != natural_id("lots", STATION, ITEM, "lô-đ1")


def test_every_receiving_path_gives_the_same_lot_id(pcs: tuple[Database, Database]) -> None:
    pc1, pc2 = pcs
    write(pc1, lambda s: ledger.receive(s, NURSE, item_id=ITEM, lot_no=" AB-7 ", expiry=EXPIRY, quantity=10,
                                        txn_date=DAY))
    write(pc2, lambda s: receive_many(s, NURSE, [{"item_id": ITEM, "lot_no": "AB-7", "expiry": EXPIRY,
                                                  "quantity": 5, "txn_date": DAY}]))
    write(pc1, lambda s: ledger.transfer_in(s, NURSE, item_id=ITEM, lot_no="TR-1", expiry=EXPIRY, quantity=3,
                                            txn_date=DAY))
    line = new_id()
    write(pc2, lambda s: s.add(ShipmentLine(id=line, station_id=STATION, item_id=ITEM, lot_no="TR-1", expiry=EXPIRY,
                                            quantity=20, shipped_date=DAY)))
    write(pc2, lambda s: confirm_receipt(s, NURSE, shipment_line_id=line, received_qty=20, txn_date=DAY))
    expected = [(lot_id_for(STATION, ITEM, "AB-7"), "AB-7"), (lot_id_for(STATION, ITEM, "TR-1"), "TR-1")]
    assert _lots(pc1) == _lots(pc2) == expected


def test_a_lot_held_under_an_older_id_is_found_by_its_key(pcs: tuple[Database, Database]) -> None:
    pc1, _ = pcs
    old = new_id()
    write(pc1, lambda s: s.add(Lot(id=old, station_id=STATION, item_id=ITEM, lot_no="AB-7", expiry=EXPIRY)))
    write(pc1, lambda s: ledger.receive(s, NURSE, item_id=ITEM, lot_no="AB-7", expiry=EXPIRY, quantity=10,
                                        txn_date=DAY))
    write(pc1, lambda s: receive_many(s, NURSE, [{"item_id": ITEM, "lot_no": "AB-7", "expiry": EXPIRY,
                                                  "quantity": 5, "txn_date": DAY}]))
    assert _lots(pc1) == [(old, "AB-7")]


def test_the_same_reading_slot_gives_the_same_id(pcs: tuple[Database, Database]) -> None:
    pc1, pc2 = pcs
    fridge = new_id()
    for db in pcs:  # the fridge, synced to both PCs
        write(db, lambda s: s.add(Fridge(id=fridge, station_id=STATION, name="Tủ 1", active=True)))
    now = dt.datetime(2026, 3, 2, 15, 0)
    ids = [write(db, lambda s, c=c, slot=slot: coldchain.record_reading(
        s, NURSE, fridge_id=fridge, reading_date="2026-03-02", slot=slot, celsius=c, now=now).reading.id)
        for db, c in ((pc1, 4.5), (pc2, 5.0)) for slot in ("morning", "afternoon")]
    assert ids[0] == ids[2] == coldchain.reading_id_for(fridge, DAY, "morning")
    assert ids[1] == ids[3] != ids[0]
    with pc1.read() as s:
        assert s.scalar(select(func.count()).select_from(TemperatureReading)) == 2


def test_a_shipment_line_and_a_reversal_post_one_row_at_two_pcs(pcs: tuple[Database, Database]) -> None:
    """Things that happen once to a record (its receipt from a shipment line, its reversal) have an id
    made from that record: two PCs doing it offline post the same ledger row, which sync merges."""
    from ytcs_desktop.domain.inventory.ledger import reversal_id_for
    from ytcs_desktop.domain.inventory.shipments import shipment_receipt_id_for

    line = new_id()
    receipts, reversals = [], []
    for db in pcs:  # the shipment line, pulled by both PCs
        write(db, lambda s: s.add(ShipmentLine(id=line, station_id=STATION, item_id=ITEM, lot_no="SH-1",
                                               expiry=EXPIRY, quantity=20, shipped_date=DAY)))
        (txn,) = write(db, lambda s: confirm_receipt(s, NURSE, shipment_line_id=line, received_qty=20, txn_date=DAY))
        receipts.append(txn.id)
        (rev,) = write(db, lambda s, t=txn.id: ledger.reverse(s, NURSE, txn_id=t, txn_date=DAY, reason="nhập nhầm"))
        reversals.append(rev.id)
    assert receipts[0] == receipts[1] == shipment_receipt_id_for(line)
    assert reversals[0] == reversals[1] == reversal_id_for(receipts[0]) != receipts[0]
