"""Đồng bộ: changes the centre refused (with its reason) and the conflict log."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.models.sync_info import ConflictModel, RefusedModel
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, toolbar_row


class SyncLogPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        intro = QLabel(self.tr("Every change is kept on this computer first and sent when there is a link. "
                               "A change the centre refuses stays here with the centre's reason: correct the "
                               "record and it is sent again."))
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        self.sync_button = QPushButton(self.tr("Sync &now"))
        self.layout_.addLayout(toolbar_row(self.sync_button))
        if ctx.sync is not None:
            self.sync_button.clicked.connect(ctx.sync.sync_now)
        self.refused = RefusedModel(ctx.ops, self, ctx.lang)
        self.conflicts = ConflictModel(ctx.ops, self, ctx.lang)
        box1 = QGroupBox(self.tr("Refused by the centre"))
        col1 = QVBoxLayout(box1)
        self.refused_table = make_table(self.refused)
        col1.addWidget(self.refused_table)
        box2 = QGroupBox(self.tr("Conflict log (the later edit of a field was kept)"))
        col2 = QVBoxLayout(box2)
        self.conflict_table = make_table(self.conflicts)
        col2.addWidget(self.conflict_table)
        self.layout_.addWidget(box1, 1)
        self.layout_.addWidget(box2, 1)
        self.refused.loaded.connect(lambda: fit_columns(self.refused_table))
        self.conflicts.loaded.connect(lambda: fit_columns(self.conflict_table))

    def title(self) -> str:
        return self.tr("Sync")

    def first_load(self) -> None:
        self.refused.refresh()
        self.conflicts.refresh()
