"""Kiểm kê: book quantities frozen when the count starts, physical counts entered line by line, every
variance explained, and approval posting count corrections dated on the count day. A count covers the
whole stock or part of it (count_scope.py); counts whose lots do not overlap may run side by side."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
from ytcs_desktop.domain.inventory.count_scope import CountScope, check_scope, in_scope, nothing_in_scope
from ytcs_desktop.domain.inventory.periods import assert_open
from ytcs_desktop.domain.inventory.stock import lot_sums
from ytcs_desktop.domain.permissions import require
from ytcs_desktop.messages import msg, plain
from ytcs_desktop.store.base import utc_now
from ytcs_desktop.store.models import Fridge, Item, Lot, StockCount, StockCountLine, StockTransaction


def _load_count(s: Session, station_id: str, count_id: str) -> StockCount:
    count = s.get(StockCount, count_id) if count_id else None
    if count is None or count.deleted or count.station_id != station_id:
        raise NotFoundError(
            "count_not_found",
            msg("count_not_found"),
            field="count_id",
        )
    return count


def _require_draft(count: StockCount) -> None:
    if count.status != "draft":
        state = {"approved": msg("word.count_state.approved"),
                 "cancelled": msg("word.count_state.cancelled")}.get(count.status) or plain(count.status)
        raise RuleError("count_not_draft", msg("count_not_draft", number=count.number or "", state=state))


def start_count(
    s: Session,
    actor: Actor,
    *,
    count_date: dt.date,
    team: str | None = None,
    lot_ids: list[str] | None = None,
    scope: CountScope | None = None,
) -> StockCount:
    """Open a count: one line per lot in `scope` with stock at the end of `count_date` (plus any lot
    listed), with that book quantity frozen — movements recorded afterwards do not change it. Refused
    while another open count holds one of these lots (two corrections for one lot)."""
    station_id = station_of(actor)
    day = as_date(count_date, "count_date")
    scope = scope or CountScope()
    assert_open(s, station_id, day, "count_date")
    check_scope(s, station_id, scope)
    per_lot = lot_sums(station_id, as_of=day)
    sums: dict[str, int] = {}
    wanted: dict[str, Lot] = {}
    held = select(Lot, Item, per_lot.c.qty).join(per_lot, per_lot.c.lot_id == Lot.id).join(
        Item, Item.id == Lot.item_id).where(per_lot.c.qty != 0)
    for lot, item, qty in s.execute(held):
        sums[lot.id] = int(qty)
        if in_scope(scope, item, lot.fridge_id):
            wanted[lot.id] = lot
    for lot_id in lot_ids or []:
        lot = load_lot(s, lot_id, station_id, "lot_ids")
        wanted[lot.id] = lot
        sums.setdefault(lot.id, lot_balance(s, lot.id, as_of=day))
    if not wanted:
        raise nothing_in_scope(s, scope, day)
    _refuse_overlap(s, station_id, set(wanted))
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
    for lot in sorted(wanted.values(), key=lambda x: (x.item_id, x.expiry, x.lot_no)):
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


def _refuse_overlap(s: Session, station_id: str, lot_ids: set[str]) -> None:
    shared = s.execute(
        select(StockCount.number, StockCountLine.lot_id)
        .join(StockCountLine, StockCountLine.count_id == StockCount.id)
        .where(StockCount.station_id == station_id, StockCount.status == "draft", StockCount.deleted.is_(False),
               StockCountLine.deleted.is_(False))
    ).all()
    clash = [(number, lot_id) for number, lot_id in shared if lot_id in lot_ids]
    if clash:
        number, lot_id = clash[0]
        lot = load_lot(s, lot_id, station_id)
        raise RuleError(
            "count_in_progress",
            msg("count_in_progress", number=number, clash=len(clash), lot=lot_label(s, lot)),
            field="scope",
        )


@dataclass(frozen=True)
class SheetLine:
    """One line of a count as the count sheet shows it: the item as people know it, where it is kept."""

    id: str
    item_code: str
    item: str
    unit: str
    category: str
    lot_no: str
    expiry: dt.date
    place: str  # the fridge's name; "" on the shelves
    book_qty: int
    physical_qty: int | None
    reason: str | None
    sync_state: str
    sync_reason: str | None


def count_sheet(s: Session, count_id: str) -> list[SheetLine]:
    """The lines of a count in one query, by item name then expiry."""
    rows = s.execute(
        select(StockCountLine, Item.code, Item.name, Item.base_unit, Item.category, Lot.lot_no, Lot.expiry,
               Fridge.name)
        .join(Item, Item.id == StockCountLine.item_id)
        .join(Lot, Lot.id == StockCountLine.lot_id)
        .outerjoin(Fridge, Fridge.id == Lot.fridge_id)
        .where(StockCountLine.count_id == count_id, StockCountLine.deleted.is_(False))
        .order_by(Item.name, Lot.expiry, Lot.lot_no)
    ).all()
    return [SheetLine(line.id, code, name, unit, category, lot_no, expiry, place or "", line.book_qty,
                      line.physical_qty, line.reason, line.sync_state, line.sync_reason)
            for line, code, name, unit, category, lot_no, expiry, place in rows]


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
            msg("count_line_not_found"),
            field="line_id",
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
    require(actor, "approve_count")
    count = _load_count(s, station_id, count_id)
    _require_draft(count)
    assert_open(s, station_id, count.count_date, "count_date")
    lines = count_lines(s, count.id)
    for line in lines:
        if line.physical_qty is None:
            lot = load_lot(s, line.lot_id, station_id)
            raise RuleError(
                "count_line_missing",
                msg("count_line_missing", lot=lot_label(s, lot)),
                field="physical_qty",
            )
    for line in lines:
        lot = load_lot(s, line.lot_id, station_id)
        if line.physical_qty != line.book_qty and not (line.reason or "").strip():
            assert line.physical_qty is not None
            raise RuleError(
                "variance_reason_required",
                msg("variance_reason_required", lot=lot_label(s, lot), difference=line.physical_qty - line.book_qty),
                field="reason",
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
                msg("count_negative", variance=variance, lot=lot_label(s, lot), balance=lot_balance(s, lot.id)),
                field="physical_qty",
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
    count.approved_by_user = actor.username
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


def count_numbered(s: Session, actor: Actor, number: str | None) -> StockCount:
    """A count by its number (KK-…); none given: the station's only open count."""
    station_id = station_of(actor)
    where = [StockCount.station_id == station_id, StockCount.deleted.is_(False)]
    if number:
        found = s.scalar(select(StockCount).where(*where, StockCount.number == number.strip()))
    else:
        open_counts = list(s.scalars(select(StockCount).where(*where, StockCount.status == "draft")))
        if len(open_counts) > 1:
            numbers = ", ".join(c.number or "" for c in open_counts)
            raise RuleError(
                "count_ambiguous",
                msg("count_ambiguous", open_counts=len(open_counts), numbers=numbers),
                field="count",
            )
        found = open_counts[0] if open_counts else None
    if found is None:
        raise NotFoundError(
            "count_not_found",
            msg("count_not_found.numbered", number=number) if number else msg("count_not_found.open"),
            field="count",
        )
    return found


def line_of(s: Session, count: StockCount, item_id: str, lot_no: str) -> StockCountLine:
    """The line of a count for a lot named as it is written on the box."""
    line = s.scalar(select(StockCountLine).join(Lot, Lot.id == StockCountLine.lot_id).where(
        StockCountLine.count_id == count.id, StockCountLine.item_id == item_id, Lot.lot_no == lot_no.strip(),
        StockCountLine.deleted.is_(False)))
    if line is None:
        item = s.get(Item, item_id)
        name = item.name if item else item_id
        raise NotFoundError(
            "count_line_not_found",
            msg("count_line_not_found.line_of", number=count.number, lot_no=lot_no, name=name),
            field="lot",
        )
    return line
