"""Kiểm kê tab: the station's counts; start one or continue a draft in the count wizard."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.count_wizard import CountWizard
from ytcs_desktop.ui.models.base import ROW_ROLE
from ytcs_desktop.ui.models.documents import CountsModel
from ytcs_desktop.ui.pages.base import make_table, toolbar_row


class CountsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = CountsModel(ctx.ops, ctx.actor.station_id, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.new_button = QPushButton(self.tr("&New stock count…"))
        self.continue_button = QPushButton(self.tr("C&ontinue this count…"))
        layout.addLayout(toolbar_row(self.new_button, self.continue_button))
        self.table = make_table(self.model)
        layout.addWidget(self.table, 1)
        self.new_button.clicked.connect(lambda: self.open_wizard(None))
        self.continue_button.clicked.connect(self._continue)
        self.table.doubleClicked.connect(lambda _i: self._continue())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.model.loaded.connect(self._update)
        self._loaded = False
        self._update()

    def tab_title(self) -> str:
        return self.tr("Stock counts")

    def load(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.model.refresh()

    def _selected(self) -> object | None:
        index = self.table.currentIndex()
        return self.model.data(index, ROW_ROLE) if index.isValid() else None

    def _update(self) -> None:
        row = self._selected()
        self.continue_button.setEnabled(row is not None and getattr(row, "status", "") == "draft")

    def _continue(self) -> None:
        row = self._selected()
        if row is not None and getattr(row, "status", "") == "draft":
            self.open_wizard(getattr(row, "id", None))

    def open_wizard(self, count_id: str | None) -> CountWizard:
        wizard = CountWizard(self.ctx, count_id, self)
        wizard.open()
        return wizard
