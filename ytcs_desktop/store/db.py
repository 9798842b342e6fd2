"""The one module that owns the database: engine, sessions, transactions, migrations, the clock.

SQLite runs in WAL mode with foreign keys on and synchronous=FULL (a power cut at a station must not
lose an acknowledged write). Write transactions start with BEGIN IMMEDIATE so two writers queue on the
busy timeout instead of failing halfway.
"""

from __future__ import annotations

import datetime as dt
import errno
import logging
import re
import shutil
import socket
import sqlite3
import threading
import urllib.parse
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
from ytcs_desktop.store.audit import TRIGGER_PREFIX as AUDIT_PREFIX
from ytcs_desktop.store.audit import all_audit_trigger_sql, drop_audit_triggers, install_audit_triggers
from ytcs_desktop.store.backup import backup_before_migration, backup_folder, put_back
from ytcs_desktop.store.base import SyncMixin, new_id
from ytcs_desktop.store.capture import (
    TRIGGER_PREFIX,
    drop_capture_triggers,
    insert_only_tables,
    install_capture_triggers,
    syncable_tables,
    trigger_sql,
)
from ytcs_desktop.store.carried import TRIGGER_PREFIX as CARRY_PREFIX
from ytcs_desktop.store.carried import (
    carried_trigger_sql,
    carry_all,
    drop_carried_triggers,
    install_carried_triggers,
)
from ytcs_desktop.store.errors import (
    DamagedDatabaseError,
    DatabaseLockedError,
    DiskFullError,
    DiskReadError,
    KnownStoreError,
    NewerDatabaseError,
    NotInitialisedError,
    UpgradeFailedError,
)
from ytcs_desktop.store.files import private_database
from ytcs_desktop.store.hlc import WALL_DIGITS, HybridClock
from ytcs_desktop.store.revisions import script_heads, script_revisions

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


def head_revisions() -> frozenset[str]:
    """The head revisions of the shipped scripts: the revisions no other script revises. Empty if the
    scripts cannot be read (then the caller migrates, which is always safe)."""
    return script_heads(VERSIONS)


def known_revisions() -> frozenset[str]:
    return script_revisions(VERSIONS)[0]


# ----- what SQLite and the disk say, as the user can act on it ---------------------------------------
LOW_SPACE = 2_000_000  # an I/O error with less free space than this (plus what is needed) is a full disk
_DAMAGED = ("malformed", "not a database", "file is encrypted", "database corrupt")
_DAMAGED_CODES = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def newest_backup(db_path: Path) -> tuple[Path, dt.datetime] | None:
    """The newest copy in the backups folder beside the database, and when it was written."""
    try:
        copies = [(p.stat().st_mtime, p) for p in backup_folder(db_path).glob("*.sqlite3") if p.is_file()]
    except OSError:
        return None
    if not copies:
        return None
    mtime, path = max(copies)
    return path, dt.datetime.fromtimestamp(mtime)


def damaged(db_path: Path, detail: str) -> DamagedDatabaseError:
    """The damaged-file error, naming the newest backup to restore if there is one."""
    found = newest_backup(db_path)
    folder = str(backup_folder(db_path))
    if found is None:
        return DamagedDatabaseError(str(db_path), detail, backups=folder)
    return DamagedDatabaseError(str(db_path), detail, str(found[0]), f"{found[1]:%Y-%m-%d %H:%M}", folder)


def disk_full(folder: Path, needed: int | None = None) -> DiskFullError:
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        free = 0
    return DiskFullError(str(folder), free, needed)


def _free_space(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def known_error(exc: BaseException, db_path: Path, needed: int | None = None) -> KnownStoreError | None:
    """What a SQLite or OS error means for the user (a damaged file, a full disk, a locked file), or
    None for anything else (a bug, a constraint the domain should have caught)."""
    if isinstance(exc, KnownStoreError):
        return exc
    cause: BaseException = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    db_path = Path(db_path)
    folder = db_path.parent
    if isinstance(cause, OSError):
        if cause.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return disk_full(Path(cause.filename).parent if cause.filename else folder, needed)
        if cause.errno == errno.EIO:
            return DiskReadError(str(db_path), str(cause))
        return None
    if not isinstance(cause, sqlite3.DatabaseError):
        return None
    message = str(cause).lower()
    code = getattr(cause, "sqlite_errorname", "") or ""
    if code.startswith(_DAMAGED_CODES) or any(m in message for m in _DAMAGED):
        return damaged(db_path, str(cause))
    if code.startswith("SQLITE_FULL") or "disk is full" in message:
        return disk_full(folder, needed)
    if code.startswith("SQLITE_IOERR") or "disk i/o error" in message:
        # A full disk shows as an I/O error when SQLite cannot grow its -shm or -wal file.
        free = _free_space(folder)
        if free is not None and free < (needed or 0) + LOW_SPACE:
            return disk_full(folder, needed)
        return DiskReadError(str(db_path), str(cause))
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in message:
        return DatabaseLockedError(str(db_path))
    return None


def file_integrity(path: Path, limit: int = 100) -> list[str]:
    """What SQLite's integrity check finds wrong with the file, read-only (nothing is written, not even a
    schema upgrade): [] when sound, else one line per problem (a damaged page, an index that does not
    match its table). Where integrity_check stops at the damage, quick_check, then both with the schema
    read leniently, are tried for a page-level report; a file SQLite cannot read at all gives its one
    error. A full disk or a locked file is raised as its KnownStoreError instead."""
    path = Path(path)
    if not path.exists():
        raise NotInitialisedError(str(path))
    first_error: sqlite3.DatabaseError | None = None
    for lenient in (False, True):
        for pragma in ("integrity_check", "quick_check"):
            try:
                found = _run_check(path, pragma, limit, lenient)
            except sqlite3.DatabaseError as exc:
                known = known_error(exc, path)
                if known is not None and not isinstance(known, DamagedDatabaseError):
                    raise known from exc
                first_error = first_error or exc
                continue
            if found == ["ok"] and first_error is None:
                return []
            if found != ["ok"]:
                return _readable(found)
    return [str(first_error)]


def _run_check(path: Path, pragma: str, limit: int, lenient: bool) -> list[str]:
    conn = sqlite3.connect(f"file:{urllib.parse.quote(str(path))}?mode=ro", uri=True)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if lenient:  # read past a damaged schema entry (a flag of this connection; nothing is written)
            conn.execute("PRAGMA writable_schema = ON")
        return [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}({int(limit)})")]
    finally:
        conn.close()


_UNUSED = re.compile(r"^Page (\d+) is never used$")


def _readable(found: list[str]) -> list[str]:
    """SQLite's report as lines, runs of "Page N is never used" folded into one line."""
    lines = [line.strip() for row in found for line in row.splitlines()]
    out: list[str] = []
    run: list[int] = []

    def flush() -> None:
        if run:
            out.append(f"Page {run[0]} is never used" if len(run) == 1
                       else f"Pages {run[0]}–{run[-1]} are never used ({len(run)} pages)")
            run.clear()

    for line in lines:
        unused = _UNUSED.match(line)
        if unused and (not run or int(unused[1]) == run[-1] + 1):
            run.append(int(unused[1]))
            continue
        flush()
        if unused:
            run.append(int(unused[1]))
        elif line and not line.startswith("*** in database"):
            out.append(line)
    flush()
    return out


@cache
def _trigger_sql() -> list[str]:
    """The capture, audit and carried-balance triggers this version makes, as SQLite keeps their text (sorted)."""
    insert_only = insert_only_tables()
    return sorted([stmt for table in syncable_tables() for stmt in trigger_sql(table, table.name in insert_only)]
                  + carried_trigger_sql() + all_audit_trigger_sql())


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
        self._verified = False
        self._verify_lock = threading.Lock()
        # The person the audit trail names for writes that do not name one (transaction(person=...)): the
        # window's or the command line's actor today, the signed-in person once there is sign-in.
        self.person: str | None = None
        self.computer = socket.gethostname()[:120] or None
        event.listen(self.engine, "commit", _forget_person)
        event.listen(self.engine, "rollback", lambda conn: conn.info.pop("audit_person", None))

    # ----- opening and creating -------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, verify: bool = False) -> Database:
        """Open an existing file and bring its schema to head.

        `verify`: run SQLite's quick_check now (about 30 ms on a year of a station's data) so a
        damaged file is refused before anything is read from it; otherwise it runs before the first
        write. Every SQLite or disk error the user can act on comes out as a KnownStoreError.
        """
        path = Path(path)
        if not path.exists():
            raise NotInitialisedError(str(path))
        private_database(path)
        db = cls(path)
        try:
            if verify:
                db.verify()
            db.migrate()
        except Exception as exc:
            db.close()
            known = known_error(exc, path)
            if known is None or known is exc:
                raise
            raise known from exc
        return db

    @classmethod
    def create(cls, path: Path, station_id: str | None = None, role: str = "station") -> Database:
        """A new database file with the schema at head and this replica's identity (owner-only on POSIX)."""
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        private_database(Path(path))
        db = cls(path)
        db._verified = True  # nothing in it yet to be damaged
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
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND (name LIKE ? OR name LIKE ? "
                    "OR name LIKE ?)", (f"{TRIGGER_PREFIX}%", f"{CARRY_PREFIX}%", f"{AUDIT_PREFIX}%")).scalars())
            if installed != _trigger_sql():
                self.verify()
                with self.engine.begin() as conn:
                    install_capture_triggers(conn)
                    install_carried_triggers(conn)
                    install_audit_triggers(conn)
            return
        if stored - known_revisions():
            raise NewerDatabaseError(str(self.path), self._written_by())
        from ytcs_desktop.store.migrate import upgrade_head

        backup = None
        if self._has_tables():
            self.verify()  # a damaged file is neither copied nor upgraded
            backup = backup_before_migration(self.path, "-".join(sorted(stored)) or "unversioned")
        try:
            with self.engine.begin() as conn:
                drop_capture_triggers(conn)
                drop_carried_triggers(conn)
                drop_audit_triggers(conn)  # an upgrade's own writes are not anyone's changes
            upgrade_head(self.engine)
            with self.engine.begin() as conn:
                install_capture_triggers(conn)
                install_carried_triggers(conn)
                install_audit_triggers(conn)
                carry_all(conn)  # the upgrade may have written the ledger with these triggers off
                conn.exec_driver_sql("INSERT OR REPLACE INTO sync_meta (key, value) VALUES (?, ?)",
                                     (WRITTEN_BY, __version__))
        except BaseException as exc:
            if backup is not None:
                self.engine.dispose()
                self.read_engine.dispose()
                put_back(backup, self.path)
            known = known_error(exc, self.path) if isinstance(exc, Exception) else None
            if known is not None and known is not exc:
                raise known from exc
            if isinstance(exc, Exception) and not isinstance(exc, KnownStoreError):
                log.exception("upgrading %s failed", self.path)
                raise UpgradeFailedError(str(self.path), str(backup) if backup else None,
                                         type(exc).__name__) from exc
            raise

    def verify(self) -> None:
        """Refuse a file SQLite's quick_check finds damaged (DamagedDatabaseError). Runs once per
        Database (a process, a window): every write transaction calls it first."""
        if self._verified:
            return
        with self._verify_lock:
            if self._verified:
                return
            try:
                with self.read_engine.connect() as conn:
                    found = [str(row[0]) for row in conn.exec_driver_sql("PRAGMA quick_check")]
            except DBAPIError as exc:
                known = known_error(exc, self.path)
                if known is None:
                    raise
                raise known from exc
            if found != ["ok"]:
                lines = _readable(found) or ["quick_check"]
                more = f" (+{len(lines) - 1})" if len(lines) > 1 else ""
                log.error("quick_check of %s: %s", self.path, "; ".join(lines[:20]))
                raise damaged(self.path, f"{lines[0][:160]}{more}")
            self._verified = True

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
    def transaction(self, person: str | None = None) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back on any exception. The first
        one checks the file (`verify`): nothing is written to a damaged file. The audit trail names
        `person` (default: `self.person`) for every write in it."""
        self.verify()
        session = self._writer()
        session.info["db"] = self
        session.info["person"] = person or self.person
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


@event.listens_for(Session, "after_begin")
def _set_person(session: Session, _transaction: Any, connection: Any) -> None:
    """Tell the audit triggers who is acting, as the transaction begins (its first statement): a trigger
    in the main schema cannot read a TEMP table, so it is this file's one-row `audit_person`, cleared again
    before the commit (`_forget_person`) so a write from another program is never put on this person."""
    db = session.info.get("db")
    if db is None or session.info.get("remote"):
        return
    connection.exec_driver_sql("INSERT OR REPLACE INTO audit_person (id, person, computer) VALUES (1, ?, ?)",
                               (session.info.get("person"), db.computer))
    connection.info["audit_person"] = True


def _forget_person(conn: Any) -> None:
    """Engine commit hook (before the DBAPI commit): empty `audit_person` if this transaction set it."""
    if conn.info.pop("audit_person", False):
        conn.connection.driver_connection.execute("DELETE FROM audit_person")


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

