"""Nhân viên y tế thôn/ấp: the station's register (hamlet, contact, trainings attended). The station
keeps it; the centre reads every station's."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from ytcs_desktop.domain.village_workers import add_worker
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.stock_moves import Op
from ytcs_desktop.ui.models.base import SearchProxy
from ytcs_desktop.ui.models.outreach import WorkersModel
from ytcs_desktop.ui.operations import PROFILE, TRAINING
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, search_box, toolbar_row
from ytcs_desktop.ui.widgets.dialog import OperationDialog


class WorkerDialog(OperationDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Add a village health worker"), parent)
        self.full_name = QLineEdit()
        self.form.add("full_name", self.tr("Full name"), self.full_name)
        self.hamlet = QLineEdit()
        self.hamlet.setPlaceholderText(self.tr("hamlet, village or quarter served"))
        self.form.add("hamlet", self.tr("Hamlet"), self.hamlet)
        self.phone = QLineEdit()
        self.form.add("phone", self.tr("Phone"), self.phone)
        self.birth_year = QLineEdit()
        self.form.add("birth_year", self.tr("Year of birth"), self.birth_year)

    def operation(self) -> Op:
        values: dict[str, Any] = {"full_name": self.full_name.text(), "hamlet": self.hamlet.text(),
                                  "phone": self.phone.text() or None, "birth_year": self.birth_year.text() or None}
        return "add_worker", lambda s, a: add_worker(s, a, **values).id, frozenset({PROFILE, TRAINING})


class VillageWorkersPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        station = None if ctx.is_centre else ctx.actor.station_id
        self.model = WorkersModel(ctx.ops, station, ctx.lang, self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = search_box(self.tr("Search by name or hamlet"), self.proxy)
        self.add_button = QPushButton(self.tr("&Add a village health worker…"))
        self.add_button.setVisible(not ctx.is_centre)
        self.layout_.addLayout(toolbar_row(self.search, self.add_button))
        self.table = make_table(self.model, self.proxy)
        self.layout_.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.add)
        self.model.loaded.connect(lambda: fit_columns(self.table, 320))

    def title(self) -> str:
        return self.tr("Village health workers")

    def first_load(self) -> None:
        self.model.refresh()

    def add(self) -> WorkerDialog:
        dialog = WorkerDialog(self.ctx, self)
        dialog.open()
        return dialog
