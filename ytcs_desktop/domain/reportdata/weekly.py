"""Báo cáo tuần: what moved in the week, the stock alerts at its end, and the station's own words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.inventory.stock import is_below_minimum, is_stock_out, on_hand_by_item
from ytcs_desktop.domain.reportdata import ledger
from ytcs_desktop.domain.reportdata.common import (
    Header,
    Period,
    Stations,
    header,
    only,
    short_station_name,
    station_ids,
    vi_date,
)
from ytcs_desktop.domain.reportdata.registers import VN, _utc_bounds
from ytcs_desktop.store.models import (
    RequestTransition,
    RotationVisit,
    Station,
    StockTransaction,
    SupportRequest,
    TrainingSession,
)

CLOSED = ("done", "rated", "rejected", "cancelled")


@dataclass
class StockAlert:
    code: str
    name: str
    unit: str
    detail: str
    quantity: int


@dataclass
class WeeklyReport:
    header: Header
    period: Period
    requests_opened: int
    requests_closed: int
    requests_open_at_end: int
    visits_done: int
    trainings_held: int
    trainings_periods: int
    stock_outs: list[StockAlert]
    near_expiry: list[StockAlert]
    difficulties: list[str] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)


def stock_alerts(s: Session, stations: Stations, day: dt.date) -> list[StockAlert]:
    """Items out of stock or under the station's own minimum at the end of `day`: the overview's rule
    (`is_below_minimum` over `on_hand_by_item`), read as of that day. Several stations: named."""
    ids = station_ids(stations)
    if ids is None:
        ids = list(s.scalars(select(Station.id).where(Station.deleted.is_(False)).order_by(Station.code)))
    names = dict(s.execute(select(Station.id, Station.name).where(Station.id.in_(ids)))) if len(ids) > 1 else {}
    out: list[StockAlert] = []
    for sid in ids:
        where = f"{short_station_name(names[sid])}: " if sid in names else ""
        for b in on_hand_by_item(s, sid, as_of=day):
            if is_stock_out(b):
                out.append(StockAlert(b.code, b.name, b.unit, f"{where}Hết hàng", b.quantity))
            elif is_below_minimum(b):
                out.append(StockAlert(b.code, b.name, b.unit, f"{where}Dưới mức tối thiểu ({b.min_stock})",
                                      b.quantity))
    return out


def weekly_report(s: Session, station_id: Stations, date_from: dt.date, date_to: dt.date,
                  difficulties: list[str] | None = None, proposals: list[str] | None = None,
                  near_days: int = 90) -> WeeklyReport:
    period = Period(date_from, date_to)
    start, end = _utc_bounds(period)

    def scoped(q: Any, model: Any) -> Any:
        return only(q, model.station_id, station_id)

    opened = s.scalar(scoped(select(func.count()).select_from(SupportRequest).where(
        SupportRequest.created_at >= start, SupportRequest.created_at < end, SupportRequest.deleted.is_(False)),
        SupportRequest)) or 0
    closed = s.scalar(scoped(select(func.count(func.distinct(RequestTransition.request_id))).where(
        RequestTransition.at >= start, RequestTransition.at < end, RequestTransition.to_status.in_(CLOSED)),
        RequestTransition)) or 0
    still_open = s.scalar(scoped(select(func.count()).select_from(SupportRequest).where(
        SupportRequest.status.not_in(CLOSED), SupportRequest.deleted.is_(False), SupportRequest.created_at < end),
        SupportRequest)) or 0
    visits = s.scalar(scoped(select(func.count()).select_from(RotationVisit).where(
        RotationVisit.status == "done", RotationVisit.date_to >= date_from, RotationVisit.date_to <= date_to,
        RotationVisit.deleted.is_(False)), RotationVisit)) or 0
    held = s.execute(select(func.count(), func.coalesce(func.sum(TrainingSession.periods), 0)).where(
        TrainingSession.status == "held", TrainingSession.date_to >= date_from, TrainingSession.date_to <= date_to,
        TrainingSession.deleted.is_(False))).one()
    # stock at the end of the week, per item and per lot (SUMs of the ledger)
    q = select(StockTransaction.lot_id, func.sum(StockTransaction.quantity)).where(
        StockTransaction.txn_date <= date_to).group_by(StockTransaction.lot_id)
    balances = {lot: int(qty or 0) for lot, qty in s.execute(scoped(q, StockTransaction))}
    info = ledger.lots_with_items(s, balances)
    near: list[StockAlert] = []
    for lot_id, (lot, item) in info.items():
        qty = balances[lot_id]
        if qty > 0 and (lot.expiry - date_to).days <= near_days:
            state = "đã hết hạn" if lot.expiry < date_to else "cận hạn"
            near.append(StockAlert(item.code, item.name, item.base_unit,
                                   f"Lô {lot.lot_no}, hạn dùng {vi_date(lot.expiry)} ({state})", qty))
    outs = stock_alerts(s, station_id, date_to)
    outs.sort(key=lambda a: a.code)
    near.sort(key=lambda a: (a.code, a.detail))
    head = header(s, station_id, "BÁO CÁO TIẾN ĐỘ CÔNG VIỆC TUẦN", date=date_to, number="…/BC-TYT",
                  subtitle=period.line())
    _ = VN
    return WeeklyReport(head, period, int(opened), int(closed), int(still_open), int(visits), int(held[0]),
                        int(held[1]), outs, near, list(difficulties or []), list(proposals or []))
