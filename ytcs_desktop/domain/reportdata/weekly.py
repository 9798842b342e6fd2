"""Báo cáo tuần: what moved in the week, the stock alerts at its end, and the station's own words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.reportdata import ledger
from ytcs_desktop.domain.reportdata.common import Header, Period, Stations, header, only
from ytcs_desktop.domain.reportdata.registers import VN, _utc_bounds
from ytcs_desktop.store.models import (
    RequestTransition,
    RotationVisit,
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


def weekly_report(s: Session, station_id: Stations, date_from: dt.date, date_to: dt.date,
                  difficulties: list[str] | None = None, proposals: list[str] | None = None,
                  near_days: int = 90) -> WeeklyReport:
    period = Period(date_from, date_to)
    start, end = _utc_bounds(period)

    def scoped(q, model):  # type: ignore[no-untyped-def]
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
    per_item: dict[str, int] = {}
    items: dict[str, ledger.ItemInfo] = {}
    near: list[StockAlert] = []
    for lot_id, (lot, item) in info.items():
        per_item[item.id] = per_item.get(item.id, 0) + balances[lot_id]
        items[item.id] = item
        qty = balances[lot_id]
        if qty > 0 and (lot.expiry - date_to).days <= near_days:
            state = "đã hết hạn" if lot.expiry < date_to else "cận hạn"
            near.append(StockAlert(item.code, item.name, item.base_unit,
                                   f"Lô {lot.lot_no}, hạn dùng {lot.expiry:%d/%m/%Y} ({state})", qty))
    outs = [StockAlert(items[i].code, items[i].name, items[i].base_unit,
                       "Hết hàng" if q <= 0 else f"Dưới mức tối thiểu ({items[i].min_stock})", q)
            for i, q in per_item.items() if q <= 0 or q < (items[i].min_stock or 0)]
    outs.sort(key=lambda a: a.code)
    near.sort(key=lambda a: (a.code, a.detail))
    head = header(s, station_id, "BÁO CÁO TIẾN ĐỘ CÔNG VIỆC TUẦN", date=date_to, number="…/BC-TYT",
                  subtitle=period.line())
    _ = VN
    return WeeklyReport(head, period, int(opened), int(closed), int(still_open), int(visits), int(held[0]),
                        int(held[1]), outs, near, list(difficulties or []), list(proposals or []))
