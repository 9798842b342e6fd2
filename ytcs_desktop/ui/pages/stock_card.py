"""Thẻ kho: one item's movements with the running balance; reverse a line from here."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ytcs_desktop.domain.inventory.movements import StockCardLine
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.stock_moves import ReverseDialog
from ytcs_desktop.ui.models import lookups
from ytcs_desktop.ui.models.base import ROW_ROLE, fmt_date, fmt_number
from ytcs_desktop.ui.models.stock import StockCardModel, kind_label
from ytcs_desktop.ui.pages.base import fit_columns, make_table, toolbar_row
from ytcs_desktop.ui.widgets.form import date_edit, date_of
from ytcs_desktop.ui.widgets.pickers import ChoicePicker


class StockCardTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = StockCardModel(ctx.ops, ctx.actor.station_id, ctx.lang, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.item = ChoicePicker(self.tr("Item"))
        today = dt.date.today()
        self.date_from = date_edit(dt.date(today.year, 1, 1))
        self.date_to = date_edit(today)
        self.show_button = QPushButton(self.tr("Show"))
        self.reverse_button = QPushButton(self.tr("Re&verse this line…"))
        layout.addLayout(toolbar_row(QLabel(self.tr("Item")), self.item, QLabel(self.tr("From")), self.date_from,
                                     QLabel(self.tr("to")), self.date_to, self.show_button, self.reverse_button))
        self.summary = QLabel()
        self.summary.setObjectName("stock_card_summary")
        layout.addWidget(self.summary)
        self.table = make_table(self.model)
        layout.addWidget(self.table, 1)
        self.show_button.clicked.connect(self.show_card)
        self.item.activated.connect(lambda _i: self.show_card())
        self.reverse_button.clicked.connect(self.reverse)
        self.model.loaded.connect(self._loaded)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self._update()
        self._loaded_items = False

    def load(self) -> None:
        if not self._loaded_items:
            self._loaded_items = True
            self.item.load(self.ctx.ops, lambda s: lookups.items(s))

    def show_item(self, item_id: str) -> None:
        self.load()
        self.item.select_id(item_id)  # takes effect once the picker has its items
        self.model.show_item(item_id, date_of(self.date_from), date_of(self.date_to))

    def show_card(self) -> None:
        self.model.show_item(self.item.current_id(), date_of(self.date_from), date_of(self.date_to))

    def _loaded(self) -> None:
        text = self.tr("Opening balance %1 · closing balance %2")
        self.summary.setText(text.replace("%1", fmt_number(self.model.opening))
                             .replace("%2", fmt_number(self.model.closing)))
        fit_columns(self.table)
        self._update()

    def selected_line(self) -> StockCardLine | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        row = self.model.data(index, ROW_ROLE)
        return row if isinstance(row, StockCardLine) else None

    def _update(self) -> None:
        line = self.selected_line()
        self.reverse_button.setEnabled(line is not None and line.kind != "reversal")

    def reverse(self) -> ReverseDialog | None:
        line = self.selected_line()
        if line is None:
            return None
        qty = line.qty_in or -line.qty_out
        summary = f"{fmt_date(line.date)} · {kind_label(line.kind, self.ctx.lang)} · {line.lot_no} · {qty:+d}"
        dialog = ReverseDialog(self.ctx, line.txn_id, summary, self)
        dialog.open()
        return dialog
