"""Stock queries. Stock on hand is always a SUM over the ledger (from a balance carried at the last closed day,
derived from the ledger and kept true to it by triggers), never a stored balance that can drift."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import CTE, String, and_, column, exists, func, literal, or_, select, true, type_coerce, values
from sqlalchemy.orm import Session

from ytcs_desktop.domain.inventory.common import available_from, setting_int
from ytcs_desktop.domain.inventory.lots import lot_blockers
from ytcs_desktop.domain.inventory.movements import (
    MovementLine,
    StockCard,
    StockCardLine,
    movement_summary,
    stock_card,
)
from ytcs_desktop.store.models import Item, Lot, LotCarriedBalance, Quarantine, StockLevel, StockTransaction

__all__ = [
    "ItemBalance",
    "LotBalance",
    "MovementLine",
    "StockCard",
    "StockCardLine",
    "average_monthly_use",
    "below_minimum",
    "fefo_suggestion",
    "is_below_minimum",
    "is_stock_out",
    "movement_summary",
    "near_expiry",
    "on_hand_by_item",
    "on_hand_by_lot",
    "on_hand_by_station",
    "stock_card",
]

DEFAULT_NEAR_EXPIRY_DAYS = 90


@dataclass(slots=True)  # not frozen: frozen dataclasses are slow to build by the thousand
class LotBalance:
    item_id: str
    item_code: str
    item_name: str
    unit: str
    category: str
    lot_id: str
    lot_no: str
    expiry: dt.date
    quantity: int
    quarantined: bool
    vvm_stage: int | None


@dataclass(slots=True)
class ItemBalance:
    item_id: str
    code: str
    name: str
    unit: str
    category: str
    quantity: int
    min_stock: int
    max_stock: int
    nearest_expiry: dt.date | None


def lot_sums(
    station_id: str | Sequence[str],
    as_of: dt.date | None = None,
    item_id: str | None = None,
    expiring_by: dt.date | None = None,
) -> CTE:
    """(lot_id, station_id, item_id, lot_no, expiry, vvm_stage, qty) for the station's lots (or the
    stations' lots, given several: the centre reads every station in one query).

    A lot's balance is its carried balance through the last closed day (store/carried.py, when there is
    one on or before `as_of`) plus the ledger rows after it, each sum a range of the covering index
    ix_stock_transactions_lot_date: only the rows since the last close of the lots asked for are read,
    whatever the length of the history. The CTE is MATERIALIZED: a query that filters on `qty` and also
    selects it would otherwise run every lot's SUM twice (SQLite flattens a plain subquery)."""
    carried_on = LotCarriedBalance.lot_id == Lot.id
    if as_of is not None:
        carried_on = and_(carried_on, LotCarriedBalance.through <= as_of)
    since = select(func.coalesce(func.sum(StockTransaction.quantity), 0)).where(
        StockTransaction.lot_id == Lot.id,
        # one range of the index: dates are ISO text, and '' comes before every one of them
        type_coerce(StockTransaction.txn_date, String)
        > func.coalesce(type_coerce(LotCarriedBalance.through, String), ""))
    if as_of is not None:
        since = since.where(StockTransaction.txn_date <= as_of)
    qty = func.coalesce(LotCarriedBalance.quantity, 0) + since.scalar_subquery()
    q = select(
        Lot.id.label("lot_id"), Lot.station_id.label("station_id"), Lot.item_id.label("item_id"),
        Lot.lot_no.label("lot_no"), Lot.expiry.label("expiry"), Lot.vvm_stage.label("vvm_stage"), qty.label("qty"),
    ).outerjoin(LotCarriedBalance, carried_on)
    q = q.where(Lot.station_id == station_id) if isinstance(station_id, str) else q.where(
        Lot.station_id.in_(list(station_id)))
    if item_id is not None:
        q = q.where(Lot.item_id == item_id)
    if expiring_by is not None:
        q = q.where(Lot.expiry <= expiring_by)
    return q.cte("lot_sums").prefix_with("MATERIALIZED")


def _lot_balances(
    s: Session,
    station_id: str,
    as_of: dt.date | None = None,
    item_id: str | None = None,
    expiring_by: dt.date | None = None,
) -> list[LotBalance]:
    per_lot = lot_sums(station_id, as_of, item_id, expiring_by)
    quarantined = exists().where(
        Quarantine.lot_id == per_lot.c.lot_id, Quarantine.status == "active", Quarantine.deleted.is_(False)
    )
    q = (
        select(
            Item.id, Item.code, Item.name, Item.base_unit, Item.category,
            # expiry as its ISO text: fromisoformat below is several times cheaper than the Date type's
            # processor, which counts with thousands of lots
            per_lot.c.lot_id, per_lot.c.lot_no, type_coerce(per_lot.c.expiry, String), per_lot.c.qty, quarantined,
            per_lot.c.vvm_stage,
        )
        .join(Item, Item.id == per_lot.c.item_id)
        .where(per_lot.c.qty != 0)
        .order_by(Item.name, per_lot.c.expiry, per_lot.c.lot_no)
    )
    rows = s.connection().execute(q).all()  # Core rows, fetched at once: thousands of plain tuples
    day = dt.date.fromisoformat
    return [LotBalance(r[0], r[1], r[2], r[3], r[4], r[5], r[6], day(r[7]), r[8], r[9] == 1, r[10]) for r in rows]


def on_hand_by_lot(s: Session, station_id: str, as_of: dt.date | None = None) -> list[LotBalance]:
    """Every lot with a non-zero balance (as of the end of `as_of`), by item name then expiry."""
    return _lot_balances(s, station_id, as_of)


def on_hand_by_item(s: Session, station_id: str, as_of: dt.date | None = None) -> list[ItemBalance]:
    """Every item the station has held or has a min/max for, with its total, levels and the nearest
    expiry among lots in stock (as of the end of `as_of`, default now). Items at zero are listed: a
    stock-out is what the nurse must see."""
    return on_hand_by_station(s, [station_id], as_of).get(station_id, [])


def on_hand_by_station(s: Session, station_ids: Sequence[str],
                       as_of: dt.date | None = None) -> dict[str, list[ItemBalance]]:
    """`on_hand_by_item` for several stations in one query (the centre's overview and reports): per
    station, every item it has held or has a min/max for."""
    ids = list(station_ids)
    if not ids:
        return {}
    # One station (its own stock page) sums per item, as fast as a query for it alone; several per (station, item).
    one = len(ids) == 1
    per_lot = lot_sums(ids[0] if one else ids, as_of)
    station = literal(ids[0], String) if one else per_lot.c.station_id
    per_item = (
        select(
            station.label("station_id"),
            per_lot.c.item_id.label("item_id"),
            func.sum(per_lot.c.qty).label("qty"),
            func.min(per_lot.c.expiry).filter(per_lot.c.qty > 0).label("nearest"),
        )
        .group_by(*([] if one else [per_lot.c.station_id]), per_lot.c.item_id)
        .subquery()
    )
    levels = (
        select(StockLevel.station_id, StockLevel.item_id, StockLevel.min_stock, StockLevel.max_stock)
        .where(StockLevel.station_id.in_(ids), StockLevel.deleted.is_(False))
        .subquery()
    )
    # one VALUES list, not a compound SELECT per station: SQLite allows at most 500 terms in one of those
    stations = (select(literal(ids[0], String).label("station_id")).subquery("asked") if one else
                values(column("station_id", String), name="asked").data([(sid,) for sid in ids]).cte("asked"))
    q = (
        select(
            stations.c.station_id, Item.id, Item.code, Item.name, Item.base_unit, Item.category,
            func.coalesce(per_item.c.qty, 0),
            func.coalesce(levels.c.min_stock, Item.min_stock, 0),
            func.coalesce(levels.c.max_stock, Item.max_stock, 0),
            per_item.c.nearest,
        )
        .select_from(stations)
        .join(Item, true())
        .outerjoin(per_item, and_(per_item.c.station_id == stations.c.station_id, per_item.c.item_id == Item.id))
        .outerjoin(levels, and_(levels.c.station_id == stations.c.station_id, levels.c.item_id == Item.id))
        .where(or_(per_item.c.item_id.is_not(None), levels.c.item_id.is_not(None)))
        .order_by(stations.c.station_id, Item.name, Item.code)
    )
    out: dict[str, list[ItemBalance]] = {}
    for r in s.connection().execute(q).all():
        out.setdefault(r[0], []).append(ItemBalance(r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], _as_date(r[9])))
    return out


def _as_date(value: dt.date | str | None) -> dt.date | None:
    """MIN over a CTE column comes back from SQLite as text: the Date type does not travel."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def near_expiry_days(s: Session) -> int:
    """How many days ahead an expiry counts as near: the station's setting 'near_expiry_days', default 90.
    The overview, the stock tables' colours and the reports all read it here."""
    return setting_int(s, "near_expiry_days", DEFAULT_NEAR_EXPIRY_DAYS)


def expiry_state(expiry: dt.date | None, today: dt.date, near_days: int, quarantined: bool = False) -> str:
    """'quarantined', 'expired', 'near' (within `near_days`) or '' for a lot."""
    if quarantined:
        return "quarantined"
    if expiry is None:
        return ""
    if expiry < today:
        return "expired"
    if expiry <= today + dt.timedelta(days=near_days):
        return "near"
    return ""


def is_below_minimum(balance: ItemBalance) -> bool:
    """Under the minimum that applies at this station (its own level, else the catalogue's default, as
    `on_hand_by_item` reads them). The overview, the stock tables and the weekly report ask this."""
    return balance.min_stock > 0 and balance.quantity < balance.min_stock


def is_stock_out(balance: ItemBalance) -> bool:
    return balance.quantity <= 0


def near_expiry(s: Session, station_id: str, today: dt.date, days: int | None = None) -> list[LotBalance]:
    """Lots in stock that expire within `days` of `today` (default: `near_expiry_days`), soonest first;
    lots already expired are included (they need a disposal)."""
    if days is None:
        days = near_expiry_days(s)
    lots = _lot_balances(s, station_id, expiring_by=today + dt.timedelta(days=days))
    return sorted((b for b in lots if b.quantity > 0), key=lambda b: (b.expiry, b.item_name, b.lot_no))


def below_minimum(s: Session, station_id: str) -> list[ItemBalance]:
    """Items whose stock on hand is under their minimum (station level, else catalogue default)."""
    return [b for b in on_hand_by_item(s, station_id) if is_below_minimum(b)]


def issuable_lots(s: Session, station_id: str, item_id: str, on: dt.date) -> list[tuple[LotBalance, int]]:
    """Lots of the item that may be issued on `on`, in FEFO order (first expiry, first out), each with
    what may leave it that day."""
    out = []
    for bal in _lot_balances(s, station_id, item_id=item_id):
        lot = s.get(Lot, bal.lot_id)
        if lot is None or bal.quantity <= 0 or lot_blockers(s, lot, on):
            continue
        avail = available_from(s, bal.lot_id, on)
        if avail > 0:
            out.append((bal, avail))
    out.sort(key=lambda pair: (pair[0].expiry, pair[0].lot_no))
    return out


def fefo_suggestion(
    s: Session, station_id: str, item_id: str, quantity: int, on: dt.date
) -> list[tuple[LotBalance, int]]:
    """How to take `quantity` of the item on `on`, first expiry first. If stock is short the
    allocation covers only what is available (the caller compares the total)."""
    plan: list[tuple[LotBalance, int]] = []
    left = quantity
    for bal, avail in issuable_lots(s, station_id, item_id, on):
        if left <= 0:
            break
        take = min(left, avail)
        plan.append((bal, take))
        left -= take
    return plan


def _months_back(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    last_day = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last_day))


def average_monthly_use(
    s: Session, station_id: str, item_id: str, months: int = 3, today: dt.date | None = None
) -> float:
    """Mean monthly issue for use over the `months` months up to `today`, net of reversed issues."""
    today = today or dt.date.today()
    start = _months_back(today, months)
    window = and_(
        StockTransaction.station_id == station_id,
        StockTransaction.item_id == item_id,
        StockTransaction.txn_date > start,
        StockTransaction.txn_date <= today,
    )
    issued = s.scalar(
        select(func.coalesce(func.sum(StockTransaction.quantity), 0)).where(window, StockTransaction.kind == "issue")
    )
    original = StockTransaction.__table__.alias("original")
    reversed_issues = s.scalar(
        select(func.coalesce(func.sum(StockTransaction.quantity), 0))
        .join(original, original.c.id == StockTransaction.reverses_id)
        .where(window, StockTransaction.kind == "reversal", original.c.kind == "issue")
    )
    net = -(int(issued or 0) + int(reversed_issues or 0))
    return round(max(0, net) / months, 1) if months > 0 else 0.0
