"""Sync benchmark over loopback against a real `ytcs centre serve` process.

    .venv/bin/python bench/bench_sync.py [--rows 100000] [--data regular|high-entropy] [--database URL] [--json]

1. initial push: a station database holding N ledger movements syncs for the first time;
2. initial pull: a second PC of that station (empty database) downloads them;
3. incremental: 100 changes (80 new movements, 20 edits of fridges) pushed and pulled, in ms.
Figures: rows/s; CPU per row in microseconds, of this process (the station's side, all its threads) and
of the `ytcs centre serve` process (read from /proc), which holds still on a shared machine where rows/s
does not; bytes per row on the wire (request + response bodies as sent, compressed), up and down.
Data sets (`--data`): `regular`, 200 items and 400 lots (UUIDv7 ids), seven quantities, one user, the
rows in a fixed order; `high-entropy`, 2,000 items and 6,000 lots with random UUIDv4 ids, 1,200 distinct
quantities and 5 users, each row's lot, quantity, kind and user drawn at random (seeded).
Targets (issue 3): >= 20k rows/s; <= 20 B per ledger row. Issue 17: CPU per row on the wire, station and
centre together, <= 30 us for the initial push and pull; <= 16 B a row on the regular set, <= 35 B on the
high-entropy one.

Last runs (2 cores shared with other people's work, load average up to 13; three runs of each set, each
next to a run of the code before zstd, at the same time), per row on the wire (a ledger row and its audit
row are two rows): bytes, regular set: 13.2 up, 12.8-13.0 down (gzip before: 20.3-20.6, 19.1-19.3);
high-entropy set: 30.7-31.0 up, 23.6-23.8 down (40.4-40.6, 38.0-38.3). CPU, station + centre: push
49.1-59.0 us (before 52.2-60.0: no change beyond the spread), pull 44.6-55.0 us (51.1-63.5), of which the
centre's 14.5-18.1 us (20.3-28.1). Rows/s swung from 3k to 31k with the machine's load and are not
compared. Not met: 30 us. Where the CPU goes (process CPU time, regular set): the centre's push was about
30 us a row, nearly all of it Python per change (decoding the row, the checks of permissions.py, the merge
and the row's JSON; SQLite's insert a tenth); the station's pull was about 33 us, two
thirds of it SQLite writing the rows; the station's push about 23 us (reading the outbox 13-15, encoding 3,
JSON 2.4, recording the answers 4-7).

The station's side, December 2026 (load average 3-6; each run next to one of the code before, at the same
time; station CPU per row on the wire): pull, regular set 21.8-27.5 us (before 39.1-44.5), high-entropy set
21.4-22.8 us (before 41.7-44.4); push, regular 27.3-29.5 us (before 26.0-28.8), high-entropy 30.3-35.1 us
(before 32.1-35.8): no change beyond the spread. Half of the pull's time was the kernel's: written one
row per statement, each statement journalled the index pages it touched, and that journal, kept open by a
savepoint around the page, spilled to a temporary file (2.6 million writes for 200k rows, 13-15 us a row of
system time); a page now goes in statements of up to 1,024 rows with the journal in memory. Without the
network (the same pages replayed on a copy): writing a page 30.6-33.3 -> 15.3-16.4 us a row, of which SQLite
about 10 (the paused triggers cost about 1 of it). The push, so measured, stays about 20 us: reading the
outbox 8-9 (the statement 2, making the rows 1.7, the images 5), encoding 3-4, JSON 2-3, recording
the answers 4-5. Not met: 12 us for the push, 16 us for the pull.

The centre's side, December 2026, since its new rows are merged a group at a time (each run next to one of
the code before, load average 3-5; centre CPU per row on the wire): push 20.3-26.6 us (before 30.5-35.4),
high-entropy set 22.5 (31.9), a PostgreSQL centre 13.2-17.4 (24.0-34.8; its database's own processes not
counted). Pull 12.9-18.8 us (15.1-20.1): of its gain, encoding UUID columns in one pass came with the
station's side; reading a page's images a table at a time is within the spread. Of the push, SQLite's
insert and commit now take about 11 us a row; the rest is decoding the columns and writing each row's
JSON. Not met: 15 us for the push.

Both sides together, on a quieter machine (load average 1-3; each run next to one of a55a9bc, the code before
both changes), station + centre CPU per row on the wire: push 42.5-46.3 us (before 46.9-50.2), pull
25.3-39.1 us (43.6-47.4); high-entropy set, one run each: push 40.4 (50.7), pull 26.0 (43.7). The pull now
meets 30 us when the machine is quiet; the push does not (about 21 us at the station, 19-22 at the centre).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import insert

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ytcs_desktop.store.base import new_id  # noqa: E402
from ytcs_desktop.store.db import Database  # noqa: E402
from ytcs_desktop.store.models import Fridge, Item, Lot, Station, StockTransaction  # noqa: E402
from ytcs_desktop.sync.apply import pending_count  # noqa: E402
from ytcs_desktop.sync.client import SyncClient, SyncReport, login  # noqa: E402
from ytcs_desktop.sync.server import admin  # noqa: E402
from ytcs_desktop.sync.server.serve import READY_PREFIX  # noqa: E402
from ytcs_desktop.sync.server.store import ServerStore  # noqa: E402

PASSWORD = "benchmark-2026"
HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
KINDS = ("receipt", "issue", "issue", "issue", "adjustment")
USERS = ("Nguyễn Thị Lan", "Trần Văn Minh", "Lê Thị Hoa", "Phạm Quốc Bảo", "Hoàng Thị Mai")
DATA_SETS = ("regular", "high-entropy")
_TICK = os.sysconf("SC_CLK_TCK")


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a process and its live descendants, from /proc."""
    total = 0.0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            stat = Path(f"/proc/{current}/stat").read_text()
            fields = stat[stat.rindex(")") + 2:].split()
            total += (int(fields[11]) + int(fields[12])) / _TICK
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return total


class CpuMeter:
    """CPU seconds spent by this process (all threads) and by the server process, over a block."""

    def __init__(self, server_pid: int) -> None:
        self.server_pid = server_pid
        self.client = self.server = 0.0

    def __enter__(self) -> CpuMeter:
        self._c0, self._s0 = time.process_time(), process_cpu(self.server_pid)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.client = time.process_time() - self._c0
        self.server = process_cpu(self.server_pid) - self._s0


def start(db_url: str) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen([sys.executable, "-m", "ytcs_desktop", "centre", "serve", "--database", db_url,
                             "--port", "0"], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line.startswith(READY_PREFIX):
        proc.kill()
        raise SystemExit(f"server did not start: {line!r}")
    return proc, line[len(READY_PREFIX):].split()[0]


def timed_sync(db: Database, url: str, token: str) -> SyncReport:
    client = SyncClient(db, url, token)
    try:
        return client.sync()
    finally:
        client.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--data", choices=DATA_SETS, default="regular", help="the rows' shape (see the top)")
    parser.add_argument("--seed", type=int, default=2026, help="the high-entropy data set's random seed")
    parser.add_argument("--database", help="server database URL (default: a new SQLite file)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="ytcs-bench-"))
    db_url = args.database or f"sqlite:///{tmp / 'centre.sqlite3'}"
    store = ServerStore(db_url)
    store.create_schema()
    station_id = new_id()
    with store.write() as conn:
        admin.add_station(conn, "TYT-BENCH", "Trạm Y tế đo hiệu năng", station_id)
        admin.add_user(conn, "bench", PASSWORD, "station", "TYT-BENCH", HASHER)
        admin.add_user(conn, "bench-centre", PASSWORD, "centre", None, HASHER)
    proc, url = start(db_url)
    out: dict[str, Any] = {"rows": args.rows, "data": args.data, "database": db_url.split(":")[0]}
    entropy = args.data == "high-entropy"
    try:
        hub = Database.create(tmp / "centre-replica.sqlite3", role="centre")
        hub_token = login(url, "bench-centre", PASSWORD).token
        items: list[str] = []
        with hub.transaction() as s:
            for n in range(2000 if entropy else 200):
                item = str(uuid.uuid4()) if entropy else new_id()
                items.append(item)
                s.add(Item(id=item, station_id=None, code=f"T{n:04d}", name=f"Thuốc {n}", base_unit="viên",
                           category="drug"))
        timed_sync(hub, url, hub_token)

        pc1 = Database.create(tmp / "pc1.sqlite3", station_id=station_id)
        token1 = login(url, "bench", PASSWORD, station_id=station_id).token
        timed_sync(pc1, url, token1)  # pulls the catalogue
        started = time.monotonic()
        _, fridges = fill_from(pc1, station_id, args.rows, items, seed=args.seed if entropy else None)
        out["fill_seconds"] = round(time.monotonic() - started, 2)
        wire_rows = pending_count(pc1)  # the records and the audit rows that travel with them
        with CpuMeter(proc.pid) as cpu:
            push = timed_sync(pc1, url, token1)
        assert push.complete and push.rejected == 0 and pending_count(pc1) == 0, push
        out["initial_push"] = _figures(push, wire_rows, push.bytes_sent, cpu)

        pc2 = Database.create(tmp / "pc2.sqlite3", station_id=station_id)
        token2 = login(url, "bench", PASSWORD, station_id=station_id).token
        with CpuMeter(proc.pid) as cpu:
            pull = timed_sync(pc2, url, token2)
        assert pull.complete, pull
        assert pull.pulled >= wire_rows, (pull.pulled, wire_rows)
        out["initial_pull"] = _figures(pull, pull.pulled, pull.bytes_received, cpu)

        _ledger(pc1, station_id, 80, LOTS, args.rows)
        with pc1.transaction() as s:
            for n, f in enumerate(fridges[:20]):
                row = s.get(Fridge, f)
                assert row is not None
                row.location = f"Phòng {n}"
            s.flush()
        inc = timed_sync(pc1, url, token1)
        inc_pull = timed_sync(pc2, url, token2)
        out["incremental"] = {"changes": inc.pushed, "push_ms": round(inc.seconds * 1000, 1),
                              "pull_ms": round(inc_pull.seconds * 1000, 1), "pulled": inc_pull.pulled}
        for db in (hub, pc1, pc2):
            db.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        store.dispose()
    if args.json:
        print(json.dumps(out, indent=1))
    else:
        for key, value in out.items():
            print(f"{key}: {value}")
    return 0


def fill_from(db: Database, station_id: str, rows: int, items: list[str],
              seed: int | None = None) -> tuple[list[str], list[str]]:
    """400 lots of the centre's items, 20 fridges and `rows` ledger movements; with a `seed`, the
    high-entropy set: 6,000 lots with UUIDv4 ids, the movements drawn at random (see the top)."""
    draw = random.Random(seed) if seed is not None else None
    if draw is not None:
        lots = [(str(uuid.UUID(int=draw.getrandbits(128), version=4)), items[i % len(items)]) for i in range(6000)]
    else:
        lots = [(new_id(), items[i % len(items)]) for i in range(400)]
    fridges = [new_id() for _ in range(20)]
    with db.transaction() as s:
        s.add(Station(id=station_id, station_id=station_id, code="TYT-BENCH", name="Trạm Y tế đo hiệu năng"))
        for n, f in enumerate(fridges):
            s.add(Fridge(id=f, station_id=station_id, name=f"Tủ lạnh {n}"))
        for n, (lot, item) in enumerate(lots):
            s.add(Lot(id=lot, station_id=station_id, item_id=item, lot_no=f"L{n:04d}", expiry=dt.date(2028, 6, 30)))
    _ledger(db, station_id, rows, lots, 0, draw)
    LOTS[:] = lots
    return items, fridges


LOTS: list[tuple[str, str]] = []


QUANTITIES = range(1, 1201)  # the high-entropy set's distinct quantities


def _ledger(db: Database, station_id: str, rows: int, lots: list[tuple[str, str]], start: int,
            draw: random.Random | None = None) -> None:
    clock, origin = db.clock, db.replica_id
    day0 = dt.date(2025, 1, 1)
    created = dt.datetime(2025, 1, 1, 7, 0, tzinfo=dt.UTC)
    with db.transaction() as s:
        batch: list[dict[str, Any]] = []
        for n in range(start, start + rows):
            lot, item = lots[n % len(lots)]
            kind = KINDS[n % 5]
            quantity = 100 if kind == "receipt" else -(1 + n % 7)
            actor = USERS[0]
            if draw is not None:
                lot, item = draw.choice(lots)
                kind = draw.choice(KINDS)
                quantity = draw.choice(QUANTITIES) * (1 if kind == "receipt" else -1)
                actor = draw.choice(USERS)
            batch.append({
                "id": new_id(), "station_id": station_id, "hlc": clock.now(), "origin": origin, "deleted": False,
                "sync_state": "pending", "item_id": item, "lot_id": lot, "txn_date": day0 + dt.timedelta(days=n // 300),
                "kind": kind, "quantity": quantity, "doc_no": f"PX-{n // 5:06d}",
                "source": "centre" if kind == "receipt" else None, "counterparty": None, "reason": None,
                "reverses_id": None, "ref_table": None, "ref_id": None, "actor": actor,
                "created_at": created + dt.timedelta(minutes=n)})
            if len(batch) == 5000:
                s.execute(insert(StockTransaction), batch)
                batch = []
        if batch:
            s.execute(insert(StockTransaction), batch)


def _figures(report: SyncReport, rows: int, wire: int, cpu: CpuMeter) -> dict[str, Any]:
    """`rows`: rows on the wire (each record and the audit row that travels with it)."""
    per_s = round(rows / report.seconds) if report.seconds else 0
    per_row = max(rows, 1)
    return {"rows": rows, "records": report.pushed or report.pulled, "seconds": report.seconds, "rows_per_s": per_s,
            "cpu_us_per_row": round((cpu.client + cpu.server) * 1e6 / per_row, 1),
            "cpu_client_us": round(cpu.client * 1e6 / per_row, 1),
            "cpu_server_us": round(cpu.server * 1e6 / per_row, 1),
            "bytes": wire, "bytes_per_row": round(wire / rows, 1) if rows else 0,
            "up_per_row": round(report.bytes_sent / per_row, 1),
            "down_per_row": round(report.bytes_received / per_row, 1),
            "bytes_sent": report.bytes_sent, "bytes_received": report.bytes_received, "requests": report.requests}


if __name__ == "__main__":
    sys.exit(main())
