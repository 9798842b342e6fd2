"""The sync indicator in plain Vietnamese: offline with no server set, and 'no connection' when the
centre cannot be reached (and a retry is scheduled)."""

from __future__ import annotations

import socket

from pytestqt.qtbot import QtBot

from ytcs_desktop.sync.apply import remote_write, set_meta
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.models.sync_info import DEVICE_ID, SERVER_URL
from ytcs_desktop.ui.sync_controller import RETRY_INTERVAL_MS
from ytcs_desktop.ui.widgets.sync_status import SyncStatusWidget


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_indicator_offline_then_unreachable(station_window: MainWindow, qtbot: QtBot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ctx = station_window.ctx
    assert ctx.sync is not None
    widget = station_window.findChild(SyncStatusWidget)
    assert widget is not None
    qtbot.waitUntil(lambda: "ngoại tuyến" in widget.state_label.text(), timeout=5000)
    assert not widget.sync_button.isEnabled()

    url = f"http://127.0.0.1:{_free_port()}"  # nothing listens there
    with remote_write(ctx.db) as conn:
        set_meta(conn, SERVER_URL, url)
        set_meta(conn, DEVICE_ID, "device-1")
    monkeypatch.setenv("YTCS_SYNC_TOKEN", "token-for-this-test")
    with qtbot.waitSignal(ctx.sync.status_changed, timeout=5000):
        ctx.sync.refresh_counts()
    qtbot.waitUntil(lambda: widget.sync_button.isEnabled(), timeout=5000)
    assert "chờ gửi" in widget.detail_label.text()
    with qtbot.waitSignal(ctx.sync.finished, timeout=30_000):
        widget.sync_button.click()
    assert ctx.sync.status.state == "offline"
    assert "Không kết nối được Trung tâm" in widget.state_label.text()
    assert "Dữ liệu vẫn an toàn" in widget.state_label.toolTip()
    assert ctx.sync.timer.isActive()
    assert 0.8 * RETRY_INTERVAL_MS <= ctx.sync.timer.interval() <= 1.2 * RETRY_INTERVAL_MS  # spread ±20 %


def test_link_back_triggers_a_sync_soon(station_ctx) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtNetwork import QNetworkInformation

    sync = station_ctx.sync
    assert sync is not None
    sync.status.state = "offline"
    sync._link_changed(QNetworkInformation.Reachability.Online)
    assert sync.timer.isActive() and sync.timer.interval() == 2000
    sync.timer.stop()
    sync.status.state = "idle"
    sync._link_changed(QNetworkInformation.Reachability.Online)
    assert not sync.timer.isActive()  # nothing waiting: no extra sync
