"""`ytcs demo` (what `make run` starts) shows each step while it builds, and leaves the station saying
when it last synced: its data is in sync with the demo centre, so never “Chưa đồng bộ lần nào”."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Runner
from ytcs_desktop.store.db import Database
from ytcs_desktop.ui.models.sync_info import local_status


def test_the_demo_prints_its_steps_and_records_its_sync(ytcs_process: Runner, data_dir: Path) -> None:
    built = ytcs_process("demo", "--months", "1")
    assert built.code == 0, built.err
    steps = [line for line in built.err.splitlines() if line.startswith("[bước ")]
    assert steps[0].startswith("[bước 1/") and "danh mục, nhân sự" in steps[0], built.err
    assert any("đã mô phỏng tháng 1/" in line for line in steps), built.err
    assert steps[-1].endswith("giây)") and "máy chủ Trung tâm mẫu đã đồng bộ với trạm" in steps[-1], built.err
    total = int(steps[0].split("/")[1].split("]")[0])
    assert f"[bước {total}/{total}]" in steps[-1] and len(steps) == total + 1  # the last step: station, centre
    assert "ledger_rows=" in built.out and "[bước" not in built.out  # stdout stays the summary
    assert "truongtram, thukho, dieuduong" in built.out  # the people who sign in on the demo station's PC
    refused = ytcs_process("stock", "receive", "--item", "X", "--lot", "L", "--expiry", "2030-01-31", "--qty", "1")
    assert refused.code == 2 and "ytcs signin" in refused.err  # nobody signed in: a write is refused
    keeper = ytcs_process("signin", "thukho", env={"YTCS_PASSWORD": "ytcs-demo"})
    assert keeper.code == 0 and "(thủ kho / dược sĩ)" in keeper.out, keeper.err
    status = ytcs_process("sync", "status", "--format", "json")
    assert status.code == 0, status.err
    last = json.loads(status.out)["last_sync"]
    assert last["complete"] is True and last["pushed"] > 1000 and last["at_ms"] > 0, last
    db = Database.open(data_dir / "ytcs.sqlite3")
    try:
        assert local_status(db).last_success is not None  # what the window's status bar shows
    finally:
        db.close()
