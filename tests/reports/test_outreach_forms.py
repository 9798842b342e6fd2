"""The rotation schedule both ways, the visits' case list, the technique register and the village health
worker register rendered to PDF and read back with pdftotext, their workbooks opened with openpyxl; at
the centre each register names its stations."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator

import openpyxl
import pytest

from tests.reports.conftest import Fixture, _new_db, assert_font_embedded, assert_header, flat, pdf_text
from tests.reports.helpers import pdf, xlsx
from ytcs_desktop.domain import rotations, stations, techniques, training, village_workers, visit_cases
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.reports.registry import REPORTS, ReportRequest, get
from ytcs_desktop.store.models import Department, Station

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

CENTRE = Actor("Phòng Kế hoạch – Nghiệp vụ", "centre")
Q2 = (dt.date(2026, 4, 1), dt.date(2026, 6, 30))


@pytest.fixture(scope="module")
def outreach(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fixture]:
    out = tmp_path_factory.mktemp("outreach")
    db = _new_db(out / "station.sqlite3")
    sid = str(db.station_id)
    station = Actor("Nguyễn Thị Lan", "station", sid)
    with db.transaction() as s:
        home = s.get(Station, sid)
        assert home is not None
        home.parent_org = "UBND phường An Phú"
        dept = Department(code="KKB", name="Khoa Khám bệnh", kind="clinical")
        s.add(dept)
        s.flush()
        doctor = stations.add_staff(s, CENTRE, full_name="Huỳnh Văn Bảy", title="doctor", department_id=dept.id,
                                    scope_of_practice="general,internal")
        nurse = stations.add_staff(s, station, full_name="Nguyễn Thị Lan", title="nurse", scope_of_practice="nursing")
        down = rotations.plan_visit(s, CENTRE, staff_id=doctor.id, station_id=sid, date_from="2026-04-13",
                                    date_to="2026-04-17", purpose="Khám, quản lý tăng huyết áp", scope_area="internal")
        visit_cases.add_case(s, station, visit_id=down.id, description="Tăng huyết áp khó kiểm soát",
                             patient_ref="BN-1203", icd10="I10")
        visit_cases.add_case(s, station, visit_id=down.id, kind="need", description="Hướng dẫn đọc điện tim")
        rotations.record_visit_outcome(s, CENTRE, down.id, patients_seen=40, today="2026-04-17")
        rotations.plan_visit(s, CENTRE, staff_id=nurse.id, direction="to_centre", department_id=dept.id,
                             date_from="2026-05-04", date_to="2026-05-15", purpose="Cầm tay chỉ việc: khâu vết thương")
        held = training.create_session(s, CENTRE, organiser="TTYT", topic="Khâu vết thương phần mềm",
                                       programme="other", date_from="2026-04-02", date_to="2026-04-02", periods=8)
        training.mark_held(s, CENTRE, held.id, today="2026-04-02")
        tech = techniques.add_technique(s, CENTRE, station_id=sid, name="Khâu vết thương phần mềm",
                                        specialty="surgery", department_id=dept.id, on="2026-01-15")
        techniques.advance(s, CENTRE, tech.id, to_status="trained", on="2026-04-02", training_id=held.id,
                           today="2026-06-30")
        techniques.advance(s, CENTRE, tech.id, to_status="supervised", on="2026-04-17", visit_id=down.id,
                           today="2026-06-30")
        techniques.add_technique(s, station, name="Tiêm bắp", specialty="nursing", performing=True, on="2026-01-02")
        worker = village_workers.add_worker(s, station, full_name="Lê Thị Mười", hamlet="Khu phố 3",
                                            phone="0903123456", birth_year=1978, since="2015-03-01")
        village_workers.add_worker(s, station, full_name="Âu Văn Ba", hamlet="Khu phố 1")
        own = training.create_session(s, station, organiser="Trạm", topic="Phòng chống sốt xuất huyết",
                                      programme="epidemic", date_from="2026-05-20", date_to="2026-05-20", periods=4)
        training.record_attendance(s, station, session_id=own.id, village_worker_id=worker.id)
    yield Fixture(db, None, out)  # type: ignore[arg-type]
    db.close()


def _build(fx: Fixture, name: str) -> object:
    with fx.db.read() as s:
        return get(name).data(s, ReportRequest(str(fx.db.station_id), *Q2))


def test_rotation_schedule_both_ways(outreach: Fixture) -> None:
    r = _build(outreach, "rotation-schedule")
    out, _ = pdf(outreach, "rotation-schedule", r, "-two-way")
    text = pdf_text(out)
    f = flat(text)
    for phrase in ("Huỳnh Văn Bảy", "Nguyễn Thị Lan", "Khoa Khám bệnh", "Tổng cộng 17"):
        assert phrase in f, phrase
    # The direction column wraps its words: each visit's line ends with the first half of its direction.
    lines = text.splitlines()
    assert next(x for x in lines if "Huỳnh Văn Bảy" in x).rstrip().endswith("Trung tâm")
    assert next(x for x in lines if "Nguyễn Thị Lan" in x).rstrip().endswith("Trạm lên")
    rows = list(openpyxl.load_workbook(xlsx(outreach, "rotation-schedule", r, "-two-way")).active
                .iter_rows(min_row=2, values_only=True))  # type: ignore[union-attr]
    assert [(x[0], x[2], x[6], x[9]) for x in rows[:2]] == [
        ("Huỳnh Văn Bảy", "Khoa Khám bệnh", 5, "Trung tâm về trạm"),
        ("Nguyễn Thị Lan", "Khoa Khám bệnh", 12, "Trạm lên Trung tâm")]
    assert rows[-1][0] == "Tổng cộng" and rows[-1][6] == 17


def test_case_list(outreach: Fixture) -> None:
    r = _build(outreach, "visit-cases")
    out, _ = pdf(outreach, "visit-cases", r)
    text = pdf_text(out)
    assert_header(text, "DANH MỤC CA BỆNH, NHU CẦU CẦN HỖ TRỢ", "An Phú, ngày 30 tháng 06 năm 2026")
    assert_font_embedded(out)
    f = flat(text)
    for phrase in ("BN-1203", "I10", "Tăng huyết áp khó kiểm soát", "Nhu cầu hỗ trợ", "Hướng dẫn đọc điện tim",
                   "Huỳnh Văn Bảy,", "13/04/2026–17/04/2026", "Tổng cộng: 2 ca bệnh, nhu cầu cho 1 đợt luân phiên"):
        assert phrase in f, phrase
    ws = openpyxl.load_workbook(xlsx(outreach, "visit-cases", r)).active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:4] == ("Đợt luân phiên", "Trạm", "Loại", "Mã người bệnh")
    assert [(x[2], x[3], x[4]) for x in rows[1:]] == [("Ca bệnh", "BN-1203", "I10"), ("Nhu cầu hỗ trợ", None, None)]


def test_technique_register(outreach: Fixture) -> None:
    r = _build(outreach, "technique-register")
    out, _ = pdf(outreach, "technique-register", r)
    text = pdf_text(out)
    assert_header(text, "DANH MỤC KỸ THUẬT VÀ TIẾN ĐỘ CHUYỂN GIAO", "An Phú, ngày 30 tháng 06 năm 2026")
    f = flat(text)
    for phrase in ("Khâu vết thương phần mềm", "Thực hành có giám sát", "15/01/2026", "02/04/2026", "17/04/2026",
                   "Tiêm bắp", "Thực hiện độc lập", "Tập huấn: Khâu vết thương", "Tổng số 2 kỹ thuật",
                   "Ngày đạt từng giai đoạn"):
        assert phrase in f, phrase
    ws = openpyxl.load_workbook(xlsx(outreach, "technique-register", r)).active
    assert ws is not None
    rows = {x[0]: x for x in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["Khâu vết thương phần mềm"][3] == "Thực hành có giám sát"
    assert rows["Khâu vết thương phần mềm"][5] == dt.datetime(2026, 4, 2)
    assert rows["Tiêm bắp"][7] == dt.datetime(2026, 1, 2) and rows["Tiêm bắp"][4] is None


def test_village_health_worker_register(outreach: Fixture) -> None:
    r = _build(outreach, "village-health-workers")
    out, _ = pdf(outreach, "village-health-workers", r)
    text = pdf_text(out)
    assert_header(text, "SỔ THEO DÕI NHÂN VIÊN Y TẾ THÔN, ẤP", "An Phú, ngày 30 tháng 06 năm 2026")
    f = flat(text)
    for phrase in ("Lê Thị Mười", "Khu phố 3", "0903123456", "1978", "01/03/2015",
                   "Phòng chống sốt xuất huyết (20/05/2026)", "Âu Văn Ba", "Tổng cộng: 2 người"):
        assert phrase in f, phrase
    ws = openpyxl.load_workbook(xlsx(outreach, "village-health-workers", r)).active
    assert ws is not None
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [(x[0], x[2], x[7]) for x in rows[:2]] == [("Âu Văn Ba", "Khu phố 1", 0), ("Lê Thị Mười", "Khu phố 3", 4)]
    assert rows[-1][0] == "Tổng cộng" and rows[-1][7] == 4


def test_registered_with_excel() -> None:
    for name in ("visit-cases", "technique-register", "village-health-workers"):
        assert REPORTS[name].sheets is not None and REPORTS[name].by_station
