"""`ytcs plan | consult | rating | training-plan | rollout` as the installed command in a subprocess: the
centre writes the plan and the calendar and lists progress; bad input is one line naming the field and
exit code 2; a station lists its own plan and rates what it received."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.cli.conftest import Runner
from ytcs_desktop.domain import rotations, stations, support
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.programme import plan
from ytcs_desktop.paths import database_path
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Department

CENTRE = Actor("Phòng Kế hoạch – Nghiệp vụ", "centre")
TOMORROW = dt.date.today() + dt.timedelta(days=1)
YEAR = str(dt.date.today().year)


@pytest.fixture
def centre_dir(data_dir: Path) -> dict[str, str]:
    """A centre database with one station, a department and a submitted request of that station."""
    db = Database.create(database_path(data_dir), role="centre")
    try:
        with db.transaction() as s:
            st = stations.create_station(s, code="TYT-AP", name="Trạm Y tế phường An Phú")
            s.add(Department(code="DD", name="Phòng Điều dưỡng", kind="nursing"))
            request = support.create_request(s, Actor("Lan", "station", st.id), kind="consultation",
                                             title="Ca sốt kéo dài")
            support.move(s, Actor("Lan", "station", st.id), request.id, "submitted")
            return {"station": st.id, "request": request.id}
    finally:
        db.close()


def test_centre_plans_and_lists_progress(ytcs_process: Runner, centre_dir: dict[str, str]) -> None:
    made = ytcs_process("plan", "new", "--station", "TYT-AP", "--year", YEAR, "--objectives",
                        "Nâng cao chất lượng khám chữa bệnh")
    assert made.code == 0, made.err
    plan_id = made.out.strip()
    activity = ytcs_process("plan", "activity", plan_id, "--kind", "luân phiên", "--content", "Bác sĩ về trạm",
                            "--q1", "1", "--q2", "2", "--travel", "1.200.000", "--per-diem", "600000")
    assert activity.code == 0, activity.err
    assert ytcs_process("plan", "indicator", plan_id, "--name", "Tỷ lệ kê đơn đúng",
                        "--measure", "Rà soát 30 đơn mỗi quý").code == 0
    shown = json.loads(ytcs_process("plan", "show", "--year", YEAR, "--format", "json").out)
    assert [(r["kind"], r["targets"], r["cost_travel"]) for r in shown] == [("rotation", [1, 2, 0, 0], 1_200_000)]
    progress = ytcs_process("plan", "progress", "--year", YEAR, "--quarter", "2")
    assert progress.code == 0 and "Luân phiên" in progress.out and "Trạm Y tế phường An Phú" in progress.out

    # A target below zero: one line naming the field, exit 2, nothing written.
    bad = ytcs_process("plan", "activity", plan_id, "--kind", "training", "--content", "Tập huấn", "--q3", "-2")
    assert bad.code == 2 and len(bad.err_lines) == 1
    assert "chỉ tiêu quý 3" in bad.err.lower() and "-2" in bad.err
    assert len(json.loads(ytcs_process("plan", "show", "--year", YEAR, "--format", "json").out)) == 1


def test_centre_calendar(ytcs_process: Runner, centre_dir: dict[str, str]) -> None:
    past = ytcs_process("consult", "schedule", "--day", "2020-01-06", "--time", "08:00", "--place", "TTYT",
                        "--topic", "Hội chẩn", "--experts", "BS. Bảy")
    assert past.code == 2 and "đã qua" in past.err and "06/01/2020" in past.err
    no_link = ytcs_process("consult", "schedule", "--day", TOMORROW.isoformat(), "--time", "14:00", "--mode",
                           "online", "--topic", "Hội chẩn", "--experts", "BS. Bảy", "--lang", "en")
    assert no_link.code == 2 and "meeting link" in no_link.err
    made = ytcs_process("consult", "schedule", "--day", TOMORROW.isoformat(), "--time", "14:00", "--mode", "online",
                        "--link", "https://meet.example.vn/hc", "--topic", "Hội chẩn nhi", "--experts",
                        "BS. Huỳnh Văn Bảy", "--station", "TYT-AP")
    assert made.code == 0, made.err
    session = made.out.strip()
    case = ytcs_process("consult", "case", session, centre_dir["request"])
    assert case.code == 0, case.err
    assert ytcs_process("consult", "conclude", case.out.strip(), "Theo dõi tại trạm").code == 0
    listed = json.loads(ytcs_process("consult", "list", "--format", "json").out)
    assert listed[0]["where"] == "https://meet.example.vn/hc"
    assert listed[0]["cases"][0]["conclusion"] == "Theo dõi tại trạm"
    table = ytcs_process("consult", "list")
    assert "Trực tuyến" in table.out and "Hội chẩn nhi" in table.out


def test_training_plan_and_documents(ytcs_process: Runner, centre_dir: dict[str, str]) -> None:
    zero = ytcs_process("training-plan", "add", "--year", YEAR, "--department", "DD", "--content", "Vệ sinh tay",
                        "--head-count", "0")
    assert zero.code == 2 and "lớn hơn 0" in zero.err
    item = ytcs_process("training-plan", "add", "--year", YEAR, "--department", "Phòng Điều dưỡng", "--content",
                        "Vệ sinh tay thường quy", "--head-count", "25", "--format", "cầm tay chỉ việc",
                        "--quarter", "2")
    assert item.code == 0, item.err
    listed = json.loads(ytcs_process("training-plan", "list", "--year", YEAR, "--format", "json").out)
    assert [(r["format"], r["head_count"], r["department"]) for r in listed] == [("hands_on", 25,
                                                                                  "Phòng Điều dưỡng")]
    doc = ytcs_process("rollout", "add", "--department", "DD", "--number", "45/HD-TTYT", "--date", "2026-01-05",
                       "--summary", "Hướng dẫn vệ sinh tay", "--forms", "3")
    assert doc.code == 0, doc.err
    table = ytcs_process("rollout", "list")
    assert "45/HD-TTYT" in table.out and "05/01/2026" in table.out


def test_station_sees_its_plan_and_rates_a_visit(ytcs_process: Runner, station: Runner, data_dir: Path) -> None:
    db = Database.open(database_path(data_dir))
    try:
        sid = str(db.station_id)
        with db.transaction() as s:  # as pulled from the centre
            p = plan.create_plan(s, CENTRE, station_id=sid, year=YEAR, objectives="Nâng cao năng lực")
            plan.add_activity(s, CENTRE, p.id, kind="rotation", content="Luân phiên", target_q1=2)
            doctor = stations.add_staff(s, CENTRE, full_name="BS. Huỳnh Văn Bảy", title="doctor")
            visit = rotations.plan_visit(s, CENTRE, staff_id=doctor.id, station_id=sid, date_from="2026-01-05",
                                         date_to="2026-01-09", purpose="Khám bệnh")
            rotations.record_visit_outcome(s, CENTRE, visit.id, patients_seen=20, today="2026-01-10")
            visit_id = visit.id
    finally:
        db.close()
    shown = ytcs_process("plan", "show", "--year", YEAR)
    assert shown.code == 0 and "Luân phiên" in shown.out
    refused = ytcs_process("plan", "new", "--station", "TYT-AP", "--year", YEAR, "--objectives", "Trạm tự lập")
    assert refused.code == 2 and "Chỉ Trung tâm Y tế" in refused.err
    bad = ytcs_process("rating", "give", "rotation", visit_id, "7")
    assert bad.code == 2 and "từ 1 (kém) đến 5 (rất tốt)" in bad.err
    assert ytcs_process("rating", "give", "rotation", visit_id, "5", "--comment", "Rất nhiệt tình").code == 0
    summary = json.loads(ytcs_process("rating", "summary", "--year", "2026", "--format", "json").out)
    assert [(g["kind"], g["quarter"], g["count"], g["average"]) for g in summary] == [("rotation", 1, 1, 5)]
