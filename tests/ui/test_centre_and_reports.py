"""The centre workspace (inbox and supply) on a centre database, a report saved as PDF from the
reports page, and the Vietnamese catalogue complete."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.helpers import seed_items
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.inventory import receive
from ytcs_desktop.domain.inventory.requisitions import create_requisition, lines_of, set_requested, submit
from ytcs_desktop.domain.stations import create_station
from ytcs_desktop.domain.support import create_request, move
from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Requisition, SupportRequest
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.pages.centre_inbox import InboxPage
from ytcs_desktop.ui.pages.centre_stations import StationsOverviewPage
from ytcs_desktop.ui.pages.centre_supply import SupplyPage
from ytcs_desktop.ui.pages.reports import ReportsPage
from ytcs_desktop.ui.workspace import build_window

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def centre_window(tmp_path: Path, make_ctx, qtbot: QtBot):  # type: ignore[no-untyped-def]
    db = Database.create(tmp_path / "centre.sqlite3", role="centre")
    sid = new_id()
    with db.transaction() as s:
        create_station(s, code="TYT-AP", name="Trạm Y tế phường An Phú", station_id=sid)
    ids = seed_items(db)
    station = Actor("Nguyễn Thị Lan", "station", sid)
    today = dt.date.today()
    with db.transaction() as s:
        receive(s, station, item_id=ids["PARA500"], lot_no="P1", expiry=today + dt.timedelta(days=300), quantity=20,
                txn_date=today)
        request = create_request(s, station, kind="consultation", title="Hội chẩn ca viêm phổi")
        move(s, station, request.id, "submitted")
        req = create_requisition(s, station, period_from=today, period_to=today + dt.timedelta(days=30))
        for line in lines_of(s, req.id):
            set_requested(s, station, line_id=line.id, requested_qty=200)
        submit(s, station, requisition_id=req.id)
    ctx = make_ctx(db, user="BS. Lê Minh Tâm")
    window = build_window(ctx)
    qtbot.addWidget(window)
    window.show()
    yield window
    db.close()


def test_centre_accepts_a_request_and_approves_a_requisition(centre_window: MainWindow, qtbot: QtBot) -> None:
    db = centre_window.ctx.db
    assert centre_window.ctx.is_centre
    stations = centre_window.open(StationsOverviewPage)
    assert isinstance(stations, StationsOverviewPage)
    qtbot.waitUntil(lambda: stations.model.rowCount() == 1, timeout=5000)
    assert stations.model.row_at(0).open_requests == 1

    inbox = centre_window.open(InboxPage)
    assert isinstance(inbox, InboxPage)
    qtbot.waitUntil(lambda: inbox.proxy.rowCount() == 1, timeout=5000)
    inbox.table.selectRow(0)
    qtbot.waitUntil(lambda: "accepted" in inbox.move_buttons, timeout=5000)
    inbox.move_buttons["accepted"].click()
    qtbot.waitUntil(lambda: inbox.selected() is not None and inbox.selected().status == "accepted", timeout=5000)

    supply = centre_window.open(SupplyPage)
    assert isinstance(supply, SupplyPage)
    qtbot.waitUntil(lambda: supply.model.rowCount() == 1, timeout=5000)
    supply.table.selectRow(0)
    qtbot.waitUntil(lambda: supply.lines.rowCount() > 0, timeout=5000)
    col = [c.key for c in supply.lines.columns].index("approved_qty")
    supply.lines.setData(supply.lines.index(0, col), 150, Qt.ItemDataRole.EditRole)
    supply.approve_button.click()
    qtbot.waitUntil(lambda: supply.model.rowCount() == 1 and supply.model.row_at(0)["status"] == "approved",
                    timeout=5000)
    with db.read() as s:
        assert s.scalars(select(SupportRequest)).one().status == "accepted"
        assert s.scalars(select(Requisition)).one().status == "approved"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_report_saved_as_pdf_from_the_window(station_window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    ids = seed_items(station_window.ctx.db)
    actor = Actor("Nguyễn Thị Lan", "station", station_window.ctx.actor.station_id)
    today = dt.date.today()
    with station_window.ctx.db.transaction() as s:
        receive(s, actor, item_id=ids["PARA500"], lot_no="P1", expiry=today + dt.timedelta(days=300), quantity=40,
                txn_date=today)
    page = station_window.open(ReportsPage)
    assert isinstance(page, ReportsPage)
    names = [page.list.item(i).text() for i in range(page.list.count())]
    page.list.setCurrentRow(names.index("Thẻ kho"))
    target = tmp_path / "the-kho.pdf"
    with qtbot.waitSignal(page.saved, timeout=30_000):
        page.save("pdf", target)
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "THẺ KHO" in text and "Paracetamol 500 mg" in text


def test_vietnamese_catalogue_is_complete(tmp_path: Path) -> None:
    """Every string of the window, as pyside6-lupdate finds it in the code today, has its Vietnamese."""
    import sys

    ts = tmp_path / "ytcs_vi.ts"
    shutil.copy(ROOT / "resources" / "translations" / "ytcs_vi.ts", ts)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (ROOT / "ytcs_desktop" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), "-silent", "-no-obsolete", *sources, "-ts", str(ts)], check=True, cwd=ROOT)
    tree = ET.parse(ts)
    missing = [m.findtext("source") for m in tree.getroot().iter("message")
               if m.find("translation") is not None and (m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
                                                         or not "".join(m.find("translation").itertext()).strip())]  # type: ignore[union-attr]
    assert not missing, missing


def test_report_preview_opens(station_window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    ids = seed_items(station_window.ctx.db)
    actor = Actor("Nguyễn Thị Lan", "station", station_window.ctx.actor.station_id)
    today = dt.date.today()
    with station_window.ctx.db.transaction() as s:
        receive(s, actor, item_id=ids["GAUZE"], lot_no="G1", expiry=today + dt.timedelta(days=300), quantity=40,
                txn_date=today)
    page = station_window.open(ReportsPage)
    assert isinstance(page, ReportsPage)
    names = [page.list.item(i).text() for i in range(page.list.count())]
    page.list.setCurrentRow(names.index("Thẻ kho"))
    page.preview()
    qtbot.waitUntil(lambda: page.findChild(QPrintPreviewDialog) is not None, timeout=30_000)
    dialog = page.findChild(QPrintPreviewDialog)
    assert dialog is not None
    dialog.close()
