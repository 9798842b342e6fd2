"""Luân phiên at the station: the centre's schedule both ways (who comes to the station, who of the
station goes to the centre), and the station's case list (danh mục ca bệnh/nhu cầu) for a coming visit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QPushButton, QSplitter, QVBoxLayout, QWidget

from ytcs_desktop.domain import rotations
from ytcs_desktop.domain.labels import choices
from ytcs_desktop.domain.visit_cases import add_case, remove_case
from ytcs_desktop.store.models import VisitCase
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.stock_moves import Op
from ytcs_desktop.ui.models.base import ROW_ROLE
from ytcs_desktop.ui.models.outreach import CasesModel, RotationModel
from ytcs_desktop.ui.operations import REQUESTS
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, toolbar_row
from ytcs_desktop.ui.widgets.confirm import ask_first
from ytcs_desktop.ui.widgets.dialog import OperationDialog
from ytcs_desktop.ui.widgets.form import combo


class VisitCaseDialog(OperationDialog):
    """One case (patient reference, ICD-10) or need for the visiting team."""

    def __init__(self, ctx: AppContext, visit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Add to the visit's case list"), parent)
        self.visit_id = visit_id
        self.kind = combo(choices("case_kind", ctx.lang), "case")
        self.form.add("kind", self.tr("Kind"), self.kind)
        self.patient_ref = QLineEdit()
        self.patient_ref.setPlaceholderText(self.tr("a reference, not the patient's name"))
        self.form.add("patient_ref", self.tr("Patient ref."), self.patient_ref)
        self.icd10 = QLineEdit()
        self.form.add("icd10", self.tr("ICD-10"), self.icd10)
        self.description = QLineEdit()
        self.form.add("description", self.tr("Case or need"), self.description)

    def operation(self) -> Op:
        values: dict[str, Any] = {"visit_id": self.visit_id, "kind": self.kind.currentData(),
                                  "patient_ref": self.patient_ref.text() or None, "icd10": self.icd10.text() or None,
                                  "description": self.description.text()}
        return "add_case", lambda s, a: add_case(s, a, **values).id, frozenset({REQUESTS})


class StationRotationsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        self.model = RotationModel(ctx.ops, ctx.actor.station_id, ctx.lang, self)
        self.cases = CasesModel(ctx.ops, ctx.lang, self)
        self.add_button = QPushButton(self.tr("&Add a case or need…"))
        self.remove_button = QPushButton(self.tr("&Remove from the list…"))
        self.layout_.addLayout(toolbar_row(self.add_button, self.remove_button))
        hint = QLabel(self.tr("Before a centre team comes, list the cases and needs you want it to see."))
        hint.setWordWrap(True)
        self.layout_.addWidget(hint)
        split = QSplitter(Qt.Orientation.Vertical)
        self.table = make_table(self.model)
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(QLabel(self.tr("Case list for the chosen visit")))
        self.cases_table = make_table(self.cases)
        col.addWidget(self.cases_table)
        split.addWidget(self.table)
        split.addWidget(box)
        split.setSizes([320, 240])
        self.layout_.addWidget(split, 1)
        self.add_button.clicked.connect(self.add_case)
        self.remove_button.clicked.connect(self.remove_case)
        self.cases_table.selectionModel().selectionChanged.connect(lambda *_: self._case_changed())
        self.cases.modelReset.connect(self._case_changed)
        self.model.loaded.connect(lambda: fit_columns(self.table, 300))
        self.cases.loaded.connect(lambda: fit_columns(self.cases_table, 300))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected_changed())
        self._selected_changed()

    def title(self) -> str:
        return self.tr("Rotation")

    def first_load(self) -> None:
        self.model.refresh()

    def selected(self) -> rotations.VisitView | None:
        index = self.table.currentIndex()
        row = self.model.data(index, ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, rotations.VisitView) else None

    def _selected_changed(self) -> None:
        view = self.selected()
        self.cases.show(view.visit.id if view else None)
        self.add_button.setEnabled(view is not None and view.visit.status == "planned"
                                   and view.visit.direction == "to_station")
        self._case_changed()

    def selected_case(self) -> VisitCase | None:
        index = self.cases_table.currentIndex()
        row = self.cases.data(index, ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, VisitCase) else None

    def _case_changed(self) -> None:
        # A case comes off the list only while its visit is still to come (the domain says the same).
        self.remove_button.setEnabled(self.add_button.isEnabled() and self.selected_case() is not None)

    def remove_case(self) -> QMessageBox | None:
        case = self.selected_case()
        if case is None:
            return None
        case_id = case.id
        text = self.tr("Take “%1” off the case list of this visit?").replace("%1", case.description)
        return ask_first(self, self.tr("Remove from the case list"), text, self.tr("&Remove"),
                         lambda: self.ctx.ops.write("remove_case", lambda s, a: remove_case(s, a, case_id).id,
                                                    frozenset({REQUESTS}), parent=self))

    def add_case(self) -> VisitCaseDialog | None:
        view = self.selected()
        if view is None:
            return None
        dialog = VisitCaseDialog(self.ctx, view.visit.id, self)
        dialog.open()
        return dialog
