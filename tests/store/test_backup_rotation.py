"""Backups that keep themselves: names, the 7 daily / 4 weekly / 12 monthly rotation (a pure function of
the names), and what a copy holds, read without writing to it."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from ytcs_desktop.store.backup import (
    copy_name,
    copy_time,
    list_copies,
    make_backup,
    newest_backup,
    rotate,
    to_delete,
)
from ytcs_desktop.store.backup_errors import NotACopyError
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Station
from ytcs_desktop.store.restore import read_contents


def names_every(start: dt.datetime, days: int, per_day: int = 1) -> list[str]:
    return [copy_name(start - dt.timedelta(days=d, hours=h)) for d in range(days) for h in range(per_day)]


def test_names_carry_date_and_time() -> None:
    when = dt.datetime(2026, 12, 7, 1, 30)
    assert copy_name(when) == "ytcs-2026-12-07-0130.sqlite3"
    assert copy_name(when, 2) == "ytcs-2026-12-07-0130-2.sqlite3"
    assert copy_time("ytcs-2026-12-07-0130.sqlite3") == when
    assert copy_time("ytcs-2026-12-07-0130-3.sqlite3") == when
    for other in ("ytcs-before-upgrade-abc-20261207-013000.sqlite3", "ytcs-before-restore-2026-12-07-0130.sqlite3",
                  "ytcs.sqlite3", "ytcs-2026-13-40-0130.sqlite3", "notes.txt", "ytcs-2026-12-07-0130.sqlite3.part"):
        assert copy_time(other) is None


def test_a_year_of_daily_copies_keeps_7_days_4_weeks_12_months() -> None:
    today = dt.datetime(2026, 12, 7, 1, 30)  # a Monday
    names = names_every(today, 400)
    kept = sorted(set(names) - set(to_delete(names)), reverse=True)
    days = [copy_time(n) for n in kept]
    assert all(d is not None for d in days)
    # the last 7 days
    assert [d.date() for d in days[:7] if d] == [(today - dt.timedelta(days=n)).date() for n in range(7)]
    # the newest copy of each of the last 12 months: the last day of each month, and today
    months = {(d.year, d.month) for d in days if d}
    assert len(months) == 12 and (2026, 1) in months and (2025, 12) not in months
    # the newest of each of the last 4 weeks: Sundays 6/12, 29/11, 22/11 beside this Monday's copy
    assert {dt.date(2026, 12, 6), dt.date(2026, 11, 29), dt.date(2026, 11, 22)} <= {d.date() for d in days if d}
    assert dt.date(2026, 11, 15) not in {d.date() for d in days if d}
    assert len(kept) <= 7 + 4 + 12


def test_several_copies_a_day_keep_the_newest_of_each_day() -> None:
    today = dt.datetime(2026, 12, 7, 20, 0)
    names = names_every(today, 3, per_day=4)
    gone = set(to_delete(names))
    assert set(names) - gone == {copy_name(today - dt.timedelta(days=d)) for d in range(3)}


def test_other_files_are_never_deleted() -> None:
    names = [*names_every(dt.datetime(2026, 12, 7, 1, 0), 60),
             "ytcs-before-upgrade-0001-20240101-010101.sqlite3", "ytcs-before-restore-2025-01-01-0100.sqlite3",
             "ghi-chu.txt", "ytcs.sqlite3"]
    gone = to_delete(names)
    assert gone and all(copy_time(n) is not None for n in gone)
    assert to_delete([]) == []
    assert to_delete(names_every(dt.datetime(2026, 12, 7), 5)) == []


@pytest.fixture
def station_db(tmp_path: Path) -> Database:
    db = Database.create(tmp_path / "data" / "ytcs.sqlite3", station_id="st-1")
    with db.transaction() as s:
        s.add(Station(id="st-1", station_id="st-1", code="TYT-AP", name="Trạm Y tế phường An Phú"))
    return db


def test_make_backup_writes_a_private_checked_copy_and_rotate_keeps_its_own(station_db: Database,
                                                                            tmp_path: Path) -> None:
    folder = station_db.path.parent / "backups"
    folder.mkdir()
    old = [folder / n for n in names_every(dt.datetime(2026, 1, 31, 2, 0), 20)]
    for path in old:
        path.write_bytes(b"")
    (folder / "ytcs-before-upgrade-x-20250101-010101.sqlite3").write_bytes(b"")
    made = make_backup(station_db.path, when=dt.datetime(2026, 12, 7, 1, 30))
    again = make_backup(station_db.path, when=dt.datetime(2026, 12, 7, 1, 30, 40))
    assert made.path.name == "ytcs-2026-12-07-0130.sqlite3" and again.path.name == "ytcs-2026-12-07-0130-2.sqlite3"
    assert made.size == made.path.stat().st_size > 0
    if os.name == "posix":
        assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    with sqlite3.connect(made.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert not list(folder.glob("*.part"))
    deleted = rotate(folder)
    assert again.path not in deleted and (folder / "ytcs-before-upgrade-x-20250101-010101.sqlite3").exists()
    assert made.path in deleted  # the same day's newer copy is kept
    newest = newest_backup(folder)
    assert newest is not None and newest.path == again.path
    kinds = {c.kind for c in list_copies(folder, tmp_path / "no-such-stick")}
    assert kinds == {"regular", "before_upgrade"}

    usb = tmp_path / "usb"
    on_stick = make_backup(station_db.path, usb)
    assert on_stick.path.parent == usb and list_copies(usb)[0].path == on_stick.path


def test_contents_of_a_copy(station_db: Database, tmp_path: Path) -> None:
    copy = make_backup(station_db.path, tmp_path / "b")
    os.chmod(copy.path, 0o400)  # a write-protected stick
    contents = read_contents(copy.path)
    assert (contents.station_code, contents.station_name, contents.stock_transactions) == (
        "TYT-AP", "Trạm Y tế phường An Phú", 0)
    assert contents.last_change is not None and abs(contents.last_change - dt.datetime.now()) < dt.timedelta(minutes=5)
    assert contents.who() == "TYT-AP – Trạm Y tế phường An Phú"
    not_db = tmp_path / "ghi-chu.sqlite3"
    not_db.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    with pytest.raises(NotACopyError):
        read_contents(not_db)
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    with pytest.raises(NotACopyError):
        read_contents(empty)


def test_a_failed_copy_leaves_nothing(station_db: Database, tmp_path: Path) -> None:
    from ytcs_desktop.store.errors import BackupFailedError

    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(BackupFailedError):
        make_backup(station_db.path, blocked)
    with pytest.raises(BackupFailedError):
        make_backup(tmp_path / "nothing" / "ytcs.sqlite3", tmp_path / "b")
