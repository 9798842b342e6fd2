"""`ytcs centre serve --workers N`: several processes on one socket, one database, each within its share
of the connections the database can give; pushes from many stations at once through them lose and double
nothing. PostgreSQL (on SQLite the workers share one file, as one worker does)."""

from __future__ import annotations

import subprocess
import threading
import time
import uuid
from collections import Counter

import psycopg
import pytest

from tests.sync.conftest import pg_schema, start_server, stop_server
from tests.sync.server_helpers import centre_device, ledger_batch, pull_all, station_device
from ytcs_desktop.sync.server.store import DEFAULT_CONNECTIONS, ServerStore

PG = "host=127.0.0.1 port=5432 user=postgres dbname=test"


@pytest.mark.postgres
def test_the_connection_budget_fits_what_postgres_has_free() -> None:
    with pg_schema("ytcs_budget") as url:
        store = ServerStore(url)
        try:
            with psycopg.connect(PG) as conn:
                limit, reserved, used = conn.execute(
                    "SELECT current_setting('max_connections')::int, "
                    "current_setting('superuser_reserved_connections')::int, "
                    "(SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')").fetchone()
            free = limit - reserved - used
            for workers in (1, 2, 4, 16):
                budget = store.connection_budget(workers)
                assert workers <= budget <= DEFAULT_CONNECTIONS * workers
                assert budget <= max(workers, free * 3 // 4 + 2)  # +2: connections that came or went meanwhile
            assert store.connection_budget(16) < DEFAULT_CONNECTIONS * 16  # 480 would pass max_connections
        finally:
            store.dispose()


class _Peak(threading.Thread):
    """The most connections a server process held at once (by its application name)."""

    def __init__(self, name: str) -> None:
        super().__init__(daemon=True)
        self.name_ = name
        self.peak = 0
        self.done = threading.Event()

    def run(self) -> None:
        with psycopg.connect(PG, autocommit=True) as conn:
            while not self.done.is_set():
                row = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = %s",
                                   (self.name_,)).fetchone()
                self.peak = max(self.peak, int(row[0]) if row else 0)
                time.sleep(0.02)


@pytest.mark.postgres
def test_two_workers_share_the_load_within_their_budget_and_lose_nothing() -> None:
    name = f"ytcs_w_{uuid.uuid4().hex[:8]}"
    with pg_schema("ytcs_workers") as schema_url:
        url = f"{schema_url}&application_name={name}"  # the server's connections, told from this test's
        store = ServerStore(schema_url)
        store.create_schema()
        proc, server = start_server(url, extra=("--workers", "2", "--db-connections", "4"))
        peak = _Peak(name)
        try:
            workers = subprocess.run(["pgrep", "-P", str(proc.pid), "-f", "multiprocessing"], capture_output=True,
                                     text=True).stdout.split()
            assert len(workers) >= 2, workers
            stations = [station_device(store, server) for _ in range(6)]
            sent: list[str] = []
            failures: list[str] = []
            peak.start()

            def push(device: object, rounds: int) -> None:
                for n in range(rounds):
                    body, ids = ledger_batch(device, 10, first_q=1 + 10 * n)  # type: ignore[arg-type]
                    r = device.post("/sync/push", body)  # type: ignore[attr-defined]
                    if r.status_code != 200 or r.json()["results"] != "a" * 10:
                        failures.append(f"{r.status_code} {r.text[:200]}")
                    sent.extend(ids)

            pushers = [threading.Thread(target=push, args=(d, 8)) for d in stations]
            for pusher in pushers:
                pusher.start()
            for pusher in pushers:
                pusher.join(timeout=120)
            peak.done.set()
            peak.join(timeout=10)
            assert failures == []
            pulled = pull_all(centre_device(store, server), "stock_transactions")
        finally:
            peak.done.set()
            stop_server(proc)
            store.dispose()
    assert len(sent) == 6 * 8 * 10
    assert Counter(pulled) == Counter(sent)  # every row once: none lost, none doubled
    assert 1 <= peak.peak <= 4, f"the workers held {peak.peak} connections, over the 4 they were given"
