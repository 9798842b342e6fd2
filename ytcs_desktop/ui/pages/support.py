"""Hỗ trợ chuyên môn: the requests list with filters, the chosen request's timeline, comments and the
moves this role may make now. The centre inbox is the same view over every station."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.domain.labels import choices, label
from ytcs_desktop.domain.support import add_comment, allowed_moves, move, status_label
from ytcs_desktop.store.models import SupportRequest
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.history import HistoryDialog, open_history
from ytcs_desktop.ui.dialogs.request import MoveDialog, NewRequestDialog
from ytcs_desktop.ui.models.base import ROW_ROLE, SearchProxy, fmt_date
from ytcs_desktop.ui.models.support import RequestsModel, TimelineModel
from ytcs_desktop.ui.operations import REQUESTS
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, search_box, toolbar_row
from ytcs_desktop.ui.widgets.form import ErrorLabel

# Moves that need a form; the others are one click.
FORM_MOVES = {"rejected", "scheduled", "done", "rated"}


class SupportPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        station = None if ctx.is_centre else ctx.actor.station_id
        self.model = RequestsModel(ctx.ops, station, ctx.lang, self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.timeline = TimelineModel(ctx.ops, ctx.lang, self)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        self.status_filter.addItem(self.tr("Open (not finished)"), "open")
        for code, text in choices("request_status", ctx.lang):
            self.status_filter.addItem(text, code)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for code, text in choices("request_kind", ctx.lang):
            self.kind_filter.addItem(text, code)
        self.search = search_box(self.tr("Search requests"), self.proxy)
        self.new_button = QPushButton(self.tr("&New request…"))
        self.new_button.setVisible(not ctx.is_centre)
        self.layout_.addLayout(toolbar_row(self.search, self.status_filter, self.kind_filter, self.new_button))
        split = QSplitter(Qt.Orientation.Horizontal)
        self.table = make_table(self.model, self.proxy)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        split.addWidget(self.table)
        split.addWidget(self._detail_panel())
        split.setSizes([640, 480])
        self.layout_.addWidget(split, 1)
        self.status_filter.currentIndexChanged.connect(self._filter)
        self.kind_filter.currentIndexChanged.connect(self._filter)
        self.new_button.clicked.connect(self.new_request)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.model.loaded.connect(self._reloaded)
        self.timeline.loaded.connect(lambda: fit_columns(self.timeline_table, 260))
        self.current_id: str | None = None
        self._show_selected()

    def title(self) -> str:
        return self.tr("Professional support")

    def first_load(self) -> None:
        self.model.refresh()

    def _detail_panel(self) -> QWidget:
        panel = QWidget()
        col = QVBoxLayout(panel)
        col.setContentsMargins(8, 0, 0, 0)
        self.detail_title = QLabel()
        self.detail_title.setWordWrap(True)
        self.detail_title.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.detail_body = QLabel()
        self.detail_body.setWordWrap(True)
        self.detail_body.setObjectName("request_detail")
        col.addWidget(self.detail_title)
        col.addWidget(self.detail_body)
        moves = QHBoxLayout()
        self.moves_row = QHBoxLayout()
        moves.addLayout(self.moves_row)
        moves.addStretch(1)
        col.addLayout(moves)
        self.timeline_table = make_table(self.timeline)
        col.addWidget(self.timeline_table, 1)
        comment_row = QHBoxLayout()
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("Write a comment for the other side"))
        self.comment_button = QPushButton(self.tr("Add &comment"))
        comment_row.addWidget(self.comment, 1)
        comment_row.addWidget(self.comment_button)
        col.addLayout(comment_row)
        self.error = ErrorLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        col.addWidget(self.error)
        self.comment_button.clicked.connect(self.add_comment)
        self.comment.returnPressed.connect(self.add_comment)
        self.move_buttons: dict[str, QPushButton] = {}
        return panel

    # ----- filters and selection --------------------------------------------------------------
    def _filter(self) -> None:
        status, kind = self.status_filter.currentData(), self.kind_filter.currentData()

        def accept(row: SupportRequest) -> bool:
            if status == "open" and row.status in ("rated", "rejected", "cancelled", "done"):
                return False
            if status not in (None, "open") and row.status != status:
                return False
            return kind is None or row.kind == kind

        self.proxy.set_predicate(None if status is None and kind is None else accept)

    def selected(self) -> SupportRequest | None:
        index = self.table.currentIndex()
        row = self.proxy.data(index, ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, SupportRequest) else None

    def _row_menu(self, pos: QPoint) -> QMenu | None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return None
        self.table.selectRow(index.row())
        self.table.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.tr("History…"), self.history)
        menu.popup(self.table.viewport().mapToGlobal(pos))
        return menu

    def history(self) -> HistoryDialog | None:
        """Lịch sử: every change of the selected request, by whom, on which computer."""
        request = self.selected()
        if request is None:
            return None
        return open_history(self.ctx, "support_requests", request.id,
                            f"{request.number} – {request.title}" if request.number else request.title, self)

    def select_request(self, request_id: str) -> None:
        source_row = self.model.index_of(request_id)
        if source_row >= 0:
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
            self.table.selectRow(index.row())
            self.table.setCurrentIndex(index)

    def _reloaded(self) -> None:
        fit_columns(self.table, 280)
        if self.current_id:
            self.select_request(self.current_id)
        self._show_selected()

    def _show_selected(self) -> None:
        request = self.selected()
        self.current_id = request.id if request else self.current_id
        for button in self.move_buttons.values():
            button.deleteLater()
        self.move_buttons.clear()
        self.comment.setEnabled(request is not None)
        self.comment_button.setEnabled(request is not None)
        if request is None:
            self.detail_title.setText(self.tr("Choose a request to see its history."))
            self.detail_body.clear()
            self.timeline.show(None)
            return
        lang = self.ctx.lang
        self.detail_title.setText(f"{request.number or ''} — {request.title}")
        parts = [f"{label('request_kind', request.kind, lang)} · {label('urgency', request.urgency, lang)} · "
                 f"<b>{status_label(request.status, request.sync_state, lang)}</b>"]
        if request.description:
            parts.append(request.description)
        if request.scheduled_from:
            parts.append(self.tr("Scheduled: %1 – %2").replace("%1", fmt_date(request.scheduled_from))
                         .replace("%2", fmt_date(request.scheduled_to or request.scheduled_from)))
        if request.reject_reason:
            parts.append(self.tr("Reason for rejecting: %1").replace("%1", request.reject_reason))
        if request.outcome:
            parts.append(self.tr("Outcome: %1").replace("%1", request.outcome))
        if request.rating:
            parts.append(self.tr("Rating: %1/5").replace("%1", str(request.rating)))
        if request.sync_state == "rejected":
            parts.append("<span style='color:#b3261e'>" + self.tr("Refused by the centre: %1")
                         .replace("%1", request.sync_reason or "") + "</span>")
        self.detail_body.setText("<br>".join(parts))
        verbs = {"submitted": self.tr("Send to the centre"), "cancelled": self.tr("Cancel the request"),
                 "accepted": self.tr("Accept"), "rejected": self.tr("Reject…"), "scheduled": self.tr("Schedule…"),
                 "in_progress": self.tr("Start"), "done": self.tr("Mark as done…"),
                 "rated": self.tr("Rate the support…")}
        for target in allowed_moves(request, self.ctx.actor.role):
            button = QPushButton(verbs.get(target, label("request_status", target, lang)))
            button.setObjectName(f"move_{target}")
            button.clicked.connect(lambda _=False, t=target: self.do_move(t))
            self.moves_row.addWidget(button)
            self.move_buttons[target] = button
        self.timeline.show(request.id)

    # ----- actions ------------------------------------------------------------------------------
    def new_request(self) -> NewRequestDialog:
        dialog = NewRequestDialog(self.ctx, self)
        dialog.accepted.connect(lambda: self._created(dialog.result_value))
        dialog.open()
        return dialog

    def _created(self, request_id: str | None) -> None:
        if request_id:
            self.current_id = request_id

    def do_move(self, target: str) -> MoveDialog | None:
        request = self.selected()
        if request is None:
            return None
        if target in FORM_MOVES:
            dialog = MoveDialog(self.ctx, request.id, target, self)
            dialog.open()
            return dialog
        request_id = request.id
        self.error.clear()
        self.ctx.ops.write("move_request", lambda s, a: move(s, a, request_id, target), {REQUESTS},
                           on_error=self._refused, parent=self)
        return None

    def add_comment(self) -> None:
        request = self.selected()
        body = self.comment.text()
        if request is None:
            return
        request_id = request.id
        self.error.clear()
        self.ctx.ops.write("add_comment", lambda s, a: add_comment(s, a, request_id, body), {REQUESTS},
                           on_done=lambda _c: self.comment.clear(), on_error=self._refused, parent=self)

    def _refused(self, err: DomainError) -> None:
        self.error.setText(err.message(self.ctx.lang))
