"""The centre's view of every station at a glance."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.models.base import SearchProxy
from ytcs_desktop.ui.models.centre import DeviceState, StationsModel, device_states
from ytcs_desktop.ui.pages.base import Page, fit_columns, make_table, search_box, toolbar_row
from ytcs_desktop.ui.tasks import TaskControl


class StationsOverviewPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.heading(self.title())
        note = QLabel(self.tr("Figures come from what each station has sent; the last sync and the clock come "
                              "from the centre server. Red: needs a call today."))
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
        self.load_devices()

    def load_devices(self) -> None:
        """Ask the centre server when each station last synced (network pool; offline: left blank)."""
        db = self.ctx.db

        def work(_control: TaskControl) -> dict[str, DeviceState]:
            from ytcs_desktop.sync.client import SyncClient
            from ytcs_desktop.ui.models.sync_info import DEVICE_ID, SERVER_URL
            from ytcs_desktop.ui.sync_controller import load_token

            url = db.meta(SERVER_URL)
            token = load_token(url, db.meta(DEVICE_ID), db.path.parent) if url else None
            if not url or not token:
                return {}
            client = SyncClient(db, url, token, max_retries=1)
            try:
                return device_states(client.request("GET", "/api/v1/centre/devices", retry=False))
            finally:
                client.close()

        self.ctx.tasks.network(work, self.model.set_devices, lambda _e: None)
