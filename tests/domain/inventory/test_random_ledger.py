"""A few hundred random movements, refused or not: stock never goes negative, every refusal writes
nothing, and the movement summary, stock card and on-hand figures all agree with the ledger sum."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import func, select

from tests.domain.inventory.conftest import Inv, counts
from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.domain.inventory import (
    adjust,
    dispose,
    issue,
    movement_summary,
    on_hand_by_item,
    on_hand_by_lot,
    receive,
    reverse,
    stock_card,
    transfer_out,
)
from ytcs_desktop.store.models import StockTransaction

D = dt.date
START = D(2026, 1, 1)


@pytest.mark.parametrize("seed", [1, 2])
def test_random_movements_keep_the_books_consistent(inv: Inv, seed: int) -> None:
    rng = random.Random(seed)
    items = [inv.para, inv.amox, inv.gloves]
    lots: list[str] = []
    txns: list[str] = []
    refused = 0
    for _ in range(150):
        day = START + dt.timedelta(days=rng.randint(0, 80))
        op = rng.choice(["receive", "receive", "issue", "issue_lot", "transfer", "adjust", "dispose", "reverse"])
        before = counts(inv.db)
        try:
            with inv.db.transaction() as s:
                if op == "receive" or not lots:
                    item = rng.choice(items)
                    rows = receive(s, inv.nurse, item_id=item, lot_no=f"L{items.index(item)}{rng.randint(1, 4)}",
                                   expiry=D(2027, 1, 1) + dt.timedelta(days=items.index(item) * 40),
                                   quantity=rng.randint(1, 50), txn_date=day)
                elif op == "issue":
                    rows = issue(s, inv.nurse, item_id=rng.choice(items), quantity=rng.randint(1, 60), txn_date=day)
                elif op == "issue_lot":
                    lot = rng.choice(lots)
                    item = s.scalar(select(StockTransaction.item_id).where(StockTransaction.lot_id == lot).limit(1))
                    rows = issue(s, inv.nurse, item_id=item or "", lot_id=lot, quantity=rng.randint(1, 30),
                                 txn_date=day, override_reason="Thử ngẫu nhiên")
                elif op == "transfer":
                    rows = transfer_out(s, inv.nurse, lot_id=rng.choice(lots), quantity=rng.randint(1, 30),
                                        txn_date=day, to_station_id=inv.other_station_id)
                elif op == "adjust":
                    rows = adjust(s, inv.nurse, lot_id=rng.choice(lots), delta=rng.choice([-1, 1]) * rng.randint(1, 20),
                                  txn_date=day, reason="Kiểm tra")
                elif op == "dispose":
                    rows = dispose(s, inv.nurse, lot_id=rng.choice(lots), quantity=rng.randint(1, 20), txn_date=day,
                                   reason_code="damaged")
                else:
                    rows = reverse(s, inv.nurse, txn_id=rng.choice(txns) if txns else "none", txn_date=day,
                                   reason="Ghi nhầm")
                lots.extend(r.lot_id for r in rows if r.lot_id not in lots)
                txns.extend(r.id for r in rows)
        except DomainError:
            refused += 1
            assert counts(inv.db) == before
    assert refused > 0 and len(txns) > 50  # both paths were exercised
    with inv.db.read() as s:
        sums = dict(
            s.execute(  # type: ignore[arg-type]
                select(StockTransaction.lot_id, func.sum(StockTransaction.quantity)).group_by(StockTransaction.lot_id)
            ).all()
        )
        assert all(q >= 0 for q in sums.values())
        # every day's balance is non-negative too, not only today's
        for lot in sums:
            running = 0
            for _, q in s.execute(
                select(StockTransaction.txn_date, func.sum(StockTransaction.quantity))
                .where(StockTransaction.lot_id == lot).group_by(StockTransaction.txn_date)
                .order_by(StockTransaction.txn_date)
            ):
                running += q
                assert running >= 0
        by_lot = {b.lot_id: b.quantity for b in on_hand_by_lot(s, inv.station_id)}
        assert by_lot == {k: v for k, v in sums.items() if v}
        summary = movement_summary(s, inv.station_id, D(2026, 1, 20), D(2026, 2, 28))
        as_of = {b.lot_id: b.quantity for b in on_hand_by_lot(s, inv.station_id, as_of=D(2026, 2, 28))}
        for m in summary:
            assert m.opening + m.received_centre + m.received_other - m.issued_use - m.issued_transfer \
                - m.disposed + m.adjusted == m.closing == as_of.get(m.lot_id, 0)
        for b in on_hand_by_item(s, inv.station_id):
            card = stock_card(s, inv.station_id, b.item_id, D(2026, 1, 10), D(2026, 12, 31))
            assert card.closing == b.quantity
