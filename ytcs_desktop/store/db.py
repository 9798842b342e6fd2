"""The one module that owns the database: engine, sessions, transactions, migrations, the clock.

SQLite runs in WAL mode with foreign keys on and synchronous=FULL (a power cut at a station must not
lose an acknowledged write). Write transactions start with BEGIN IMMEDIATE so two writers queue on the
busy timeout instead of failing halfway.
"""

from __future__ import annotations

import ast
import logging
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from ytcs_desktop import __version__
from ytcs_desktop.store import models
from ytcs_desktop.store.backup import backup_before_migration, put_back
from ytcs_desktop.store.base import SyncMixin, new_id
from ytcs_desktop.store.capture import (
    TRIGGER_PREFIX,
    drop_capture_triggers,
    insert_only_tables,
    install_capture_triggers,
    syncable_tables,
    trigger_sql,
)
from ytcs_desktop.store.errors import KnownStoreError, NewerDatabaseError, NotInitialisedError, UpgradeFailedError
from ytcs_desktop.store.hlc import WALL_DIGITS, HybridClock

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 15_000
CACHE_SIZE_KIB = -65_536  # negative: KiB, not pages
WRITTEN_BY = "schema_written_by"  # the program version that last upgraded the file
CLOCK_SETTLED_SEQ = "hlc_settled_seq"  # outbox rows up to here are stamped by a clock since corrected


def _make_engine(path: Path, begin: str) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA synchronous = FULL")
        # 64 MB page cache per connection (SQLite's default is 2 MB): a delivery note of thousands of
        # lines touches ledger, lot and outbox index pages far beyond 2 MB. Pages are taken only as used.
        cur.execute(f"PRAGMA cache_size = {CACHE_SIZE_KIB}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(begin)

    return engine


VERSIONS = Path(__file__).resolve().parent / "migrations" / "versions"
_REVISION = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.MULTILINE)


@cache
def _script_revisions() -> tuple[frozenset[str], frozenset[str]]:
    """Every revision the shipped migration scripts name, and those another script revises, read from
    their text without importing Alembic."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for script in VERSIONS.glob("*.py"):
        found = dict(_REVISION.findall(script.read_text(encoding="utf-8")))
        if "revision" not in found:
            continue
        revisions.add(str(ast.literal_eval(found["revision"])))
        down = ast.literal_eval(found.get("down_revision", "None"))
        revised.update(down if isinstance(down, tuple | list) else [down] if down else [])
    return frozenset(revisions), frozenset(revised)


def head_revisions() -> frozenset[str]:
    """The head revisions of the shipped scripts: the revisions no other script revises. Empty if the
    scripts cannot be read (then the caller migrates, which is always safe)."""
    revisions, revised = _script_revisions()
    return revisions - revised


def known_revisions() -> frozenset[str]:
    return _script_revisions()[0]


@cache
def _capture_sql() -> list[str]:
    """The capture triggers this version makes, as SQLite keeps their text (sorted)."""
    insert_only = insert_only_tables()
    return sorted(stmt for table in syncable_tables() for stmt in trigger_sql(table, table.name in insert_only))


class Database:
    """A station (or centre replica) database file.

    Use `transaction()` for writes (one commit, or nothing) and `read()` for queries. Every syncable
    row written through a session is stamped with this replica's hybrid logical clock.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.engine = _make_engine(self.path, "BEGIN IMMEDIATE")
        self.read_engine = _make_engine(self.path, "BEGIN")
        self._writer = sessionmaker(self.engine, expire_on_commit=False)
        self._reader = sessionmaker(self.read_engine, expire_on_commit=False)
        self._clock: HybridClock | None = None
        self._meta_cache: dict[str, str] = {}

    # ----- opening and creating -------------------------------------------------------------
    @classmethod
    def open(cls, path: Path) -> Database:
        if not Path(path).exists():
            raise NotInitialisedError(str(path))
        db = cls(path)
        db.migrate()
        return db

    @classmethod
    def create(cls, path: Path, station_id: str | None = None, role: str = "station") -> Database:
        """A new database file with the schema at head and this replica's identity."""
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        db = cls(path)
        db.migrate()
        with db.transaction() as s:
            db.set_meta(s, "replica_id", new_id())
            db.set_meta(s, "role", role)
            if station_id:
                db.set_meta(s, "station_id", station_id)
        db._clock = None
        return db

    def migrate(self) -> None:
        """Bring the schema to head with capture off, then (re)install the capture triggers.

        A file already at head (every start but the first after an update) skips Alembic, whose
        environment takes a good part of a cold start; its triggers are re-made only if they differ.
        A file written by a newer program is refused before anything is written to it. An existing
        file is copied to the backups folder first and put back if the upgrade fails half-way.
        """
        stored = self.stored_revisions()
        if stored and stored == head_revisions():
            with self.read_engine.connect() as conn:  # no write lock unless something must change
                installed = sorted(conn.exec_driver_sql(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?",
                    (f"{TRIGGER_PREFIX}%",)).scalars())
            if installed != _capture_sql():
                with self.engine.begin() as conn:
                    install_capture_triggers(conn)
            return
        if stored - known_revisions():
            raise NewerDatabaseError(str(self.path), self._written_by())
        from ytcs_desktop.store.migrate import upgrade_head

        backup = None
        if self._has_tables():
            backup = backup_before_migration(self.path, "-".join(sorted(stored)) or "unversioned")
        try:
            with self.engine.begin() as conn:
                drop_capture_triggers(conn)
            upgrade_head(self.engine)
            with self.engine.begin() as conn:
                install_capture_triggers(conn)
                conn.exec_driver_sql("INSERT OR REPLACE INTO sync_meta (key, value) VALUES (?, ?)",
                                     (WRITTEN_BY, __version__))
        except BaseException as exc:
            if backup is not None:
                self.engine.dispose()
                self.read_engine.dispose()
                put_back(backup, self.path)
            if isinstance(exc, Exception) and not isinstance(exc, KnownStoreError):
                log.exception("upgrading %s failed", self.path)
                raise UpgradeFailedError(str(self.path), str(backup) if backup else None,
                                         type(exc).__name__) from exc
            raise

    def stored_revisions(self) -> frozenset[str]:
        """The schema revisions recorded in the file (empty for a new file), read without writing."""
        with self.read_engine.connect() as conn:
            if not conn.exec_driver_sql(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").first():
                return frozenset()
            return frozenset(row[0] for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version"))

    def _has_tables(self) -> bool:
        with self.read_engine.connect() as conn:
            return conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").first() is not None

    def _written_by(self) -> str | None:
        """The program version that last upgraded this file, if it says (a newer schema may differ)."""
        try:
            with self.read_engine.connect() as conn:
                row = conn.exec_driver_sql("SELECT value FROM sync_meta WHERE key = ?", (WRITTEN_BY,)).first()
        except DBAPIError:
            return None
        return str(row[0]) if row else None

    def at_head(self) -> bool:
        """Whether the schema revision stored in the file is the newest the shipped scripts know."""
        heads = head_revisions()
        return bool(heads) and self.stored_revisions() == heads

    def close(self) -> None:
        self.engine.dispose()
        self.read_engine.dispose()

    # ----- sessions ---------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back on any exception."""
        session = self._writer()
        session.info["db"] = self
        try:
            with session.begin():
                yield session
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = self._reader()
        try:
            with session.begin():
                yield session
        finally:
            session.close()

    @contextmanager
    def applying_remote(self) -> Iterator[Session]:
        """A write transaction for rows pulled from the centre: not captured (echo suppression),
        not re-stamped (they keep the writer's clock)."""
        with self.transaction() as session:
            session.info["remote"] = True
            session.execute(text("INSERT INTO sync_capture_pause (token) VALUES (1)"))
            yield session
            session.flush()
            session.execute(text("DELETE FROM sync_capture_pause"))

    # ----- identity, meta and the clock ------------------------------------------------------
    def meta(self, key: str, default: str | None = None) -> str | None:
        if key in self._meta_cache:
            return self._meta_cache[key]
        with self.read() as s:
            value = s.scalar(select(models.SyncMeta.value).where(models.SyncMeta.key == key))
        if value is not None and key in ("replica_id", "station_id", "role"):
            self._meta_cache[key] = value
        return default if value is None else value

    def set_meta(self, session: Session, key: str, value: str) -> None:
        session.merge(models.SyncMeta(key=key, value=value))
        self._meta_cache.pop(key, None)

    @property
    def replica_id(self) -> str:
        value = self.meta("replica_id")
        if value is None:
            raise NotInitialisedError(str(self.path))
        return value

    @property
    def station_id(self) -> str | None:
        return self.meta("station_id")

    @property
    def role(self) -> str:
        return self.meta("role") or "station"

    @property
    def clock(self) -> HybridClock:
        if self._clock is None:
            with self.read() as s:
                settled = s.scalar(select(models.SyncMeta.value).where(models.SyncMeta.key == CLOCK_SETTLED_SEQ))
                last_outbox = s.scalar(text("SELECT max(hlc) FROM sync_outbox WHERE seq > :q"),
                                       {"q": int(settled or 0)})
                high = s.scalar(select(models.SyncMeta.value).where(models.SyncMeta.key == "hlc_high"))
                offset = s.scalar(select(models.SyncMeta.value).where(models.SyncMeta.key == "clock_offset_ms"))
            last = max((v for v in (last_outbox, high) if v), default=None)
            self._clock = HybridClock(self.replica_id, last=last, offset_ms=int(offset or 0))
        return self._clock

    def settle_clock(self, acked_seq: int, limit_ms: int) -> bool:
        """Stop stamping from the future once the clock is right again (SYNC.md "Clock").

        A wall clock set years ahead leaves the last stamp years ahead, and a hybrid clock never goes
        back by itself: every later change would be re-stamped by the centre and the station flagged
        for ever. Once physical time (wall + the offset learned from `hello`) is right, and every
        outbox row stamped beyond `limit_ms` is acknowledged (`acked_seq`: the centre re-stamped those,
        so nothing compares against their stamps any more), the clock drops the far-future stamp.
        Later stamps still sort after every stamp the centre kept as written. True when dropped.
        """
        clock = self.clock
        if not clock.ahead_by_more_than(limit_ms):
            return False
        with self.transaction() as s:  # BEGIN IMMEDIATE: no change is stamped while this decides
            horizon = f"{clock.physical_ms() + limit_ms:0{WALL_DIGITS}d}"
            if s.scalar(text("SELECT 1 FROM sync_outbox WHERE seq > :q AND hlc > :h LIMIT 1"),
                        {"q": acked_seq, "h": horizon}):
                return False  # still to be pushed: a later stamp must sort after it until re-stamped
            kept = s.scalar(text("SELECT max(hlc) FROM sync_outbox WHERE hlc <= :h"), {"h": horizon})
            top = s.scalar(text("SELECT max(seq) FROM sync_outbox"))
            if not clock.settle(limit_ms, floor=kept):
                return False
            # Reopening must not read the forgotten stamps back from the outbox.
            self.set_meta(s, CLOCK_SETTLED_SEQ, str(int(top or 0)))
            self.set_meta(s, "hlc_high", clock.last)
        return True


@event.listens_for(Session, "before_flush")
def _stamp_sync_columns(session: Session, _ctx: Any, _instances: Any) -> None:
    """Stamp every new or changed syncable row with the clock and origin of this replica."""
    db = session.info.get("db")
    if db is None or session.info.get("remote"):
        return
    changed = [
        obj
        for obj in list(session.new) + [o for o in session.dirty if session.is_modified(o)]
        if isinstance(obj, SyncMixin)
    ]
    if changed:
        # Take the write lock first (BEGIN IMMEDIATE), so no stamp is taken outside it (see settle_clock).
        session.connection()
        clock = db.clock
        origin = db.replica_id
        for obj in changed:
            obj.hlc = clock.now()
            obj.origin = origin
            obj.sync_state = "pending"
            obj.sync_reason = None
    for obj in session.deleted:
        if isinstance(obj, SyncMixin):
            raise RuntimeError(
                f"hard delete of a syncable row ({type(obj).__name__}): set `deleted` (tombstone) instead"
            )

