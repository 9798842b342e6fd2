"""The centre's register of stations in the window: a station added there is on the page at once and, after
the centre desktop syncs, in the server's register (accounts can be made for it); its profile opens with a
double-click and its status is the centre's to change. Real keys, a real SQLite file, a real server."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import PASSWORD
from ytcs_desktop.domain.station_ids import station_id_for
from ytcs_desktop.store.db import Database
from ytcs_desktop.sync.apply import remote_write, set_meta
from ytcs_desktop.sync.client import login
from ytcs_desktop.sync.server import admin
from ytcs_desktop.sync.server.store import ServerStore
from ytcs_desktop.ui.dialogs.station_profile import StationProfileDialog
from ytcs_desktop.ui.models.sync_info import DEVICE_ID, SERVER_URL
from ytcs_desktop.ui.pages.centre_stations import NewStationDialog, StationsOverviewPage
from ytcs_desktop.ui.workspace import build_window


def _rows(page: StationsOverviewPage) -> list[tuple[str, str]]:
    model = page.model
    status = next(i for i, c in enumerate(model.columns) if c.key == "status")
    return [(model.index(r, 1).data(), model.index(r, status).data()) for r in range(model.rowCount())]


def test_a_station_added_in_the_centre_window_is_registered_at_the_server(  # type: ignore[no-untyped-def]
        make_ctx, server: tuple[str, str], tmp_path: Path, qtbot: QtBot, monkeypatch) -> None:
    base, db_url = server
    store = ServerStore(db_url)
    try:
        with store.write() as conn:
            admin.add_user(conn, "kehoach", PASSWORD, "centre", None)
    finally:
        store.dispose()
    db = Database.create(tmp_path / "centre" / "ytcs.sqlite3", role="centre")
    try:
        answer = login(base, "kehoach", PASSWORD, device_name="t", replica_id=db.replica_id)
        with remote_write(db) as conn:
            set_meta(conn, SERVER_URL, base)
            set_meta(conn, DEVICE_ID, answer.device_id)
        monkeypatch.setenv("YTCS_SYNC_TOKEN", answer.token)
        ctx = make_ctx(db, user="Phòng Kế hoạch")
        window = build_window(ctx)
        qtbot.addWidget(window)
        window.show()
        page = window.open(StationsOverviewPage)
        assert isinstance(page, StationsOverviewPage)

        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: isinstance(page.dialog, NewStationDialog) and page.dialog.isVisible(), timeout=3000)
        dialog = page.dialog
        assert isinstance(dialog, NewStationDialog)
        qtbot.keyClicks(dialog.code, "TYT-LT")
        dialog.name.setFocus()
        dialog.name.insert("Trạm Y tế phường Lái Thiêu")  # Vietnamese comes from the input method, not key codes
        dialog.parent_org.setFocus()
        dialog.parent_org.insert("UBND phường Lái Thiêu")
        qtbot.keyClick(dialog.parent_org, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
        qtbot.waitUntil(lambda: ("TYT-LT", "Đang hoạt động") in _rows(page), timeout=5000)

        assert ctx.sync is not None
        with qtbot.waitSignal(ctx.sync.finished, timeout=30_000) as done:
            ctx.sync.sync_now()
        assert done.args[0] is not None and done.args[0].rejected == 0
        store = ServerStore(db_url)
        try:
            with store.write() as conn:
                listed = admin.list_stations(conn)
                admin.add_user(conn, "lt.an", PASSWORD, "station", "TYT-LT")  # accounts for it at once
        finally:
            store.dispose()
        assert [(s["code"], s["id"]) for s in listed] == [("TYT-LT", station_id_for("TYT-LT"))]

        # Accounts and computers, as the centre server knows them.
        accounts = page.open_accounts()
        qtbot.waitUntil(lambda: accounts.users.rowCount() == 2, timeout=10_000)
        names = {accounts.users.item(r, 0).text() for r in range(accounts.users.rowCount())}
        assert names == {"kehoach", "lt.an"}
        assert accounts.devices.rowCount() == 1 and accounts.devices.item(0, 1).text() == "kehoach"
        qtbot.keyClick(accounts, Qt.Key.Key_Escape)
        assert not accounts.isVisible()

        # The profile: double-click the row; the centre suspends the station.
        view = page.table
        row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 1).data() == "TYT-LT")
        index = page.proxy.index(row, 0)
        view.scrollTo(index)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
        qtbot.waitUntil(lambda: isinstance(page.dialog, StationProfileDialog) and page.dialog.isVisible(),
                        timeout=5000)
        profile = page.dialog
        assert isinstance(profile, StationProfileDialog)
        status = profile.editors["status"]
        assert isinstance(status, QComboBox)
        status.setCurrentIndex(status.findData("suspended"))
        qtbot.keyClick(profile.focusWidget() or profile, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not profile.isVisible(), timeout=5000)
        qtbot.waitUntil(lambda: ("TYT-LT", "Tạm ngừng hoạt động") in _rows(page), timeout=5000)
        window.close()
    finally:
        db.close()


def test_a_refused_new_station_keeps_what_was_typed(make_ctx, tmp_path: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    """A code already used is refused; Enter submits again (never cancels); Esc on the changed dialog asks."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ytcs_desktop.domain.actor import Actor
    from ytcs_desktop.domain.stations import create_station

    db = Database.create(tmp_path / "centre" / "ytcs.sqlite3", role="centre")
    try:
        with db.transaction() as s:
            create_station(s, code="TYT-AP", name="Trạm Y tế phường An Phú", actor=Actor("Phòng KH", "centre"))
        ctx = make_ctx(db, user="Phòng Kế hoạch")
        window = build_window(ctx)
        qtbot.addWidget(window)
        window.show()
        page = window.open(StationsOverviewPage)
        assert isinstance(page, StationsOverviewPage)
        dialog = page.add_station()
        qtbot.waitExposed(dialog)
        qtbot.keyClicks(dialog.code, "TYT-AP")
        dialog.name.setFocus()
        dialog.name.insert("Trạm trùng mã")
        for _ in range(2):
            qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: "TYT-AP" in dialog.form.error_text("code"), timeout=5000)
            assert dialog.isVisible() and dialog.name.text() == "Trạm trùng mã" and dialog.save_button.isDefault()
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), timeout=3000)
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        qtbot.keyClick(box, Qt.Key.Key_Escape)  # Esc in the question keeps editing
        qtbot.waitUntil(lambda: not box.isVisible(), timeout=3000)
        assert dialog.isVisible() and dialog.code.text() == "TYT-AP" and dialog.name.text() == "Trạm trùng mã"
        window.close()
    finally:
        db.close()
