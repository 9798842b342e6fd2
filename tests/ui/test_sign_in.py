"""Signing in to a real centre server from the window: a wrong password is refused under its field,
then the right one keeps the device token and the first sync sends everything."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.conftest import PASSWORD, add_station_account
from ytcs_desktop.domain.stations import create_station
from ytcs_desktop.store.db import Database
from ytcs_desktop.ui.dialogs.sign_in import SignInDialog
from ytcs_desktop.ui.workspace import build_window


def test_sign_in_then_sync(make_ctx, server: tuple[str, str], tmp_path: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    base, db_url = server
    station_id, code = add_station_account(db_url, "lan")
    db = Database.create(tmp_path / "station" / "ytcs.sqlite3", station_id=station_id, role="station")
    try:
        with db.transaction() as s:  # the station worked offline first
            create_station(s, code=code, name="Trạm Y tế phường An Phú", station_id=station_id)
        ctx = make_ctx(db)
        window = build_window(ctx)
        qtbot.addWidget(window)
        dialog = window.sign_in()
        assert isinstance(dialog, SignInDialog)
        dialog.server.setText(base)
        dialog.username.setText("lan")
        dialog.password.setText("sai-mật-khẩu")
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: dialog.form.error_text("password") != "", timeout=10_000)
        assert dialog.username.text() == "lan" and dialog.isVisible()
        dialog.password.setText(PASSWORD)
        assert ctx.sync is not None
        with qtbot.waitSignal(ctx.sync.finished, timeout=30_000) as done:
            dialog.ok_button.click()
        report = done.args[0]
        assert report is not None and report.complete and report.pushed >= 1
        qtbot.waitUntil(lambda: ctx.sync is not None and ctx.sync.status.pending == 0, timeout=5000)
        assert ctx.sync.status.state == "idle" and ctx.sync.status.last_success is not None
        window.close()
    finally:
        db.close()


def test_first_run_signed_in(qapp, server: tuple[str, str], tmp_path: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    """First run online: the account decides the role and the station; the device token is kept."""
    from ytcs_desktop.ui.app import install_translator, settings_for
    from ytcs_desktop.ui.launcher import Launcher
    from ytcs_desktop.ui.models.sync_info import DEVICE_ID, SERVER_URL

    base, db_url = server
    station_id, _code = add_station_account(db_url, "lan")
    folder = tmp_path / "data"
    install_translator(qapp, "vi")
    settings = settings_for(folder)
    settings.setValue("preload", "false")
    launcher = Launcher(qapp, folder, settings, "vi")
    try:
        assert launcher.start()
        dialog = launcher.dialog
        assert dialog is not None
        dialog.offline.setChecked(False)
        dialog.server.setText(base)
        dialog.username.setText("lan")
        dialog.password.setText("sai")
        dialog.user_name.setText("Nguyễn Thị Lan")
        dialog.start_button.click()
        qtbot.waitUntil(lambda: dialog.form.error_text("password") != "", timeout=10_000)
        assert not (folder / "ytcs.sqlite3").exists()
        dialog.password.setText(PASSWORD)
        dialog.start_button.click()
        qtbot.waitUntil(lambda: launcher.window is not None, timeout=10_000)
        assert launcher.ctx is not None
        db = launcher.ctx.db
        assert db.station_id == station_id and db.role == "station"
        assert db.meta(SERVER_URL) == base and db.meta(DEVICE_ID)
    finally:
        if launcher.window is not None:
            launcher.window.close()
        launcher.close()


def test_centre_sees_when_each_station_last_synced(make_ctx, server: tuple[str, str], tmp_path: Path,  # type: ignore[no-untyped-def]
                                                    qtbot: QtBot, monkeypatch) -> None:
    from argon2 import PasswordHasher

    from ytcs_desktop.sync.apply import remote_write, set_meta
    from ytcs_desktop.sync.client import SyncClient, login
    from ytcs_desktop.sync.server import admin
    from ytcs_desktop.sync.server.store import ServerStore
    from ytcs_desktop.ui.models.sync_info import DEVICE_ID, SERVER_URL
    from ytcs_desktop.ui.pages.centre_stations import StationsOverviewPage

    base, db_url = server
    station_id, code = add_station_account(db_url, "lan")
    store = ServerStore(db_url)
    try:
        with store.write() as conn:
            admin.add_user(conn, "tam", PASSWORD, "centre", None,
                           PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    finally:
        store.dispose()
    station_db = Database.create(tmp_path / "st" / "ytcs.sqlite3", station_id=station_id, role="station")
    centre_db = Database.create(tmp_path / "centre" / "ytcs.sqlite3", role="centre")
    try:
        with station_db.transaction() as s:
            create_station(s, code=code, name="Trạm Y tế phường An Phú", station_id=station_id)
        answer = login(base, "lan", PASSWORD, device_name="pc-1", station_id=station_id,
                       replica_id=station_db.replica_id)
        client = SyncClient(station_db, base, answer.token)
        try:
            assert client.sync().complete
        finally:
            client.close()
        centre = login(base, "tam", PASSWORD, device_name="centre", replica_id=centre_db.replica_id)
        with remote_write(centre_db) as conn:
            set_meta(conn, SERVER_URL, base)
            set_meta(conn, DEVICE_ID, centre.device_id)
        monkeypatch.setenv("YTCS_SYNC_TOKEN", centre.token)
        ctx = make_ctx(centre_db, user="BS. Lê Minh Tâm")
        window = build_window(ctx)
        qtbot.addWidget(window)
        with qtbot.waitSignal(ctx.sync.finished, timeout=30_000) as synced:  # type: ignore[union-attr]
            ctx.sync.sync_now()  # type: ignore[union-attr]
        report = synced.args[0] if synced.args else None
        assert report is not None and report.complete, ctx.sync.status.message  # type: ignore[union-attr]
        page = window.open(StationsOverviewPage)
        assert isinstance(page, StationsOverviewPage)
        # A load begun before the pull ended may answer first; the pull's announcement loads again.
        qtbot.waitUntil(lambda: any(page.model.row_at(r).id == station_id for r in range(page.model.rowCount())),
                        timeout=10_000)
        page.load_devices()
        qtbot.waitUntil(lambda: station_id in page.model.devices, timeout=10_000)
        col = [c.key for c in page.model.columns].index("last_sync")
        ids = [page.model.row_at(r).id for r in range(page.model.rowCount())]
        assert station_id in ids, (station_id, ids)
        row = ids.index(station_id)
        assert page.model.data(page.model.index(row, col)) != ""
        window.close()
    finally:
        station_db.close()
        centre_db.close()
