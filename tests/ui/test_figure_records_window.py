"""Every figure traceable, in the window: at the centre, a figure of the programme's figures page or of the
stations overview opens the records it counts (double-click or Enter), Esc closes the list. The demo world,
opened as the centre."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from tests.reports.test_support_programme import last_full_quarter
from ytcs_desktop.demo import build_demo
from ytcs_desktop.domain.centre_overview import station_figure_records
from ytcs_desktop.domain.figures import records_of
from ytcs_desktop.domain.programme.common import quarter_of_day
from ytcs_desktop.domain.reportdata.support_programme import figure_value, programme_report
from ytcs_desktop.store.db import Database
from ytcs_desktop.ui.dialogs.figure_records import FigureRecordsDialog
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.models.base import ROW_ROLE
from ytcs_desktop.ui.pages.centre_figures import FigureLine, ProgrammeFiguresPage
from ytcs_desktop.ui.pages.centre_stations import StationsOverviewPage
from ytcs_desktop.ui.workspace import build_window

SHOTS = os.environ.get("YTCS_SCREENSHOTS")  # a folder: the test also saves its screenshot there


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("figures-window") / "ytcs.sqlite3"
    build_demo(path, months=4, seed=14)
    db = Database.open(path)
    with db.transaction() as s:
        db.set_meta(s, "role", "centre")
    db.close()
    return path


@pytest.fixture
def centre(demo_file: Path, tmp_path: Path, make_ctx, qtbot: QtBot) -> Iterator[tuple[MainWindow, Database]]:  # type: ignore[no-untyped-def]
    path = tmp_path / "ytcs.sqlite3"
    shutil.copyfile(demo_file, path)
    db = Database.open(path)
    window = build_window(make_ctx(db, user="BS. Lê Minh Tâm"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window, db
    db.close()


def cell(table: QTableView, row: int, key: str) -> QModelIndex:
    model = table.model()
    column = [c.key for c in model.columns].index(key)  # type: ignore[attr-defined]
    index = model.index(row, column)
    table.scrollTo(index)
    return index


def double_click(qtbot: QtBot, table: QTableView, index: QModelIndex) -> None:
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())


def dialog_rows(dialog: FigureRecordsDialog) -> list[list[str]]:
    m = dialog.model
    return [[str(m.data(m.index(r, c))) for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_a_programme_figure_lists_the_records_it_counts(centre: tuple[MainWindow, Database], qtbot: QtBot,
                                                        tmp_path: Path, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    window, db = centre
    start, end = last_full_quarter(db)
    with db.read() as s:
        want = programme_report(s, None, start, end)
    home = next(x for x in want.stations if x.code == "TYT-AP")
    page = window.page(ProgrammeFiguresPage)
    assert isinstance(page, ProgrammeFiguresPage)
    page.year.setValue(start.year)
    page.quarter.setCurrentIndex(page.quarter.findData(quarter_of_day(start)))
    window.open(ProgrammeFiguresPage)

    def shown() -> bool:
        lines = page.model.rows()
        return len(lines) == len(want.stations) + 1 and all(
            figure_value(line.figures, "participants") == figure_value(x, "participants")
            and figure_value(line.figures, "breaches") == figure_value(x, "breaches")
            for line, x in zip(lines, [*want.stations, want.total], strict=True))

    qtbot.waitUntil(shown, timeout=20_000)
    qtmodeltester.check(page.model, force_py=True)
    row = next(i for i, line in enumerate(page.model.rows()) if line.station_id == home.station_id)
    participants = figure_value(home, "participants")
    assert participants > 0

    # double-click on the station's participants: its attendance rows, one a line
    index = cell(page.table, row, "participants")
    assert page.model.data(index) == str(participants)
    double_click(qtbot, page.table, index)
    qtbot.waitUntil(lambda: page.records is not None and page.records.isVisible(), timeout=5000)
    dialog = page.records
    assert dialog is not None
    listed = records_of(want.records, "participants", [home.station_id])
    rows = dialog_rows(dialog)
    assert len(rows) == participants == len(listed)
    assert sorted(r[2] for r in rows) == sorted(x.what for x in listed)  # the training's topic
    assert sorted(r[3] for r in rows) == sorted(x.who for x in listed) and all(r[3] for r in rows)
    assert {r[1] for r in rows} == {home.name}
    assert str(participants) in dialog.caption.text()
    qtmodeltester.check(dialog.model, force_py=True)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)

    # plan against done: the station's "done" of a planned kind lists what was done
    planned = next(p for p in want.progress if p.done)
    row = next(i for i, line in enumerate(page.model.rows()) if line.station_id == planned.station_id)
    index = cell(page.table, row, f"plan:{planned.kind}")
    assert page.model.data(index) == f"{planned.done}/{planned.target}"
    double_click(qtbot, page.table, index)
    qtbot.waitUntil(lambda: page.records is not dialog and page.records is not None and page.records.isVisible(),
                    timeout=5000)
    done = page.records
    assert done is not None
    assert [r[2] for r in dialog_rows(done)] == [x.what for x in sorted(
        planned.records, key=lambda x: (x.day, x.station_id, x.what))]
    qtbot.keyClick(done, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not done.isVisible(), timeout=2000)

    # Enter on the total's CME periods: every station's attendance rows, each with its periods, summing to it
    total_row = len(page.model.rows()) - 1
    assert isinstance(page.model.data(page.model.index(total_row, 0), ROW_ROLE), FigureLine)
    index = cell(page.table, total_row, "cme_periods")
    page.table.setCurrentIndex(index)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.records is not None and page.records is not done and page.records.isVisible(),
                    timeout=5000)
    total = page.records
    assert total is not None
    rows = dialog_rows(total)
    periods = figure_value(want.total, "cme_periods")
    assert len(rows) == len(records_of(want.records, "cme_periods")) == figure_value(want.total, "participants")
    assert sum(int(r[4]) for r in rows) == periods > len(rows)  # each line counts for its periods
    assert str(periods) in total.caption.text()

    shot = Path(SHOTS) if SHOTS else tmp_path
    picture = window.grab()
    painter = QPainter(picture)
    listing = total.grab()  # the dialog over the window, in its middle, as it opens
    painter.drawPixmap((picture.width() - listing.width()) // 2, (picture.height() - listing.height()) // 2, listing)
    painter.end()
    assert picture.width() == 1366 and picture.height() == 768
    assert picture.save(str(shot / "33-centre-figure-records.png"))
    qtbot.keyClick(total, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not total.isVisible(), timeout=2000)


def test_an_overview_figure_lists_the_records_it_counts(centre: tuple[MainWindow, Database], qtbot: QtBot) -> None:
    window, db = centre
    page = window.open(StationsOverviewPage)
    assert isinstance(page, StationsOverviewPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=10_000)
    rows = page.model.rows()
    row = next(i for i, x in enumerate(rows) if x.below_minimum)
    station = rows[row]
    with db.read() as s:
        listed = station_figure_records(s, station.id, "below_minimum")
    assert len(listed) == station.below_minimum

    keys = [c.key for c in page.model.columns]
    index = page.proxy.mapFromSource(page.model.index(row, keys.index("below_minimum")))
    page.table.scrollTo(index)
    double_click(qtbot, page.table, index)
    qtbot.waitUntil(lambda: page.records is not None and page.records.isVisible(), timeout=5000)
    dialog = page.records
    assert dialog is not None and page.dialog is None  # the list, not the profile
    got = dialog_rows(dialog)
    assert len(got) == station.below_minimum and [r[2] for r in got] == [x.what for x in listed]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)

    # Enter on the reports missing of a station that has some, else on its open requests
    key = "reports_missing" if any(x.reports_missing for x in rows) else "open_requests"
    row = next(i for i, x in enumerate(rows) if getattr(x, key))
    index = page.proxy.mapFromSource(page.model.index(row, keys.index(key)))
    page.table.setCurrentIndex(index)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.records is not None and page.records is not dialog and page.records.isVisible(),
                    timeout=5000)
    second = page.records
    assert second is not None and len(dialog_rows(second)) == getattr(rows[row], key)
    qtbot.keyClick(second, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not second.isVisible(), timeout=2000)
