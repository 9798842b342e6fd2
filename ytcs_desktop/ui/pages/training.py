"""Đào tạo: sessions (the station's and the centre's), attendance, marking a session held."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.domain.training import mark_held
from ytcs_desktop.store.models import TrainingSession
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.training import AttendeeDialog, SessionDialog
from ytcs_desktop.ui.models.base import ROW_ROLE, SearchProxy
from ytcs_desktop.ui.models.people import AttendanceModel, SessionsModel
from ytcs_desktop.ui.operations import TRAINING
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, search_box, toolbar_row
from ytcs_desktop.ui.widgets.form import ErrorLabel


class TrainingPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        station = None if ctx.is_centre else ctx.actor.station_id
        self.model = SessionsModel(ctx.ops, station, ctx.lang, self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.attendance = AttendanceModel(ctx.ops, ctx.lang, self)
        self.search = search_box(self.tr("Search sessions"), self.proxy)
        self.new_button = QPushButton(self.tr("&New session…"))
        self.attendee_button = QPushButton(self.tr("Add &attendee…"))
        self.held_button = QPushButton(self.tr("Mark as &held"))
        self.layout_.addLayout(toolbar_row(self.search, self.new_button, self.attendee_button, self.held_button))
        self.error = ErrorLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.layout_.addWidget(self.error)
        split = QSplitter(Qt.Orientation.Vertical)
        self.table = make_table(self.model, self.proxy)
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(QLabel(self.tr("Attendance")))
        self.attendance_table = make_table(self.attendance)
        col.addWidget(self.attendance_table)
        split.addWidget(self.table)
        split.addWidget(box)
        split.setSizes([360, 260])
        self.layout_.addWidget(split, 1)
        self.new_button.clicked.connect(self.new_session)
        self.attendee_button.clicked.connect(self.add_attendee)
        self.held_button.clicked.connect(self.mark_held)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected_changed())
        self.model.loaded.connect(self._reloaded)
        self.attendance.loaded.connect(lambda: fit_columns(self.attendance_table))
        self.current_id: str | None = None
        self._selected_changed()

    def title(self) -> str:
        return self.tr("Training")

    def first_load(self) -> None:
        self.model.refresh()

    def selected(self) -> TrainingSession | None:
        index = self.table.currentIndex()
        row = self.proxy.data(index, ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, TrainingSession) else None

    def select_session(self, session_id: str) -> None:
        for r in range(self.proxy.rowCount()):
            row = self.proxy.data(self.proxy.index(r, 0), ROW_ROLE)
            if getattr(row, "id", None) == session_id:
                self.table.selectRow(r)
                return

    def _reloaded(self) -> None:
        fit_columns(self.table, 300)
        if self.current_id:
            self.select_session(self.current_id)

    def _selected_changed(self) -> None:
        session = self.selected()
        if session is not None:
            self.current_id = session.id
        self.attendee_button.setEnabled(session is not None and session.status != "cancelled")
        self.held_button.setEnabled(session is not None and session.status == "planned")
        self.attendance.show(session.id if session else None)

    def new_session(self) -> SessionDialog:
        dialog = SessionDialog(self.ctx, self)
        dialog.accepted.connect(lambda: setattr(self, "current_id", dialog.result_value))
        dialog.open()
        return dialog

    def add_attendee(self) -> AttendeeDialog | None:
        session = self.selected()
        if session is None:
            return None
        dialog = AttendeeDialog(self.ctx, session.id, self)
        dialog.open()
        return dialog

    def mark_held(self) -> None:
        session = self.selected()
        if session is None:
            return
        session_id = session.id
        self.error.clear()
        self.ctx.ops.write("mark_held", lambda s, a: mark_held(s, a, session_id), {TRAINING},
                           on_error=self._refused, parent=self)

    def _refused(self, err: DomainError) -> None:
        self.error.setText(err.message(self.ctx.lang))
