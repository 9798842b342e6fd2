"""Partial stock counts: by category, by place or by chosen items; each approved on its own, correcting
only the lots it covers; counts that share no lot run side by side; a count of 490 lots still works."""

from __future__ import annotations

import datetime as dt
import time

from sqlalchemy import select

from tests.domain.inventory.conftest import Inv
from ytcs_desktop.domain.coldchain import add_fridge
from ytcs_desktop.domain.inventory import issue, on_hand_by_lot, receive
from ytcs_desktop.domain.inventory.count_scope import OUTSIDE_FRIDGES, CountScope, count_choices
from ytcs_desktop.domain.inventory.counts import (
    approve_count,
    cancel_count,
    count_sheet,
    enter_physical,
    start_count,
)
from ytcs_desktop.store.models import Item, StockTransaction

D = dt.date
DAY = D(2026, 3, 31)


def _stock(inv: Inv) -> str:
    """Drugs and gloves on the shelves, two vaccines in the fridge; one drug lot already used up."""
    with inv.db.transaction() as s:
        fridge = add_fridge(s, inv.nurse, name="Tủ lạnh TCMR", in_service_from=D(2026, 1, 1)).id
        for item, lot, qty, where in ((inv.para, "P1", 100, None), (inv.para, "P2", 40, None),
                                      (inv.gloves, "G1", 20, None), (inv.bcg, "B1", 50, fridge),
                                      (inv.hepb, "H1", 30, fridge), (inv.amox, "A0", 5, None)):
            receive(s, inv.nurse, item_id=item, lot_no=lot, expiry=D(2027, 12, 1), quantity=qty,
                    txn_date=D(2026, 3, 1), fridge_id=where)
        issue(s, inv.nurse, item_id=inv.amox, quantity=5, txn_date=D(2026, 3, 2))
    return fridge


def _sheet(inv: Inv, count_id: str) -> dict[str, str]:
    with inv.db.read() as s:
        return {line.lot_no: line.id for line in count_sheet(s, count_id)}


def _on_hand(inv: Inv) -> dict[str, int]:
    with inv.db.read() as s:
        return {b.lot_no: b.quantity for b in on_hand_by_lot(s, inv.station_id)}


def test_category_count_is_approved_alone_and_touches_only_its_lots(inv: Inv, refused) -> None:
    _stock(inv)
    with inv.db.transaction() as s:
        vaccines = start_count(s, inv.nurse, count_date=DAY, scope=CountScope(category="vaccine")).id
    lines = _sheet(inv, vaccines)
    assert set(lines) == {"B1", "H1"}
    # the drugs can be counted at the same time by someone else: no lot is in both counts
    with inv.db.transaction() as s:
        drugs = start_count(s, inv.nurse, count_date=DAY, scope=CountScope(category="drug")).id
    assert set(_sheet(inv, drugs)) == {"P1", "P2"}  # the used-up lot A0 is not on the sheet
    # the whole stock overlaps both: refused, naming the open count and what to do
    with refused("count_in_progress"), inv.db.transaction() as s:
        start_count(s, inv.nurse, count_date=DAY)
    with inv.db.transaction() as s:
        enter_physical(s, inv.nurse, line_id=lines["B1"], physical_qty=48, reason="Vỡ 2 lọ")
        enter_physical(s, inv.nurse, line_id=lines["H1"], physical_qty=30)
        rows = approve_count(s, inv.nurse, count_id=vaccines)
    assert [(r.kind, r.quantity) for r in rows] == [("count", -2)]
    assert _on_hand(inv) == {"P1": 100, "P2": 40, "G1": 20, "B1": 48, "H1": 30}
    # the drug count, still open, is untouched by the vaccines' approval and is approved on its own
    drug_lines = _sheet(inv, drugs)
    with inv.db.transaction() as s:
        enter_physical(s, inv.nurse, line_id=drug_lines["P1"], physical_qty=101, reason="Phiếu xuất ghi thừa")
        enter_physical(s, inv.nurse, line_id=drug_lines["P2"], physical_qty=40)
        approve_count(s, inv.nurse, count_id=drugs)
    assert _on_hand(inv) == {"P1": 101, "P2": 40, "G1": 20, "B1": 48, "H1": 30}


def test_place_and_chosen_items(inv: Inv, refused) -> None:
    fridge = _stock(inv)
    with inv.db.transaction() as s:
        in_fridge = start_count(s, inv.nurse, count_date=DAY, scope=CountScope(location=fridge)).id
    assert set(_sheet(inv, in_fridge)) == {"B1", "H1"}
    with inv.db.transaction() as s:
        cancel_count(s, inv.nurse, count_id=in_fridge)
        shelves = start_count(s, inv.nurse, count_date=DAY, scope=CountScope(location=OUTSIDE_FRIDGES)).id
    assert set(_sheet(inv, shelves)) == {"P1", "P2", "G1"}
    with inv.db.transaction() as s:
        cancel_count(s, inv.nurse, count_id=shelves)
    # items are found by words typed without accents
    with inv.db.read() as s:
        choices = count_choices(s, inv.station_id, DAY)
    assert [c.name for c in choices.search("vac xin viem gan")] == ["Vắc xin Viêm gan B"]
    assert [c.name for c in choices.search("VAC XIN")] == ["Vắc xin BCG", "Vắc xin Viêm gan B"]
    assert choices.fridges == [(fridge, "Tủ lạnh TCMR")]
    assert "Amoxicillin 500 mg" not in {c.name for c in choices.items}  # nothing of it left that day
    with inv.db.transaction() as s:
        chosen = start_count(s, inv.nurse, count_date=DAY,
                             scope=CountScope(item_ids=(inv.para, inv.hepb))).id
    assert set(_sheet(inv, chosen)) == {"P1", "P2", "H1"}
    # filters combine: vaccines on the shelves is nothing, and says so under the scope
    with refused("count_empty"), inv.db.transaction() as s:
        start_count(s, inv.nurse, count_date=DAY, scope=CountScope(category="vaccine", location=OUTSIDE_FRIDGES))
    with refused("bad_count_category"), inv.db.transaction() as s:
        start_count(s, inv.nurse, count_date=DAY, scope=CountScope(category="food"))
    with refused("count_location_not_found"), inv.db.transaction() as s:
        start_count(s, inv.nurse, count_date=DAY, scope=CountScope(location="no-such-fridge"))
    with refused("item_not_found"), inv.db.transaction() as s:
        start_count(s, inv.nurse, count_date=DAY, scope=CountScope(item_ids=("no-such-item",)))


def test_refusals_name_the_scope_in_words(inv: Inv) -> None:
    _stock(inv)
    from ytcs_desktop.domain.errors import DomainError

    with inv.db.transaction() as s:
        start_count(s, inv.nurse, count_date=DAY, scope=CountScope(category="vaccine"))
    try:
        with inv.db.transaction() as s:
            start_count(s, inv.nurse, count_date=DAY, scope=CountScope(item_ids=(inv.bcg,)))
    except DomainError as err:
        assert err.field == "scope"
        assert "Vắc xin BCG – lô B1" in err.vi and "Hãy duyệt hoặc hủy phiếu đó trước" in err.vi
    else:
        raise AssertionError("an overlapping count was accepted")
    try:
        with inv.db.transaction() as s:
            start_count(s, inv.nurse, count_date=DAY, scope=CountScope(category="supply", location=inv.para))
    except DomainError as err:
        assert err.field == "location"


def test_a_count_of_490_lots(inv: Inv) -> None:
    with inv.db.transaction() as s:
        items = [Item(code=f"TT{n:03d}", name=f"Thuốc thử {n}", base_unit="viên", category="drug")
                 for n in range(245)]
        s.add_all(items)
        s.flush()
        for item in items:
            for lot in ("A", "B"):
                receive(s, inv.nurse, item_id=item.id, lot_no=lot, expiry=D(2027, 6, 1), quantity=10,
                        txn_date=D(2026, 3, 1))
    started = time.perf_counter()
    with inv.db.transaction() as s:
        count_id = start_count(s, inv.nurse, count_date=DAY).id
    start_s = time.perf_counter() - started
    with inv.db.read() as s:
        sheet = count_sheet(s, count_id)
    assert len(sheet) == 490
    with inv.db.transaction() as s:
        for n, line in enumerate(sheet):
            enter_physical(s, inv.nurse, line_id=line.id, physical_qty=9 if n == 0 else 10,
                           reason="Hỏng 1 viên" if n == 0 else None)
    started = time.perf_counter()
    with inv.db.transaction() as s:
        rows = approve_count(s, inv.nurse, count_id=count_id)
    approve_s = time.perf_counter() - started
    assert [r.quantity for r in rows] == [-1]
    with inv.db.read() as s:
        assert len(s.scalars(select(StockTransaction).where(StockTransaction.kind == "count")).all()) == 1
    assert start_s < 5 and approve_s < 5, (start_s, approve_s)
