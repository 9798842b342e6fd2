"""Files only their owner can read (POSIX): station and centre-server databases with their -wal/-shm,
backups, the log file and the token file are made 0600 whatever the umask; a station file left 0644 by
an earlier version is narrowed when opened."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from ytcs_desktop.store.db import Database

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    old = os.umask(0o022)  # the usual umask: files 0644 unless made otherwise
    try:
        yield
    finally:
        os.umask(old)


def test_a_new_station_database_and_its_wal_and_shm_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "ytcs.sqlite3"
    db = Database.create(path, station_id="s1")
    try:
        with db.transaction() as s:
            s.execute(text("INSERT OR REPLACE INTO sync_meta (key, value) VALUES ('probe', '1')"))
        with db.read() as s:  # the WAL and its index exist while a connection is open
            s.execute(text("SELECT 1"))
            _owner_only_with_wal(path)
    finally:
        db.close()


def _owner_only_with_wal(path: Path) -> None:
    """The file, its WAL and its index, while a connection holds them open."""
    for suffix in ("", "-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        assert side.exists() and _mode(side) == 0o600, suffix


def test_a_station_file_left_readable_by_others_is_narrowed_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "ytcs.sqlite3"
    Database.create(path).close()
    os.chmod(path, 0o644)
    before = path.read_bytes()
    db = Database.open(path)
    db.close()
    assert _mode(path) == 0o600
    assert path.read_bytes() == before


def test_the_centre_servers_sqlite_file_is_owner_only(tmp_path: Path) -> None:
    from ytcs_desktop.sync.server.store import ServerStore

    path = tmp_path / "server" / "centre.sqlite3"
    store = ServerStore(f"sqlite:///{path}")
    try:
        store.create_schema()
        with store.read() as conn:
            conn.exec_driver_sql("SELECT 1")
            _owner_only_with_wal(path)
    finally:
        store.dispose()


def test_backups_are_owner_only(tmp_path: Path) -> None:
    from ytcs_desktop.store.backup import backup_folder, copy_database

    path = tmp_path / "ytcs.sqlite3"
    Database.create(path).close()
    copy = copy_database(path, backup_folder(path) / "copy.sqlite3")
    assert _mode(copy) == 0o600


def test_the_log_file_is_owner_only(tmp_path: Path) -> None:
    from ytcs_desktop.logs import _PrivateRotatingFileHandler

    handler = _PrivateRotatingFileHandler(tmp_path / "ytcs.log", maxBytes=100, backupCount=2, encoding="utf-8")
    try:
        record = logging.LogRecord("t", logging.INFO, __file__, 1, "x" * 80, None, None)
        handler.emit(record)
        handler.emit(record)  # rolls over: the new file is private too
    finally:
        handler.close()
    for log in tmp_path.glob("ytcs.log*"):
        assert _mode(log) == 0o600, log


def test_the_token_file_is_owner_only_even_over_an_older_wider_file(tmp_path: Path) -> None:
    from ytcs_desktop.sync.keystore import TOKEN_FILE, save_token

    old = tmp_path / TOKEN_FILE
    old.write_text("old\n")
    os.chmod(old, 0o644)
    assert save_token("http://centre", "dev1", "secret", tmp_path, to_file=True).where == "file"
    assert _mode(old) == 0o600
