"""The staff directory in the window: a staff member added and edited in full through the dialog with
real key presses, a refused step keeps everything typed, a departure recorded with its day, the licence
warning on the profile page, the record's history; at the centre, the staffing summary per station."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.helpers import set_date, type_into
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.staff_directory import save_staff
from ytcs_desktop.domain.stations import create_station
from ytcs_desktop.store.db import Database
from ytcs_desktop.store.models import Staff
from ytcs_desktop.ui.dialogs.staff import DepartureDialog, StaffDialog
from ytcs_desktop.ui.main_window import MainWindow
from ytcs_desktop.ui.pages.profile import ProfilePage


def _profile(window: MainWindow, qtbot: QtBot) -> ProfilePage:
    page = window.open(ProfilePage)
    assert isinstance(page, ProfilePage)
    qtbot.waitUntil(lambda: page.profile is not None, timeout=15000)
    return page


def _select(page: ProfilePage, qtbot: QtBot, name: str) -> None:
    qtbot.waitUntil(lambda: any(r.full_name == name for r in page.staff.rows()), timeout=15000)
    row = next(i for i, r in enumerate(page.staff.rows()) if r.full_name == name)
    page.staff_table.selectRow(row)


def _staff(db: Database, name: str) -> Staff:
    with db.read() as s:
        from sqlalchemy import select

        found = s.scalar(select(Staff).where(Staff.full_name == name))
        assert found is not None
        return found


def test_add_edit_and_record_a_departure(station_window: MainWindow, qtbot: QtBot) -> None:
    page = _profile(station_window, qtbot)
    db = station_window.ctx.db
    dialog = page.add_staff()
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog.full_name, "Lê Thị Mai")
    dialog.title_combo.setCurrentIndex(dialog.title_combo.findData("midwife"))
    type_into(qtbot, dialog.licence, "000123/BD-CCHN")
    dialog.licence_date.setFocus()
    qtbot.keyClicks(dialog.licence_date, "15032024")
    type_into(qtbot, dialog.grade, "Hộ sinh hạng IV (V.08.06.16)")
    type_into(qtbot, dialog.grade_step, "13")
    type_into(qtbot, dialog.position, "Hộ sinh, phụ trách sức khỏe sinh sản")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "từ 1 đến 12" in dialog.form.error_text("grade_step"), timeout=15000)
    assert dialog.isVisible() and dialog.grade.text() == "Hộ sinh hạng IV (V.08.06.16)"  # nothing typed is lost
    assert dialog.licence_date.text() == "15/03/2024"
    type_into(qtbot, dialog.grade_step, "3")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15000)
    mai = _staff(db, "Lê Thị Mai")
    assert (mai.licence_date, mai.grade_step, mai.position) == (dt.date(2024, 3, 15), 3,
                                                                "Hộ sinh, phụ trách sức khỏe sinh sản")

    _select(page, qtbot, "Lê Thị Mai")
    edit = page.edit_staff()
    assert isinstance(edit, StaffDialog)
    qtbot.waitExposed(edit)
    assert edit.grade_step.text() == "3" and edit.licence.text() == "000123/BD-CCHN"
    type_into(qtbot, edit.grade_step, "4")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not edit.isVisible(), timeout=15000)
    assert _staff(db, "Lê Thị Mai").grade_step == 4

    _select(page, qtbot, "Lê Thị Mai")
    left = page.record_departure()
    assert isinstance(left, DepartureDialog)
    qtbot.waitExposed(left)
    set_date(left.left_on, dt.date.today() + dt.timedelta(days=3))  # as the calendar sets it
    qtbot.keyClick(left, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "chưa tới" in left.form.error_text("left_on"), timeout=15000)
    set_date(left.left_on, dt.date.today() - dt.timedelta(days=1))
    qtbot.keyClick(left, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not left.isVisible(), timeout=15000)
    mai = _staff(db, "Lê Thị Mai")
    assert not mai.active and mai.left_on == dt.date.today() - dt.timedelta(days=1)

    _select(page, qtbot, "Lê Thị Mai")
    history = page.staff_history()
    assert history is not None
    qtbot.waitUntil(lambda: history.model.rowCount() == 3, timeout=15000)
    lines = history.model.rows()
    assert [line.action for line in lines] == ["Tạo mới", "Sửa", "Sửa"]
    assert {line.person for line in lines} == {"Nguyễn Thị Lan"}
    assert any(c.field == "Bậc" and (c.before, c.after) == ("3", "4") for c in lines[1].changes)
    assert any(c.field == "Ngày nghỉ việc" for c in lines[2].changes)
    history.close()


def test_the_profile_warns_before_a_licence_renewal(station_window: MainWindow, qtbot: QtBot) -> None:
    db = station_window.ctx.db
    soon = dt.date.today() + dt.timedelta(days=60)
    with db.transaction() as s:
        save_staff(s, Actor("Nguyễn Thị Lan", "station", db.station_id), None,
                   {"full_name": "Trần Văn An", "title": "doctor", "licence_no": "001/CCHN",
                    "licence_date": soon.replace(year=soon.year - 5), "licence_valid_to": soon})
    page = _profile(station_window, qtbot)
    qtbot.waitUntil(lambda: page.licence_warnings.isVisible(), timeout=15000)
    text = page.licence_warnings.text()
    assert "Trần Văn An: chứng chỉ hành nghề cần gia hạn trước ngày" in text
    assert "còn thiếu 120 tiết đào tạo liên tục" in text


def test_the_centre_sees_staffing_per_station(tmp_path: Path, make_ctx, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    from ytcs_desktop.ui.pages.centre_stations import StationsOverviewPage
    from ytcs_desktop.ui.workspace import build_window

    db = Database.create(tmp_path / "centre.sqlite3", role="centre")
    try:
        with db.transaction() as s:
            with_doctor = create_station(s, code="TYT-AP", name="Trạm Y tế phường An Phú")
            create_station(s, code="TYT-BH", name="Trạm Y tế phường Bình Hòa")
            save_staff(s, Actor("x", "station", with_doctor.id), None,
                       {"full_name": "Trần Văn An", "title": "doctor", "licence_no": "001/CCHN"})
        window = build_window(make_ctx(db, user="Trần Văn Minh"))
        qtbot.addWidget(window)
        window.show()
        page = window.open(StationsOverviewPage)
        assert isinstance(page, StationsOverviewPage)
        qtbot.waitUntil(lambda: page.staffing.rowCount() == 2, timeout=15000)
        model = page.staffing
        doctor = [c.key for c in model.columns].index("has_doctor")
        shown = {model.index(r, 0).data(): model.index(r, doctor).data() for r in range(model.rowCount())}
        assert shown == {"Trạm Y tế phường An Phú": "Có", "Trạm Y tế phường Bình Hòa": "Không"}
        assert model.headerData(doctor, Qt.Orientation.Horizontal) == "Bác sĩ"
        missing = [c.key for c in model.columns].index("missing")
        row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Trạm Y tế phường Bình Hòa")
        assert model.index(row, missing).data().startswith("Bác sĩ, Y sĩ")
    finally:
        db.close()
