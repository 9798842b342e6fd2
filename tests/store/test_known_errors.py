"""What SQLite's and the disk's errors mean for the user: `known_error` sorts them by what to do."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from ytcs_desktop.store import db as db_module
from ytcs_desktop.store.db import known_error
from ytcs_desktop.store.errors import DamagedDatabaseError, DatabaseLockedError, DiskFullError, DiskReadError


def _wrapped(message: str) -> OperationalError:
    return OperationalError("INSERT …", {}, sqlite3.OperationalError(message))


@pytest.mark.parametrize(("error", "kind"), [
    (sqlite3.DatabaseError("database disk image is malformed"), DamagedDatabaseError),
    (_wrapped("malformed database schema (items) - near 'x'"), DamagedDatabaseError),
    (sqlite3.DatabaseError("file is not a database"), DamagedDatabaseError),
    (_wrapped("database or disk is full"), DiskFullError),
    (OSError(errno.ENOSPC, "No space left on device"), DiskFullError),
    (_wrapped("database is locked"), DatabaseLockedError),
    (OSError(errno.EIO, "Input/output error"), DiskReadError),
])
def test_errors_the_user_can_act_on(tmp_path: Path, error: BaseException, kind: type) -> None:
    assert isinstance(known_error(error, tmp_path / "ytcs.sqlite3"), kind)


def test_anything_else_is_left_alone(tmp_path: Path) -> None:
    for error in (IntegrityError("INSERT …", {}, sqlite3.IntegrityError("UNIQUE constraint failed: items.code")),
                  _wrapped("no such table: items"), ValueError("x"), OSError(errno.ENOENT, "No such file")):
        assert known_error(error, tmp_path / "ytcs.sqlite3") is None


def test_an_io_error_is_a_full_disk_when_the_disk_is_nearly_full(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ytcs.sqlite3"
    assert isinstance(known_error(_wrapped("disk I/O error"), path), DiskReadError)  # this disk has room

    def nearly_full(_folder: Any) -> Any:
        return shutil._ntuple_diskusage(10_000_000, 9_950_000, 50_000)  # type: ignore[attr-defined]

    monkeypatch.setattr(db_module.shutil, "disk_usage", nearly_full)
    found = known_error(_wrapped("disk I/O error"), path, needed=8_000_000)
    assert isinstance(found, DiskFullError)
    assert found.free == 50_000 and found.needed == 8_000_000
    assert f"The disk holding {tmp_path} is full (0.1 MB free; this needs about 8.0 MB)" in found.en


def test_a_damaged_file_names_the_newest_backup(tmp_path: Path) -> None:
    import os

    path = tmp_path / "ytcs.sqlite3"
    found = known_error(sqlite3.DatabaseError("database disk image is malformed"), path)
    assert isinstance(found, DamagedDatabaseError) and found.backup is None
    assert f"no backup in {tmp_path / 'backups'}" in found.en
    folder = tmp_path / "backups"
    folder.mkdir()
    for name, stamp in (("ytcs-2026-01-01-0100.sqlite3", 1_767_229_200),
                        ("ytcs-2026-02-01-0100.sqlite3", 1_769_907_600), ("notes.txt", 1_800_000_000)):
        (folder / name).write_bytes(b"x")
        os.utime(folder / name, (stamp, stamp))
    found = known_error(sqlite3.DatabaseError("database disk image is malformed"), path)
    assert isinstance(found, DamagedDatabaseError)
    assert found.backup == str(folder / "ytcs-2026-02-01-0100.sqlite3")
    assert f"ytcs restore {found.backup}" in found.en and f"ytcs restore {found.backup}" in found.vi
