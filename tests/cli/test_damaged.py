"""A damaged station file, through the installed `ytcs`: every command says what is wrong and what to
restore in one line (exit 2), `ytcs check` lists SQLite's findings on stdout (exit 1), nothing prints a
traceback, and a command that writes refuses before it writes a byte.

The file is damaged four ways with a real byte edit of a real station file (`ytcs init`, an import and
a receipt): its header, its schema page (page 1 after the header), a b-tree page in the middle, the last
page."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.cli.conftest import Runner
from ytcs_desktop import cli
from ytcs_desktop.paths import DB_FILENAME
from ytcs_desktop.store.backup import backup_folder
from ytcs_desktop.store.db import Database, file_integrity

GARBAGE = 0xA5
RECEIVE = ("stock", "receive", "--item", "PARA500", "--lot", "L2", "--expiry", "2031-01-31", "--qty", "5")


@pytest.fixture(scope="module")
def station_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A station made through the CLI, its WAL folded into the file and removed: the file is all there is."""
    folder = tmp_path_factory.mktemp("station")
    items = folder / "items.csv"
    items.write_text("code,name,unit,category\nPARA500,Paracetamol 500 mg,viên,drug\n"
                     + "".join(f"X{i:04d},Vật tư {i},cái,supply\n" for i in range(300)), encoding="utf-8")
    data = folder / "data"
    for args in (("init", "--station-code", "T01", "--station-name", "Trạm Y tế xã Thử"),
                 ("items", "import", str(items)),
                 ("stock", "receive", "--item", "PARA500", "--lot", "L1", "--expiry", "2030-01-31", "--qty", "100")):
        assert cli.main([*args, "--data-dir", str(data)]) == 0, args
    path = data / DB_FILENAME
    _fold_wal(path)
    return path


def _fold_wal(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _geometry(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA page_size").fetchone()[0], conn.execute("PRAGMA page_count").fetchone()[0]
    finally:
        conn.close()


def _middle_btree_page(path: Path, count: int) -> int:
    """The leaf page of the catalogue's table nearest the middle of the file: a page every read of the items
    meets (a free page's damage is nothing SQLite reads, and the schema's own pages, hundreds of triggers'
    text, would stop the check before it names a page)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        pages = [n for (n,) in conn.execute(
            "SELECT pageno FROM dbstat WHERE pagetype = 'leaf' AND name = 'items'")]
    finally:
        conn.close()
    return min(pages, key=lambda n: abs(n - count // 2))


def damage(path: Path, where: str) -> None:
    size, count = _geometry(path)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    data = bytearray(path.read_bytes())
    assert len(data) == size * count
    if where == "header":
        start, end = 0, 100
    elif where == "schema":
        start, end = 100, size
    elif where in ("middle", "cells"):
        page = _middle_btree_page(path, count)
        # "cells" keeps the page's 8-byte header: SQLite then reads the page and names it with its bad cells
        start, end = (page - 1) * size + (8 if where == "cells" else 0), page * size
    else:
        start, end = (count - 1) * size, count * size
    data[start:end] = bytes([GARBAGE]) * (end - start)
    path.write_bytes(bytes(data))


@pytest.fixture(params=["header", "schema", "middle", "last"])
def damaged_dir(request: pytest.FixtureRequest, station_file: Path, data_dir: Path) -> Path:
    path = data_dir / DB_FILENAME
    shutil.copy(station_file, path)
    damage(path, request.param)
    assert file_integrity(path), "the edit must be damage SQLite sees"
    return data_dir


def _copy_in_backups(station_file: Path, data_dir: Path, made: dt.datetime) -> Path:
    copy = backup_folder(data_dir / DB_FILENAME) / f"ytcs-{made:%Y-%m-%d-%H%M}.sqlite3"
    copy.parent.mkdir()
    shutil.copy(station_file, copy)
    os.utime(copy, (made.timestamp(), made.timestamp()))
    return copy


def _no_traceback(result: object) -> None:
    assert "Traceback" not in f"{result.out}{result.err}", result  # type: ignore[attr-defined]


def test_every_command_names_the_damage_and_the_copy_to_restore(
        ytcs_process: Runner, damaged_dir: Path, station_file: Path) -> None:
    path = damaged_dir / DB_FILENAME
    older = _copy_in_backups(station_file, damaged_dir, dt.datetime(2026, 1, 2, 3, 4))
    newest = older.with_name("ytcs-2026-02-03-0405.sqlite3")
    shutil.copy(older, newest)
    os.utime(newest, (dt.datetime(2026, 2, 3, 4, 5).timestamp(),) * 2)
    before = path.read_bytes()
    for args in (("stock", "on-hand"), RECEIVE, ("export",), ("stock", "on-hand", "--lang", "en")):
        result = ytcs_process(*args)
        _no_traceback(result)
        assert result.code == 2, (args, result)
        assert len(result.err_lines) == 1 and result.out == "", (args, result)
        line = result.err_lines[0]
        assert ("is damaged" in line) if "en" in args else ("bị hỏng" in line), line
        assert f"ytcs restore {newest}" in line and "2026-02-03 04:05" in line, line
        assert path.read_bytes() == before, args  # refused before anything was written
        assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0


def test_check_lists_what_sqlite_finds_and_exits_1(ytcs_process: Runner, damaged_dir: Path) -> None:
    path = damaged_dir / DB_FILENAME
    before = path.read_bytes()
    result = ytcs_process("check", "--lang", "en")
    _no_traceback(result)
    assert result.code == 1, result
    assert result.err == ""
    lines = result.out.splitlines()
    assert lines[0].startswith(f"The database file {path} is damaged"), result.out
    assert any(line.startswith("  [integrity] ") for line in lines), result.out
    assert "There is no backup in" in lines[-1] and "send it to the centre" in lines[-1], result.out
    assert path.read_bytes() == before


def test_a_middle_page_is_reported_by_its_number(ytcs: Runner, station_file: Path, data_dir: Path) -> None:
    path = data_dir / DB_FILENAME
    shutil.copy(station_file, path)
    _, count = _geometry(path)
    page = _middle_btree_page(path, count)
    damage(path, "cells")
    result = ytcs("check", "--lang", "en")
    assert result.code == 1
    assert f"page {page} cell" in result.out.lower(), result.out


def test_a_damaged_page_met_after_opening_is_one_line(
        ytcs: Runner, station_file: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's error met mid-command (the start's check passed, the page went bad since) is translated
    like the one met at opening."""
    path = data_dir / DB_FILENAME
    shutil.copy(station_file, path)
    damage(path, "middle")
    monkeypatch.setattr(Database, "verify", lambda self: None)  # as if the damage came after the check
    for args in (("export",), ("export", "--lang", "en")):  # export reads every table: it meets the page
        result = ytcs(*args)
        assert result.code == 2, (args, result)
        assert len(result.err_lines) == 1 and ("bị hỏng" in result.err or "is damaged" in result.err), result
        assert "unexpected" not in result.err and "không mong đợi" not in result.err


def test_a_sound_file_passes_its_check_and_takes_writes(ytcs: Runner, station_file: Path, data_dir: Path) -> None:
    shutil.copy(station_file, data_dir / DB_FILENAME)
    assert ytcs("check").out == "ok\n"
    assert ytcs(*RECEIVE).code == 0
    assert ytcs("check").code == 0


def test_quick_check_costs_little_at_opening(station_file: Path, data_dir: Path) -> None:
    """The check at opening is one quick_check per process; on a small station file it is a few ms."""
    import time

    path = data_dir / DB_FILENAME
    shutil.copy(station_file, path)
    db = Database.open(path)
    try:
        start = time.perf_counter()
        db.verify()
        took = time.perf_counter() - start
        again = time.perf_counter()
        db.verify()  # once per Database: every later write skips it
        assert time.perf_counter() - again < 0.001
    finally:
        db.close()
    assert took < 1.0
