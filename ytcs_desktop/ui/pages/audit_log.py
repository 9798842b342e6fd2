"""Nhật ký thay đổi: the audit log with its filters (person, kind of record, period) and an Excel copy."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QFileDialog, QLabel, QPushButton, QWidget

from ytcs_desktop.domain.audit import AuditFilter, AuditLine, audit_kinds, audit_log, audit_people, check_filter
from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.store.session import Session
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.history import open_history
from ytcs_desktop.ui.models.audit import AuditLogModel
from ytcs_desktop.ui.models.base import date_pattern
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, toolbar_row
from ytcs_desktop.ui.tasks import TaskControl

ERROR_STYLE = "color: #b00020;"


def _day(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


class AuditLogPage(Page):
    """Signals: `saved(str)` with the path of a workbook written."""

    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        self.person = QComboBox()
        self.person.setMinimumWidth(200)
        self.kind = QComboBox()
        self.kind.setMinimumWidth(200)
        today = QDate.currentDate()
        self.use_period = QCheckBox(self.tr("&Period"))
        self.since = QDateEdit(today.addDays(-30))
        self.until = QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_pattern())
            edit.setEnabled(False)
        self.use_period.toggled.connect(self.since.setEnabled)
        self.use_period.toggled.connect(self.until.setEnabled)
        self.apply_button = QPushButton(self.tr("&Show"))
        self.history_button = QPushButton(self.tr("&History of this record…"))
        self.xlsx_button = QPushButton(self.tr("Save as &Excel…"))
        self.layout_.addLayout(toolbar_row(QLabel(self.tr("Person:")), self.person, QLabel(self.tr("Record kind:")),
                                           self.kind, self.use_period, self.since, QLabel("–"), self.until,
                                           self.apply_button))
        self.model = AuditLogModel(ctx.ops, ctx.lang, None, self)
        self.table = make_table(self.model)
        self.table.setWordWrap(True)
        self.layout_.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.layout_.addLayout(toolbar_row(self.history_button, self.xlsx_button, self.status))
        self.apply_button.clicked.connect(self.apply)
        self.history_button.clicked.connect(self.open_history)
        self.xlsx_button.clicked.connect(self.ask_and_save)
        self.table.doubleClicked.connect(lambda _i: self.open_history())
        self.model.loaded.connect(self._loaded)

    def title(self) -> str:
        return self.tr("Change log")

    def first_load(self) -> None:
        self.load_choices()
        self.model.refresh()

    def load_choices(self) -> None:
        lang = self.ctx.lang
        self.ctx.ops.query(lambda s: (audit_people(s), audit_kinds(s, lang)), self._fill_choices)

    def _fill_choices(self, found: tuple[list[str], list[tuple[str, str]]]) -> None:
        people, kinds = found
        person, kind = self.person.currentData(), self.kind.currentData()
        self.person.clear()
        self.person.addItem(self.tr("Everyone"), None)
        for name in people:
            self.person.addItem(name, name)
        self.kind.clear()
        self.kind.addItem(self.tr("Every kind of record"), None)
        for table, words in kinds:
            self.kind.addItem(words, table)
        self.person.setCurrentIndex(max(0, self.person.findData(person)))
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))

    def current_filter(self) -> AuditFilter:
        period = self.use_period.isChecked()
        return AuditFilter(person=self.person.currentData(), table=self.kind.currentData(),
                           since=_day(self.since) if period else None, until=_day(self.until) if period else None)

    def apply(self) -> None:
        wanted = self.current_filter()
        try:
            check_filter(wanted)
        except DomainError as exc:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(exc.message(self.ctx.lang))
            self.until.setFocus()
            return
        self.status.setStyleSheet("")
        self.status.clear()
        self.model.filter = wanted
        self.model.refresh()

    def _loaded(self) -> None:
        fit_columns(self.table)
        self.table.resizeRowsToContents()
        if not self.status.styleSheet():
            self.status.setText(self.tr("%n change(s)", "", self.model.rowCount()))

    def selected(self) -> AuditLine | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def open_history(self) -> None:
        line = self.selected()
        if line is not None:
            open_history(self.ctx, line.table, line.row_id, line.record, self)

    # ----- Excel ------------------------------------------------------------------------------
    def ask_and_save(self) -> None:
        default = str(Path.home() / f"nhat-ky-thay-doi-{dt.date.today():%Y%m%d}.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the change log"), default, "*.xlsx")
        if path:
            self.save(Path(path))

    def save(self, path: Path) -> None:
        """Write the log as filtered now (every line, not only those shown) on a worker."""
        wanted, lang, db = self.model.filter, self.ctx.lang, self.ctx.db

        def work(_control: TaskControl) -> str:
            from ytcs_desktop.reports.audit_sheet import write_audit_xlsx

            s: Session
            with db.read() as s:
                lines = audit_log(s, wanted, lang, limit=1_000_000)
            write_audit_xlsx(lines, path, lang)
            return str(path)

        self.status.setStyleSheet("")
        self.status.setText(self.tr("Saving…"))
        self.ctx.tasks.read(work, self._saved, self._failed, label=self.tr("Saving…"))

    def _saved(self, path: str) -> None:
        self.status.setText(self.tr("Saved: %1").replace("%1", path))
        self.saved.emit(path)

    def _failed(self, exc: BaseException) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(exc.message(self.ctx.lang) if isinstance(exc, DomainError) else str(exc))
