"""Receive → issue (FEFO) → dispose → reverse through the widgets, then the real SQLite file."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.helpers import pick, seed_items, set_date, type_into
from ytcs_desktop.store.models import StockTransaction
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.pages.stock import StockPage
from ytcs_desktop.ui.pages.stock_onhand import select_row


def _open_stock(window: MainWindow, qtbot: QtBot) -> StockPage:
    page = window.page(StockPage)
    with qtbot.waitSignal(page.on_hand.lot_model.loaded, timeout=5000):
        window.show_page(window.index_of(type(page)))
    return page  # type: ignore[return-value]


def _lots(page: StockPage) -> set[tuple[str, int]]:
    return {(r.lot_no, r.quantity) for r in page.on_hand.lot_model.rows()}


def _receive(page: StockPage, qtbot: QtBot, item: str, lot: str, expiry: dt.date, qty: str) -> None:
    dialog = page.on_hand.receive()
    qtbot.waitUntil(lambda: dialog.item.count() > 0, timeout=5000)
    pick(dialog.item, item)
    type_into(qtbot, dialog.lot_no, lot)
    set_date(dialog.expiry, expiry)
    type_into(qtbot, dialog.quantity, qty)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: (lot, int(qty)) in _lots(page), timeout=5000)
    assert not dialog.isVisible()


def test_receive_issue_fefo_dispose_reverse(station_window: MainWindow, qtbot: QtBot) -> None:
    db = station_window.ctx.db
    seed_items(db)
    page = _open_stock(station_window, qtbot)
    today = dt.date.today()
    _receive(page, qtbot, "Paracetamol", "P-LATE", today + dt.timedelta(days=700), "300")
    _receive(page, qtbot, "Paracetamol", "P-SOON", today + dt.timedelta(days=60), "100")
    assert _lots(page) == {("P-LATE", 300), ("P-SOON", 100)}

    # A refused input keeps the dialog open with the message under the field and the text kept.
    dialog = page.on_hand.issue()
    qtbot.waitUntil(lambda: dialog.item.count() > 0, timeout=5000)
    pick(dialog.item, "Paracetamol")
    type_into(qtbot, dialog.quantity, "9999")
    with qtbot.waitSignal(dialog.suggested, timeout=5000):
        pass
    qtbot.waitUntil(lambda: "P-SOON" in dialog.suggestion.text(), timeout=5000)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.form.error_text("quantity") != "", timeout=5000)
    assert "Không đủ tồn kho" in dialog.form.error_text("quantity")
    assert dialog.quantity.text() == "9999" and dialog.isVisible()

    # FEFO: 150 takes all of the soon-expiring lot first, then 50 from the later one.
    type_into(qtbot, dialog.quantity, "150")
    qtbot.waitUntil(lambda: "Lấy 100 từ lô P-SOON" in dialog.suggestion.text(), timeout=5000)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: _lots(page) == {("P-LATE", 250)}, timeout=5000)

    # Dispose of 10 from the remaining lot, then reverse that disposal from the stock card.
    select_row(page.on_hand.table, 0)
    disposal = page.on_hand.dispose()
    assert disposal is not None
    disposal.quantity.setValue(10)
    disposal.save_button.click()
    qtbot.waitUntil(lambda: _lots(page) == {("P-LATE", 240)}, timeout=5000)
    select_row(page.on_hand.table, 0)

    page.on_hand.card_button.click()
    qtbot.waitUntil(lambda: page.card.model.rowCount() == 5, timeout=5000)
    lines = page.card.model.rows()
    assert [line.kind for line in lines][-1] == "disposal"
    select_row(page.card.table, len(lines) - 1)
    reverse = page.card.reverse()
    assert reverse is not None
    type_into(qtbot, reverse.reason, "Ghi nhầm số lượng")
    reverse.save_button.click()
    qtbot.waitUntil(lambda: page.card.model.rowCount() == 6, timeout=5000)
    assert page.card.model.closing == 250

    with db.read() as s:
        kinds = [t.kind for t in s.scalars(select(StockTransaction).order_by(StockTransaction.id))]
    assert kinds == ["receipt", "receipt", "issue", "issue", "disposal", "reversal"]


def test_levels_of_an_item_set_refused_and_back_to_the_catalogue(station_window: MainWindow, qtbot: QtBot) -> None:
    seed_items(station_window.ctx.db)
    page = _open_stock(station_window, qtbot)
    _receive(page, qtbot, "Paracetamol", "P-1", dt.date.today() + dt.timedelta(days=400), "80")
    tab = page.on_hand
    assert not tab.levels_button.isEnabled()  # by lot: choose an item first
    with qtbot.waitSignal(tab.item_model.loaded, timeout=5000):
        tab.by_item.setChecked(True)

    def item_row() -> int:
        return next(i for i, r in enumerate(tab.item_model.rows()) if r.name.startswith("Paracetamol"))

    def levels() -> tuple[int, int]:
        row = tab.item_model.rows()[item_row()]
        return row.min_stock, row.max_stock

    select_row(tab.table, tab.table.model().mapFromSource(tab.item_model.index(item_row(), 0)).row())
    assert tab.levels_button.isEnabled()
    catalogue = levels()
    dialog = tab.levels()
    assert dialog is not None
    type_into(qtbot, dialog.min_stock, "200")
    type_into(qtbot, dialog.max_stock, "150")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.form.error_text("max_stock") != "", timeout=5000)
    assert "nhỏ hơn mức tối thiểu" in dialog.form.error_text("max_stock")
    assert dialog.isVisible() and dialog.min_stock.text() == "200"
    type_into(qtbot, dialog.max_stock, "600")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: levels() == (200, 600), timeout=5000)
    assert not dialog.isVisible()

    select_row(tab.table, tab.table.model().mapFromSource(tab.item_model.index(item_row(), 0)).row())
    again = tab.levels()
    assert again is not None and again.min_stock.text() == "200"
    again.default_button.click()
    qtbot.waitUntil(lambda: levels() == catalogue, timeout=5000)
