"""`ytcs init` and `ytcs demo`."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.cli.conftest import YTCS, Runner


def test_init_then_refuses_to_overwrite(ytcs: Runner, data_dir: Path) -> None:
    result = ytcs("init", "--station-code", "TYT-LT", "--station-name", "Trạm Y tế phường Lái Thiêu")
    assert result.code == 0, result.err
    assert "TYT-LT" in result.out
    stations = json.loads(ytcs("export").out)["tables"]["stations"]
    assert [(s["code"], s["name"]) for s in stations] == [("TYT-LT", "Trạm Y tế phường Lái Thiêu")]
    assert stations[0]["id"] == stations[0]["station_id"]
    before = (data_dir / "ytcs.sqlite3").read_bytes()
    again = ytcs("init", "--station-code", "TYT-X", "--station-name", "X")
    assert again.code == 2 and len(again.err_lines) == 1 and "--data-dir" in again.err
    assert (data_dir / "ytcs.sqlite3").read_bytes() == before


@pytest.mark.parametrize("args", [("--station-code", " ", "--station-name", "Trạm"),
                                  ("--station-code", "TYT", "--station-name", ""),
                                  ("--station-code", "TYT")])
def test_init_bad_input_creates_nothing(ytcs: Runner, data_dir: Path, args: tuple[str, ...]) -> None:
    result = ytcs("init", *args)
    assert result.code == 2 and len(result.err_lines) == 1
    assert list(data_dir.iterdir()) == []


def test_demo_refuses_existing_database_unless_forced(station: Runner, data_dir: Path) -> None:
    refused = station("demo", "--months", "1")
    assert refused.code == 2 and len(refused.err_lines) == 1
    assert json.loads(station("export").out)["tables"]["items"] == []
    bad = station("demo", "--months", "0", "--force")
    assert bad.code == 2 and len(bad.err_lines) == 1


def test_demo_data_is_plausible_and_checks_ok(demo_dir: Path, ytcs: Runner) -> None:
    assert ytcs("check").out == "ok\n"
    tables = json.loads(ytcs("export").out)["tables"]
    items = tables["items"]
    assert len(items) >= 200
    names = {i["name"] for i in items}
    for wanted in ("Vắc xin BCG (phòng lao)", "Vắc xin DPT-VGB-Hib (5 trong 1)", "Paracetamol 500mg",
                   "Amoxicillin 500mg", "Oresol 245", "Vitamin A 200.000 IU", "Bơm kim tiêm 1ml"):
        assert wanted in names
    assert {i["category"] for i in items} == {"drug", "supply", "vaccine"}
    assert all(i["doses_per_vial"] for i in items if i["category"] == "vaccine")
    assert len(tables["stock_transactions"]) >= 1000
    kinds = {t["kind"] for t in tables["stock_transactions"]}
    assert {"receipt", "issue"} <= kinds
    stations = {s["name"] for s in tables["stations"]}
    assert stations == {"Trạm Y tế phường An Phú", "Trạm Y tế phường Bình Hòa", "Trạm Y tế phường Lái Thiêu",
                        "Trạm Y tế phường Thuận Giao", "Trạm Y tế phường Thuận An"}
    assert tables["centres"][0]["name"] == "Trung tâm Y tế khu vực Thuận An"
    assert len(tables["departments"]) >= 5
    assert len({r["status"] for r in tables["support_requests"]}) >= 3
    assert tables["request_transitions"] and tables["request_comments"]
    assert tables["training_sessions"] and tables["training_attendance"]
    assert len(tables["fridges"]) == 2 and len(tables["temperature_readings"]) > 100
    assert tables["vial_openings"] and tables["requisitions"] and tables["shipment_lines"]
    staff = tables["staff"]
    assert all(len(p["full_name"].split()) >= 3 for p in staff)
    # Full Vietnamese diacritics, not stripped text.
    assert any("ư" in p["full_name"] or "ễ" in p["full_name"] or "ạ" in p["full_name"]
               or "ị" in p["full_name"] for p in staff)
    on_hand = ytcs("stock", "on-hand", "--format", "json")
    assert on_hand.code == 0 and len(json.loads(on_hand.out)) > 100


def test_demo_console_script_refuses_then_forced(station: Runner, ytcs_process: Runner, data_dir: Path) -> None:
    """The installed script over an existing database: refused without --force, replaced with it."""
    again = ytcs_process("demo", "--months", "1")
    assert again.code == 2 and len(again.err_lines) == 1
    forced = ytcs_process("demo", "--months", "1", "--force")
    assert forced.code == 0, forced.err
    assert "An Phú" in forced.out and "ledger_rows=" in forced.out
    assert not list(data_dir.glob("*.building*"))
    assert station("check").out == "ok\n"
    assert len(json.loads(station("export").out)["tables"]["items"]) >= 200


def test_data_dir_from_environment(station: Runner, data_dir: Path) -> None:
    """YTCS_DATA_DIR selects the folder when --data-dir is not given; YTCS_LANG the language."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("YTCS_")}
    env.update({"YTCS_DATA_DIR": str(data_dir), "YTCS_LANG": "en", "LANG": "C.UTF-8"})
    proc = subprocess.run([YTCS, "stock", "issue", "--item", "NOPE", "--qty", "1"], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [proc.stderr.strip()]
    assert "There is no item with code “NOPE”" in proc.stderr


@pytest.mark.slow
def test_full_year_demo_is_fast_and_sound(ytcs: Runner) -> None:
    started = time.perf_counter()
    result = ytcs("demo")
    took = time.perf_counter() - started
    assert result.code == 0, result.err
    assert took < 60, f"demo took {took:.1f} s"  # ~20 s on an idle 2-core machine; CI may be busy
    assert ytcs("check").out == "ok\n"
    tables = json.loads(ytcs("export").out)["tables"]
    assert len(tables["stock_transactions"]) >= 4000
    assert len({r["status"] for r in tables["support_requests"]}) >= 4
    assert len(tables["temperature_readings"]) > 1300
    assert {q["status"] for q in tables["quarantines"]} >= {"released"}
    assert len(tables["stock_counts"]) == 1


@pytest.mark.slow
def test_demo_is_deterministic(tmp_path: Path) -> None:
    """The same seed and end date give the same records (ids and clock stamps aside)."""
    import datetime as dt
    import sqlite3

    from ytcs_desktop.demo import build_demo

    def content(path: Path) -> list[tuple[object, ...]]:
        build_demo(path, months=2, today=dt.date(2026, 11, 20))
        conn = sqlite3.connect(path)
        try:
            return conn.execute(
                "SELECT t.txn_date, t.kind, t.quantity, l.lot_no, i.code, t.counterparty, t.actor "
                "FROM stock_transactions t JOIN lots l ON l.id = t.lot_id JOIN items i ON i.id = t.item_id "
                "ORDER BY t.txn_date, i.code, l.lot_no, t.kind, t.quantity").fetchall() + conn.execute(
                "SELECT full_name, title FROM staff ORDER BY full_name").fetchall() + conn.execute(
                "SELECT title, status, created_at FROM support_requests ORDER BY created_at, title").fetchall()
        finally:
            conn.close()

    assert content(tmp_path / "a.sqlite3") == content(tmp_path / "b.sqlite3")
