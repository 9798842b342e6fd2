from __future__ import annotations

from ytcs_desktop.ui.main_window import MainWindow


def test_station_window_opens_with_navigation(station_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert station_window.nav.count() >= 1
    titles = [station_window.nav.item(i).text() for i in range(station_window.nav.count())]
    assert "Kho" in titles


def test_keyboard_navigation_and_default_buttons(station_window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from tests.ui.helpers import seed_items
    from ytcs_desktop.ui.dialogs.stock_moves import ReceiveDialog
    from ytcs_desktop.ui.pages.stock import StockPage

    seed_items(station_window.ctx.db)
    station_window.activateWindow()
    qtbot.waitExposed(station_window)
    qtbot.keyClick(station_window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert station_window.stack.currentWidget() is station_window.page(StockPage)
    page = station_window.page(StockPage)
    assert isinstance(page, StockPage)
    page.on_hand.table.setFocus()
    qtbot.keyClick(page.on_hand.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ReceiveDialog), timeout=3000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ReceiveDialog)
    assert dialog.save_button.isDefault()
    # Enter submits (the default button): with nothing typed the domain refuses, the dialog stays.
    qtbot.keyClick(dialog.lot_no, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(dialog.form.error_text(n) for n in dialog.form.fields) or
                    dialog.form.error_text() != "", timeout=5000)
    assert dialog.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
