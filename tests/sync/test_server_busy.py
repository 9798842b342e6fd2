"""A busy centre says so: when no database connection frees up within the pool's short wait, the server
answers 503 with Retry-After (not a 30-second hang, not a 500), and the station's client waits as long as
it was asked, then syncs. On PostgreSQL, with a one-connection pool held by a push queued behind a lock
another transaction holds."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
import requests

from tests.sync.conftest import Centre, pg_schema, start_server, stop_server
from tests.sync.helpers import add_item
from tests.sync.server_helpers import station_device
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.server.errors import BUSY_RETRY_S
from ytcs_desktop.sync.server.push import station_lock_key
from ytcs_desktop.sync.server.store import ServerStore


@contextmanager
def _centre(tmp_path: Path) -> Iterator[Centre]:
    """A centre that holds at most one database connection and waits 0.3 s for it."""
    with pg_schema("ytcs_busy") as db_url:
        store = ServerStore(db_url)
        store.create_schema()
        proc, url = start_server(db_url, extra=("--db-connections", "1", "--pool-wait", "0.3"))
        try:
            yield Centre(url, db_url, store, proc, tmp_path)
        finally:
            stop_server(proc)
            store.dispose()


@contextmanager
def _busy(centre: Centre) -> Iterator[psycopg.Connection]:
    """The centre's one connection taken by a push waiting for the push lock, which the connection yielded
    holds until it ends its transaction."""
    blocker = station_device(centre.store, centre.url)
    schema = centre.db_url.split("search_path%3D")[1]
    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test") as holder:
        holder.execute(f'SET search_path TO "{schema}"')
        assert blocker.station_id is not None
        holder.execute("SELECT pg_advisory_xact_lock(0, %s)", (station_lock_key(blocker.station_id),))
        queued = threading.Thread(target=blocker.post, args=("/sync/push", {"last_seq": 0}))
        queued.start()
        time.sleep(0.5)  # it holds the pool's one connection now, waiting for the lock
        try:
            yield holder
        finally:
            holder.rollback()
            queued.join(timeout=30)


@pytest.mark.postgres
def test_a_busy_centre_answers_503_with_retry_after(tmp_path: Path) -> None:
    with _centre(tmp_path) as centre, _busy(centre):
        started = time.monotonic()
        r = requests.get(f"{centre.url}{p.API}/health", timeout=30)
        assert r.status_code == 200  # no database needed
        r = requests.get(f"{centre.url}{p.API}/sync/hello", timeout=30,
                         headers={p.PROTOCOL_HEADER: "3", "Authorization": "Bearer whatever"})
        assert r.status_code == 503 and r.headers["Retry-After"] == str(BUSY_RETRY_S)
        body = r.json()
        assert body["code"] == "server_busy" and body["retry_after_s"] == BUSY_RETRY_S and body["message_vi"]
        assert time.monotonic() - started < 5


@pytest.mark.postgres
def test_the_station_waits_as_long_as_it_is_asked_then_syncs(tmp_path: Path) -> None:
    with _centre(tmp_path) as centre:
        station = centre.station("busy")[0]
        add_item(station.db)
        with _busy(centre) as holder:
            release = threading.Timer(1.0, holder.rollback)  # the other transaction ends a second later
            release.start()
            started = time.monotonic()
            report = station.sync(backoff_s=0.05)
            elapsed = time.monotonic() - started
            release.join()
        assert report.complete and report.pushed >= 1
        assert report.retries >= 1
        assert elapsed >= BUSY_RETRY_S, f"retried after {elapsed:.1f} s, before the {BUSY_RETRY_S} s asked"
        station.db.close()
