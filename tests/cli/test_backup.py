"""`ytcs backup` (now, to a chosen folder, --list) and `ytcs restore FILE`: a restore checks the file first
and refuses another station's file, a file that is not YTCS data and a file from a newer program with one
line and exit 2, leaving the data as it was; otherwise it keeps a safety copy and puts the copy back."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli.conftest import Runner, snapshot
from ytcs_desktop.store.backup import backup_folder

CSV = "code,name,unit,category\nPARA500,Paracetamol 500 mg,viên,drug\n"


def receive(ytcs: Runner, lot: str, qty: int = 10, data: Path | None = None) -> None:
    result = ytcs("stock", "receive", "--item", "PARA500", "--lot", lot, "--expiry", "2030-01-31", "--qty", str(qty),
                  "--doc", f"PN-{lot}", data=data)
    assert result.code == 0, result.err


@pytest.fixture
def stocked(station: Runner, tmp_path: Path) -> Runner:
    csv = tmp_path / "items.csv"
    csv.write_text(CSV, encoding="utf-8")
    assert station("items", "import", str(csv)).code == 0
    receive(station, "A")
    receive(station, "B")
    return station


def stock_docs(path: Path) -> list[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return sorted(r[0] for r in conn.execute("SELECT doc_no FROM stock_transactions"))


def test_backup_now_to_the_default_and_a_chosen_folder_and_list(stocked: Runner, data_dir: Path,
                                                                 tmp_path: Path) -> None:
    made = stocked("backup")
    assert made.code == 0, made.err
    (copy,) = backup_folder(data_dir / "ytcs.sqlite3").glob("ytcs-*.sqlite3")
    assert str(copy) in made.out and (" KB" in made.out or " MB" in made.out)
    usb = tmp_path / "usb"
    assert stocked("backup", "--to", str(usb)).code == 0
    (on_stick,) = usb.glob("ytcs-*.sqlite3")
    assert stock_docs(on_stick) == ["PN-A", "PN-B"]

    listed = stocked("backup", "--list", "--to", str(usb), "--lang", "en")
    assert listed.code == 0
    assert "TYT-AP" in listed.out and str(copy) in listed.out and str(on_stick) in listed.out
    rows = json.loads(stocked("backup", "--list", "--format", "json").out)
    assert [(r["kind"], r["station_code"], r["stock_transactions"]) for r in rows] == [("regular", "TYT-AP", 2)]
    assert rows[0]["size"] == copy.stat().st_size and rows[0]["last_change"]


def test_backup_without_a_database_says_what_to_do(ytcs: Runner) -> None:
    result = ytcs("backup")
    assert result.code == 2 and len(result.err_lines) == 1 and "ytcs init" in result.err


def test_restore_puts_the_copy_back_and_keeps_a_safety_copy(stocked: Runner, data_dir: Path) -> None:
    db = data_dir / "ytcs.sqlite3"
    assert stocked("backup").code == 0
    (copy,) = backup_folder(db).glob("ytcs-*.sqlite3")
    receive(stocked, "C")
    restored = stocked("restore", str(copy))
    assert restored.code == 0, restored.err
    assert stock_docs(db) == ["PN-A", "PN-B"]
    (safety,) = backup_folder(db).glob("ytcs-before-restore-*.sqlite3")
    assert stock_docs(safety) == ["PN-A", "PN-B", "PN-C"]
    assert str(safety) in restored.out and "đồng bộ" in restored.out
    assert stocked("stock", "on-hand").code == 0  # the restored data opens and works
    receive(stocked, "D")
    assert stock_docs(db) == ["PN-A", "PN-B", "PN-D"]
    # the safety copy is never rotated away, nor counted as a regular backup (of which the day keeps its newest)
    assert stocked("backup").code == 0
    assert safety.exists()
    rows = json.loads(stocked("backup", "--list", "--format", "json").out)
    assert sorted((r["kind"], r["stock_transactions"]) for r in rows) == [("before_restore", 3), ("regular", 3)]


def refused(ytcs: Runner, *args: str) -> str:
    before = snapshot(ytcs)
    result = ytcs(*args)
    assert result.code == 2, (result.out, result.err)
    assert len(result.err_lines) == 1 and "Traceback" not in result.err, result.err
    assert snapshot(ytcs) == before
    return result.err


def test_restore_refuses_another_stations_file(stocked: Runner, tmp_path: Path, data_dir: Path) -> None:
    other = tmp_path / "other"
    assert stocked("init", "--station-code", "TYT-BH", "--station-name", "Trạm Y tế Bình Hoà", data=other).code == 0
    assert stocked("backup", data=other).code == 0
    (copy,) = (other / "backups").glob("ytcs-*.sqlite3")
    err = refused(stocked, "restore", str(copy))
    assert "TYT-BH" in err and "TYT-AP" in err
    assert not list(backup_folder(data_dir / "ytcs.sqlite3").glob("*before-restore*"))


def test_restore_refuses_a_file_that_is_not_ytcs_data(stocked: Runner, tmp_path: Path) -> None:
    text = tmp_path / "ghi-chu.sqlite3"
    text.write_text("không phải dữ liệu", encoding="utf-8")
    assert "ghi-chu.sqlite3" in refused(stocked, "restore", str(text))
    other_sqlite = tmp_path / "other.sqlite3"
    with sqlite3.connect(other_sqlite) as conn:
        conn.execute("CREATE TABLE notes (t TEXT)")
    refused(stocked, "restore", str(other_sqlite))
    refused(stocked, "restore", str(tmp_path / "missing.sqlite3"))


def test_restore_refuses_a_copy_from_a_newer_program(stocked: Runner, data_dir: Path) -> None:
    assert stocked("backup").code == 0
    (copy,) = backup_folder(data_dir / "ytcs.sqlite3").glob("ytcs-*.sqlite3")
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9f3e_future'")
        conn.execute("INSERT OR REPLACE INTO sync_meta (key, value) VALUES ('schema_written_by', '9.0.0')")
    err = refused(stocked, "restore", str(copy), "--lang", "en")
    assert "9.0.0" in err and "newer" in err


def test_restore_over_damaged_data_keeps_its_bytes_and_puts_the_copy_in_place(stocked: Runner,
                                                                              data_dir: Path) -> None:
    db = data_dir / "ytcs.sqlite3"
    assert stocked("backup").code == 0
    (copy,) = backup_folder(db).glob("ytcs-*.sqlite3")
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damaged = b"\x00" * 4096 + db.read_bytes()[4096:]  # the header page lost
    db.write_bytes(damaged)
    Path(f"{db}-wal").unlink(missing_ok=True)
    Path(f"{db}-shm").unlink(missing_ok=True)
    restored = stocked("restore", str(copy))
    assert restored.code == 0, restored.err
    assert stock_docs(db) == ["PN-A", "PN-B"]
    (safety,) = backup_folder(db).glob("ytcs-before-restore-*.sqlite3")
    assert safety.read_bytes() == damaged
    assert stocked("check").code == 0
