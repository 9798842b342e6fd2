"""Báo cáo xuất – nhập – tồn (stock movement) and Thẻ kho (stock card)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.errors import NotFoundError
from ytcs_desktop.domain.inventory.movements import stock_card as inventory_stock_card
from ytcs_desktop.domain.reportdata import ledger
from ytcs_desktop.domain.reportdata.common import Header, Period, header, station_row
from ytcs_desktop.messages import msg
from ytcs_desktop.store.models import Item, StockTransaction


@dataclass
class MovementRow:
    code: str
    name: str
    unit: str
    lot_no: str
    expiry: dt.date
    opening: int
    received_centre: int
    received_other: int
    issued_use: int
    issued_transfer: int
    issued_disposal: int
    adjusted: int
    closing: int
    note: str = ""


NUMERIC = ("opening", "received_centre", "received_other", "issued_use", "issued_transfer",
           "issued_disposal", "adjusted", "closing")


@dataclass
class MovementReport:
    header: Header
    period: Period
    rows: list[MovementRow]
    totals: dict[str, int] = field(default_factory=dict)


def movement_report(s: Session, station_id: str | None, date_from: dt.date, date_to: dt.date,
                    *, on: dt.date | None = None, number: str | None = None) -> MovementReport:
    """Opening, receipts, issues and closing per lot; every lot with stock or movement is a row."""
    period = Period(date_from, date_to)
    opening = ledger.balances_before(s, station_id, date_from)
    moves = ledger.flows(s, station_id, date_from, date_to)
    lot_ids = {lot for lot, qty in opening.items() if qty != 0} | set(moves)
    info = ledger.lots_with_items(s, lot_ids)
    rows: list[MovementRow] = []
    for lot_id in lot_ids:
        lot, item = info[lot_id]
        f = moves.get(lot_id, ledger.Flow())
        start = opening.get(lot_id, 0)
        closing = start + f.net
        note = ledger.lot_condition(lot, date_to)
        rows.append(MovementRow(
            item.code, item.name, item.base_unit, lot.lot_no, lot.expiry, start,
            f.received_centre, f.received_other, f.issued_use, f.issued_transfer, f.issued_disposal,
            f.adjusted, closing, "" if note == "Tốt" else note,
        ))
    rows.sort(key=lambda r: (r.code, r.expiry, r.lot_no))
    totals = {c: sum(getattr(r, c) for r in rows) for c in NUMERIC}
    head = header(s, station_id, "BÁO CÁO XUẤT – NHẬP – TỒN THUỐC, VẬT TƯ Y TẾ", date=on or date_to,
                  number=number, subtitle=period.line())
    return MovementReport(head, period, rows, totals)


@dataclass
class CardEntry:
    date: dt.date
    doc_in: str
    doc_out: str
    lot_no: str
    expiry: dt.date
    description: str
    quantity_in: int
    quantity_out: int
    balance: int
    note: str = ""


@dataclass
class StockCard:
    header: Header
    period: Period
    code: str
    name: str
    unit: str
    strength: str
    opening: int
    entries: list[CardEntry]
    total_in: int
    total_out: int
    closing: int


def _item_by_code(s: Session, code: str) -> Item:
    item = s.scalars(select(Item).where(Item.code == code)).first()
    if item is None:
        raise NotFoundError("item_not_found", msg("item_not_found.item_by_code", code=code), field="item")
    return item


def stock_card(s: Session, station_id: str | None, item_code: str, date_from: dt.date, date_to: dt.date,
               *, on: dt.date | None = None) -> StockCard:
    """Every movement of one item in the period, in the order recorded, with the running balance
    (domain.inventory's stock card)."""
    period = Period(date_from, date_to)
    item = _item_by_code(s, item_code)
    sid = station_id or station_row(s, None).id
    card = inventory_stock_card(s, sid, item.id, date_from, date_to)
    entries = [
        CardEntry(x.date, (x.doc_no or "") if x.qty_in else "", (x.doc_no or "") if x.qty_out else "", x.lot_no,
                  x.expiry, x.description, x.qty_in, x.qty_out, x.balance)
        for x in card.lines
    ]
    head = header(s, station_id, "THẺ KHO", date=on or date_to, subtitle=period.line())
    strength = " ".join(x for x in (item.strength, item.dosage_form) if x)
    return StockCard(head, period, item.code, item.name, item.base_unit, strength, card.opening, entries,
                     sum(e.quantity_in for e in entries), sum(e.quantity_out for e in entries), card.closing)


def items_with_activity(s: Session, station_id: str | None, date_from: dt.date, date_to: dt.date) -> list[str]:
    """Codes of the items with stock at the start or any movement in the period (for all cards)."""
    moved = select(StockTransaction.item_id).where(
        StockTransaction.txn_date >= date_from, StockTransaction.txn_date <= date_to)
    held = (select(StockTransaction.item_id).where(StockTransaction.txn_date < date_from)
            .group_by(StockTransaction.item_id, StockTransaction.lot_id)
            .having(func.sum(StockTransaction.quantity) != 0))
    if station_id is not None:
        moved = moved.where(StockTransaction.station_id == station_id)
        held = held.where(StockTransaction.station_id == station_id)
    ids = moved.union(held).subquery()
    return list(s.scalars(select(Item.code).where(Item.id.in_(select(ids.c.item_id))).order_by(Item.code)))
