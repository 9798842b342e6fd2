"""The window and a damaged file: at start it says what is wrong and which copy to restore instead of
opening; a write on a file found damaged later is refused with the same plain message, nothing written."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from tests.cli.test_damaged import damage
from tests.ui.conftest import settings_in
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.store.backup import backup_folder
from ytcs_desktop.store.db import Database
from ytcs_desktop.ui import launcher as launcher_module
from ytcs_desktop.ui.launcher import Launcher
from ytcs_desktop.ui.operations import Operations
from ytcs_desktop.ui.tasks import TaskManager


def _damaged_station(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "ytcs.sqlite3"
    db = Database.create(path, station_id="s1")
    db.close()
    copy = backup_folder(path) / "ytcs-2026-03-04-0506.sqlite3"
    copy.parent.mkdir()
    shutil.copy(path, copy)
    os.utime(copy, (dt.datetime(2026, 3, 4, 5, 6).timestamp(),) * 2)
    damage(path, "middle")
    return path


def test_the_window_does_not_open_a_damaged_file_and_names_the_copy_to_restore(
        qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "data"
    path = _damaged_station(folder)
    shown: list[str] = []
    monkeypatch.setattr(launcher_module.QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    launcher = Launcher(qapp, folder, settings_in(tmp_path), "vi")
    try:
        assert launcher.start() is False
    finally:
        launcher.close()
    assert launcher.window is None
    (message,) = shown
    assert "bị hỏng" in message and "Traceback" not in message
    assert f"ytcs restore {backup_folder(path) / 'ytcs-2026-03-04-0506.sqlite3'}" in message
    assert "2026-03-04 05:06" in message


def test_a_write_on_a_damaged_file_is_refused_with_a_plain_message(qapp, tmp_path: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    path = _damaged_station(tmp_path / "data")
    before = path.read_bytes()
    db = Database.open(path)  # not checked at opening: the first write checks
    tasks = TaskManager()
    ops = Operations(db, Actor(name="Lan", role="station", station_id="s1"), tasks, "en")
    failed: list[str] = []
    ops.failed.connect(failed.append)
    refused: list[bool] = []
    try:
        ops.write("probe", lambda s, _actor: s.execute(text("INSERT INTO sync_meta (key, value) VALUES ('p', '1')")),
                  areas=[], on_failed=lambda: refused.append(True))
        qtbot.waitUntil(lambda: bool(refused), timeout=10_000)
    finally:
        tasks.shutdown()
        db.close()
    (message,) = failed
    assert "is damaged" in message and "ytcs restore" in message and "Traceback" not in message
    assert "DamagedDatabaseError" not in message
    assert path.read_bytes() == before
