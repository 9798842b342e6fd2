"""The stock documents as the window lists them: counts, requisitions and their lines, receipts on the way.

Rows carry what a person reads (the station's and the item's names, not their ids) and the sync state of
the record they stand for. Requisitions and receipts are read by key (`row["id"]`), so they are TypedDicts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypedDict

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.inventory.requisitions import lines_of
from ytcs_desktop.domain.inventory.shipments import pending_receipts
from ytcs_desktop.store.models import Item, Requisition, Station, StockCount


def stock_counts(s: Session, station_id: str | None) -> list[StockCount]:
    """A station's stock counts, newest first."""
    stmt = (select(StockCount).where(StockCount.station_id == station_id, StockCount.deleted.is_(False))
            .order_by(StockCount.count_date.desc(), StockCount.id.desc()))
    return list(s.scalars(stmt))


class RequisitionListRow(TypedDict):
    id: str
    number: str | None
    period_from: dt.date | None
    period_to: dt.date | None
    status: str
    centre_note: str | None
    sync_state: str
    sync_reason: str | None
    station_id: str | None
    station: str  # the station's name ("" if unknown here)


def requisition_list(s: Session, station_id: str | None) -> list[RequisitionListRow]:
    """The requisitions of one station (None: of every station, at the centre), newest first."""
    stmt = select(Requisition, Station.name).outerjoin(Station, Station.id == Requisition.station_id).where(
        Requisition.deleted.is_(False))
    if station_id:
        stmt = stmt.where(Requisition.station_id == station_id)
    stmt = stmt.order_by(Requisition.created_at.desc())
    return [RequisitionListRow(id=req.id, number=req.number, period_from=req.period_from, period_to=req.period_to,
                               status=req.status, centre_note=req.centre_note, sync_state=req.sync_state,
                               sync_reason=req.sync_reason, station_id=req.station_id, station=station or "")
            for req, station in s.execute(stmt)]


@dataclass(frozen=True)
class RequisitionRow:
    """One line of a requisition with its item as people know it."""

    id: str
    code: str
    item: str
    unit: str
    on_hand: int
    avg_monthly_use: float
    requested_qty: int
    approved_qty: int | None
    item_id: str
    sync_state: str = "synced"
    sync_reason: str | None = None


def requisition_rows(s: Session, requisition_id: str) -> list[RequisitionRow]:
    """The lines of one requisition, by item name."""
    out = []
    for line in lines_of(s, requisition_id):
        item = s.get(Item, line.item_id)
        out.append(RequisitionRow(line.id, item.code if item else "", item.name if item else "",
                                  item.base_unit if item else "", line.on_hand, line.avg_monthly_use,
                                  line.requested_qty, line.approved_qty, line.item_id, line.sync_state,
                                  line.sync_reason))
    return sorted(out, key=lambda r: r.item)


class PendingReceiptRow(TypedDict):
    id: str
    doc_no: str | None
    shipped_date: dt.date
    item: str
    unit: str
    lot_no: str
    expiry: dt.date
    quantity: int
    sync_state: str
    sync_reason: str | None


def pending_receipt_rows(s: Session, station_id: str) -> list[PendingReceiptRow]:
    """What the centre shipped to the station and the station has not received yet."""
    rows = []
    for line in pending_receipts(s, station_id):
        item = s.get(Item, line.item_id)
        rows.append(PendingReceiptRow(id=line.id, doc_no=line.doc_no, shipped_date=line.shipped_date,
                                      item=item.name if item else "", unit=item.base_unit if item else "",
                                      lot_no=line.lot_no, expiry=line.expiry, quantity=line.quantity,
                                      sync_state=line.sync_state, sync_reason=line.sync_reason))
    return rows
