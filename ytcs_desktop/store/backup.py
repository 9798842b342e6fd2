"""Consistent copies of a database file, taken with SQLite's online backup API (safe while others
write: the copy is one snapshot), and putting a copy back over the file."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from ytcs_desktop.store.errors import BackupFailedError

BACKUP_DIR = "backups"
PRIVATE = 0o600  # databases hold password hashes and device tokens: only their owner reads them


def backup_folder(db_path: Path) -> Path:
    return Path(db_path).parent / BACKUP_DIR


def copy_database(source: Path, target: Path) -> Path:
    """Copy `source` into a new file `target` and check the copy; nothing is left at `target` on failure."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, PRIVATE)
            os.close(fd)
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
                verdict = dst.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                dst.close()
        finally:
            src.close()
        if verdict != "ok":
            raise BackupFailedError(str(target), f"quick_check: {verdict}")
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise BackupFailedError(str(target), str(exc)) from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def backup_before_migration(db_path: Path, revision: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{Path(db_path).stem}-before-upgrade-{revision}-{stamp}.sqlite3"
    return copy_database(db_path, backup_folder(db_path) / name)


def put_back(backup: Path, db_path: Path) -> None:
    """Lay a backup's pages over the database file (the file keeps its name, mode and owner)."""
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(db_path)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
