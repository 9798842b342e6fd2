"""Stock card (thẻ kho) and the movement summary behind the xuất – nhập – tồn report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.inventory.common import KIND_VI
from ytcs_desktop.store.models import Item, Lot, StockTransaction

DISPOSAL_VI = {"expired": "hết hạn", "damaged": "hư hỏng", "vvm": "VVM chuyển màu", "frozen": "bị đông băng",
               "other": "lý do khác"}


@dataclass(frozen=True)
class StockCardLine:
    txn_id: str
    date: dt.date
    doc_no: str | None
    kind: str
    lot_no: str
    expiry: dt.date
    description: str
    qty_in: int
    qty_out: int
    balance: int


@dataclass
class StockCard:
    item_id: str
    item_code: str
    item_name: str
    unit: str
    date_from: dt.date
    date_to: dt.date
    opening: int
    lines: list[StockCardLine] = field(default_factory=list)
    closing: int = 0


def describe(kind: str, counterparty: str | None, reason: str | None, reason_code: str | None) -> str:
    text = KIND_VI.get(kind, kind)
    if kind == "disposal" and reason_code:
        text += f" ({DISPOSAL_VI.get(reason_code, reason_code)})"
    extra = "; ".join(p for p in (counterparty, reason) if p)
    return f"{text}: {extra}" if extra else text


def stock_card(s: Session, station_id: str, item_id: str, date_from: dt.date, date_to: dt.date) -> StockCard:
    """Every movement of one item between the two dates (inclusive), in the order recorded, with the
    running balance; opening is the balance at the end of the day before `date_from`."""
    item = s.get(Item, item_id)
    of_item = (StockTransaction.station_id == station_id, StockTransaction.item_id == item_id)
    opening = int(
        s.scalar(
            select(func.coalesce(func.sum(StockTransaction.quantity), 0)).where(
                *of_item, StockTransaction.txn_date < date_from
            )
        )
        or 0
    )
    card = StockCard(
        item_id=item_id,
        item_code=item.code if item else "",
        item_name=item.name if item else "",
        unit=item.base_unit if item else "",
        date_from=date_from,
        date_to=date_to,
        opening=opening,
    )
    rows = s.execute(
        select(
            StockTransaction.id, StockTransaction.txn_date, StockTransaction.doc_no, StockTransaction.kind,
            Lot.lot_no, Lot.expiry, StockTransaction.counterparty, StockTransaction.reason,
            StockTransaction.reason_code, StockTransaction.quantity,
        )
        .join(Lot, Lot.id == StockTransaction.lot_id)
        .where(*of_item, StockTransaction.txn_date >= date_from, StockTransaction.txn_date <= date_to)
        .order_by(StockTransaction.txn_date, StockTransaction.id)  # ids are UUIDv7: time-ordered
    ).all()
    balance = opening
    for txn_id, day, doc_no, kind, lot_no, expiry, party, reason, code, qty in rows:
        balance += qty
        card.lines.append(
            StockCardLine(
                txn_id, day, doc_no, kind, lot_no, expiry, describe(kind, party, reason, code),
                max(qty, 0), max(-qty, 0), balance,
            )
        )
    card.closing = balance
    return card


@dataclass(frozen=True)
class MovementLine:
    """One item+lot in a period. opening + received_centre + received_other − issued_use −
    issued_transfer − disposed + adjusted = closing, exactly."""

    item_id: str
    item_code: str
    item_name: str
    unit: str
    category: str
    lot_id: str
    lot_no: str
    expiry: dt.date
    opening: int
    received_centre: int
    received_other: int
    issued_use: int
    issued_transfer: int
    disposed: int
    adjusted: int  # adjustments, count corrections and reversals, signed
    closing: int


def movement_summary(s: Session, station_id: str, date_from: dt.date, date_to: dt.date) -> list[MovementLine]:
    """Per item and lot: opening, ins, outs and closing for the period; lots with neither a balance nor a
    movement in the period are left out."""
    t = StockTransaction
    q = t.quantity
    before = t.txn_date < date_from
    inside = (t.txn_date >= date_from) & (t.txn_date <= date_to)
    other_receipt = (t.kind == "receipt") & t.source.is_distinct_from("centre")

    def total(cond: ColumnElement[bool]) -> ColumnElement[Any]:
        return func.coalesce(func.sum(case((cond, q), else_=0)), 0)

    sums = (
        select(
            t.lot_id.label("lot_id"),
            total(before).label("opening"),
            total(inside & (t.kind == "receipt") & (t.source == "centre")).label("rc"),
            total(inside & (other_receipt | (t.kind == "transfer_in"))).label("ro"),
            total(inside & (t.kind == "issue")).label("iu"),
            total(inside & (t.kind == "transfer_out")).label("it"),
            total(inside & (t.kind == "disposal")).label("dp"),
            total(inside & t.kind.in_(("adjustment", "count", "reversal"))).label("adj"),
            func.count().filter(inside).label("moves"),
        )
        .where(t.station_id == station_id, t.txn_date <= date_to)
        .group_by(t.lot_id)
        .subquery()
    )
    rows = s.execute(
        select(
            Item.id, Item.code, Item.name, Item.base_unit, Item.category, Lot.id, Lot.lot_no, Lot.expiry,
            sums.c.opening, sums.c.rc, sums.c.ro, sums.c.iu, sums.c.it, sums.c.dp, sums.c.adj, sums.c.moves,
        )
        .join(Lot, Lot.id == sums.c.lot_id)
        .join(Item, Item.id == Lot.item_id)
        .order_by(Item.name, Lot.expiry, Lot.lot_no)
    ).all()
    out = []
    for row in rows:
        opening, rc, ro, iu, it, dp, adj, moves = (int(v) for v in row[8:16])
        closing = opening + rc + ro + iu + it + dp + adj
        if opening == 0 and moves == 0:
            continue
        out.append(
            MovementLine(
                item_id=row[0], item_code=row[1], item_name=row[2], unit=row[3], category=row[4], lot_id=row[5],
                lot_no=row[6], expiry=row[7], opening=opening, received_centre=rc, received_other=ro,
                issued_use=-iu, issued_transfer=-it, disposed=-dp, adjusted=adj, closing=closing,
            )
        )
    return out
