"""Tồn kho: stock on hand by item or by lot, with the movement buttons."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMenu,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ytcs_desktop.domain.inventory.stock import ItemBalance, LotBalance
from ytcs_desktop.domain.labels import choices as label_choices
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.history import HistoryDialog, open_history
from ytcs_desktop.ui.dialogs.issue import IssueDialog
from ytcs_desktop.ui.dialogs.stock_level import StockLevelDialog
from ytcs_desktop.ui.dialogs.stock_moves import DisposeDialog, ReceiveDialog, TransferDialog
from ytcs_desktop.ui.models.base import ROW_ROLE, RecordTableModel, SearchProxy
from ytcs_desktop.ui.models.stock import ItemStockModel, LotStockModel
from ytcs_desktop.ui.pages.base import fit_columns, make_table, search_box, toolbar_row


class OnHandTab(QWidget):
    """Signals: `stock_card_requested(item_id)`."""

    stock_card_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        station = ctx.actor.station_id
        self.item_model = ItemStockModel(ctx.ops, station, ctx.lang, self)
        self.lot_model = LotStockModel(ctx.ops, station, ctx.lang, self)
        self.item_proxy = SearchProxy(self)
        self.item_proxy.setSourceModel(self.item_model)
        self.lot_proxy = SearchProxy(self)
        self.lot_proxy.setSourceModel(self.lot_model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.by_item = QRadioButton(self.tr("By item"))
        self.by_lot = QRadioButton(self.tr("By lot"))
        self.by_lot.setChecked(True)
        self.search = search_box(self.tr("Search by name, code or lot (Ctrl+F)"), self.lot_proxy)
        self.search.textChanged.connect(self.item_proxy.set_text)
        self.search.setMinimumWidth(300)
        self.category = QComboBox()
        self.category.addItem(self.tr("All categories"), None)
        for code, text in label_choices("item_category", ctx.lang):
            self.category.addItem(text, code)
        self.category.currentIndexChanged.connect(self._filter_category)
        layout.addLayout(toolbar_row(self.search, self.category, self.by_item, self.by_lot))
        self.receive_button = QPushButton(self.tr("&Receive…"))
        self.issue_button = QPushButton(self.tr("&Issue…"))
        self.transfer_button = QPushButton(self.tr("&Transfer…"))
        self.dispose_button = QPushButton(self.tr("&Dispose…"))
        self.card_button = QPushButton(self.tr("Stock &card"))
        self.levels_button = QPushButton(self.tr("Le&vels…"))
        self.receive_button.setToolTip("Ctrl+N")
        layout.addLayout(toolbar_row(self.receive_button, self.issue_button, self.transfer_button,
                                     self.dispose_button, self.card_button, self.levels_button))
        self.legend = QLabel()
        self.legend.setStyleSheet("color: #555;")
        self._legend()
        self.lot_model.loaded.connect(self._legend)
        self.table = make_table(self.lot_model, self.lot_proxy)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        self.by_item.toggled.connect(self._switch)
        self.receive_button.clicked.connect(self.receive)
        self.issue_button.clicked.connect(self.issue)
        self.transfer_button.clicked.connect(self.transfer)
        self.dispose_button.clicked.connect(self.dispose)
        self.card_button.clicked.connect(self._card)
        self.levels_button.clicked.connect(self.levels)
        self.table.doubleClicked.connect(lambda _i: self._card())
        # The row's own actions, on the row the user points at (right click, or the menu key).
        self.receive_item_action = QAction(self.tr("Receive this item…"), self)
        self.receive_item_action.triggered.connect(self.receive_this_item)
        self.history_action = QAction(self.tr("History…"), self)  # of the lot, or of the item by item
        self.history_action.triggered.connect(self.history)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        QShortcut(QKeySequence("Ctrl+F"), self, self.search.setFocus)
        QShortcut(QKeySequence("Ctrl+N"), self, self.receive)
        self._fitted: set[int] = set()
        self._keep: object | None = None
        for model in (self.item_model, self.lot_model):
            model.modelAboutToBeReset.connect(self._remember)
            model.loaded.connect(self._restore)
            model.loaded.connect(self._update_buttons)
            model.loaded.connect(self._fit_once)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def load(self) -> None:
        """Load the table in view; the other loads when first shown."""
        self.model.refresh()

    @property
    def model(self) -> RecordTableModel:
        return self.item_model if self.by_item.isChecked() else self.lot_model

    def _legend(self) -> None:
        """The colours' meaning, with the station's own near-expiry days."""
        self.legend.setText(self.tr("Colours: red = expired · yellow = expires within %1 days · violet = "
                                    "quarantined · red quantity = below minimum")
                            .replace("%1", str(self.lot_model.near_days)))

    def _switch(self) -> None:
        if not self.model._ever_loaded:
            self.model.refresh()
        proxy = self.item_proxy if self.by_item.isChecked() else self.lot_proxy
        self.table.setModel(proxy)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._fit_once()
        self._update_buttons()

    def _fit_once(self) -> None:
        key = id(self.model)
        if key not in self._fitted and self.model.rowCount() > 0:
            self._fitted.add(key)
            fit_columns(self.table)

    def _remember(self) -> None:
        row = self.selected_row()
        self._keep = getattr(row, "lot_id", None) or getattr(row, "item_id", None) if row is not None else None

    def _restore(self) -> None:
        """Keep the same lot (or item) selected across a reload."""
        if self._keep is None:
            return
        proxy = self.table.model()
        for r in range(proxy.rowCount()):
            row = proxy.data(proxy.index(r, 0), ROW_ROLE)
            if self._keep in (getattr(row, "lot_id", None), getattr(row, "item_id", None)):
                select_row(self.table, r)
                return

    def _filter_category(self) -> None:
        wanted = self.category.currentData()
        predicate = None if wanted is None else (lambda row: row.category == wanted)
        self.item_proxy.set_predicate(predicate)
        self.lot_proxy.set_predicate(predicate)

    def selected_row(self) -> object | None:
        index: QModelIndex = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), index.parent()):
            return None
        row: object | None = self.table.model().data(index, ROW_ROLE)
        return row

    def selected_lot(self) -> LotBalance | None:
        row = self.selected_row()
        return row if isinstance(row, LotBalance) else None

    def selected_item_id(self) -> str | None:
        row = self.selected_row()
        return getattr(row, "item_id", None) if row is not None else None

    def _update_buttons(self) -> None:
        lot = self.selected_lot()
        self.transfer_button.setEnabled(lot is not None and lot.quantity > 0)
        self.dispose_button.setEnabled(lot is not None and lot.quantity > 0)
        self.card_button.setEnabled(self.selected_item_id() is not None)
        item = self.selected_row()
        self.levels_button.setEnabled(isinstance(item, ItemBalance))
        self.levels_button.setToolTip(self.tr("Minimum and maximum of the selected item at this station")
                                      if self.by_item.isChecked() else self.tr("Choose an item in the By item view"))

    def _row_menu(self, pos: QPoint) -> QMenu | None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return None
        select_row(self.table, index.row())
        menu = QMenu(self)
        menu.addAction(self.receive_item_action)
        menu.addAction(self.history_action)
        menu.popup(self.table.viewport().mapToGlobal(pos))
        return menu

    # ----- actions ----------------------------------------------------------------------------
    def history(self) -> HistoryDialog | None:
        """Lịch sử: who changed the selected lot (or item), when and what."""
        row = self.selected_row()
        if isinstance(row, LotBalance):
            return open_history(self.ctx, "lots", row.lot_id, f"{row.item_name}, {row.lot_no}", self)
        if isinstance(row, ItemBalance):
            return open_history(self.ctx, "items", row.item_id, f"{row.code} – {row.name}", self)
        return None

    def receive(self) -> ReceiveDialog:
        """Nhập kho from the toolbar (or Ctrl+N): the user chooses the item in the dialog; the row
        selected behind it is not a choice."""
        dialog = ReceiveDialog(self.ctx, None, self)
        dialog.open()
        return dialog

    def receive_this_item(self) -> ReceiveDialog | None:
        """Nhập kho mặt hàng này: the item of the row the user pointed at."""
        item_id = self.selected_item_id()
        if item_id is None:
            return None
        dialog = ReceiveDialog(self.ctx, item_id, self)
        dialog.open()
        return dialog

    def issue(self) -> IssueDialog:
        dialog = IssueDialog(self.ctx, self.selected_item_id(), self)
        dialog.open()
        return dialog

    def transfer(self) -> TransferDialog | None:
        lot = self.selected_lot()
        if lot is None:
            return None
        dialog = TransferDialog(self.ctx, lot, self)
        dialog.open()
        return dialog

    def dispose(self) -> DisposeDialog | None:
        lot = self.selected_lot()
        if lot is None:
            return None
        dialog = DisposeDialog(self.ctx, lot, self)
        dialog.open()
        return dialog

    def levels(self) -> StockLevelDialog | None:
        item = self.selected_row()
        if not isinstance(item, ItemBalance):
            return None
        dialog = StockLevelDialog(self.ctx, item, self)
        dialog.open()
        return dialog

    def _card(self) -> None:
        item_id = self.selected_item_id()
        if item_id:
            self.stock_card_requested.emit(item_id)


def select_row(table: QTableView, row: int) -> None:
    table.selectRow(row)
    table.setCurrentIndex(table.model().index(row, 0))
