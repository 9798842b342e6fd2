"""The backup page: the last good backup (red when old, with a line on the overview), backing up now with
a busy cue, the second folder, the copies and what each holds; the automatic daily backup; restoring a
copy from the window after a confirmation (the workspace reopens over the restored data), and a copy of
another station refused before anything is replaced."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.sync.helpers import add_fridge
from ytcs_desktop.store.backup import copy_name, list_copies, make_backup
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Fridge, Station
from ytcs_desktop.ui.app import settings_for
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.launcher import Launcher
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.pages.backup import BackupPage
from ytcs_desktop.ui.pages.overview import OverviewPage


def backup_page(window: MainWindow) -> BackupPage:
    window.backup_action.trigger()  # File › Backups…
    page = window.stack.currentWidget()
    assert isinstance(page, BackupPage)
    return page


def test_back_up_now_list_and_second_folder(station_window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    ctx: AppContext = station_window.ctx
    assert ctx.backups is not None
    overview = station_window.page(OverviewPage)
    assert isinstance(overview, OverviewPage)
    page = backup_page(station_window)
    qtbot.waitUntil(lambda: ctx.backups is not None and ctx.backups.known, timeout=5000)
    assert page.status.property("old") is True and "chưa có" in page.status.text().lower()
    overview.activate()
    qtbot.waitUntil(lambda: not overview.backup_banner.isHidden(), timeout=5000)

    usb = tmp_path / "usb"
    page.pick_folder = lambda: str(usb)  # type: ignore[method-assign]
    page.choose_button.click()
    assert ctx.backups.extra_folder() == usb and str(usb) in page.extra_folder.text()
    with qtbot.waitSignal(ctx.backups.backed_up, timeout=10_000) as made:
        page.back_up_button.click()
        assert not page.back_up_button.isEnabled() and page.back_up_button.text() == "Đang sao lưu…"
    outcome = made.args[0]
    assert outcome.made.path.parent == ctx.db.path.parent / "backups" and outcome.extra.path.parent == usb
    assert page.back_up_button.isEnabled() and page.status.property("old") is False
    assert "hôm nay" in page.status.text() and str(outcome.made.path) in page.note.text()
    assert overview.backup_banner.isHidden()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    row = page.model.row_at(0)
    assert row.contents is not None and row.contents.station_code == "TYT-AP"
    shown = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert "TYT-AP – Trạm Y tế phường An Phú" in shown and "Sao lưu" in shown

    page.clear_button.click()
    assert ctx.backups.extra_folder() is None


def test_an_old_backup_is_red_and_the_daily_backup_runs_by_itself(station_window: MainWindow, qtbot: QtBot) -> None:
    ctx = station_window.ctx
    assert ctx.backups is not None
    folder = ctx.backups.folder
    made = make_backup(ctx.db.path)
    old = folder / copy_name(dt.datetime.now() - dt.timedelta(days=5))
    made.path.rename(old)
    page = backup_page(station_window)
    ctx.backups.refresh()  # after any look-up started before the copy was there
    qtbot.waitUntil(lambda: "cách đây 5 ngày" in page.status.text(), timeout=5000)
    assert page.status.property("old") is True
    assert "#b3261e" in page.status.styleSheet()

    with qtbot.waitSignal(ctx.backups.backed_up, timeout=10_000):
        ctx.backups.start_auto(first_delay_ms=0)  # as at start: the newest copy is more than a day old
    assert page.status.property("old") is False
    ctx.backups.stop()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)  # the old one is kept (another week)


def _station_folder(folder: Path, code: str = "TYT-AP") -> None:
    db = Database.create(folder / "ytcs.sqlite3", station_id=f"id-{code}")
    with db.transaction() as s:
        s.add(Station(id=f"id-{code}", station_id=f"id-{code}", code=code, name=f"Trạm Y tế {code}"))
    db.close()


def test_restore_from_the_window_reopens_the_data(qapp, tmp_path: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "data"
    _station_folder(folder)
    settings = settings_for(folder)
    settings.setValue("preload", "false")
    settings.setValue("auto_backup", "false")
    launcher = Launcher(qapp, folder, settings, "vi")
    try:
        assert launcher.start() and launcher.window is not None and launcher.ctx is not None
        first = add_fridge(launcher.ctx.db, "Tủ 1")
        make_backup(launcher.ctx.db.path)
        add_fridge(launcher.ctx.db, "Tủ 2")  # after the copy: replaced by the restore

        other = tmp_path / "other"
        _station_folder(other, "TYT-BH")
        stranger = make_backup(other / "ytcs.sqlite3").path
        old_window = launcher.window
        page = backup_page(old_window)
        page.pick_file = lambda: str(stranger)  # type: ignore[method-assign]
        page.restore_file_button.click()
        qtbot.waitUntil(lambda: page.confirm_box is not None and page.confirm_box.isVisible(), timeout=5000)
        assert page.confirm_box is not None and "TYT-BH" in page.confirm_box.text()
        page.confirm_box.buttons()[0].click()
        assert launcher.window is old_window  # refused: nothing replaced

        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
        page.table.selectRow(0)
        assert page.restore_button.isEnabled()
        page.confirm_box = None
        page.restore_button.click()
        qtbot.waitUntil(lambda: page.confirm_box is not None and page.confirm_box.isVisible(), timeout=5000)
        box = page.confirm_box
        assert box is not None and "bản sao an toàn" in box.text().lower() and "đồng bộ" in box.text()
        yes = next(b for b in box.buttons() if b.text() == "&Khôi phục bản sao này")
        yes.click()
        qtbot.waitUntil(lambda: launcher.window is not old_window and launcher.ctx is not None, timeout=15_000)
        qtbot.waitUntil(lambda: getattr(launcher, "restore_box", None) is not None, timeout=5000)
        assert "khôi phục" in launcher.restore_box.text()  # type: ignore[attr-defined]
        assert launcher.ctx is not None
        with launcher.ctx.db.read() as s:
            assert list(s.scalars(select(Fridge.id))) == [first]
        kinds = sorted(c.kind for c in list_copies(folder / "backups"))
        assert kinds == ["before_restore", "regular"]
        launcher.restore_box.close()  # type: ignore[attr-defined]
    finally:
        launcher.close()
        if launcher.window is not None:
            launcher.window.close()
    shutil.rmtree(folder / "backups")
