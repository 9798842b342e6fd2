"""Dự trù (station): draft a requisition from stock and use, adjust the requested quantities, submit."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QPushButton, QSplitter, QVBoxLayout, QWidget

from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.domain.inventory.requisitions import create_requisition, set_requested, submit
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.models.base import ROW_ROLE
from ytcs_desktop.ui.models.documents import RequisitionLinesModel, RequisitionsModel
from ytcs_desktop.ui.operations import REQUISITIONS
from ytcs_desktop.ui.pages.base import fit_columns, make_table, toolbar_row
from ytcs_desktop.ui.widgets.form import ErrorLabel


def next_month(today: dt.date) -> tuple[dt.date, dt.date]:
    first = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return first, last


class RequisitionsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = RequisitionsModel(ctx.ops, ctx.actor.station_id, self)
        self.lines = RequisitionLinesModel(ctx.ops, "requested_qty", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.new_button = QPushButton(self.tr("&New requisition for next month"))
        self.save_button = QPushButton(self.tr("Save &quantities"))
        self.submit_button = QPushButton(self.tr("Su&bmit to the centre"))
        layout.addLayout(toolbar_row(self.new_button, self.save_button, self.submit_button))
        self.error = ErrorLabel()
        self.error.setObjectName("requisition_error")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        split = QSplitter()
        split.setOrientation(split.orientation().Vertical)
        self.table = make_table(self.model)
        self.lines_table = make_table(self.lines)
        self.lines_table.setEditTriggers(self.lines_table.EditTrigger.DoubleClicked
                                         | self.lines_table.EditTrigger.EditKeyPressed
                                         | self.lines_table.EditTrigger.AnyKeyPressed)
        split.addWidget(self.table)
        split.addWidget(self.lines_table)
        split.setSizes([200, 400])
        layout.addWidget(split, 1)
        self.new_button.clicked.connect(self.new_requisition)
        self.save_button.clicked.connect(self.save_quantities)
        self.submit_button.clicked.connect(self.submit)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.model.loaded.connect(self._reselect)
        self.lines.loaded.connect(lambda: fit_columns(self.lines_table))
        fit_columns(self.lines_table)  # headers readable before any row is shown
        self._loaded = False
        self._current: str | None = None
        self._update()

    def tab_title(self) -> str:
        return self.tr("Requisitions")

    def load(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.model.refresh()

    def selected(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        row = self.model.data(index, ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, dict) else None

    def _show_selected(self) -> None:
        row = self.selected()
        self._current = row["id"] if row else None
        self.lines.show(self._current)
        self._update()

    def _reselect(self) -> None:
        fit_columns(self.table)
        for r, row in enumerate(self.model.rows()):
            if row["id"] == self._current:
                self.table.selectRow(r)
                break
        self._update()

    def _update(self) -> None:
        row = self.selected()
        draft = row is not None and row["status"] == "draft"
        self.save_button.setEnabled(draft)
        self.submit_button.setEnabled(draft)
        self.lines_table.setEnabled(row is not None)

    def _refused(self, err: DomainError) -> None:
        self.error.setText(err.message(self.ctx.lang))

    def new_requisition(self) -> None:
        start, end = next_month(dt.date.today())
        self.error.clear()

        def done(req_id: str) -> None:
            self._current = req_id
            self.model.refresh()

        self.ctx.ops.write("create_requisition",
                           lambda s, a: create_requisition(s, a, period_from=start, period_to=end).id,
                           {REQUISITIONS}, on_done=done, on_error=self._refused, parent=self)

    def save_quantities(self, then: Any = None) -> None:
        edits = dict(self.lines.edits)

        def write(s: Any, a: Any) -> None:
            for line_id, values in edits.items():
                if "requested_qty" in values:
                    set_requested(s, a, line_id=line_id, requested_qty=values["requested_qty"])
            if then is not None:
                then(s, a)

        self.error.clear()
        self.ctx.ops.write("set_requested", write, {REQUISITIONS},
                           on_done=self._saved, on_error=self._refused, parent=self)

    def _saved(self, _result: None) -> None:
        self.lines.take_edits()

    def submit(self) -> None:
        req_id = self._current
        if req_id:
            self.save_quantities(then=lambda s, a: submit(s, a, requisition_id=req_id))
