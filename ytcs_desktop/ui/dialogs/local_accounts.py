"""The people who may sign in on this computer: the list, a new account (by the head of station, offline
too: it awaits the centre's confirmation), disabling and enabling. The rules are the domain's
(domain/accounts.py); a refusal shows under its field and keeps what was typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ytcs_desktop.domain.accounts import AccountView, create_account, list_accounts, set_active
from ytcs_desktop.domain.actor import Actor
from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.domain.password_policy import check_new_password
from ytcs_desktop.domain.permissions import DUTIES, duty_names
from ytcs_desktop.store.session import Session
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.widgets.dialog import OperationDialog

AREAS = frozenset({"accounts"})


class NewAccountDialog(OperationDialog):
    """A colleague's account: user name, full name, roles, the password typed twice."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("New account on this computer"), parent)
        self.username = QLineEdit()
        self.username.setPlaceholderText("lan.nguyen")
        self.form.add("username", self.tr("User name"), self.username)
        self.full_name = QLineEdit()
        self.form.add("full_name", self.tr("Full name"), self.full_name)
        roles = QWidget()
        column = QVBoxLayout(roles)
        column.setContentsMargins(0, 0, 0, 0)
        self.duties: dict[str, QCheckBox] = {}
        side = "centre" if ctx.is_centre else "station"
        for code, duty in DUTIES.items():
            if duty.side == side:
                box = QCheckBox(duty.name.text(ctx.lang))
                self.duties[code] = box
                column.addWidget(box)
        self.form.add("duties", self.tr("Roles"), roles)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add("password", self.tr("Password"), self.password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add("repeat", self.tr("Password again"), self.repeat)
        note = QLabel(self.tr("The person can sign in on this computer at once. The next sync sends the account "
                              "to the centre, which confirms it (or says why not)."))
        note.setWordWrap(True)
        self.body.insertWidget(1, note)

    def operation(self) -> tuple[str, Callable[[Session, Actor], Any], frozenset[str]]:
        username, full_name = self.username.text().strip(), self.full_name.text()
        password, repeat = self.password.text(), self.repeat.text()
        duties = [code for code, box in self.duties.items() if box.isChecked()]

        def fn(s: Session, actor: Actor) -> AccountView:
            made = create_account(s, actor, username=username, full_name=full_name, password=password,
                                  duties=duties)
            check_new_password(password, repeat, username)  # after the rights and the rule: the repeat
            return made

        return "add_account", fn, AREAS


class LocalAccountsDialog(QDialog):
    """Who may sign in here, and whether the centre has confirmed them yet."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[AccountView] = []
        self.setWindowTitle(self.tr("Accounts on this computer"))
        self.resize(980, 440)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Full name"), self.tr("Roles"),
                                              self.tr("Confirmed by the centre"), self.tr("In use")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in (0, 1, 2, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # a refusal's words wrap here, whole
        self.table.setWordWrap(True)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        layout.addWidget(self.table)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("accounts_message")
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&New account…"))
        self.add_button.clicked.connect(self.add)
        self.disable_button = QPushButton(self.tr("&Disable"))
        self.disable_button.clicked.connect(lambda: self.set_active(False))
        self.enable_button = QPushButton(self.tr("&Enable"))
        self.enable_button.clicked.connect(lambda: self.set_active(True))
        for button in (self.add_button, self.disable_button, self.enable_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox()
        close = QPushButton(self.tr("Close"))
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.new_dialog: NewAccountDialog | None = None
        self.table.itemSelectionChanged.connect(self._show_refusal)
        self.reload()

    def _show_refusal(self) -> None:
        """The centre's refusal of the chosen account, whole, under the list."""
        account = self.selected()
        refusal = account.refusal_text(self.ctx.lang) if account is not None else None
        if refusal is not None:
            self.message.setText(refusal)

    def reload(self) -> None:
        self.ctx.ops.query(list_accounts, self._fill)

    def _fill(self, rows: list[AccountView]) -> None:
        self.rows = rows
        yes, no = self.tr("yes"), self.tr("no")
        self.table.setRowCount(len(rows))
        for n, account in enumerate(rows):
            confirmed = {"refused": self.tr("refused: %1").replace("%1", account.refusal_text(self.ctx.lang) or ""),
                         "waiting": no, "confirmed": yes}[account.confirmation]
            in_use = {"off": no, "on": yes, "off_at_centre": self.tr("no (disabled at the centre)")}[account.in_use]
            cells = (account.username, account.full_name, duty_names(account.duties, self.ctx.lang), confirmed,
                     in_use)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(n, column, item)
        self.table.resizeRowsToContents()

    def selected(self) -> AccountView | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def add(self) -> NewAccountDialog:
        dialog = NewAccountDialog(self.ctx, self)
        dialog.accepted.connect(self._made)
        self.new_dialog = dialog
        dialog.open()
        return dialog

    def _made(self) -> None:
        made = self.new_dialog.result_value if self.new_dialog is not None else None
        if isinstance(made, AccountView):
            self.message.setText(self.tr("Account %1 made for %2: it awaits the centre's confirmation.")
                                 .replace("%1", made.username).replace("%2", made.full_name))
        self.reload()

    def set_active(self, active: bool) -> None:
        account = self.selected()
        if account is None:
            self.message.setText(self.tr("Choose an account in the list first."))
            return
        username = account.username

        def fn(s: Session, actor: Actor) -> AccountView:
            return set_active(s, actor, username, active)

        def refused(err: DomainError) -> None:
            self.message.setText(err.message(self.ctx.lang))

        def done(view: AccountView) -> None:
            text = self.tr("%1 can sign in again.") if active else self.tr("%1 can no longer sign in here.")
            self.message.setText(text.replace("%1", view.full_name))
            self.reload()

        self.ctx.ops.write("set_account_active", fn, AREAS, on_done=done, on_error=refused, parent=self)
