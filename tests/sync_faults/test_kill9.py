"""kill -9 of the client (`ytcs sync` in its own process) and of the server at random moments of a
sync: afterwards `ytcs check` is ok, and once everything has settled every acknowledged write is
present exactly once, at the station, at the centre's desktop and in the server's store (SYNC.md
guarantee 1).

Default: a handful of runs. `--long` runs YTCS_KILL_RUNS (default 1,000) client kills and a tenth
as many server kills, in worlds of at most WORLD_RUNS runs each (a new station every hundred runs keeps
a run's cost flat: one station growing for a thousand runs would spend its time in `ytcs check`).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.sync_faults.conftest import CENTRE_USER, _started
from tests.sync_faults.harness import (
    REPO,
    CentreServer,
    child_env,
    long_log,
    postgres_available,
    postgres_database,
    ytcs,
)
from tests.sync_faults.proxy import FaultProxy, Faults
from tests.sync_faults.world import Replica, World

pytest.importorskip("ytcs_desktop.sync.client")

WORLD_RUNS = 100
SLOW_LINK = Faults(rtt_ms=20)  # stretches a sync over more moments to be killed at


@pytest.fixture
def own_sqlite_centre(tmp_path: Path) -> Iterator[CentreServer]:
    """A server of this test alone: it gets killed."""
    server = _started(f"sqlite:///{tmp_path / 'centre.sqlite3'}", tmp_path / "centre")
    yield server
    server.stop()


@pytest.fixture
def own_postgres_centre(tmp_path: Path) -> Iterator[CentreServer]:
    if not postgres_available():
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    with postgres_database() as url:
        server = _started(url, tmp_path / "centre")
        yield server
        server.stop()


def _world(server: CentreServer, root: Path, seed: int) -> World:
    root.mkdir(parents=True, exist_ok=True)
    w = World(server, root, random.Random(seed), CENTRE_USER)
    w.add_station("K", 1)
    w.add_centre()
    w.login_all(server.url)
    w.create_items(2)
    w.settle(server.url)
    return w


def _writes(w: World, rng: random.Random, n: int) -> None:
    station = w.replicas[0]
    for _ in range(n):
        w.receive(station, rng.randrange(2), rng.randrange(4), rng.randint(1, 50))
    w.issue(station, rng.randrange(2), rng.randint(1, 10))
    w.reading(station, 5.0)
    w.new_request(station, "Hỗ trợ")
    w.staff_edit(station, rng.randrange(9), f"0913{rng.randrange(10**6):06d}")
    assert w.centre is not None
    w.staff_edit(w.centre, rng.randrange(9), f"0914{rng.randrange(10**6):06d}")


def _spawn_sync(replica: Replica, url: str) -> subprocess.Popen[bytes]:
    assert replica.token is not None
    return subprocess.Popen(
        [sys.executable, "-m", "ytcs_desktop", "sync", "--server", url, "--format", "json",
         "--data-dir", str(replica.db.path.parent)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO,
        env=child_env(YTCS_SYNC_TOKEN=replica.token),
    )


def _check_ok(replica: Replica) -> None:
    done = ytcs("check", "--data-dir", str(replica.db.path.parent), check=False)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stdout + done.stderr


def _server_ledger_rows(server: CentreServer, station_id: str) -> int:
    from ytcs_desktop.sync.server import schema as t
    from ytcs_desktop.sync.server.store import ServerStore

    store = ServerStore(server.database_url)
    try:
        with store.read() as conn:
            return int(conn.scalar(select(func.count()).select_from(t.rows).where(
                t.rows.c.station_key == station_id, t.rows.c.table_name == "stock_transactions")) or 0)
    finally:
        store.dispose()


def _finish(w: World, server: CentreServer) -> None:
    station = w.replicas[0]
    _check_ok(station)
    w.settle(server.url)
    w.check()
    _check_ok(station)
    assert station.station_id is not None
    assert _server_ledger_rows(server, station.station_id) == len(w.model.ledger)


def run_client_kills(server: CentreServer, root: Path, runs: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    w = _world(server, root, seed)
    station = w.replicas[0]
    killed = finished = 0
    try:
        with FaultProxy(server.port, SLOW_LINK, seed=seed) as proxy:
            for _ in range(runs):
                _writes(w, rng, rng.randint(3, 10))
                w.bulk_receive(station, rng.randint(200, 1500), rng.randrange(1000))
                proc = _spawn_sync(station, proxy.url)
                # Kill once the proxy has carried a random number of this sync's exchanges (hello, push
                # batches, pull pages), then a little later: kills land inside the sync, not before it.
                target = proxy.stats.exchanges + rng.randint(1, 6)
                deadline = time.monotonic() + 30
                while proc.poll() is None and proxy.stats.exchanges < target and time.monotonic() < deadline:
                    time.sleep(0.005)
                time.sleep(rng.uniform(0, 0.08))
                if proc.poll() is None:
                    proc.send_signal(signal.SIGKILL)
                    killed += 1
                else:
                    finished += 1
                proc.wait(30)
                _check_ok(station)
                if rng.random() < 0.3:
                    w.sync(w.centre, server.url)  # type: ignore[arg-type]
        _finish(w, server)
    finally:
        w.close()
    return {"runs": runs, "killed_mid_sync": killed, "finished_first": finished,
            "ledger_rows": len(w.model.ledger)}


def run_server_kills(server: CentreServer, root: Path, runs: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    w = _world(server, root, seed)
    station = w.replicas[0]
    starts = server.starts
    try:
        for _ in range(runs):
            _writes(w, rng, rng.randint(3, 10))
            w.bulk_receive(station, rng.randint(500, 3000), rng.randrange(1000))
            proc = _spawn_sync(station, server.url)
            time.sleep(rng.uniform(0.4, 2.0))
            server.restart_after_kill()
            proc.wait(120)  # the client retries, then gives up or finishes against the new process
            _check_ok(station)
        _finish(w, server)
    finally:
        w.close()
    return {"runs": runs, "server_restarts": server.starts - starts, "ledger_rows": len(w.model.ledger)}


def test_client_killed_during_sync_loses_and_doubles_nothing(sqlite_centre: CentreServer, tmp_path: Path) -> None:
    figures = run_client_kills(sqlite_centre, tmp_path / "w", runs=3, seed=11)
    assert figures["killed_mid_sync"] >= 1


def test_server_killed_during_sync_loses_and_doubles_nothing(own_sqlite_centre: CentreServer, tmp_path: Path) -> None:
    run_server_kills(own_sqlite_centre, tmp_path / "w", runs=1, seed=12)


@pytest.mark.postgres
def test_postgres_server_killed_during_sync(own_postgres_centre: CentreServer, tmp_path: Path) -> None:
    run_server_kills(own_postgres_centre, tmp_path / "w", runs=1, seed=13)


def _in_worlds(run: Callable[[Path, int, int], dict[str, int]], root: Path, runs: int, seed: int) -> dict[str, int]:
    """`runs` runs in fresh worlds of at most WORLD_RUNS runs each; the figures summed."""
    total: dict[str, int] = {}
    done = 0
    while done < runs:
        n = min(WORLD_RUNS, runs - done)
        figures = run(root / f"w{done}", n, seed + done)
        for key, value in figures.items():
            total[key] = total.get(key, 0) + value
        done += n
        long_log(f"  {done}/{runs} runs: {total}")
    return total


@pytest.mark.slow
def test_many_client_kills(sqlite_centre: CentreServer, tmp_path: Path) -> None:
    runs = int(os.environ.get("YTCS_KILL_RUNS", "1000"))
    started = time.monotonic()
    figures = _in_worlds(lambda root, n, seed: run_client_kills(sqlite_centre, root, runs=n, seed=seed),
                         tmp_path, runs, 101)
    long_log(f"client kills: {figures}, {time.monotonic() - started:.0f} s")


@pytest.mark.slow
def test_many_server_kills(own_sqlite_centre: CentreServer, tmp_path: Path) -> None:
    runs = max(1, int(os.environ.get("YTCS_KILL_RUNS", "1000")) // 10)
    started = time.monotonic()
    figures = _in_worlds(lambda root, n, seed: run_server_kills(own_sqlite_centre, root, runs=n, seed=seed),
                         tmp_path, runs, 102)
    long_log(f"server kills: {figures}, {time.monotonic() - started:.0f} s")
