"""Báo cáo: the printed forms. Data and PDF/XLSX files are made on a worker; preview and print use
Qt's print preview with the document prepared off the GUI thread."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.domain.stations import list_stations
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.report_input import ReportInputDialog, needs_input, remembered
from ytcs_desktop.ui.pages.base import Page, toolbar_row
from ytcs_desktop.ui.tasks import TaskControl
from ytcs_desktop.ui.widgets.form import ERROR_STYLE, Form, date_edit, date_of


def _registry() -> Any:
    from ytcs_desktop.reports import registry

    return registry


def fresh_form_fonts() -> None:
    """The reports package caches its form fonts once per process, but Qt's raw fonts work only in the
    thread that made them: PDFs are written on a worker and previews painted on the GUI thread, so
    each starts from a fresh load in its own thread."""
    from ytcs_desktop.reports import fonts

    fonts.forget()


def paint_preview(document: Any, printer: Any) -> None:
    from ytcs_desktop.reports.output import print_document

    fresh_form_fonts()
    print_document(document, printer)


def make_document(ctx: AppContext, name: str, request: Any) -> tuple[Any, Any]:
    """(document, data) for a report, read in its own session (runs on a worker)."""
    spec = _registry().get(name)
    with ctx.db.read() as s:
        data = spec.data(s, request)
    return spec.document(data), data


class ReportsPage(Page):
    """Signals: `saved(str)` with the path of a file written."""

    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        self.list = QListWidget()
        self.list.setMaximumHeight(300)
        self.layout_.addWidget(self.list)
        self.form = Form()
        today = dt.date.today()
        self.date_from = date_edit(today.replace(day=1))
        self.date_to = date_edit(today)
        self.item = QLineEdit()
        self.item.setPlaceholderText(self.tr("Item code, for a single stock card"))
        self.form.add("date_from", self.tr("From"), self.date_from)
        self.form.add("date_to", self.tr("To"), self.date_to)
        self.form.add("item", self.tr("Item"), self.item)
        # At the centre (every station's rows): which stations to print; none ticked prints them all.
        self.stations = QListWidget()
        self.stations.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.stations.setMaximumHeight(120)
        self.stations.setToolTip(self.tr("Tick the stations to print; none ticked prints every station."))
        if ctx.is_centre:
            self.form.add("station", self.tr("Stations (none ticked: all)"), self.stations)
        else:
            self.stations.hide()
        self.layout_.addWidget(self.form)
        self.preview_button = QPushButton(self.tr("&Preview and print…"))
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"))
        self.xlsx_button = QPushButton(self.tr("Save as &Excel…"))
        self.layout_.addLayout(toolbar_row(self.preview_button, self.pdf_button, self.xlsx_button))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.layout_.addWidget(self.status)
        self.layout_.addStretch(1)
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button.clicked.connect(lambda: self.ask_and_save("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.ask_and_save("xlsx"))
        self.list.currentRowChanged.connect(lambda _r: self._update())
        self._previews: list[tuple[Any, Any, Any]] = []
        self._drafts: dict[str, dict[str, Any]] = {}
        self.input_dialog: ReportInputDialog | None = None
        self._fill()
        if ctx.is_centre:
            ctx.ops.query(list_stations, self._fill_stations)

    def title(self) -> str:
        return self.tr("Reports")

    def _fill_stations(self, stations: list[Any]) -> None:
        self.stations.clear()
        for st in stations:
            item = QListWidgetItem(f"{st.code} – {st.name}")
            item.setData(256, st.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.stations.addItem(item)

    def chosen_stations(self) -> tuple[str, ...] | None:
        """The stations ticked at the centre, or None for every station."""
        ticked = tuple(str(self.stations.item(i).data(256)) for i in range(self.stations.count())
                       if self.stations.item(i).checkState() == Qt.CheckState.Checked)
        return ticked or None

    def _fill(self) -> None:
        try:
            reports = _registry().REPORTS
        except ImportError:
            reports = {}
        for name, spec in reports.items():
            item = QListWidgetItem(spec.title.text(self.ctx.lang))
            item.setData(256, name)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update()

    def current_name(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(256)) if item is not None else None

    def _update(self) -> None:
        name = self.current_name()
        spec = _registry().REPORTS.get(name) if name else None
        for button in (self.preview_button, self.pdf_button):
            button.setEnabled(spec is not None)
        self.xlsx_button.setEnabled(spec is not None and spec.sheets is not None)

    def request(self, parties: dict[str, Any] | None = None) -> Any:
        station = self.chosen_stations() if self.ctx.is_centre else self.ctx.actor.station_id
        return _registry().ReportRequest(station_id=station, date_from=date_of(self.date_from),
                                         date_to=date_of(self.date_to), item=self.item.text().strip() or None,
                                         parties=parties or {})

    # ----- what the user writes into the form ------------------------------------------------------
    def with_input(self, go: Callable[[dict[str, Any]], None]) -> None:
        """Call `go(parties)`: at once for a form that needs nothing typed, else after the parties
        dialog is filled in (it opens with what was typed last, in this database or this session)."""
        name = self.current_name() or ""
        spec = _registry().REPORTS.get(name)
        if spec is None or not needs_input(spec.options):
            go({})
            return
        initial = self._drafts.get(name) or remembered(self.ctx.db, name)
        title = spec.title.text(self.ctx.lang)
        dialog = ReportInputDialog(self.ctx, name, title, date_of(self.date_to), initial, self)
        self.input_dialog = dialog

        def closed(_result: int) -> None:
            self._drafts[name] = dialog.values()  # a cancelled dialog keeps what was typed, too
            self.input_dialog = None

        dialog.finished.connect(closed)
        dialog.accepted.connect(lambda: go(dialog.values()))
        dialog.open()

    # ----- files ----------------------------------------------------------------------------------
    def ask_and_save(self, kind: str) -> None:
        name = self.current_name()
        if not name:
            return

        def ask_path(parties: dict[str, Any]) -> None:
            suffix = ".pdf" if kind == "pdf" else ".xlsx"
            default = str(Path.home() / f"{name}-{dt.date.today():%Y%m%d}{suffix}")
            caption = self.tr("Save the report")
            path, _ = QFileDialog.getSaveFileName(self, caption, default, f"*{suffix}")
            if path:
                self._save(kind, Path(path), parties)

        self.with_input(ask_path)

    def save(self, kind: str, path: Path) -> None:
        """Ask what the form needs from the user, if anything, then write the file."""
        self.with_input(lambda parties: self._save(kind, path, parties))

    def _save(self, kind: str, path: Path, parties: dict[str, Any]) -> None:
        """Make the file on a worker, with a progress dialog if it takes long."""
        name, request, ctx = self.current_name() or "", self.request(parties), self.ctx

        def work(control: TaskControl) -> str:
            from ytcs_desktop.reports.excel import write_xlsx
            from ytcs_desktop.reports.output import write_pdf

            control.progress(0, 2, "")
            document, data = make_document(ctx, name, request)
            control.check()
            control.progress(1, 2, "")
            if kind == "pdf":
                fresh_form_fonts()
                write_pdf(document, path)
            else:
                spec = _registry().get(name)
                write_xlsx(spec.sheets(data), path, title=spec.title.text("vi"))
            return str(path)

        self.status.setStyleSheet("")
        self.status.setText(self.tr("Preparing the report…"))
        ctx.tasks.read(work, self._saved, self._failed, label=self.tr("Preparing the report…"))

    def _saved(self, path: str) -> None:
        self.status.setText(self.tr("Saved: %1").replace("%1", path))
        self.saved.emit(path)

    def _failed(self, exc: BaseException) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        text = exc.message(self.ctx.lang) if isinstance(exc, DomainError) else str(exc)
        self.status.setText(text)

    # ----- preview and print -----------------------------------------------------------------------
    def preview(self) -> None:
        self.with_input(self._preview)

    def _preview(self, parties: dict[str, Any]) -> None:
        name, request, ctx = self.current_name() or "", self.request(parties), self.ctx
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Preparing the report…"))
        ctx.tasks.read(lambda _c: make_document(ctx, name, request)[0], self._show_preview, self._failed,
                       label=self.tr("Preparing the report…"))

    def _show_preview(self, document: Any) -> None:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        self.status.clear()
        # The dialog keeps only a C++ pointer to the printer: the page holds the Python object (and the
        # document) for as long as the dialog lives, or Qt paints on a deleted printer and crashes.
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        entry = (dialog, printer, document)
        self._previews.append(entry)
        dialog.finished.connect(lambda _r: self._previews.remove(entry) if entry in self._previews else None)
        dialog.setWindowTitle(self.tr("Print preview"))
        dialog.paintRequested.connect(lambda p: paint_preview(document, p))
        dialog.resize(1100, 720)
        dialog.open()
