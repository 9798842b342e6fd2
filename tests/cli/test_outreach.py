"""`ytcs village-worker add | list`, `ytcs technique add | list` and `ytcs rotation list` as the installed
console script: ids on stdout, refusals on one line with exit 2, the schedule both ways with its warnings."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Runner, copy_database
from ytcs_desktop.domain import rotations, stations
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.store.db import Database

CENTRE = Actor("Phòng Kế hoạch – Nghiệp vụ", "centre")


def test_village_workers_and_techniques(ytcs_process: Runner, station_template: Path, data_dir: Path) -> None:
    copy_database(station_template, data_dir)
    added = ytcs_process("village-worker", "add", "--name", "Lê Thị Mười", "--hamlet", "Khu phố 3",
                         "--phone", "0903 123 456", "--birth-year", "1978")
    assert added.code == 0, added.err
    assert added.out.splitlines()[0] == "Đã ghi Lê Thị Mười vào sổ nhân viên y tế thôn/ấp."
    bad = ytcs_process("village-worker", "add", "--name", "Âu Văn Ba", "--hamlet", " ")
    assert bad.code == 2 and bad.err.count("\n") == 1 and "thôn, ấp" in bad.err
    listing = ytcs_process("village-worker", "list", "--format", "json")
    assert [(r["full_name"], r["hamlet"], r["phone"]) for r in json.loads(listing.out)] == [
        ("Lê Thị Mười", "Khu phố 3", "0903123456")]
    table = ytcs_process("village-worker", "list")
    assert "Thôn, ấp" in table.out and "Lê Thị Mười" in table.out

    tech = ytcs_process("technique", "add", "--name", "Tiêm bắp", "--specialty", "điều dưỡng", "--performing")
    assert tech.code == 0, tech.err
    again = ytcs_process("technique", "add", "--name", "tiêm bắp", "--specialty", "nursing")
    assert again.code == 2 and "đã có trong danh mục" in again.err
    listing = ytcs_process("technique", "list", "--format", "json")
    [row] = json.loads(listing.out)
    assert (row["id"], row["status"], row["specialty"]) == (tech.out.strip(), "independent", "nursing")
    table = ytcs_process("technique", "list", "--lang", "en")
    assert "Performed independently" in table.out and "Nursing" in table.out


def test_rotation_list_both_ways(ytcs_process: Runner, station_template: Path, data_dir: Path) -> None:
    copy_database(station_template, data_dir)
    db = Database.open(data_dir / "ytcs.sqlite3")
    try:
        station = Actor("Nguyễn Thị Lan", "station", db.station_id)
        with db.transaction() as s:
            centre = stations.create_centre(s, code="TTYT-TA", name="Trung tâm Y tế khu vực Thuận An", actor=CENTRE)
            dept = stations.create_department(s, centre_id=centre.id, code="KKB", name="Khoa Khám bệnh",
                                              kind="clinical", actor=CENTRE)
            doctor = stations.add_staff(s, CENTRE, full_name="Huỳnh Văn Bảy", title="doctor",
                                        scope_of_practice="internal")
            nurse = stations.add_staff(s, station, full_name="Nguyễn Thị Lan", title="nurse")
            rotations.plan_visit(s, CENTRE, staff_id=doctor.id, station_id=db.station_id, date_from="2026-05-11",
                                 date_to="2026-05-13", purpose="Khám thai", scope_area="obstetrics")
            rotations.plan_visit(s, CENTRE, staff_id=nurse.id, direction="to_centre", department_id=dept.id,
                                 date_from="2026-05-12", date_to="2026-05-15", purpose="Cầm tay chỉ việc")
    finally:
        db.close()
    listing = ytcs_process("rotation", "list", "--format", "json")
    assert listing.code == 0, listing.err
    rows = json.loads(listing.out)
    assert [(r["direction"], r["staff"], r["days"]) for r in rows] == [("to_station", "Huỳnh Văn Bảy", 3),
                                                                       ("to_centre", "Nguyễn Thị Lan", 4)]
    assert "phạm vi hành nghề" in rows[0]["warnings"][0] and "Trạm lên" not in rows[0]["warnings"][0]
    assert any("Nguyễn Thị Lan" in w for w in rows[1]["warnings"])
    up = ytcs_process("rotation", "list", "--direction", "trạm lên trung tâm")
    assert up.code == 0 and "Khoa Khám bệnh" in up.out and "Huỳnh Văn Bảy" not in up.out
    assert "12/05/2026" in up.out
    bad = ytcs_process("rotation", "list", "--direction", "ngang")
    assert bad.code == 2 and "to_station" in bad.err


def test_demo_carries_rotation_both_ways_techniques_and_workers(ytcs: Runner, demo_template: Path,
                                                                data_dir: Path) -> None:
    copy_database(demo_template, data_dir)
    visits = json.loads(ytcs("rotation", "list", "--format", "json").out)
    assert {v["direction"] for v in visits} == {"to_station", "to_centre"}
    assert any(v["cases"] for v in visits)
    stages = {t["status"] for t in json.loads(ytcs("technique", "list", "--format", "json").out)}
    assert {"independent", "trained"} <= stages
    workers = json.loads(ytcs("village-worker", "list", "--format", "json").out)
    assert len(workers) == 6 and all(w["hamlet"] and w["trainings"] for w in workers)
