"""The centre behind PgBouncer in transaction mode (Debian's `pgbouncer`, started here like PostgreSQL is by
scripts/ensure-postgres.sh): two workers whose many client connections share a few server connections;
the schema is migrated through it, stations push and pull through it, and nothing is lost or doubled.
Transaction mode keeps no session between transactions: the server uses no session state (no prepared
statements, no SET), so each database of its own here, not a schema picked by search_path."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from tests.sync.conftest import _pg_available, start_server, stop_server
from tests.sync.server_helpers import Device, centre_device, ledger_batch, pull_all, station_device
from ytcs_desktop.sync.server.store import ServerStore

SERVER_CONNECTIONS = 3  # what PgBouncer opens to PostgreSQL for the centre's database, at most


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def bouncer(tmp_path: Path) -> Iterator[str]:
    """A database of its own behind a PgBouncer (transaction mode) of its own: its URL through PgBouncer."""
    binary = shutil.which("pgbouncer") or ("/usr/sbin/pgbouncer" if os.path.exists("/usr/sbin/pgbouncer") else None)
    if binary is None:
        pytest.skip("pgbouncer is not installed (Makefile APT_PACKAGES)")
    if not _pg_available():
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    database = f"ytcs_bouncer_{uuid.uuid4().hex[:8]}"
    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{database}"')
    port = _free_port()
    folder = tmp_path / "pgbouncer"
    folder.mkdir()
    (folder / "userlist.txt").write_text('"postgres" ""\n')
    (folder / "pgbouncer.ini").write_text(
        "[databases]\n"
        f"{database} = host=127.0.0.1 port=5432 dbname={database}\n"
        "[pgbouncer]\n"
        f"listen_addr = 127.0.0.1\nlisten_port = {port}\nunix_socket_dir =\n"
        f"auth_type = trust\nauth_file = {folder / 'userlist.txt'}\n"
        f"pool_mode = transaction\ndefault_pool_size = {SERVER_CONNECTIONS}\nmax_client_conn = 200\n"
        "ignore_startup_parameters = extra_float_digits\n")
    command = [binary, str(folder / "pgbouncer.ini")]
    if os.geteuid() == 0:  # it will not run as root
        os.chmod(tmp_path, 0o755)
        os.chmod(folder, 0o755)
        command[1:1] = ["-u", pwd.getpwnam("postgres").pw_name]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    said = proc.stdout.read() if proc.stdout else ""
                    raise RuntimeError(f"pgbouncer did not start: {said}") from None
                time.sleep(0.1)
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/{database}"
    finally:
        proc.terminate()
        try:
            proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
        with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


@pytest.mark.postgres
def test_the_centre_behind_pgbouncer_in_transaction_mode(bouncer: str) -> None:
    database = bouncer.rsplit("/", 1)[1]
    store = ServerStore(bouncer)
    store.create_schema()  # Alembic through PgBouncer
    proc, url = start_server(bouncer, extra=("--workers", "2", "--db-connections", "40"))
    try:
        stations = [station_device(store, url) for _ in range(8)]
        sent: list[str] = []
        failures: list[str] = []
        most = [0]
        stop = threading.Event()

        def watch() -> None:  # what PgBouncer opened to PostgreSQL for this database
            with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test", autocommit=True) as conn:
                while not stop.is_set():
                    row = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s",
                                       (database,)).fetchone()
                    most[0] = max(most[0], int(row[0]) if row else 0)
                    time.sleep(0.02)

        def push(device: Device) -> None:
            for n in range(6):
                body, ids = ledger_batch(device, 10, first_q=1 + 10 * n)
                r = device.post("/sync/push", body)
                if r.status_code != 200 or r.json()["results"] != "a" * 10:
                    failures.append(f"{r.status_code} {r.text[:200]}")
                sent.extend(ids)
                pull_all(device, "stock_transactions")  # pulls beside the pushes

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        pushers = [threading.Thread(target=push, args=(d,)) for d in stations]
        for pusher in pushers:
            pusher.start()
        for pusher in pushers:
            pusher.join(timeout=180)
        stop.set()
        watcher.join(timeout=10)
        assert failures == []
        pulled = pull_all(centre_device(store, url), "stock_transactions")
    finally:
        stop_server(proc)
        store.dispose()
    assert len(sent) == 8 * 6 * 10
    assert Counter(pulled) == Counter(sent)  # every row once
    assert 1 <= most[0] <= SERVER_CONNECTIONS + 1, most[0]  # +1: the pool's reserve/admin slack
