"""Biên bản bàn giao: parties from JSON, stock on hand by lot = the ledger's SUM, open requests."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.reports import dataset
from tests.reports.conftest import Fixture, assert_font_embedded, assert_header, flat, pdf_pages, pdf_text, vn
from tests.reports.helpers import build, pdf
from ytcs_desktop.domain.errors import ValidationError
from ytcs_desktop.store.models import StockTransaction

PARTIES = {
    "number": "05/BB-TYT",
    "time": "2026-01-31T15:30",
    "reason": "Thay đổi nhân sự phụ trách kho",
    "handing_over": [{"name": "Phạm Đức Hưởng", "position": "Y sĩ", "unit": "TYT phường An Phú"}],
    "receiving": [{"name": "Lê Ỷ Lan", "position": "Điều dưỡng", "unit": "TYT phường An Phú"}],
    "witnesses": [{"name": "Trần Quốc Toản", "position": "Phó trưởng trạm", "unit": "TYT phường An Phú"}],
    "records": ["Sổ theo dõi xuất nhập thuốc", "Thẻ kho các mặt hàng"],
    "equipment": ["Tủ lạnh TCMR 1: hoạt động tốt"],
    "conclusion": "Bên nhận đã kiểm tra, nhận đủ.",
}


def test_handover_minutes(realistic: Fixture) -> None:
    h = build(realistic, "handover", dataset.FROM, dataset.TO, parties=PARTIES)
    with realistic.db.read() as s:
        total = s.scalar(select(func.sum(StockTransaction.quantity)).where(StockTransaction.txn_date <= dataset.TO))
    assert h.total_quantity == total
    assert len(h.stock) == len(realistic.built.lots)
    out, pages = pdf(realistic, "handover", h)
    text = pdf_text(out)
    f = flat(text)
    assert_header(text, "BIÊN BẢN BÀN GIAO", "An Phú, ngày 31 tháng 01 năm 2026")
    assert "Số: 05/BB-TYT" in text
    assert "Hôm nay, 15 giờ 30, ngày 31/01/2026" in f
    for who in ("Phạm Đức Hưởng", "Lê Ỷ Lan", "Trần Quốc Toản"):
        assert f.count(who) >= 2  # in the parties and under the signatures
    for r in h.stock:
        assert any(r.lot_no in line and vn(r.quantity) in line for line in text.splitlines()), r
    assert f"Tổng cộng (đơn vị cơ bản) {vn(h.total_quantity)}" in f
    for r in h.requests:
        assert r.number in text
    assert len(h.requests) == 4  # submitted, accepted, scheduled, in progress
    for phrase in ("Sổ theo dõi xuất nhập thuốc", "Tủ lạnh TCMR 1: hoạt động tốt", "Bên nhận đã kiểm tra, nhận đủ.",
                   "BÊN GIAO", "BÊN NHẬN", "NGƯỜI CHỨNG KIẾN"):
        assert phrase in f, phrase
    # the signature block is whole on the last page
    last = pdf_pages(out)[-1]
    assert "BÊN GIAO" in last and "(Ký, ghi rõ họ tên)" in last and "Phạm Đức Hưởng" in last
    assert_font_embedded(out)
    assert pages >= 1


def test_handover_edge_names_and_500_lots(edge: Fixture) -> None:
    parties = dict(PARTIES, handing_over=[{"name": p} for p in dataset.PEOPLE], witnesses=[])
    h = build(edge, "handover", dataset.FROM, dataset.TO, parties=parties)
    assert len(h.stock) == 501
    out, _ = pdf(edge, "handover", h)
    text = pdf_text(out)
    for p in dataset.PEOPLE:
        assert f"Ông/Bà: {p}" in text
    for k in range(500):
        assert f"LOT{k:04d}" in text
    assert "NGƯỜI CHỨNG KIẾN" not in text


def test_handover_needs_both_parties(realistic: Fixture) -> None:
    with pytest.raises(ValidationError):
        build(realistic, "handover", dataset.FROM, dataset.TO, parties={"handing_over": [{"name": "A"}]})
    with pytest.raises(ValidationError):
        build(realistic, "handover", dataset.FROM, dataset.TO, parties={})
