"""Adding a staff member."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from ytcs_desktop.domain.labels import choices
from ytcs_desktop.domain.stations import add_staff
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.stock_moves import Op
from ytcs_desktop.ui.operations import PROFILE
from ytcs_desktop.ui.widgets.dialog import OperationDialog
from ytcs_desktop.ui.widgets.form import combo


class StaffDialog(OperationDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Add a staff member"), parent)
        self.full_name = QLineEdit()
        self.form.add("full_name", self.tr("Full name"), self.full_name)
        self.title_combo = combo(choices("staff_title", ctx.lang))
        self.form.add("title", self.tr("Job title"), self.title_combo)
        self.licence = QLineEdit()
        self.form.add("licence_no", self.tr("Practising licence no."), self.licence)
        self.phone = QLineEdit()
        self.form.add("phone", self.tr("Phone"), self.phone)
        self.birth_year = QLineEdit()
        self.form.add("birth_year", self.tr("Year of birth"), self.birth_year)
        # Phạm vi hành nghề, as on the practising licence: rotations outside it are flagged.
        self.scope = QListWidget()
        self.scope.setMaximumHeight(120)
        for code, text in choices("practice_scope", ctx.lang):
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.scope.addItem(item)
        self.form.add("scope_of_practice", self.tr("Scope of practice"), self.scope)

    def scope_codes(self) -> list[str]:
        items = [self.scope.item(i) for i in range(self.scope.count())]
        return [str(x.data(Qt.ItemDataRole.UserRole)) for x in items
                if x is not None and x.checkState() == Qt.CheckState.Checked]

    def operation(self) -> Op:
        values: dict[str, Any] = {"full_name": self.full_name.text(), "title": self.title_combo.currentData(),
                                  "licence_no": self.licence.text() or None, "phone": self.phone.text() or None,
                                  "birth_year": self.birth_year.text() or None,
                                  "scope_of_practice": self.scope_codes() or None}
        return "add_staff", lambda s, a: add_staff(s, a, **values).id, frozenset({PROFILE})
