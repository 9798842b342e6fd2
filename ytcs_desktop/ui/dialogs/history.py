"""Lịch sử: who changed one record, when, on which computer, each field before → after. Read only."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ytcs_desktop.domain.record_labels import kind_label
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.models.audit import HistoryModel
from ytcs_desktop.ui.pages.base import fit_columns, make_table


class HistoryDialog(QDialog):
    """Opened from a list's "History…" (context menu or button); loads on the read pool."""

    def __init__(self, ctx: AppContext, table: str, row_id: str, record: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History: %1").replace("%1", record))
        self.resize(900, 420)
        layout = QVBoxLayout(self)
        caption = QLabel(self.tr("%1 “%2”: every change, oldest first.").replace("%1", kind_label(table, ctx.lang))
                         .replace("%2", record))
        caption.setWordWrap(True)
        layout.addWidget(caption)
        self.model = HistoryModel(ctx.ops, table, row_id, ctx.lang, self)
        self.table = make_table(self.model)
        self.table.setWordWrap(True)
        layout.addWidget(self.table)
        self.empty = QLabel(self.tr("No change of this record has been recorded yet."))
        self.empty.hide()
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.model.loaded.connect(self._loaded)
        self.model.refresh()

    def _loaded(self) -> None:
        fit_columns(self.table)
        self.table.resizeRowsToContents()
        self.empty.setVisible(self.model.rowCount() == 0)


def open_history(ctx: AppContext, table: str, row_id: str, record: str, parent: QWidget | None = None) -> HistoryDialog:
    dialog = HistoryDialog(ctx, table, row_id, record, parent)
    dialog.open()
    return dialog
