"""The first pushes a fresh server handles, while another transaction holds the station's push lock on
PostgreSQL (a push of another of its PCs, through another worker): every connection of the pool is taken by
a push queued behind that lock. The push that gets the lock next must not need a second connection (the
server's identity is read at start-up), or it waits out the pool's wait and every push behind it stalls
with it."""

from __future__ import annotations

import threading
import time

import psycopg
import pytest
import requests

from tests.sync.conftest import pg_schema, start_server, stop_server
from tests.sync.server_helpers import station_device
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.server.push import station_lock_key
from ytcs_desktop.sync.server.store import ServerStore

POOL = 4
POOL_WAIT_S = 10.0
HELD_S = 1.0


def _push(url: str, token: str, out: list[tuple[int, float]]) -> None:
    started = time.monotonic()
    r = requests.post(f"{url}{p.API}/sync/push", data=p.dumps({"last_seq": 0}), timeout=60,
                      headers={p.PROTOCOL_HEADER: str(p.PROTOCOL_VERSION), "Authorization": f"Bearer {token}",
                               "Content-Type": "application/json"})
    out.append((r.status_code, time.monotonic() - started))


@pytest.mark.postgres
def test_pushes_queued_behind_a_held_lock_never_wait_out_the_pool() -> None:
    with pg_schema("ytcs_stall") as db_url:
        store = ServerStore(db_url)
        store.create_schema()
        proc, url = start_server(db_url)
        try:
            station = station_device(store, url)
        finally:
            stop_server(proc)
        # a fresh process: it has answered nothing yet (a sign-in would have read the server's id)
        proc, url = start_server(db_url, extra=("--db-connections", str(POOL), "--pool-wait", str(POOL_WAIT_S)))
        try:
            schema = db_url.split("search_path%3D")[1]
            with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test") as holder:
                holder.execute(f'SET search_path TO "{schema}"')
                assert station.station_id is not None
                holder.execute("SELECT pg_advisory_xact_lock(0, %s)", (station_lock_key(station.station_id),))
                answers: list[tuple[int, float]] = []
                pushers = [threading.Thread(target=_push, args=(url, station.token, answers))
                           for _ in range(2 * POOL)]  # a pool's worth queued on the lock, as many waiting for one
                for pusher in pushers:
                    pusher.start()
                time.sleep(HELD_S)
                holder.commit()  # the other transaction ends: the queue drains
            for pusher in pushers:
                pusher.join(timeout=60)
        finally:
            stop_server(proc)
            store.dispose()
    assert sorted(status for status, _ in answers) == [200] * 2 * POOL
    slowest = max(seconds for _, seconds in answers)
    assert slowest < HELD_S + 3.0, f"a push waited {slowest:.1f} s behind a lock held {HELD_S} s"
