"""Hàng chờ nhập: lots the centre shipped; the station confirms each with what actually arrived."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from ytcs_desktop.domain.inventory.shipments import confirm_receipt
from ytcs_desktop.messages import msg
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.stock_moves import Op
from ytcs_desktop.ui.models.base import ROW_ROLE
from ytcs_desktop.ui.models.documents import PendingReceiptsModel
from ytcs_desktop.ui.operations import REQUISITIONS, STOCK
from ytcs_desktop.ui.pages.base import fit_columns, make_table, toolbar_row
from ytcs_desktop.ui.widgets.dialog import OperationDialog
from ytcs_desktop.ui.widgets.form import date_edit, date_of


class ConfirmReceiptDialog(OperationDialog):
    def __init__(self, ctx: AppContext, line: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Confirm a receipt"), parent)
        self.line = line
        info = QLabel(f"{line['item']} — {line['lot_no']} — {line['quantity']} {line['unit']}"
                      f" ({line.get('doc_no') or ''})")
        info.setStyleSheet("font-weight: 600;")
        self.form.add_row(info)
        self.received = QSpinBox()
        self.received.setRange(0, 10_000_000)
        self.received.setValue(int(line["quantity"]))
        self.form.add("received_qty", self.tr("Quantity received"), self.received)
        self.txn_date = date_edit()
        self.form.add("txn_date", self.tr("Date received"), self.txn_date)
        self.discrepancy = QLineEdit()
        self.discrepancy.setPlaceholderText(self.tr("Missing, broken, damaged… (when the quantity differs)"))
        self.form.add("discrepancy", self.tr("Difference"), self.discrepancy)
        self.vvm = QComboBox()
        self.vvm.addItem(self.tr("(not a vaccine)"), None)
        for stage in (1, 2, 3, 4):
            self.vvm.addItem(self.tr("VVM stage %1").replace("%1", str(stage)), stage)
        self.form.add("vvm_stage", self.tr("VVM at receipt"), self.vvm)
        self.temperature = QLineEdit()
        self.temperature.setPlaceholderText("°C")
        self.form.add("temperature", self.tr("Temperature at receipt"), self.temperature)
        self.save_button.setText(self.tr("Confirm"))

    def operation(self) -> Op:
        temp_text = self.temperature.text().strip().replace(",", ".")
        try:
            temperature = float(temp_text) if temp_text else None
        except ValueError:
            from ytcs_desktop.domain.errors import ValidationError

            raise ValidationError("bad_temperature", msg("bad_temperature.operation"), field="temperature") from None
        values: dict[str, Any] = {
            "shipment_line_id": self.line["id"], "received_qty": self.received.value(),
            "txn_date": date_of(self.txn_date), "discrepancy": self.discrepancy.text().strip() or None,
            "vvm_stage": self.vvm.currentData(), "temperature": temperature,
        }
        return "confirm_receipt", lambda s, a: confirm_receipt(s, a, **values), frozenset({STOCK, REQUISITIONS})


class ReceiptsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = PendingReceiptsModel(ctx.ops, ctx.actor.station_id, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.confirm_button = QPushButton(self.tr("&Confirm receipt…"))
        layout.addLayout(toolbar_row(self.confirm_button))
        self.table = make_table(self.model)
        layout.addWidget(self.table, 1)
        self.confirm_button.clicked.connect(self.confirm)
        self.table.doubleClicked.connect(lambda _i: self.confirm())
        self.model.loaded.connect(lambda: fit_columns(self.table))
        self._loaded = False

    def tab_title(self) -> str:
        return self.tr("Pending receipts")

    def load(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.model.refresh()

    def confirm(self) -> ConfirmReceiptDialog | None:
        index = self.table.currentIndex()
        line = self.model.data(index, ROW_ROLE) if index.isValid() else None
        if not isinstance(line, dict):
            return None
        dialog = ConfirmReceiptDialog(self.ctx, line, self)
        dialog.open()
        return dialog
