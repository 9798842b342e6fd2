"""Receive, transfer out, dispose and reverse: one dialog each, each one named domain operation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.inventory import dispose, receive, reverse, transfer_out
from ytcs_desktop.domain.inventory.stock import LotBalance
from ytcs_desktop.domain.labels import choices as label_choices
from ytcs_desktop.store.session import Session
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.models import lookups
from ytcs_desktop.ui.models.base import fmt_date
from ytcs_desktop.ui.operations import COLDCHAIN, STOCK
from ytcs_desktop.ui.widgets.dialog import OperationDialog
from ytcs_desktop.ui.widgets.form import DateField, combo, date_edit, date_of
from ytcs_desktop.ui.widgets.pickers import ChoicePicker

Op = tuple[str, Callable[[Session, Actor], Any], frozenset[str]]


def _text(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None


class ReceiveDialog(OperationDialog):
    """Nhập kho: item, lot, expiry, quantity in base units, source, document. Nothing is proposed that
    the user did not choose: no item unless one was chosen for it (`item_id`), and no expiry (it is
    copied from the pack)."""

    def __init__(self, ctx: AppContext, item_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Receive stock"), parent)
        self.item = ChoicePicker(self.tr("Type part of the name or code"), allow_empty=True)
        self.form.add("item_id", self.tr("Item"), self.item)
        self.lot_no = QLineEdit()
        self.form.add("lot_no", self.tr("Lot number"), self.lot_no)
        self.expiry = DateField()
        self.expiry.setToolTip(self.tr("As printed on the pack, dd/mm/yyyy"))
        self.form.add("expiry", self.tr("Expiry date"), self.expiry)
        self.quantity = QLineEdit()
        self.quantity.setPlaceholderText(self.tr("in base units (tablets, vials, doses…)"))
        self.form.add("quantity", self.tr("Quantity"), self.quantity)
        self.txn_date = date_edit()
        self.form.add("txn_date", self.tr("Date received"), self.txn_date)
        self.form.new_column()  # where it came from, beside what it is: the dialog fits a laptop screen
        self.source = QComboBox()
        self.source.addItem(self.tr("Supplied by the centre"), "centre")
        self.source.addItem(self.tr("Other source"), "other")
        self.form.add("source", self.tr("Source"), self.source)
        self.doc_no = QLineEdit()
        self.form.add("doc_no", self.tr("Document no."), self.doc_no)
        self.counterparty = QLineEdit()
        self.form.add("counterparty", self.tr("Supplier"), self.counterparty)
        self.manufacturer = QLineEdit()
        self.form.add("manufacturer", self.tr("Manufacturer"), self.manufacturer)
        self.vvm = QComboBox()
        self.vvm.addItem(self.tr("(not a vaccine)"), None)
        for stage in (1, 2, 3, 4):
            self.vvm.addItem(self.tr("VVM stage %1").replace("%1", str(stage)), stage)
        self.form.add("vvm_stage", self.tr("VVM at receipt"), self.vvm)
        self.fridge = ChoicePicker(allow_empty=True)
        self.form.add("fridge_id", self.tr("Fridge"), self.fridge)
        self.item.select_id(item_id)
        station = ctx.actor.station_id
        self.item.load(ctx.ops, lambda s: lookups.items(s))
        self.fridge.load(ctx.ops, lambda s: lookups.fridges(s, station))

    def operation(self) -> Op:
        values: dict[str, Any] = {
            "item_id": self.item.current_id() or "",
            "lot_no": self.lot_no.text(),
            "expiry": self.expiry.value(),
            "quantity": self.quantity.text(),
            "txn_date": date_of(self.txn_date),
            "source": self.source.currentData(),
            "doc_no": _text(self.doc_no),
            "counterparty": _text(self.counterparty),
            "manufacturer": _text(self.manufacturer),
            "vvm_stage": self.vvm.currentData(),
            "fridge_id": self.fridge.current_id(),
        }
        return "receive", lambda s, a: receive(s, a, **values), frozenset({STOCK, COLDCHAIN})


class LotDialog(OperationDialog):
    """The base of movements out of one chosen lot."""

    def __init__(self, ctx: AppContext, title: str, lot: LotBalance, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.lot = lot
        info = QLabel(
            self.tr("%1 — lot %2, expiry %3, on hand %4 %5")
            .replace("%1", lot.item_name).replace("%2", lot.lot_no).replace("%3", fmt_date(lot.expiry))
            .replace("%4", str(lot.quantity)).replace("%5", lot.unit)
        )
        info.setWordWrap(True)
        info.setStyleSheet("font-weight: 600;")
        self.form.add_row(info)
        self.quantity = QSpinBox()
        self.quantity.setRange(0, 10_000_000)
        self.quantity.setValue(max(0, lot.quantity))
        self.form.add("quantity", self.tr("Quantity"), self.quantity)
        self.txn_date = date_edit()
        self.form.add("txn_date", self.tr("Date"), self.txn_date)


class TransferDialog(LotDialog):
    """Điều chuyển đi: a lot's stock leaves for another station."""

    def __init__(self, ctx: AppContext, lot: LotBalance, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Transfer to another station"), lot, parent)
        self.station = ChoicePicker(self.tr("Receiving station"))
        self.form.add("to_station_id", self.tr("To station"), self.station)
        self.doc_no = QLineEdit()
        self.form.add("doc_no", self.tr("Document no."), self.doc_no)
        own = ctx.actor.station_id
        self.station.load(ctx.ops, lambda s: lookups.stations(s, except_id=own))

    def operation(self) -> Op:
        values: dict[str, Any] = {
            "lot_id": self.lot.lot_id, "quantity": self.quantity.value(), "txn_date": date_of(self.txn_date),
            "to_station_id": self.station.current_id() or "", "doc_no": _text(self.doc_no)}
        return "transfer_out", lambda s, a: transfer_out(s, a, **values), frozenset({STOCK})


class DisposeDialog(LotDialog):
    """Hủy: expired, damaged, VVM, frozen or another reason."""

    def __init__(self, ctx: AppContext, lot: LotBalance, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Dispose of stock"), lot, parent)
        default = "expired" if lot.expiry < dt.date.today() else ("frozen" if lot.quarantined else "damaged")
        self.reason_code = combo(label_choices("disposal_reason", ctx.lang), default)
        self.form.add("reason_code", self.tr("Reason"), self.reason_code)
        self.note = QLineEdit()
        self.form.add("note", self.tr("Note"), self.note)
        self.doc_no = QLineEdit()
        self.form.add("doc_no", self.tr("Minutes no."), self.doc_no)

    def operation(self) -> Op:
        values: dict[str, Any] = {
            "lot_id": self.lot.lot_id, "quantity": self.quantity.value(), "txn_date": date_of(self.txn_date),
            "reason_code": self.reason_code.currentData(), "note": _text(self.note),
                  "doc_no": _text(self.doc_no)}
        return "dispose", lambda s, a: dispose(s, a, **values), frozenset({STOCK, COLDCHAIN})


class ReverseDialog(OperationDialog):
    """Đảo: cancel one ledger line by a line of opposite sign, with a reason."""

    def __init__(self, ctx: AppContext, txn_id: str, summary: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Reverse a movement"), parent)
        self.txn_id = txn_id
        info = QLabel(summary)
        info.setWordWrap(True)
        info.setStyleSheet("font-weight: 600;")
        self.form.add_row(info)
        self.txn_date = date_edit()
        self.form.add("txn_date", self.tr("Date"), self.txn_date)
        self.reason = QLineEdit()
        self.form.add("reason", self.tr("Reason"), self.reason)
        self.save_button.setText(self.tr("Reverse"))

    def operation(self) -> Op:
        values: dict[str, Any] = {"txn_id": self.txn_id, "txn_date": date_of(self.txn_date),
                                  "reason": self.reason.text()}
        return "reverse", lambda s, a: reverse(s, a, **values), frozenset({STOCK})
