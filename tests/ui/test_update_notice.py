"""The centre names the version it recommends: a window older than that says so in its status bar, with
where to get it; a window as new says nothing. Real server process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.sync.conftest import start_server, stop_server
from tests.ui.conftest import registered_station, sign_in
from ytcs_desktop.sync.server.store import ServerStore
from ytcs_desktop.ui.workspace import build_window

DOWNLOAD = "https://trungtam.example/ytcs-9.9.0-setup.exe"


@pytest.fixture(params=["newer", "same"])
def centre(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str, str]]:
    url = f"sqlite:///{tmp_path / 'centre.sqlite3'}"
    store = ServerStore(url)
    store.create_schema()
    store.dispose()
    env = {"YTCS_RECOMMENDED_CLIENT": "9.9.0", "YTCS_CLIENT_DOWNLOAD": DOWNLOAD} if request.param == "newer" else {}
    proc, base = start_server(url, env=env)
    try:
        yield base, url, request.param
    finally:
        stop_server(proc)


def test_the_window_says_when_the_centre_offers_a_newer_version(  # type: ignore[no-untyped-def]
        make_ctx, centre: tuple[str, str, str], tmp_path: Path, qtbot: QtBot, monkeypatch) -> None:
    base, db_url, case = centre
    db, _station_id = registered_station(db_url, tmp_path / "station")
    try:
        sign_in(db, base, monkeypatch)
        ctx = make_ctx(db)
        window = build_window(ctx)
        qtbot.addWidget(window)
        window.show()
        notice = window.findChild(QLabel, "update_notice")
        assert notice is not None and not notice.isVisible()
        assert ctx.sync is not None
        with qtbot.waitSignal(ctx.sync.finished, timeout=30_000):
            ctx.sync.sync_now()
        if case == "newer":
            qtbot.waitUntil(notice.isVisible, timeout=5000)
            assert "YTCS 9.9.0" in notice.text() and DOWNLOAD in notice.text()
            assert "Có phiên bản mới" in notice.text()
        else:
            qtbot.wait(200)
            assert not notice.isVisible()
        window.close()
    finally:
        db.close()
