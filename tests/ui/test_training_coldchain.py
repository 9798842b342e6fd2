"""A training with attendance, and a fridge breach quarantining lots, through the widgets."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.helpers import pick, seed_items, station_actor
from ytcs_desktop.domain.inventory import receive
from ytcs_desktop.domain.stations import add_staff
from ytcs_desktop.store.models import Quarantine, StockTransaction, TrainingAttendance, TrainingSession
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.pages.coldchain import ColdChainPage
from ytcs_desktop.ui.pages.stock_onhand import select_row
from ytcs_desktop.ui.pages.training import TrainingPage


def _show(window: MainWindow, cls: type) -> object:
    page = window.page(cls)
    window.show_page(window.index_of(type(page)))
    return page


def test_training_with_attendance(station_window: MainWindow, qtbot: QtBot) -> None:
    db = station_window.ctx.db
    with db.transaction() as s:
        add_staff(s, station_actor(db), full_name="Trần Thị Mai", title="nurse")
    page = _show(station_window, TrainingPage)
    assert isinstance(page, TrainingPage)
    dialog = page.new_session()
    dialog.topic.setText("Tiêm chủng an toàn")
    dialog.organiser.setText("Trạm Y tế phường An Phú")
    dialog.periods.setText("0")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.form.error_text("periods") != "", timeout=5000)
    dialog.periods.setText("8")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.selected() is not None, timeout=5000)
    attendee = page.add_attendee()
    assert attendee is not None
    qtbot.waitUntil(lambda: attendee.staff.count() > 1, timeout=5000)
    pick(attendee.staff, "Trần Thị Mai")
    attendee.save_button.click()
    qtbot.waitUntil(lambda: [r["name"] for r in page.attendance.rows()] == ["Trần Thị Mai"], timeout=5000)
    page.held_button.click()
    qtbot.waitUntil(lambda: page.selected() is not None and page.selected().status == "held", timeout=5000)
    with db.read() as s:
        session = s.scalars(select(TrainingSession)).one()
        assert session.status == "held" and session.periods == 8
        assert s.scalars(select(TrainingAttendance)).one().session_id == session.id


def test_fridge_breach_quarantines_lots(station_window: MainWindow, qtbot: QtBot) -> None:
    db = station_window.ctx.db
    ids = seed_items(db)
    page = _show(station_window, ColdChainPage)
    assert isinstance(page, ColdChainPage)
    dialog = page.add_fridge()
    dialog.name.setText("Tủ TCW 2000")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.fridge.current_id() is not None, timeout=5000)
    fridge_id = page.fridge.current_id()
    today = dt.date.today()
    with db.transaction() as s:
        receive(s, station_actor(db), item_id=ids["BCG"], lot_no="BCG-01", expiry=today + dt.timedelta(days=300),
                quantity=200, txn_date=today, fridge_id=fridge_id, vvm_stage=1)

    page.celsius.setText("abc")
    page.record_button.click()
    qtbot.waitUntil(lambda: page.message.text() != "", timeout=5000)
    assert page.celsius.text() == "abc"  # the refused input is still there to correct
    page.celsius.setText("9,5")
    page.record_button.click()
    qtbot.waitUntil(lambda: [q.lot_no for q in page.quarantines.rows()] == ["BCG-01"], timeout=5000)
    assert "cách ly" in page.message.text()
    qtbot.waitUntil(lambda: page.chart.sheet is not None and page.chart.sheet.breaches == 1, timeout=5000)

    select_row(page.q_table, 0)
    decision = page.decide(release=False)
    assert decision is not None
    decision.note.setText("Lắc không đạt")
    decision.save_button.click()
    qtbot.waitUntil(lambda: page.quarantines.rowCount() == 0, timeout=5000)
    with db.read() as s:
        assert s.scalars(select(Quarantine)).one().status == "disposed"
        disposal = s.scalars(select(StockTransaction).where(StockTransaction.kind == "disposal")).one()
        assert disposal.quantity == -200
