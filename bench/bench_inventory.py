"""Inventory benchmark (a script, not a test):
`.venv/bin/python -m bench.bench_inventory [--rows N] [--years Y] [--keep DIR]`.

Builds a station database with 2,000 items and N ledger rows (default 100,000) spread over Y years
(bulk SQL, but through the capture triggers, so every row also lands in the outbox as in real use), then
times the stock queries (median of several runs) before any period is closed and again with the books
closed through last month (carried balances: only the rows since are summed), the close itself, and a
bulk receipt of 10,000 lines through the domain API in one transaction.
Targets: each query ≤ 50 ms, also at 1M ledger rows; 10k receipts ≤ 2 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select, text

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.inventory import (
    close_period,
    near_expiry,
    on_hand_by_item,
    on_hand_by_lot,
    receive,
    receive_many,
    stock_card,
)
from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Station, StockTransaction

N_ITEMS = 2_000
LOTS_PER_ITEM = 3
N_ROWS = 100_000
N_RECEIPTS = 10_000
TODAY = dt.date(2026, 6, 30)
START = dt.date(2025, 7, 1)


def build(path: Path, n_rows: int = N_ROWS, years: int = 1, n_items: int = N_ITEMS,
          ) -> tuple[Database, Actor, list[str]]:
    station_id = new_id()
    db = Database.create(path, station_id=station_id, role="station")
    actor = Actor("Người đo", "station", station_id)
    rng = random.Random(7)
    with db.transaction() as s:
        s.add(Station(id=station_id, station_id=station_id, code="TYT-BENCH", name="Trạm Y tế đo hiệu năng"))
        s.flush()
        item_ids = [new_id() for _ in range(n_items)]
        s.execute(
            text(
                "INSERT INTO items (id, station_id, hlc, origin, deleted, sync_state, code, name, base_unit, "
                "category, min_stock, max_stock, freeze_sensitive, active) VALUES "
                "(:id, NULL, '', '', 0, 'pending', :code, :name, 'viên', :cat, :min, :max, 0, 1)"
            ),
            [
                {"id": iid, "code": f"TH{i:05d}", "name": f"Thuốc thử {i:05d}", "cat": "vaccine" if i % 20 == 0
                 else "drug", "min": 50, "max": 500}
                for i, iid in enumerate(item_ids)
            ],
        )
        lots: list[tuple[str, str]] = []
        lot_rows = []
        for iid in item_ids:
            for k in range(LOTS_PER_ITEM):
                lid = new_id()
                lots.append((lid, iid))
                expiry = TODAY + dt.timedelta(days=rng.randint(-30, 900))
                lot_rows.append({"id": lid, "st": station_id, "item": iid, "no": f"L{k}-{lid[-6:]}", "exp": expiry})
        s.execute(
            text(
                "INSERT INTO lots (id, station_id, hlc, origin, deleted, sync_state, item_id, lot_no, expiry) "
                "VALUES (:id, :st, '', '', 0, 'pending', :item, :no, :exp)"
            ),
            lot_rows,
        )
        # one receipt per lot, then issues that never exceed what came in
        txn_rows = []
        for lid, iid in lots:
            txn_rows.append((lid, iid, START, "receipt", 10_000))
        start, span = history_start(years), (TODAY - history_start(years)).days - 1
        txn_rows = [(lid, iid, start, kind, qty) for lid, iid, _, kind, qty in txn_rows]
        while len(txn_rows) < n_rows:
            lid, iid = lots[rng.randrange(len(lots))]
            day = start + dt.timedelta(days=rng.randint(1, span))
            txn_rows.append((lid, iid, day, "issue", -rng.randint(1, 20)))
        s.execute(
            text(
                "INSERT INTO stock_transactions (id, station_id, hlc, origin, deleted, sync_state, item_id, "
                "lot_id, txn_date, kind, quantity, actor, created_at) VALUES "
                "(:id, :st, '', '', 0, 'pending', :item, :lot, :day, :kind, :qty, 'bench', :now)"
            ),
            [
                {"id": new_id(), "st": station_id, "item": iid, "lot": lid, "day": day, "kind": kind, "qty": qty,
                 "now": dt.datetime(2026, 6, 30, 8, 0)}
                for lid, iid, day, kind, qty in txn_rows
            ],
        )
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    return db, actor, item_ids


def history_start(years: int) -> dt.date:
    return START if years <= 1 else TODAY - dt.timedelta(days=365 * years)


def last_month_end(day: dt.date) -> dt.date:
    return day.replace(day=1) - dt.timedelta(days=1)


def median_ms(fn: Callable[[], object], runs: int = 9) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds (CPU time is what a busy shared machine disturbs least)."""
    fn()  # warm the page cache and statement cache
    wall, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def once_ms(fn: Callable[[], object]) -> tuple[float, float]:
    t0, c0 = time.perf_counter(), time.process_time()
    fn()
    return (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", type=Path, help="build the database in this folder and keep it")
    parser.add_argument("--rows", type=int, default=N_ROWS, help="ledger rows (default %(default)s)")
    parser.add_argument("--years", type=int, default=1, help="years of history the rows spread over")
    parser.add_argument("--items", type=int, default=N_ITEMS, help="catalogue items, 3 lots each")
    parser.add_argument("--receipts", type=int, default=N_RECEIPTS,
                        help="lines of the bulk receipt (a tenth of them received one by one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        db, actor, item_ids = build(folder / "bench.sqlite3", args.rows, args.years, args.items)
        n_items, n_receipts, n_single = len(item_ids), args.receipts, max(1, args.receipts // 10)
        build_s = time.perf_counter() - t0
        station_id = actor.station_id
        assert station_id
        with db.read() as s:
            ledger = s.scalar(select(func.count()).select_from(StockTransaction))
            outbox = s.scalar(text("SELECT count(*) FROM sync_outbox"))
        rows: list[tuple[str, tuple[float, float], str]] = []
        with db.read() as s:
            n_held = len(on_hand_by_item(s, station_id))
            before = on_hand_by_item(s, station_id)
            rows.append(("on_hand_by_item, no period closed", median_ms(lambda: on_hand_by_item(s, station_id)),
                         f"{n_held} items"))
            rows.append(("on_hand_by_lot, no period closed", median_ms(lambda: on_hand_by_lot(s, station_id)),
                         f"{len(on_hand_by_lot(s, station_id))} lots"))

        def close() -> None:
            with db.transaction() as s:
                close_period(s, actor, closed_through=last_month_end(TODAY), today=TODAY)

        rows.append((f"close the books through {last_month_end(TODAY):%Y-%m-%d}", once_ms(close),
                     "carries every lot's balance"))
        with db.read() as s:
            assert on_hand_by_item(s, station_id) == before  # carried balances change no figure
            rows.append(("on_hand_by_item, all items", median_ms(lambda: on_hand_by_item(s, station_id)),
                         f"{n_held} items, closed through last month"))
            rows.append(("on_hand_by_lot, all lots", median_ms(lambda: on_hand_by_lot(s, station_id)),
                         f"{len(on_hand_by_lot(s, station_id))} lots, closed through last month"))
            item = item_ids[len(item_ids) // 2]
            card = stock_card(s, station_id, item, START, TODAY)
            rows.append(("stock_card, one item, 1 year",
                         median_ms(lambda: stock_card(s, station_id, item, START, TODAY)), f"{len(card.lines)} lines"))
            soon = near_expiry(s, station_id, TODAY)
            rows.append(("near_expiry (90 days)", median_ms(lambda: near_expiry(s, station_id, TODAY)),
                         f"{len(soon)} lots"))
        written: list[str] = []
        bulk_runs = []
        for run in range(3):  # best of three: a shared machine adds wall time, never removes it
            lines = [
                {"item_id": item_ids[i % n_items], "lot_no": f"NEW{run}-{i:05d}", "expiry": dt.date(2028, 1, 1),
                 "quantity": 100, "txn_date": TODAY, "doc_no": f"PN-{i // 100:03d}", "source": "centre"}
                for i in range(n_receipts)
            ]

            def bulk() -> None:
                with db.transaction() as s:
                    written.extend(receive_many(s, actor, lines))  # noqa: B023 (called at once)

            bulk_runs.append(once_ms(bulk))
        best = min(bulk_runs)
        rows.append((f"receive_many, {n_receipts} lines, one transaction", best, "best of 3 (new lots each)"))

        def single() -> None:  # the one-at-a-time path, for comparison
            with db.transaction() as s:
                for i in range(n_single):
                    receive(s, actor, item_id=item_ids[i % n_items], lot_no=f"ONE-{i:05d}", expiry=dt.date(2028, 1, 1),
                            quantity=10, txn_date=TODAY)

        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(StockTransaction)) == (ledger or 0) + len(written)
        rows.append((f"receive × {n_single}, one transaction", once_ms(single), "one call per line"))
        db.close()
    print(f"database: {n_items} items, {n_items * LOTS_PER_ITEM} lots, {ledger} ledger rows, "
          f"{outbox} outbox rows (built in {build_s:.1f} s)")
    print(f"{'measure':<46} {'wall ms':>9} {'cpu ms':>9}  note")
    for name, (wall, cpu), note in rows:
        print(f"{name:<46} {wall:>9.1f} {cpu:>9.1f}  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
