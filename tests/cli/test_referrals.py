"""`ytcs referral` and `ytcs supervision`: a referral recorded and listed, a missing reason refused with
its field named, the checklist and the per-station counts; the console script in a subprocess."""

from __future__ import annotations

import datetime as dt
import json

from tests.cli.conftest import Runner


def test_record_and_list_referrals(station: Runner, ytcs_process: Runner) -> None:
    made = ytcs_process("referral", "new", "--patient", "BN-2031", "--reason", "Sốt cao co giật, 2 tuổi",
                        "--to", "Bệnh viện Nhi tỉnh", "--icd10", "r560", "--urgency", "cấp cứu")
    assert made.code == 0, made.err
    rid = made.out.strip()
    listed = ytcs_process("referral", "list", "--format", "json")
    (row,) = json.loads(listed.out)
    assert row["id"] == rid and row["icd10"] == "R56.0" and row["urgency"] == "emergency"
    assert row["status"] == "sent" and row["number"] == f"CT-{dt.date.today().year}-0001"
    table = ytcs_process("referral", "list")
    assert "Bệnh viện Nhi tỉnh" in table.out and "Cấp cứu" in table.out and "Đã chuyển" in table.out

    today = dt.date.today().isoformat()
    counts = ytcs_process("referral", "counts", "--from", today, "--to", today, "--format", "json")
    (c,) = json.loads(counts.out)
    assert (c["referred"], c["judged"], c["unnecessary_share"], c["supervision_visits"]) == (1, 0, None, 0)


def test_a_referral_without_a_reason_is_refused(station: Runner, ytcs_process: Runner) -> None:
    refused = ytcs_process("referral", "new", "--patient", "BN-1", "--reason", " ", "--to", "Bệnh viện tỉnh")
    assert refused.code == 2
    (line,) = refused.err_lines
    assert "Vui lòng nhập lý do chuyển tuyến" in line
    assert json.loads(ytcs_process("referral", "list", "--format", "json").out) == []


def test_checklist_and_empty_supervision_lists(station: Runner) -> None:
    checklist = station("supervision", "checklist")
    assert checklist.code == 0 and "Vệ sinh tay" in checklist.out and "Bảo quản thuốc" in checklist.out
    english = station("supervision", "checklist", "--lang", "en")
    assert "Hand hygiene" in english.out
    assert json.loads(station("supervision", "actions", "--open", "--format", "json").out) == []
    assert json.loads(station("supervision", "visits", "--format", "json").out) == []
