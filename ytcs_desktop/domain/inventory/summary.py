"""What a saved stock movement was, for the line that confirms it ("Đã nhập 100 viên Paracetamol
500 mg, lô L1"): the movement's lines with their item and lot."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.store.models import Item, Lot, StockTransaction


@dataclass(frozen=True)
class MovementLine:
    kind: str  # receipt|issue|transfer_out|disposal|reversal|…
    quantity: int  # as written: negative for stock leaving
    unit: str
    item_name: str
    lot_no: str
    item_id: str  # the stock card the confirming line links to


def movement_lines(s: Session, txn_ids: Iterable[str]) -> list[MovementLine]:
    """The lines of the transactions named, in the order named."""
    ids = list(txn_ids)
    if not ids:
        return []
    found = s.execute(
        select(StockTransaction, Item.base_unit, Item.name, Lot.lot_no)
        .join(Item, Item.id == StockTransaction.item_id)
        .join(Lot, Lot.id == StockTransaction.lot_id)
        .where(StockTransaction.id.in_(ids)))
    rows = {t.id: MovementLine(t.kind, t.quantity, unit, name, lot_no, t.item_id) for t, unit, name, lot_no in found}
    return [rows[i] for i in ids if i in rows]
