"""No English left in a Vietnamese window: the title names the station, job titles are shown in words,
a request not yet sent does not read “Đã gửi”, and Qt's own dialogs speak Vietnamese."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.helpers import station_actor
from ytcs_desktop.domain.stations import add_staff
from ytcs_desktop.domain.support import create_request, move, status_label
from ytcs_desktop.domain.training import create_session, record_attendance
from ytcs_desktop.store.db import Database
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.pages.support import SupportPage
from ytcs_desktop.ui.pages.training import TrainingPage
from ytcs_desktop.ui.qt_catalogue import qt_catalogue
from ytcs_desktop.ui.workspace import window_title


def test_the_title_names_the_station_or_the_centre(station_window: MainWindow, make_ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert station_window.windowTitle() == "YTCS Desktop — Trạm Y tế phường An Phú"
    centre = Database.create(tmp_path / "centre.sqlite3", station_id=None, role="centre")
    try:
        assert window_title(make_ctx(centre)) == "YTCS Desktop — Trung tâm Y tế"
        assert window_title(make_ctx(centre, "en")) == "YTCS Desktop — Health centre"
    finally:
        centre.close()


def test_a_job_title_is_shown_in_words(station_window: MainWindow, qtbot: QtBot) -> None:
    db = station_window.ctx.db
    actor = station_actor(db)
    today = dt.date.today()
    with db.transaction() as s:
        midwife = add_staff(s, actor, full_name="Phạm Thị Hoa", title="midwife").id
        session = create_session(s, actor, organiser="Trạm", topic="Chăm sóc sau sinh", programme="reproductive_health",
                                 date_from=today, date_to=today, periods=4)
        record_attendance(s, actor, session_id=session.id, staff_id=midwife, result="attended")
    page = station_window.page(TrainingPage)
    station_window.show_page(station_window.index_of(TrainingPage))
    assert isinstance(page, TrainingPage)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=5000)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.attendance.rowCount() == 1, timeout=5000)
    column = [c.key for c in page.attendance.columns].index("title")
    assert page.attendance.index(0, column).data() == "Hộ sinh"


def test_a_request_not_yet_sent_reads_waiting(station_window: MainWindow, qtbot: QtBot) -> None:
    db = station_window.ctx.db
    actor = station_actor(db)
    with db.transaction() as s:
        request = create_request(s, actor, kind="consultation", title="Hội chẩn ca sản giật")
        move(s, actor, request.id, "submitted")
    page = station_window.page(SupportPage)
    station_window.show_page(station_window.index_of(SupportPage))
    assert isinstance(page, SupportPage)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=5000)
    column = [c.key for c in page.model.columns].index("status")
    assert page.model.index(0, column).data() == "Chờ gửi"
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: "Chờ gửi" in page.detail_body.text(), timeout=5000)
    assert "Đã gửi" not in page.detail_body.text()
    # once the centre has it, it reads as sent
    assert status_label("submitted", "synced") == "Đã gửi"
    assert status_label("submitted", "pending", "en") == "Waiting to be sent"


def test_qt_dialogs_speak_vietnamese(station_window: MainWindow, qtbot: QtBot) -> None:
    catalogue = qt_catalogue("vi")
    assert catalogue is not None and catalogue.name == "ytcs_qt_vi.qm"  # Qt 6.12 ships no qtbase_vi
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Hủy"
    box = QMessageBox(QMessageBox.Icon.Question, "YTCS", "?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, station_window)
    box.open()
    qtbot.waitExposed(box)
    assert {b.text() for b in box.findChildren(QPushButton)} == {"&Có", "&Không"}
    box.done(0)
    seen: dict[str, set[str]] = {}

    def look() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible())
        seen["labels"] = {label.text() for label in dialog.findChildren(QLabel)}
        seen["buttons"] = {b.text() for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()}
        dialog.reject()

    QTimer.singleShot(300, look)
    QFileDialog.getOpenFileName(station_window, "Mở", str(Path.home()), "",
                                options=QFileDialog.Option.DontUseNativeDialog)
    assert {"Tìm t&rong:", "&Loại tệp:", "&Tên tệp:"} <= seen["labels"], seen
    assert "Hủy" in seen["buttons"], seen


def test_a_slow_save_shows_it_is_working(station_window: MainWindow, qtbot: QtBot) -> None:
    """An over-issue refused after a wait (the writer busy with other work, as when it took 3 s): while
    it runs Save is disabled under a wait cursor and, past a moment, reads “Đang lưu…”; the refusal
    gives everything back, the quantity typed still there."""
    import time

    from PySide6.QtCore import Qt

    from tests.ui.test_dialog_input import _seeded, settle
    from ytcs_desktop.ui.dialogs.issue import IssueDialog

    ctx = station_window.ctx
    ids, _lots = _seeded(ctx.db)
    dialog = IssueDialog(ctx, ids["PARA500"], station_window)
    dialog.open()
    qtbot.waitExposed(dialog)
    settle(qtbot, ctx)
    dialog.quantity.setFocus()
    qtbot.keyClicks(dialog.quantity, "999999")
    ctx.ops.write("hold", lambda _s, _a: time.sleep(2.0), frozenset())  # the writer is busy a while
    qtbot.keyClick(dialog.quantity, Qt.Key.Key_Return)
    assert not dialog.save_button.isEnabled() and dialog.cursor().shape() == Qt.CursorShape.WaitCursor
    qtbot.waitUntil(lambda: dialog.save_button.text() == "Đang lưu…", timeout=1500)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=10000)
    assert dialog.isVisible() and dialog.save_button.text() == "Lưu" and dialog.quantity.text() == "999999"
    assert dialog.cursor().shape() == Qt.CursorShape.ArrowCursor
    assert dialog.form.error_text("quantity")
    dialog.done(0)
