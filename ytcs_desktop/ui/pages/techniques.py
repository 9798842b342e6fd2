"""Danh mục kỹ thuật: the techniques each station performs and each transfer's stage. The station lists
what it already performs and what it asks for; the centre plans transfers and moves each to its next
stage, naming the training or visit that moved it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QWidget

from ytcs_desktop.domain import rotations, techniques
from ytcs_desktop.domain.labels import choices, label
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.stock_moves import Op
from ytcs_desktop.ui.models import lookups
from ytcs_desktop.ui.models.base import ROW_ROLE, SearchProxy
from ytcs_desktop.ui.models.lookups import Choice
from ytcs_desktop.ui.models.outreach import TechniquesModel
from ytcs_desktop.ui.operations import REQUESTS, TRAINING
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, search_box, toolbar_row
from ytcs_desktop.ui.widgets.dialog import OperationDialog
from ytcs_desktop.ui.widgets.form import combo, date_edit, date_of
from ytcs_desktop.ui.widgets.pickers import ChoicePicker


class TechniqueDialog(OperationDialog):
    """A technique on a station's list: at the station, one it performs or asks for; at the centre, a
    transfer planned for a station with the department that transfers it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Add a technique"), parent)
        self.station: ChoicePicker | None = None
        self.department: ChoicePicker | None = None
        if ctx.is_centre:
            self.station = ChoicePicker(self.tr("Station"))
            self.form.add("station_id", self.tr("Station"), self.station)
            self.station.load(ctx.ops, lambda s: lookups.stations(s))
        self.name = QLineEdit()
        self.form.add("name", self.tr("Technique"), self.name)
        self.specialty = combo(choices("practice_scope", ctx.lang))
        self.form.add("specialty", self.tr("Specialty"), self.specialty)
        self.performing = QCheckBox(self.tr("The station already performs it independently"))
        self.form.add("performing", "", self.performing)
        if ctx.is_centre:
            self.department = ChoicePicker(self.tr("Department that transfers it"), allow_empty=True)
            self.form.add("department_id", self.tr("Transferred by"), self.department)
            self.department.load(ctx.ops, lambda s: [Choice(i, n) for i, n in rotations.department_choices(s)])
        self.note = QLineEdit()
        self.form.add("note", self.tr("Note"), self.note)

    def operation(self) -> Op:
        values: dict[str, Any] = {"name": self.name.text(), "specialty": self.specialty.currentData(),
                                  "performing": self.performing.isChecked(), "note": self.note.text() or None}
        if self.station is not None:
            values["station_id"] = self.station.current_id() or ""
        if self.department is not None:
            values["department_id"] = self.department.current_id()
        return "add_technique", lambda s, a: techniques.add_technique(s, a, **values).id, frozenset({TRAINING})


class StageDialog(OperationDialog):
    """The centre moves a technique to its next stage, with the training or visit that moved it."""

    def __init__(self, ctx: AppContext, view: techniques.TechniqueView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Next stage of a technique transfer"), parent)
        self.view = view
        self.to_status = view.next_stage or ""
        where = f"{view.technique.name} – {view.station}"
        self.form.add_row(QLabel(where))
        self.form.add("to_status", self.tr("Next stage"),
                      QLabel(label("technique_status", self.to_status, ctx.lang) if self.to_status else "—"))
        self.on = date_edit(dt.date.today())
        self.form.add("on", self.tr("Reached on"), self.on)
        self.training = ChoicePicker(self.tr("A training session held…"), allow_empty=True)
        self.form.add("training_id", self.tr("Training session"), self.training)
        self.visit = ChoicePicker(self.tr("…or a rotation visit done"), allow_empty=True)
        self.form.add("visit_id", self.tr("Rotation visit"), self.visit)
        self.note = QLineEdit()
        self.form.add("note", self.tr("Note"), self.note)
        station_id = view.technique.station_id
        ctx.ops.query(lambda s: techniques.link_choices(s, station_id), self._links)

    def _links(self, found: tuple[list[tuple[str, str]], list[tuple[str, str]]]) -> None:
        trainings, visits = found
        self.training.set_choices([Choice(i, t) for i, t in trainings])
        self.visit.set_choices([Choice(i, t) for i, t in visits])

    def operation(self) -> Op:
        tech_id, to_status = self.view.technique.id, self.to_status
        values: dict[str, Any] = {"on": date_of(self.on), "training_id": self.training.current_id(),
                                  "visit_id": self.visit.current_id(), "note": self.note.text() or None}
        return ("advance_technique",
                lambda s, a: techniques.advance(s, a, tech_id, to_status=to_status, **values).id,
                frozenset({TRAINING, REQUESTS}))


class TechniquesPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        station = None if ctx.is_centre else ctx.actor.station_id
        self.model = TechniquesModel(ctx.ops, station, ctx.lang, self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = search_box(self.tr("Search techniques"), self.proxy)
        self.add_button = QPushButton(self.tr("&Add a technique…"))
        self.stage_button = QPushButton(self.tr("&Next stage…"))
        self.stage_button.setVisible(ctx.is_centre)
        self.layout_.addLayout(toolbar_row(self.search, self.add_button, self.stage_button))
        self.table = make_table(self.model, self.proxy)
        self.layout_.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.add)
        self.stage_button.clicked.connect(self.next_stage)
        self.model.loaded.connect(lambda: fit_columns(self.table, 320))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected_changed())
        self._selected_changed()

    def title(self) -> str:
        return self.tr("Techniques")

    def first_load(self) -> None:
        self.model.refresh()

    def selected(self) -> techniques.TechniqueView | None:
        index = self.table.currentIndex()
        row = self.proxy.data(index, ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, techniques.TechniqueView) else None

    def _selected_changed(self) -> None:
        view = self.selected()
        self.stage_button.setEnabled(view is not None and view.next_stage is not None)

    def add(self) -> TechniqueDialog:
        dialog = TechniqueDialog(self.ctx, self)
        dialog.open()
        return dialog

    def next_stage(self) -> StageDialog | None:
        view = self.selected()
        if view is None or view.next_stage is None:
            return None
        dialog = StageDialog(self.ctx, view, self)
        dialog.open()
        return dialog
