"""The support programme's forms rendered to PDF and read back with pdftotext, and their workbooks
opened with openpyxl: the support plan with progress, the consultation calendar, Phụ lục II, Phụ lục I
and the ratings summary."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator

import openpyxl
import pytest

from tests.reports.conftest import Fixture, _new_db, assert_font_embedded, assert_header, flat, pdf_text
from tests.reports.helpers import pdf, xlsx
from ytcs_desktop.domain import rotations, stations, support, training
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.programme import calendar, plan, ratings, training_plan
from ytcs_desktop.store.models import Department, Station

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

CENTRE = Actor("Phòng Kế hoạch – Nghiệp vụ", "centre")
Q2 = (dt.date(2026, 4, 1), dt.date(2026, 6, 30))


@pytest.fixture(scope="module")
def programme(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fixture]:
    out = tmp_path_factory.mktemp("programme")
    db = _new_db(out / "station.sqlite3")
    sid = str(db.station_id)
    station = Actor("Nguyễn Thị Lan", "station", sid)
    with db.transaction() as s:
        home = s.get(Station, sid)
        assert home is not None
        home.parent_org = "UBND phường An Phú"
        dept = Department(code="DD", name="Phòng Điều dưỡng", kind="nursing")
        s.add(dept)
        s.flush()
        doctor = stations.add_staff(s, CENTRE, full_name="BS. Huỳnh Văn Bảy", title="doctor")
        p = plan.create_plan(s, CENTRE, station_id=sid, year=2026,
                             objectives="Nâng cao năng lực khám chữa bệnh ban đầu\nGiảm chuyển tuyến không cần thiết")
        plan.add_activity(s, CENTRE, p.id, kind="rotation", content="Bác sĩ luân phiên khám bệnh tại trạm",
                          target_q1=1, target_q2=2, target_q3=2, target_q4=1, cost_travel=1_200_000,
                          cost_per_diem=800_000, cost_materials=0)
        plan.add_activity(s, CENTRE, p.id, kind="supervision", content="Giám sát vệ sinh tay", target_q2=1)
        plan.add_indicator(s, CENTRE, p.id, name="Tỷ lệ tuân thủ vệ sinh tay",
                           measure="Quan sát 20 cơ hội vệ sinh tay mỗi quý", target="≥ 80%")
        visit = rotations.plan_visit(s, CENTRE, staff_id=doctor.id, station_id=sid, date_from="2026-04-13",
                                     date_to="2026-04-17", purpose="Khám bệnh")
        rotations.record_visit_outcome(s, CENTRE, visit.id, patients_seen=40, today="2026-04-20")
        ratings.rate_activity(s, station, kind="rotation", activity_id=visit.id, rating=5, comment="Rất hữu ích")
        request = support.create_request(s, station, kind="consultation", title="Ca đái tháo đường biến chứng")
        support.move(s, station, request.id, "submitted")
        session = calendar.schedule_session(s, CENTRE, day="2026-05-14", start_time="14:00", mode="online",
                                            link="https://meet.example.vn/hc-05", topic="Hội chẩn nội tiết",
                                            experts="BS. Huỳnh Văn Bảy", station_id=sid, today="2026-05-01")
        case = calendar.add_case(s, CENTRE, session.id, request.id)
        calendar.record_conclusion(s, CENTRE, case.id, "Chỉnh liều insulin, tái khám sau 2 tuần")
        item = training_plan.add_plan_item(s, CENTRE, year=2026, department_id=dept.id,
                                           content="Thực hành vệ sinh tay thường quy", head_count=25,
                                           format="hands_on", quarter=2, expected_time="Tháng 5/2026",
                                           audience="Điều dưỡng, hộ sinh trạm")
        held = training.create_session(s, CENTRE, organiser="Phòng Điều dưỡng", topic="Vệ sinh tay",
                                       programme="other", date_from="2026-05-12", date_to="2026-05-12", periods=4)
        training_plan.link_session(s, CENTRE, item.id, held.id)
        for name in ("Lê Thị Mai", "Trần Văn Sáu"):
            training.record_attendance(s, CENTRE, session_id=held.id, person_name=name, result="passed")
        training.mark_held(s, CENTRE, held.id, today="2026-05-13")
        training_plan.add_document(s, CENTRE, department_id=dept.id, doc_number="45/HD-TTYT", doc_date="2026-03-02",
                                   summary="Hướng dẫn quy trình vệ sinh tay tại trạm y tế", forms_guided=4,
                                   today="2026-06-01")
    yield Fixture(db, None, out)  # type: ignore[arg-type]
    db.close()


def _build(fx: Fixture, name: str, period: tuple[dt.date, dt.date]) -> object:
    from ytcs_desktop.reports.registry import ReportRequest, get

    with fx.db.read() as s:
        return get(name).data(s, ReportRequest(str(fx.db.station_id), *period))


def test_support_plan_with_progress(programme: Fixture) -> None:
    r = _build(programme, "support-plan", Q2)
    out, _ = pdf(programme, "support-plan", r)
    text = pdf_text(out)
    f = flat(text)
    assert_header(text, "KẾ HOẠCH HỖ TRỢ CHUYÊN MÔN CHO TRẠM Y TẾ", "An Phú, ngày 30 tháng 06 năm 2026")
    assert_font_embedded(out)
    for phrase in ("Nâng cao năng lực khám chữa bệnh ban đầu", "Bác sĩ luân phiên khám bệnh tại trạm",
                   "Tỷ lệ tuân thủ vệ sinh tay", "Quan sát 20 cơ hội vệ sinh tay mỗi quý", "quý II năm 2026",
                   "2.000.000", "Dự trù kinh phí"):
        assert phrase in f, phrase
    book = openpyxl.load_workbook(xlsx(programme, "support-plan", r))
    assert book.sheetnames == ["Kế hoạch", "Tiến độ", "Chỉ số chuyên môn"]
    plan_rows = list(book["Kế hoạch"].iter_rows(min_row=2, values_only=True))
    assert plan_rows[0][1:8] == ("Luân phiên", "Bác sĩ luân phiên khám bệnh tại trạm", 1, 2, 2, 1, 6)
    assert plan_rows[-1][0] == "Tổng cộng" and plan_rows[-1][-1] == 2_000_000
    progress = list(book["Tiến độ"].iter_rows(min_row=2, values_only=True))
    assert progress[0][1:] == ("Luân phiên", 2, 1, 50.0)
    assert progress[1][1:] == ("Giám sát", 1, 0, 0.0)


def test_consultation_calendar(programme: Fixture) -> None:
    r = _build(programme, "consultation-calendar", Q2)
    out, _ = pdf(programme, "consultation-calendar", r)
    text = pdf_text(out)
    f = flat(text)
    assert_header(text, "LỊCH HỘI CHẨN", "An Phú, ngày 30 tháng 06 năm 2026")
    assert "https://meet.example.v" in f and "n/hc-05" in f  # a long link wraps in its cell
    for phrase in ("14/05/2026", "14:00", "Trực tuyến", "Hội chẩn nội tiết",
                   "YC-2026-0001 Ca đái tháo đường", "Chỉnh liều insulin", "Tổng cộng: 1 buổi hội chẩn, 1 ca bệnh"):
        assert phrase in f, phrase
    book = openpyxl.load_workbook(xlsx(programme, "consultation-calendar", r))
    [row] = list(book["Lịch hội chẩn"].iter_rows(min_row=2, values_only=True))
    assert isinstance(row[0], dt.datetime) and row[0].date() == dt.date(2026, 5, 14)
    assert row[3] == "https://meet.example.vn/hc-05" and "Chỉnh liều insulin" in str(row[7])


def test_training_plan_annex_ii(programme: Fixture) -> None:
    r = _build(programme, "training-plan", (dt.date(2026, 1, 1), dt.date(2026, 12, 31)))
    out, _ = pdf(programme, "training-plan", r)
    text = pdf_text(out)
    f = flat(text)
    assert_header(text, "KẾ HOẠCH ĐÀO TẠO, TẬP HUẤN CHO TRẠM Y TẾ", "An Phú, ngày 31 tháng 12 năm 2026")
    for phrase in ("Phụ lục II", "Phòng Điều dưỡng", "Thực hành vệ sinh tay thường quy", "Cầm tay chỉ việc",
                   "Tháng 5/2026", "Điều dưỡng, hộ sinh", "8%"):
        assert phrase in f, phrase
    book = openpyxl.load_workbook(xlsx(programme, "training-plan", r))
    rows = list(book["Phụ lục II"].iter_rows(min_row=2, values_only=True))
    assert rows[0][5:] == (25, 1, 2) and rows[-1][0] == "Tổng cộng"


def test_documents_annex_i(programme: Fixture) -> None:
    r = _build(programme, "documents-rolled-out", (dt.date(2026, 1, 1), dt.date(2026, 6, 30)))
    out, _ = pdf(programme, "documents-rolled-out", r)
    f = flat(pdf_text(out))
    for phrase in ("DANH MỤC VĂN BẢN, BIỂU MẪU ĐÃ TRIỂN KHAI", "Phụ lục I", "45/HD-TTYT", "02/03/2026",
                   "quy trình vệ sinh tay tại trạm", "Văn bản đã triển khai"):
        assert phrase in f, phrase
    book = openpyxl.load_workbook(xlsx(programme, "documents-rolled-out", r))
    rows = list(book["Phụ lục I"].iter_rows(min_row=2, values_only=True))
    assert rows[0][1] == "45/HD-TTYT" and rows[0][4] == 4 and rows[-1] == ("Tổng cộng", None, None, None, 4)


def test_ratings_summary(programme: Fixture) -> None:
    r = _build(programme, "support-ratings", Q2)
    out, _ = pdf(programme, "support-ratings", r)
    f = flat(pdf_text(out))
    assert "TỔNG HỢP ĐÁNH GIÁ CỦA TRẠM Y TẾ VỀ HOẠT ĐỘNG HỖ TRỢ" in f and "Rất hữu ích" in f
    book = openpyxl.load_workbook(xlsx(programme, "support-ratings", r))
    [row] = list(book["Đánh giá"].iter_rows(min_row=2, values_only=True))
    assert row[1:5] == (2, "Luân phiên", 1, 5)


def test_no_plan_prints_a_plain_line(programme: Fixture) -> None:
    r = _build(programme, "support-plan", (dt.date(2027, 1, 1), dt.date(2027, 12, 31)))
    out, _ = pdf(programme, "support-plan", r, "-empty")
    assert "Chưa có kế hoạch hỗ trợ chuyên môn nào cho năm này." in flat(pdf_text(out))
