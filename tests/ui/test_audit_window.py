"""The audit trail in the window: "Lịch sử…" on the stock and support lists shows who changed the record,
when, on which computer and each field before → after in words; the change log page filters by person,
kind of record and period, keeps a bad period's filter with a message, and saves what it shows to Excel."""

from __future__ import annotations

import datetime as dt
import socket
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.helpers import seed_items, station_actor
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.inventory import receive
from ytcs_desktop.domain.support import create_request, move
from ytcs_desktop.store.models import Lot
from ytcs_desktop.ui.dialogs.history import HistoryDialog
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.pages.audit_log import AuditLogPage
from ytcs_desktop.ui.pages.stock import StockPage
from ytcs_desktop.ui.pages.support import SupportPage

LAN, HUNG = "Nguyễn Thị Lan", "Lê Văn Hùng"
IGNORE = ("does not support raise", "does not support grabbing", "propagateSizeHints")


def _seed(window: MainWindow) -> tuple[str, str]:
    db = window.ctx.db
    ids = seed_items(db)
    today = dt.date.today()
    with db.transaction(person=LAN) as s:
        (txn,) = receive(s, station_actor(db), item_id=ids["PARA500"], lot_no="P0",
                         expiry=today + dt.timedelta(days=300), quantity=10, txn_date=today)
        lot_id = txn.lot_id
    with db.transaction(person=HUNG) as s:
        lot = s.get(Lot, lot_id)
        assert lot is not None
        lot.manufacturer = "Công ty CP Dược Hậu Giang"
    with db.transaction(person=LAN) as s:
        actor = Actor(LAN, "station", db.station_id)
        request = create_request(s, actor, kind="consultation", title="Hội chẩn ca sốt kéo dài")
        move(s, actor, request.id, "submitted")
        request_id = request.id
    return lot_id, request_id


def _history(qtbot: QtBot, dialog: HistoryDialog | None, rows: int) -> HistoryDialog:
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() == rows, timeout=15000)
    return dialog


@pytest.mark.qt_log_ignore(*IGNORE)
def test_history_of_a_lot_and_of_a_request(station_window: MainWindow, qtbot: QtBot) -> None:
    _seed(station_window)
    page = station_window.open(StockPage)
    assert isinstance(page, StockPage)
    tab = page.on_hand
    qtbot.waitUntil(lambda: tab.lot_model.rowCount() == 1, timeout=15000)
    rect = tab.table.visualRect(tab.table.model().index(0, 1))
    menu = tab._row_menu(rect.center())
    assert menu is not None and "Lịch sử…" in [a.text() for a in menu.actions()]
    menu.close()
    tab.history_action.trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), HistoryDialog), timeout=5000)
    dialog = _history(qtbot, QApplication.activeModalWidget(), 2)  # type: ignore[arg-type]
    assert dialog.windowTitle() == "Lịch sử: Paracetamol 500 mg, P0"
    created, changed = dialog.model.rows()
    assert (created.person, created.action, changed.person, changed.action) == (LAN, "Tạo mới", HUNG, "Sửa")
    assert created.computer == socket.gethostname()[:120]
    assert [(c.field, c.before, c.after) for c in changed.changes] == [
        ("Nhà sản xuất", "", "Công ty CP Dược Hậu Giang")]
    headers = [dialog.model.headerData(i, Qt.Orientation.Horizontal) for i in range(dialog.model.columnCount())]
    assert headers == ["Thời gian", "Người thực hiện", "Máy", "Thao tác", "Thay đổi"]
    assert "Số lô: P0" in dialog.model.index(0, 4).data()
    dialog.close()

    support = station_window.open(SupportPage)
    assert isinstance(support, SupportPage)
    qtbot.waitUntil(lambda: support.model.rowCount() == 1, timeout=15000)
    support.table.selectRow(0)
    history = _history(qtbot, support.history(), 2)
    assert [line.action for line in history.model.rows()] == ["Tạo mới", "Sửa"]
    status = history.model.rows()[1].changes
    assert ("Trạng thái", "Nháp", "Đã gửi") in [(c.field, c.before, c.after) for c in status] or any(
        c.field == "Trạng thái" and c.before == "Nháp" for c in status)
    history.close()


@pytest.mark.qt_log_ignore(*IGNORE)
def test_change_log_filters_and_excel(station_window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    _seed(station_window)
    page = station_window.open(AuditLogPage)
    assert isinstance(page, AuditLogPage)
    qtbot.waitUntil(lambda: page.person.count() >= 3 and page.model.rowCount() > 0, timeout=15000)
    everything = page.model.rowCount()
    assert [page.person.itemText(i) for i in range(page.person.count())][:1] == ["Tất cả mọi người"]

    page.person.setCurrentIndex(page.person.findData(HUNG))
    page.kind.setCurrentIndex(page.kind.findText("Lô thuốc, vật tư"))
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=15000)
    (line,) = page.model.rows()
    assert (line.person, line.kind, line.record) == (HUNG, "Lô thuốc, vật tư", "Paracetamol 500 mg, lô P0")
    assert page.status.text() == "1 thay đổi"

    # A period that ends before it starts: told under the filters, the list and the choices kept.
    page.use_period.setChecked(True)
    page.until.setDate(page.since.date().addDays(-1))
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    assert "khoảng ngày" in page.status.text() and page.model.rowCount() == 1
    assert page.person.currentData() == HUNG
    page.until.setDate(page.since.date().addDays(31))
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status.text() == "1 thay đổi", timeout=15000)

    page.person.setCurrentIndex(0)
    page.kind.setCurrentIndex(0)
    page.use_period.setChecked(False)
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == everything, timeout=15000)
    target = tmp_path / "nhat-ky.xlsx"
    with qtbot.waitSignal(page.saved, timeout=30_000):
        page.save(target)
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None and sheet.title == "Nhật ký thay đổi"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Thời điểm", "Người thực hiện", "Máy", "Loại bản ghi", "Bản ghi", "Thao tác", "Thông tin",
                       "Trước", "Sau")
    assert (HUNG, "Lô thuốc, vật tư", "Paracetamol 500 mg, lô P0", "Sửa", "Nhà sản xuất", None,
            "Công ty CP Dược Hậu Giang") in [r[1:2] + r[3:] for r in rows]
    assert not any("_" in str(cell) for r in rows[1:] for cell in r[3:4])  # kinds in words
