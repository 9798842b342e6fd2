"""Centre load benchmark (a script, not a test): many stations pushing and pulling at once against a real
`ytcs centre serve` on PostgreSQL.

    .venv/bin/python -m bench.bench_centre_load [--stations 10,100,1000] [--workers 1,2] [--batches 3]
        [--batch-size 10] [--concurrency 64] [--database URL] [--json]

For each number of stations and of server workers: a fresh schema, one account and one computer per
station (made directly in the server's tables, as `ytcs centre user add` and a first login would, without
paying for 1,000 password hashes), then every station pushes `--batches` batches of `--batch-size` new
ledger rows in order and pulls once, `--concurrency` stations at a time. The request bodies are built and
compressed before the clock starts, so the load generator (on the same two cores) spends its time on
HTTP only. Afterwards a centre computer pulls everything: every row must be there exactly once.

Reports changes/s, push latency p50/p95/p99, pull latency p50, errors (any answer but 200) and rows lost
or doubled, and CPU per change of the server's processes, of PostgreSQL's and of the load generator (the
three share the machine's cores, so where the CPU goes says what a faster path must cut).
`--stations 64 --batch-size 1 --batches 20` is the 64-concurrent-pushers case.
Targets (issue 17): 1,000 stations ≥ 1,500 changes/s, push p95 ≤ 1 s, 0 errors, 0 lost; 2 workers ≥ 1.5×
one; 64 pushers of 1-change batches ≥ 300 changes/s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import http.client
import json
import os
import secrets
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psycopg
import requests
from argon2 import PasswordHasher

from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.capture import wire_columns
from ytcs_desktop.store.models import StockTransaction
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.server import admin, register
from ytcs_desktop.sync.server import schema as t
from ytcs_desktop.sync.server.auth import token_digest
from ytcs_desktop.sync.server.serve import READY_PREFIX
from ytcs_desktop.sync.server.store import ServerStore, now_ms

ROOT = Path(__file__).resolve().parents[1]
PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=test"
PG_BASE = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
COLUMNS = wire_columns(StockTransaction.__table__)  # type: ignore[arg-type]


@dataclass
class Station:
    id: str
    token: str
    bodies: list[bytes] = field(default_factory=list)


@dataclass
class Tally:
    push_s: list[float] = field(default_factory=list)
    pull_s: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def error(self, what: str) -> None:
        with self.lock:
            self.errors[what] = self.errors.get(what, 0) + 1


@contextmanager
def fresh_schema(base: str | None) -> Iterator[str]:
    if base:  # a database of the caller's: used as it is
        yield base
        return
    name = f"bench_load_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')
    try:
        yield f"{PG_BASE}?options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{name}" CASCADE')


def serve_supports_workers() -> bool:
    done = subprocess.run([sys.executable, "-m", "ytcs_desktop", "centre", "serve", "--help"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    return "--workers" in done.stdout


def start(db_url: str, workers: int) -> tuple[subprocess.Popen[str], str]:
    cmd = [sys.executable, "-m", "ytcs_desktop", "centre", "serve", "--database", db_url, "--port", "0"]
    if workers > 1:
        cmd += ["--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line.startswith(READY_PREFIX):
        proc.kill()
        raise SystemExit(f"server did not start: {line!r}")
    return proc, line[len(READY_PREFIX):].split()[0]


def enrol(store: ServerStore, n: int) -> tuple[list[Station], str]:
    """n stations, each with an account and one computer; and one centre computer. Returns its token."""
    stations: list[Station] = []
    with store.write() as conn:
        admin.add_user(conn, "bench-centre", "bench-centre-2026", "centre", None, HASHER)
        centre_token = secrets.token_urlsafe(24)
        devices = [_device(t.REFERENCE, "bench-centre", centre_token)]
        users = []
        for k in range(n):
            code = f"TYT-{k:05d}"
            sid = register.add_station(conn, code, f"Trạm Y tế đo tải {k}")
            users.append({"username": f"tram{k:05d}", "password_hash": "-", "role": "station", "station_code": code,
                          "active": True, "created_ms": now_ms()})
            token = secrets.token_urlsafe(24)
            devices.append(_device(sid, f"tram{k:05d}", token))
            stations.append(Station(sid, token))
        conn.execute(t.users.insert(), users)
        conn.execute(t.devices.insert(), devices)
    return stations, centre_token


def _device(station_key: str, username: str, token: str) -> dict[str, Any]:
    return {"station_key": station_key, "id": new_id(), "username": username, "name": "bench", "replica_id": new_id(),
            "token_hash": token_digest(token), "revoked": False, "created_ms": now_ms(), "clock_suspect": False,
            "acked_seq": 0}


def build_bodies(stations: list[Station], batches: int, size: int) -> int:
    """Each station's push bodies, gzip-compressed as the client sends them. Returns the number of changes."""
    day = dt.date(2026, 11, 2)
    for st in stations:
        replica = new_id()
        items = [new_id() for _ in range(4)]
        lots = [new_id() for _ in range(8)]
        wall = 1_796_000_000_000
        for b in range(batches):
            rows = []
            for k in range(size):
                n = b * size + k
                wall += 1
                rows.append({
                    "item_id": items[n % 4], "lot_id": lots[n % 8], "txn_date": day.isoformat(), "kind": "issue",
                    "quantity": -(1 + n % 7), "doc_no": f"PX-{n:05d}", "source": None, "counterparty": None,
                    "reason": None, "reason_code": None, "reverses_id": None, "ref_table": None, "ref_id": None,
                    "actor": "Nguyễn Thị Lan", "created_at": "2026-11-02 08:00:00.000000", "id": new_id(),
                    "station_id": st.id, "hlc": f"{wall:015d}-000000-{replica}", "origin": replica, "deleted": 0})
            cols = [c for c in COLUMNS if c in rows[0]]
            seqs = list(range(b * size + 1, (b + 1) * size + 1))
            body = {"last_seq": seqs[-1], "last_mutation": None,
                    "inserts": [{"t": "stock_transactions", "cols": cols, "q": p.encode_column(seqs),
                                 "data": p.to_columns(rows, cols)}], "changes": []}
            st.bodies.append(gzip.compress(p.dumps(body), compresslevel=4))
    return len(stations) * batches * size


def headers(token: str, body: bool) -> dict[str, str]:
    h = {p.PROTOCOL_HEADER: str(p.PROTOCOL_VERSION), "Authorization": f"Bearer {token}",
         "X-YTCS-Client-Time": str(int(time.time() * 1000)), "Accept-Encoding": "gzip"}
    if body:
        h |= {"Content-Encoding": "gzip", "Content-Type": "application/json"}
    return h


_local = threading.local()


def exchange(url: str, method: str, path: str, body: bytes | None, token: str) -> tuple[int, bytes]:
    """One request on this thread's kept-alive connection (http.client: the load generator shares the
    server's two cores, and requests' machinery costs several times the HTTP itself). (status, body)."""
    conn: http.client.HTTPConnection | None = getattr(_local, "conn", None)
    if conn is None:
        where = urlsplit(url)
        conn = _local.conn = http.client.HTTPConnection(where.hostname or "127.0.0.1", where.port, timeout=120)
    try:
        conn.request(method, path, body=body, headers=headers(token, body is not None))
        answer = conn.getresponse()
        data = answer.read()
    except (OSError, http.client.HTTPException):
        conn.close()
        _local.conn = None
        raise
    if answer.getheader("Content-Encoding") == "gzip":
        data = gzip.decompress(data)
    return answer.status, data


def run_station(url: str, st: Station, tally: Tally) -> None:
    for body in st.bodies:
        t0 = time.perf_counter()
        try:
            status, data = exchange(url, "POST", f"{p.API}/sync/push", body, st.token)
        except (OSError, http.client.HTTPException) as exc:
            tally.error(type(exc).__name__)
            return
        tally.push_s.append(time.perf_counter() - t0)
        if status != 200:
            tally.error(f"push {status}")
            return  # the next batch would be refused out of order: this station stops, as a client would
        if "r" in json.loads(data)["results"]:
            tally.error("push rejected")
    t0 = time.perf_counter()
    try:
        status, _ = exchange(url, "GET", f"{p.API}/sync/pull?cursor=0&limit=1000", None, st.token)
    except (OSError, http.client.HTTPException) as exc:
        tally.error(type(exc).__name__)
        return
    tally.pull_s.append(time.perf_counter() - t0)
    if status != 200:
        tally.error(f"pull {status}")


def pull_all(url: str, token: str) -> list[str]:
    ids: list[str] = []
    cursor = 0
    while True:
        r = requests.get(f"{url}{p.API}/sync/pull", params={"cursor": cursor, "limit": 5000},
                         headers=headers(token, False), timeout=300)
        r.raise_for_status()
        page = r.json()
        for table in page["tables"]:
            if table["t"] == "stock_transactions":
                ids += [row["id"] for row in p.from_columns(table["cols"], table["data"])]
        if not page["has_more"] or int(page["cursor"]) == cursor:
            return ids
        cursor = int(page["cursor"])


TICK_S = 1 / os.sysconf("SC_CLK_TCK")


def _processes() -> list[tuple[int, int, str, float]]:
    """(pid, parent pid, name, CPU seconds so far) of every process, from /proc."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue  # ended meanwhile
        name = text[text.index("(") + 1:text.rindex(")")]
        fields = text[text.rindex(")") + 2:].split()
        out.append((int(stat.parent.name), int(fields[1]), name, (int(fields[11]) + int(fields[12])) * TICK_S))
    return out


def cpu_of(root: int) -> tuple[float, float]:
    """CPU seconds so far of the process `root` with its children (the server and its workers), and of
    every PostgreSQL process on the machine (its connections' backends included)."""
    procs = _processes()
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, parent, _, _ in procs if parent in tree} - tree
        grew, tree = bool(more), tree | more
    return (sum(cpu for pid, _, _, cpu in procs if pid in tree),
            sum(cpu for _, _, name, cpu in procs if name in ("postgres", "postmaster")))


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def one_run(db_url: str | None, stations_n: int, workers: int, batches: int, size: int,
            concurrency: int) -> dict[str, Any]:
    with fresh_schema(db_url) as url_db:
        store = ServerStore(url_db)
        store.create_schema()
        stations, centre_token = enrol(store, stations_n)
        changes = build_bodies(stations, batches, size)
        proc, url = start(url_db, workers)
        tally = Tally()
        try:
            c0 = time.process_time()
            s0, d0 = cpu_of(proc.pid)
            t0 = time.perf_counter()
            with ThreadPoolExecutor(min(concurrency, stations_n)) as pool:
                list(pool.map(lambda st: run_station(url, st, tally), stations))
            seconds = time.perf_counter() - t0
            client_cpu = time.process_time() - c0
            s1, d1 = cpu_of(proc.pid)
            ids = pull_all(url, centre_token)
        finally:
            proc.terminate()
            proc.wait(timeout=20)
            store.dispose()
    expected = {row for st in stations for row in _ids_of(st)}
    got = set(ids)
    return {
        "stations": stations_n, "workers": workers, "batch_size": size, "changes": changes,
        "seconds": round(seconds, 2), "changes_per_s": round(changes / seconds),
        "push_p50_ms": round(pct(tally.push_s, 0.50) * 1000), "push_p95_ms": round(pct(tally.push_s, 0.95) * 1000),
        "push_p99_ms": round(pct(tally.push_s, 0.99) * 1000), "pull_p50_ms": round(pct(tally.pull_s, 0.5) * 1000),
        "errors": sum(tally.errors.values()), "error_kinds": tally.errors,
        "lost": len(expected - got), "doubled": len(ids) - len(got), "unexpected": len(got - expected),
        "load_generator_cpu_s": round(client_cpu, 2),
        "server_cpu_us_per_change": round((s1 - s0) * 1e6 / changes),
        "database_cpu_us_per_change": round((d1 - d0) * 1e6 / changes),
        "load_generator_cpu_us_per_change": round(client_cpu * 1e6 / changes),
    }


def _ids_of(st: Station) -> Iterator[str]:
    for body in st.bodies:
        data = json.loads(gzip.decompress(body))
        group = data["inserts"][0]
        yield from (row["id"] for row in p.from_columns(group["cols"], group["data"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stations", default="10,100,1000", help="comma list of station counts")
    parser.add_argument("--workers", default="1,2", help="comma list of server worker counts")
    parser.add_argument("--batches", type=int, default=3, help="pushes per station")
    parser.add_argument("--batch-size", type=int, default=10, help="changes per push")
    parser.add_argument("--concurrency", type=int, default=64, help="stations syncing at the same moment")
    parser.add_argument("--database", help="PostgreSQL URL to use as it is (default: a fresh schema of `test`)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    workers = [int(w) for w in args.workers.split(",")]
    if any(w > 1 for w in workers) and not serve_supports_workers():
        print("ytcs centre serve has no --workers here: measuring one worker only", file=sys.stderr)
        workers = [1]
    results = []
    for n in (int(s) for s in args.stations.split(",")):
        for w in workers:
            results.append(one_run(args.database, n, w, args.batches, args.batch_size, args.concurrency))
            if not args.json:
                r = results[-1]
                print(f"{r['stations']:>5} stations × {args.batches} pushes of {r['batch_size']}, {w} worker(s): "
                      f"{r['changes_per_s']:>6} changes/s; push p50 {r['push_p50_ms']} ms, p95 {r['push_p95_ms']} ms, "
                      f"p99 {r['push_p99_ms']} ms; pull p50 {r['pull_p50_ms']} ms; errors {r['errors']} "
                      f"{r['error_kinds'] or ''}; lost {r['lost']}, doubled {r['doubled']}; CPU per change: server "
                      f"{r['server_cpu_us_per_change']} µs, PostgreSQL {r['database_cpu_us_per_change']} µs, "
                      f"load generator {r['load_generator_cpu_us_per_change']} µs", flush=True)
    if args.json:
        print(json.dumps(results, indent=1))
    bad = [r for r in results if r["errors"] or r["lost"] or r["doubled"] or r["unexpected"]]
    if len(workers) > 1 and not args.json:
        for n in sorted({r["stations"] for r in results}):
            by = {r["workers"]: r["changes_per_s"] for r in results if r["stations"] == n}
            print(f"{n} stations: {max(by)} workers / 1 worker = {by[max(by)] / by[1]:.2f}×")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
