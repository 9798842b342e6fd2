"""The window after a sync brought the centre's word on this PC's accounts: a person the centre disabled is
refused at the sign-in screen (offline, under the user name, in words), and the accounts list shows who
the centre refused and why, and who it disabled. Real key presses."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import settings_in
from tests.ui.test_person_sign_in import HEAD, KEEPER, NURSE, station_with_accounts, type_in
from ytcs_desktop.domain.accounts import record_centre_refusal, record_centre_states
from ytcs_desktop.store.db import Database
from ytcs_desktop.ui.app import database_file
from ytcs_desktop.ui.launcher import Launcher


@pytest.fixture
def after_sync(qapp, tmp_path: Path) -> Iterator[Launcher]:  # type: ignore[no-untyped-def]
    """Station An Phú's PC after a sync: the centre disabled the nurse and refused the stock keeper's name."""
    folder = tmp_path / "data"
    station_with_accounts(folder)
    db = Database.open(database_file(folder))
    try:
        with db.transaction() as s:
            record_centre_states(s, {NURSE[0]: False, HEAD[0]: True})
            record_centre_refusal(s, KEEPER[0], "username_taken", "", "")
    finally:
        db.close()
    made = Launcher(qapp, folder, settings_in(folder, preload="false", auto_backup="false"), "vi")
    yield made
    made.close()
    if made.window is not None:
        made.window.close()


def test_the_window_shows_the_centres_word_on_its_accounts(after_sync: Launcher, qtbot: QtBot) -> None:
    from ytcs_desktop.ui.dialogs.local_accounts import LocalAccountsDialog

    launcher = after_sync
    assert launcher.start()
    dialog = launcher.sign_in_dialog
    assert dialog is not None
    type_in(qtbot, dialog, *NURSE)
    qtbot.waitUntil(lambda: dialog.form.error_text("username") != "", timeout=10_000)
    assert "bị Trung tâm khóa" in dialog.form.error_text("username") and launcher.window is None
    assert dialog.isVisible() and dialog.username.text() == NURSE[0]

    type_in(qtbot, dialog, HEAD[0], HEAD[1])
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=10_000)
    window, session = launcher.window, launcher.session
    assert window is not None and session is not None
    session.idle.stop()
    window.accounts_action.trigger()
    listed = window.accounts_dialog
    assert isinstance(listed, LocalAccountsDialog)
    qtbot.waitUntil(lambda: listed.table.rowCount() == 3, timeout=10_000)
    cells = {listed.table.item(r, 0).text(): [listed.table.item(r, c).text() for c in (3, 4)] for r in range(3)}
    assert cells[NURSE[0]] == ["không", "không (Trung tâm đã khóa)"]
    assert cells[KEEPER[0]] == [f"bị từ chối: Tên đăng nhập “{KEEPER[0]}” đã có người khác dùng ở Trung tâm. Hãy "
                                "tạo lại tài khoản này với tên đăng nhập khác.", "có"]
    listed.close()
