"""Phiếu dự trù: the station lists what it needs (prefilled with stock on hand and average monthly use),
submits; the centre approves quantities (or rejects) and ships lots, which arrive as pending receipts.

Status: draft → submitted → approved → shipped, or submitted → rejected."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ytcs_desktop.dates import day_text
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import NotFoundError, RuleError, ValidationError
from ytcs_desktop.domain.inventory.common import (
    as_date,
    as_int,
    centre_only,
    load_item,
    require_reason,
    station_of,
    text_or_none,
)
from ytcs_desktop.domain.inventory.lots import clean_lot_no
from ytcs_desktop.domain.inventory.stock import average_monthly_use, on_hand_by_item
from ytcs_desktop.domain.permissions import require
from ytcs_desktop.domain.validation import parse_date
from ytcs_desktop.messages import PerLanguage, msg, pick, plain
from ytcs_desktop.store.base import utc_now
from ytcs_desktop.store.models import Requisition, RequisitionLine, ShipmentLine, Station, StockLevel

# The requisition's state machine, defined once: (from, to) -> the one side that makes that move. The
# centre's server re-checks every synced status change against it (sync/server/permissions.py).
TRANSITIONS: dict[tuple[str, str], str] = {
    ("draft", "submitted"): "station",
    ("submitted", "approved"): "centre",
    ("submitted", "rejected"): "centre",
    ("approved", "shipped"): "centre",
}


def _sources(to: str) -> tuple[str, ...]:
    return tuple(old for (old, new), _side in TRANSITIONS.items() if new == to)


STATES = {"draft": msg("word.requisition_state.draft"), "submitted": msg("word.requisition_state.submitted"),
          "approved": msg("word.requisition_state.approved"), "rejected": msg("word.requisition_state.rejected"),
          "shipped": msg("word.requisition_state.shipped")}


def _state(status: str) -> PerLanguage:
    return STATES.get(status) or plain(status)


def _either(statuses: tuple[str, ...]) -> PerLanguage:
    """“a hoặc b” / “a or b”: the states a requisition must be in."""
    words = _state(statuses[-1])
    for status in reversed(statuses[:-1]):
        words = msg("word.either", first=_state(status), then=words)
    return words


def load_requisition(s: Session, requisition_id: str, station_id: str | None) -> Requisition:
    req = s.get(Requisition, requisition_id) if requisition_id else None
    if req is None or req.deleted or (station_id is not None and req.station_id != station_id):
        raise NotFoundError(
            "requisition_not_found",
            msg("requisition_not_found"),
            field="requisition_id",
        )
    return req


def _require_status(req: Requisition, *allowed: str) -> None:
    if req.status not in allowed:
        raise RuleError(
            "requisition_status",
            msg("requisition_status", number=req.number, state=_state(req.status), want=_either(allowed)),
            field="status",
        )


def lines_of(s: Session, requisition_id: str) -> list[RequisitionLine]:
    return list(
        s.scalars(
            select(RequisitionLine)
            .where(RequisitionLine.requisition_id == requisition_id, RequisitionLine.deleted.is_(False))
            .order_by(RequisitionLine.id)
        )
    )


def create_requisition(
    s: Session,
    actor: Actor,
    *,
    period_from: dt.date,
    period_to: dt.date,
    item_ids: list[str] | None = None,
    today: dt.date | None = None,
) -> Requisition:
    """A draft with one line per item (by default every item the station holds or has levels for).
    Suggested quantity: up to the maximum stock when one is set, else two months of average use, less
    what is on hand."""
    station_id = station_of(actor)
    start, end = as_date(period_from, "period_from"), as_date(period_to, "period_to")
    if end < start:
        raise ValidationError(
            "bad_period",
            msg("bad_period"),
            field="period_to",
        )
    today = today or dt.date.today()
    balances = {b.item_id: b for b in on_hand_by_item(s, station_id)}
    ids = list(item_ids) if item_ids is not None else list(balances)
    for item_id in ids:
        load_item(s, item_id, station_id, "item_ids")
    seq = (s.scalar(select(func.count()).select_from(Requisition).where(Requisition.station_id == station_id))
           or 0) + 1
    req = Requisition(station_id=station_id, number=f"DT-{start:%Y%m}-{seq:02d}", period_from=start,
                      period_to=end, status="draft", created_at=utc_now())
    s.add(req)
    s.flush()
    for item_id in ids:
        bal = balances.get(item_id)
        on_hand = bal.quantity if bal else 0
        max_stock = bal.max_stock if bal else _max_stock(s, station_id, item_id)
        avg = average_monthly_use(s, station_id, item_id, today=today)
        target = max_stock if max_stock > 0 else math.ceil(2 * avg)
        s.add(
            RequisitionLine(
                station_id=station_id, requisition_id=req.id, item_id=item_id, on_hand=on_hand,
                avg_monthly_use=avg, requested_qty=max(0, target - on_hand),
            )
        )
    s.flush()
    return req


def _max_stock(s: Session, station_id: str, item_id: str) -> int:
    level = s.scalar(select(StockLevel.max_stock).where(StockLevel.station_id == station_id,
                                                         StockLevel.item_id == item_id, StockLevel.deleted.is_(False)))
    if level is not None:
        return int(level)
    return int(load_item(s, item_id, station_id).max_stock or 0)


def set_requested(s: Session, actor: Actor, *, line_id: str, requested_qty: int, note: str | None = None
                  ) -> RequisitionLine:
    station_id = station_of(actor)
    line = s.get(RequisitionLine, line_id) if line_id else None
    if line is None or line.deleted or line.station_id != station_id:
        raise NotFoundError(
            "requisition_line_not_found",
            msg("requisition_line_not_found"),
            field="line_id",
        )
    _require_status(load_requisition(s, line.requisition_id, station_id), "draft")
    line.requested_qty = as_int(requested_qty, "requested_qty", allow_zero=True)
    if note is not None:
        line.note = text_or_none(note, 2000)
    s.flush()
    return line


def submit(s: Session, actor: Actor, *, requisition_id: str, notes: str | None = None) -> Requisition:
    station_id = station_of(actor)
    req = load_requisition(s, requisition_id, station_id)
    _require_status(req, *_sources("submitted"))
    if not any(line.requested_qty > 0 for line in lines_of(s, req.id)):
        raise RuleError(
            "requisition_empty",
            msg("requisition_empty"),
            field="requested_qty",
        )
    req.status = "submitted"
    if notes is not None:
        req.notes = text_or_none(notes, 2000)
    s.flush()
    return req


def approve(s: Session, actor: Actor, *, requisition_id: str, approved: dict[str, int],
            note: str | None = None) -> Requisition:
    """The centre sets approved quantities; a line not named is approved as requested."""
    centre_only(actor, msg("word.approve_a_requisition"))
    require(actor, "approve_requisition")
    req = load_requisition(s, requisition_id, None)
    _require_status(req, *_sources("approved"))
    lines = {line.id: line for line in lines_of(s, req.id)}
    unknown = [line_id for line_id in approved if line_id not in lines]
    if unknown:
        raise NotFoundError(
            "requisition_line_not_found",
            msg("requisition_line_not_found.approve"),
            field="approved",
        )
    checked = {line_id: as_int(qty, "approved", allow_zero=True) for line_id, qty in approved.items()}
    for line_id, line in lines.items():
        line.approved_qty = checked.get(line_id, line.requested_qty)
    req.status = "approved"
    req.approved_by = actor.name
    req.approved_at = utc_now()
    if note is not None:
        req.centre_note = text_or_none(note, 2000)
    s.flush()
    return req


def reject(s: Session, actor: Actor, *, requisition_id: str, reason: str) -> Requisition:
    centre_only(actor, msg("word.reject_a_requisition"))
    require(actor, "approve_requisition")
    why = require_reason(reason)
    req = load_requisition(s, requisition_id, None)
    _require_status(req, *_sources("rejected"))
    req.status = "rejected"
    req.centre_note = why
    req.approved_by = actor.name
    req.approved_at = utc_now()
    s.flush()
    return req


def ship(
    s: Session,
    actor: Actor,
    *,
    requisition_id: str | None,
    station_id: str,
    lines: list[tuple[Any, ...]],
    doc_no: str | None,
    shipped_date: dt.date,
) -> list[ShipmentLine]:
    """The centre ships lots to a station: each (item_id, lot_no, expiry, quantity, manufacturer)
    becomes a pending receipt there."""
    centre_only(actor, msg("inventory.requisitions"))
    require(actor, "ship")
    day = as_date(shipped_date, "shipped_date")
    station = s.get(Station, station_id) if station_id else None
    if station is None or station.deleted:
        raise NotFoundError(
            "station_not_found",
            msg("station_not_found.ship"),
            field="station_id",
        )
    req = None
    if requisition_id is not None:
        req = load_requisition(s, requisition_id, station_id)
        _require_status(req, *_sources("shipped"), "shipped")  # a later shipment of the same requisition
    if not lines:
        raise ValidationError(
            "shipment_empty",
            msg("shipment_empty"),
            field="lines",
        )
    out = []
    for row in lines:
        item_id, lot_no, expiry, quantity = row[:4]
        manufacturer = row[4] if len(row) > 4 else None
        item = load_item(s, item_id, station_id, "lines")
        if expiry is None or not str(expiry).strip(" /-_."):  # never guessed: copied from the pack
            raise ValidationError(
                "expiry_missing",
                msg("expiry_missing.ship", item=item.name,
                    lot_no=plain(str(lot_no)) if lot_no else msg("word.no_lot_number_yet")),
                field="expiry",
            )
        expiry = expiry if isinstance(expiry, dt.date) else parse_date(str(expiry), "expiry")
        expiry = as_date(expiry, "expiry")
        if expiry < day:
            raise RuleError(
                "ship_expired",
                msg("ship_expired", lot_no=lot_no, expiry=pick(day_text, expiry)),
                field="expiry",
            )
        out.append(
            ShipmentLine(
                station_id=station_id, requisition_id=req.id if req else None, item_id=item_id,
                lot_no=clean_lot_no(lot_no), expiry=expiry, manufacturer=text_or_none(manufacturer),
                quantity=as_int(quantity, "quantity"), doc_no=text_or_none(doc_no, 64), shipped_date=day,
                status="pending",
            )
        )
    s.add_all(out)
    if req is not None:
        req.status = "shipped"
    s.flush()
    return out
