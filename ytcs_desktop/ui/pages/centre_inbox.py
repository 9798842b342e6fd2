"""The centre's request inbox: every station's requests, open ones first; accept, schedule, reject, close."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.pages.support import SupportPage


class InboxPage(SupportPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.status_filter.setCurrentIndex(self.status_filter.findData("open"))

    def title(self) -> str:
        return self.tr("Request inbox")
