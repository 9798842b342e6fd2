"""Mức tồn: the station's own minimum and maximum of one item, or back to the catalogue's."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QPushButton, QWidget

from ytcs_desktop.domain.inventory import clear_stock_level, set_stock_level
from ytcs_desktop.domain.inventory.stock import ItemBalance
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.operations import STOCK
from ytcs_desktop.ui.widgets.dialog import OperationDialog


class StockLevelDialog(OperationDialog):
    """Minimum and maximum in base units; below the minimum the item turns red and is listed on the
    overview. "Use the catalogue's levels" drops the station's own."""

    def __init__(self, ctx: AppContext, item: ItemBalance, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Stock levels"), parent)
        self.item = item
        self._clear = False
        info = QLabel(f"{item.name} ({item.code}) — {item.unit}")
        info.setWordWrap(True)
        info.setStyleSheet("font-weight: 600;")
        self.form.add_row(info)
        self.min_stock = QLineEdit(str(item.min_stock))
        self.form.add("min_stock", self.tr("Minimum"), self.min_stock)
        self.max_stock = QLineEdit(str(item.max_stock))
        self.max_stock.setPlaceholderText(self.tr("0 = no maximum"))
        self.form.add("max_stock", self.tr("Maximum"), self.max_stock)
        hint = QLabel(self.tr("In base units (%1). Stock below the minimum is shown in red and listed on the "
                              "overview; the requisition suggests filling up to the maximum.").replace("%1", item.unit))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.form.add_row(hint)
        self.default_button = QPushButton(self.tr("Use the catalogue's levels"))
        self.buttons.addButton(self.default_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.default_button.clicked.connect(self.use_catalogue)

    def use_catalogue(self) -> None:
        self._clear = True
        try:
            self.submit()
        finally:
            self._clear = False

    def operation(self) -> tuple[str, Any, frozenset[str]]:
        item_id = self.item.item_id
        if self._clear:
            return "clear_stock_level", lambda s, a: clear_stock_level(s, a, item_id=item_id), frozenset({STOCK})
        low, high = self.min_stock.text(), self.max_stock.text()
        return ("set_stock_level", lambda s, a: set_stock_level(s, a, item_id=item_id, min_stock=low, max_stock=high),
                frozenset({STOCK}))
