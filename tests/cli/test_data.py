"""`ytcs export` (deterministic, byte-identical) and `ytcs check` (ok, or a report and exit 1)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.cli.conftest import Runner, snapshot


def test_export_is_byte_identical_and_complete(demo_dir: Path, ytcs: Runner) -> None:
    first, second = ytcs("export"), ytcs("export", "--format", "json")
    assert first.code == 0 and first.out == second.out
    data = json.loads(first.out)
    assert data["format"] == "ytcs-export"
    tables = data["tables"]
    assert list(tables) == sorted(tables)
    assert len(tables["items"]) >= 200 and len(tables["stock_transactions"]) >= 1000
    for rows in tables.values():
        assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)
        assert all("sync_state" not in r for r in rows)
    assert "Trạm Y tế phường An Phú" in first.out  # text kept readable, not \\u-escaped


def test_export_to_file(station: Runner, data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "ban_sao.json"
    result = station("export", "--out", str(out))
    assert result.code == 0 and result.out == ""
    assert out.read_text(encoding="utf-8") == snapshot(station)
    missing = station("export", "--out", str(tmp_path / "no" / "such" / "dir.json"))
    assert missing.code == 2 and len(missing.err_lines) == 1
    bad = station("export", "--format", "csv")
    assert bad.code == 2 and len(bad.err_lines) == 1 and bad.out == ""


def test_check_ok_then_reports_a_broken_ledger(station: Runner, data_dir: Path, tmp_path: Path) -> None:
    items = tmp_path / "items.csv"
    items.write_text("code,name,unit,category\nORS,Oresol 245,gói,drug\n", encoding="utf-8")
    assert station("items", "import", str(items)).code == 0
    received = station("stock", "receive", "--item", "ORS", "--lot", "O1", "--expiry", "2030-01-01", "--qty", "10")
    assert received.code == 0
    ok = station("check")
    assert (ok.code, ok.out) == (0, "ok\n")
    # A copy damaged outside the application: an issue that takes the lot below zero.
    raw = sqlite3.connect(data_dir / "ytcs.sqlite3")
    try:
        raw.execute(
            "INSERT INTO stock_transactions (id, station_id, hlc, origin, deleted, sync_state, item_id, lot_id, "
            "txn_date, kind, quantity, created_at) SELECT 'bad-txn', station_id, hlc, origin, 0, 'pending', "
            "item_id, lot_id, txn_date, 'issue', -25, created_at FROM stock_transactions LIMIT 1")
        raw.commit()
    finally:
        raw.close()
    broken = station("check")
    assert broken.code == 1
    assert "tồn kho âm (-15)" in broken.out and "O1" in broken.out
    english = station("check", "--lang", "en")
    assert english.code == 1 and "negative stock on hand (-15)" in english.out


def test_not_a_database(ytcs: Runner, data_dir: Path) -> None:
    (data_dir / "ytcs.sqlite3").write_bytes(b"this is not SQLite" * 100)
    check = ytcs("check")
    assert check.code == 1 and "damaged" not in check.out and "hỏng" in check.out
    for args in (("export",), ("stock", "on-hand")):
        result = ytcs(*args)
        assert result.code == 2 and len(result.err_lines) == 1 and "hỏng" in result.err
