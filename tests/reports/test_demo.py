"""Every form from the demo data (`ytcs demo`, two months): PDFs with every lot and totals equal to the
ledger's SUMs, and the Excel exports of every form that has one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from tests.reports.conftest import Fixture, assert_font_embedded, flat, numbers_in_line, pdf_text, vn
from tests.reports.dataset import Built
from tests.reports.helpers import build, pdf, xlsx
from tests.reports.test_handover import PARTIES
from ytcs_desktop.demo import build_demo
from ytcs_desktop.domain.errors import NotFoundError
from ytcs_desktop.reports.registry import REPORTS
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Item, StockTransaction


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Fixture, dt.date, dt.date]]:
    out = tmp_path_factory.mktemp("demo")
    path: Path = out / "ytcs.sqlite3"
    build_demo(path, months=2, seed=3)
    db = Database.open(path)
    with db.read() as s:
        last = s.scalar(select(func.max(StockTransaction.txn_date)))
    assert last is not None and db.station_id is not None
    first = (last.replace(day=1) - dt.timedelta(days=1)).replace(day=1)  # the last full month
    end = last.replace(day=1) - dt.timedelta(days=1)
    yield Fixture(db, Built(db.station_id), out), first, end
    db.close()


def ledger_sum(fx: Fixture, upto: dt.date, vaccines: bool = False) -> int:
    with fx.db.read() as s:
        q = select(func.coalesce(func.sum(StockTransaction.quantity), 0)).where(StockTransaction.txn_date <= upto)
        if vaccines:
            q = q.join(Item, Item.id == StockTransaction.item_id).where(Item.category == "vaccine")
        return int(s.scalar(q) or 0)


IN_TURN = {"supervision-visit", "visit-cases"}


@pytest.mark.parametrize("name", list(REPORTS))
def test_demo_form(demo: tuple[Fixture, dt.date, dt.date], name: str) -> None:
    fx, first, end = demo
    if name in IN_TURN:  # the centre's teams reach the five stations in turn: the demo station's, every other month
        first = (first - dt.timedelta(days=1)).replace(day=1)
    try:
        data = build(fx, name, first, end, parties=PARTIES)
    except NotFoundError:
        assert name == "stock-count"  # the demo counts once a year
        return
    out, _ = pdf(fx, name, data)
    text = pdf_text(out)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    if name != "requisition":  # a requisition is dated the day it was made
        assert f"ngày {end.day:02d} tháng {end.month:02d} năm {end.year}" in flat(text)
    assert_font_embedded(out)
    if name == "stock-movement":
        assert data.totals["closing"] == ledger_sum(fx, end)
        for row in data.rows:
            assert row.lot_no in text
        assert numbers_in_line(text, "Tổng cộng")[0][-1] == vn(data.totals["closing"])
    if name == "vaccine-use":
        assert data.totals["closing"] == ledger_sum(fx, end, vaccines=True)
    if name == "handover":
        assert data.total_quantity == ledger_sum(fx, end)
    if REPORTS[name].sheets is not None:
        book = openpyxl.load_workbook(xlsx(fx, name, data))
        ws = book.worksheets[0]
        assert ws.max_row >= 2 and ws.cell(1, 1).font.b
