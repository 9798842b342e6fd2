"""Tài khoản và máy: the centre's accounts and the computers signed in to it, as the centre server knows
them (read on the network pool; offline, the dialog says so). From here the centre's administrator
disables or enables an account, resets its password and revokes a computer, and anyone changes their own
password; each call runs on the network pool and the centre's answer is shown in its words. Accounts are
made with `ytcs centre add-user` on the server's machine."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ytcs_desktop.domain.labels import label
from ytcs_desktop.ui.centre_link import centre_call, centre_link
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.tasks import TaskControl


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
        self.tabs = tabs = QTabWidget()
        self.users = self._table([self.tr("Account"), self.tr("Role"), self.tr("Station"), self.tr("Active"),
                                  self.tr("Sign-in locked until")])
        self.devices = self._table([self.tr("Computer"), self.tr("Account"), self.tr("Station"),
                                    self.tr("Last sync"), self.tr("Clock"), self.tr("Revoked")])
        self.toggle_button = QPushButton(self.tr("&Disable"))
        self.reset_button = QPushButton(self.tr("&Reset password…"))
        self.revoke_button = QPushButton(self.tr("Re&voke…"))
        tabs.addTab(self._page(self.users, self.toggle_button, self.reset_button), self.tr("&Accounts"))
        tabs.addTab(self._page(self.devices, self.revoke_button), self.tr("&Computers"))
        layout.addWidget(tabs, 1)
        self.user_rows: list[dict[str, Any]] = []
        self.device_rows: list[dict[str, Any]] = []
        self.question: QMessageBox | None = None
        self.said = ""  # what the last administration call did, shown above the lists read after it
        self.password_dialog: QDialog | None = None
        self.toggle_button.clicked.connect(self.toggle_active)
        self.reset_button.clicked.connect(self.reset_password)
        self.revoke_button.clicked.connect(self.ask_revoke)
        self.users.itemSelectionChanged.connect(self._chosen)
        self.devices.itemSelectionChanged.connect(self._chosen)
        self._chosen()
        hint = QLabel(self.tr("New accounts are made on the server's computer: "
                              "ytcs centre add-user NAME --role station --station CODE --password-stdin"))
        hint.setWordWrap(True)
        hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(hint)
        buttons = QDialogButtonBox()
        self.own_button = buttons.addButton(self.tr("Change &my password…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.own_button.clicked.connect(self.change_own_password)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.load()

    @staticmethod
    def _page(table: QTableWidget, *buttons: QPushButton) -> QWidget:
        page = QWidget()
        col = QVBoxLayout(page)
        col.addWidget(table, 1)
        row = QHBoxLayout()
        for button in buttons:
            button.setAutoDefault(False)  # Enter closes nothing and changes no account
            row.addWidget(button)
        row.addStretch(1)
        col.addLayout(row)
        return page

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
        counts = (self.tr("%1 accounts, %2 computers.").replace("%1", str(len(users)))
                  .replace("%2", str(len(devices or []))))
        self.note.setText(f"{self.said} {counts}" if self.said else counts)  # what was just done stays in view
        self.said = ""
        lang, yes = self.ctx.lang, "✓"
        self.user_rows, self.device_rows = list(users), list(devices or [])
        self._fill(self.users, [[u["username"], label("role", u["role"], lang), u.get("station") or "—",
                                 yes if u.get("active") else "", self._when(u.get("locked_until"))
                                 if u.get("locked_until") else ""] for u in users])
        self._fill(self.devices, [[d.get("name") or d["id"][:8], d["username"], d.get("station_code") or "—",
                                   self._when(d.get("last_seen")),
                                   self.tr("suspect") if d.get("clock_suspect") else self.tr("ok"),
                                   yes if d.get("revoked") else ""] for d in devices or []])
        self._chosen()  # the rows chosen may have changed under the selection (an account just disabled)

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

    # ----- administration ---------------------------------------------------------------------------
    def chosen_user(self) -> dict[str, Any] | None:
        row = self.users.currentRow()
        return self.user_rows[row] if 0 <= row < len(self.user_rows) and self.users.selectedItems() else None

    def chosen_device(self) -> dict[str, Any] | None:
        row = self.devices.currentRow()
        return self.device_rows[row] if 0 <= row < len(self.device_rows) and self.devices.selectedItems() else None

    def _chosen(self) -> None:
        user, device = self.chosen_user(), self.chosen_device()
        self.toggle_button.setEnabled(user is not None)
        self.reset_button.setEnabled(user is not None)
        self.toggle_button.setText(self.tr("&Enable") if user and not user.get("active") else self.tr("&Disable"))
        self.revoke_button.setEnabled(device is not None and not device.get("revoked"))

    def _act(self, work: Any, done_text: str) -> None:
        """One administration call on the network pool; then the lists are read again."""
        ctx = self.ctx

        def run(_control: TaskControl) -> None:
            url, token, verify = centre_link(ctx)
            work(url, token, verify)

        def done(_result: Any) -> None:
            self.said = done_text
            self.note.setText(done_text)
            self.load()

        ctx.tasks.network(run, done, self._refused)

    def _refused(self, exc: BaseException) -> None:
        said = getattr(exc, "en" if self.ctx.lang == "en" else "vi", None) or str(exc)
        self.note.setText(str(said))

    def toggle_active(self) -> None:
        from ytcs_desktop.sync.account import set_active

        user = self.chosen_user()
        if user is None:
            return
        name, active = str(user["username"]), not user.get("active")
        text = (self.tr("Account %1 enabled: it can sign in again and its computers sync again.") if active else
                self.tr("Account %1 disabled: it cannot sign in and its computers stop syncing."))
        self._act(lambda url, token, verify: set_active(url, token, name, active, verify=verify),
                  text.replace("%1", name))

    def reset_password(self) -> None:
        user = self.chosen_user()
        if user is not None:
            self._password(str(user["username"]), own=False)

    def change_own_password(self) -> None:
        from ytcs_desktop.sync.join import USERNAME

        self._password(str(self.ctx.db.meta(USERNAME) or ""), own=True)

    def _password(self, username: str, own: bool) -> None:
        from ytcs_desktop.ui.dialogs.password import PasswordDialog

        dialog = PasswordDialog(self.ctx, username, own, self)
        self.password_dialog = dialog
        text = (self.tr("Your password was changed.") if own else
                self.tr("New password set for %1: tell them, and ask them to change it.").replace("%1", username))

        def taken() -> None:
            self.said = text
            self.note.setText(text)
            self.load()  # a reset lifts the account's sign-in lock

        dialog.accepted.connect(taken)
        dialog.open()

    def ask_revoke(self) -> None:
        device = self.chosen_device()
        if device is None:
            return
        name = str(device.get("name") or device["id"][:8])
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(),
                          self.tr("Revoke computer %1? It stops syncing until someone signs in on it again.")
                          .replace("%1", name), QMessageBox.StandardButton.NoButton, self)
        revoke = box.addButton(self.tr("Revoke"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # a stray Enter revokes nothing
        box.setEscapeButton(keep)
        self.question = box

        def answered(_result: int) -> None:
            self.question = None
            box.deleteLater()
            if box.clickedButton() is revoke:
                self.revoke(str(device["id"]), name)

        box.finished.connect(answered)
        box.open()

    def revoke(self, device_id: str, name: str) -> None:
        from ytcs_desktop.sync.account import revoke_device

        self._act(lambda url, token, verify: revoke_device(url, token, device_id, verify=verify),
                  self.tr("Computer %1 revoked.").replace("%1", name))
