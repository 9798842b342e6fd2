"""The reports page at the centre: a choice of stations (shown only there), and the printed register
is the centre's, with only the stations ticked."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.stations import create_centre, create_station
from ytcs_desktop.domain.support import create_request, move
from ytcs_desktop.store.db import Database
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.pages.reports import ReportsPage
from ytcs_desktop.ui.workspace import build_window


@pytest.fixture
def centre_window(tmp_path: Path, make_ctx, qtbot: QtBot):  # type: ignore[no-untyped-def]
    db = Database.create(tmp_path / "centre.sqlite3", role="centre")
    with db.transaction() as s:
        centre = create_centre(s, code="TTYT-TA", name="Trung tâm Y tế khu vực Thuận An", province="tỉnh Bình Dương")
        ids = [create_station(s, code=code, name=name, centre_id=centre.id).id
               for code, name in (("TYT-AP", "Trạm Y tế phường An Phú"), ("TYT-BH", "Trạm Y tế phường Bình Hòa"))]
    with db.transaction() as s:
        for sid, title in zip(ids, ("Hội chẩn ca viêm phổi", "Chuyển giao kỹ thuật khâu"), strict=True):
            actor = Actor("Nguyễn Thị Lan", "station", sid)
            move(s, actor, create_request(s, actor, kind="consultation", title=title).id, "submitted")
    window = build_window(make_ctx(db, user="BS. Lê Minh Tâm"))
    qtbot.addWidget(window)
    window.show()
    yield window
    db.close()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_support_register_for_the_stations_ticked(centre_window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    page = centre_window.open(ReportsPage)
    assert isinstance(page, ReportsPage)
    qtbot.waitUntil(lambda: page.stations.count() == 2, timeout=5000)
    assert page.stations.isVisibleTo(page) and page.chosen_stations() is None
    names = [page.list.item(i).text() for i in range(page.list.count())]
    page.list.setCurrentRow(names.index("Sổ theo dõi hỗ trợ chuyên môn"))
    page.stations.item(1).setCheckState(Qt.CheckState.Checked)  # TYT-BH only
    # the requests' day is their day in Việt Nam (UTC+7), also when this machine's clock runs on UTC
    vn_today = dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).date()
    page.date_to.setDate(QDate(vn_today.year, vn_today.month, vn_today.day))
    target = tmp_path / "so-ho-tro.pdf"
    with qtbot.waitSignal(page.saved, timeout=30_000):
        page.save("pdf", target)
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "TRUNG TÂM Y TẾ KHU VỰC THUẬN AN" in text and "SỞ Y TẾ TỈNH BÌNH DƯƠNG" in text
    assert "Chuyển giao kỹ thuật" in text and "Hội chẩn ca viêm phổi" not in text
    assert "TYT phường Bình" in text


def test_a_station_has_no_station_choice(station_window: MainWindow) -> None:
    page = station_window.open(ReportsPage)
    assert isinstance(page, ReportsPage)
    assert not page.stations.isVisibleTo(page)
    assert page.request().station_id == station_window.ctx.actor.station_id

