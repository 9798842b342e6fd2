"""The centre's referral register: every station's referrals, followed up one step at a time."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QPushButton, QWidget

from ytcs_desktop.store.models import Referral
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.dialogs.referral import FollowUpDialog
from ytcs_desktop.ui.models.base import ROW_ROLE
from ytcs_desktop.ui.models.referrals import ReferralsModel
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, toolbar_row


class ReferralRegisterPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        self.model = ReferralsModel(ctx.ops, None, ctx.lang, parent=self)
        self.follow_button = QPushButton(self.tr("Follow &up…"))
        self.open_only = QCheckBox(self.tr("Only referrals still followed up"))
        self.layout_.addLayout(toolbar_row(self.follow_button, self.open_only))
        self.table = make_table(self.model)
        self.layout_.addWidget(self.table, 1)
        self.follow_button.clicked.connect(self.follow_up)
        self.table.doubleClicked.connect(lambda _index: self.follow_up())
        self.open_only.toggled.connect(self._filter)
        self.model.loaded.connect(lambda: fit_columns(self.table, 280))

    def title(self) -> str:
        return self.tr("Referral register")

    def first_load(self) -> None:
        self.model.refresh()

    def _filter(self, checked: bool) -> None:
        self.model.open_only = checked
        self.model.refresh()

    def follow_up(self) -> FollowUpDialog | None:
        index = self.table.currentIndex()
        row = self.model.data(index, ROW_ROLE) if index.isValid() else None
        if not isinstance(row, Referral):
            return None
        dialog = FollowUpDialog(self.ctx, row, self)
        dialog.open()
        return dialog
