"""Tài khoản và máy: the centre's accounts and the computers signed in to it, as the centre server knows
them (read on the network pool; offline, the dialog says so). Accounts are made with `ytcs centre
add-user` on the server's machine."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ytcs_desktop.domain.labels import label
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.tasks import TaskControl


def centre_call(ctx: AppContext, path: str) -> Any:
    """GET one centre endpoint with this desktop's device token; None when no centre is set up here.
    Runs on a worker (the network pool), never on the GUI thread."""
    from ytcs_desktop.sync.client import SyncClient
    from ytcs_desktop.ui.models.sync_info import DEVICE_ID, SERVER_URL
    from ytcs_desktop.ui.sync_controller import load_token

    db = ctx.db
    url = db.meta(SERVER_URL)
    token = load_token(url, db.meta(DEVICE_ID), db.path.parent) if url else None
    if not url or not token:
        return None
    client = SyncClient(db, url, token, max_retries=1)
    try:
        return client.request("GET", path, retry=False)
    finally:
        client.close()


class AccountsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Accounts and computers"))
        self.resize(820, 480)
        layout = QVBoxLayout(self)
        self.note = QLabel(self.tr("Asking the centre server…"))
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        tabs = QTabWidget()
        self.users = self._table([self.tr("Account"), self.tr("Role"), self.tr("Station"), self.tr("Active")])
        self.devices = self._table([self.tr("Computer"), self.tr("Account"), self.tr("Station"),
                                    self.tr("Last sync"), self.tr("Clock"), self.tr("Revoked")])
        tabs.addTab(self.users, self.tr("&Accounts"))
        tabs.addTab(self.devices, self.tr("&Computers"))
        layout.addWidget(tabs, 1)
        hint = QLabel(self.tr("New accounts are made on the server's computer: "
                              "ytcs centre add-user NAME --role station --station CODE --password-stdin"))
        hint.setWordWrap(True)
        hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(hint)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.load()

    @staticmethod
    def _table(headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def load(self) -> None:
        ctx = self.ctx

        def work(_control: TaskControl) -> tuple[Any, Any]:
            return centre_call(ctx, "/api/v1/centre/users"), centre_call(ctx, "/api/v1/centre/devices")

        ctx.tasks.network(work, self._show, self._failed)

    def _failed(self, exc: BaseException) -> None:
        said = getattr(exc, "en" if self.ctx.lang == "en" else "vi", None) or str(exc)  # the client's own words
        self.note.setText(self.tr("The centre server could not be reached: %1").replace("%1", str(said)))

    def _show(self, answer: tuple[Any, Any]) -> None:
        users, devices = answer
        if users is None:
            self.note.setText(self.tr("This computer is not signed in to a centre server."))
            return
        self.note.setText(self.tr("%1 accounts, %2 computers.").replace("%1", str(len(users)))
                          .replace("%2", str(len(devices or []))))
        lang, yes = self.ctx.lang, "✓"
        self._fill(self.users, [[u["username"], label("role", u["role"], lang), u.get("station") or "—",
                                 yes if u.get("active") else ""] for u in users])
        self._fill(self.devices, [[d.get("name") or d["id"][:8], d["username"], d.get("station_code") or "—",
                                   self._when(d.get("last_seen")),
                                   self.tr("suspect") if d.get("clock_suspect") else self.tr("ok"),
                                   yes if d.get("revoked") else ""] for d in devices or []])

    def _when(self, iso: str | None) -> str:
        if not iso:
            return "—"
        moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate).toLocalTime()
        return QLocale().toString(moment, QLocale.FormatType.ShortFormat)

    @staticmethod
    def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
        table.resizeColumnsToContents()
