"""Lịch luân phiên (Phụ lục III), both ways: plan centre staff visits to stations and station staff
stays at a centre department, see each visit's warnings (scope of practice, crossing visits) and the
station's case list, record what was done."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QSpinBox, QSplitter, QVBoxLayout, QWidget

from ytcs_desktop.domain import rotations
from ytcs_desktop.domain.labels import choices
from ytcs_desktop.domain.rotations import plan_visit, record_visit_outcome
from ytcs_desktop.domain.scope import Notice
from ytcs_desktop.domain.visit_cases import record_case_outcome
from ytcs_desktop.store.models import RotationVisit, VisitCase
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.stock_moves import Op
from ytcs_desktop.ui.models import lookups
from ytcs_desktop.ui.models.base import ROW_ROLE
from ytcs_desktop.ui.models.lookups import Choice
from ytcs_desktop.ui.models.outreach import CasesModel, RotationModel
from ytcs_desktop.ui.operations import REQUESTS
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, toolbar_row
from ytcs_desktop.ui.widgets.dialog import OperationDialog
from ytcs_desktop.ui.widgets.form import combo, date_edit, date_of
from ytcs_desktop.ui.widgets.pickers import ChoicePicker

WARNING_STYLE = "color: #8a5300;"


class VisitDialog(OperationDialog):
    """A visit on the schedule. The direction decides who may go (centre staff to a station, a station's
    staff to a centre department); the scope warning follows the person and the area chosen."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Plan a rotation visit"), parent)
        self.direction = combo(choices("visit_direction", ctx.lang), "to_station")
        self.form.add("direction", self.tr("Direction"), self.direction)
        self.staff = ChoicePicker(self.tr("Who goes"))
        self.form.add("staff_id", self.tr("Staff member"), self.staff)
        self.station = ChoicePicker(self.tr("Station"))
        self.form.add("station_id", self.tr("Station"), self.station)
        self.department = ChoicePicker(self.tr("Centre department"), allow_empty=True)
        self.form.add("department_id", self.tr("Centre department"), self.department)
        self.date_from = date_edit(dt.date.today() + dt.timedelta(days=7))
        self.form.add("date_from", self.tr("From"), self.date_from)
        self.date_to = date_edit(dt.date.today() + dt.timedelta(days=11))
        self.form.add("date_to", self.tr("To"), self.date_to)
        self.purpose = QLineEdit()
        self.form.add("purpose", self.tr("Purpose"), self.purpose)
        self.scope_area = combo([("", ""), *choices("practice_scope", ctx.lang)], "")
        self.form.add("scope_area", self.tr("Area of practice"), self.scope_area)
        self.scope_warning = QLabel()
        self.scope_warning.setObjectName("scope_warning")
        self.scope_warning.setWordWrap(True)
        self.scope_warning.setStyleSheet(WARNING_STYLE)
        self.form.add_row(self.scope_warning)
        self.station.load(ctx.ops, lambda s: lookups.stations(s))
        self.department.load(ctx.ops, lambda s: [Choice(i, n) for i, n in rotations.department_choices(s)])
        self._load_staff()
        self.direction.currentIndexChanged.connect(lambda _i: self._direction_changed())
        self.staff.currentIndexChanged.connect(lambda _i: self._check_scope())
        self.scope_area.currentIndexChanged.connect(lambda _i: self._check_scope())

    def way(self) -> str:
        return str(self.direction.currentData() or "to_station")

    def _load_staff(self) -> None:
        way = self.way()
        self.staff.load(self.ctx.ops, lambda s: [Choice(i, f"{n} ({where})" if where else n)
                                                 for i, n, where in rotations.staff_choices(s, way)])

    def _direction_changed(self) -> None:
        self.station.setEnabled(self.way() == "to_station")
        self._load_staff()

    def _check_scope(self) -> None:
        staff_id, area = self.staff.current_id(), self.scope_area.currentData() or None
        self.ctx.ops.query(lambda s: rotations.scope_preview(s, staff_id, area), self._show_scope)

    def _show_scope(self, notice: Notice | None) -> None:
        self.scope_warning.setText(notice.message(self.ctx.lang) if notice else "")

    def operation(self) -> Op:
        way = self.way()
        values: dict[str, Any] = {"staff_id": self.staff.current_id() or "", "direction": way,
                                  "station_id": (self.station.current_id() or "") if way == "to_station" else None,
                                  "department_id": self.department.current_id(),
                                  "date_from": date_of(self.date_from), "date_to": date_of(self.date_to),
                                  "purpose": self.purpose.text(), "scope_area": self.scope_area.currentData() or None}
        return "plan_visit", lambda s, a: plan_visit(s, a, **values).id, frozenset({REQUESTS})


class OutcomeDialog(OperationDialog):
    def __init__(self, ctx: AppContext, visit: RotationVisit, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Record what was done"), parent)
        self.visit = visit
        self.form.add_row(QLabel(visit.purpose))
        self.patients = QSpinBox()
        self.patients.setRange(0, 100_000)
        self.form.add("patients_seen", self.tr("Patients seen"), self.patients)
        self.techniques = QLineEdit()
        self.form.add("techniques", self.tr("Techniques transferred"), self.techniques)
        self.notes = QLineEdit()
        self.form.add("notes", self.tr("Notes"), self.notes)

    def operation(self) -> Op:
        visit_id, n = self.visit.id, self.patients.value()
        techniques, notes = self.techniques.text() or None, self.notes.text() or None
        return ("record_visit", lambda s, a: record_visit_outcome(s, a, visit_id, patients_seen=n,
                                                                  techniques=techniques, notes=notes).id,
                frozenset({REQUESTS}))


class CaseOutcomeDialog(OperationDialog):
    """What the visiting team did for one case of the station's list."""

    def __init__(self, ctx: AppContext, case: VisitCase, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("What the team did for this case"), parent)
        self.case = case
        summary = QLabel(" – ".join(x for x in (case.patient_ref, case.icd10, case.description) if x))
        summary.setWordWrap(True)
        self.form.add_row(summary)
        self.outcome = QLineEdit(case.outcome or "")
        self.form.add("outcome", self.tr("Outcome"), self.outcome)

    def operation(self) -> Op:
        case_id, text = self.case.id, self.outcome.text()
        return ("case_outcome", lambda s, a: record_case_outcome(s, a, case_id, outcome=text).id,
                frozenset({REQUESTS}))


class RotationsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        self.model = RotationModel(ctx.ops, None, ctx.lang, self)
        self.cases = CasesModel(ctx.ops, ctx.lang, self)
        self.plan_button = QPushButton(self.tr("&Plan a visit…"))
        self.outcome_button = QPushButton(self.tr("&Record what was done…"))
        self.case_button = QPushButton(self.tr("What the team did for a &case…"))
        self.layout_.addLayout(toolbar_row(self.plan_button, self.outcome_button, self.case_button))
        self.notice = QLabel()
        self.notice.setObjectName("visit_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(WARNING_STYLE)
        self.layout_.addWidget(self.notice)
        split = QSplitter(Qt.Orientation.Vertical)
        self.table = make_table(self.model)
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(QLabel(self.tr("The station's case list for this visit")))
        self.cases_table = make_table(self.cases)
        col.addWidget(self.cases_table)
        split.addWidget(self.table)
        split.addWidget(box)
        split.setSizes([380, 200])
        self.layout_.addWidget(split, 1)
        self.plan_button.clicked.connect(self.plan)
        self.outcome_button.clicked.connect(self.outcome)
        self.case_button.clicked.connect(self.case_outcome)
        self.model.loaded.connect(lambda: fit_columns(self.table, 300))
        self.cases.loaded.connect(lambda: fit_columns(self.cases_table, 300))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected_changed())

    def title(self) -> str:
        return self.tr("Rotation planning")

    def first_load(self) -> None:
        self.model.refresh()

    def selected(self) -> rotations.VisitView | None:
        index = self.table.currentIndex()
        row = self.model.data(index, ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, rotations.VisitView) else None

    def _selected_changed(self) -> None:
        view = self.selected()
        self.cases.show(view.visit.id if view else None)

    def plan(self) -> VisitDialog:
        dialog = VisitDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self._planned(dialog.result_value))
        dialog.open()
        return dialog

    def _planned(self, visit_id: str | None) -> None:
        """Saved: any warning about the new visit stays in view until the next one."""
        self.ctx.ops.query(lambda s: rotations.notices_for(s, visit_id), lambda found: self.notice.setText(
            "\n".join(n.message(self.ctx.lang) for n in found)))

    def outcome(self) -> OutcomeDialog | None:
        view = self.selected()
        if view is None:
            return None
        dialog = OutcomeDialog(self.ctx, view.visit, self)
        dialog.open()
        return dialog

    def case_outcome(self) -> CaseOutcomeDialog | None:
        index = self.cases_table.currentIndex()
        case = self.cases.data(index, ROW_ROLE) if index.isValid() else None
        if not isinstance(case, VisitCase):
            return None
        dialog = CaseOutcomeDialog(self.ctx, case, self)
        dialog.open()
        return dialog
