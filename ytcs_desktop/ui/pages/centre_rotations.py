"""Lịch luân phiên: plan centre staff visits to stations and record what was done."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QSpinBox, QWidget

from ytcs_desktop.domain.rotations import plan_visit, record_visit_outcome
from ytcs_desktop.store.models import RotationVisit
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.stock_moves import Op
from ytcs_desktop.ui.models import lookups
from ytcs_desktop.ui.models.base import ROW_ROLE
from ytcs_desktop.ui.models.centre import VisitsModel
from ytcs_desktop.ui.operations import REQUESTS
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, toolbar_row
from ytcs_desktop.ui.widgets.dialog import OperationDialog
from ytcs_desktop.ui.widgets.form import date_edit, date_of
from ytcs_desktop.ui.widgets.pickers import ChoicePicker


class VisitDialog(OperationDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Plan a rotation visit"), parent)
        self.staff = ChoicePicker(self.tr("Centre staff member"))
        self.form.add("staff_id", self.tr("Staff member"), self.staff)
        self.station = ChoicePicker(self.tr("Station"))
        self.form.add("station_id", self.tr("Station"), self.station)
        self.date_from = date_edit(dt.date.today() + dt.timedelta(days=7))
        self.form.add("date_from", self.tr("From"), self.date_from)
        self.date_to = date_edit(dt.date.today() + dt.timedelta(days=11))
        self.form.add("date_to", self.tr("To"), self.date_to)
        self.purpose = QLineEdit()
        self.form.add("purpose", self.tr("Purpose"), self.purpose)
        self.staff.load(ctx.ops, lambda s: lookups.staff(s, None))
        self.station.load(ctx.ops, lambda s: lookups.stations(s))

    def operation(self) -> Op:
        values: dict[str, Any] = {"staff_id": self.staff.current_id() or "",
                                  "station_id": self.station.current_id() or "",
                                  "date_from": date_of(self.date_from), "date_to": date_of(self.date_to),
                                  "purpose": self.purpose.text()}
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


class RotationsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        self.model = VisitsModel(ctx.ops, ctx.lang, self)
        self.plan_button = QPushButton(self.tr("&Plan a visit…"))
        self.outcome_button = QPushButton(self.tr("&Record what was done…"))
        self.layout_.addLayout(toolbar_row(self.plan_button, self.outcome_button))
        self.table = make_table(self.model)
        self.layout_.addWidget(self.table, 1)
        self.plan_button.clicked.connect(self.plan)
        self.outcome_button.clicked.connect(self.outcome)
        self.model.loaded.connect(lambda: fit_columns(self.table, 300))

    def title(self) -> str:
        return self.tr("Rotation planning")

    def first_load(self) -> None:
        self.model.refresh()

    def plan(self) -> VisitDialog:
        dialog = VisitDialog(self.ctx, self)
        dialog.open()
        return dialog

    def outcome(self) -> OutcomeDialog | None:
        index = self.table.currentIndex()
        visit = self.model.data(index, ROW_ROLE) if index.isValid() else None
        if not isinstance(visit, RotationVisit):
            return None
        dialog = OutcomeDialog(self.ctx, visit, self)
        dialog.open()
        return dialog
