"""`ytcs report submit | submissions | due | schedule | review` as a station and a centre run them: the
installed console script in a subprocess, the refusals on one line with exit 2."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Runner
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.reporting.schedule import seed_schedule
from ytcs_desktop.store.db import Database


def _pull_schedule(folder: Path) -> None:
    """The centre's schedule as a station holds it after a pull (not captured: not the station's to send)."""
    db = Database.open(folder / "ytcs.sqlite3")
    try:
        with db.applying_remote() as s:
            seed_schedule(s, Actor("Phòng Kế hoạch", "centre", None))
    finally:
        db.close()


def test_a_station_submits_its_week_lists_it_and_is_refused_a_second_without_a_correction(
        ytcs_process: Runner, data_dir: Path) -> None:
    assert ytcs_process("init", "--station-code", "TYT-AP", "--station-name", "Trạm Y tế phường An Phú").code == 0
    _pull_schedule(data_dir)
    schedule = ytcs_process("report", "schedule")
    assert schedule.code == 0
    assert "thứ Sáu hằng tuần" in schedule.out and "trước ngày 15/11 hằng năm" in schedule.out
    sent = ytcs_process("report", "submit", "weekly", "--period", "2026-01-14", "--difficulty",
                        "Thiếu nhân lực trực Tết", "--proposal", "Đề nghị hỗ trợ bác sĩ")
    assert sent.code == 0, sent.err
    assert "10/01/2026–16/01/2026" in sent.out  # Saturday to Friday
    again = ytcs_process("report", "submit", "weekly", "--period", "16/01/2026")
    assert again.code == 2 and len(again.err_lines) == 1
    assert "đã gửi lúc" in again.err and "Gửi bản sửa" in again.err
    no_note = ytcs_process("report", "submit", "weekly", "--period", "2026-01-16", "--corrects")
    assert no_note.code == 2 and "điều đã sửa" in no_note.err
    fixed = ytcs_process("report", "submit", "weekly", "--period", "2026-01-16", "--corrects", "--note",
                         "Bổ sung đề xuất", "--proposal", "Đề nghị cấp thêm vắc xin BCG")
    assert fixed.code == 0 and fixed.out.startswith("Bản sửa")
    future = ytcs_process("report", "submit", "annual", "--period", "2099-05-01")
    assert future.code == 2 and "chưa kết thúc" in future.err
    listed = json.loads(ytcs_process("report", "submissions", "--format", "json").out)
    assert [(r["superseded_by"] is not None, r["proposals"]) for r in listed] == [
        (True, ["Đề nghị hỗ trợ bác sĩ"]), (False, ["Đề nghị cấp thêm vắc xin BCG"])]
    assert listed[1]["corrects"] == listed[0]["id"] and listed[0]["superseded_by"] == listed[1]["id"]
    table = ytcs_process("report", "submissions")
    assert "Đã có bản sửa" in table.out and "Đã gửi" in table.out
    due = json.loads(ytcs_process("report", "due", "--on", "2026-01-19", "--format", "json").out)
    assert {(d["kind"], d["deadline"], d["state"]) for d in due} >= {("weekly", "2026-01-09", "missing"),
                                                                     ("weekly", "2026-01-23", "due")}
    assert not any(d["deadline"] == "2026-01-16" for d in due)  # sent
    refused = ytcs_process("report", "review", listed[1]["id"], "--acknowledge")
    assert refused.code == 2 and "Chỉ Trung tâm Y tế" in refused.err
    own = ytcs_process("report", "schedule", "--set", "weekly", "--period", "week", "--deadline", "4")
    assert own.code == 2 and "Chỉ Trung tâm Y tế mới được đặt lịch báo cáo" in own.err


def test_the_centre_sets_up_the_schedule_and_a_deadline_that_is_not_a_date_is_refused(
        ytcs_process: Runner, data_dir: Path) -> None:
    Database.create(data_dir / "ytcs.sqlite3", role="centre").close()
    made = ytcs_process("report", "schedule", "--defaults")
    assert made.code == 0 and "Báo cáo tiến độ tuần" in made.out
    bad = ytcs_process("report", "schedule", "--set", "annual", "--period", "year", "--deadline", "31/02")
    assert bad.code == 2 and len(bad.err_lines) == 1
    assert "Hạn nộp “31/02” không phải một ngày: hãy nhập ngày/tháng có thật, ví dụ 15/11." in bad.err
    moved = ytcs_process("report", "schedule", "--set", "weekly", "--name", "Báo cáo tiến độ tuần", "--period",
                         "week", "--deadline", "thứ Năm", "--lang", "en")
    assert moved.code == 0 and "every Thursday" in moved.out
