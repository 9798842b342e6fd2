"""Biên bản kiểm kê, Phiếu dự trù, Biên bản hủy."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from tests.reports import dataset
from tests.reports.conftest import (
    Fixture,
    assert_font_embedded,
    assert_header,
    flat,
    numbers_in_line,
    pdf_text,
    vn,
)
from tests.reports.helpers import build, pdf
from ytcs_desktop.domain.errors import NotFoundError
from ytcs_desktop.store.models import StockTransaction


def test_count_minutes(realistic: Fixture) -> None:
    counts = build(realistic, "stock-count", dataset.FROM, dataset.TO)
    assert len(counts) == 1
    c = counts[0]
    assert len(c.rows) == len(realistic.built.lots)
    assert c.total_book == sum(300 + i for i in range(len(c.rows)))
    out, _ = pdf(realistic, "stock-count", counts)
    text = pdf_text(out)
    assert_header(text, "BIÊN BẢN KIỂM KÊ THUỐC, VẬT TƯ Y TẾ", "An Phú, ngày 30 tháng 01 năm 2026")
    assert "Số: KK-01/2026" in text
    for person in dataset.PEOPLE[:3]:
        assert person in text
    for r in c.rows:
        nums = numbers_in_line(text, r.lot_no)
        assert any(vn(r.book) in n and vn(r.physical) in n for n in nums), r
    totals = numbers_in_line(text, "Tổng cộng")[0]
    assert totals[:2] == [vn(c.total_book), vn(c.total_physical)]
    assert "Đề nghị bổ sung tủ bảo quản thuốc." in text
    assert "THÀNH VIÊN TỔ KIỂM" in text and "TRƯỞNG TRẠM" in text
    assert_font_embedded(out)


def test_requisition(realistic: Fixture) -> None:
    forms = build(realistic, "requisition", dataset.FROM, dataset.TO)
    f = forms[0]
    assert len(f.rows) == len(realistic.built.items)
    out, _ = pdf(realistic, "requisition", forms)
    text = pdf_text(out)
    assert_header(text, "PHIẾU DỰ TRÙ THUỐC, VẬT TƯ Y TẾ", "An Phú, ngày 27 tháng 01 năm 2026")
    for r in f.rows:
        nums = numbers_in_line(text, f" {r.code} ")
        assert any(n[-2:] == [vn(r.requested), vn(r.approved)] for n in nums), (r, nums)
    assert numbers_in_line(text, "Tổng cộng")[0] == [vn(f.total_requested), vn(f.total_approved)]
    assert f.total_requested == sum(300 + 10 * i for i in range(len(f.rows)))


def test_disposal_minutes_match_the_ledger(realistic: Fixture) -> None:
    d = build(realistic, "disposal", dataset.FROM, dataset.TO)
    with realistic.db.read() as s:
        ledger = -int(s.scalar(select(func.sum(StockTransaction.quantity)).where(
            StockTransaction.kind == "disposal", StockTransaction.txn_date <= dataset.TO,
            StockTransaction.txn_date >= dataset.FROM)) or 0)
    assert d.total == ledger == 3 * len(realistic.built.lots)
    out, _ = pdf(realistic, "disposal", d)
    text = pdf_text(out)
    assert_header(text, "BIÊN BẢN HỦY THUỐC, VẬT TƯ Y TẾ", "An Phú, ngày 31 tháng 01 năm 2026")
    assert "Số: …/BB-TYT" in text
    for r in d.rows:
        assert r.lot_no in text
    assert numbers_in_line(text, "Tổng cộng")[0] == [vn(d.total)]
    assert "Hết hạn sử dụng" in flat(text)


def test_disposal_with_diacritics_and_a_long_name(edge: Fixture) -> None:
    d = build(edge, "disposal", dataset.FROM, dataset.TO)
    assert [r.quantity for r in d.rows] == [5]
    out, _ = pdf(edge, "disposal", d)
    text = pdf_text(out)
    for word in dataset.LONG_NAME.split():
        assert word in text, word  # the long name wraps: every word is printed
    assert_font_embedded(out)


@pytest.mark.parametrize("name", ["stock-count", "requisition"])
def test_documents_absent_in_period(edge: Fixture, name: str) -> None:
    with pytest.raises(NotFoundError) as err:
        build(edge, name, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert "không có gì để in" in err.value.vi
