"""The guarantee of a restore, end to end with a real centre server process and the real commands:
receipts written, synced, backed up, more written and synced, the backup restored, one more written and
synced. At the centre every receipt exists exactly once, and the station holds every receipt again (the
centre gives back what was sent after the copy was made): nothing lost, nothing doubled."""

from __future__ import annotations

import io
import json
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import Runner
from tests.sync.conftest import start_server, stop_server

PASSWORD = "matkhau-01"
CSV = "code,name,unit,category\nPARA500,Paracetamol 500 mg,viên,drug\n"


def with_stdin(text: str, run: Runner, *args: str, data: Path) -> int:
    old = sys.stdin
    sys.stdin = io.StringIO(text)
    try:
        return run(*args, data=data).code
    finally:
        sys.stdin = old


@pytest.fixture
def centre(tmp_path: Path, ytcs: Runner) -> Iterator[tuple[str, Path]]:
    folder = tmp_path / "centre-server"
    folder.mkdir()
    assert ytcs("centre", "add-station", "TYT-AP", "Trạm Y tế phường An Phú", data=folder).code == 0
    assert with_stdin(PASSWORD + "\n", ytcs, "centre", "add-user", "ap.lan", "--role", "station", "--station",
                      "TYT-AP", "--password-stdin", data=folder) == 0
    proc, base = start_server(f"sqlite:///{folder / 'centre-server.sqlite3'}")
    try:
        yield base, folder
    finally:
        stop_server(proc)


def receive(ytcs: Runner, pc: Path, doc: str) -> None:
    result = ytcs("stock", "receive", "--item", "PARA500", "--lot", f"L-{doc}", "--expiry", "2030-01-31",
                  "--qty", "10", "--doc", doc, data=pc)
    assert result.code == 0, result.err


def sync(ytcs: Runner, pc: Path) -> dict[str, object]:
    result = ytcs("sync", data=pc)
    assert result.code == 0, result.err
    status: dict[str, object] = json.loads(ytcs("sync", "status", "--format", "json", data=pc).out)
    assert status["rejected"] == 0 and status["pending"] == 0, status
    return status


def station_receipts(pc: Path) -> list[str]:
    with sqlite3.connect(pc / "ytcs.sqlite3") as conn:
        return sorted(r[0] for r in conn.execute("SELECT doc_no FROM stock_transactions WHERE kind = 'receipt'"))


def centre_receipts(folder: Path) -> list[str]:
    with sqlite3.connect(folder / "centre-server.sqlite3") as conn:
        return sorted(r[0] for r in conn.execute(
            "SELECT json_extract(fields, '$.doc_no') FROM ytcs_rows WHERE table_name = 'stock_transactions' "
            "AND json_extract(fields, '$.kind') = 'receipt'"))


def test_restored_backup_loses_nothing_and_doubles_nothing(centre: tuple[str, Path], ytcs: Runner,
                                                           tmp_path: Path) -> None:
    base, folder = centre
    pc = tmp_path / "ap-pc1"
    assert ytcs("init", "--station-code", "TYT-AP", "--station-name", "Trạm Y tế phường An Phú", data=pc).code == 0
    (tmp_path / "items.csv").write_text(CSV, encoding="utf-8")
    assert ytcs("items", "import", str(tmp_path / "items.csv"), data=pc).code == 0
    assert with_stdin(PASSWORD + "\n", ytcs, "login", "--server", base, "--username", "ap.lan", "--password-stdin",
                      "--store-token-in-file", data=pc) == 0
    for doc in ("PN-01", "PN-02"):
        receive(ytcs, pc, doc)
    sync(ytcs, pc)
    usb = tmp_path / "usb"
    made = ytcs("backup", "--to", str(usb), data=pc)
    assert made.code == 0, made.err
    (copy,) = usb.glob("ytcs-*.sqlite3")
    for doc in ("PN-03", "PN-04"):  # sent to the centre after the copy was made
        receive(ytcs, pc, doc)
    sync(ytcs, pc)
    assert centre_receipts(folder) == ["PN-01", "PN-02", "PN-03", "PN-04"]

    restored = ytcs("restore", str(copy), data=pc)
    assert restored.code == 0, restored.err
    assert station_receipts(pc) == ["PN-01", "PN-02"]
    receive(ytcs, pc, "PN-05")  # written after the restore
    sync(ytcs, pc)

    every = ["PN-01", "PN-02", "PN-03", "PN-04", "PN-05"]
    assert centre_receipts(folder) == every  # each once
    assert station_receipts(pc) == every  # taken back from the centre, each once
    sync(ytcs, pc)  # and a further sync changes nothing
    assert centre_receipts(folder) == every and station_receipts(pc) == every
    on_hand = json.loads(ytcs("stock", "on-hand", "--format", "json", data=pc).out)
    assert sum(row["quantity"] for row in on_hand) == 50
