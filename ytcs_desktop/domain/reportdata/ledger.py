"""Reading the ledger for reports: every figure is a SUM over stock_transactions.

A reversal is counted in the column of the movement it reverses (with its own sign), so a reversed
issue nets to zero in "issued" instead of showing up as a receipt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from ytcs_desktop.store.models import Item, Lot, StockTransaction

COLUMNS = ("received_centre", "received_other", "issued_use", "issued_transfer", "issued_disposal", "adjusted")
# Columns holding outflows are printed as positive numbers: quantity is negated.
OUTFLOWS = frozenset({"issued_use", "issued_transfer", "issued_disposal"})


def column_of(kind: str, source: str | None, quantity: int) -> str:
    """Which report column a movement of this kind lands in (kinds matched loosely on purpose:
    the ledger's vocabulary is the inventory module's, and an unknown kind must still reconcile)."""
    k = kind.lower()
    if "transfer" in k or "chuyen" in k:
        return "received_other" if quantity > 0 else "issued_transfer"
    if k.startswith("receipt") or k.startswith("receive") or k in {"in", "nhap"}:
        return "received_centre" if (source or "centre") == "centre" else "received_other"
    if "dispos" in k or k in {"huy", "destroy"}:
        return "issued_disposal"
    if k.startswith("issue") or "vial" in k or k in {"use", "xuat"}:
        return "issued_use"
    return "adjusted"  # adjustment, count correction, anything else: signed


TXN_LABELS = {
    "received_centre": "Nhập từ Trung tâm",
    "received_other": "Nhập khác",
    "issued_use": "Xuất sử dụng",
    "issued_transfer": "Xuất điều chuyển",
    "issued_disposal": "Xuất hủy",
    "adjusted": "Điều chỉnh",
}


def kind_label(kind: str, source: str | None, quantity: int) -> str:
    k = kind.lower()
    if "revers" in k:
        return "Đảo bút toán"
    if "count" in k:
        return "Điều chỉnh kiểm kê"
    if "transfer" in k and quantity > 0:
        return "Nhận điều chuyển"
    return TXN_LABELS[column_of(kind, source, quantity)]


@dataclass
class Flow:
    """Signed movements of one lot over a period, by report column (outflows positive)."""

    received_centre: int = 0
    received_other: int = 0
    issued_use: int = 0
    issued_transfer: int = 0
    issued_disposal: int = 0
    adjusted: int = 0

    def add(self, column: str, quantity: int) -> None:
        value = -quantity if column in OUTFLOWS else quantity
        setattr(self, column, getattr(self, column) + value)

    @property
    def net(self) -> int:
        return (self.received_centre + self.received_other + self.adjusted
                - self.issued_use - self.issued_transfer - self.issued_disposal)


def _scope(q, station_id: str | None):  # type: ignore[no-untyped-def]
    return q if station_id is None else q.where(StockTransaction.station_id == station_id)


def balances_before(s: Session, station_id: str | None, day: dt.date,
                    item_ids: Iterable[str] | None = None) -> dict[str, int]:
    """SUM(quantity) per lot of everything dated before `day`."""
    q = select(StockTransaction.lot_id, func.sum(StockTransaction.quantity)).where(
        StockTransaction.txn_date < day).group_by(StockTransaction.lot_id)
    q = _scope(q, station_id)
    if item_ids is not None:
        q = q.where(StockTransaction.item_id.in_(list(item_ids)))
    return {lot: int(total or 0) for lot, total in s.execute(q)}


def flows(s: Session, station_id: str | None, date_from: dt.date, date_to: dt.date,
          item_ids: Iterable[str] | None = None) -> dict[str, Flow]:
    """Movements per lot dated within [date_from, date_to], by report column."""
    t = StockTransaction
    sign = case((t.quantity > 0, 1), else_=-1)
    inside = (t.txn_date >= date_from, t.txn_date <= date_to)
    plain = (select(t.lot_id, t.kind, t.source, sign, func.sum(t.quantity))
             .where(*inside, func.coalesce(t.reverses_id, "") == "")  # not via the reverses_id index
             .group_by(t.lot_id, t.kind, t.source, sign))
    # a reversal lands in the column of what it reverses (few rows: the join is cheap)
    orig = aliased(StockTransaction)
    osign = case((orig.quantity > 0, 1), else_=-1)
    reversals = (select(t.lot_id, orig.kind, orig.source, osign, func.sum(t.quantity))
                 .join(orig, orig.id == t.reverses_id).where(t.reverses_id.is_not(None), *inside)
                 .group_by(t.lot_id, orig.kind, orig.source, osign))
    out: dict[str, Flow] = {}
    for q in (plain, reversals):
        q = _scope(q, station_id)
        if item_ids is not None:
            q = q.where(t.item_id.in_(list(item_ids)))
        for lot_id, kind, source, sgn, total in s.execute(q):
            out.setdefault(lot_id, Flow()).add(column_of(kind, source, int(sgn)), int(total or 0))
    return out


class LotInfo(NamedTuple):
    id: str
    item_id: str
    lot_no: str
    expiry: dt.date
    vvm_stage: int | None


class ItemInfo(NamedTuple):
    id: str
    code: str
    name: str
    base_unit: str
    category: str
    min_stock: int


def lots_with_items(s: Session, lot_ids: Iterable[str]) -> dict[str, tuple[LotInfo, ItemInfo]]:
    """Lot and item columns the forms print, as plain tuples (thousands of lots: no ORM objects)."""
    ids = list(lot_ids)
    out: dict[str, tuple[LotInfo, ItemInfo]] = {}
    items: dict[str, ItemInfo] = {}
    wanted = set(ids)
    base = (select(Lot.id, Lot.item_id, Lot.lot_no, Lot.expiry, Lot.vvm_stage, Item.code, Item.name,
                   Item.base_unit, Item.category, Item.min_stock).join(Item, Item.id == Lot.item_id))
    # a few lots: look them up; many (a year's report): one scan beats thousands of bound parameters
    queries = ([base.where(Lot.id.in_(ids[i:i + 500])) for i in range(0, len(ids), 500)] if len(ids) <= 2000
               else [base])
    for q in queries:
        for lid, iid, lot_no, expiry, vvm, code, name, unit, cat, min_stock in s.execute(q):
            if lid not in wanted:
                continue
            item = items.get(iid)
            if item is None:
                item = items[iid] = ItemInfo(iid, code, name, unit, cat, min_stock or 0)
            out[lid] = (LotInfo(lid, iid, lot_no, expiry, vvm), item)
    return out


def lot_condition(lot: LotInfo, on: dt.date, quarantined: bool = False, near_days: int = 90) -> str:
    if quarantined:
        return "Đang cách ly"
    if lot.expiry < on:
        return "Hết hạn"
    if (lot.vvm_stage or 1) >= 3:
        return f"VVM giai đoạn {lot.vvm_stage}"
    if (lot.expiry - on).days <= near_days:
        return "Cận hạn"
    return "Tốt"
