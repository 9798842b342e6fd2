"""The window against a real centre server: the sign-in dialog tells a wrong password, a disabled account and
too many tries apart, each in one message where it belongs, with everything typed kept; the centre's
Accounts and computers dialog disables and enables an account, resets a password, changes one's own and
revokes a computer, by real clicks and key presses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import requests
from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.conftest import PASSWORD, registered_station
from tests.ui.helpers import type_into
from ytcs_desktop.store.db import Database
from ytcs_desktop.sync import protocol as p
from ytcs_desktop.sync.client import AuthError, login
from ytcs_desktop.sync.server import admin
from ytcs_desktop.sync.server.store import ServerStore
from ytcs_desktop.ui.dialogs.accounts import AccountsDialog
from ytcs_desktop.ui.dialogs.password import PasswordDialog
from ytcs_desktop.ui.dialogs.sign_in import SignInDialog
from ytcs_desktop.ui.workspace import build_window

FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def on_server(db_url: str, work: Callable[..., object]) -> None:
    store = ServerStore(db_url)
    try:
        with store.write() as conn:
            work(conn)
    finally:
        store.dispose()


def enter(qtbot: QtBot, widget: object) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return)  # type: ignore[arg-type]


def hello(base: str, token: str) -> requests.Response:
    return requests.get(base + p.API + "/sync/hello", timeout=30,
                        headers={p.PROTOCOL_HEADER: str(p.PROTOCOL_VERSION), "Authorization": f"Bearer {token}"})


def test_sign_in_says_which_refusal_and_keeps_what_was_typed(make_ctx, server: tuple[str, str],  # type: ignore[no-untyped-def]
                                                             tmp_path: Path, qtbot: QtBot) -> None:
    base, db_url = server
    db, _ = registered_station(db_url, tmp_path / "st")
    try:
        window = build_window(make_ctx(db))
        qtbot.addWidget(window)
        dialog = window.sign_in()
        assert isinstance(dialog, SignInDialog)
        type_into(qtbot, dialog.server, base)
        type_into(qtbot, dialog.username, "lan")

        def attempt(password: str, field: str | None) -> str:
            type_into(qtbot, dialog.password, password)
            enter(qtbot, dialog.password)
            qtbot.waitUntil(lambda: dialog.form.error_text(field) != "", timeout=20_000)
            assert dialog.isVisible() and dialog.server.text() == base and dialog.username.text() == "lan"
            assert dialog.password.text() == password  # kept
            return dialog.form.error_text(field)

        said = attempt("sai-mật-khẩu", "password")
        assert "Sai tên đăng nhập hoặc mật khẩu" in said and dialog.password.hasSelectedText()

        on_server(db_url, lambda c: admin.set_active(c, "lan", False))
        said = attempt(PASSWORD, "username")
        assert "tạm khoá" in said and "quản trị Trung tâm" in said
        assert dialog.form.error_text("password") == ""

        on_server(db_url, lambda c: admin.set_active(c, "lan", True))
        for n in range(4):
            assert "Sai tên đăng nhập" in attempt(f"đoán-{n}", "password")
        said = attempt("đoán-cuối", None)  # the fifth in a row: wait, at the top of the dialog
        assert "quá nhiều lần" in said and "15 phút" in said
        window.close()
    finally:
        db.close()


@pytest.fixture
def centre_desk(make_ctx, server: tuple[str, str], tmp_path: Path,  # type: ignore[no-untyped-def]
                monkeypatch: pytest.MonkeyPatch) -> tuple[AccountsDialog, str, str, Database]:
    """The centre's desktop signed in as `tam`, its Accounts and computers dialog open and read; and a
    station PC of `lan` signed in (its token returned)."""
    from ytcs_desktop.sync.join import remember_centre

    base, db_url = server
    station_db, station_id = registered_station(db_url, tmp_path / "st")
    on_server(db_url, lambda c: admin.add_user(c, "tam", PASSWORD, "centre", None, FAST))
    station_token = login(base, "lan", PASSWORD, device_name="tram-an-phu", station_id=station_id,
                          replica_id=station_db.replica_id).token
    station_db.close()
    desk = Database.create(tmp_path / "centre" / "ytcs.sqlite3", role="centre")
    answer = login(base, "tam", PASSWORD, device_name="ttyt", replica_id=desk.replica_id)
    remember_centre(desk, base, answer.device_id, "tam")
    monkeypatch.setenv("YTCS_SYNC_TOKEN", answer.token)
    dialog = AccountsDialog(make_ctx(desk, user="BS. Lê Minh Tâm"))
    return dialog, base, station_token, desk


def choose(table, text: str) -> None:  # type: ignore[no-untyped-def]
    row = next(r for r in range(table.rowCount()) if any(
        (table.item(r, c) is not None and table.item(r, c).text() == text) for c in range(table.columnCount())))
    table.selectRow(row)


def test_the_centre_administers_accounts_and_computers(centre_desk: tuple[AccountsDialog, str, str, Database],
                                                       qtbot: QtBot) -> None:
    dialog, base, station_token, desk = centre_desk
    try:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: len(dialog.user_rows) == 2, timeout=20_000)

        # disable, then enable again
        choose(dialog.users, "lan")
        assert dialog.toggle_button.text() == "&Khoá tài khoản"
        qtbot.mouseClick(dialog.toggle_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Đã khoá tài khoản lan" in dialog.note.text() and not dialog.said, timeout=20_000)
        assert "Đã khoá tài khoản lan" in dialog.note.text()  # still said once the lists are read again
        assert hello(base, station_token).json()["code"] == "account_disabled"
        choose(dialog.users, "lan")
        assert dialog.toggle_button.text() == "Mở &khoá tài khoản"
        qtbot.mouseClick(dialog.toggle_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Đã mở khoá tài khoản lan" in dialog.note.text() and not dialog.said, timeout=20_000)
        qtbot.waitUntil(lambda: hello(base, station_token).status_code == 200, timeout=5000)

        # reset lan's password: the rule and the repeat are checked in the dialog, nothing typed is lost
        choose(dialog.users, "lan")
        qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
        reset = dialog.password_dialog
        assert isinstance(reset, PasswordDialog) and not reset.own
        qtbot.waitExposed(reset)
        type_into(qtbot, reset.new, "ngan")
        type_into(qtbot, reset.repeat, "ngan")
        enter(qtbot, reset.repeat)
        assert "ít nhất 8 ký tự" in reset.form.error_text("password") and reset.isVisible()
        type_into(qtbot, reset.new, "dat-lai-cho-lan")
        type_into(qtbot, reset.repeat, "dat-lai-cho-lam")
        enter(qtbot, reset.repeat)
        assert "không giống nhau" in reset.form.error_text("repeat") and reset.new.text() == "dat-lai-cho-lan"
        type_into(qtbot, reset.repeat, "dat-lai-cho-lan")
        enter(qtbot, reset.repeat)
        qtbot.waitUntil(lambda: not reset.isVisible(), timeout=20_000)
        qtbot.waitUntil(lambda: "Đã đặt mật khẩu mới cho lan" in dialog.note.text(), timeout=20_000)
        with pytest.raises(AuthError):
            login(base, "lan", PASSWORD)
        assert login(base, "lan", "dat-lai-cho-lan").token

        # one's own password: a wrong current one is refused by the centre under its field
        qtbot.mouseClick(dialog.own_button, Qt.MouseButton.LeftButton)
        own = dialog.password_dialog
        assert isinstance(own, PasswordDialog) and own.own and own.username == "tam"
        qtbot.waitExposed(own)
        type_into(qtbot, own.current, "khong-dung-dau")
        type_into(qtbot, own.new, "cua-rieng-tam-2026")
        type_into(qtbot, own.repeat, "cua-rieng-tam-2026")
        enter(qtbot, own.repeat)
        qtbot.waitUntil(lambda: own.form.error_text("current") != "", timeout=20_000)
        assert "Mật khẩu hiện tại không đúng" in own.form.error_text("current") and own.isVisible()
        assert own.new.text() == "cua-rieng-tam-2026"
        type_into(qtbot, own.current, PASSWORD)
        enter(qtbot, own.repeat)
        qtbot.waitUntil(lambda: not own.isVisible(), timeout=20_000)
        assert login(base, "tam", "cua-rieng-tam-2026").token

        # revoke the station's computer, after a question whose default keeps it
        qtbot.waitUntil(lambda: any(d.get("name") == "tram-an-phu" for d in dialog.device_rows), timeout=20_000)
        dialog.tabs.setCurrentIndex(1)
        choose(dialog.devices, "tram-an-phu")
        qtbot.mouseClick(dialog.revoke_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), timeout=5000)
        box = dialog.question
        assert box is not None and "tram-an-phu" in box.text()
        button = next(b for b in box.findChildren(QPushButton) if b.text() == "Thu hồi")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Đã thu hồi quyền của máy tram-an-phu" in dialog.note.text(), timeout=20_000)
        assert hello(base, station_token).json()["code"] == "device_revoked"
        dialog.close()
    finally:
        desk.close()
