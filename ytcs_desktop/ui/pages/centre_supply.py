"""Cấp phát (centre): approve or reject the stations' requisitions and ship stock lot by lot."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QWidget,
)

from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.domain.inventory.requisitions import approve, reject, ship
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.stock_moves import Op
from ytcs_desktop.ui.models.base import ROW_ROLE
from ytcs_desktop.ui.models.documents import RequisitionLinesModel, RequisitionRow, RequisitionsModel
from ytcs_desktop.ui.operations import REQUISITIONS, STOCK
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, toolbar_row
from ytcs_desktop.ui.widgets.dialog import OperationDialog
from ytcs_desktop.ui.widgets.form import DateField, ErrorLabel, date_edit, date_of


class LinesArea(QScrollArea):
    """The lines of a document, scrolling inside their dialog: it asks for the height of at most
    `visible_rows` lines, so a requisition of 60 items leaves the dialog's buttons on the screen."""

    def __init__(self, content: QWidget, visible_rows: int = 8, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.visible_rows = visible_rows
        self.line_height = QLineEdit().sizeHint().height() + 6  # one line of inputs and its spacing
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def sizeHint(self) -> QSize:
        content = self.widget()
        inner = content.sizeHint() if content is not None else QSize(0, 0)
        frame = 2 * self.frameWidth()
        height = min(inner.height(), (self.visible_rows + 1) * self.line_height) + frame
        width = inner.width() + frame + self.verticalScrollBar().sizeHint().width()
        return QSize(width, height)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), min(self.sizeHint().height(), 3 * self.line_height))


class ShipDialog(OperationDialog):
    """One row per approved line: the lot number, expiry and quantity leaving the centre. The lines
    scroll inside the dialog; Tab brings the next line into view."""

    def __init__(self, ctx: AppContext, requisition: dict[str, Any], lines: list[RequisitionRow],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Ship to %1").replace("%1", requisition["station"]), parent)
        self.setMinimumWidth(760)
        self.requisition = requisition
        self.doc_no = QLineEdit()
        self.form.add("doc_no", self.tr("Delivery note no."), self.doc_no)
        self.shipped = date_edit()
        self.form.add("shipped_date", self.tr("Shipping date"), self.shipped)
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        for col, text in enumerate((self.tr("Item"), self.tr("Lot number"), self.tr("Expiry"), self.tr("Quantity"))):
            head = QLabel(text)
            head.setStyleSheet("font-weight: 600;")
            grid.addWidget(head, 0, col)
        self.rows: list[tuple[RequisitionRow, QLineEdit, DateField, QSpinBox]] = []
        for r, line in enumerate((ln for ln in lines if (ln.approved_qty or 0) > 0), start=1):
            # no expiry proposed: it is copied from the pack, as in Nhập kho
            lot, expiry, qty = QLineEdit(), DateField(), QSpinBox()
            expiry.setToolTip(self.tr("As printed on the pack, dd/mm/yyyy"))
            qty.setRange(0, 10_000_000)
            qty.setValue(line.approved_qty or 0)
            grid.addWidget(QLabel(f"{line.item} ({line.unit})"), r, 0)
            grid.addWidget(lot, r, 1)
            grid.addWidget(expiry, r, 2)
            grid.addWidget(qty, r, 3)
            self.rows.append((line, lot, expiry, qty))
        self.lines_area = LinesArea(grid_box)
        self.form.add("lines", self.tr("Lots"), self.lines_area)
        self.save_button.setText(self.tr("Ship"))

    def operation(self) -> Op:
        lines = [(line.item_id, lot.text(), expiry.value(), qty.value())
                 for line, lot, expiry, qty in self.rows if qty.value() > 0]
        req_id, station_id = self.requisition["id"], self.requisition["station_id"]
        doc_no, day = self.doc_no.text() or None, date_of(self.shipped)
        return ("ship", lambda s, a: len(ship(s, a, requisition_id=req_id, station_id=station_id, lines=lines,
                                                doc_no=doc_no, shipped_date=day)),
                frozenset({REQUISITIONS, STOCK}))


class SupplyPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        self.model = RequisitionsModel(ctx.ops, None, self)
        self.lines = RequisitionLinesModel(ctx.ops, "approved_qty", self)
        self.approve_button = QPushButton(self.tr("&Approve"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason, when rejecting"))
        self.reason.setMinimumWidth(260)
        self.reject_button = QPushButton(self.tr("Re&ject"))
        self.ship_button = QPushButton(self.tr("&Ship…"))
        self.layout_.addLayout(toolbar_row(self.approve_button, self.reason, self.reject_button, self.ship_button))
        self.error = ErrorLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.layout_.addWidget(self.error)
        split = QSplitter(Qt.Orientation.Vertical)
        self.table = make_table(self.model)
        self.lines_table = make_table(self.lines)
        self.lines_table.setEditTriggers(self.lines_table.EditTrigger.DoubleClicked
                                         | self.lines_table.EditTrigger.EditKeyPressed
                                         | self.lines_table.EditTrigger.AnyKeyPressed)
        split.addWidget(self.table)
        split.addWidget(self.lines_table)
        self.layout_.addWidget(split, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.reject)
        self.ship_button.clicked.connect(self.ship)
        self.model.loaded.connect(self._reloaded)
        self.lines.loaded.connect(lambda: fit_columns(self.lines_table))
        fit_columns(self.lines_table)  # headers readable before any row is shown
        self.current: str | None = None
        self._update()

    def title(self) -> str:
        return self.tr("Requisitions & supply")

    def first_load(self) -> None:
        self.model.refresh()

    def selected(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        row = self.model.data(index, ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, dict) else None

    def _selected(self) -> None:
        row = self.selected()
        self.current = row["id"] if row else None
        self.lines.show(self.current)
        self._update()

    def _reloaded(self) -> None:
        fit_columns(self.table)
        for r, row in enumerate(self.model.rows()):
            if row["id"] == self.current:
                self.table.selectRow(r)
        self._update()

    def _update(self) -> None:
        row = self.selected()
        status = row["status"] if row else None
        self.approve_button.setEnabled(status == "submitted")
        self.reject_button.setEnabled(status == "submitted")
        self.ship_button.setEnabled(status in ("approved", "shipped"))

    def _refused(self, err: DomainError) -> None:
        self.error.setText(err.message(self.ctx.lang))

    def approve(self) -> None:
        row = self.selected()
        if row is None:
            return
        approved = {line_id: v["approved_qty"] for line_id, v in self.lines.edits.items() if "approved_qty" in v}
        req_id = row["id"]
        self.error.clear()
        self.ctx.ops.write("approve_requisition",
                           lambda s, a: approve(s, a, requisition_id=req_id, approved=approved).id,
                           {REQUISITIONS}, on_done=self._approved, on_error=self._refused,
                           parent=self)

    def _approved(self, _req_id: str) -> None:
        self.lines.take_edits()

    def reject(self) -> None:
        row = self.selected()
        if row is None:
            return
        req_id, reason = row["id"], self.reason.text()
        self.error.clear()
        self.ctx.ops.write("reject_requisition", lambda s, a: reject(s, a, requisition_id=req_id, reason=reason).id,
                           {REQUISITIONS}, on_error=self._refused, parent=self)

    def ship(self) -> ShipDialog | None:
        row = self.selected()
        if row is None:
            return None
        dialog = ShipDialog(self.ctx, row, self.lines.rows(), self)
        dialog.open()
        return dialog
