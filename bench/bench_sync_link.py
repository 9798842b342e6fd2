"""Sync over a bad rural link (a script, not a test):

    .venv/bin/python bench/bench_sync_link.py [--rows 100000] [--kbps 256] [--rtt-ms 500] [--cut 0.05]

Two stations each hold `rows` ledger movements. The first pushes them through the fault proxy with a
clean, unthrottled link: the bytes it needs, request and response with their HTTP heads, give the
bandwidth bound (bytes × 8 ÷ bandwidth). The second pushes the same amount through the proxy set to
the bandwidth (each direction), the round-trip time and the share of exchanges cut (a third cut in the
request, a third in the answer, a third lose the answer after the server committed). `ytcs sync` is
re-run until it reports complete, as a user would press "Đồng bộ" again.

Reported: total seconds, the bound, their ratio (target issue 3: ≤ 1.5×), batches re-sent, retries,
and a check that the centre holds each row exactly once. Loopback only.

Last runs (2 cores shared with other people's test runs): 100,000 ledger rows (100,421 changes), 1.64
MB up for a clean push (16 pushes) → bound 51.5 s. Over the bad link, seed 2026, three runs: 70.0 s,
70.1 s, 71.2 s (1.36×, 1.36×, 1.38×); 19 exchanges, 17 of them pushes, one answer lost after the
server committed (its batch re-sent, answered duplicate; 2 retries counted), 1.72 MB up. Seed 7: no
cut, 65.8 s (1.28×); seed 11: two answers lost, 69.4 s (1.35×). The centre held each row exactly once
every time. Target ≤ 1.5× met. The batch follows the measured throughput: after each exchange it grows
(fourfold at most) to what the line carried in 10 s, read up to ~95% of the 128 KB body bound from the
bytes a row took in the last body, so it reaches the bound on the fourth push; a cut halves it. Bodies
that moved under 48 KB/s are compressed harder (gzip level 9, filtered strategy: 15.6 B a ledger row
against 16.2 B): with no cut the bad link carries 1.59 MB, less than the bound counts. What is left
over the bound: each push pays the 500 ms round trip and the centre's work on its ~6,900 rows while
the line waits (about 15 s in all), and a lost answer costs its batch again.

With the audit rows that now travel with each ledger row, in zstd, beside one CPU burner (seed 2026, one
run each, the code before at the same time): 2.67 MB up for the clean push → bound 83.8 s; over the bad link
112.2 s (1.34×), 25 push requests, one answer lost after the server committed, each row once at the centre.
The code before (gzip, 4.14 MB → bound 129.6 s): 175.4 s (1.35×). zstd shortens the whole sync by a third;
the ratio stays, as the line still waits while the centre applies each batch (issue 17 asks ≤ 1.3×).

With pushes sent ahead (a centre that says `push_after` takes the next batch before it has answered the one
before, in order; the station sends it half a round trip before the body before should have gone up the
line, at the rate the centre measured): beside one CPU burner, with the code before running at the same
time, 100.6 s against an 84.8 s bound (1.19×; the code before 118.6 s, 1.40×), 27 push requests, one answer
lost after the server committed, each row once at the centre. Beside the burner and other people's test
runs (load average 4-6): 106.0 and 108.4 s (1.27×, 1.28×) against 135.3 and 121.2 s (1.61×, 1.44×) for the
code before. Target ≤ 1.3× with the CPU busy: met.

Before (the batch grew only after an exchange under 1.5 s, which a 256 kbit/s line never gives for a
full 128 KB body): 109.5 s and 132.4 s against a 56.5 s bound (1.94×, 2.34×), 53 push requests
against 20 on a clean link.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from bench.bench_sync import HASHER, PASSWORD, fill_from, start  # noqa: E402
from tests.sync_faults.proxy import FaultProxy, Faults  # noqa: E402
from ytcs_desktop.store.base import new_id  # noqa: E402
from ytcs_desktop.store.db import Database  # noqa: E402
from ytcs_desktop.store.models import Item  # noqa: E402
from ytcs_desktop.sync.client import SyncClient, SyncError, login  # noqa: E402
from ytcs_desktop.sync.server import admin  # noqa: E402
from ytcs_desktop.sync.server import schema as t  # noqa: E402
from ytcs_desktop.sync.server.store import ServerStore  # noqa: E402

PUSH = "/api/v1/sync/push"


def sync_until_complete(db: Database, url: str, token: str, max_runs: int = 200) -> dict[str, Any]:
    """Run syncs until one completes; a run that gives up on the link is simply run again."""
    runs = retries = requests = pushed = 0
    errors: list[str] = []
    started = time.monotonic()
    for _ in range(max_runs):
        runs += 1
        client = SyncClient(db, url, token)
        try:
            report = client.sync()
        except SyncError as exc:
            errors.append(exc.code)
            retries += client.report.retries
            requests += client.report.requests
            continue
        except Exception as exc:  # a client bug: counted, and the user presses sync again
            errors.append(type(exc).__name__)
            retries += client.report.retries
            requests += client.report.requests
            continue
        finally:
            client.close()
        retries += report.retries
        requests += report.requests
        pushed += report.pushed
        if report.complete:
            break
    return {"seconds": round(time.monotonic() - started, 1), "runs": runs, "retries": retries,
            "requests": requests, "errors": errors, "pushed": pushed}


def station(store: ServerStore, url: str, tmp: Path, code: str, rows: int, items: list[str]) -> tuple[Database, str]:
    station_id = new_id()
    with store.write() as conn:
        admin.add_station(conn, code, f"Trạm {code}", station_id)
        admin.add_user(conn, code.lower(), PASSWORD, "station", code, HASHER)
    db = Database.create(tmp / f"{code}.sqlite3", station_id=station_id)
    token = login(url, code.lower(), PASSWORD, station_id=station_id, replica_id=db.replica_id).token
    client = SyncClient(db, url, token)
    try:
        client.sync()  # the catalogue, over a clean link
    finally:
        client.close()
    fill_from(db, station_id, rows, items)
    return db, token


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--kbps", type=float, default=256.0)
    parser.add_argument("--rtt-ms", type=float, default=500.0)
    parser.add_argument("--cut", type=float, default=0.05, help="share of exchanges cut")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    bandwidth = args.kbps * 1000
    tmp = Path(tempfile.mkdtemp(prefix="ytcs-bench-link-"))
    db_url = f"sqlite:///{tmp / 'centre.sqlite3'}"
    store = ServerStore(db_url)
    store.create_schema()
    with store.write() as conn:
        admin.add_user(conn, "bench-centre", PASSWORD, "centre", None, HASHER)
    proc, url = start(db_url)
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    out: dict[str, Any] = {"rows": args.rows, "kbps": args.kbps, "rtt_ms": args.rtt_ms, "cut": args.cut}
    try:
        hub = Database.create(tmp / "centre-replica.sqlite3", role="centre")
        hub_token = login(url, "bench-centre", PASSWORD, replica_id=hub.replica_id).token
        items: list[str] = []
        with hub.transaction() as s:
            for n in range(200):
                items.append(new_id())
                s.add(Item(id=items[-1], station_id=None, code=f"T{n:04d}", name=f"Thuốc {n}", base_unit="viên",
                           category="drug"))
        client = SyncClient(hub, url, hub_token)
        client.sync()
        client.close()

        clean_db, clean_token = station(store, url, tmp, "TYT-CLEAN", args.rows, items)
        with FaultProxy(port, Faults(), seed=args.seed) as proxy:
            clean = sync_until_complete(clean_db, proxy.url, clean_token)
            need_up, need_down = proxy.stats.bytes_up, proxy.stats.bytes_down
            clean_pushes = proxy.stats.paths.get(PUSH, 0)
        bound = (need_up + need_down) * 8 / bandwidth
        out["clean"] = {**clean, "bytes_up": need_up, "bytes_down": need_down, "push_requests": clean_pushes}
        out["bound_seconds"] = round(bound, 1)
        out["bound_seconds_per_direction"] = round(max(need_up, need_down) * 8 / bandwidth, 1)

        link_db, link_token = station(store, url, tmp, "TYT-LINK", args.rows, items)
        faults = Faults(rtt_ms=args.rtt_ms, bandwidth_bps=bandwidth, cut_request=args.cut / 3,
                        cut_response=args.cut / 3, drop_response=args.cut / 3)
        with FaultProxy(port, faults, seed=args.seed, idle_timeout=120) as proxy:
            link = sync_until_complete(link_db, proxy.url, link_token)
            stats = proxy.stats
        out["link"] = {**link, "bytes_up": stats.bytes_up, "bytes_down": stats.bytes_down,
                       "exchanges": stats.exchanges, "cut_requests": stats.cut_requests,
                       "cut_responses": stats.cut_responses, "answers_lost": stats.dropped_responses,
                       "push_requests": stats.paths.get(PUSH, 0), "connections": stats.connections}
        # Every faulted exchange is sent again; the adaptive batches are also smaller on the slow link.
        out["batches_resent"] = stats.cut_requests + stats.cut_responses + stats.dropped_responses
        out["extra_push_requests"] = stats.paths.get(PUSH, 0) - clean_pushes
        out["extra_bytes_up"] = stats.bytes_up - need_up
        out["ratio_to_bound"] = round(link["seconds"] / bound, 2) if bound else None
        out["target_ratio"] = 1.5
        with store.read() as conn:
            held = conn.scalar(select(func.count()).select_from(t.rows).where(
                t.rows.c.station_key == link_db.station_id, t.rows.c.table_name == "stock_transactions"))
        out["centre_holds_each_row_once"] = held == args.rows
        for db in (hub, clean_db, link_db):
            db.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        store.dispose()
    if args.json:
        print(json.dumps(out, indent=1, ensure_ascii=False))
    else:
        for key, value in out.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
