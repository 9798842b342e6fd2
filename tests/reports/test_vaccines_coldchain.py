"""Báo cáo sử dụng vắc xin and Phiếu theo dõi nhiệt độ tủ lạnh (with its chart)."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import func, select

from tests.reports import dataset
from tests.reports.conftest import (
    Fixture,
    assert_font_embedded,
    assert_header,
    flat,
    numbers_in_line,
    pdf_pages,
    pdf_text,
    vn,
)
from tests.reports.helpers import build, pdf, xlsx
from ytcs_desktop.domain.errors import NotFoundError
from ytcs_desktop.store.models import Item, StockTransaction


def test_vaccine_use(realistic: Fixture) -> None:
    r = build(realistic, "vaccine-use", dataset.FROM, dataset.TO)
    vaccine_lots = [lot for lot in realistic.built.lots.values()
                    if any(i.id == lot.item_id and i.category == "vaccine" for i in realistic.built.items.values())]
    assert len(r.rows) == len(vaccine_lots) == 8
    with realistic.db.read() as s:
        closing = s.scalar(select(func.sum(StockTransaction.quantity)).join(Item, Item.id == StockTransaction.item_id)
                           .where(Item.category == "vaccine", StockTransaction.txn_date <= dataset.TO))
    assert r.totals["closing"] == closing
    bcg = next(x for x in r.rows if x.lot_no == "L070-BCG")
    assert (bcg.vials_opened, bcg.doses_given, bcg.wasted_opened) == (3, 3 * 17, 9)
    assert bcg.wasted_damaged == 3
    out, _ = pdf(realistic, "vaccine-use", r)
    text = pdf_text(out)
    assert_header(text, "BÁO CÁO SỬ DỤNG VẮC XIN", "An Phú, ngày 31 tháng 01 năm 2026")
    for x in r.rows:
        nums = numbers_in_line(text, x.lot_no)
        assert any(vn(x.closing) in n and vn(x.opening) in n for n in nums), (x.lot_no, nums)
    totals = numbers_in_line(text, "Tổng cộng")[0]
    assert totals[0] == vn(r.totals["opening"]) and vn(r.totals["closing"]) in totals
    assert_font_embedded(out)


def test_vaccine_use_without_vaccines(edge: Fixture) -> None:
    r = build(edge, "vaccine-use", dataset.FROM, dataset.TO)
    assert r.rows == []
    out, _ = pdf(edge, "vaccine-use", r)
    assert "Không có số liệu trong kỳ báo cáo." in pdf_text(out)


def test_fridge_sheet_with_chart(realistic: Fixture) -> None:
    sheets = build(realistic, "fridge-temperature", dataset.FROM, dataset.TO)
    f = sheets[0]
    assert (f.sheet.recorded, f.missing, f.sheet.breaches) == (61, 1, 2)
    out, _ = pdf(realistic, "fridge-temperature", sheets)
    text = pdf_text(out)
    assert_header(text, "PHIẾU THEO DÕI NHIỆT ĐỘ TỦ LẠNH BẢO QUẢN VẮC XIN", "An Phú, ngày 31 tháng 01 năm 2026")
    assert "Tháng 01 năm 2026 – Tủ lạnh TCMR 1" in text
    for d in range(1, 32):
        assert f"{d:02d}/01/2026" in text
    assert "9,5*" in text and "-0,5*" in text  # breaches marked
    assert "Thiếu số đo chiều" in flat(text)
    assert "Tổng hợp: 61 lần đo, thiếu 1, ngoài ngưỡng 2" in flat(text)
    chart_page = next(p for p in pdf_pages(out) if "Ngoài khoảng +2…+8 °C" in p)
    assert "Sáng" in chart_page and "Chiều" in chart_page
    assert_font_embedded(out)
    book = openpyxl.load_workbook(xlsx(realistic, "fridge-temperature", sheets))
    ws = book.active
    assert ws is not None
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 31
    assert isinstance(rows[0][1], dt.datetime) and isinstance(rows[0][2], float)
    assert rows[13][2] == 9.5 and rows[13][3] == "Có"
    assert rows[9][4] is None  # the missing afternoon reading stays empty


def test_fridge_unknown(realistic: Fixture) -> None:
    with pytest.raises(NotFoundError):
        build(realistic, "fridge-temperature", dataset.FROM, dataset.TO, fridge="Tủ không có")
