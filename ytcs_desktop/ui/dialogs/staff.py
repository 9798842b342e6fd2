"""The staff directory's dialogs: add or edit a staff member (practising licence with its dates, grade,
step and position, scope of practice), and record that someone left the station."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QWidget

from ytcs_desktop.domain.labels import choices
from ytcs_desktop.domain.staff_directory import record_departure, save_staff
from ytcs_desktop.store.models import Staff
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.stock_moves import Op
from ytcs_desktop.ui.operations import PROFILE
from ytcs_desktop.ui.widgets.dialog import OperationDialog
from ytcs_desktop.ui.widgets.form import DateField, combo, date_edit, date_of


def _text(value: object) -> str:
    return "" if value is None else str(value)


class StaffDialog(OperationDialog):
    """A new staff member (`staff` None) or the whole record of one, in two columns."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, staff: Staff | None = None) -> None:
        title = self.tr("Add a staff member") if staff is None else self.tr("Edit staff member")
        super().__init__(ctx, title, parent)
        self.setMinimumWidth(820)  # two columns of fields, each wide enough for a grade with its code
        self.staff_id = staff.id if staff is not None else None
        self.full_name = QLineEdit(_text(staff.full_name if staff else None))
        self.form.add("full_name", self.tr("Full name"), self.full_name)
        self.title_combo = combo(choices("staff_title", ctx.lang), staff.title if staff else None)
        self.form.add("title", self.tr("Job title"), self.title_combo)
        self.phone = QLineEdit(_text(staff.phone if staff else None))
        self.form.add("phone", self.tr("Phone"), self.phone)
        self.birth_year = QLineEdit(_text(staff.birth_year if staff else None))
        self.form.add("birth_year", self.tr("Year of birth"), self.birth_year)
        self.grade = QLineEdit(_text(staff.grade if staff else None))
        self.grade.setPlaceholderText(self.tr("e.g. Điều dưỡng hạng IV (V.08.05.13)"))
        self.form.add("grade", self.tr("Grade"), self.grade)
        self.grade_step = QLineEdit(_text(staff.grade_step if staff else None))
        self.grade_step.setMaximumWidth(80)
        self.form.add("grade_step", self.tr("Step"), self.grade_step)
        self.position = QLineEdit(_text(staff.position if staff else None))
        self.form.add("position", self.tr("Position"), self.position)
        self.form.new_column()
        self.licence = QLineEdit(_text(staff.licence_no if staff else None))
        self.form.add("licence_no", self.tr("Practising licence no."), self.licence)
        self.licence_date = DateField(staff.licence_date if staff else None)
        self.form.add("licence_date", self.tr("Licence issued on"), self.licence_date)
        self.licence_valid_to = DateField(staff.licence_valid_to if staff else None)
        self.form.add("licence_valid_to", self.tr("Licence valid until"), self.licence_valid_to)
        note = QLabel(self.tr("Leave “valid until” empty for a 5-year licence issued since 2024: it is counted "
                              "from the date issued."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.form.add_row(note)
        # Phạm vi hành nghề, as on the practising licence: rotations outside it are flagged.
        self.scope = QListWidget()
        self.scope.setMaximumHeight(120)
        held = set((staff.scope_of_practice or "").split(",")) if staff else set()
        for code, text in choices("practice_scope", ctx.lang):
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in held else Qt.CheckState.Unchecked)
            self.scope.addItem(item)
        self.form.add("scope_of_practice", self.tr("Scope of practice"), self.scope)

    def scope_codes(self) -> list[str]:
        items = [self.scope.item(i) for i in range(self.scope.count())]
        return [str(x.data(Qt.ItemDataRole.UserRole)) for x in items
                if x is not None and x.checkState() == Qt.CheckState.Checked]

    def operation(self) -> Op:
        values: dict[str, Any] = {
            "full_name": self.full_name.text(), "title": self.title_combo.currentData(),
            "licence_no": self.licence.text() or None, "phone": self.phone.text() or None,
            "birth_year": self.birth_year.text() or None, "scope_of_practice": self.scope_codes() or None,
            "licence_date": self.licence_date.value(), "licence_valid_to": self.licence_valid_to.value(),
            "grade": self.grade.text(), "grade_step": self.grade_step.text(), "position": self.position.text()}
        staff_id = self.staff_id
        name = "add_staff" if staff_id is None else "edit_staff"
        return name, lambda s, a: save_staff(s, a, staff_id, values).id, frozenset({PROFILE})


class DepartureDialog(OperationDialog):
    """Nghỉ việc: the person stays in the records (trainings, history) and leaves the station's lists."""

    def __init__(self, ctx: AppContext, staff: Staff, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Record that %1 left").replace("%1", staff.full_name), parent)
        self.staff_id = staff.id
        explain = QLabel(self.tr("%1 stays in the station's records (trainings, history) and is no longer "
                                 "listed among those working there.").replace("%1", staff.full_name))
        explain.setWordWrap(True)
        self.form.add_row(explain)
        self.left_on = date_edit(dt.date.today())
        self.form.add("left_on", self.tr("Left on"), self.left_on)

    def operation(self) -> Op:
        staff_id, left_on = self.staff_id, date_of(self.left_on)
        return "record_departure", lambda s, a: record_departure(s, a, staff_id, left_on).id, frozenset({PROFILE})
