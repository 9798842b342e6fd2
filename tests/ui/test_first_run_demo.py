"""The demo data from the first-run dialog: a real progress bar by simulated month, a cancel that
leaves no file behind, then a full (small) build that opens the workspace on it."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from ytcs_desktop.demo.people import DEMO_PASSWORD
from ytcs_desktop.domain.accounts import verify_password
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import StockTransaction
from ytcs_desktop.ui.app import install_translator, settings_for
from ytcs_desktop.ui.launcher import Launcher


def test_demo_build_shows_progress_cancels_cleanly_then_opens(qapp, tmp_path: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "data"
    install_translator(qapp, "vi")
    launcher = Launcher(qapp, folder, settings_for(folder), "vi", demo_months=2)
    seen: list[tuple[int, int]] = []
    try:
        assert launcher.start()
        dialog = launcher.dialog
        assert dialog is not None and not dialog.progress.isVisible()
        dialog.show()
        dialog.demo_button.click()
        assert dialog.progress.isVisible() and dialog.cancel_button.isVisible()
        assert not dialog.demo_button.isEnabled() and not dialog.start_button.isEnabled()
        # Cancel as soon as the first month is under way.
        qtbot.waitUntil(lambda: dialog.progress.maximum() > 0 and dialog.progress.value() >= 1, timeout=60_000)
        assert "tháng 1/" in dialog.status.text()
        dialog.cancel_button.click()
        assert dialog.status.text() == "Đang dừng…"
        qtbot.waitUntil(lambda: dialog.demo_button.isEnabled(), timeout=60_000)
        assert "không được tạo" in dialog.status.text()
        assert not dialog.progress.isVisible() and launcher.window is None
        assert [p.name for p in folder.iterdir() if p.name.startswith("ytcs")] == []  # no half-built file left

        dialog.progress.valueChanged.connect(lambda v: seen.append((v, dialog.progress.maximum())))
        dialog.demo_button.click()
        qtbot.waitUntil(lambda: launcher.window is not None, timeout=180_000)
        total = seen[-1][1]
        assert total >= 4 and [v for v, _m in seen] == sorted({v for v, _m in seen}) and seen[-1][0] == total
        assert sorted(p.name for p in folder.iterdir() if p.name.startswith("ytcs.sqlite3")) in (
            ["ytcs.sqlite3"], ["ytcs.sqlite3", "ytcs.sqlite3-shm", "ytcs.sqlite3-wal"])
        assert launcher.ctx is not None and launcher.ctx.db.station_id is not None
        # the demo's people sign in on its PC; the one who opened it is its head of station
        actor = launcher.ctx.actor
        assert (actor.username, actor.duties) == ("truongtram", frozenset({"truong_tram"}))
    finally:
        launcher.close()
        if launcher.window is not None:
            launcher.window.close()
    db = Database.open(folder / "ytcs.sqlite3")
    try:
        with db.read() as s:
            assert (s.scalar(select(func.count()).select_from(StockTransaction)) or 0) > 100
        with db.transaction() as s:
            nurse = verify_password(s, "dieuduong", DEMO_PASSWORD)
        assert nurse.duties == {"lam_sang"} and nurse.staff_id is not None
    finally:
        db.close()
