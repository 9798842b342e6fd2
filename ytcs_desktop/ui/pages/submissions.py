"""Báo cáo gửi Trung tâm: a station sends its periodic reports and sees what is due; the centre sees every
station's reports, returns one with a comment or acknowledges it, and sees what is overdue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from ytcs_desktop.domain.reporting.submissions import SubmissionRow
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.submission import ReviewDialog, SubmissionDialog, figures_lines
from ytcs_desktop.ui.models.base import ROW_ROLE
from ytcs_desktop.ui.models.reporting import DueModel, SubmissionsModel
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, toolbar_row


class SubmissionsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        station = None if ctx.is_centre else (ctx.actor.station_id or "")
        self.model = SubmissionsModel(ctx.ops, station, ctx.lang, self)
        self.due = DueModel(ctx.ops, station, self)
        self.submit_button = QPushButton(self.tr("&Submit a report…"))
        self.return_button = QPushButton(self.tr("&Return to the station…"))
        self.acknowledge_button = QPushButton(self.tr("&Acknowledge…"))
        buttons = ((self.return_button, self.acknowledge_button) if ctx.is_centre else (self.submit_button,))
        self.layout_.addLayout(toolbar_row(*buttons))
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        col = QVBoxLayout(top)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(QLabel(self.tr("Reports still missing after their deadline") if ctx.is_centre
                             else self.tr("Reports due within a week, and those missing")))
        self.due_table = make_table(self.due)
        self.due_table.setObjectName("due_table")
        col.addWidget(self.due_table)
        bottom = QWidget()
        col = QVBoxLayout(bottom)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(QLabel(self.tr("Reports sent")))
        self.table = make_table(self.model)
        col.addWidget(self.table, 1)
        self.detail = QLabel()
        self.detail.setObjectName("submission_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        col.addWidget(self.detail)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([200, 420])
        self.layout_.addWidget(split, 1)
        self.submit_button.clicked.connect(self.submit)
        self.return_button.clicked.connect(lambda: self.review("returned"))
        self.acknowledge_button.clicked.connect(lambda: self.review("acknowledged"))
        self.model.loaded.connect(lambda: fit_columns(self.table, 320))
        self.due.loaded.connect(lambda: fit_columns(self.due_table, 320))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())

    def title(self) -> str:
        return self.tr("Reports to the centre") if not self.ctx.is_centre else self.tr("Station reports")

    def first_load(self) -> None:
        self.model.refresh()
        self.due.refresh()

    def selected(self) -> SubmissionRow | None:
        index = self.table.currentIndex()
        row = self.model.data(index, ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, SubmissionRow) else None

    def _show_detail(self) -> None:
        row = self.selected()
        if row is None:
            self.detail.clear()
            return
        lines = figures_lines(row.figures, self.ctx.lang)
        if row.difficulties:
            lines += [self.tr("Difficulties:"), *(f"- {x}" for x in row.difficulties)]
        if row.proposals:
            lines += [self.tr("Proposals:"), *(f"- {x}" for x in row.proposals)]
        self.detail.setText("\n".join(lines))

    def submit(self) -> SubmissionDialog:
        dialog = SubmissionDialog(self.ctx, self)
        dialog.open()
        return dialog

    def review(self, to: str) -> ReviewDialog | None:
        row = self.selected()
        if row is None or row.superseded or row.status != "submitted":
            return None
        dialog = ReviewDialog(self.ctx, row, to, self)
        dialog.open()
        return dialog
