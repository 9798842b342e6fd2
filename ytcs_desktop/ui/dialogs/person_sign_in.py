"""Who is at the computer: a person signs in with their own account on this PC (offline too), at start,
to unlock the window after an idle time, or to switch user."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ytcs_desktop.domain.accounts import AccountView, verify_password
from ytcs_desktop.domain.errors import DomainError
from ytcs_desktop.store.db import Database
from ytcs_desktop.ui.tasks import TaskControl, TaskManager
from ytcs_desktop.ui.widgets.form import Form


def check_password(db: Database, username: str, password: str) -> AccountView:
    """Runs on the writer thread (argon2 takes a moment; a stronger hash may be written back)."""
    with db.transaction() as s:
        return verify_password(s, username, password)


class PersonSignInDialog(QDialog):
    """Asks for a user name and password and checks them against this PC's accounts.

    `mode`: "start" (the window opens after it; Quit closes the program), "lock" (the window is locked for
    the person named: their password unlocks it, or another person may sign in), "switch" (another person
    takes the computer; Cancel keeps the one signed in) or "signed_out" (like start, over the window).
    Signals: `signed_in(AccountView)` once the password is right; a wrong one keeps the dialog and what
    was typed, says what to do under the field, and selects the password so typing replaces it."""

    signed_in = Signal(object)

    def __init__(self, db: Database, tasks: TaskManager, lang: str, mode: str = "start", username: str = "",
                 full_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self.lang = lang
        self.mode = mode
        self.setModal(True)
        self.setMinimumWidth(440)
        titles = {"lock": self.tr("The computer is locked"), "switch": self.tr("Switch user")}
        self.setWindowTitle(titles.get(mode, self.tr("Sign in")))
        layout = QVBoxLayout(self)
        heading = QLabel(titles.get(mode, self.tr("Sign in to YTCS Desktop")))
        heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        layout.addWidget(heading)
        intro = QLabel(self.tr("Locked after a time without use. %1, type your password to go on where you were; "
                               "someone else may sign in instead.").replace("%1", full_name or username)
                       if mode == "lock" else
                       self.tr("Each person signs in with their own account: what you record carries your name."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = Form()
        self.username = QLineEdit(username)
        self.username.setObjectName("sign_in_username")
        self.form.add("username", self.tr("User name"), self.username)
        self.password = QLineEdit()
        self.password.setObjectName("sign_in_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add("password", self.tr("Password"), self.password)
        layout.addWidget(self.form)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox()
        self.ok_button = QPushButton(self.tr("Sign in"))
        self.ok_button.setDefault(True)
        self.ok_button.setAutoDefault(True)
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.other_button: QPushButton | None = None
        if mode == "lock":
            self.other_button = QPushButton(self.tr("Someone &else"))
            self.other_button.setAutoDefault(False)
            self.other_button.clicked.connect(self._someone_else)
            buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.username.setReadOnly(True)
        else:
            cancel_text = self.tr("Cancel") if mode == "switch" else self.tr("Quit")
            self.cancel_button = QPushButton(cancel_text)
            self.cancel_button.setAutoDefault(False)
            buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
            buttons.rejected.connect(self.reject)
        self.ok_button.clicked.connect(self.submit)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        if self.mode == "lock":
            return  # a locked window stays locked (Esc, the close button): only a password opens it
        super().reject()

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return
        super().keyPressEvent(event)

    def _someone_else(self) -> None:
        self.username.setReadOnly(False)
        self.username.clear()
        self.password.clear()
        self.form.clear_errors()
        self.username.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        if not self.ok_button.isEnabled():
            return  # a check is already running
        self.form.clear_errors()
        db, user, password = self.db, self.username.text().strip(), self.password.text()
        self.ok_button.setEnabled(False)
        self.note.setText(self.tr("Checking the password…"))

        def work(_control: TaskControl) -> AccountView:
            return check_password(db, user, password)

        self.tasks.write(work, self._done, self._failed)

    def _done(self, account: Any) -> None:
        self.ok_button.setEnabled(True)
        self.note.clear()
        self.password.clear()
        self.signed_in.emit(account)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.note.clear()
        if isinstance(exc, DomainError):
            self.form.show_error(exc, self.lang)
        else:
            self.form.general.setText(str(exc))
            self.form.general.show()
        if isinstance(exc, DomainError) and exc.field == "username" and not self.username.isReadOnly():
            self.username.selectAll()
        else:
            self.password.setFocus(Qt.FocusReason.OtherFocusReason)
            self.password.selectAll()  # kept, and selected: typing again replaces it
