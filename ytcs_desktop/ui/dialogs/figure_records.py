"""The records a report figure counts: opened from a figure of the centre's overview or of the programme's
figures (double-click or Enter), closed with Esc. Read only; the records come already read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ytcs_desktop.domain.figures import FigureRecord
from ytcs_desktop.ui.models.base import Column, RecordTableModel, fmt_date, fmt_number
from ytcs_desktop.ui.pages.base import fit_columns, make_table


class FigureRecordsModel(RecordTableModel):
    """The records of one figure, given (no query of its own)."""

    def __init__(self, records: Sequence[FigureRecord], names: dict[str, str], with_amount: bool,
                 parent: QObject | None = None) -> None:
        super().__init__(None, parent)
        columns = [
            Column("day", QT_TRANSLATE_NOOP("Columns", "Date"), fmt=fmt_date),
            Column("station", QT_TRANSLATE_NOOP("Columns", "Station"),
                   getter=lambda r: names.get(r.station_id, r.station_id)),
            Column("what", QT_TRANSLATE_NOOP("Columns", "What")),
            Column("who", QT_TRANSLATE_NOOP("Columns", "Who")),
        ]
        if with_amount:
            columns.append(Column("amount", QT_TRANSLATE_NOOP("Columns", "Counts for"), numeric=True))
        self.columns = tuple(columns)
        self.set_rows(list(records))

    def fetch(self, session: Any) -> list[Any]:  # never loads: the rows come with the dialog
        return self.rows()


class FigureRecordsDialog(QDialog):
    """"Stock-outs – TYT phường An Phú: 3": the figure, then the records it counts, one a line."""

    def __init__(self, title: str, station: str, records: Sequence[FigureRecord], names: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figure_records")
        value = sum(r.amount for r in records)
        with_amount = any(r.amount != 1 for r in records)
        self.setWindowTitle(f"{title} – {station}")
        self.resize(1040, 480)
        layout = QVBoxLayout(self)
        if with_amount:
            text = self.tr("%1: %2, the sum over the %3 records below.")
        else:
            text = self.tr("%1: %2, the records below.")
        self.caption = QLabel(text.replace("%1", f"{title} – {station}").replace("%2", fmt_number(value))
                              .replace("%3", fmt_number(len(records))))
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        self.model = FigureRecordsModel(records, names, with_amount, self)
        self.table = make_table(self.model)
        self.table.setWordWrap(True)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("No record is counted in this figure."))
        self.empty.setVisible(not records)
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_columns(self.table, 380)
        self.table.setFocus()


def open_figure_records(title: str, station: str, records: Sequence[FigureRecord], names: dict[str, str],
                        parent: QWidget | None = None) -> FigureRecordsDialog:
    dialog = FigureRecordsDialog(title, station, records, names, parent)
    dialog.open()
    return dialog
