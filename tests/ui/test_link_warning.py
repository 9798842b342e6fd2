"""The first-run and sign-in dialogs warn, as the address is typed, when a password would cross the network
unencrypted (plain http to another computer); nothing is sent to find out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.helpers import type_into
from ytcs_desktop.ui.app import install_translator
from ytcs_desktop.ui.dialogs.first_run import FirstRunDialog
from ytcs_desktop.ui.dialogs.sign_in import SignInDialog


def test_first_run_warns_about_plain_http(qapp, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    install_translator(qapp, "vi")
    dialog = FirstRunDialog("vi")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    warning = dialog.http_warning
    assert not warning.isVisible()
    dialog.offline.setFocus()
    qtbot.keyClick(dialog.offline, Qt.Key.Key_Space)  # sign in to the centre, not offline
    assert dialog.server.isEnabled()
    type_into(qtbot, dialog.server, "http://10.0.0.5:8470")
    assert warning.isVisible() and "không được mã hoá" in warning.text()
    type_into(qtbot, dialog.server, "https://ttyt-thuanan.vn")
    assert not warning.isVisible()
    type_into(qtbot, dialog.server, "http://127.0.0.1:8470")  # this computer: nothing crosses a network
    assert not warning.isVisible()


def test_sign_in_warns_about_plain_http(station_ctx, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(station_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog.server, "http://ttyt-thuanan.vn:8470")
    assert dialog.http_warning.isVisible()
