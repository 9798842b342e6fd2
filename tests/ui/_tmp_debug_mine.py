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
    window.show_page(window.pages.index(page))
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
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: page.selected() is not None, timeout=5000)
    attendee = page.add_attendee()
    assert attendee is not None
    qtbot.waitUntil(lambda: attendee.staff.count() > 1, timeout=5000)
    pick(attendee.staff, "Trần Thị Mai")
    print("STAFF ID", attendee.staff.current_id())
    attendee.save_button.click()
    qtbot.wait(1500)
    print("ERRORS", {k: attendee.form.error_text(k) for k in ("staff_id", "person_name", "result", "periods", "session_id")})
    with db.read() as s:
        print("ROWS", [(a.staff_id, a.person_name) for a in s.scalars(select(TrainingAttendance))])
    print("MODEL", page.attendance.rows(), page.attendance.session_id)
