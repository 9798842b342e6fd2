"""`ytcs audit`: the installed command lists who changed what, on which computer, with each field before →
after in words, filtered by person, kind of record (its name or its words) and period; a record's history."""

from __future__ import annotations

import datetime as dt
import json
import socket

from tests.cli.conftest import Runner

LAN = {"YTCS_USER": "Nguyễn Thị Lan"}
HUNG = {"YTCS_USER": "Lê Văn Hùng"}


def test_audit_names_the_person_the_computer_and_the_fields(ytcs_process: Runner) -> None:
    assert ytcs_process("init", "--station-code", "TYT-AP", "--station-name", "Trạm Y tế phường An Phú",
                        env=LAN).code == 0
    made = ytcs_process("request", "new", "--kind", "consultation", "--title", "Hội chẩn ca sốt kéo dài", env=LAN)
    assert made.code == 0, made.err
    request_id = made.out.strip()
    moved = ytcs_process("request", "move", request_id, "cancelled", env=HUNG)
    assert moved.code == 0, moved.err

    everything = ytcs_process("audit", "--format", "json")
    assert everything.code == 0, everything.err
    lines = json.loads(everything.out)
    assert {line["person"] for line in lines} == {"Nguyễn Thị Lan", "Lê Văn Hùng"}
    assert {line["computer"] for line in lines} == {socket.gethostname()[:120]}
    assert all("_" not in line["kind"] for line in lines)  # kinds in words, never a table name

    hung = json.loads(ytcs_process("audit", "--person", "Lê Văn Hùng", "--table", "Yêu cầu hỗ trợ",
                                   "--format", "json").out)
    number = f"YC-{dt.date.today().year}-0001"
    assert [(line["record"], line["action"]) for line in hung] == [(f"{number} – Hội chẩn ca sốt kéo dài", "update")]
    (status,) = [c for c in hung[0]["changes"] if c["field"] == "Trạng thái"]
    assert (status["before"], status["after"]) == ("Nháp", "Đã hủy")

    history = json.loads(ytcs_process("audit", "--table", "support_requests", "--record", request_id,
                                      "--format", "json").out)
    assert [(h["person"], h["action"]) for h in history] == [("Lê Văn Hùng", "update"), ("Nguyễn Thị Lan", "insert")]
    assert {"field": "Tiêu đề", "before": "", "after": "Hội chẩn ca sốt kéo dài"} in history[1]["changes"]

    table = ytcs_process("audit", "--table", "yeu cau ho tro")
    assert table.code == 0
    assert "Lê Văn Hùng" in table.out and "Trạng thái: Nháp → Đã hủy" in table.out
    assert "support_requests" not in table.out and "status" not in table.out

    tomorrow = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    later = json.loads(ytcs_process("audit", "--since", tomorrow, "--format", "json").out)
    assert later == []


def test_audit_refusals_are_one_line(ytcs_process: Runner) -> None:
    assert ytcs_process("init", "--station-code", "TYT-AP", "--station-name", "Trạm Y tế phường An Phú").code == 0
    unknown = ytcs_process("audit", "--table", "tủ thuốc")
    assert unknown.code == 2 and len(unknown.err_lines) == 1 and "Không có loại bản ghi “tủ thuốc”" in unknown.err
    backwards = ytcs_process("audit", "--since", "2026-03-01", "--until", "2026-02-01")
    assert backwards.code == 2 and len(backwards.err_lines) == 1 and "khoảng ngày" in backwards.err
    bad_day = ytcs_process("audit", "--since", "31/02/2026")
    assert bad_day.code == 2 and len(bad_day.err_lines) == 1
