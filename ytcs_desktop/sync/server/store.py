"""The centre server's database: one engine over SQLite (default) or PostgreSQL, the same code.

Server sequence numbers (`server_seq`, the pull cursor) are given out so that a puller never skips a row
committed late (`take_seqs`, `committed_top`):
- SQLite: from one counter row (`seq`) under the database's one write lock, so they become visible in
  commit order and every number up to the counter is committed.
- PostgreSQL: from the writing transaction's own id, `floor + (xid << SEQ_SHIFT) + n`, with no lock that
  another station's push waits for, so pushes of different stations write and commit side by side. Every
  write transaction of the server announces itself first, before anything can give it an id, by taking
  `ROW EXCLUSIVE` on `ytcs_rows` (`write`), a lock no writer waits for. The commit-order watermark
  (`committed_top`) is then the lowest id among the announced transactions still running, or the next id
  to be given if there is none: every writer below it has ended and every one still to commit has an id
  at or above it, so a puller reads only numbers below the watermark's and never skips one. Transactions
  of other programs and other schemas do not hold pullers back. `floor` (meta `seq_floor`) lifts these
  numbers above those the counter gave out before, so cursors held by stations stay valid.

The server's identity (its id and clock) is read once at start-up (`create_schema`): a push never opens
a second connection in the middle of its transaction, which would wait for a free one in a pool full of
pushes queued behind a station's lock.

Connections: a worker holds at most `connections` (its share of the database's limit, see
`connection_budget`); a request that finds none free within `pool_wait_s` is answered 503 with
Retry-After (app.py) instead of waiting in line for the 30 s a pool waits by default. Nothing depends on
a session's state (no server-side prepared statements, no session settings), so PostgreSQL may also be
reached through PgBouncer in transaction mode.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, select, text, update
from sqlalchemy.engine import make_url

from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.files import private_database
from ytcs_desktop.store.hlc import HybridClock
from ytcs_desktop.sync.server import schema as t

# Requests a worker serves at once (app.py); the others wait their turn in its event loop. A request is
# mostly Python holding the one interpreter lock between short database round trips: 40 threads taking
# turns at it (anyio's default) served fewer pushes a second than 8 (docs/SCALE.md).
REQUEST_THREADS = 8
DEFAULT_CONNECTIONS = REQUEST_THREADS  # one worker's connections to PostgreSQL: one a request at most
DEFAULT_POOL_WAIT_S = 5.0  # then the request is answered 503 "busy, come back later"
# PostgreSQL: numbers one transaction may give out (a push of 64 MB holds a few hundred thousand rows);
# 63 bits leave 2**39 transaction ids above the floor
SEQ_SHIFT = 24
_GIVEN = "ytcs_seq_given"  # conn.info: (this transaction's id, numbers it has given out)
_ANNOUNCED = "ytcs_announced"  # conn.info: this transaction began with `_ANNOUNCE`
_ANNOUNCE = f"LOCK TABLE {t.rows.name} IN ROW EXCLUSIVE MODE"
# The next id to be given, read first (the subquery fence), then the (32-bit) ids of the announced writers,
# from one consistent copy of the lock table.
_WATERMARK = ("SELECT s.next_id, (SELECT array_agg(w.transactionid::text::bigint) FROM pg_locks r "
              "JOIN pg_locks w ON w.pid = r.pid "
              f"WHERE r.locktype = 'relation' AND r.relation = '{t.rows.name}'::regclass "
              "AND r.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
              "AND r.mode = 'RowExclusiveLock' AND w.locktype = 'transactionid' AND w.mode = 'ExclusiveLock' "
              "AND w.granted AND s.next_id IS NOT NULL) "
              "FROM (SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS next_id OFFSET 0) AS s")


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def _sqlite_engine(url: str, begin: str) -> Engine:
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout = 30000")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(begin)

    return engine


class ServerStore:
    """Engines, the schema (migrated), bookkeeping values and the centre's clock."""

    def __init__(self, url: str, *, connections: int = DEFAULT_CONNECTIONS,
                 pool_wait_s: float = DEFAULT_POOL_WAIT_S) -> None:
        self.url = url
        self.connections = max(1, connections)
        self.pool_wait_s = pool_wait_s
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        if self.is_sqlite:
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
                private_database(Path(parsed.database))  # password hashes, token digests: owner only
            self.engine = _sqlite_engine(url, "BEGIN IMMEDIATE")
            self.read_engine = _sqlite_engine(url, "BEGIN")
        else:
            if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
                url = str(parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False))
            # No server-side prepared statements: a generic plan made while a table was small (no
            # statistics yet) would keep scanning it whole as it grows.
            kept = min(10, self.connections)
            self.engine = create_engine(url, pool_size=kept, max_overflow=self.connections - kept,
                                        pool_timeout=pool_wait_s, pool_pre_ping=True,
                                        connect_args={"prepare_threshold": None})
            # A read is one statement or a few that need no common snapshot (the pull reads its watermark
            # before its rows on purpose): run outside a transaction, with no BEGIN and COMMIT round trips.
            self.read_engine = self.engine.execution_options(isolation_level="AUTOCOMMIT")
        self._server_id: str | None = None
        self._clock: HybridClock | None = None
        self._floor = 0

    def create_schema(self) -> None:
        """Bring the schema to head (Alembic, sync/server/migrate.py) and add the bookkeeping rows.

        A database already at head (every start but the first after an update) skips Alembic, whose
        environment takes a good part of a cold start: one read of the version table decides.
        """
        from ytcs_desktop.sync.server import migrate

        with self.read_engine.connect() as conn:
            at_head = migrate.stored_revisions(conn) == migrate.head_revisions()
        if not at_head:
            migrate.upgrade_head(self.engine)
        with self.engine.begin() as conn:
            for key, value in (("server_id", new_id()), ("seq", "0"), ("tombstone_horizon", "0")):
                if conn.scalar(select(t.server_meta.c.value).where(t.server_meta.c.key == key)) is None:
                    conn.execute(t.server_meta.insert().values(key=key, value=value))
            if not self.is_sqlite and self.meta(conn, "seq_floor") is None:
                # above every number the counter gave out before, and every row held
                held = conn.scalar(select(func.max(t.rows.c.server_seq))) or 0
                self.set_meta(conn, "seq_floor", str(max(int(self.meta(conn, "seq") or 0), int(held))))
        self.load_identity()

    def load_identity(self) -> str:
        """Read the server's id (and so its clock's replica id) now, outside any request."""
        with self.read() as conn:
            value = self.meta(conn, "server_id")
        if value is None:
            raise RuntimeError("server schema not created")
        self._server_id = value
        self._clock = HybridClock(f"centre.{value[-12:]}")
        if not self.is_sqlite:
            with self.read() as conn:
                self._floor = int(self.meta(conn, "seq_floor") or 0)
        return value

    def dispose(self) -> None:
        self.engine.dispose()
        if self.is_sqlite:  # PostgreSQL's reads share the engine's pool
            self.read_engine.dispose()

    @contextmanager
    def write(self, queue: int | None = None) -> Iterator[Connection]:
        """A write transaction. `queue`: an advisory lock key to wait for first (the pushes of one station
        go one after another, push.py); on PostgreSQL it is taken together with the announcement and the
        transaction's id, in one round trip."""
        with self.engine.begin() as conn:
            if self.is_sqlite:
                yield conn
                return
            if queue is None:
                conn.exec_driver_sql(_ANNOUNCE)  # before any statement can give it an id (see the top)
            else:  # no parameters, so one message of several statements (the key is a number)
                driver: Any = conn.connection.driver_connection
                cursor = driver.execute(f"{_ANNOUNCE}; SELECT pg_advisory_xact_lock(0, {int(queue)}), "
                                        "pg_current_xact_id()::text::bigint")
                cursor.nextset()
                conn.info[_GIVEN] = (int(cursor.fetchone()[1]), 0)
            conn.info[_ANNOUNCED] = True
            try:
                yield conn
            finally:
                conn.info.pop(_ANNOUNCED, None)
                conn.info.pop(_GIVEN, None)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.read_engine.begin() as conn:
            yield conn

    # ----- bookkeeping -------------------------------------------------------------------------
    @staticmethod
    def meta(conn: Connection, key: str, lock: bool = False) -> str | None:
        stmt = select(t.server_meta.c.value).where(t.server_meta.c.key == key)
        if lock:
            stmt = stmt.with_for_update()
        return conn.scalar(stmt)

    @staticmethod
    def set_meta(conn: Connection, key: str, value: str) -> None:
        done = conn.execute(update(t.server_meta).where(t.server_meta.c.key == key).values(value=value))
        if done.rowcount == 0:
            conn.execute(t.server_meta.insert().values(key=key, value=value))

    @property
    def server_id(self) -> str:
        return self._server_id or self.load_identity()  # read at start-up; here only for tools

    @property
    def clock(self) -> HybridClock:
        """The centre's clock: stamps re-stamped changes; a station never moves it forward."""
        if self._clock is None:
            self.load_identity()
        assert self._clock is not None
        return self._clock

    def connection_budget(self, workers: int) -> int:
        """The connections the whole server may hold, over all its workers: 8 a worker, but at most three
        quarters of what PostgreSQL has free now (max_connections less the superuser reserve and the
        connections open), leaving room for the admin commands and other clients. At least one a worker.
        SQLite has no such limit."""
        wanted = DEFAULT_CONNECTIONS * workers
        if self.is_sqlite:
            return wanted
        with self.engine.connect() as conn:
            limit, reserved, used = conn.execute(text(
                "SELECT current_setting('max_connections')::int, "
                "current_setting('superuser_reserved_connections')::int, "
                "(SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')")).one()
        free = int(limit) - int(reserved) - int(used)
        return max(workers, min(wanted, free * 3 // 4))

    # ----- sequence numbers (see the top of this module) ---------------------------------------
    def take_seqs(self, conn: Connection, count: int) -> int:
        """The first of `count` fresh server sequence numbers for rows this transaction writes."""
        if self.is_sqlite:
            counter = int(self.meta(conn, "seq", lock=True) or 0)
            self.set_meta(conn, "seq", str(counter + count))
            return counter + 1
        if not conn.info.get(_ANNOUNCED):
            raise RuntimeError("rows are written in a transaction begun by ServerStore.write()")
        if self._server_id is None:
            self.load_identity()  # read at start-up; here only for tools
        given = conn.info.get(_GIVEN)  # this transaction's (ended ones are dropped by `write`)
        if given is None:
            given = (int(conn.exec_driver_sql("SELECT pg_current_xact_id()::text::bigint").scalar_one()), 0)
        xid, used = given
        if used + count >= 1 << SEQ_SHIFT:
            raise RuntimeError(f"one transaction may write at most {(1 << SEQ_SHIFT) - 1} rows")
        conn.info[_GIVEN] = (xid, used + count)
        return self._floor + (xid << SEQ_SHIFT) + used + 1

    def committed_top(self, conn: Connection) -> int:
        """The highest number a puller may read up to: every row at or below it is committed, and no
        transaction still running or yet to start writes one there."""
        if self.is_sqlite:
            return int(self.meta(conn, "seq") or 0)
        if self._server_id is None:
            self.load_identity()
        next_id, writers = conn.exec_driver_sql(_WATERMARK).one()
        low = int(next_id)
        for short in writers or ():
            full = (int(next_id) & ~0xFFFF_FFFF) | int(short)  # the lock table shows ids without their epoch
            low = min(low, full - (1 << 32) if full > next_id else full)
        return self._floor + (low << SEQ_SHIFT) - 1

    def tombstone_horizon(self, conn: Connection) -> int:
        return int(self.meta(conn, "tombstone_horizon") or 0)
