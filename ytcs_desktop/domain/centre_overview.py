"""The centre's view of every station at a glance: one row per station with what needs a call today."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.coldchain import active_quarantines, missing_readings
from ytcs_desktop.domain.inventory import on_hand_by_item
from ytcs_desktop.domain.inventory.stock import is_below_minimum
from ytcs_desktop.domain.support import OPEN_STATUSES, list_requests
from ytcs_desktop.store.models import Station, StockTransaction


@dataclass(frozen=True)
class StationGlance:
    id: str
    code: str
    name: str
    status: str
    last_activity: dt.date | None
    open_requests: int
    stock_outs: int
    below_minimum: int
    missing_readings: int
    quarantined: int


def glance(s: Session, today: dt.date | None = None) -> list[StationGlance]:
    """Every station the centre holds, active ones first, each with its counts."""
    day = today or dt.date.today()
    out = []
    stations = s.scalars(select(Station).where(Station.deleted.is_(False)).order_by(Station.name))
    for st in sorted(stations, key=lambda x: x.status != "active"):
        items = on_hand_by_item(s, st.id)
        last = s.scalar(select(StockTransaction.txn_date).where(StockTransaction.station_id == st.id)
                        .order_by(StockTransaction.txn_date.desc()).limit(1))
        out.append(StationGlance(
            st.id, st.code, st.name, st.status, last,
            sum(1 for r in list_requests(s, st.id) if r.status in OPEN_STATUSES),
            sum(1 for b in items if b.quantity <= 0),
            sum(1 for b in items if is_below_minimum(b)),
            len(missing_readings(s, st.id, day)), len(active_quarantines(s, st.id)),
        ))
    return out
