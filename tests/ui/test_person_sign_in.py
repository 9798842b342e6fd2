"""Each person signs in on the shared PC: the sign-in screen at start (real key presses: typing, Enter, Esc, a
wrong password), the idle lock that keeps the open page, switching user and signing out from the File menu."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import PASSWORD, add_station_account, settings_in
from ytcs_desktop.domain.accounts import create_account, create_first_account
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.station_ids import station_id_for
from ytcs_desktop.domain.stations import create_station
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import AuditEntry
from ytcs_desktop.ui.app import database_file
from ytcs_desktop.ui.dialogs.person_sign_in import PersonSignInDialog
from ytcs_desktop.ui.launcher import Launcher

HEAD, KEEPER, NURSE = ("lan", "tram truong an phu"), ("binh", "thu kho an phu"), ("ha", "dieu duong an phu")


def station_with_accounts(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    station_id = station_id_for("TYT-AP")
    db = Database.create(database_file(folder), station_id=station_id, role="station")
    try:
        with db.transaction() as s:
            create_station(s, code="TYT-AP", name="Trạm Y tế phường An Phú", station_id=station_id)
        with db.transaction() as s:
            head = create_first_account(s, role="station", station_id=station_id, username=HEAD[0],
                                        full_name="Nguyễn Thị Lan", password=HEAD[1])
            actor = Actor(head.full_name, "station", station_id, head.duties, head.username)
            create_account(s, actor, username=KEEPER[0], full_name="Trần Văn Bình", password=KEEPER[1],
                           duties=["thu_kho"])
            create_account(s, actor, username=NURSE[0], full_name="Phạm Thu Hà", password=NURSE[1],
                           duties=["lam_sang"])
    finally:
        db.close()


@pytest.fixture
def launcher(qapp, tmp_path: Path) -> Iterator[Launcher]:  # type: ignore[no-untyped-def]
    folder = tmp_path / "data"
    station_with_accounts(folder)
    made = Launcher(qapp, folder, settings_in(folder, preload="false", auto_backup="false"), "vi")
    yield made
    made.close()
    if made.window is not None:
        made.window.close()


def type_in(qtbot: QtBot, dialog: PersonSignInDialog, user: str | None, password: str) -> None:
    if user is not None:
        dialog.username.setFocus()
        dialog.username.selectAll()
        qtbot.keyClicks(dialog.username, user)
        qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
    dialog.password.setFocus()
    dialog.password.selectAll()
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_the_window_opens_only_after_a_person_signs_in(launcher: Launcher, qtbot: QtBot) -> None:
    assert launcher.start()
    dialog = launcher.sign_in_dialog
    assert dialog is not None and launcher.window is None
    assert dialog.windowTitle() == "Đăng nhập" and dialog.ok_button.text() == "Đăng nhập"
    type_in(qtbot, dialog, "lan", "sai mat khau")
    qtbot.waitUntil(lambda: dialog.form.error_text("password") != "", timeout=10_000)
    assert "không đúng" in dialog.form.error_text("password") and "trạm trưởng" in dialog.form.error_text("password")
    assert dialog.isVisible() and dialog.username.text() == "lan"
    assert dialog.password.text() == "sai mat khau" and dialog.password.selectedText() == "sai mat khau"
    assert launcher.window is None
    qtbot.keyClicks(dialog.password, HEAD[1])  # typing replaces the selected wrong password
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=10_000)
    ctx = launcher.ctx
    assert ctx is not None
    assert (ctx.actor.name, ctx.actor.username, ctx.actor.duties) == ("Nguyễn Thị Lan", "lan",
                                                                      frozenset({"truong_tram"}))
    assert launcher.session is not None and "Nguyễn Thị Lan (trạm trưởng)" in launcher.session.who.text()
    # what the person saves carries their name in the audit trail
    from ytcs_desktop.domain.stations import add_staff

    with qtbot.waitSignal(ctx.ops.saved, timeout=10_000):
        ctx.ops.write("add_staff", lambda s, a: add_staff(s, a, full_name="Lê Thị Hoa", title="nurse"), {"profile"})
    with ctx.db.read() as s:
        people = s.scalars(select(AuditEntry.person).where(AuditEntry.table_name == "staff")).all()
    assert people == ["Nguyễn Thị Lan"]


def test_esc_at_the_sign_in_screen_closes_the_program_and_opens_nothing(launcher: Launcher, qtbot: QtBot) -> None:
    assert launcher.start()
    dialog = launcher.sign_in_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.username, "lan")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: launcher.sign_in_dialog is None, timeout=5000)
    assert launcher.window is None and not dialog.isVisible()


def _signed_in(launcher: Launcher, qtbot: QtBot, who: tuple[str, str] = HEAD) -> None:
    assert launcher.start()
    dialog = launcher.sign_in_dialog
    assert dialog is not None
    type_in(qtbot, dialog, *who)
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=10_000)


def test_the_idle_lock_asks_for_the_password_and_keeps_the_open_page(launcher: Launcher, qtbot: QtBot) -> None:
    _signed_in(launcher, qtbot)
    window, session = launcher.window, launcher.session
    assert window is not None and session is not None
    window.show_page(2)
    page = window.stack.currentWidget()
    window.accounts_action.trigger()  # a dialog open with something typed in it when the window locks
    typed = window.accounts_dialog.add()  # type: ignore[attr-defined]
    qtbot.keyClicks(typed.username, "mai")
    session.set_idle_ms(150)
    qtbot.waitUntil(lambda: session.dialog is not None, timeout=5000)
    dialog = session.dialog
    assert dialog is not None and dialog.mode == "lock" and dialog.windowTitle() == "Máy đã khóa"
    content = window.centralWidget()
    assert content is not None and not content.isVisible()  # nothing of the data shows while locked
    assert not typed.isVisible() and not window.accounts_dialog.isVisible()  # type: ignore[attr-defined]
    assert dialog.username.text() == "lan" and dialog.username.isReadOnly()
    qtbot.keyClick(dialog.password, Qt.Key.Key_Escape)  # Esc does not unlock
    assert dialog.isVisible() and session.dialog is dialog
    type_in(qtbot, dialog, None, "sai mat khau")
    qtbot.waitUntil(lambda: dialog.form.error_text("password") != "", timeout=10_000)
    assert dialog.isVisible() and not content.isVisible()
    qtbot.keyClicks(dialog.password, HEAD[1])
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.dialog is None, timeout=10_000)
    assert content.isVisible() and window.stack.currentWidget() is page and window.nav.currentRow() == 2
    assert typed.isVisible() and typed.username.text() == "mai"  # what was typed is still there
    assert launcher.ctx is not None and launcher.ctx.actor.username == "lan"
    session.idle.stop()


def test_someone_else_unlocks_as_themselves(launcher: Launcher, qtbot: QtBot) -> None:
    _signed_in(launcher, qtbot)
    session = launcher.session
    assert session is not None
    dialog = session.lock()
    assert dialog is not None and dialog.other_button is not None
    qtbot.mouseClick(dialog.other_button, Qt.MouseButton.LeftButton)
    assert not dialog.username.isReadOnly() and dialog.username.text() == ""
    type_in(qtbot, dialog, *KEEPER)
    qtbot.waitUntil(lambda: session.dialog is None, timeout=10_000)
    assert launcher.ctx is not None and launcher.ctx.actor.username == "binh"
    session.idle.stop()


def test_switch_user_and_sign_out_from_the_file_menu(launcher: Launcher, qtbot: QtBot) -> None:
    _signed_in(launcher, qtbot)
    window, session, ctx = launcher.window, launcher.session, launcher.ctx
    assert window is not None and session is not None and ctx is not None
    assert window.switch_user_action.text() == "Đổi người &dùng…" and window.sign_out_action.text() == "Đăng &xuất"
    window.switch_user_action.trigger()
    dialog = session.dialog
    assert dialog is not None and dialog.mode == "switch" and dialog.username.text() == ""
    qtbot.keyClick(dialog.username, Qt.Key.Key_Escape)  # Esc: the one signed in goes on
    qtbot.waitUntil(lambda: session.dialog is None, timeout=5000)
    assert ctx.actor.username == "lan"
    window.switch_user_action.trigger()
    dialog = session.dialog
    assert dialog is not None
    type_in(qtbot, dialog, "binh", "sai")
    qtbot.waitUntil(lambda: dialog.form.error_text("password") != "", timeout=10_000)
    assert dialog.username.text() == "binh"
    dialog.password.clear()
    type_in(qtbot, dialog, None, KEEPER[1])
    qtbot.waitUntil(lambda: session.dialog is None, timeout=10_000)
    assert (ctx.actor.name, ctx.actor.duties, ctx.ops.actor.username) == ("Trần Văn Bình", frozenset({"thu_kho"}),
                                                                          "binh")
    assert "Trần Văn Bình" in session.who.text()

    window.sign_out_action.trigger()
    dialog = session.dialog
    assert dialog is not None and dialog.mode == "signed_out"
    content = window.centralWidget()
    assert content is not None and not content.isVisible() and "Chưa có ai đăng nhập" in session.who.text()
    type_in(qtbot, dialog, *HEAD)
    qtbot.waitUntil(lambda: session.dialog is None, timeout=10_000)
    assert ctx.actor.username == "lan" and content.isVisible()
    session.idle.stop()


def test_after_one_online_sign_in_the_person_signs_in_offline(qapp, server: tuple[str, str], tmp_path: Path,  # type: ignore[no-untyped-def]
                                                              qtbot: QtBot) -> None:
    """First run online: the centre accepts lan's password; the next start has no centre (the link is down,
    nothing is asked of the server) and lan signs in with the same password, checked on this PC."""
    base, db_url = server
    add_station_account(db_url, "lan")
    folder = tmp_path / "data"
    first = Launcher(qapp, folder, settings_in(folder, preload="false", auto_backup="false"), "vi")
    try:
        assert first.start()
        setup = first.dialog
        assert setup is not None
        setup.offline.setChecked(False)
        assert not setup.repeat.isEnabled()  # the centre's password: not a new one
        setup.server.setText(base)
        setup.username.setText("lan")
        setup.password.setText(PASSWORD)
        setup.user_name.setText("Nguyễn Thị Lan")
        setup.start_button.click()
        qtbot.waitUntil(lambda: first.window is not None, timeout=15_000)
        assert first.ctx is not None and (first.ctx.actor.username, first.ctx.actor.duties) == (
            "lan", frozenset({"truong_tram"}))
    finally:
        first.close()
        if first.window is not None:
            first.window.close()
    settings = settings_in(folder, preload="false", auto_backup="false")
    settings.setValue("server_url", "http://127.0.0.1:9")  # nothing listens there
    again = Launcher(qapp, folder, settings, "vi")
    try:
        assert again.start()
        dialog = again.sign_in_dialog
        assert dialog is not None
        qtbot.keyClicks(dialog.username, "lan")
        dialog.password.setText(PASSWORD)  # Vietnamese letters: QTest types ASCII keys only
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: again.window is not None, timeout=10_000)
        assert again.ctx is not None and again.ctx.actor.name == "Nguyễn Thị Lan"
    finally:
        again.close()
        if again.window is not None:
            again.window.close()


def test_the_head_makes_an_account_for_a_colleague_in_the_window(launcher: Launcher, qtbot: QtBot) -> None:
    from ytcs_desktop.ui.dialogs.local_accounts import LocalAccountsDialog

    _signed_in(launcher, qtbot)
    window, session = launcher.window, launcher.session
    assert window is not None and session is not None
    session.idle.stop()
    assert window.accounts_action.isEnabled()
    window.accounts_action.trigger()
    dialog = window.accounts_dialog
    assert isinstance(dialog, LocalAccountsDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=10_000)
    new = dialog.add()
    qtbot.keyClicks(new.username, "hoa")
    new.full_name.setText("Lê Thị Hoa")
    new.duties["lam_sang"].setChecked(True)
    qtbot.keyClicks(new.password, "dieu duong hoa")
    qtbot.keyClicks(new.repeat, "dieu duong hoaa")
    qtbot.keyClick(new.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: new.form.error_text("repeat") != "", timeout=10_000)
    assert new.isVisible() and new.username.text() == "hoa" and new.duties["lam_sang"].isChecked()
    new.repeat.selectAll()
    qtbot.keyClicks(new.repeat, "dieu duong hoa")
    qtbot.keyClick(new.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4, timeout=10_000)
    assert "chờ Trung tâm xác nhận" in dialog.message.text()
    hoa = next(r for r in range(4) if dialog.table.item(r, 0).text() == "hoa")
    assert [dialog.table.item(hoa, c).text() for c in range(1, 5)] == ["Lê Thị Hoa", "nhân viên lâm sàng",
                                                                      "không", "có"]
    dialog.table.selectRow(hoa)
    qtbot.mouseClick(dialog.disable_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "không còn đăng nhập" in dialog.message.text(), timeout=10_000)
    dialog.close()

    # the stock keeper may not: the refusal says who may
    window.switch_user_action.trigger()
    switch = session.dialog
    assert switch is not None
    type_in(qtbot, switch, *KEEPER)
    qtbot.waitUntil(lambda: session.dialog is None, timeout=10_000)
    window.accounts_action.trigger()
    dialog = window.accounts_dialog
    assert isinstance(dialog, LocalAccountsDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 4, timeout=10_000)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.enable_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Chỉ trạm trưởng" in dialog.message.text(), timeout=10_000)
    dialog.close()
    session.idle.stop()


def test_a_clinical_person_cannot_dispose_and_is_told_who_may(launcher: Launcher, qtbot: QtBot) -> None:
    import datetime as dt

    from ytcs_desktop.domain.inventory import receive
    from ytcs_desktop.domain.inventory.stock import on_hand_by_lot
    from ytcs_desktop.store.models import Item
    from ytcs_desktop.ui.dialogs.stock_moves import DisposeDialog

    _signed_in(launcher, qtbot, NURSE)
    ctx, session = launcher.ctx, launcher.session
    assert ctx is not None and session is not None
    session.idle.stop()
    assert ctx.actor.duties == frozenset({"lam_sang"})
    with ctx.db.transaction() as s:
        s.add(Item(id="item-para", code="TH001", name="Paracetamol 500 mg", base_unit="viên", category="drug"))
    with qtbot.waitSignal(ctx.ops.saved, timeout=10_000):  # receiving is anyone's work
        ctx.ops.write("receive", lambda s, a: receive(s, a, item_id="item-para", lot_no="P1",
                                                      expiry=dt.date(2030, 1, 31), quantity=50,
                                                      txn_date=dt.date.today()), {"stock"})
    with ctx.db.read() as s:
        lot = on_hand_by_lot(s, ctx.db.station_id or "")[0]
    dialog = DisposeDialog(ctx, lot, launcher.window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.quantity.setValue(5)
    qtbot.keyClicks(dialog.note, "Vo chai")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_text() != "", timeout=10_000)
    assert "Chỉ trạm trưởng hoặc thủ kho / dược sĩ mới được hủy thuốc, vật tư" in dialog.form.error_text()
    assert dialog.isVisible() and dialog.note.text() == "Vo chai" and dialog.quantity.value() == 5
    with ctx.db.read() as s:
        assert on_hand_by_lot(s, ctx.db.station_id or "")[0].quantity == 50


def test_data_with_accounts_opened_with_nobody_known_asks_who_signs_in(launcher: Launcher, qtbot: QtBot) -> None:
    """As after putting back a backup that has accounts on a PC whose window had none: the window opens
    with nothing shown and nobody acting until a person signs in."""
    db = Database.open(database_file(launcher.folder))
    window = launcher.open_workspace(db)
    session, ctx = launcher.session, launcher.ctx
    assert session is not None and ctx is not None
    dialog = session.dialog
    assert dialog is not None and dialog.mode == "signed_out"
    content = window.centralWidget()
    assert content is not None and not content.isVisible()
    assert ctx.actor.duties == frozenset() and ctx.actor.name == ""
    type_in(qtbot, dialog, *KEEPER)
    qtbot.waitUntil(lambda: session.dialog is None, timeout=10_000)
    assert ctx.actor.username == "binh" and content.isVisible()
    session.idle.stop()
