"""The station's referrals (chuyển tuyến) with the centre's follow-up, and its open supervision actions."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ytcs_desktop.store.models import Referral, SupervisionFinding
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.referral import ReferralDialog
from ytcs_desktop.ui.dialogs.supervision import ProgressDialog
from ytcs_desktop.ui.models.base import ROW_ROLE
from ytcs_desktop.ui.models.referrals import ActionsModel, ReferralsModel
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, toolbar_row


class ReferralsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        station = ctx.actor.station_id
        self.model = ReferralsModel(ctx.ops, station, ctx.lang, parent=self)
        self.record_button = QPushButton(self.tr("Record a &referral…"))
        self.layout_.addLayout(toolbar_row(self.record_button))
        self.table = make_table(self.model)
        self.layout_.addWidget(self.table, 3)
        actions_title = QLabel(self.tr("Open corrective actions from supervision visits"))
        actions_title.setStyleSheet("font-size: 12pt; font-weight: 600; margin-top: 8px;")
        self.layout_.addWidget(actions_title)
        self.actions_model = ActionsModel(ctx.ops, station, ctx.lang, parent=self)
        self.progress_button = QPushButton(self.tr("Record &progress…"))
        self.layout_.addLayout(toolbar_row(self.progress_button))
        self.actions_table = make_table(self.actions_model)
        self.layout_.addWidget(self.actions_table, 2)
        self.record_button.clicked.connect(self.record)
        self.progress_button.clicked.connect(self.progress)
        self.model.loaded.connect(lambda: fit_columns(self.table, 280))
        self.actions_model.loaded.connect(lambda: fit_columns(self.actions_table, 280))

    def title(self) -> str:
        return self.tr("Referrals & supervision")

    def first_load(self) -> None:
        self.model.refresh()
        self.actions_model.refresh()

    def record(self) -> ReferralDialog:
        dialog = ReferralDialog(self.ctx, self)
        dialog.open()
        return dialog

    def current_referral(self) -> Referral | None:
        index = self.table.currentIndex()
        row = self.model.data(index, ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, Referral) else None

    def progress(self) -> ProgressDialog | None:
        index = self.actions_table.currentIndex()
        row = self.actions_model.data(index, ROW_ROLE) if index.isValid() else None
        if not isinstance(row, SupervisionFinding):
            return None
        dialog = ProgressDialog(self.ctx, row, self)
        dialog.open()
        return dialog
