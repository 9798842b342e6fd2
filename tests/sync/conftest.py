"""Sync fixtures: a REAL centre server process (`ytcs centre serve`) on a free loopback port, over
SQLite and over PostgreSQL (a fresh schema per test session, dropped afterwards), and station
databases in tmp dirs. Accounts are made through the server's admin module on the same database the
server process uses, as `ytcs centre add-user` does."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Station
from ytcs_desktop.sync.client import SyncClient, SyncReport, login
from ytcs_desktop.sync.server import admin
from ytcs_desktop.sync.server.serve import READY_PREFIX
from ytcs_desktop.sync.server.store import ServerStore

FAST_HASH = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)  # tests only: logins stay fast
TEMPLATE: dict[str, Path] = {}
PG_BASE = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PASSWORD = "mật-khẩu-2026"
ROOT = Path(__file__).resolve().parents[2]


def _pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test", connect_timeout=2):
            return True
    except Exception:
        return False


@dataclass
class Replica:
    """A station (or centre) database with its device token at the centre."""

    db: Database
    token: str
    device_id: str
    url: str
    station_id: str | None
    code: str | None = None

    def client(self, **kw: Any) -> SyncClient:
        return SyncClient(self.db, self.url, self.token, **kw)

    def sync(self, **kw: Any) -> SyncReport:
        client = self.client(**kw)
        try:
            return client.sync()
        finally:
            client.close()


@dataclass
class Centre:
    url: str
    db_url: str
    store: ServerStore
    proc: subprocess.Popen[str]
    tmp: Path
    made: list[Database] = field(default_factory=list)

    def admin(self, work: Any) -> Any:
        with self.store.write() as conn:
            return work(conn)

    def station(self, name: str = "st", *, pcs: int = 1) -> list[Replica]:
        """A station registered at the centre, with `pcs` database copies (PCs) logged in."""
        sid = new_id()
        code = f"TYT-{uuid.uuid4().hex[:6].upper()}"
        username = f"u-{code.lower()}"
        self.admin(lambda c: admin.add_station(c, code, f"Trạm Y tế {name}", sid))
        self.admin(lambda c: admin.add_user(c, username, PASSWORD, "station", code, FAST_HASH))
        replicas = []
        for n in range(pcs):
            db = new_db(self.tmp / f"{name}-{code}-{n}.sqlite3", station_id=sid, role="station")
            self.made.append(db)
            if n == 0:
                with db.transaction() as s:
                    s.add(Station(id=sid, station_id=sid, code=code, name=f"Trạm Y tế {name}"))
            answer = login(self.url, username, PASSWORD, device_name=f"{name}-{n}", station_id=sid,
                           replica_id=db.replica_id)
            replicas.append(Replica(db, answer.token, answer.device_id, self.url, sid, code))
        return replicas

    def centre_replica(self, name: str = "centre") -> Replica:
        username = f"c-{uuid.uuid4().hex[:6]}"
        self.admin(lambda c: admin.add_user(c, username, PASSWORD, "centre", None, FAST_HASH))
        db = new_db(self.tmp / f"{name}-{username}.sqlite3", role="centre")
        self.made.append(db)
        answer = login(self.url, username, PASSWORD, device_name=name, replica_id=db.replica_id)
        return Replica(db, answer.token, answer.device_id, self.url, None)


def new_db(path: Path, station_id: str | None = None, role: str = "station") -> Database:
    """What `Database.create` makes, from a migrated template file (migrations take most of a second)."""
    if "file" not in TEMPLATE:
        template = Path(tempfile.mkdtemp(prefix="ytcs-template-")) / "template.sqlite3"
        made = Database(template)
        made.migrate()
        made.close()
        with closing(sqlite3.connect(template)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("PRAGMA journal_mode = DELETE")
        TEMPLATE["file"] = template
    shutil.copyfile(TEMPLATE["file"], path)
    db = Database(path)
    with db.transaction() as s:
        db.set_meta(s, "replica_id", new_id())
        db.set_meta(s, "role", role)
        if station_id:
            db.set_meta(s, "station_id", station_id)
    return db


def launch_server(command: list[str], env: dict[str, str] | None = None,
                  cwd: Path = ROOT) -> tuple[subprocess.Popen[str], str]:
    """A `ytcs centre serve` process started by `command`; returns it with the URL of its ready line."""
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd,
                            env={**os.environ, **(env or {})})
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line.startswith(READY_PREFIX):
        proc.kill()
        _, err = proc.communicate(timeout=10)
        raise RuntimeError(f"centre server did not start: {line!r} {err}")
    return proc, line[len(READY_PREFIX):].split()[0]


def start_server(db_url: str, env: dict[str, str] | None = None,
                 extra: tuple[str, ...] = ()) -> tuple[subprocess.Popen[str], str]:
    return launch_server([sys.executable, "-m", "ytcs_desktop", "centre", "serve", "--database", db_url,
                          "--host", "127.0.0.1", "--port", "0", *extra], env)


def stop_server(proc: subprocess.Popen[str]) -> None:
    proc.terminate()
    try:
        proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server_db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('centre') / 'centre.sqlite3'}"
        return
    with pg_schema("ytcs_test") as url:
        yield url


@contextmanager
def pg_schema(prefix: str) -> Iterator[str]:
    """A PostgreSQL schema of its own (skipped where no server runs), dropped afterwards: its URL."""
    if not _pg_available():
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    import psycopg

    schema = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test", autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{PG_BASE}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=test", autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(scope="session")
def centre_server(server_db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Centre]:
    store = ServerStore(server_db_url)
    store.create_schema()
    proc, url = start_server(server_db_url)
    centre = Centre(url, server_db_url, store, proc, tmp_path_factory.mktemp("replicas"))
    try:
        yield centre
    finally:
        stop_server(proc)
        store.dispose()


@pytest.fixture
def centre(centre_server: Centre, tmp_path: Path) -> Iterator[Centre]:
    """The session's server, with replicas made in this test's tmp dir and closed after it."""
    view = Centre(centre_server.url, centre_server.db_url, centre_server.store, centre_server.proc, tmp_path)
    try:
        yield view
    finally:
        for db in view.made:
            db.close()
