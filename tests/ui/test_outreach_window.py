"""The two-way rotation schedule, the visit's case list, techniques and village health workers in the
window, driven by real key presses on real database files: a refusal keeps what was typed, a saved
record is in the file, the scope warning appears while the planner chooses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.helpers import station_actor, type_into
from ytcs_desktop.domain import rotations, stations, techniques, training
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.store.base import new_id
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import (
    RotationVisit,
    Staff,
    StationTechnique,
    TrainingAttendance,
    VillageHealthWorker,
    VisitCase,
)
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.staff import StaffDialog
from ytcs_desktop.ui.dialogs.training import AttendeeDialog
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.pages.centre_rotations import RotationsPage
from ytcs_desktop.ui.pages.station_rotations import StationRotationsPage
from ytcs_desktop.ui.pages.techniques import TechniquesPage
from ytcs_desktop.ui.pages.village_workers import VillageWorkersPage
from ytcs_desktop.ui.widgets.dialog import OperationDialog
from ytcs_desktop.ui.widgets.pickers import ChoicePicker

# Typing in a picker opens its completer popup, which the offscreen platform cannot raise or grab for.
POPUP = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing", "propagateSizeHints")

CENTRE = Actor("Phòng Kế hoạch – Nghiệp vụ", "centre")
TODAY = dt.date.today()


def settle(qtbot: QtBot, ctx: AppContext) -> None:
    qtbot.waitUntil(lambda: not ctx.tasks.is_busy(), timeout=5000)
    qtbot.wait(20)


def key(qtbot: QtBot, dialog: QWidget, k: Qt.Key) -> None:
    qtbot.keyClick(dialog.focusWidget() or dialog, k)


def choose(qtbot: QtBot, combo: QComboBox, steps: int) -> None:
    """Arrow down in a closed combo, as a keyboard user picks."""
    combo.setFocus()
    for _ in range(steps):
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def complete(qtbot: QtBot, picker: ChoicePicker, words: str) -> None:
    """Type a few words in a picker and take the first choice its popup offers, with the keyboard."""
    type_into(qtbot, picker, words)
    popup = picker.completer().popup()
    qtbot.waitUntil(lambda: popup.isVisible(), timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=3000)


def saved(qtbot: QtBot, dialog: OperationDialog) -> None:
    key(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)


def build(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    from ytcs_desktop.ui.workspace import build_window

    window = build_window(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def centre_db(tmp_path: Path) -> Iterator[tuple[Database, dict[str, str]]]:
    db = Database.create(tmp_path / "centre.sqlite3", role="centre")
    sid = new_id()
    nurse_actor = Actor("Nguyễn Thị Lan", "station", sid)
    with db.transaction() as s:
        stations.create_station(s, code="TYT-AP", name="Trạm Y tế phường An Phú", station_id=sid)
        centre = stations.create_centre(s, code="TTYT-TA", name="Trung tâm Y tế khu vực Thuận An", actor=CENTRE)
        dept = stations.create_department(s, centre_id=centre.id, code="KKB", name="Khoa Kham benh",
                                          kind="clinical", actor=CENTRE)
        doctor = stations.add_staff(s, CENTRE, full_name="Huynh Van Bay", title="doctor", department_id=dept.id,
                                    scope_of_practice="internal")
        nurse = stations.add_staff(s, nurse_actor, full_name="Nguyen Thi Lan", title="nurse",
                                   scope_of_practice="nursing")
        held = training.create_session(s, CENTRE, organiser="TTYT", topic="Khau vet thuong", programme="other",
                                       date_from=TODAY, date_to=TODAY, periods=8)
        training.mark_held(s, CENTRE, held.id, today=TODAY)
        tech = techniques.add_technique(s, CENTRE, station_id=sid, name="Khâu vết thương phần mềm",
                                        specialty="surgery")
    yield db, {"station": sid, "dept": dept.id, "doctor": doctor.id, "nurse": nurse.id, "held": held.id,
               "tech": tech.id}
    db.close()


@POPUP
def test_centre_plans_a_stay_at_the_centre_and_sees_the_scope_warning(
        centre_db: tuple[Database, dict[str, str]], make_ctx, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    db, ids = centre_db
    window = build(make_ctx(db, user="Trần Văn Hùng"), qtbot)
    page = window.open(RotationsPage)
    assert isinstance(page, RotationsPage)
    dialog = page.plan()
    qtbot.waitUntil(lambda: dialog.staff.count() > 0 and dialog.department.count() > 1, timeout=5000)
    settle(qtbot, window.ctx)
    choose(qtbot, dialog.direction, 1)  # "Trạm lên Trung tâm"
    assert dialog.direction.currentData() == "to_centre" and not dialog.station.isEnabled()
    qtbot.waitUntil(lambda: "Nguyen Thi Lan" in dialog.staff.currentText(), timeout=5000)
    settle(qtbot, window.ctx)
    type_into(qtbot, dialog.purpose, "Cam tay chi viec: kham thai")
    choose(qtbot, dialog.scope_area, 4)  # Sản phụ khoa: outside a nurse's scope
    assert dialog.scope_area.currentData() == "obstetrics"
    qtbot.waitUntil(lambda: "phạm vi hành nghề" in dialog.scope_warning.text(), timeout=5000)
    assert "Nguyen Thi Lan" in dialog.scope_warning.text()

    # No department chosen: refused under its field, nothing lost.
    key(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_text("department_id") != "", timeout=5000)
    assert dialog.isVisible() and dialog.purpose.text() == "Cam tay chi viec: kham thai"
    type_into(qtbot, dialog.department, "Khoa Kham benh")
    saved(qtbot, dialog)
    with db.read() as s:
        [visit] = s.scalars(select(RotationVisit)).all()
        assert (visit.direction, visit.staff_id, visit.station_id, visit.department_id, visit.scope_area) == (
            "to_centre", ids["nurse"], ids["station"], ids["dept"], "obstetrics")
    qtbot.waitUntil(lambda: "phạm vi hành nghề" in page.notice.text(), timeout=5000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.model.rows()[0].notices


@POPUP
def test_centre_moves_a_technique_on_with_the_training_behind_it(
        centre_db: tuple[Database, dict[str, str]], make_ctx, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    db, ids = centre_db
    window = build(make_ctx(db, user="Trần Văn Hùng"), qtbot)
    page = window.open(TechniquesPage)
    assert isinstance(page, TechniquesPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.table.setFocus()
    page.table.selectRow(0)
    assert page.stage_button.isEnabled()
    dialog = page.next_stage()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.training.count() > 1, timeout=5000)
    settle(qtbot, window.ctx)
    # Neither a training nor a visit: refused, the dialog stays.
    key(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_text("training_id") != "", timeout=5000)
    complete(qtbot, dialog.training, "khau vet")
    assert dialog.training.current_id() == ids["held"]
    saved(qtbot, dialog)
    with db.read() as s:
        assert s.get(StationTechnique, ids["tech"]).status == "trained"  # type: ignore[union-attr]
        assert [x.training_id for x in techniques.steps(s, ids["tech"])] == [None, ids["held"]]


@pytest.fixture
def visit_at_station(station_db: Database) -> str:
    with station_db.transaction() as s:
        doctor = stations.add_staff(s, CENTRE, full_name="Huỳnh Văn Bảy", title="doctor")
        return rotations.plan_visit(s, CENTRE, staff_id=doctor.id, station_id=station_db.station_id,
                                    date_from=TODAY + dt.timedelta(days=5), date_to=TODAY + dt.timedelta(days=6),
                                    purpose="Khám bệnh không lây nhiễm").id


@POPUP
def test_station_lists_cases_for_a_coming_visit(station_window: MainWindow, visit_at_station: str,
                                                qtbot: QtBot) -> None:
    page = station_window.open(StationRotationsPage)
    assert isinstance(page, StationRotationsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.table.selectRow(0)
    assert page.add_button.isEnabled()
    dialog = page.add_case()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog.patient_ref, "BN-1203")
    type_into(qtbot, dialog.icd10, "tang huyet ap")
    type_into(qtbot, dialog.description, "Tăng huyết áp khó kiểm soát")
    key(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_text("icd10") != "", timeout=5000)
    assert dialog.isVisible() and dialog.description.text() == "Tăng huyết áp khó kiểm soát"
    type_into(qtbot, dialog.icd10, "i10")
    saved(qtbot, dialog)
    db = station_window.ctx.db
    with db.read() as s:
        [case] = s.scalars(select(VisitCase)).all()
        assert (case.visit_id, case.icd10, case.patient_ref, case.station_id) == (
            visit_at_station, "I10", "BN-1203", db.station_id)
    qtbot.waitUntil(lambda: page.cases.rowCount() == 1, timeout=5000)

    # Taken off the list again: the question's default is Cancel (Esc too); Remove takes it off.
    page.cases_table.selectRow(0)
    assert page.remove_button.isEnabled()
    box = page.remove_case()
    assert box is not None and "Tăng huyết áp khó kiểm soát" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=5000)
    assert page.cases.rowCount() == 1
    box = page.remove_case()
    assert box is not None
    remove = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.cases.rowCount() == 0, timeout=5000)
    with db.read() as s:
        assert s.scalars(select(VisitCase)).one().deleted


@POPUP
def test_station_keeps_its_techniques_workers_and_scopes(station_window: MainWindow, qtbot: QtBot) -> None:
    db = station_window.ctx.db
    ctx = station_window.ctx
    # A technique the station already performs: typed, the box ticked with the space bar.
    page = station_window.open(TechniquesPage)
    assert isinstance(page, TechniquesPage) and not page.stage_button.isVisible()
    dialog = page.add()
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog.name, "Tiêm bắp")
    choose(qtbot, dialog.specialty, 6)  # Điều dưỡng
    dialog.performing.setFocus()
    qtbot.keyClick(dialog.performing, Qt.Key.Key_Space)
    saved(qtbot, dialog)
    with db.read() as s:
        [tech] = s.scalars(select(StationTechnique)).all()
        assert (tech.name, tech.specialty, tech.status) == ("Tiêm bắp", "nursing", "independent")

    # A village health worker: the hamlet left empty is refused, then saved.
    workers = station_window.open(VillageWorkersPage)
    assert isinstance(workers, VillageWorkersPage)
    w = workers.add()
    qtbot.waitExposed(w)
    type_into(qtbot, w.full_name, "Lê Thị Mười")
    type_into(qtbot, w.phone, "0903123456")
    key(qtbot, w, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.form.error_text("hamlet") != "", timeout=5000)
    assert w.full_name.text() == "Lê Thị Mười"
    type_into(qtbot, w.hamlet, "Khu phố 3")
    saved(qtbot, w)
    qtbot.waitUntil(lambda: workers.model.rowCount() == 1, timeout=5000)

    # The worker attends a training, picked by name in the attendee dialog.
    with db.transaction() as s:
        session = training.create_session(s, station_actor(db), organiser="Trạm", topic="Sốt xuất huyết",
                                          programme="epidemic", date_from=TODAY, date_to=TODAY, periods=4).id
    attendee = AttendeeDialog(ctx, session, station_window)
    attendee.open()
    qtbot.waitUntil(lambda: attendee.village_worker.count() > 1, timeout=5000)
    settle(qtbot, ctx)
    type_into(qtbot, attendee.village_worker, "Le Thi Muoi (Khu pho 3)")
    saved(qtbot, attendee)
    with db.read() as s:
        worker = s.scalars(select(VillageHealthWorker)).one()
        [row] = s.scalars(select(TrainingAttendance)).all()
        assert (row.village_worker_id, row.person_name) == (worker.id, "Lê Thị Mười")

    # A staff member's scope of practice, ticked with the keyboard.
    staff = StaffDialog(ctx, station_window)
    staff.open()
    qtbot.waitExposed(staff)
    type_into(qtbot, staff.full_name, "Trần Thị Hoa")
    staff.scope.setFocus()
    staff.scope.setCurrentRow(0)
    for _ in range(7):  # down to "Hộ sinh"
        qtbot.keyClick(staff.scope, Qt.Key.Key_Down)
    qtbot.keyClick(staff.scope, Qt.Key.Key_Space)
    assert staff.scope_codes() == ["midwifery"]
    saved(qtbot, staff)
    with db.read() as s:
        hoa = s.scalars(select(Staff).where(Staff.full_name == "Trần Thị Hoa")).one()
        assert hoa.scope_of_practice == "midwifery"
