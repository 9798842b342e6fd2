"""Xuất sử dụng with the first-expiry-first-out suggestion shown as the user types."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from ytcs_desktop.domain.inventory import issue
from ytcs_desktop.domain.inventory.stock import LotBalance, fefo_suggestion, issuable_lots
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.stock_moves import Op
from ytcs_desktop.ui.models import lookups
from ytcs_desktop.ui.models.base import fmt_date
from ytcs_desktop.ui.operations import STOCK
from ytcs_desktop.ui.widgets.dialog import OperationDialog
from ytcs_desktop.ui.widgets.form import date_edit, date_of
from ytcs_desktop.ui.widgets.pickers import ChoicePicker


class IssueDialog(OperationDialog):
    """Issue for use. By default the domain takes the quantity first-expiry-first; choosing a lot out
    of that order asks for a reason. Signals: `suggested()` when the suggestion is shown."""

    suggested = Signal()

    def __init__(self, ctx: AppContext, item_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Issue for use"), parent)
        self.item = ChoicePicker(self.tr("Type part of the name or code"))
        self.form.add("item_id", self.tr("Item"), self.item)
        self.quantity = QLineEdit()
        self.form.add("quantity", self.tr("Quantity"), self.quantity)
        self.txn_date = date_edit()
        self.form.add("txn_date", self.tr("Date"), self.txn_date)
        self.suggestion = QLabel(self.tr("Choose an item and a quantity to see which lots to take."))
        self.suggestion.setObjectName("fefo_suggestion")
        self.suggestion.setWordWrap(True)
        self.suggestion.setStyleSheet("background: #eef5fb; padding: 6px; border-radius: 4px;")
        self.form.add_row(self.suggestion)
        self.lot = QComboBox()
        self.form.add("lot_id", self.tr("Lot"), self.lot)
        self.override_reason = QLineEdit()
        self.override_reason.setPlaceholderText(self.tr("Only when not taking the first-expiring lot"))
        self.form.add("override_reason", self.tr("Reason for another lot"), self.override_reason)
        self.counterparty = QLineEdit()
        self.form.add("counterparty", self.tr("Issued to"), self.counterparty)
        self.doc_no = QLineEdit()
        self.form.add("doc_no", self.tr("Document no."), self.doc_no)
        self.lots: list[tuple[LotBalance, int]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._suggest)
        self.item.currentIndexChanged.connect(lambda _i: self._load_lots())
        self.quantity.textChanged.connect(lambda _t: self._timer.start())
        self.txn_date.dateChanged.connect(lambda _d: self._load_lots())
        self.item.select_id(item_id)
        self.item.load(ctx.ops, lambda s: lookups.items(s))
        self._fill_lots([])

    def _load_lots(self) -> None:
        item_id = self.item.current_id()
        if not item_id:
            self._fill_lots([])
            return
        station, day = self.ctx.actor.station_id or "", date_of(self.txn_date)
        self.ctx.ops.query(lambda s: issuable_lots(s, station, item_id, day), self._fill_lots)

    def _fill_lots(self, lots: list[tuple[LotBalance, int]]) -> None:
        self.lots = lots
        self.lot.clear()
        self.lot.addItem(self.tr("First expiry first (automatic)"), None)
        for bal, avail in lots:
            self.lot.addItem(self.tr("Lot %1 — expiry %2 — %3 available")
                             .replace("%1", bal.lot_no).replace("%2", fmt_date(bal.expiry))
                             .replace("%3", str(avail)), bal.lot_id)
        self._suggest()

    def _suggest(self) -> None:
        item_id = self.item.current_id()
        try:
            qty = int(self.quantity.text().strip())
        except ValueError:
            qty = 0
        if not item_id or qty <= 0:
            total = sum(a for _, a in self.lots)
            if item_id:
                self.suggestion.setText(self.tr("%1 available to issue.").replace("%1", str(total)))
            self.suggested.emit()
            return
        station, day = self.ctx.actor.station_id or "", date_of(self.txn_date)
        self.ctx.ops.query(lambda s: fefo_suggestion(s, station, item_id, qty, day),
                           lambda plan: self._show_plan(plan, qty))

    def _show_plan(self, plan: list[tuple[LotBalance, int]], wanted: int) -> None:
        have = sum(take for _, take in plan)
        lines = [self.tr("Take %1 from lot %2 (expiry %3)").replace("%1", str(take)).replace("%2", bal.lot_no)
                 .replace("%3", fmt_date(bal.expiry)) for bal, take in plan]
        if have < wanted:
            lines.append(self.tr("Only %1 available: lower the quantity.").replace("%1", str(have)))
        self.suggestion.setText("\n".join(lines) or self.tr("Nothing of this item may be issued."))
        self.suggested.emit()

    def operation(self) -> Op:
        values: dict[str, Any] = {
            "item_id": self.item.current_id() or "",
            "quantity": self.quantity.text(),
            "txn_date": date_of(self.txn_date),
            "lot_id": self.lot.currentData(),
            "override_reason": self.override_reason.text().strip() or None,
            "counterparty": self.counterparty.text().strip() or None,
            "doc_no": self.doc_no.text().strip() or None,
        }
        return "issue", lambda s, a: issue(s, a, **values), frozenset({STOCK})
