"""The referral register and the supervision visit report: rendered through the registry to PDF and read
back with pdftotext, and exported to Excel and opened with openpyxl."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from tests.reports import dataset
from tests.reports.conftest import Fixture, _new_db, assert_font_embedded, flat, pdf_text
from tests.reports.helpers import build, pdf, xlsx
from ytcs_desktop.domain import referrals, supervision
from ytcs_desktop.domain.actor import Actor

TODAY = dt.date(2026, 6, 30)
CENTRE = Actor("BS. Trần Văn Hùng", "centre", None)


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Fixture:
    out: Path = tmp_path_factory.mktemp("referrals")
    db = _new_db(out / "station.sqlite3")
    nurse = Actor("Nguyễn Thị Lan", "station", db.station_id)
    with db.transaction() as s:
        ids = [referrals.record_referral(s, nurse, patient_ref=f"BN-{n}", reason=reason, destination=where,
                                         icd10=icd, referred_on=dt.date(2026, 6, 2 + n), today=TODAY).id
               for n, (reason, where, icd) in enumerate([
                   ("Đau bụng cấp, nghi viêm ruột thừa", "Bệnh viện Đa khoa tỉnh – Khoa Ngoại", "K35.8"),
                   ("Sốt cao, ho khan kéo dài", "Bệnh viện Phổi", "J18.9"),
                   ("Tăng huyết áp chưa kiểm soát", "Bệnh viện Đa khoa tỉnh – Khoa Nội", "I10"),
               ])]
        for rid, needed in zip(ids[:2], (True, False), strict=True):
            referrals.record_arrival(s, CENTRE, rid, arrived=True, today=TODAY)
            referrals.close_referral(s, CENTRE, rid, outcome="Điều trị ổn định, ra viện", needed=needed,
                                     advice="Trạm có thể điều trị ngoại trú" if not needed else None)
        items = supervision.checklist(s, ["injection_safety", "drug_storage"])
        visit = supervision.record_visit(s, CENTRE, station_id=str(db.station_id), visit_date=dt.date(2026, 6, 20),
                                         areas=["injection_safety", "drug_storage"], team="Phòng Điều dưỡng",
                                         scores={i.id: 2 if n % 2 else 1 for n, i in enumerate(items)},
                                         summary="Trạm thực hiện tốt quy trình tiêm an toàn", today=TODAY)
        supervision.add_finding(s, CENTRE, visit.id, area="drug_storage", finding="Không có ẩm kế trong kho thuốc",
                                action="Trang bị ẩm kế, ghi sổ hằng ngày", owner="DS. Võ Minh Châu",
                                due_date=dt.date(2026, 7, 15))
    return Fixture(db, dataset.Built(station_id=str(db.station_id)), out)


def test_referral_register_pdf_and_excel(filled: Fixture) -> None:
    data = build(filled, "referral-register", dt.date(2026, 6, 1), TODAY)
    out, pages = pdf(filled, "referral-register", data)
    raw = pdf_text(out)
    text = flat(raw)
    assert pages >= 1 and "SỔ THEO DÕI CHUYỂN TUYẾN" in text
    line = next(x for x in raw.splitlines() if "CT-2026-0001" in x)
    assert "02/06/2026" in line and "K35.8" in line and "Đau bụng cấp" in line and " Có " in line
    assert "Trạm có thể" in text and "Tổng cộng: 3 ca chuyển tuyến" in text
    assert "TỶ LỆ CHUYỂN TUYẾN KHÔNG CẦN THIẾT THEO TRẠM" in text
    assert "Trạm Y tế phường An Phú 3 2 1 50 1" in text  # 3 referred, 2 judged, 1 unnecessary, 50 %, 1 open
    assert_font_embedded(out)

    book = openpyxl.load_workbook(xlsx(filled, "referral-register", data))
    sheet = book["Chuyển tuyến"]
    assert [c.value for c in sheet[1]][:3] == ["Ngày", "Số phiếu", "Trạm"]
    assert sheet.cell(2, 1).value == dt.datetime(2026, 6, 2) and sheet.cell(2, 6).value == "K35.8"
    assert sheet.cell(3, 13).value == "Không"
    counts = book["Tỷ lệ theo trạm"]
    assert [c.value for c in counts[2]] == ["Trạm Y tế phường An Phú", 3, 2, 1, 50.0, 1]


def test_supervision_visit_report_pdf_and_excel(filled: Fixture) -> None:
    data = build(filled, "supervision-visit", dt.date(2026, 6, 1), TODAY)
    out, _pages = pdf(filled, "supervision-visit", data)
    raw = pdf_text(out)
    text = flat(raw)
    assert "BIÊN BẢN GIÁM SÁT CHUYÊN MÔN TẠI TRẠM Y TẾ" in text and "GS-2026-0001" in text
    area_line = next(x for x in raw.splitlines() if "An toàn tiêm chích" in x)
    assert area_line.split()[-4:] == ["4", "6", "8", "75"]  # items, points, maximum, per cent
    finding_line = next(x for x in raw.splitlines() if "Không có ẩm kế trong kho thuốc" in x)
    assert "Trang bị ẩm kế" in finding_line and "15/07/2026" in finding_line
    assert "TRƯỞNG ĐOÀN GIÁM SÁT" in text and "Trạm thực hiện tốt quy trình tiêm an toàn" in text

    book = openpyxl.load_workbook(xlsx(filled, "supervision-visit", data))
    areas = book["Điểm theo lĩnh vực"]
    rows = [[c.value for c in r] for r in areas.iter_rows(min_row=2)]
    by_area = {r[3]: r for r in rows}
    assert set(by_area) == {"An toàn tiêm chích", "Bảo quản thuốc"}
    assert by_area["An toàn tiêm chích"][4:7] == [4, 6, 8]  # 1, 2, 1, 2 of 2 each
    findings = book["Tồn tại, khắc phục"]
    assert findings.cell(2, 4).value == "Không có ẩm kế trong kho thuốc"
    assert findings.cell(2, 7).value == dt.datetime(2026, 7, 15)
