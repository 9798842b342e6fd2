"""The reporting chain in the window: a station fills the submission dialog (figures counted, its words
typed), is refused a second report of the period with the message under the right field, keeps a draft
when it closes the dialog, and sees what is due on its overview; the centre sees a silent station's
missing report in its overview's column and the overdue list, and returns a report with a comment."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.helpers import set_date
from ytcs_desktop.demo.clock import DemoClock, simulated
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.reporting.schedule import seed_schedule
from ytcs_desktop.domain.reporting.submissions import submit
from ytcs_desktop.domain.stations import create_station
from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import ReportSubmission
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.models.base import ROW_ROLE
from ytcs_desktop.ui.pages.centre_stations import StationsOverviewPage
from ytcs_desktop.ui.pages.overview import OverviewPage
from ytcs_desktop.ui.pages.submissions import SubmissionsPage

FRIDAY = dt.date(2026, 3, 13)
PLANNER = Actor("Phòng Kế hoạch", "centre", None)


def _schedule_pulled(db: Database) -> None:
    with db.applying_remote() as s:  # as a pull brings the centre's schedule
        seed_schedule(s, PLANNER)


def _sent(db: Database) -> list[ReportSubmission]:
    with db.read() as s:
        return list(s.scalars(select(ReportSubmission).order_by(ReportSubmission.submitted_at)))


def test_a_station_submits_its_week_from_the_dialog_and_a_second_without_correcting_is_refused(
        station_window: MainWindow, qtbot: QtBot) -> None:
    ctx = station_window.ctx
    _schedule_pulled(ctx.db)
    page = station_window.open(SubmissionsPage)
    assert isinstance(page, SubmissionsPage)
    dialog = page.submit()
    qtbot.waitExposed(dialog)
    set_date(dialog.day, FRIDAY)
    qtbot.waitUntil(lambda: "07/03/2026 – 13/03/2026" in dialog.period_label.text(), timeout=5000)
    assert "Yêu cầu hỗ trợ gửi mới: 0" in dialog.figures_label.text()
    dialog.difficulties.setFocus()
    dialog.difficulties.insertPlainText("Thiếu nhân lực trực đêm\nTủ lạnh số 1 hay báo lỗi")
    dialog.proposals.setFocus()
    dialog.proposals.insertPlainText("Đề nghị cử bác sĩ luân phiên")
    dialog.save_button.setFocus()
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    (first,) = _sent(ctx.db)
    assert (first.kind, first.period_from, first.submitted_by) == ("weekly", dt.date(2026, 3, 7), "Nguyễn Thị Lan")
    assert json.loads(first.difficulties) == ["Thiếu nhân lực trực đêm", "Tủ lạnh số 1 hay báo lỗi"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.model.data(page.model.index(0, 4)) == "Đã gửi"

    # the same week again: refused under "corrects", nothing typed is lost; ticking it and saying why sends it
    again = page.submit()
    qtbot.waitExposed(again)
    set_date(again.day, FRIDAY - dt.timedelta(days=2))
    again.difficulties.setFocus()
    again.difficulties.insertPlainText("Bổ sung: thiếu vắc xin BCG")
    qtbot.keyClick(again.difficulties, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    again.save_button.click()
    qtbot.waitUntil(lambda: again.form.error_text("corrects") != "", timeout=5000)
    assert "Gửi bản sửa" in again.form.error_text("corrects")
    assert again.isVisible() and "thiếu vắc xin BCG" in again.difficulties.toPlainText()
    again.corrects.click()
    again.correction_note.setFocus()
    again.correction_note.insert("Bổ sung khó khăn về vắc xin")
    qtbot.keyClick(again.correction_note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not again.isVisible(), timeout=10_000)
    older, newer = _sent(ctx.db)
    assert newer.corrects_id == older.id and newer.correction_note == "Bổ sung khó khăn về vắc xin"
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    statuses = {page.model.data(page.model.index(r, 4)) for r in range(2)}
    assert statuses == {"Đã gửi", "Đã có bản sửa"}


def test_a_closed_dialog_keeps_its_draft_until_the_report_is_sent(station_window: MainWindow, qtbot: QtBot) -> None:
    ctx = station_window.ctx
    _schedule_pulled(ctx.db)
    page = station_window.open(SubmissionsPage)
    assert isinstance(page, SubmissionsPage)
    dialog = page.submit()
    qtbot.waitExposed(dialog)
    set_date(dialog.day, FRIDAY)
    dialog.difficulties.setFocus()
    dialog.difficulties.insertPlainText("Máy phát điện hỏng")
    qtbot.keyClick(dialog.difficulties, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: not ctx.tasks.is_busy(), timeout=5000)
    reopened = page.submit()
    qtbot.waitExposed(reopened)
    assert reopened.difficulties.toPlainText() == "Máy phát điện hỏng"
    assert reopened.day.date().toPython() == FRIDAY
    reopened.save_button.click()
    qtbot.waitUntil(lambda: not reopened.isVisible(), timeout=10_000)
    fresh = page.submit()
    qtbot.waitExposed(fresh)
    assert fresh.difficulties.toPlainText() == ""  # sent: the draft is gone
    fresh.reject()


def test_the_overview_card_says_what_is_due(station_window: MainWindow, qtbot: QtBot) -> None:
    ctx = station_window.ctx
    _schedule_pulled(ctx.db)
    with simulated(DemoClock()) as clock:
        clock.set(dt.date(2026, 3, 11), 9)  # Wednesday: the week is due on Friday
        page = station_window.open(OverviewPage)
        assert isinstance(page, OverviewPage)
        page.refresh()
        card = page.cards["reports_due"]
        qtbot.waitUntil(lambda: "13/03/2026" in card.lines.text(), timeout=10_000)
    assert "Báo cáo tiến độ tuần, 07/03/2026 – 13/03/2026: Đến hạn (hạn 13/03/2026)" in card.lines.text()
    assert card.title.text() == "Báo cáo phải gửi Trung tâm"


def test_the_centre_sees_a_silent_station_missing_and_returns_a_report(
        tmp_path: Path, make_ctx, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    from ytcs_desktop.ui.workspace import build_window

    db = Database.create(tmp_path / "centre.sqlite3", role="centre")
    an_phu, binh_hoa = new_id(), new_id()
    with db.transaction() as s:
        create_station(s, code="TYT-AP", name="Trạm Y tế phường An Phú", station_id=an_phu)
        create_station(s, code="TYT-BH", name="Trạm Y tế phường Bình Hòa", station_id=binh_hoa)
        seed_schedule(s, PLANNER)
    clock = DemoClock()
    with simulated(clock), db.applying_remote() as s:  # An Phú's Friday report, as pulled from the server
        clock.set(FRIDAY, 15)
        submit(s, Actor("Nguyễn Thị Lan", "station", an_phu), kind="weekly", day=FRIDAY, difficulties="Thiếu thuốc")
    window = build_window(make_ctx(db, user="Trần Văn Hùng"))
    qtbot.addWidget(window)
    window.show()
    try:
        with simulated(clock):
            clock.set(dt.date(2026, 3, 16), 8)  # Monday after the deadline
            stations = window.open(StationsOverviewPage)
            assert isinstance(stations, StationsOverviewPage)
            model = stations.model
            qtbot.waitUntil(lambda: not window.ctx.tasks.is_busy(), timeout=10_000)
            with qtbot.waitSignal(model.loaded, timeout=10_000):  # read again by Monday's clock
                model.refresh()
            keys = [c.key for c in model.columns]
            missing = {model.row_at(r).code: model.data(model.index(r, keys.index("reports_missing")))
                       for r in range(2)}
            header = model.headerData(keys.index("reports_missing"), Qt.Orientation.Horizontal)
            reports = window.open(SubmissionsPage)
            assert isinstance(reports, SubmissionsPage)
            qtbot.waitUntil(lambda: reports.due.rowCount() > 0 and reports.model.rowCount() == 1, timeout=10_000)
            overdue = [tuple(reports.due.data(reports.due.index(r, c)) for c in (0, 1, 2))
                       for r in range(reports.due.rowCount())]
        assert header == "Báo cáo chưa gửi"
        # the quarter looked back over holds earlier weeks and months missing at both; Bình Hòa lacks one more
        assert int(missing["TYT-BH"]) == int(missing["TYT-AP"]) + 1 == 17  # 13 weeks, 3 months, 1 quarter
        week = "07/03/2026 – 13/03/2026"
        assert ("Trạm Y tế phường Bình Hòa", "Báo cáo tiến độ tuần", week) in overdue
        assert ("Trạm Y tế phường An Phú", "Báo cáo tiến độ tuần", week) not in overdue

        reports.table.selectRow(0)
        assert reports.selected() is not None and "Thiếu thuốc" in reports.detail.text()
        dialog = reports.review("returned")
        assert dialog is not None
        qtbot.waitExposed(dialog)
        dialog.save_button.click()  # no comment: refused under the comment
        qtbot.waitUntil(lambda: dialog.form.error_text("review_comment") != "", timeout=5000)
        dialog.comment.setFocus()
        dialog.comment.insertPlainText("Số lượt luân phiên chưa khớp lịch")
        dialog.save_button.click()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
        (row,) = _sent(db)
        assert (row.status, row.review_comment, row.reviewed_by) == (
            "returned", "Số lượt luân phiên chưa khớp lịch", "Trần Văn Hùng")
        qtbot.waitUntil(lambda: reports.model.data(reports.model.index(0, 5)) == "Trả lại", timeout=5000)
        assert isinstance(reports.model.data(reports.model.index(0, 0), ROW_ROLE).station_name, str)
    finally:
        window.ctx.tasks.shutdown()
        db.close()


def test_the_centre_writes_its_assessment_into_the_programme_report(
        station_window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    from tests.ui.test_report_input import choose, open_input
    from ytcs_desktop.ui.pages.reports import ReportsPage

    page = station_window.open(ReportsPage)
    assert isinstance(page, ReportsPage)
    choose(page, "Báo cáo kết quả hỗ trợ chuyên môn cho trạm y tế (quý, năm)")
    target = tmp_path / "ho-tro.pdf"
    dialog = open_input(page, qtbot, target)
    assert "difficulties" not in dialog.form.fields and "assessment" in dialog.form.fields
    dialog.texts["assessment"].setFocus()
    dialog.texts["assessment"].insertPlainText("Các trạm đạt phần lớn chỉ tiêu của quý.")
    with qtbot.waitSignal(page.saved, timeout=30_000):
        dialog.save_button.click()
    from ytcs_desktop.reports import fonts

    fonts.forget()  # the fonts were loaded on the writer's thread: a later PDF on this thread loads its own
    import subprocess

    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Các trạm đạt phần lớn chỉ tiêu của quý." in text and "BÁO CÁO KẾT QUẢ HỖ TRỢ CHUYÊN MÔN" in text
