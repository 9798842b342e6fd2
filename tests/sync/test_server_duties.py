"""The centre re-checks the duties of whoever signed a pushed change, with the domain's rule: over a real
`ytcs centre serve` (SQLite and PostgreSQL), a stock count approved on a PC by a person the centre holds as
clinical staff only (the PC's roles for her differ) is refused with `duty_required`, and so are its count
correction and her disposal, each shown on its record; the head of station's approval goes through. A
count signed by nobody (a PC where nobody signs in) is taken as before."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from sqlalchemy import select

from tests.sync.conftest import Centre, Replica
from tests.sync.helpers import add_item, add_ledger, row_state
from ytcs_desktop.domain.accounts import actor_of, create_account, create_first_account, get_account
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.inventory.counts import approve_count, count_lines, enter_physical, start_count
from ytcs_desktop.domain.inventory.ledger import dispose
from ytcs_desktop.store.models import LocalAccount, StockTransaction
from ytcs_desktop.sync.server import schema as t

COUNT_DAY, DISPOSAL_DAY = dt.date(2026, 11, 2), dt.date(2026, 11, 3)


def _actor(pc: Replica, username: str) -> Actor:
    with pc.db.read() as s:
        account = get_account(s, username)
    assert account is not None
    return actor_of(account, "station", pc.station_id)


def _counted(pc: Replica, actor: Actor, lot_id: str) -> tuple[str, list[str]]:
    """A count of one lot, found two short, approved by `actor`: the count's id and its corrections' ids."""
    with pc.db.transaction() as s:
        count = start_count(s, actor, count_date=COUNT_DAY, lot_ids=[lot_id])
        for line in count_lines(s, count.id):
            enter_physical(s, actor, line_id=line.id, physical_qty=line.book_qty - 2, reason="vỡ hai viên")
        rows = approve_count(s, actor, count_id=count.id)
        return count.id, [r.id for r in rows]


def _server_row(centre: Centre, table: str, row_id: str) -> dict[str, Any] | None:
    """The row's image at the centre, if it holds one."""
    found = centre.admin(lambda c: c.scalar(select(t.rows.c.fields).where(t.rows.c.table_name == table,
                                                                          t.rows.c.row_id == row_id)))
    return json.loads(found) if found is not None else None


def test_a_count_signed_by_clinical_staff_is_refused_at_the_centre(centre: Centre) -> None:
    (pc,) = centre.station("duties")
    tag = uuid.uuid4().hex[:6]
    head, nurse = f"lan.{tag}", f"hoa.{tag}"
    with pc.db.transaction() as s:
        made = create_first_account(s, role="station", station_id=pc.station_id, username=head,
                                    full_name="Nguyễn Thị Lan", password="tram truong an phu")
        create_account(s, actor_of(made, "station", pc.station_id), username=nurse, full_name="Lê Thị Hoa",
                       password="dieu duong an phu 01", duties=["lam_sang"])
    assert pc.sync().accounts_confirmed == 2  # the centre holds hoa as clinical staff only
    with pc.db.transaction() as s:  # this PC's roles for her differ: here she is also the stock keeper
        row = s.get(LocalAccount, nurse)
        assert row is not None
        row.duties = "lam_sang,thu_kho"
    item = add_item(pc.db)
    lot_a, lot_b = add_ledger(pc.db, item, 1, qty=10), add_ledger(pc.db, item, 1, qty=10)
    hoa, lan = _actor(pc, nurse), _actor(pc, head)

    count_id, corrections = _counted(pc, hoa, lot_a)
    with pc.db.transaction() as s:
        disposed = [r.id for r in dispose(s, hoa, lot_id=lot_a, quantity=1, txn_date=DISPOSAL_DAY,
                                          reason_code="damaged", note="vỡ")]
    head_count, head_corrections = _counted(pc, lan, lot_b)
    report = pc.sync()
    assert report.complete and report.rejected == 1 + len(corrections) + len(disposed), report

    state, reason = row_state(pc.db, "stock_counts", count_id)
    assert state == "rejected" and reason is not None
    assert "Chỉ trạm trưởng hoặc thủ kho / dược sĩ mới được duyệt biên bản kiểm kê" in reason
    assert "Lê Thị Hoa là nhân viên lâm sàng" in reason
    for txn in corrections:
        state, reason = row_state(pc.db, "stock_transactions", txn)
        assert state == "rejected" and reason is not None and "duyệt biên bản kiểm kê" in reason
    for txn in disposed:
        state, reason = row_state(pc.db, "stock_transactions", txn)
        assert state == "rejected" and reason is not None and "hủy thuốc, vật tư" in reason
    held = _server_row(centre, "stock_counts", count_id)  # the centre holds her count as a draft, unapproved
    assert held is not None and held["status"] == "draft" and held["approved_by_user"] is None
    assert all(_server_row(centre, "stock_transactions", x) is None for x in corrections + disposed)
    # the head of station's count and its correction went through
    assert row_state(pc.db, "stock_counts", head_count)[0] == "synced"
    assert all(row_state(pc.db, "stock_transactions", x)[0] == "synced" for x in head_corrections)
    approved = _server_row(centre, "stock_counts", head_count)
    assert approved is not None and (approved["status"], approved["approved_by_user"]) == ("approved", head)


def test_a_count_signed_by_nobody_is_taken_as_before(centre: Centre) -> None:
    (pc,) = centre.station("no-accounts")  # nobody signs in on this PC: the system actor approves
    item = add_item(pc.db)
    lot = add_ledger(pc.db, item, 1, qty=10)
    count_id, corrections = _counted(pc, Actor("Trạm Y tế", "station", pc.station_id), lot)
    report = pc.sync()
    assert report.complete and report.rejected == 0
    assert row_state(pc.db, "stock_counts", count_id)[0] == "synced"
    with pc.db.read() as s:
        assert s.scalars(select(StockTransaction.actor_user).where(StockTransaction.id.in_(corrections))).all() == [
            None]
