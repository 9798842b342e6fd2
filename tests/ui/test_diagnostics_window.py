"""File → Diagnostics for the centre: the zip is built on a worker and the status bar says where it went."""

from __future__ import annotations

import zipfile
from pathlib import Path

from pytestqt.qtbot import QtBot

from ytcs_desktop.ui.main_window import MainWindow


def test_the_window_writes_the_diagnostics_zip(station_window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "chan-doan.zip"
    assert station_window.diagnostics_action.text().replace("&", "").startswith("Thông tin chẩn đoán")
    station_window.save_diagnostics(target)  # what the save dialog hands over
    qtbot.waitUntil(lambda: "chan-doan.zip" in station_window.statusBar().currentMessage(), timeout=10_000)
    assert "gửi tệp này cho Trung tâm" in station_window.statusBar().currentMessage()
    with zipfile.ZipFile(target) as zf:
        assert zf.read("check.txt").decode().strip() == "ok"
