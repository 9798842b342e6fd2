"""Thẻ kho: every movement of the item in date order with the running balance."""

from __future__ import annotations

from sqlalchemy import func, select

from tests.reports import dataset
from tests.reports.conftest import Fixture, assert_font_embedded, assert_header, numbers_in_line, pdf_text, vn
from ytcs_desktop.domain.reportdata.stock import items_with_activity, stock_card
from ytcs_desktop.reports.forms.stock import stock_card_document
from ytcs_desktop.reports.output import write_pdf
from ytcs_desktop.store.models import StockTransaction


def test_stock_card_balances_match_the_ledger(realistic: Fixture) -> None:
    item = realistic.built.items["40.62"]
    with realistic.db.read() as s:
        card = stock_card(s, realistic.sid, "40.62", dataset.FROM, dataset.TO)
        closing = s.scalar(select(func.sum(StockTransaction.quantity)).where(
            StockTransaction.item_id == item.id, StockTransaction.txn_date <= dataset.TO))
        codes = items_with_activity(s, realistic.sid, dataset.FROM, dataset.TO)
    assert card.closing == closing
    assert card.opening + card.total_in - card.total_out == card.closing
    assert [e.date for e in card.entries] == sorted(e.date for e in card.entries)
    assert len(card.entries) == 2 * 9 + 1  # nine movements per lot in January, one reversal
    assert set(codes) == set(realistic.built.items)
    out = realistic.out / "card.pdf"
    write_pdf(stock_card_document([card]), out)
    text = pdf_text(out)
    assert_header(text, "THẺ KHO", "An Phú, ngày 31 tháng 01 năm 2026")
    assert "Amoxicilin 500 mg" in text
    for e in card.entries:
        if e.doc_in or e.doc_out:
            assert any(vn(e.balance) in nums
                       for nums in numbers_in_line(text, e.doc_in or e.doc_out)), e
    assert numbers_in_line(text, "Tồn cuối kỳ")[-1][-1] == vn(card.closing)
    assert numbers_in_line(text, "Cộng phát sinh trong kỳ")[0] == [vn(card.total_in), vn(card.total_out)]
    assert_font_embedded(out)


def test_stock_card_of_500_lots(edge: Fixture) -> None:
    with edge.db.read() as s:
        card = stock_card(s, edge.sid, "40.999", dataset.FROM, dataset.TO)
    assert len(card.entries) == 500 + sum(1 for k in range(500) if k % 7)
    out = edge.out / "card-500.pdf"
    write_pdf(stock_card_document([card]), out)
    text = pdf_text(out)
    for k in range(500):
        assert f"LOT{k:04d}" in text
    assert numbers_in_line(text, "Tồn cuối kỳ")[-1][-1] == vn(card.closing)
