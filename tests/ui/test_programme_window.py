"""The support programme in the window, driven by real key presses: the centre adds an activity (a
target below zero is refused under its field and Enter submits again), schedules a consultation (a day
past is refused) and sees progress; the station reads its plan, rates a visit it received and sees the
upcoming consultation on its overview; the centre counts a held session against its training plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.helpers import set_date, type_into
from ytcs_desktop.domain import rotations, stations, training
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.programme import calendar, plan, training_plan
from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import ActivityRating, ConsultationSession, PlanActivity, SupportPlan
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.programme import ActivityDialog
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.operations import ALL_AREAS
from ytcs_desktop.ui.pages.centre_programme import ProgrammePage
from ytcs_desktop.ui.pages.overview import OverviewPage
from ytcs_desktop.ui.pages.station_programme import StationProgrammePage

CENTRE = Actor("Phòng Kế hoạch – Nghiệp vụ", "centre")
TODAY = dt.date.today()
YEAR = TODAY.year


def press(qtbot: QtBot, dialog: QWidget, key: Qt.Key) -> None:
    qtbot.keyClick(dialog.focusWidget() or dialog, key)


def settle(qtbot: QtBot, ctx: AppContext) -> None:
    qtbot.waitUntil(lambda: not ctx.tasks.is_busy(), timeout=5000)
    qtbot.wait(20)


@pytest.fixture
def centre_window(tmp_path: Path, make_ctx, qtbot: QtBot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    from ytcs_desktop.ui.workspace import build_window

    db = Database.create(tmp_path / "centre.sqlite3", role="centre")
    with db.transaction() as s:
        station = stations.create_station(s, code="TYT-AP", name="Trạm Y tế phường An Phú", station_id=new_id())
        plan.create_plan(s, CENTRE, station_id=station.id, year=YEAR, objectives="Nâng cao chất lượng khám")
    window = build_window(make_ctx(db, user="BS. Lê Minh Tâm"))
    qtbot.addWidget(window)
    window.show()
    yield window
    db.close()


def test_centre_adds_an_activity_after_a_refused_target(centre_window: MainWindow, qtbot: QtBot) -> None:
    page = centre_window.open(ProgrammePage)
    assert isinstance(page, ProgrammePage)
    dialog = page.add_activity()
    qtbot.waitUntil(lambda: dialog.plan.count() > 0, timeout=5000)
    settle(qtbot, centre_window.ctx)
    assert "An Phú" in dialog.plan.currentText()
    dialog.content.setFocus()
    type_into(qtbot, dialog.content, "Bác sĩ luân phiên khám bệnh tại trạm")
    type_into(qtbot, dialog.targets["target_q2"], "-1")
    type_into(qtbot, dialog.costs["cost_travel"], "1200000")
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_text("target_q2") != "", timeout=5000)
    assert "quý 2" in dialog.form.error_text("target_q2") and "-1" in dialog.form.error_text("target_q2")
    assert dialog.isVisible() and dialog.content.text() == "Bác sĩ luân phiên khám bệnh tại trạm"
    assert dialog.focusWidget() is dialog.targets["target_q2"]

    type_into(qtbot, dialog.targets["target_q2"], "2")
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    with centre_window.ctx.db.read() as s:
        [row] = s.scalars(select(PlanActivity)).all()
        assert (row.kind, row.target_q2, row.cost_travel) == ("rotation", 2, 1_200_000)
    qtbot.waitUntil(lambda: page.progress.rowCount() == 1, timeout=5000)
    assert page.progress.rows()[0].target == 2 and page.progress.rows()[0].done == 0


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing", "propagateSizeHints")
def test_centre_schedules_a_consultation_not_in_the_past(centre_window: MainWindow, qtbot: QtBot) -> None:
    with centre_window.ctx.db.transaction() as s:
        stations.add_staff(s, CENTRE, full_name="Huỳnh Văn Bảy", title="doctor")
    page = centre_window.open(ProgrammePage)
    assert isinstance(page, ProgrammePage)
    page.tabs.setCurrentIndex(1)
    dialog = page.schedule()
    qtbot.waitUntil(lambda: dialog.station.count() > 1 and dialog.expert.count() > 1, timeout=5000)
    settle(qtbot, centre_window.ctx)
    set_date(dialog.day, TODAY - dt.timedelta(days=1))
    type_into(qtbot, dialog.start_time, "14:00")
    dialog.place.insert("Phòng họp Trung tâm")
    dialog.topic.insert("Hội chẩn ca bệnh khó tháng này")
    dialog.experts.insertPlainText("BS. Lê Minh Tâm")
    # An expert chosen from the centre's staff goes on a line of their own, once.
    dialog.expert.setFocus()
    type_into(qtbot, dialog.expert, "huynh van bay")
    popup = dialog.expert.completer().popup()
    qtbot.waitUntil(lambda: popup.isVisible(), timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.experts.toPlainText() == "BS. Lê Minh Tâm\nHuỳnh Văn Bảy (Bác sĩ)"
    assert dialog.isVisible() and dialog.expert.currentIndex() == 0
    dialog.topic.setFocus()
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_text("day") != "", timeout=5000)
    assert "đã qua" in dialog.form.error_text("day")
    assert dialog.isVisible() and dialog.topic.text() == "Hội chẩn ca bệnh khó tháng này"

    set_date(dialog.day, TODAY + dt.timedelta(days=3))
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: page.calendar.rowCount() == 1, timeout=5000)
    with centre_window.ctx.db.read() as s:
        session = s.scalars(select(ConsultationSession)).one()
        assert (session.place, session.station_id, session.start_time) == ("Phòng họp Trung tâm", None, "14:00")
        assert session.experts == "BS. Lê Minh Tâm\nHuỳnh Văn Bảy (Bác sĩ)"


def test_station_reads_its_plan_rates_a_visit_and_sees_upcoming(station_window: MainWindow, qtbot: QtBot) -> None:
    ctx = station_window.ctx
    sid = str(ctx.db.station_id)
    with ctx.db.transaction() as s:  # rows the centre wrote, as pulled
        p = plan.create_plan(s, CENTRE, station_id=sid, year=YEAR, objectives="Nâng cao năng lực")
        plan.add_activity(s, CENTRE, p.id, kind="rotation", content="Luân phiên", target_q1=1, target_q2=1,
                          target_q3=1, target_q4=1)
        doctor = stations.add_staff(s, CENTRE, full_name="BS. Huỳnh Văn Bảy", title="doctor")
        start = dt.date(YEAR, 1, 5)
        visit = rotations.plan_visit(s, CENTRE, staff_id=doctor.id, station_id=sid, date_from=start,
                                     date_to=start + dt.timedelta(days=2), purpose="Khám bệnh không lây nhiễm")
        rotations.record_visit_outcome(s, CENTRE, visit.id, patients_seen=25, today=start + dt.timedelta(days=3))
        calendar.schedule_session(s, CENTRE, day=TODAY + dt.timedelta(days=2), start_time="09:00", mode="online",
                                  link="https://meet.example.vn/hc", topic="Hội chẩn tăng huyết áp",
                                  experts="BS. Huỳnh Văn Bảy", station_id=sid)
    ctx.ops.announce(ALL_AREAS)  # as a finished pull does; the overview may have loaded before the rows came

    overview = station_window.open(OverviewPage)
    assert isinstance(overview, OverviewPage)
    qtbot.waitUntil(lambda: overview.consultations.isVisible(), timeout=5000)
    assert "Hội chẩn tăng huyết áp" in overview.consultations.text.text()

    page = station_window.open(StationProgrammePage)
    assert isinstance(page, StationProgrammePage)
    qtbot.waitUntil(lambda: page.progress.rowCount() == 1 and page.received.rowCount() == 1, timeout=5000)
    assert (page.progress.rows()[0].target, page.progress.rows()[0].done) == (4, 1)
    assert page.calendar.rowCount() == 1
    page.tabs.setCurrentIndex(2)
    page.received_table.selectRow(0)
    page.received_table.setCurrentIndex(page.received.index(0, 0))
    dialog = page.rate()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog.rating, "7")
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_text("rating") != "", timeout=5000)
    assert "từ 1 (kém) đến 5 (rất tốt)" in dialog.form.error_text("rating")
    type_into(qtbot, dialog.rating, "5")
    dialog.comment.insertPlainText("Bác sĩ hướng dẫn tận tình")
    dialog.rating.setFocus()
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert QApplication.activeModalWidget() is None
    with ctx.db.read() as s:
        rating = s.scalars(select(ActivityRating)).one()
        assert (rating.rating, rating.comment, rating.rated_by) == (5, "Bác sĩ hướng dẫn tận tình", "Nguyễn Thị Lan")
    qtbot.waitUntil(lambda: page.received.rows()[0].rating == 5, timeout=5000)


def test_centre_links_a_held_session_to_the_training_plan(centre_window: MainWindow, qtbot: QtBot) -> None:
    ctx = centre_window.ctx
    with ctx.db.transaction() as s:
        training_plan.add_plan_item(s, CENTRE, year=YEAR, department_id=None, content="Thực hành vệ sinh tay",
                                    head_count=20, format="hands_on", quarter=1)
        held = training.create_session(s, CENTRE, organiser="Phòng Điều dưỡng", topic="Vệ sinh tay thường quy",
                                       programme="other", date_from=dt.date(YEAR, 1, 12), date_to=dt.date(YEAR, 1, 12),
                                       periods=4)
        training.record_attendance(s, CENTRE, session_id=held.id, person_name="Lê Thị Mai", result="passed")
        training.mark_held(s, CENTRE, held.id, today=dt.date(YEAR, 1, 13))
    page = centre_window.open(ProgrammePage)
    assert isinstance(page, ProgrammePage)
    page.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: page.training.rowCount() == 1, timeout=5000)
    assert page.training.rows()[0].sessions_held == 0
    page.training_table.setCurrentIndex(page.training.index(0, 0))
    dialog = page.link_session()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.session.count() > 0, timeout=5000)
    settle(qtbot, ctx)
    assert "Vệ sinh tay thường quy" in dialog.session.currentText()
    dialog.session.setFocus()
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: page.training.rows()[0].sessions_held == 1, timeout=5000)
    assert page.training.rows()[0].trained == 1


def test_centre_changes_an_activity_by_double_click_and_removes_it_after_asking(centre_window: MainWindow,
                                                                                 qtbot: QtBot) -> None:
    ctx = centre_window.ctx
    with ctx.db.transaction() as s:
        p = s.scalars(select(SupportPlan)).one()
        plan.add_activity(s, CENTRE, p.id, kind="supervision", content="Giám sát vệ sinh tay", target_q1=1,
                          cost_travel=300000)
    page = centre_window.open(ProgrammePage)
    assert isinstance(page, ProgrammePage)
    qtbot.waitUntil(lambda: page.activities.rowCount() == 1, timeout=5000)
    settle(qtbot, ctx)
    table = page.activities_table
    rect = table.visualRect(page.activities.index(0, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ActivityDialog) and w.isVisible())
    assert dialog.content.text() == "Giám sát vệ sinh tay" and dialog.costs["cost_travel"].text() == "300000"
    assert dialog.windowTitle() == "Sửa hoạt động của kế hoạch" and not dialog.plan.isEnabled()
    type_into(qtbot, dialog.targets["target_q3"], "-2")  # refused: the dialog stays with what was typed
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_text("target_q3") != "", timeout=5000)
    assert dialog.isVisible() and dialog.content.text() == "Giám sát vệ sinh tay"
    type_into(qtbot, dialog.targets["target_q3"], "2")
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    with ctx.db.read() as s:
        activity = s.scalars(select(PlanActivity)).one()
        assert (activity.target_q1, activity.target_q3, activity.cost_travel) == (1, 2, 300000)

    # Removing asks first; Enter answers Cancel, and nothing is removed.
    box = page.remove_activity()
    assert box is not None and "Giám sát vệ sinh tay" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=5000)
    settle(qtbot, ctx)
    with ctx.db.read() as s:
        assert not s.scalars(select(PlanActivity)).one().deleted
    # A reload (as after a sync) keeps the chosen row: Remove asks about it straight away.
    with qtbot.waitSignal(page.activities.loaded, timeout=5000):
        ctx.ops.announce(ALL_AREAS)
    assert table.selectionModel().isRowSelected(0) and table.currentIndex().row() == 0
    box = page.remove_activity()
    assert box is not None
    remove = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.activities.rowCount() == 0, timeout=5000)
    with ctx.db.read() as s:
        assert s.scalars(select(PlanActivity)).one().deleted


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_centre_opens_what_a_progress_row_counts_as_done(centre_window: MainWindow, qtbot: QtBot) -> None:
    from ytcs_desktop.ui.dialogs.figure_records import FigureRecordsDialog

    ctx = centre_window.ctx
    with ctx.db.transaction() as s:
        p = s.scalars(select(SupportPlan)).one()
        plan.add_activity(s, CENTRE, p.id, kind="rotation", content="Luân phiên", target_q1=1, target_q2=1,
                          target_q3=1, target_q4=1)
        doctor = stations.add_staff(s, CENTRE, full_name="BS. Huỳnh Văn Bảy", title="doctor")
        start = TODAY - dt.timedelta(days=TODAY.day - 1)  # the first of this month: this quarter
        visit = rotations.plan_visit(s, CENTRE, staff_id=doctor.id, station_id=p.station_id, date_from=start,
                                     date_to=start, purpose="Khám bệnh không lây nhiễm")
        rotations.record_visit_outcome(s, CENTRE, visit.id, patients_seen=25, today=TODAY)
    page = centre_window.open(ProgrammePage)
    assert isinstance(page, ProgrammePage)
    qtbot.waitUntil(lambda: any(r.kind == "rotation" and r.done == 1 for r in page.progress.rows()), timeout=5000)
    row = next(n for n, r in enumerate(page.progress.rows()) if r.kind == "rotation")
    page.progress_table.setFocus()
    page.progress_table.setCurrentIndex(page.progress.index(row, 0))
    qtbot.keyClick(page.progress_table, Qt.Key.Key_Return)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, FigureRecordsDialog) and w.isVisible())
    assert dialog.model.rowCount() == 1 and "Luân phiên đã thực hiện" in dialog.windowTitle()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
