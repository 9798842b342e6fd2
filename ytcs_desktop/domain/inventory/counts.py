"""Kiểm kê: book quantities frozen when the count starts, physical counts entered line by line, every
variance explained, and approval posting count corrections dated on the count day."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import NotFoundError, RuleError
from ytcs_desktop.domain.inventory.common import (
    as_date,
    as_int,
    available_from,
    load_lot,
    lot_balance,
    lot_label,
    station_of,
    text_or_none,
    write_txn,
)
from ytcs_desktop.domain.inventory.periods import assert_open
from ytcs_desktop.domain.inventory.stock import lot_sums
from ytcs_desktop.store.base import utc_now
from ytcs_desktop.store.models import Lot, StockCount, StockCountLine, StockTransaction


def _load_count(s: Session, station_id: str, count_id: str) -> StockCount:
    count = s.get(StockCount, count_id) if count_id else None
    if count is None or count.deleted or count.station_id != station_id:
        raise NotFoundError(
            "count_not_found",
            "Không tìm thấy phiếu kiểm kê này của trạm. Hãy mở lại danh sách kiểm kê.",
            "This station has no such stock count. Reopen the list of counts.",
            "count_id",
        )
    return count


def _require_draft(count: StockCount) -> None:
    if count.status != "draft":
        state = {"approved": "đã duyệt", "cancelled": "đã hủy"}.get(count.status, count.status)
        raise RuleError(
            "count_not_draft",
            f"Phiếu kiểm kê {count.number or ''} {state}: không thể sửa, duyệt hay hủy nữa. "
            "Nếu cần, hãy lập phiếu kiểm kê mới.",
            f"Stock count {count.number or ''} is {count.status}: it can no longer be changed, approved or "
            "cancelled. Start a new count if needed.",
        )


def start_count(
    s: Session,
    actor: Actor,
    *,
    count_date: dt.date,
    team: str | None = None,
    lot_ids: list[str] | None = None,
) -> StockCount:
    """Open a count: one line per lot with stock at the end of `count_date` (plus any lot listed),
    with that book quantity frozen — movements recorded afterwards do not change it."""
    station_id = station_of(actor)
    day = as_date(count_date, "count_date")
    assert_open(s, station_id, day, "count_date")
    open_count = s.scalar(
        select(StockCount).where(
            StockCount.station_id == station_id, StockCount.status == "draft", StockCount.deleted.is_(False)
        )
    )
    if open_count is not None:
        raise RuleError(
            "count_in_progress",
            f"Đang có phiếu kiểm kê {open_count.number} chưa duyệt. Hãy duyệt hoặc hủy phiếu đó trước.",
            f"Stock count {open_count.number} is still in progress. Approve or cancel it first.",
        )
    per_lot = lot_sums(station_id, as_of=day)
    sums: dict[str, int] = {lot_id: int(qty) for lot_id, qty in s.execute(select(per_lot.c.lot_id, per_lot.c.qty))}
    wanted = {lot_id for lot_id, qty in sums.items() if qty}
    for lot_id in lot_ids or []:
        wanted.add(load_lot(s, lot_id, station_id, "lot_ids").id)
    seq = (s.scalar(select(func.count()).select_from(StockCount).where(StockCount.station_id == station_id)) or 0) + 1
    count = StockCount(
        station_id=station_id,
        number=f"KK-{day:%Y%m%d}-{seq:02d}",
        count_date=day,
        started_at=utc_now(),
        status="draft",
        team=text_or_none(team, 2000),
    )
    s.add(count)
    s.flush()
    lots = s.scalars(select(Lot).where(Lot.id.in_(wanted))).all() if wanted else []
    for lot in sorted(lots, key=lambda x: (x.item_id, x.expiry, x.lot_no)):
        s.add(
            StockCountLine(
                station_id=station_id,
                count_id=count.id,
                item_id=lot.item_id,
                lot_id=lot.id,
                book_qty=int(sums.get(lot.id, 0)),
            )
        )
    s.flush()
    return count


def count_lines(s: Session, count_id: str) -> list[StockCountLine]:
    return list(
        s.scalars(
            select(StockCountLine)
            .where(StockCountLine.count_id == count_id, StockCountLine.deleted.is_(False))
            .order_by(StockCountLine.item_id, StockCountLine.lot_id)
        )
    )


def enter_physical(
    s: Session, actor: Actor, *, line_id: str, physical_qty: int, reason: str | None = None
) -> StockCountLine:
    station_id = station_of(actor)
    line = s.get(StockCountLine, line_id) if line_id else None
    if line is None or line.deleted or line.station_id != station_id:
        raise NotFoundError(
            "count_line_not_found",
            "Không tìm thấy dòng kiểm kê này. Hãy mở lại phiếu kiểm kê.",
            "This count line was not found. Reopen the stock count.",
            "line_id",
        )
    _require_draft(_load_count(s, station_id, line.count_id))
    line.physical_qty = as_int(physical_qty, "physical_qty", allow_zero=True)
    line.reason = text_or_none(reason, 2000)
    s.flush()
    return line


def approve_count(s: Session, actor: Actor, *, count_id: str, proposals: str | None = None) -> list[StockTransaction]:
    """Post a 'count' correction (physical − book) for every line that differs; every line must be
    counted and every variance explained."""
    station_id = station_of(actor)
    count = _load_count(s, station_id, count_id)
    _require_draft(count)
    assert_open(s, station_id, count.count_date, "count_date")
    lines = count_lines(s, count.id)
    for line in lines:
        if line.physical_qty is None:
            lot = load_lot(s, line.lot_id, station_id)
            raise RuleError(
                "count_line_missing",
                f"Chưa nhập số lượng thực tế cho {lot_label(s, lot)}. Hãy đếm và nhập trước khi duyệt.",
                f"No physical count entered for {lot_label(s, lot)}. Count it and enter it before approving.",
                "physical_qty",
            )
    for line in lines:
        lot = load_lot(s, line.lot_id, station_id)
        if line.physical_qty != line.book_qty and not (line.reason or "").strip():
            assert line.physical_qty is not None
            raise RuleError(
                "variance_reason_required",
                f"{lot_label(s, lot)} chênh lệch {line.physical_qty - line.book_qty:+d} so với sổ sách: "
                "hãy ghi lý do chênh lệch.",
                f"{lot_label(s, lot)} differs from the book by {line.physical_qty - line.book_qty:+d}: "
                "enter the reason for the difference.",
                "reason",
            )
    rows = []
    for line in lines:
        variance = (line.physical_qty or 0) - line.book_qty
        if variance == 0:
            continue
        lot = load_lot(s, line.lot_id, station_id)
        if variance < 0 and available_from(s, lot.id, count.count_date) < -variance:
            raise RuleError(
                "count_negative",
                f"Không thể duyệt: điều chỉnh {variance:+d} cho {lot_label(s, lot)} sẽ làm tồn kho âm "
                f"(hiện còn {lot_balance(s, lot.id)}) vì đã có nghiệp vụ xuất sau khi bắt đầu kiểm kê. "
                "Hãy kiểm tra lại và nhập số lượng thực tế.",
                f"Cannot approve: the {variance:+d} correction for {lot_label(s, lot)} would make stock "
                f"negative (now {lot_balance(s, lot.id)}) because of issues recorded after the count began. "
                "Check and re-enter the physical quantity.",
                "physical_qty",
            )
        rows.append(
            write_txn(
                s, actor, station_id=station_id, lot=lot, kind="count", quantity=variance,
                txn_date=count.count_date, doc_no=count.number, reason=line.reason,
                ref_table="stock_count_lines", ref_id=line.id,
            )
        )
    count.status = "approved"
    count.approved_by = actor.name
    count.approved_at = utc_now()
    if proposals:
        count.proposals = text_or_none(proposals, 4000)
    s.flush()
    return rows


def cancel_count(s: Session, actor: Actor, *, count_id: str) -> StockCount:
    station_id = station_of(actor)
    count = _load_count(s, station_id, count_id)
    _require_draft(count)
    count.status = "cancelled"
    s.flush()
    return count
