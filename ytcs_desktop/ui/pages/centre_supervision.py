"""Supervision visits: record a visit with its checklist scores, its findings and corrective actions,
and close each action on evidence."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ytcs_desktop.domain.supervision import visit_areas
from ytcs_desktop.store.models import SupervisionFinding, SupervisionVisit
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.supervision import CloseActionDialog, FindingDialog, SupervisionVisitDialog
from ytcs_desktop.ui.models.base import ROW_ROLE
from ytcs_desktop.ui.models.referrals import ActionsModel, SupervisionVisitsModel
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, toolbar_row


class SupervisionPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        self.visits = SupervisionVisitsModel(ctx.ops, None, ctx.lang, parent=self)
        self.record_button = QPushButton(self.tr("&Record a visit…"))
        self.finding_button = QPushButton(self.tr("Add a fi&nding…"))
        self.layout_.addLayout(toolbar_row(self.record_button, self.finding_button))
        self.visits_table = make_table(self.visits)
        self.layout_.addWidget(self.visits_table, 2)
        actions_title = QLabel(self.tr("Corrective actions"))
        actions_title.setStyleSheet("font-size: 12pt; font-weight: 600; margin-top: 8px;")
        self.layout_.addWidget(actions_title)
        self.actions_model = ActionsModel(ctx.ops, None, ctx.lang, open_only=False, parent=self)
        self.close_button = QPushButton(self.tr("&Close the action…"))
        self.layout_.addLayout(toolbar_row(self.close_button))
        self.actions_table = make_table(self.actions_model)
        self.layout_.addWidget(self.actions_table, 3)
        self.record_button.clicked.connect(self.record)
        self.finding_button.clicked.connect(self.add_finding)
        self.close_button.clicked.connect(self.close_action)
        self.visits.loaded.connect(lambda: fit_columns(self.visits_table, 320))
        self.actions_model.loaded.connect(lambda: fit_columns(self.actions_table, 260))

    def title(self) -> str:
        return self.tr("Supervision visits")

    def first_load(self) -> None:
        self.visits.refresh()
        self.actions_model.refresh()

    def record(self) -> SupervisionVisitDialog:
        dialog = SupervisionVisitDialog(self.ctx, self)
        dialog.open()
        return dialog

    def add_finding(self) -> FindingDialog | None:
        index = self.visits_table.currentIndex()
        visit = self.visits.data(index, ROW_ROLE) if index.isValid() else None
        if not isinstance(visit, SupervisionVisit):
            return None
        dialog = FindingDialog(self.ctx, visit.id, visit_areas(visit), self)
        dialog.open()
        return dialog

    def close_action(self) -> CloseActionDialog | None:
        index = self.actions_table.currentIndex()
        row = self.actions_model.data(index, ROW_ROLE) if index.isValid() else None
        if not isinstance(row, SupervisionFinding):
            return None
        dialog = CloseActionDialog(self.ctx, row, self)
        dialog.open()
        return dialog
