"""Báo cáo xuất – nhập – tồn: every lot, every column, totals equal to the ledger's SUMs."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from tests.reports import dataset
from tests.reports.conftest import (
    Fixture,
    assert_font_embedded,
    assert_header,
    assert_page_numbers,
    numbers_in_line,
    pdf_pages,
    pdf_text,
    vn,
)
from ytcs_desktop.domain.reportdata.stock import NUMERIC, movement_report
from ytcs_desktop.reports.forms.stock import movement_document
from ytcs_desktop.reports.output import write_pdf
from ytcs_desktop.store.models import StockTransaction

TITLE = "BÁO CÁO XUẤT – NHẬP – TỒN THUỐC, VẬT TƯ Y TẾ"


def ledger_sum(fx: Fixture, before: dt.date | None = None, upto: dt.date | None = None) -> int:
    with fx.db.read() as s:
        q = select(func.coalesce(func.sum(StockTransaction.quantity), 0))
        if before:
            q = q.where(StockTransaction.txn_date < before)
        if upto:
            q = q.where(StockTransaction.txn_date <= upto)
        return int(s.scalar(q) or 0)


def test_movement_figures_match_the_ledger(realistic: Fixture) -> None:
    with realistic.db.read() as s:
        r = movement_report(s, realistic.sid, dataset.FROM, dataset.TO)
    assert len(r.rows) == len(realistic.built.lots)
    assert r.totals["opening"] == ledger_sum(realistic, before=dataset.FROM)
    assert r.totals["closing"] == ledger_sum(realistic, upto=dataset.TO)
    for row in r.rows:
        assert row.closing == (row.opening + row.received_centre + row.received_other + row.adjusted
                               - row.issued_use - row.issued_transfer - row.issued_disposal)
    # Per lot: 200 from the centre, 10 + 6 other, transfers 12, disposal 3, adjustment +2 -1.
    row = next(x for x in r.rows if x.lot_no == "L011-.62")
    assert (row.opening, row.received_centre, row.received_other) == (390 - 30 + 30, 200, 16)
    assert (row.issued_use, row.issued_transfer, row.issued_disposal, row.adjusted) == (15, 12, 3, 1)
    # The reversed issue of lot ...1 nets to zero; lot ...0 keeps it.
    row0 = next(x for x in r.rows if x.lot_no == "L010-.62")
    assert row0.issued_use == 15 + 41


def test_movement_pdf_has_every_row_and_the_totals(realistic: Fixture) -> None:
    with realistic.db.read() as s:
        r = movement_report(s, realistic.sid, dataset.FROM, dataset.TO)
    out = realistic.out / "movement.pdf"
    pages = write_pdf(movement_document(r), out)
    text = pdf_text(out)
    assert_header(text, TITLE, "An Phú, ngày 31 tháng 01 năm 2026")
    assert "Từ ngày 01/01/2026 đến ngày 31/01/2026" in text
    for row in r.rows:
        found = numbers_in_line(text, row.lot_no)
        expected = [vn(row.opening), vn(row.received_centre), vn(row.received_other), vn(row.issued_use),
                    vn(row.issued_transfer), vn(row.issued_disposal), vn(row.adjusted, True), vn(row.closing)]
        assert any(nums[-len(expected):] == expected or nums[1:1 + len(expected)] == expected for nums in found), \
            (row.lot_no, found, expected)
    totals = numbers_in_line(text, "Tổng cộng")[0]
    assert totals == [vn(r.totals[c], c == "adjusted") for c in NUMERIC]
    assert "NGƯỜI LẬP BÁO CÁO" in text and "TRƯỞNG TRẠM" in text and "Nơi nhận:" in text
    assert_font_embedded(out)
    assert pages == len(pdf_pages(out))
    if pages > 1:
        assert_page_numbers(out)


def test_movement_500_lots_paginate_with_repeated_headers(edge: Fixture) -> None:
    with edge.db.read() as s:
        r = movement_report(s, edge.sid, dataset.FROM, dataset.TO)
    assert len(r.rows) == 501
    out = edge.out / "movement-500.pdf"
    pages = write_pdf(movement_document(r), out)
    assert pages > 5
    per_page = pdf_pages(out)
    assert len(per_page) == pages
    for page in per_page:
        if "LOT" in page:  # every page with rows repeats the header row and the column numbers
            assert "Số lô" in page and "(15)" in page
    text = "\n".join(per_page)
    for k in range(500):
        assert f"LOT{k:04d}" in text
    assert "LONG-LO" in text and "ỆT-0001" in text  # a lot number longer than its column wraps
    totals = numbers_in_line(text, "Tổng cộng")[0]
    assert totals[-1] == vn(ledger_sum(edge, upto=dataset.TO))
    assert_page_numbers(out)
    assert_font_embedded(out)


def test_movement_period_without_movement(edge: Fixture) -> None:
    with edge.db.read() as s:
        r = movement_report(s, edge.sid, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert all(x.opening == x.closing for x in r.rows)
    assert r.totals["closing"] == ledger_sum(edge, upto=dt.date(2026, 3, 31))
    out = edge.out / "movement-march.pdf"
    write_pdf(movement_document(r), out)
    assert "Từ ngày 01/03/2026 đến ngày 31/03/2026" in pdf_text(out)


def test_empty_ledger_prints_the_empty_line(edge: Fixture) -> None:
    with edge.db.read() as s:
        r = movement_report(s, edge.sid, dt.date(2020, 1, 1), dt.date(2020, 1, 31))
    assert r.rows == []
    out = edge.out / "movement-empty.pdf"
    write_pdf(movement_document(r), out)
    assert "Không có số liệu trong kỳ báo cáo." in pdf_text(out)
