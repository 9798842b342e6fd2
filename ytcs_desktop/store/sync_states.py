"""Sync states of records that lists show through domain rows or aggregates (a lot's balance is a sum
of ledger rows; a stock card line is one ledger row): the worst state per key, for rows not yet sent.

Plain reads of the local bookkeeping columns (`sync_state`, `sync_reason`), kept in the store so the
list models only adapt them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from ytcs_desktop.store.models import Lot, StockLevel, StockTransaction, TemperatureReading

SyncState = tuple[str, str | None]  # (sync_state, the centre's reason when refused)
SYNC_RANK = {"synced": 0, "pending": 1, "conflict": 2, "rejected": 3}
States = dict[str, SyncState]


def worse(a: SyncState | None, b: SyncState) -> SyncState:
    """The state a list shows for several records: refused over conflict over pending over sent."""
    return b if a is None or SYNC_RANK.get(b[0], 1) > SYNC_RANK.get(a[0], 1) else a


def _fold(rows: Iterable[Any], into: States | None = None) -> States:
    out: States = {} if into is None else into
    for key, state, reason in rows:
        if key is not None:
            out[key] = worse(out.get(key), (state, reason))
    return out


def not_sent(s: Session, model: Any, key: InstrumentedAttribute[Any], *where: Any,
             into: States | None = None) -> States:
    """(state, reason) by `key` of the `model` rows matching `where` that are not sent. Grouped by
    state first: SQLite then reads the table once instead of walking an index on the key and fetching
    each row (measured 3× slower on 100,000 ledger rows)."""
    stmt = (select(key, model.sync_state, func.max(model.sync_reason))
            .where(model.sync_state != "synced", *where)
            .group_by(model.sync_state, key))
    return _fold(s.connection().execute(stmt).all(), into)  # Core rows: no ORM work per row


LedgerScan = list[tuple[str, str, str, str | None]]  # (lot_id, item_id, state, reason) of unsent ledger rows


def ledger_scan(s: Session, station_id: str) -> LedgerScan:
    """The ledger rows not sent, by lot (a lot has one item), in one read of the table: the lot and
    the item lists share it (see Operations.memo)."""
    t = StockTransaction
    stmt = (select(t.lot_id, func.max(t.item_id), t.sync_state, func.max(t.sync_reason))
            .where(t.sync_state != "synced", t.station_id == station_id)
            .group_by(t.sync_state, t.lot_id))
    return [(lot, item, state, reason) for lot, item, state, reason in s.connection().execute(stmt).all()]


def lot_states(s: Session, station_id: str, scan: LedgerScan) -> States:
    """Per lot: its own record and every ledger row of it."""
    states = _fold((lot, state, reason) for lot, _item, state, reason in scan)
    return not_sent(s, Lot, Lot.id, Lot.station_id == station_id, into=states)


def item_states(s: Session, station_id: str, scan: LedgerScan) -> States:
    """Per item: its lots, their ledger rows and the station's min/max levels for it."""
    states = _fold((item, state, reason) for _lot, item, state, reason in scan)
    not_sent(s, Lot, Lot.item_id, Lot.station_id == station_id, into=states)
    return not_sent(s, StockLevel, StockLevel.item_id, StockLevel.station_id == station_id, into=states)


def ledger_line_states(s: Session, station_id: str, item_id: str, date_from: dt.date, date_to: dt.date) -> States:
    """Per ledger row of one item's stock card."""
    t = StockTransaction
    return not_sent(s, t, t.id, t.station_id == station_id, t.item_id == item_id, t.txn_date >= date_from,
                    t.txn_date <= date_to)


def by_ids(s: Session, model: Any, ids: list[str]) -> States:
    """Per row of a short list (quarantines, open vials) by primary key."""
    states: States = {}
    for start in range(0, len(ids), 500):
        not_sent(s, model, model.id, model.id.in_(ids[start:start + 500]), into=states)
    return states


def reading_states(s: Session, fridge_id: str, first: dt.date, last: dt.date) -> dict[tuple[dt.date, str], SyncState]:
    """Per (day, slot) of one fridge's month: the readings not yet sent."""
    r = TemperatureReading
    rows = s.execute(select(r.reading_date, r.slot, r.sync_state, r.sync_reason).where(
        r.fridge_id == fridge_id, r.reading_date >= first, r.reading_date <= last, r.sync_state != "synced",
        r.deleted.is_(False)))
    return {(day, slot): (state, reason) for day, slot, state, reason in rows}
