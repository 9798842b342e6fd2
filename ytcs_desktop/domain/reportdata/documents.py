"""Biên bản kiểm kê, Phiếu dự trù and Biên bản hủy: the inventory documents that are signed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from ytcs_desktop.domain.reportdata.common import Header, Period, header
from ytcs_desktop.store.models import (
    Item,
    Lot,
    Requisition,
    RequisitionLine,
    StockCount,
    StockCountLine,
    StockTransaction,
)

DISPOSAL_VI = {"expired": "Hết hạn sử dụng", "damaged": "Hư hỏng, đổ vỡ", "vvm": "VVM chuyển màu",
               "frozen": "Bị đông băng", "other": "Khác"}


@dataclass
class CountLine:
    name: str
    unit: str
    lot_no: str
    expiry: dt.date
    book: int
    physical: int | None
    reason: str

    @property
    def variance(self) -> int:
        return 0 if self.physical is None else self.physical - self.book


@dataclass
class CountMinutes:
    header: Header
    number: str | None
    count_date: dt.date
    started_at: dt.datetime
    finished_at: dt.datetime | None
    status: str
    team: list[str]
    proposals: str
    rows: list[CountLine]
    total_book: int
    total_physical: int
    total_plus: int
    total_minus: int


def count_minutes(s: Session, station_id: str | None, date_from: dt.date, date_to: dt.date) -> list[CountMinutes]:
    """Every count (not cancelled) dated in the period, with its lines by item name and expiry."""
    Period(date_from, date_to)
    q = select(StockCount).where(StockCount.count_date >= date_from, StockCount.count_date <= date_to,
                                 StockCount.status != "cancelled", StockCount.deleted.is_(False))
    if station_id is not None:
        q = q.where(StockCount.station_id == station_id)
    out = []
    for c in s.scalars(q.order_by(StockCount.count_date, StockCount.started_at)):
        rows = [
            CountLine(item.name, item.base_unit, lot.lot_no, lot.expiry, line.book_qty, line.physical_qty,
                      line.reason or "")
            for line, item, lot in s.execute(
                select(StockCountLine, Item, Lot).join(Item, Item.id == StockCountLine.item_id)
                .join(Lot, Lot.id == StockCountLine.lot_id)
                .where(StockCountLine.count_id == c.id, StockCountLine.deleted.is_(False))
                .order_by(Item.name, Lot.expiry, Lot.lot_no))
        ]
        head = header(s, station_id, "BIÊN BẢN KIỂM KÊ THUỐC, VẬT TƯ Y TẾ", date=c.count_date,
                      number=c.number or "…/BB-TYT")  # the station's own numbering when it has one
        out.append(CountMinutes(
            head, c.number, c.count_date, c.started_at, c.approved_at, c.status,
            [t.strip() for t in (c.team or "").splitlines() if t.strip()], c.proposals or "", rows,
            sum(r.book for r in rows), sum(r.physical or 0 for r in rows),
            sum(r.variance for r in rows if r.variance > 0), sum(-r.variance for r in rows if r.variance < 0),
        ))
    return out


@dataclass
class RequisitionRow:
    code: str
    name: str
    unit: str
    on_hand: int
    avg_monthly_use: float
    requested: int
    approved: int | None
    note: str


@dataclass
class RequisitionForm:
    header: Header
    number: str | None
    status: str
    period: tuple[dt.date | None, dt.date | None]
    rows: list[RequisitionRow]
    total_requested: int
    total_approved: int
    notes: str


def requisitions(s: Session, station_id: str | None, date_from: dt.date, date_to: dt.date) -> list[RequisitionForm]:
    """Requisitions created in the period (local dates of created_at), oldest first."""
    Period(date_from, date_to)
    start = dt.datetime.combine(date_from, dt.time.min, dt.UTC) - dt.timedelta(hours=7)
    end = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min, dt.UTC) - dt.timedelta(hours=7)
    q = select(Requisition).where(Requisition.created_at >= start, Requisition.created_at < end,
                                  Requisition.deleted.is_(False))
    if station_id is not None:
        q = q.where(Requisition.station_id == station_id)
    out = []
    for r in s.scalars(q.order_by(Requisition.created_at)):
        rows = [
            RequisitionRow(item.code, item.name, item.base_unit, line.on_hand, line.avg_monthly_use, line.requested_qty,
                           line.approved_qty, line.note or "")
            for line, item in s.execute(
                select(RequisitionLine, Item).join(Item, Item.id == RequisitionLine.item_id)
                .where(RequisitionLine.requisition_id == r.id, RequisitionLine.deleted.is_(False))
                .order_by(Item.code))
        ]
        local_day = (r.created_at + dt.timedelta(hours=7)).date()
        sub = None
        if r.period_from and r.period_to:
            sub = Period(r.period_from, r.period_to).line().replace("Từ ngày", "Dự trù cho kỳ từ ngày")
        head = header(s, station_id, "PHIẾU DỰ TRÙ THUỐC, VẬT TƯ Y TẾ", date=local_day,
                      number=r.number or "…/DT-TYT", subtitle=sub)
        out.append(RequisitionForm(head, r.number, r.status, (r.period_from, r.period_to), rows,
                                   sum(x.requested for x in rows), sum(x.approved or 0 for x in rows), r.notes or ""))
    return out


@dataclass
class DisposalRow:
    date: dt.date
    doc_no: str
    code: str
    name: str
    lot_no: str
    expiry: dt.date
    unit: str
    quantity: int
    reason: str


@dataclass
class DisposalMinutes:
    header: Header
    period: Period
    rows: list[DisposalRow]
    total: int


def disposal_minutes(s: Session, station_id: str | None, date_from: dt.date, date_to: dt.date,
                     number: str | None = None) -> DisposalMinutes:
    """Disposals dated in the period that have not been reversed."""
    period = Period(date_from, date_to)
    rev = aliased(StockTransaction)
    reversed_ids = select(rev.reverses_id).where(rev.reverses_id.is_not(None))
    q = (select(StockTransaction, Item, Lot).join(Item, Item.id == StockTransaction.item_id)
         .join(Lot, Lot.id == StockTransaction.lot_id)
         .where(StockTransaction.kind == "disposal", StockTransaction.txn_date >= date_from,
                StockTransaction.txn_date <= date_to, StockTransaction.id.not_in(reversed_ids))
         .order_by(StockTransaction.txn_date, Item.name, Lot.lot_no))
    if station_id is not None:
        q = q.where(StockTransaction.station_id == station_id)
    rows = []
    for t, item, lot in s.execute(q):
        code = getattr(t, "reason_code", None)
        reason = "; ".join(x for x in (DISPOSAL_VI.get(code, code) if code else None, t.reason) if x)
        rows.append(DisposalRow(t.txn_date, t.doc_no or "", item.code, item.name, lot.lot_no, lot.expiry,
                                item.base_unit, -t.quantity, reason))
    head = header(s, station_id, "BIÊN BẢN HỦY THUỐC, VẬT TƯ Y TẾ", date=date_to, number=number or "…/BB-TYT",
                  subtitle=period.line())
    return DisposalMinutes(head, period, rows, sum(r.quantity for r in rows))
