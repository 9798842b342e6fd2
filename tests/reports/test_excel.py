"""Excel exports: header row, typed cells, totals equal to the ledger, widths that fit."""

from __future__ import annotations

import datetime as dt

import openpyxl
from sqlalchemy import func, select

from tests.reports import dataset
from tests.reports.conftest import Fixture
from tests.reports.helpers import build, xlsx
from ytcs_desktop.domain.inventory.movements import movement_summary
from ytcs_desktop.store.models import StockTransaction


def test_stock_movement_workbook(realistic: Fixture) -> None:
    r = build(realistic, "stock-movement", dataset.FROM, dataset.TO)
    book = openpyxl.load_workbook(xlsx(realistic, "stock-movement", r))
    ws = book["Xuất nhập tồn"]
    rows = list(ws.iter_rows(values_only=True))
    header, body, totals = rows[0], rows[1:-1], rows[-1]
    assert header[:6] == ("Mã", "Tên thuốc, vật tư", "ĐVT", "Số lô", "Hạn dùng", "Tồn đầu kỳ")
    assert len(body) == len(r.rows)
    for row in body:
        assert isinstance(row[4], dt.datetime)  # a real date, shown DD/MM/YYYY
        assert all(isinstance(v, int) for v in row[5:13])
        assert row[12] == row[5] + row[6] + row[7] - row[8] - row[9] - row[10] + row[11]
    assert ws.cell(2, 5).number_format == "DD/MM/YYYY" and ws.cell(2, 6).number_format == "#,##0"
    with realistic.db.read() as s:
        closing = s.scalar(select(func.sum(StockTransaction.quantity)).where(StockTransaction.txn_date <= dataset.TO))
    assert totals[0] == "Tổng cộng" and totals[12] == closing == sum(row[12] for row in body)
    assert ws.freeze_panes == "A2"
    name_width = ws.column_dimensions["B"].width
    assert name_width >= max(len(x.name) for x in r.rows)
    assert ws.column_dimensions["E"].width >= 10


def test_movement_agrees_with_the_inventory_module(realistic: Fixture) -> None:
    """Same opening and closing per lot as domain.inventory.movement_summary (which books reversals as
    adjustments, where the printed report books them against the movement they cancel)."""
    r = build(realistic, "stock-movement", dataset.FROM, dataset.TO)
    with realistic.db.read() as s:
        theirs = {m.lot_no: m for m in movement_summary(s, realistic.sid, dataset.FROM, dataset.TO)}
    assert set(theirs) == {x.lot_no for x in r.rows}
    for x in r.rows:
        m = theirs[x.lot_no]
        assert (x.opening, x.closing, x.received_centre, x.issued_transfer) == \
            (m.opening, m.closing, m.received_centre, m.issued_transfer)


def test_edge_workbook_500_lots(edge: Fixture) -> None:
    r = build(edge, "stock-movement", dataset.FROM, dataset.TO)
    book = openpyxl.load_workbook(xlsx(edge, "stock-movement", r, "-edge"))
    rows = list(book.active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert len(rows) == 1 + 501 + 1
    assert rows[-1][12] == r.totals["closing"]
    names = {row[1] for row in rows[1:-1]}
    assert dataset.LONG_NAME in names  # never cut
    assert book.active.column_dimensions["B"].width == 60  # type: ignore[union-attr]  # capped, text wraps
