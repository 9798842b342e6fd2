"""Pending receipts: lots the centre shipped, confirmed at the station lot by lot with the quantity
actually received, any discrepancy, and the VVM stage and temperature found on arrival."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import NotFoundError, RuleError, ValidationError
from ytcs_desktop.domain.inventory.common import as_date, as_int, station_of, text_or_none
from ytcs_desktop.domain.inventory.ledger import receive
from ytcs_desktop.domain.inventory.lots import check_vvm
from ytcs_desktop.domain.inventory.periods import assert_open
from ytcs_desktop.messages import msg
from ytcs_desktop.store.base import natural_id, utc_now
from ytcs_desktop.store.models import Centre, ShipmentLine, Station, StockTransaction


def pending_receipts(s: Session, station_id: str) -> list[ShipmentLine]:
    return list(
        s.scalars(
            select(ShipmentLine)
            .where(
                ShipmentLine.station_id == station_id,
                ShipmentLine.status == "pending",
                ShipmentLine.deleted.is_(False),
            )
            .order_by(ShipmentLine.shipped_date, ShipmentLine.doc_no, ShipmentLine.id)
        )
    )


def _centre_name(s: Session, station_id: str) -> str:
    station = s.get(Station, station_id)
    centre = s.get(Centre, station.centre_id) if station and station.centre_id else None
    return centre.name if centre else "Trung tâm Y tế"


def shipment_receipt_id_for(shipment_line_id: str) -> str:
    """A shipment line is received once: two PCs confirming it offline post one receipt, not two."""
    return natural_id("stock_transactions", "shipment_line", shipment_line_id)


def confirm_receipt(
    s: Session,
    actor: Actor,
    *,
    shipment_line_id: str,
    received_qty: int,
    txn_date: dt.date,
    discrepancy: str | None = None,
    vvm_stage: int | None = None,
    temperature: float | None = None,
) -> list[StockTransaction]:
    """Post the receipt (source 'centre') of what actually arrived. A quantity other than the one
    shipped needs a discrepancy note; a VVM stage past 2 is recorded on the lot, which then cannot be
    issued."""
    station_id = station_of(actor)
    line = s.get(ShipmentLine, shipment_line_id) if shipment_line_id else None
    if line is None or line.deleted or line.station_id != station_id:
        raise NotFoundError(
            "shipment_line_not_found",
            msg("shipment_line_not_found"),
            field="shipment_line_id",
        )
    if line.status != "pending":
        raise RuleError(
            "shipment_confirmed",
            msg("shipment_confirmed", lot_no=line.lot_no, doc_no=line.doc_no or ''),
            field="shipment_line_id",
        )
    qty = as_int(received_qty, "received_qty", allow_zero=True)
    day = as_date(txn_date, "txn_date")
    vvm = check_vvm(vvm_stage)
    note = text_or_none(discrepancy, 2000)
    if qty != line.quantity and not note:
        raise ValidationError(
            "discrepancy_required",
            msg("discrepancy_required", received=qty, shipped=line.quantity),
            field="discrepancy",
        )
    if temperature is not None and not isinstance(temperature, int | float):
        raise ValidationError(
            "bad_temperature",
            msg("bad_temperature.confirm_receipt", temperature=temperature),
            field="temperature",
        )
    rows: list[StockTransaction] = []
    if qty > 0:
        rows = receive(
            s, actor, item_id=line.item_id, lot_no=line.lot_no, expiry=line.expiry, quantity=qty, txn_date=day,
            doc_no=line.doc_no, source="centre", counterparty=_centre_name(s, station_id),
            manufacturer=line.manufacturer, vvm_stage=vvm, ref_table="shipment_lines", ref_id=line.id,
            txn_id=shipment_receipt_id_for(line.id),
        )
        line.lot_id = rows[0].lot_id
    else:  # nothing arrived: the line is closed with its discrepancy, no ledger row
        assert_open(s, station_id, day)
    line.status = "confirmed"
    line.received_qty = qty
    line.discrepancy = note
    line.vvm_stage = vvm
    line.temperature = float(temperature) if temperature is not None else None
    line.confirmed_at = utc_now()
    line.confirmed_by = actor.name
    s.flush()
    return rows
