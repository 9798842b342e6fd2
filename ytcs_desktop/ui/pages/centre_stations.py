"""The centre's view of every station at a glance."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.models.base import SearchProxy
from ytcs_desktop.ui.models.centre import StationsModel
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, search_box, toolbar_row


class StationsOverviewPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        note = QLabel(self.tr("Figures come from what each station has sent. Red: needs a call today."))
        note.setWordWrap(True)
        self.layout_.addWidget(note)
        self.model = StationsModel(ctx.ops, self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.layout_.addLayout(toolbar_row(search_box(self.tr("Search stations"), self.proxy)))
        self.table = make_table(self.model, self.proxy)
        self.layout_.addWidget(self.table, 1)
        self.model.loaded.connect(lambda: fit_columns(self.table))

    def title(self) -> str:
        return self.tr("Stations")

    def first_load(self) -> None:
        self.model.refresh()
