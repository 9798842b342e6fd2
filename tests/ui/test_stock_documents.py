"""Receive → issue → count → requisition → (centre approves and ships) → confirm receipt, through the
widgets of the station window, then checked in the real SQLite file."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.helpers import seed_items, station_actor
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.inventory import issue, receive
from ytcs_desktop.domain.inventory.requisitions import approve, ship
from ytcs_desktop.store.models import Requisition, ShipmentLine, StockCount, StockTransaction
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.pages.stock import StockPage
from ytcs_desktop.ui.pages.stock_onhand import select_row


def test_count_requisition_and_receipt(station_window: MainWindow, qtbot: QtBot) -> None:
    db = station_window.ctx.db
    ids = seed_items(db)
    today = dt.date.today()
    actor = station_actor(db)
    with db.transaction() as s:
        receive(s, actor, item_id=ids["PARA500"], lot_no="P1", expiry=today + dt.timedelta(days=400), quantity=500,
                txn_date=today)
        issue(s, actor, item_id=ids["PARA500"], quantity=120, txn_date=today)
    page = station_window.page(StockPage)
    station_window.show_page(station_window.index_of(type(page)))
    assert isinstance(page, StockPage)

    # Stock count: start, enter a count lower than the book with a reason, approve.
    counts = page.extra["CountsTab"]
    page.tabs.setCurrentWidget(counts)
    wizard = counts.open_wizard(None)
    wizard.start_page.team.setText("Nguyễn Thị Lan, Trần Văn Hùng")
    with qtbot.waitSignal(wizard.lines_page.model.loaded, timeout=5000):
        wizard.start_page.start_button.click()
    model = wizard.lines_page.model
    assert [(r.lot_no, r.book_qty) for r in model.rows()] == [("P1", 380)]
    assert not wizard.lines_page.isComplete()
    col = [c.key for c in model.columns]
    model.setData(model.index(0, col.index("physical_qty")), 378, Qt.ItemDataRole.EditRole)
    wizard.lines_page.save()
    qtbot.waitUntil(lambda: wizard.lines_page.isComplete(), timeout=5000)
    wizard.next()
    assert "1" in wizard.review_page.summary.text()
    # A difference without a reason: approval is refused with the domain's message, nothing posted.
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.review_page.error.text() != "", timeout=5000)
    assert "lý do" in wizard.review_page.error.text()
    wizard.back()
    model.setData(model.index(0, col.index("reason")), "Vỡ 2 viên khi vận chuyển", Qt.ItemDataRole.EditRole)
    wizard.lines_page.save()
    qtbot.waitUntil(lambda: wizard.lines_page.isComplete(), timeout=5000)
    wizard.next()
    with qtbot.waitSignal(wizard.finished, timeout=5000):
        wizard.accept()

    # Requisition: a draft for next month, a quantity typed in the table, submitted.
    reqs = page.extra["RequisitionsTab"]
    page.tabs.setCurrentWidget(reqs)
    qtbot.waitUntil(lambda: reqs._loaded, timeout=2000)
    reqs.new_requisition()
    qtbot.waitUntil(lambda: reqs.lines.rowCount() > 0, timeout=5000)
    lcol = [c.key for c in reqs.lines.columns]
    reqs.lines.setData(reqs.lines.index(0, lcol.index("requested_qty")), 600, Qt.ItemDataRole.EditRole)
    reqs.submit()
    qtbot.waitUntil(lambda: reqs.model.rows() and reqs.model.rows()[0]["status"] == "submitted", timeout=5000)

    # The centre approves and ships (its own window is not the point here).
    centre = Actor(name="Khoa Dược", role="centre")
    with db.transaction() as s:
        req = s.scalars(select(Requisition)).one()
        approve(s, centre, requisition_id=req.id, approved={})
        ship(s, centre, requisition_id=req.id, station_id=db.station_id or "", doc_no="PX-001",
             shipped_date=today, lines=[(ids["PARA500"], "P2", today + dt.timedelta(days=700), 600)])
    station_window.ctx.ops.announce({"requisitions"})

    receipts = page.extra["ReceiptsTab"]
    page.tabs.setCurrentWidget(receipts)
    qtbot.waitUntil(lambda: receipts.model.rowCount() == 1, timeout=5000)
    select_row(receipts.table, 0)
    dialog = receipts.confirm()
    assert dialog is not None
    dialog.received.setValue(590)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.form.error_text("discrepancy") != "", timeout=5000)
    dialog.discrepancy.setText("Thiếu 1 hộp")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: receipts.model.rowCount() == 0, timeout=5000)

    with db.read() as s:
        kinds = [t.kind for t in s.scalars(select(StockTransaction).order_by(StockTransaction.id))]
        assert kinds == ["receipt", "issue", "count", "receipt"]
        assert s.scalars(select(StockCount)).one().status == "approved"
        assert s.scalars(select(ShipmentLine)).one().received_qty == 590
