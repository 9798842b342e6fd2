"""First run offline (station), refusals shown by the field, then the language switch; and the guard
that fails any test leaving a QThread running."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import running_qthreads
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Station
from ytcs_desktop.ui.app import install_translator, settings_for
from ytcs_desktop.ui.launcher import Launcher
from ytcs_desktop.ui.tasks import TaskManager


def test_first_run_offline_station_then_english(qapp, tmp_path: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "data"
    install_translator(qapp, "vi")
    launcher = Launcher(qapp, folder, settings_for(folder), "vi")
    try:
        assert launcher.start()
        dialog = launcher.dialog
        assert dialog is not None and dialog.start_button.text() == "Bắt đầu"
        assert dialog.quit_button.text() == "Thoát"
        dialog.code.setText("TYT-AP")
        dialog.start_button.click()  # no name yet: refused under the name field, nothing created
        qtbot.waitUntil(lambda: dialog.form.error_text("user_name") != "", timeout=5000)
        assert "họ và tên" in dialog.form.error_text("user_name")
        assert dialog.code.text() == "TYT-AP"
        assert not (folder / "ytcs.sqlite3").exists()

        dialog.user_name.setText("Nguyễn Thị Lan")
        dialog.name.setText("Trạm Y tế phường An Phú")
        # the first account of this computer, the head of station's: the password typed twice
        assert dialog.username.isEnabled() and dialog.repeat.isEnabled()
        dialog.username.setText("lan")
        dialog.password.setText("tram y te an phu")
        dialog.repeat.setText("tram y te an phu!")
        dialog.start_button.click()
        qtbot.waitUntil(lambda: dialog.form.error_text("repeat") != "", timeout=5000)
        assert not (folder / "ytcs.sqlite3").exists() and dialog.username.text() == "lan"
        dialog.repeat.setText("tram y te an phu")
        dialog.start_button.click()
        qtbot.waitUntil(lambda: launcher.window is not None, timeout=10_000)
        window = launcher.window
        assert window is not None
        assert window.nav.item(0).text() == "Tổng quan"
        assert launcher.ctx is not None and launcher.ctx.actor.name == "Nguyễn Thị Lan"
        assert (launcher.ctx.actor.username, launcher.ctx.actor.duties) == ("lan", frozenset({"truong_tram"}))
        assert window.sign_out_action.isEnabled()

        launcher.switch_language("en")
        assert launcher.window is not None and launcher.window.nav.item(0).text() == "Overview"
        assert str(settings_for(folder).value("lang")) == "en"
    finally:
        launcher.close()
        if launcher.window is not None:
            launcher.window.close()
        install_translator(qapp, "vi")
    db = Database.open(folder / "ytcs.sqlite3")
    try:
        with db.read() as s:
            station = s.scalars(select(Station)).one()
        assert (station.code, station.id) == ("TYT-AP", db.station_id)
    finally:
        db.close()


def test_thread_guard_sees_a_running_writer(qapp) -> None:  # type: ignore[no-untyped-def]
    before = len(running_qthreads())
    tasks = TaskManager()
    assert len(running_qthreads()) == before + 1  # the autouse guard would fail this test if left so
    tasks.shutdown()
    assert len(running_qthreads()) == before


def test_ytcs_gui_starts_and_stays_up(tmp_path: Path) -> None:
    """`ytcs gui` on an empty data folder opens the first-run dialog and keeps running, quietly."""
    import os
    import subprocess
    import sys
    import time

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "YTCS_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.Popen([sys.executable, "-m", "ytcs_desktop", "gui"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(3)
        assert proc.poll() is None, proc.communicate()[1]
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=10)
    noise = [line for line in err.splitlines() if line.strip() and "propagateSizeHints" not in line]
    assert not noise, noise
