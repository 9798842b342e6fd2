"""A month of stock at the demo station: requisition → centre approval → shipment → receipt lot by
lot; issues for use (FEFO) through the month; disposal of what expired; a stock count mid-year."""

from __future__ import annotations

import datetime as dt
import math
import string
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ytcs_desktop.demo.world import DemoItem, World, workdays
from ytcs_desktop.domain.errors import RuleError
from ytcs_desktop.domain.inventory import below_minimum, dispose, find_or_create_lot, issue, on_hand_by_lot
from ytcs_desktop.domain.inventory.counts import approve_count, count_lines, enter_physical, start_count
from ytcs_desktop.domain.inventory.requisitions import (
    approve,
    create_requisition,
    lines_of,
    set_requested,
    ship,
    submit,
)
from ytcs_desktop.domain.inventory.shipments import confirm_receipt, pending_receipts
from ytcs_desktop.store.models import StockTransaction

MANUFACTURERS = {
    "drug": ["Công ty CP Dược Hậu Giang", "Công ty CP Traphaco", "Công ty CP Pymepharco", "Công ty CP Imexpharm",
             "Công ty CP Dược phẩm OPC", "Công ty CP Dược phẩm Khánh Hòa", "Công ty CP Dược phẩm Trung ương 1"],
    "supply": ["Công ty CP Nhựa y tế Mediplast", "Công ty TNHH MTV Vật tư y tế Bảo Thạch",
               "Công ty CP Dược – Thiết bị y tế Đà Nẵng", "Công ty CP Tanaphar", "Công ty TNHH Vinahankook"],
    "vaccine": ["Viện Vắc xin và Sinh phẩm y tế (IVAC)", "Công ty TNHH MTV Vắc xin và Sinh phẩm số 1 (Vabiotech)",
                "Trung tâm Nghiên cứu, Sản xuất Vắc xin và Sinh phẩm y tế (Polyvac)", "Serum Institute of India"],
}
SHORT_FALLS = ["Thiếu 1 hộp so với phiếu xuất", "Vỡ 2 lọ trong quá trình vận chuyển", "Hộp bị móp, ướt bao bì",
               "Giao thiếu, Trung tâm hẹn bổ sung đợt sau"]
COUNT_REASONS = ["Hư hỏng do ẩm, chưa lập biên bản hủy", "Ghi sổ xuất thiếu trong tháng", "Đếm nhầm kỳ trước",
                 "Rơi vỡ trong kho", "Nhập thừa so với sổ, đã đối chiếu phiếu"]
ISSUE_TO = ["Phòng khám – Trạm Y tế", "Phòng tiêm chủng", "Phòng sơ cứu", "Khám bệnh không lây nhiễm",
            "Khám thai", "Điểm trạm khu phố Bình Đức", "Y tế trường học"]


def _lot_no(world: World) -> str:
    letters = "".join(world.rng.choice(string.ascii_uppercase) for _ in range(2))
    return f"{letters}{world.rng.randrange(10000, 99999)}"


def _round_up(quantity: int, pack: int) -> int:
    pack = max(pack, 1)
    return max(pack, math.ceil(quantity / pack) * pack)


def restock(s: Session, world: World, day: dt.date, first: bool) -> None:
    """The station's monthly requisition, approved and shipped by the centre, received two days later."""
    if day + dt.timedelta(days=2) > world.end:
        return  # the receipt would fall after today
    actor = world.as_person(world.station, world.staff_name())
    balances: dict[str, int] = {}
    for bal in on_hand_by_lot(s, world.station_id):
        if bal.expiry > day + dt.timedelta(days=30):
            balances[bal.item_id] = balances.get(bal.item_id, 0) + bal.quantity
    wanted: dict[str, int] = {}
    for item in world.items:
        # Stock for about three months (four for slow movers), topped up when it falls under ~1.5
        # months: most items every other month or less, as a station's requisitions go.
        need = int(item.monthly_use * (3.2 if item.monthly_use >= 100 else 4.2)) - balances.get(item.id, 0)
        if need >= item.monthly_use * 1.6 or (first and need > 0):
            wanted[item.id] = _round_up(need, item.pack_factor)
    if not wanted:
        return
    world.clock.set(day, 8, 15)
    req = create_requisition(s, actor, period_from=day, period_to=day + dt.timedelta(days=30),
                             item_ids=list(wanted), today=day)
    for line in lines_of(s, req.id):
        set_requested(s, actor, line_id=line.id, requested_qty=wanted[line.item_id])
    submit(s, actor, requisition_id=req.id, notes="Dự trù bổ sung hằng tháng")
    world.clock.set(day, 14, 30)
    approver = world.as_person(world.centre, _pharmacist(world))
    cut = {line.id: _round_up(int(line.requested_qty * 0.7), _pack(world, line.item_id))
           for line in lines_of(s, req.id) if world.rng.random() < 0.08}
    approve(s, approver, requisition_id=req.id, approved=cut,
            note="Duyệt giảm một số mặt hàng do tồn kho Trung tâm hạn chế" if cut else None)
    by_id = {item.id: item for item in world.items}
    lines = []
    for line in lines_of(s, req.id):
        item = by_id[line.item_id]
        qty = line.approved_qty or 0
        if qty <= 0:
            continue
        parts = 2 if qty >= 4 * item.pack_factor and world.rng.random() < 0.25 else 1
        for n in range(parts):
            share = qty // parts if n < parts - 1 else qty - (qty // parts) * (parts - 1)
            months = world.rng.randint(3, 5) if item.short_dated and world.rng.random() < 0.5 else \
                world.rng.randint(10, 30)
            expiry = _month_end(day, months)
            lines.append((item.id, _lot_no(world), expiry, share, world.rng.choice(MANUFACTURERS[item.category])))
    doc = f"PX-{day:%Y%m}-{world.rng.randrange(100, 999)}"
    ship(s, approver, requisition_id=req.id, station_id=world.station_id, lines=lines, doc_no=doc,
         shipped_date=day)
    world.tally("requisitions")
    receipt_day = day + dt.timedelta(days=2)
    world.clock.set(receipt_day, 9, 0)
    for pending in pending_receipts(s, world.station_id):
        item = by_id[pending.item_id]
        got, note = pending.quantity, None
        if world.rng.random() < 0.02 and pending.quantity > item.pack_factor:
            got, note = pending.quantity - item.pack_factor, world.rng.choice(SHORT_FALLS)
        vaccine = item.category == "vaccine"
        confirm_receipt(s, actor, shipment_line_id=pending.id, received_qty=got, txn_date=receipt_day,
                        discrepancy=note, vvm_stage=1 if vaccine else None,
                        temperature=round(world.rng.uniform(3.2, 6.8), 1) if vaccine else None)
        if vaccine and world.fridges and got > 0:  # shelved in a fridge: a breach there holds the lot
            find_or_create_lot(s, actor, item_id=item.id, lot_no=pending.lot_no, expiry=pending.expiry,
                               fridge_id=world.fridges[world.rng.randrange(len(world.fridges))])
        world.tally("receipts")


def _pack(world: World, item_id: str) -> int:
    return next(i.pack_factor for i in world.items if i.id == item_id)


def _pharmacist(world: World) -> str:
    names = [name for _, name, _, dept in world.centre_staff if dept == "DUOC"]
    return world.rng.choice(names) if names else world.centre.name


def _month_end(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    first_next = dt.date((index + 1) // 12, (index + 1) % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def issues(s: Session, world: World, first: dt.date, last: dt.date, receipt_day: dt.date) -> None:
    """Issues for use through the month: the busiest items twice, the others once, slow movers every
    other month. Lots are taken first-expiry-first; the stock of each lot is read once a month and
    followed here, so each issue names its lot (the domain still checks expiry, quarantine and stock)."""
    days = [d for d in workdays(first, last) if d >= receipt_day]
    if not days:
        return
    lots: dict[str, list[list[Any]]] = {}  # item id -> [lot id, expiry, lot no, quantity] in FEFO order
    for bal in on_hand_by_lot(s, world.station_id):
        if bal.quantity > 0 and not bal.quarantined:
            lots.setdefault(bal.item_id, []).append([bal.lot_id, bal.expiry, bal.lot_no, bal.quantity])
    for entries in lots.values():
        entries.sort(key=lambda e: (e[1], e[2]))
    for item in world.items:
        if item.category == "vaccine":
            continue  # vaccines leave stock through vial openings at immunisation sessions
        per_month = item.monthly_use * world.rng.uniform(0.75, 1.2) * (1 if item.monthly_use >= 40 else 2)
        if per_month < 1:
            continue
        if item.monthly_use < 40 and (first.month + int(item.code[-1])) % 2:
            continue  # slow movers leave stock every other month
        slots = 2 if item.monthly_use >= 1000 else 1
        chosen = sorted(world.rng.sample(days, min(slots, len(days))))
        for day in chosen:
            qty = max(1, round(per_month / len(chosen) * world.rng.uniform(0.7, 1.3)))
            world.clock.set(day, world.rng.randint(7, 16), world.rng.randint(0, 59))
            _issue(s, world, item, qty, day, lots.get(item.id, []))


def _issue(s: Session, world: World, item: DemoItem, qty: int, day: dt.date, lots: list[list[Any]]) -> None:
    actor = world.as_person(world.station, world.staff_name())
    usable = [entry for entry in lots if entry[1] >= day and entry[3] > 0]
    if sum(entry[3] for entry in usable) < qty:
        world.tally("stock_outs")  # not enough left: the nurse issues what there is
    to = world.rng.choice(ISSUE_TO)
    left = qty
    for entry in usable:
        take = min(left, entry[3])
        try:
            issue(s, actor, item_id=item.id, quantity=take, txn_date=day, lot_id=entry[0], counterparty=to,
                  fefo_check=False)
        except RuleError:
            world.tally("refused_issues")
            continue
        entry[3] -= take
        left -= take
        world.tally("issues")
        if left <= 0:
            break


def dispose_expired(s: Session, world: World, day: dt.date) -> None:
    """Lots past their expiry with stock left are disposed with minutes (biên bản hủy)."""
    actor = world.as_person(world.station, world.staff_name())
    world.clock.set(day, 15, 0)
    for bal in on_hand_by_lot(s, world.station_id):
        if bal.expiry < day and bal.quantity > 0:
            dispose(s, actor, lot_id=bal.lot_id, quantity=bal.quantity, txn_date=day, reason_code="expired",
                    note="Hết hạn sử dụng, hủy theo biên bản", doc_no=f"BBH-{day:%Y%m}")
            world.tally("disposals")


def stock_count(s: Session, world: World, day: dt.date) -> None:
    """Kiểm kê: most lots agree with the book; a few differ, each with its reason."""
    world.clock.set(day, 7, 30)
    team = ", ".join(sorted({world.staff_name() for _ in range(4)}))
    actor = world.as_person(world.station, world.staff[0][1])
    count = start_count(s, actor, count_date=day, team=team)
    for line in count_lines(s, count.id):
        physical, reason = line.book_qty, None
        if world.rng.random() < 0.06 and line.book_qty > 5:
            physical = line.book_qty - world.rng.randint(1, max(1, line.book_qty // 20))
            reason = world.rng.choice(COUNT_REASONS)
        enter_physical(s, actor, line_id=line.id, physical_qty=physical, reason=reason)
    world.clock.set(day, 16, 30)
    approve_count(s, actor, count_id=count.id, proposals="Đề nghị bổ sung tủ đựng thuốc chống ẩm cho kho trạm.")
    world.tally("stock_counts")


def pending_requisition(s: Session, world: World) -> None:
    """Today's requisition for what fell under its minimum, sent and waiting for the centre."""
    low = [b for b in below_minimum(s, world.station_id) if b.max_stock > b.quantity]
    if not low:
        return
    actor = world.as_person(world.station, world.staff_name())
    world.clock.set(world.end, 8, 0)
    req = create_requisition(s, actor, period_from=world.end, period_to=world.end + dt.timedelta(days=30),
                             item_ids=[b.item_id for b in low], today=world.end)
    packs = {item.id: item.pack_factor for item in world.items}
    for line in lines_of(s, req.id):
        wanted = next(b for b in low if b.item_id == line.item_id)
        set_requested(s, actor, line_id=line.id, requested_qty=_round_up(wanted.max_stock - wanted.quantity,
                                                                          packs.get(line.item_id, 1)))
    submit(s, actor, requisition_id=req.id, notes="Bổ sung các mặt hàng dưới mức tồn tối thiểu")
    world.tally("requisitions")


def ledger_rows(s: Session) -> int:
    return int(s.scalar(select(func.count()).select_from(StockTransaction)) or 0)
