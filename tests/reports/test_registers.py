"""Support register, rotation schedule (Phụ lục III), training register (Phụ lục II) + CME, weekly."""

from __future__ import annotations

import datetime as dt

import openpyxl

from tests.reports import dataset
from tests.reports.conftest import Fixture, assert_font_embedded, assert_header, flat, numbers_in_line, pdf_text, vn
from tests.reports.helpers import build, pdf, xlsx


def test_support_register(realistic: Fixture) -> None:
    r = build(realistic, "support-register", dataset.FROM, dataset.TO)
    assert [x.number for x in r.rows] == [f"YC-{i:03d}" for i in range(1, 8)]
    out, _ = pdf(realistic, "support-register", r)
    text = pdf_text(out)
    f = flat(text)
    assert_header(text, "SỔ THEO DÕI HỖ TRỢ CHUYÊN MÔN", "An Phú, ngày 31 tháng 01 năm 2026")
    for x in r.rows:
        assert x.number in text and x.kind.split()[0] in text
    for label in ("Hội chẩn", "Chuyển giao", "Từ chối", "Hoàn thành", "Trực tuyến", "I10"):
        assert label in f, label
    assert "Tổng cộng: 7 yêu cầu" in f
    book = openpyxl.load_workbook(xlsx(realistic, "support-register", r))
    ws = book.active
    assert ws is not None
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 7 + 1
    assert isinstance(rows[0][0], dt.datetime) and rows[0][1] == "YC-001"


def test_rotation_schedule(realistic: Fixture) -> None:
    r = build(realistic, "rotation-schedule", dataset.FROM, dataset.TO)
    assert [x.staff for x in r.rows] == ["Phạm Đức Hưởng", "Trần Quốc Toản"]
    out, _ = pdf(realistic, "rotation-schedule", r)
    text = pdf_text(out)
    assert_header(text, "LỊCH LUÂN PHIÊN CÁN BỘ", "An Phú, ngày 31 tháng 01 năm 2026")
    assert "Trung tâm về trạm và trạm lên Trung tâm" in flat(text)
    assert "Phụ lục III" in text
    for x in r.rows:
        assert x.staff in text and x.date_from.strftime("%d/%m/%Y") in text
    assert numbers_in_line(text, "Tổng cộng")[0] == [vn(r.total_days)] == ["10"]
    book = openpyxl.load_workbook(xlsx(realistic, "rotation-schedule", r))
    ws = book.active
    assert ws is not None
    total = list(ws.iter_rows(values_only=True))[-1]
    assert total[0] == "Tổng cộng" and total[6] == 10


def test_training_register_and_cme(realistic: Fixture) -> None:
    r = build(realistic, "training-register", dataset.FROM, dataset.TO)
    assert len(r.rows) == 3 and r.total_periods == 8 + 12 + 16
    out, _ = pdf(realistic, "training-register", r)
    text = pdf_text(out)
    assert_header(text, "SỔ THEO DÕI ĐÀO TẠO, TẬP HUẤN", "An Phú, ngày 31 tháng 01 năm 2026")
    assert "Phụ lục II" in text
    assert "TIẾN ĐỘ ĐÀO TẠO LIÊN TỤC" in text
    for p in r.cme:
        assert any(vn(p.periods_in_window) in n and "120" in n for n in numbers_in_line(text, p.name)), p
    assert numbers_in_line(text, "Tổng cộng")[0] == [vn(r.total_periods), vn(r.total_trainees)]
    book = openpyxl.load_workbook(xlsx(realistic, "training-register", r))
    assert book.sheetnames == ["Đào tạo", "Đào tạo liên tục"]
    cme_rows = list(book["Đào tạo liên tục"].iter_rows(min_row=2, values_only=True))
    assert [(x[0], x[2]) for x in cme_rows] == [(p.name, p.periods_in_window) for p in r.cme]


def test_weekly_report(realistic: Fixture) -> None:
    notes = {"difficulties": ["Thiếu nhân lực trực Tết", "Tủ lạnh số 1 cũ, hay báo lỗi"],
             "proposals": "Đề nghị TTYT hỗ trợ bác sĩ luân phiên"}
    w = build(realistic, "weekly", dt.date(2026, 1, 5), dt.date(2026, 1, 11), parties=notes)
    assert (w.requests_opened, w.visits_done) == (2, 0)
    out, _ = pdf(realistic, "weekly", w)
    text = pdf_text(out)
    f = flat(text)
    assert_header(text, "BÁO CÁO TIẾN ĐỘ CÔNG VIỆC TUẦN", "An Phú, ngày 11 tháng 01 năm 2026")
    assert "gửi mới 2" in f
    for phrase in ("Thiếu nhân lực trực Tết", "Tủ lạnh số 1 cũ, hay báo lỗi", "Đề nghị TTYT hỗ trợ bác sĩ luân phiên"):
        assert phrase in f
    for a in w.near_expiry:
        assert a.detail.split(",")[0] in text
    assert_font_embedded(out)
