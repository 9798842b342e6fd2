"""The centre follows a referral and a technique transfer up from the command line, as the installed
`ytcs` in a subprocess: acknowledge, arrival, close with the judgement, the refusals in one line naming
what to do; a transfer moved a stage on with the training behind it; a station's finding closed on
evidence."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.cli.conftest import Runner
from ytcs_desktop.domain import referrals, stations, supervision, training
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.paths import database_path
from ytcs_desktop.store.db import Database

CENTRE = Actor("Phòng Kế hoạch – Nghiệp vụ", "centre")
TODAY = dt.date.today()


@pytest.fixture
def centre_dir(data_dir: Path) -> dict[str, str]:
    """A centre database holding a station's referral (as pulled), a held training and a finding."""
    db = Database.create(database_path(data_dir), role="centre")
    try:
        with db.transaction() as s:
            st = stations.create_station(s, code="TYT-AP", name="Trạm Y tế phường An Phú")
            nurse = Actor("Nguyễn Thị Lan", "station", st.id)
            ref = referrals.record_referral(s, nurse, patient_ref="BN-2031", reason="Viêm họng cấp, sốt nhẹ",
                                            destination="Trung tâm Y tế khu vực – Khoa Khám bệnh",
                                            referred_on=TODAY - dt.timedelta(days=3))
            session = training.create_session(
                s, CENTRE, organiser="Trung tâm Y tế khu vực", topic="Khâu vết thương phần mềm", programme="other",
                date_from=TODAY - dt.timedelta(days=2), date_to=TODAY - dt.timedelta(days=2), periods=8,
                format="in_person", place="Khoa Khám bệnh", audience="Bác sĩ trạm", trainers="BS. Huỳnh Văn Bảy")
            training.mark_held(s, CENTRE, session.id, today=TODAY)
            items = supervision.checklist(s, ["hand_hygiene"])
            visit = supervision.record_visit(s, CENTRE, station_id=st.id, visit_date=TODAY - dt.timedelta(days=1),
                                             areas=["hand_hygiene"], scores={i.id: 1 for i in items},
                                             team="Phòng Điều dưỡng", today=TODAY)
            finding = supervision.add_finding(s, CENTRE, visit.id, area="hand_hygiene", finding="Thiếu dung dịch",
                                              action="Bổ sung bình sát khuẩn", owner="Trưởng trạm",
                                              due_date=TODAY + dt.timedelta(days=30))
            return {"station": st.id, "referral": ref.id, "number": ref.number or "", "training": session.id,
                    "finding": finding.id}
    finally:
        db.close()


def test_centre_follows_a_referral_up_to_its_judgement(ytcs_process: Runner, centre_dir: dict[str, str]) -> None:
    number = centre_dir["number"]
    acked = ytcs_process("referral", "acknowledge", number)
    assert acked.code == 0, acked.err
    assert acked.out.strip() == f"{number}: Trung tâm đã nhận tin"
    early = ytcs_process("referral", "arrived", number, "--date", (TODAY - dt.timedelta(days=5)).isoformat())
    assert early.code == 2 and len(early.err_lines) == 1 and "trước ngày chuyển tuyến" in early.err
    assert ytcs_process("referral", "arrived", number, "--date", TODAY.isoformat()).code == 0
    vague = ytcs_process("referral", "close", number, "--outcome", "Khám, cấp thuốc", "--needed", "có lẽ")
    assert vague.code == 2 and "Có/Không" in vague.err
    closed = ytcs_process("referral", "close", centre_dir["referral"], "--outcome", "Khám, cấp thuốc ngoại trú",
                          "--needed", "không", "--advice", "Trạm điều trị được theo phác đồ đã tập huấn",
                          "--lang", "en")
    assert closed.code == 0 and closed.out.strip() == f"{number}: Closed", closed.err
    (row,) = json.loads(ytcs_process("referral", "list", "--format", "json").out)
    assert (row["status"], row["needed"], row["arrived_on"]) == ("closed", False, TODAY.isoformat())
    counts = ytcs_process("referral", "counts", "--from", (TODAY - dt.timedelta(days=7)).isoformat(),
                          "--to", TODAY.isoformat(), "--format", "json")
    (c,) = json.loads(counts.out)
    assert (c["referred"], c["judged"], c["unnecessary"], c["unnecessary_share"]) == (1, 1, 1, 1.0)
    unknown = ytcs_process("referral", "acknowledge", "CT-1999-0001")
    assert unknown.code == 2 and "Không tìm thấy phiếu chuyển tuyến" in unknown.err


def test_centre_moves_a_transfer_on_and_closes_a_finding(ytcs_process: Runner, centre_dir: dict[str, str]) -> None:
    made = ytcs_process("technique", "add", "--station", centre_dir["station"], "--name", "Khâu vết thương phần mềm",
                        "--specialty", "surgery")
    assert made.code == 0, made.err
    tech = made.out.strip()
    skipped = ytcs_process("technique", "advance", tech, "--to", "independent")
    assert skipped.code == 2 and "giai đoạn tiếp theo" in skipped.err
    alone = ytcs_process("technique", "advance", tech, "--to", "trained")
    assert alone.code == 2 and "buổi tập huấn hoặc đợt luân phiên" in alone.err
    moved = ytcs_process("technique", "advance", tech, "--to", "trained", "--training", centre_dir["training"])
    assert moved.code == 0, moved.err
    listed = json.loads(ytcs_process("technique", "list", "--format", "json").out)
    assert [(r["name"], r["status"]) for r in listed] == [("Khâu vết thương phần mềm", "trained")]

    bare = ytcs_process("supervision", "close", centre_dir["finding"], "--evidence", " ")
    assert bare.code == 2 and len(bare.err_lines) == 1
    done = ytcs_process("supervision", "close", centre_dir["finding"], "--evidence", "Đã kiểm tra lại, có ảnh chụp")
    assert done.code == 0, done.err
    assert json.loads(ytcs_process("supervision", "actions", "--open", "--format", "json").out) == []
