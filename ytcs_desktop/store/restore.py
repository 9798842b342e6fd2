"""What a backup copy holds, and putting one back in place of the current data.

A copy is read read-only (it may sit on a write-protected stick). Restoring checks the copy first (a
YTCS database, not damaged, of this station, not written by a newer program), makes a safety copy of
the current data, then lays the copy's pages over the database file with SQLite's backup API (one
transaction: on failure the current data is as it was). Whoever has the database open closes it first
and opens it again afterwards: caches of the old data (the clock, meta values) must not survive.

The next sync reconciles with the centre (SYNC.md guarantee 6): the centre has acknowledged writes
the restored file does not remember, so the station pulls back its own rows and re-sends what the
centre lacks.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from ytcs_desktop.messages import msg, pick
from ytcs_desktop.store.backup import BackupCopy, backup_folder, copy_database, free_name, put_back, safety_copy
from ytcs_desktop.store.backup_errors import NotACopyError, OtherStationCopyError, RestoreFailedError
from ytcs_desktop.store.db import WRITTEN_BY, known_revisions
from ytcs_desktop.store.errors import BackupFailedError, NewerDatabaseError
from ytcs_desktop.store.hlc import Stamp

PUSH_CURSOR = "sync_push_cursor"  # the key the sync client keeps its acknowledged outbox seq under


@dataclass(frozen=True)
class CopyContents:
    """What a database file (a copy, or the current data) holds, in a few facts."""

    role: str
    station_id: str | None
    station_code: str | None
    station_name: str | None
    replica_id: str | None
    stock_transactions: int
    last_change: dt.datetime | None  # the newest change written on this PC (local time)
    unsent: int  # changes the centre has not acknowledged yet
    revisions: frozenset[str]
    written_by: str | None

    def who(self, lang: str = "vi") -> str:
        """The owner as people say it: "TYT-AP – Trạm Y tế phường An Phú", or the centre."""
        if self.role == "centre":
            return msg("copy_owner.centre").text(lang)
        if self.station_code:
            return f"{self.station_code} – {self.station_name or ''}".rstrip(" –")
        return msg("copy_owner.not_set_up").text(lang)


@dataclass(frozen=True)
class RestoreResult:
    contents: CopyContents  # what the restored data holds
    safety: BackupCopy | None  # the copy of the data it replaced
    replaced: CopyContents | None  # what the replaced data held (None: none, or unreadable)
    same_pc: bool  # the copy was made on this PC (same replica)
    seconds: float


def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)


def read_contents(path: Path) -> CopyContents:
    """The facts of a database file, read without writing to it; NotACopyError when it is not one."""
    path = Path(path)
    if not path.is_file():
        raise NotACopyError(str(path), "no such file")
    try:
        conn = _connect_ro(path)
        try:
            meta = dict(conn.execute("SELECT key, value FROM sync_meta WHERE key IN (?, ?, ?, ?, ?)",
                                     ("role", "station_id", "replica_id", WRITTEN_BY, PUSH_CURSOR)).fetchall())
            revisions = frozenset(r[0] for r in conn.execute("SELECT version_num FROM alembic_version"))
            station = conn.execute("SELECT code, name FROM stations WHERE id = ?",
                                   (meta.get("station_id"),)).fetchone()
            count = conn.execute("SELECT count(*) FROM stock_transactions").fetchone()[0]
            last_hlc = conn.execute("SELECT max(hlc) FROM sync_outbox").fetchone()[0]
            unsent = conn.execute("SELECT count(*) FROM sync_outbox WHERE seq > ?",
                                  (int(meta.get(PUSH_CURSOR) or 0),)).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:  # not SQLite, damaged, or a database without our tables
        raise NotACopyError(str(path), str(exc)) from exc
    if not revisions:
        raise NotACopyError(str(path), "no schema version")
    last_change = None
    if last_hlc:
        try:
            last_change = dt.datetime.fromtimestamp(Stamp.parse(last_hlc).wall_ms / 1000)
        except (ValueError, OverflowError, OSError):
            last_change = None
    return CopyContents(
        role=str(meta.get("role") or "station"), station_id=meta.get("station_id"),
        station_code=station[0] if station else None, station_name=station[1] if station else None,
        replica_id=meta.get("replica_id"), stock_transactions=int(count), last_change=last_change,
        unsent=int(unsent), revisions=revisions, written_by=meta.get(WRITTEN_BY))


def check_copy(backup: Path) -> CopyContents:
    """A copy that may be restored by this program: a YTCS database, undamaged, not from a newer schema."""
    contents = read_contents(backup)
    if contents.revisions - known_revisions():
        raise NewerDatabaseError(str(backup), contents.written_by)
    verdict = _quick_check(backup)
    if verdict != "ok":
        raise NotACopyError(str(backup), f"damaged: {verdict}")
    return contents


def contents_or_none(path: Path) -> CopyContents | None:
    """What a copy holds, or None when it cannot be read (for listings)."""
    try:
        return read_contents(path)
    except NotACopyError:
        return None


def check_restore(backup: Path, db_path: Path) -> tuple[CopyContents, CopyContents | None]:
    """What `restore_database` checks before it changes anything: (the copy's contents, the current
    data's, None when there is none or it cannot be read). Raises what it would refuse with."""
    contents = check_copy(backup)
    current = contents_or_none(db_path) if Path(db_path).exists() else None
    if current is not None and not _same_owner(contents, current):
        raise OtherStationCopyError(str(backup), pick(contents.who), pick(current.who))
    return contents, current


def _quick_check(path: Path) -> str:
    try:
        conn = _connect_ro(path)
        try:
            return str(conn.execute("PRAGMA quick_check").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)


def _same_owner(copy: CopyContents, current: CopyContents) -> bool:
    return copy.role == current.role and copy.station_id == current.station_id


def restore_database(backup: Path, db_path: Path, when: dt.datetime | None = None) -> RestoreResult:
    """Put `backup` in place of the database at `db_path` (which nobody may have open).

    Refused with nothing changed: not a YTCS copy, damaged, another station's or the centre's data,
    written by a newer program. The current data is first copied to the backups folder
    (`ytcs-before-restore-….sqlite3`, never rotated away)."""
    start = time.perf_counter()
    backup, db_path = Path(backup), Path(db_path)
    contents, current = check_restore(backup, db_path)
    if not db_path.exists():
        try:
            copy_database(backup, db_path)
        except BackupFailedError as exc:
            raise RestoreFailedError(str(db_path), exc.text, None) from exc
        return RestoreResult(contents, None, None, False, time.perf_counter() - start)
    if current is not None:
        safety = safety_copy(db_path, when)
        try:
            put_back(backup, db_path)
        except sqlite3.Error as exc:
            raise RestoreFailedError(str(db_path), str(exc), str(safety.path)) from exc
    else:  # the current file is damaged: that is what a restore is for
        safety = _raw_safety_copy(db_path, when)
        _replace(backup, db_path, safety)
    verdict = _quick_check(db_path)
    if verdict != "ok":  # the copy was checked: the disk under it is at fault; the safety copy is named
        raise RestoreFailedError(str(db_path), f"quick_check: {verdict}", str(safety.path))
    same_pc = current is not None and current.replica_id == contents.replica_id
    return RestoreResult(contents, safety, current, same_pc, time.perf_counter() - start)


def _raw_safety_copy(db_path: Path, when: dt.datetime | None) -> BackupCopy:
    """A damaged file cannot be read page by page: keep its bytes as they are."""
    made = (when or dt.datetime.now()).replace(second=0, microsecond=0)
    target = free_name(backup_folder(db_path), made, "before-restore-")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(db_path, target)
        os.chmod(target, 0o600)
        if Path(f"{db_path}-wal").exists():
            shutil.copyfile(f"{db_path}-wal", f"{target}-wal")
    except OSError as exc:
        target.unlink(missing_ok=True)
        Path(f"{target}-wal").unlink(missing_ok=True)
        raise BackupFailedError(str(target), str(exc)) from exc
    return BackupCopy(target, made, target.stat().st_size, "before_restore")


def _replace(backup: Path, db_path: Path, safety: BackupCopy) -> None:
    """Swap a fresh copy of `backup` in for a damaged file (nothing has the file open)."""
    fresh = db_path.with_name(db_path.name + ".restoring")
    try:
        copy_database(backup, fresh)
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(fresh, db_path)
    except (BackupFailedError, OSError) as exc:
        fresh.unlink(missing_ok=True)
        raise RestoreFailedError(str(db_path), str(exc), str(safety.path)) from exc
