"""Sign this computer in to the centre server (after working offline, or when the token was lost)."""

from __future__ import annotations

import socket
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ytcs_desktop.domain.errors import DomainError, RuleError
from ytcs_desktop.messages import msg
from ytcs_desktop.store.db import Database
from ytcs_desktop.ui.context import AppContext
from ytcs_desktop.ui.models.sync_info import SERVER_URL
from ytcs_desktop.ui.tasks import TaskControl
from ytcs_desktop.ui.widgets.form import Form
from ytcs_desktop.ui.widgets.link_warning import PlainHttpWarning

# Where the centre's refusal is shown: under the field to change, or at the top when no field is wrong (too
# many failed tries: waiting is what to do). Any other refusal is the password's.
REFUSAL_FIELDS: dict[str, str | None] = {
    "network": "server_url", "certificate": "server_url", "account_disabled": "username",
    "station_unknown": "username", "station_mismatch": "username", "too_many_attempts": None,
}


def sign_in(db: Database, server_url: str, username: str, password: str) -> str:
    """Log in through the sync client, keep the device and the token; runs on the network pool."""
    from ytcs_desktop.domain.station_ids import own_code
    from ytcs_desktop.sync import keystore
    from ytcs_desktop.sync.client import SyncError, login
    from ytcs_desktop.sync.join import remember_centre

    url = server_url.strip().rstrip("/")
    if not url:
        raise RuleError("required", msg("required.sign_in"), field="server_url")
    try:
        answer = login(url, username, password, device_name=socket.gethostname(),
                       station_id=db.station_id, replica_id=db.replica_id, station_code=own_code(db))
    except SyncError as exc:
        raise RuleError(exc.code, exc.text, field=REFUSAL_FIELDS.get(exc.code, "password")) from exc
    if db.role == "station" and answer.station_id != db.station_id:
        raise RuleError("other_station", msg("other_station.sign_in"), field="username")
    remember_centre(db, url, answer.device_id, username)
    saved = keystore.save_token(url, answer.device_id, answer.token, db.path.parent)
    keep_verified_password(db, username, password)
    return str(saved.where)


def keep_verified_password(db: Database, username: str, password: str) -> None:
    """Where people sign in on this PC, the centre's accepted password is kept as a local hash, so that
    person can sign in here offline too (and an account made here is confirmed)."""
    from ytcs_desktop.domain.accounts import keep_verified_password as keep

    with db.transaction() as s:
        keep(s, username=username, password=password, role="centre" if db.role == "centre" else "station")


class SignInDialog(QDialog):
    """Emits `accepted` once signed in; a refusal stays in the dialog under its field."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Sign in to the centre"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.form = Form()
        self.server = QLineEdit(str(ctx.db.meta(SERVER_URL) or ctx.settings.value("server_url", "") or ""))
        self.server.setPlaceholderText("https://ttyt-thuanan.example.vn")
        self.form.add("server_url", self.tr("Centre server address"), self.server)
        self.http_warning = PlainHttpWarning(self.server)
        self.form.add_row(self.http_warning)
        self.username = QLineEdit(str(ctx.db.meta("sync_username") or ""))
        self.form.add("username", self.tr("User name"), self.username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add("password", self.tr("Password"), self.password)
        layout.addWidget(self.form)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox()
        self.ok_button = QPushButton(self.tr("Sign in"))
        self.ok_button.setDefault(True)
        cancel = QPushButton(self.tr("Cancel"))
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def submit(self) -> None:
        self.form.clear_errors()
        db, url, user, password = self.ctx.db, self.server.text(), self.username.text().strip(), self.password.text()
        self.ok_button.setEnabled(False)
        self.note.setText(self.tr("Signing in…"))

        def work(_control: TaskControl) -> str:
            return sign_in(db, url, user, password)

        self.ctx.tasks.network(work, self._done, self._failed)

    def _done(self, where: Any) -> None:
        self.ok_button.setEnabled(True)
        self.password.clear()
        if self.ctx.sync is not None:
            self.ctx.sync.refresh_counts()
            self.ctx.sync.start_auto(500)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.note.clear()
        if isinstance(exc, DomainError):
            self.form.show_error(exc, self.ctx.lang)
            if exc.field == "password":  # kept, and selected: typing again replaces it
                self.password.selectAll()
        else:
            self.form.general.setText(str(exc))
            self.form.general.show()
